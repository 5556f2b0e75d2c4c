// Embedded in lecture slides (C14, C15): two playgrounds in iframes of a minimal slide deck
// (tests/pages/deck.html, with the README's listener). The deck's keys reach the deck, the
// deck's address stays its own, each frame keeps its own settings, and the deck can play,
// pause and reset a frame with the documented messages.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertNoProblems } from '../lib/assert.mjs';
import { openPage } from '../lib/browser.mjs';
import { serve } from '../lib/server.mjs';

const DECK = join(dirname(fileURLToPath(import.meta.url)), '..', 'pages', 'deck.html');

/**
 * Serves the playground and the deck (from another origin when `crossOrigin`), opens the deck
 * at `#/3`, waits for both frames, runs `check(page, frames)`, and closes everything.
 */
async function withDeck({ browser, dist }, crossOrigin, check) {
  const deck = { '/deck.html': { type: 'text/html', body: await readFile(DECK) } };
  const site = await serve(dist, '/playground/', crossOrigin ? {} : deck);
  const host = crossOrigin ? await serve(dist, '/unused/', deck) : site;
  const page = await openPage(browser, { viewport: { width: 1000, height: 1200 } });
  try {
    await page.goto(`${host.origin}/deck.html?playground=${site.url}#/3`);
    const frames = { a: page.frameLocator('#a'), b: page.frameLocator('#b') };
    for (const frame of Object.values(frames)) {
      await frame.getByRole('button', { name: 'Play' }).waitFor();
    }
    await check(page, frames);
  } finally {
    await page.context().close();
    await site.close();
    if (host !== site) await host.close();
  }
}

const epochOf = async (frame) =>
  Number.parseInt(await frame.getByRole('status', { name: 'Epoch' }).textContent(), 10);
const deckKeys = (page) => page.evaluate(() => window.deckKeys);
const hostHash = (page) => page.evaluate(() => window.location.hash);

/** Sends a command to frame `id` as a slide deck would. */
const command = (page, id, message) => page.evaluate(([frameId, data]) => {
  document.getElementById(frameId).contentWindow.postMessage(data, '*');
}, [id, message]);

