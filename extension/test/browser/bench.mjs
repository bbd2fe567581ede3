// npm run bench: how long OneDial's content script takes to scan and link the
// 10,000-number test page in headless Chromium, from the start of its scan to
// the last link (the wall time, which includes the pauses it leaves the page
// between slices; busy is the time spent in its own slices). Median of 5
// runs, each in a fresh tab. Prints one JSON line.

import { launch, startServer } from './harness.mjs';
import { LARGE_COUNT } from './pages.mjs';

const RUNS = 5;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const server = await startServer();
const chrome = await launch({});
try {
  const runs = [];
  const busy = [];
  const gaps = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await chrome.browser.newPage();
    await page.goto(server.url('bench', '/large.html'));
    await page.waitForFunction((n) => window.__onedialIdle.some((e) => e.linked >= n), { timeout: 120000 }, LARGE_COUNT);
    const { idle, count, maxGap } = await page.evaluate(() => ({
      idle: window.__onedialIdle.find((e) => e.linked > 0),
      count: document.querySelectorAll('a.onedial-number').length,
      maxGap: window.__maxGap,
    }));
    if (count !== LARGE_COUNT) throw new Error(`run ${i + 1}: ${count} links, expected ${LARGE_COUNT}`);
    runs.push(idle.wallMs);
    busy.push(idle.busyMs);
    gaps.push(Math.round(maxGap));
    await page.close();
  }
  console.log(JSON.stringify({
    scan_ms_10000: median(runs),
    runs,
    busy_ms_median: median(busy),
    longest_page_pause_ms_median: median(gaps),
  }));
} finally {
  await chrome.cleanup();
  await server.close();
}
