// Small helpers shared by the end-to-end tests.
import assert from 'node:assert/strict';
import { problemLines } from './browser.mjs';

export { assert };

/** Fails when the page logged an error, a request failed, or a request left 127.0.0.1. */
export function assertNoProblems(page) {
  const lines = problemLines(page);
  assert.equal(lines.length, 0, `the page misbehaved:\n  ${lines.join('\n  ')}`);
}

/**
 * Reads a canvas (found by its accessible name) in the page and returns the number of distinct
 * colours, the share of pixels that are not fully transparent, and the share of pixels in the
 * central quarter of the canvas (where a heatmap must be) that are painted, not white.
 */
export async function canvasStats(page, name) {
  const canvas = page.getByRole('img', { name });
  await canvas.waitFor();
  return canvas.evaluate((el) => {
    const { width, height } = el;
    const data = el.getContext('2d').getImageData(0, 0, width, height).data;
    const colours = new Set();
    let opaque = 0;
    let central = 0;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) opaque += 1;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      const x = (i / 4) % width;
      const y = Math.floor(i / 4 / width);
      if (x > width / 4 && x < (3 * width) / 4 && y > height / 4 && y < (3 * height) / 4) {
        central += 1;
        const white = data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255;
        if (data[i + 3] > 0 && !white) painted += 1;
      }
    }
    return {
      colours: colours.size,
      opaqueShare: opaque / (width * height),
      paintedCentreShare: painted / central,
      width,
      height,
    };
  });
}

/** Returns a hash of a canvas's pixels, to tell whether the picture changed. */
export async function canvasHash(page, name) {
  return page.getByRole('img', { name }).evaluate((el) => {
    const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 16777619);
    return hash >>> 0;
  });
}

/** Reads the integer shown by the readout named `name` (an <output> element). */
export async function readInteger(page, name) {
  const text = await page.getByRole('status', { name }).textContent();
  const value = Number.parseInt(text.replace(/[^0-9-]/g, ''), 10);
  assert.ok(Number.isInteger(value), `readout ${name} shows "${text}", not an integer`);
  return value;
}

/** Waits until the readout named `name` shows at least `min`; fails after `timeout` ms. */
export async function waitForInteger(page, name, min, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let value = await readInteger(page, name);
  while (value < min) {
    assert.ok(Date.now() < deadline, `readout ${name} stayed at ${value}, below ${min}`);
    await page.waitForTimeout(50);
    value = await readInteger(page, name);
  }
  return value;
}
