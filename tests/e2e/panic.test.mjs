// What a user sees when the playground panics: the test build (feature `test-panic`) has a
// "Force a panic" button; the real build has none.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withPlayground } from '../lib/page.mjs';

const readEpoch = async (page) =>
  Number.parseInt(await page.getByRole('status', { name: 'Epoch' }).textContent(), 10);

/** Runs `check` on the test build, which must exist (scripts/test.sh makes it). */
const withTestBuild = (ctx, fragment, check) => {
  assert.ok(existsSync(join(ctx.panicDist, 'index.html')),
    `${ctx.panicDist} is missing: trunk build --release --features test-panic --dist ...`);
  return withPlayground({ ...ctx, dist: ctx.panicDist }, fragment, check);
};

/** Forces the panic and waits for its message. */
async function forcePanic(page) {
  await page.getByRole('button', { name: 'Force a panic' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'The playground stopped' });
  await dialog.waitFor();
  return dialog;
}

export const tests = [
  {
    name: 'with local storage blocked by the browser, the page starts, trains and keeps its link',
    run: async (ctx) => {
      const { openPage } = await import('../lib/browser.mjs');
      const { serve } = await import('../lib/server.mjs');
      const site = await serve(ctx.dist, '/');
      const page = await openPage(ctx.browser);
      try {
        // What a browser set to block site data does: reading localStorage throws.
        await page.addInitScript(() => Object.defineProperty(window, 'localStorage', {
          get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
        }));
        await page.goto(`${site.url}#seed=0.5&learningRate=0.1`);
        await page.getByRole('button', { name: 'Play' }).waitFor();
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        assert.equal(await readEpoch(page), 1);
        await page.getByRole('combobox', { name: 'Learning rate' }).selectOption('0.3');
        await page.waitForFunction(() => /learningRate=0\.3(&|$)/.test(location.hash));
        assert.equal(await page.locator('#crash').count(), 0);
        assert.deepEqual([...page.problems.console, ...page.problems.pageErrors], []);
      } finally {
        await page.context().close();
        await site.close();
      }
    },
  },
  {
    name: 'the real build has no way to force a panic and shows no panic message',
    run: (ctx) => withPlayground(ctx, '#seed=0.5', async (page) => {
      assert.equal(await page.getByRole('button', { name: 'Force a panic' }).count(), 0);
      assert.equal(await page.locator('#crash').count(), 0);
    }),
  },
  {
    name: 'a panic shows a message in words, logged, and the page still responds',
    run: (ctx) => withTestBuild(ctx, '#seed=0.5&learningRate=0.1', async (page) => {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const dialog = await forcePanic(page);
      const text = await dialog.textContent();
      assert.match(text, /a panic forced by the test build/);
      assert.match(text, /Reload the page to continue from the same link/);
      assert.ok(page.problems.console.some((line) => line.includes('the playground stopped')),
        'the panic is logged');
      // The page is not frozen: the main thread answers and the page scrolls.
      assert.equal(await page.evaluate(() => 6 * 7), 42);
      await page.mouse.wheel(0, 400);
      const focused = await page.locator('#crash-reload')
        .evaluate((b) => b === document.activeElement);
      assert.equal(focused, true, 'the way out has the focus');
    }),
  },
  {
    name: 'after a panic, Reload the page continues from the same link',
    run: (ctx) => withTestBuild(ctx, '#seed=0.5&learningRate=0.1', async (page) => {
      await forcePanic(page);
      await page.getByRole('button', { name: 'Reload the page' }).click();
      await page.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await page.locator('#crash').count(), 0);
      assert.equal(await page.getByRole('combobox', { name: 'Learning rate' }).inputValue(), '0.1');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('status', { name: 'Epoch' }).filter({ hasText: /^1$/ }).waitFor();
      assert.equal(await readEpoch(page), 1);
    }),
  },
  {
    name: 'after a panic, Start over opens the default settings and forgets the stored ones',
    run: (ctx) => withTestBuild(ctx, '#seed=0.5&learningRate=0.1', async (page) => {
      await forcePanic(page);
      await page.getByRole('button', { name: 'Start over' }).click();
      await page.getByRole('button', { name: 'Play' }).waitFor();
      await page.waitForFunction(() => /learningRate=0\.03/.test(location.hash));
      assert.equal(await page.getByRole('combobox', { name: 'Learning rate' }).inputValue(),
        '0.03');
      assert.equal(await page.locator('#crash').count(), 0);
    }),
  },
];
