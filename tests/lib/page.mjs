// Opening the playground in a test: serve dist/, open a page at a fragment, run a check, and
// close everything whatever happens.
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';

/**
 * Serves dist/ under `prefix`, opens it at `fragment` (e.g. '#dataset=xor'), waits for the Play
 * button, runs `check(page, site)`, checks that no request left 127.0.0.1, then closes the page
 * and the server.
 */
export async function withPlayground({ browser, dist }, fragment, check, options = {}) {
  const site = await serve(dist, options.prefix ?? '/');
  const page = await openPage(browser, options.context);
  try {
    await page.goto(site.url + fragment);
    await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
    await check(page, site);
    // Every test's page, not only those that check for problems, must work offline.
    assert.deepEqual(page.problems.outside, [], 'the page made requests outside 127.0.0.1');
  } finally {
    await page.context().close();
    await site.close();
  }
}

/** The URL fragment the page shows, parsed into an object of key -> value. */
export async function fragmentOf(page) {
  const hash = await page.evaluate(() => window.location.hash);
  return Object.fromEntries(new URLSearchParams(hash.replace(/^#/, '')));
}

/** Plays until the epoch readout reaches `epochs`, then pauses; returns the epoch shown. */
export async function playTo(page, readInteger, epochs, timeout = 20_000) {
  await page.getByRole('button', { name: 'Play' }).click();
  const deadline = Date.now() + timeout;
  while ((await readInteger(page, 'Epoch')) < epochs) {
    if (Date.now() > deadline) throw new Error(`epoch stayed below ${epochs}`);
    await page.waitForTimeout(30);
  }
  await page.getByRole('button', { name: 'Pause' }).click();
  return readInteger(page, 'Epoch');
}
