// Soak test of the release build: plays the heavy network (spiral, all 7 features, 6 x 8 tanh,
// batch 10) at full speed for a long while and checks that nothing grows and nothing slows.
// It records the WebAssembly memory and the JS heap (after a garbage collection) at the end of
// the warm-up and at the end, and the epochs per second of the first and the last window.
//
// Usage: node soak.mjs [MINUTES] (default 10; by hand). CI runs `node soak.mjs 1`.
//   The warm-up and the speed windows are a minute long, or a quarter of the run if shorter
//   (15 s in the one-minute run). Checks: no growth of the WebAssembly memory after the
//   warm-up; the JS heap within 2 MB of its size after the warm-up; the last window's speed
//   within 10 % of the first's (20 % in runs under 5 minutes, whose 15 s windows on a shared
//   machine are noisy). Exit status 1 when a check fails.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';

const minutes = Number(process.argv[2] ?? 10);
const total = minutes * 60_000;
const window_ = Math.min(60_000, total / 4);
const slowdownAllowed = minutes < 5 ? 0.2 : 0.1;
const HEAP_GROWTH_ALLOWED = 2 * 1024 * 1024;

const FEATURES = 'x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
const HEAVY = `#dataset=spiral&${FEATURES}&networkShape=8,8,8,8,8,8&batchSize=10&seed=0.5`
  + '&speed=100';

const epoch = async (page) =>
  Number.parseInt(await page.getByRole('status', { name: 'Epoch' }).textContent(), 10);

/** Epochs per second over the next `ms` milliseconds. */
async function speed(page, ms) {
  const [e0, t0] = [await epoch(page), Date.now()];
  await page.waitForTimeout(ms);
  return (await epoch(page) - e0) / ((Date.now() - t0) / 1000);
}

/** WebAssembly memory and JS heap in bytes, after a full garbage collection. */
const memory = (page) => page.evaluate(() => {
  window.gc();
  return { wasm: window.__nnWasmMemory.buffer.byteLength, heap: performance.memory.usedJSHeapSize };
});

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const dist = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const site = await serve(dist, '/');
const browser = await launch(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
let failed = false;
try {
  const page = await openPage(browser);
  await page.addInitScript(() => { window.__nnWasmMemory = null; });
  await page.goto(site.url + HEAVY);
  await page.getByRole('button', { name: 'Play' }).click();
  const started = Date.now();

  await page.waitForTimeout(2000);
  const first = await speed(page, window_ - 2000);
  const warm = await memory(page);
  console.log(`after ${window_ / 1000} s: ${first.toFixed(0)} epochs/s, wasm ${mb(warm.wasm)}, `
    + `JS heap ${mb(warm.heap)}, epoch ${await epoch(page)}`);

  await page.waitForTimeout(Math.max(0, total - window_ - (Date.now() - started)));
  const last = await speed(page, window_);
  const end = await memory(page);
  const endEpoch = await epoch(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  console.log(`after ${((Date.now() - started) / 1000).toFixed(0)} s: ${last.toFixed(0)} epochs/s, `
    + `wasm ${mb(end.wasm)}, JS heap ${mb(end.heap)}, epoch ${endEpoch}`);

  const change = last / first - 1;
  const checks = [
    [end.wasm <= warm.wasm, `WebAssembly memory grew by ${mb(end.wasm - warm.wasm)}`],
    [end.heap - warm.heap <= HEAP_GROWTH_ALLOWED, `JS heap grew by ${mb(end.heap - warm.heap)}`],
    [change >= -slowdownAllowed, `speed changed by ${(change * 100).toFixed(1)} %`],
    [page.problems.console.length === 0, `console errors: ${page.problems.console.join('; ')}`],
  ];
  console.log(`soak: speed ${(change * 100).toFixed(1)} % (allowed -${slowdownAllowed * 100} %), `
    + `wasm ${mb(end.wasm - warm.wasm)} more, JS heap ${mb(end.heap - warm.heap)} more`);
  for (const [ok, message] of checks) {
    if (!ok) {
      failed = true;
      console.log(`FAIL ${message}`);
    }
  }
  await page.context().close();
} finally {
  await browser.close();
  await site.close();
}
process.exit(failed ? 1 : 0);
