// Accessibility: an axe-core audit of the page finds no serious or critical problem.
import { assert } from '../lib/assert.mjs';
import { seriousViolations } from '../lib/axe.mjs';
import { withPlayground } from '../lib/page.mjs';

/** An audit of the page at `fragment` after one epoch, once `open(page)` has opened a part. */
const audit = (fragment, open = async () => {}) => (ctx) => withPlayground(ctx, fragment, async (page) => {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await open(page);
  const problems = await seriousViolations(page);
  assert.equal(problems.length, 0, `axe found:\n  ${problems.join('\n  ')}`);
});

export const tests = [
  { name: 'axe-core: the default page', run: audit('#seed=0.5') },
  { name: 'axe-core: many classes and test data shown',
    run: audit('#dataset=blobs&classes=4&showTestData=true&seed=0.5') },
  { name: 'axe-core: regression', run: audit('#problem=regression&regDataset=reg-gauss&seed=0.5') },
  { name: 'axe-core: the Perceptron panel', run: audit('#preset=perceptron-and&seed=0.5') },
  { name: 'axe-core: embedded mode (embed=true)',
    run: audit('#embed=true&dataset=xor&networkShape=4&seed=0.5') },
  { name: 'axe-core: Step through one example, at the backward pass',
    run: audit('#preset=step-by-step', async (page) => {
      const panel = page.getByRole('region', { name: 'Step through one example' });
      await panel.waitFor();
      const next = panel.getByRole('button', { name: 'Next', exact: true });
      for (let i = 0; i < 4; i += 1) await next.click();
    }) },
  { name: 'axe-core: the digits view', run: audit('#preset=digits&seed=0.5') },
  { name: 'axe-core: the fitted curve', run: audit('#preset=regression-curve&showTestData=true') },
  { name: 'axe-core: the Share panel',
    run: audit('#seed=0.5', (page) => page.getByRole('button', { name: 'Share' }).click()) },
  { name: 'axe-core: Edit data, for classes and for values',
    run: audit('#dataset=blobs&classes=3&seed=0.5', async (page) => {
      await page.getByRole('button', { name: 'Edit data' }).click();
      await page.getByRole('heading', { name: 'Edit data' }).waitFor();
    }) },
  { name: 'axe-core: Edit data of a regression',
    run: audit('#problem=regression&seed=0.5', async (page) => {
      await page.getByRole('button', { name: 'Edit data' }).click();
      await page.getByRole('slider', { name: 'Value of new points' }).waitFor();
    }) },
];
