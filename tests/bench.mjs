// Browser benchmark of the release build (run by hand, not in CI): epochs per second while
// playing at full speed, the app's frames per second (animation frames in which it trained
// and redrew), and per frame the training time, the time to compute the pictures (every
// neuron over the grid, the diagram's data) and the whole redraw (pictures, Yew's update of
// the page and every canvas drawn: the frame's work after training), for the default network
// and the heavy one (spiral, all 7 features, 6 x 8 tanh). While playing the heatmaps use a
// 50 x 50 grid; the full 100 x 100 redraw is measured paused, as the Step button's work (one
// epoch, then everything redrawn).
//
// Usage: node bench.mjs [SECONDS] [--until-epoch N]
//   SECONDS: measuring window after a 3 s warm-up (default 10).
//   --until-epoch N: then keep playing the heavy network until epoch N and measure again, to
//   see whether the speed holds on long runs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const untilIndex = args.indexOf('--until-epoch');
const untilEpoch = untilIndex >= 0 ? Number(args[untilIndex + 1]) : 0;

const FEATURES = 'x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
const SCENARIOS = [
  { name: 'default (circle, 4-2)', fragment: '#seed=0.5&speed=100' },
  {
    name: 'heavy (spiral, 7 features, 6 x 8)',
    fragment: `#dataset=spiral&${FEATURES}&networkShape=8,8,8,8,8,8&batchSize=10&seed=0.5&speed=100`,
  },
];

/**
 * Installed before the page loads: collects the app's frame probe, and times each animation
 * frame's callback up to the end of the work it queued (Yew renders in a microtask queued by
 * the callback, so a microtask queued after the callback returns runs after the render).
 */
function probe() {
  const samples = { train: [], pictures: [], redraw: [] };
  window.__nnBenchSamples = samples;
  window.__nnFrameProbe = (trainMs, picturesMs) => {
    if (samples.train.length < 100_000) {
      samples.train.push(trainMs);
      samples.pictures.push(picturesMs);
    }
  };
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => request((time) => {
    const started = performance.now();
    const before = samples.train.length;
    callback(time);
    queueMicrotask(() => {
      const after = samples.train.length;
      if (after > before && samples.redraw.length < 100_000) {
        samples.redraw.push(performance.now() - started - samples.train[after - 1]);
      }
    });
  });
}

/** Median time of `count` presses of Step while paused: one epoch and a full redraw. */
async function stepRedraw(page, count) {
  return page.evaluate(async (n) => {
    const step = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Step');
    const times = [];
    for (let i = 0; i < n; i += 1) {
      const started = performance.now();
      step.click();
      await new Promise((done) => queueMicrotask(done));
      times.push(performance.now() - started);
      await new Promise((done) => setTimeout(done, 30));
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(n / 2)];
  }, count);
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;

async function epoch(page) {
  const text = await page.getByRole('status', { name: 'Epoch' }).textContent();
  return Number.parseInt(text, 10);
}

/** Measures `seconds` of playing: epochs/s, frames/s, train and redraw times per frame. */
async function window_(page, secs) {
  await page.evaluate(() => {
    const s = window.__nnBenchSamples;
    s.train.length = 0;
    s.pictures.length = 0;
    s.redraw.length = 0;
  });
  const e0 = await epoch(page);
  const t0 = Date.now();
  await page.waitForTimeout(secs * 1000);
  const e1 = await epoch(page);
  const elapsed = (Date.now() - t0) / 1000;
  const s = await page.evaluate(() => window.__nnBenchSamples);
  return {
    epochsPerSecond: (e1 - e0) / elapsed,
    framesPerSecond: s.train.length / elapsed,
    trainMsMedian: median(s.train),
    picturesMsMedian: median(s.pictures),
    picturesMsP90: p90(s.pictures),
    redrawMsMedian: median(s.redraw),
    redrawMsP90: p90(s.redraw),
    epoch: e1,
  };
}

function report(name, r) {
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  console.log(`${name}: ${f(r.epochsPerSecond, 0)} epochs/s, ${f(r.framesPerSecond)} frames/s, `
    + `per frame (medians): training ${f(r.trainMsMedian, 2)} ms, pictures `
    + `${f(r.picturesMsMedian, 2)} ms (p90 ${f(r.picturesMsP90, 2)}), whole redraw `
    + `${f(r.redrawMsMedian, 2)} ms (p90 ${f(r.redrawMsP90, 2)}); at epoch ${r.epoch}`);
}

const dist = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const site = await serve(dist, '/');
const browser = await launch();
try {
  for (const scenario of SCENARIOS) {
    const page = await openPage(browser);
    await page.addInitScript(probe);
    await page.goto(site.url + scenario.fragment);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(3000);
    const first = await window_(page, seconds);
    report(scenario.name, first);
    if (untilEpoch > 0 && scenario.name.startsWith('heavy')) {
      while ((await epoch(page)) < untilEpoch) await page.waitForTimeout(5000);
      const later = await window_(page, seconds);
      report(`${scenario.name} after ${untilEpoch} epochs`, later);
      const change = (later.epochsPerSecond / first.epochsPerSecond - 1) * 100;
      console.log(`speed change: ${change.toFixed(1)} %`);
    }
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(500);
    const step = await stepRedraw(page, 41);
    console.log(`${scenario.name}, paused: Step (one epoch, full 100 x 100 redraw) `
      + `${step.toFixed(2)} ms (median of 41)`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await site.close();
}
