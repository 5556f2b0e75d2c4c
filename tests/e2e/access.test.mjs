// The page by keyboard only, for a screen reader, and at 200 % zoom.
import { assert, readInteger, waitForInteger } from '../lib/assert.mjs';
import { fragmentOf, withPlayground } from '../lib/page.mjs';

/** Presses Tab until the focused element is the one `matches` accepts; fails after `limit`. */
async function tabTo(page, describe, matches, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(matches);
    if (found) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

/** The focused element's outline and box shadow: a visible focus shows one or the other. */
const focusStyle = (page) => page.evaluate(() => {
  const style = getComputedStyle(document.activeElement);
  return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
});

const isButton = (name) => `document.activeElement?.tagName === 'BUTTON'
  && document.activeElement.textContent.trim() === ${JSON.stringify(name)}`;

const announcer = (page) => page.locator('#announcer');

export const tests = [
  {
    name: 'keyboard only: Tab to Play, Step, Reset and a setting, each with a visible focus',
    run: (ctx) => withPlayground(ctx, '#seed=0.5&learningRate=0.03', async (page) => {
      await tabTo(page, 'Play', isButton('Play'));
      const focus = await focusStyle(page);
      assert.ok(focus.outline !== 'none' || focus.shadow !== 'none', JSON.stringify(focus));
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await waitForInteger(page, 'Epoch', 3);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Play' }).waitFor();

      const before = await readInteger(page, 'Epoch');
      await tabTo(page, 'Step', isButton('Step'));
      await page.keyboard.press('Enter');
      assert.equal(await readInteger(page, 'Epoch'), before + 1, 'Enter on Step: one epoch');
      await page.keyboard.press('Space');
      assert.equal(await readInteger(page, 'Epoch'), before + 2, 'Space on Step: one more');

      await tabTo(page, 'Reset', isButton('Reset'));
      await page.keyboard.press('Enter');
      assert.equal(await readInteger(page, 'Epoch'), 0);

      await tabTo(page, 'the learning rate', () => document.activeElement?.id === 'learning-rate');
      const focusOnSelect = await focusStyle(page);
      assert.ok(focusOnSelect.outline !== 'none' || focusOnSelect.shadow !== 'none');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => !/learningRate=0\.03(&|$)/.test(location.hash));
      const rate = Number((await fragmentOf(page)).learningRate);
      assert.ok(rate > 0.03, `ArrowDown picks the next learning rate, got ${rate}`);
    }),
  },
  {
    name: 'the live region announces the run at a step, then at most every few seconds',
    run: (ctx) => withPlayground(ctx, '#seed=0.5', async (page) => {
      const region = announcer(page);
      assert.equal(await region.getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('output[aria-live="off"]').count() >= 3, true,
        'the readouts change every frame and are not live themselves');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const sentence =
        /^Epoch 1: training loss \d\.\d{3}, test loss \d\.\d{3}, test accuracy \d+ %\.$/;
      assert.match(await region.textContent(), sentence);

      // Record every change of the region for 9 s of training at full speed.
      await page.evaluate(() => {
        window.announced = [];
        new MutationObserver(() => window.announced.push([performance.now(),
          document.getElementById('announcer').textContent]))
          .observe(document.getElementById('announcer'),
            { childList: true, characterData: true, subtree: true });
      });
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(9000);
      const changes = await page.evaluate(() => window.announced);
      await page.getByRole('button', { name: 'Pause' }).click();
      assert.ok(changes.length >= 2 && changes.length <= 5, JSON.stringify(changes));
      for (let i = 1; i < changes.length; i += 1) {
        assert.ok(changes[i][0] - changes[i - 1][0] >= 3900, `announcements too close: ${i}`);
      }
      for (const [, text] of changes) assert.doesNotMatch(text, /NaN|Infinity|inf/);
      // On pause it says where the run stopped.
      const epoch = await readInteger(page, 'Epoch');
      await page.waitForFunction(
        (e) => document.getElementById('announcer').textContent.startsWith(`Epoch ${e}:`), epoch);
    }),
  },
  {
    name: 'at 200 % zoom (640 x 400) nothing is cut off and the controls work',
    run: (ctx) => withPlayground(ctx, '#seed=0.5&dataset=xor', async (page) => {
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll('button, input, select, canvas, output')]
          .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
          .map((el) => [el, el.getBoundingClientRect()])
          .filter(([, r]) => r.left < -1 || r.right > width + 1)
          .map(([el, r]) => `${el.tagName} ${el.id || el.textContent.trim().slice(0, 20)} `
            + `${Math.round(r.left)}..${Math.round(r.right)}`);
        return { scroll: document.documentElement.scrollWidth, width, outside };
      });
      assert.ok(overflow.scroll <= overflow.width, `scrolls sideways: ${JSON.stringify(overflow)}`);
      assert.deepEqual(overflow.outside, [], 'controls cut off at the sides');
      const boundary = page.getByRole('img', { name: 'Decision boundary' });
      await boundary.scrollIntoViewIfNeeded();
      const box = await boundary.boundingBox();
      assert.ok(box.width >= 200, `the decision boundary is ${box.width} px wide`);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      assert.equal(await readInteger(page, 'Epoch'), 1);
    }, { context: { viewport: { width: 640, height: 400 } } }),
  },
];
