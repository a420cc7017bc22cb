import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  // Type-aware on the server side, where a forgotten `await` loses a write: only the promise rules (below).
  typescript: {
    tsconfigPath: 'tsconfig.json',
    filesTypeAware: ['server/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'],
    overridesTypeAware: {
      'ts/dot-notation': 'off',
      'ts/no-unnecessary-type-assertion': 'off',
      'ts/no-unsafe-argument': 'off',
      'ts/no-unsafe-assignment': 'off',
      'ts/no-unsafe-call': 'off',
      'ts/no-unsafe-member-access': 'off',
      'ts/no-unsafe-return': 'off',
      'ts/promise-function-async': 'off',
      'ts/restrict-plus-operands': 'off',
      'ts/restrict-template-expressions': 'off',
      'ts/strict-boolean-expressions': 'off',
      'ts/switch-exhaustiveness-check': 'off',
      'ts/unbound-method': 'off',
      'ts/no-for-in-array': 'off',
      'ts/no-implied-eval': 'off',
    },
  },
  formatters: {
    css: true,
    markdown: 'prettier',
    slidev: {
      files: ['slides.md'],
    },
  },
  ignores: [
    'dist/**',
    'exports/**',
    '.data/**',
    'docs/**/*.md',
  ],
}, {
  files: [
    'scripts/**/*.ts',
    'server/**/*.ts',
    'tests/**/*.ts',
    '*.config.ts',
  ],
  rules: {
    'no-console': 'off',
    'node/prefer-global/process': 'off',
    'node/prefer-global/buffer': 'off',
  },
}, {
  // Data tables read best one record a line: that is what another authority edits.
  files: ['data/**/*.ts'],
  rules: { 'antfu/reasonable-newline': 'off' },
}, {
  // Every slide of a deck opens with its own H1.
  files: ['slides.md'],
  rules: { 'markdown/no-multiple-h1': 'off' },
})
