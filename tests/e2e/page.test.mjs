// The first page: it loads cleanly, draws the decision boundary, and trains when played.
import { withPlayground } from '../lib/page.mjs';
import {
  assert, assertNoProblems, canvasHash, canvasStats, readInteger, waitForInteger,
} from '../lib/assert.mjs';

/** Serves dist/ under `prefix`, opens it, runs `check(page)`, then closes everything. */
function withPage(ctx, prefix, check) {
  return withPlayground(ctx, '', check, { prefix });
}

/** The decision boundary shows a heatmap: many colours, every pixel painted. */
async function assertBoundaryDrawn(page) {
  const stats = await canvasStats(page, 'Decision boundary');
  assert.ok(stats.opaqueShare > 0.99, `only ${stats.opaqueShare} of the canvas is painted`);
  assert.ok(stats.colours >= 20, `the heatmap has only ${stats.colours} colours`);
  assert.ok(stats.paintedCentreShare > 0.98,
    `only ${stats.paintedCentreShare} of the plot's centre is painted: no heatmap`);
}

export const tests = [
  {
    name: 'loads with no console error, failed request or request outside 127.0.0.1',
    run: (ctx) => withPage(ctx, '/', async (page) => {
      await page.waitForTimeout(500);
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assertNoProblems(page);
    }),
  },
  {
    name: 'the decision-boundary canvas shows a heatmap',
    run: (ctx) => withPage(ctx, '/', assertBoundaryDrawn),
  },
  {
    name: 'Play trains: the epoch counter advances and the heatmap changes; Pause stops it',
    run: (ctx) => withPage(ctx, '/', async (page) => {
      const before = await canvasHash(page, 'Decision boundary');
      await page.getByRole('button', { name: 'Play' }).click();
      await waitForInteger(page, 'Epoch', 20, 20_000);
      await page.getByRole('button', { name: 'Pause' }).click();
      const paused = await readInteger(page, 'Epoch');
      assert.ok(paused >= 20, `epoch ${paused} after playing`);
      await page.waitForTimeout(400);
      assert.equal(await readInteger(page, 'Epoch'), paused, 'training went on after Pause');
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before);
      assertNoProblems(page);
    }),
  },
  {
    name: 'the site works when hosted under a sub-path',
    run: (ctx) => withPage(ctx, '/courses/ml/playground/', async (page) => {
      await assertBoundaryDrawn(page);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      assertNoProblems(page);
    }),
  },
];
