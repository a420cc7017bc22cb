// The lint toolchain calls Object.groupBy (Node 21+). This project supports Node 20.19,
// so eslint.config.ts loads this shim first. Nothing in the deck or the server uses it.
if (!('groupBy' in Object)) {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value<T, K extends PropertyKey>(items: Iterable<T>, key: (item: T, index: number) => K): Partial<Record<K, T[]>> {
      const groups = Object.create(null) as Partial<Record<K, T[]>>
      let index = 0
      for (const item of items)
        (groups[key(item, index++)] ??= []).push(item)
      return groups
    },
  })
}
