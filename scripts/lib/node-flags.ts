/**
 * V8 flags for the vote server process. The young generation is capped at 8 MB: with
 * 1 MB (the earlier setting) a room of 5,000 phones promoted short-lived request objects
 * to the old generation and peaked at 520 MB instead of 385 MB, for no saving in a
 * 200-phone room (136–149 MB either way); docs/performance.md has the runs.
 * `npm start` puts the same flags on its command line (package.json): a test checks
 * that they agree.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8']
