/**
 * V8 flags for the vote server process. A 1 MB young generation (Node 24's default is
 * far larger) keeps a 200-phone room under 125 MB instead of 170 MB, and costs nothing
 * measurable at that load; under a load no room makes (5,000 ballots/s) it adds GC
 * pauses that stay within the goals (docs/performance.md). `npm start` puts the same
 * flags on its command line (package.json): a test checks that they agree.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=1']
