// Training controls, the link in the address bar, reproducible resets and divergence.
import { assert, assertNoProblems, canvasHash, readInteger } from '../lib/assert.mjs';
import { fragmentOf, playTo, withPlayground } from '../lib/page.mjs';

const SEEDED = '#dataset=circle&networkShape=4,2&activation=tanh&learningRate=0.03&batchSize=10'
  + '&seed=0.59704';

/** The text of a readout (an <output> labelled `name`). */
const readText = (page, name) => page.getByRole('status', { name }).textContent();

export const tests = [
  {
    name: 'Step trains exactly one epoch, and S does the same from the keyboard',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      assert.equal(await readInteger(page, 'Epoch'), 1);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      assert.equal(await readInteger(page, 'Epoch'), 2);
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('s');
      assert.equal(await readInteger(page, 'Epoch'), 3);
      assertNoProblems(page);
    }),
  },
  {
    name: 'Reset rebuilds the same initial network from the seed (C07)',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      const initial = await canvasHash(page, 'Decision boundary');
      const initialLoss = await readText(page, 'Training loss');
      await playTo(page, readInteger, 30);
      assert.notEqual(await canvasHash(page, 'Decision boundary'), initial);
      await page.getByRole('button', { name: 'Reset' }).click();
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.equal(await canvasHash(page, 'Decision boundary'), initial);
      assert.equal(await readText(page, 'Training loss'), initialLoss);
    }),
  },
  {
    name: 'the same link gives the same run after a reload, and the link keeps its seed',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      for (let i = 0; i < 20; i += 1) {
        await page.getByRole('button', { name: 'Step', exact: true }).click();
      }
      const losses = [await readText(page, 'Training loss'), await readText(page, 'Test loss')];
      assert.equal((await fragmentOf(page)).seed, '0.59704');
      await page.reload();
      await page.getByRole('button', { name: 'Play' }).waitFor();
      for (let i = 0; i < 20; i += 1) {
        await page.getByRole('button', { name: 'Step', exact: true }).click();
      }
      const again = [await readText(page, 'Training loss'), await readText(page, 'Test loss')];
      assert.deepEqual(again, losses);
    }),
  },
  {
    name: 'a link without a seed gets one, written into the canonical link',
    run: (ctx) => withPlayground(ctx, '', async (page) => {
      const fragment = await fragmentOf(page);
      assert.match(fragment.seed ?? '', /^0\.\d{5}$/);
      assert.equal(fragment.dataset, 'circle');
      assert.equal(fragment.networkShape, '4,2');
    }),
  },
  {
    name: 'Regenerate draws a new seed, writes it into the link and resets',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('button', { name: 'Regenerate' }).click();
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.notEqual((await fragmentOf(page)).seed, '0.59704');
    }),
  },
  {
    name: 'a fragment edited in the address bar is applied',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      const before = await canvasHash(page, 'Decision boundary');
      await page.evaluate(() => {
        window.location.hash = 'dataset=xor&networkShape=4,2&seed=0.59704';
      });
      await page.waitForFunction(() => window.location.hash.includes('dataset=xor&'));
      await page.waitForTimeout(200);
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before);
      assertNoProblems(page);
    }),
  },
  {
    name: 'a diverging run pauses and says so, and no NaN or Infinity is shown (C01)',
    run: (ctx) => withPlayground(ctx, '#problem=regression&regDataset=reg-plane&activation=tanh'
      + '&learningRate=1&batchSize=1&networkShape=8&noise=50&percTrainData=50&seed=0.42182',
    async (page) => {
      await page.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('alert').filter({ hasText: 'diverged' }).waitFor({ timeout: 20_000 });
      assert.ok(await page.getByRole('button', { name: 'Play' }).isDisabled());
      const text = await page.locator('body').innerText();
      assert.ok(!/NaN|Infinity|\binf\b/.test(text), 'the page shows a non-finite number');
      assert.equal(await readText(page, 'Training loss'), 'n/a');
      await page.getByRole('button', { name: 'Reset' }).click();
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.match(await readText(page, 'Training loss'), /^\d+\.\d{3}$/);
      assertNoProblems(page);
    }),
  },
  {
    name: 'toggling Discretize output changes neither the loss curve nor the run (C11)',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      for (let i = 0; i < 10; i += 1) {
        await page.getByRole('button', { name: 'Step', exact: true }).click();
      }
      const chart = await canvasHash(page, 'Loss curve');
      const losses = [await readText(page, 'Training loss'), await readText(page, 'Test loss')];
      const boundary = await canvasHash(page, 'Decision boundary');
      const discretize = page.getByRole('checkbox', { name: 'Discretize output' });
      for (let i = 0; i < 6; i += 1) await discretize.click();
      await page.waitForTimeout(100);
      assert.equal(await readInteger(page, 'Epoch'), 10);
      assert.equal(await canvasHash(page, 'Loss curve'), chart, 'the loss curve changed');
      assert.deepEqual([await readText(page, 'Training loss'), await readText(page, 'Test loss')],
        losses);
      assert.equal(await canvasHash(page, 'Decision boundary'), boundary);
      await discretize.click();
      assert.notEqual(await canvasHash(page, 'Decision boundary'), boundary,
        'discretizing did not change the picture');
    }),
  },
  {
    name: 'the large-text view fits a phone width with no horizontal scrolling',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      const large = page.getByRole('button', { name: 'Large text' });
      await large.click();
      assert.equal(await large.getAttribute('aria-pressed'), 'true');
      const root = () => getComputedStyle(document.documentElement).fontSize;
      const fontSize = await page.evaluate(root);
      assert.equal(fontSize, '20px', 'the text did not grow');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
    }, { context: { viewport: { width: 390, height: 844 } } }),
  },
  {
    name: 'values beyond the limits are clamped and the page says which (C09)',
    run: (ctx) => withPlayground(ctx, '#noise=2000&networkShape=8,8,8,8,8,8,8,8,8,8'
      + '&batchSize=1000&learningRate=1000&regularizationRate=50&percTrainData=100',
    async (page) => {
      const fragment = await fragmentOf(page);
      assert.equal(fragment.noise, '50');
      assert.equal(fragment.batchSize, '30');
      assert.equal(fragment.learningRate, '10');
      assert.equal(fragment.percTrainData, '90');
      assert.equal(fragment.networkShape, '8,8,8,8,8,8');
      const notice = page.getByRole('status').filter({ hasText: 'changed to fit' });
      for (const key of ['noise', 'batchSize', 'learningRate', 'networkShape']) {
        assert.ok((await notice.innerText()).includes(key), `the notice does not name ${key}`);
      }
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      assert.equal(await notice.count(), 0, 'the notice stays after Dismiss');
    }),
  },
];
