// Preloaded (node --require) into a process the benchmark measures: on exit, writes the peak resident
// set size in bytes to the file named by BENCH_RSS_FILE. Works where /usr/bin/time does not exist.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
