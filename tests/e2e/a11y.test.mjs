// Accessibility: an axe-core audit of the page finds no serious or critical problem.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { assert } from '../lib/assert.mjs';
import { withPlayground } from '../lib/page.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core in the page and returns its serious and critical violations, one line each. */
async function seriousViolations(page) {
  // Evaluated, not added as a <script> tag: the page's security policy blocks inline scripts.
  await page.evaluate(await readFile(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join('; ')})`);
}

const audit = (fragment) => (ctx) => withPlayground(ctx, fragment, async (page) => {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const problems = await seriousViolations(page);
  assert.equal(problems.length, 0, `axe found:\n  ${problems.join('\n  ')}`);
});

export const tests = [
  { name: 'axe-core: the default page', run: audit('#seed=0.5') },
  { name: 'axe-core: many classes and test data shown',
    run: audit('#dataset=blobs&classes=4&showTestData=true&seed=0.5') },
  { name: 'axe-core: regression', run: audit('#problem=regression&regDataset=reg-gauss&seed=0.5') },
  { name: 'axe-core: the digits view', run: audit('#preset=digits&seed=0.5') },
  { name: 'axe-core: the fitted curve', run: audit('#preset=regression-curve&showTestData=true') },
];
