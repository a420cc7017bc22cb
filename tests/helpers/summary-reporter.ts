import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends the run with one plain line, « N passed, N failed », that CI and humans
 * can read without knowing Vitest's output.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed')
          passed++
        else if (state === 'failed')
          failed++
        else
          skipped++
      }
      if (module.state() === 'failed' && module.children.size === 0)
        failed++
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped
      ? `, ${skipped} skipped`
      : ''}\n`)
  }
}