/** Clicking the heatmap, then the deck's keys: they reach the deck, and the frame ignores them. */
async function keysReachTheDeck(page, frames) {
  await frames.a.getByRole('img', { name: 'Decision boundary' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.deckKeys.length >= 3);
  assert.deepEqual(await deckKeys(page), ['ArrowRight', 'PageDown', ' ']);
  assert.equal(await epochOf(frames.a), 0, 'Space is not the play shortcut when embedded');
  assert.equal(await hostHash(page), '#/3');
}

export const tests = [
  {
    name: 'embedded (same origin): a click on the heatmap leaves the deck its arrow keys (C14)',
    run: (ctx) => withDeck(ctx, false, async (page, frames) => {
      await keysReachTheDeck(page, frames);
      assertNoProblems(page);
    }),
  },
  {
    name: 'embedded (cross-origin): the deck still gets its keys, a focused control keeps them',
    run: (ctx) => withDeck(ctx, true, async (page, frames) => {
      await keysReachTheDeck(page, frames);
      await frames.a.getByRole('combobox', { name: 'Learning rate' }).focus();
      await page.keyboard.press('ArrowDown');
      assert.equal((await deckKeys(page)).length, 3, 'a key for a focused select is its own');
      assertNoProblems(page);
    }),
  },
  {
    name: 'embedded frames keep their own settings and leave the deck\'s address alone (C15)',
    run: (ctx) => withDeck(ctx, true, async (page, frames) => {
      const rate = (frame) => frame.getByRole('combobox', { name: 'Learning rate' });
      await rate(frames.a).selectOption('0.3');
      assert.equal(await rate(frames.a).inputValue(), '0.3');
      assert.equal(await rate(frames.b).inputValue(), '0.1', 'B keeps its own rate');
      assert.equal(await hostHash(page), '#/3');
      const frameA = await (await page.locator('#a').elementHandle()).contentFrame();
      const stored = await frameA.evaluate(() => localStorage.length);
      assert.equal(stored, 0, 'an embedded playground keeps nothing in local storage');
      const full = await frames.a.getByRole('link', { name: 'Open the full page' })
        .getAttribute('href');
      const fields = new URLSearchParams(full.split('#')[1]);
      assert.equal(fields.get('learningRate'), '0.3', 'the full page opens A as it is now');
      assert.equal(fields.get('embed'), 'false');
      assert.equal(fields.get('seed'), 'a');
      await page.reload();
      await frames.a.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await rate(frames.a).inputValue(), '0.03', 'A starts again from its src');
      assert.equal(await hostHash(page), '#/3');
      assertNoProblems(page);
    }),
  },
  {
    name: 'a slide deck plays, pauses and resets one frame with the documented messages',
    run: (ctx) => withDeck(ctx, true, async (page, frames) => {
      await command(page, 'a', { type: 'nn-playground:command', action: 'play' });
      await frames.a.getByRole('button', { name: 'Pause' }).waitFor();
      await page.waitForTimeout(300);
      await command(page, 'a', { type: 'nn-playground:command', action: 'pause' });
      await frames.a.getByRole('button', { name: 'Play' }).waitFor();
      const paused = await epochOf(frames.a);
      assert.ok(paused > 0, `A trained: epoch ${paused}`);
      await page.waitForTimeout(200);
      assert.equal(await epochOf(frames.a), paused, 'pause holds');
      assert.equal(await epochOf(frames.b), 0, 'B was not asked');

      // Messages of another shape are ignored.
      const ignored = [
        { type: 'nn-playground:command', action: 'play', extra: 1 },
        { type: 'nn-playground:command', action: 'explode' },
        { action: 'play' },
        'play',
        ['nn-playground:command', 'play'],
      ];
      for (const message of ignored) await command(page, 'a', message);
      await page.waitForTimeout(200);
      assert.equal(await epochOf(frames.a), paused, 'nothing else moves it');

      await command(page, 'a', { type: 'nn-playground:command', action: 'reset' });
      await frames.a.getByRole('status', { name: 'Epoch' }).filter({ hasText: /^0$/ }).waitFor();
      await command(page, 'b', {
        type: 'nn-playground:command', action: 'preset', preset: 'xor-hidden',
      });
      const bRate = frames.b.getByRole('combobox', { name: 'Learning rate' });
      await page.waitForFunction(() => true);
      for (let i = 0; i < 50 && (await bRate.inputValue()) !== '0.03'; i += 1) {
        await page.waitForTimeout(50);
      }
      assert.equal(await bRate.inputValue(), '0.03', 'B now runs the preset xor-hidden');
      assert.equal(await hostHash(page), '#/3');
      assertNoProblems(page);
    }),
  },
  {
    name: 'a 640 x 360 frame without embed=true is embedded: compact, nothing cut off, trains',
    // The README's snippet leaves embed=true out: being inside a frame is enough.
    run: (ctx) => withSlide(ctx, '#dataset=xor&networkShape=4&seed=a', async (page, frame) => {
      assert.equal(await frame.getByRole('heading', { name: 'Neural-network playground' })
        .isVisible(), false, 'the page title makes way');
      await frame.getByRole('link', { name: 'Open the full page' }).waitFor();
      const inner = page.frames().find((f) => f !== page.mainFrame());
      const fit = await inner.evaluate(() => {
        const { clientWidth, clientHeight, scrollWidth } = document.documentElement;
        const box = document.querySelector('canvas.boundary').getBoundingClientRect();
        const controls = [...document.querySelectorAll('header button, header a')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.left < 0 || r.right > clientWidth || r.top < 0
            || r.bottom > clientHeight);
        return { clientWidth, scrollWidth, clientHeight, box: [box.top, box.bottom, box.width],
          cutControls: controls.length };
      });
      assert.ok(fit.scrollWidth <= fit.clientWidth, `scrolls sideways: ${JSON.stringify(fit)}`);
      assert.equal(fit.cutControls, 0, `header controls cut off: ${JSON.stringify(fit)}`);
      assert.ok(fit.box[0] >= 0 && fit.box[1] <= fit.clientHeight + 1 && fit.box[2] >= 150,
        `the decision boundary fits the slide: ${JSON.stringify(fit)}`);
      await frame.getByRole('button', { name: 'Play' }).click();
      await frame.getByRole('status', { name: 'Epoch' }).filter({ hasText: /^[1-9]/ }).waitFor();
      assert.equal(await page.evaluate(() => location.hash), '', 'the slide keeps its address');
      assertNoProblems(page);
    }),
  },
  {
    name: 'shortcuts=true turns the shortcuts on in a frame; arrows reach the deck after a click',
    run: (ctx) => withSlide(ctx, '#shortcuts=true&seed=a', async (page, frame) => {
      await page.evaluate(() => {
        window.deckKeys = [];
        window.addEventListener('message', (event) => {
          if (event.data?.type === 'nn-playground:key') window.deckKeys.push(event.data.key);
        });
      });
      await frame.getByRole('img', { name: 'Decision boundary' }).click();
      await page.keyboard.press('s');
      await frame.getByRole('status', { name: 'Epoch' }).filter({ hasText: /^1$/ }).waitFor();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.deckKeys.length >= 1);
      assert.deepEqual(await page.evaluate(() => window.deckKeys), ['ArrowRight']);
      // A button clicked with the pointer lets go of the focus: the deck's keys still work.
      await frame.getByRole('button', { name: 'Play' }).click();
      await frame.getByRole('button', { name: 'Pause' }).waitFor();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.deckKeys.length >= 2);
      assert.deepEqual(await page.evaluate(() => window.deckKeys), ['ArrowRight', 'ArrowRight']);
      assertNoProblems(page);
    }),
  },
];

/**
 * Serves the playground and a slide page with one 640 x 360 iframe at the playground's
 * `fragment`, then runs `check(page, frameLocator)`.
 */
async function withSlide({ browser, dist }, fragment, check) {
  const slide = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Slide</title>
    <link rel="icon" href="data:,"><style>body{margin:0}iframe{border:0;display:block}</style>
    </head><body><iframe id="p" title="Playground" width="640" height="360"></iframe>
    <script>document.getElementById('p').src =
      new URLSearchParams(location.search).get('src');</script></body></html>`;
  const site = await serve(dist, '/playground/',
    { '/slide.html': { type: 'text/html', body: slide } });
  const page = await openPage(browser, { viewport: { width: 800, height: 500 } });
  try {
    const src = `${site.url}${fragment}`;
    await page.goto(`${site.origin}/slide.html?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#p');
    await frame.getByRole('button', { name: 'Play' }).waitFor();
    await check(page, frame);
  } finally {
    await page.context().close();
    await site.close();
  }
}
