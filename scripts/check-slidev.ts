// `npm run typecheck` runs this after vue-tsc: the type shim of `@slidev/client`
// (types/slidev-client.d.ts) and the internals the deck relies on
// (composables/slidev-internals.ts) are checked against Slidev's own sources, which
// vue-tsc cannot compile. Parsing only, no type-checking: a second or two.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import ts from 'typescript'
import { SLIDEV_INTERNALS, SLIDEV_LABELS } from '../composables/slidev-internals'
import { isEntry } from '../server/entry'

const require = createRequire(import.meta.url)
const CLIENT = dirname(require.resolve('@slidev/client/package.json'))
const SHIM = 'types/slidev-client.d.ts'

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
function nameOf(node: { name?: ts.PropertyName | ts.BindingName }) {
  return node.name && ts.isIdentifier(node.name)
    ? node.name.text
    : undefined
}

/** The members of an interface declared in a file, by name. */
function interfaceMembers(file: ts.SourceFile, name: string): Set<string> | undefined {
  let found: Set<string> | undefined
  file.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name)
      found = new Set(node.members.map(m => nameOf(m)).filter((n): n is string => !!n))
  })
  return found
}

/** The names a module exports, following `export { a } from` and `export function`. */
function exportedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  file.forEachChild((node) => {
    if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause))
      node.exportClause.elements.forEach(e => names.add(e.name.text))
    if (ts.isFunctionDeclaration(node) && node.name && node.modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword))
      names.add(node.name.text)
  })
  return names
}

/** The keys of the object `useSlideContext()` returns in Slidev's context.ts. */
function slideContextKeys(file: ts.SourceFile): Set<string> {
  const keys = new Set<string>()
  const visit = (node: ts.Node) => {
    if (ts.isReturnStatement(node) && node.expression && ts.isObjectLiteralExpression(node.expression)) {
      for (const p of node.expression.properties) {
        const n = nameOf(p as ts.ShorthandPropertyAssignment)
        if (n)
          keys.add(n)
      }
    }
    node.forEachChild(visit)
  }
  visit(file)
  return keys
}

/** What the shim declares: its functions, and each interface's members. */
function shim(): { functions: string[], interfaces: Map<string, string[]> } {
  const file = parse(SHIM)
  const functions: string[] = []
  const interfaces = new Map<string, string[]>()
  file.forEachChild((node) => {
    if (ts.isFunctionDeclaration(node) && node.name)
      functions.push(node.name.text)
    if (ts.isInterfaceDeclaration(node))
      interfaces.set(node.name.text, node.members.map(m => nameOf(m)).filter((n): n is string => !!n))
  })
  return { functions, interfaces }
}

/** Each mismatch between the shim (and the internals) and Slidev's sources, in English. */
export function slidevMismatches(): string[] {
  const problems: string[] = []
  const declared = shim()
  const index = exportedNames(parse(join(CLIENT, 'index.ts')))
  for (const fn of declared.functions) {
    if (!index.has(fn))
      problems.push(`${SHIM}: @slidev/client does not export ${fn}()`)
  }
  const useNav = parse(join(CLIENT, 'composables/useNav.ts'))
  const sources: Record<string, Set<string> | undefined> = {
    SlidevNav: interfaceMembers(useNav, 'SlidevContextNav'),
    SlidevNavControls: interfaceMembers(useNav, 'SlidevContextNav'),
    SyncMethod: interfaceMembers(parse(join(CLIENT, 'state/syncState.ts')), 'Sync'),
    SlideContext: slideContextKeys(parse(join(CLIENT, 'context.ts'))),
  }
  for (const [shimName, members] of declared.interfaces) {
    const real = sources[shimName]
    if (!real) {
      problems.push(`${SHIM}: ${shimName} is not mapped to a Slidev source in scripts/check-slidev.ts`)
      continue
    }
    for (const member of members) {
      if (!real.has(member))
        problems.push(`${SHIM}: ${shimName}.${member} does not exist in Slidev ${readVersion()}`)
    }
  }
  const text = (path: string) => readFileSync(join(CLIENT, path), 'utf8')
  const checks: [keyof typeof SLIDEV_INTERNALS, string, string][] = [
    ['navChannelSuffix', 'setup/root.ts', `\${slidesTitle}${SLIDEV_INTERNALS.navChannelSuffix}`],
    ['notesRowKey', 'pages/presenter.vue', `'${SLIDEV_INTERNALS.notesRowKey}'`],
    ['presenterPath', 'setup/routes.ts', `path: '${SLIDEV_INTERNALS.presenterPath}'`],
    ['sharedCursorField', 'state/shared.ts', `  ${SLIDEV_INTERNALS.sharedCursorField}?: {`],
  ]
  for (const [key, path, expected] of checks) {
    if (!text(path).includes(expected))
      problems.push(`composables/slidev-internals.ts: ${key} (${expected}) not found in @slidev/client/${path}`)
  }
  for (const [path, labels] of Object.entries(SLIDEV_LABELS)) {
    for (const [english] of labels) {
      if (!text(path).includes(english))
        problems.push(`composables/slidev-internals.ts: the label ${JSON.stringify(english.trim())} is no longer in @slidev/client/${path}`)
    }
  }
  return problems
}

function readVersion(): string {
  return (JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8')) as { version: string }).version
}

if (isEntry(import.meta.url)) {
  const problems = slidevMismatches()
  if (problems.length) {
    console.error(`The deck's view of Slidev ${readVersion()} is out of date:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    process.exit(1)
  }
}
