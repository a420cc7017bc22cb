import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  formatters: {
    css: true,
    slidev: { files: ['slides.md'] },
  },
  ignores: ['dist/**', 'exports/**', '.data/**', 'docs/**/*.md'],
}, {
  files: ['scripts/**/*.ts', 'server/**/*.ts', 'tests/**/*.ts'],
  rules: {
    'no-console': 'off',
    'node/prefer-global/process': 'off',
    'node/prefer-global/buffer': 'off',
  },
})
