import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
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
