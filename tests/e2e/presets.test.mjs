// The "Preset" select and the lecture's presets that are about the loss curves: overfitting
// (the test loss climbs while the training loss falls) and underfitting (both stay high).
import { assert, assertNoProblems, readInteger } from '../lib/assert.mjs';
import { fragmentOf, playTo, withPlayground } from '../lib/page.mjs';

/** A loss readout as a number. */
const readLoss = async (page, name) =>
  Number.parseFloat(await page.getByRole('status', { name }).textContent());

/** Presses Step `count` times. */
async function step(page, count) {
  const button = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < count; i += 1) await button.click();
}

/**
 * Share of the decision boundary's pixels whose colour is, within a small distance, each
 * palette colour at full confidence as the heatmap paints it (paled 35 % towards white; see
 * web/src/render/colour.rs, CLASS_PALETTE and background).
 */
async function classShares(page, palette) {
  return page.getByRole('img', { name: 'Decision boundary' }).evaluate((el, colours) => {
    const paled = colours.map((c) => c.map((v) => v + (255 - v) * 0.35));
    const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      paled.forEach(([r, g, b], k) => {
        const d = Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b);
        if (d < 30) counts[k] += 1;
      });
    }
    return counts.map((n) => n / (el.width * el.height));
  }, palette);
}

/** The Okabe-Ito colours of classes 0..5 (web/src/render/colour.rs, CLASS_PALETTE). */
const PALETTE = [
  [0xe6, 0x9f, 0x00], [0x00, 0x72, 0xb2], [0x00, 0x9e, 0x73],
  [0xcc, 0x79, 0xa7], [0xd5, 0x5e, 0x00], [0x56, 0xb4, 0xe9],
];

export const tests = [
  {
    name: 'every preset of the list opens from its link, trains an epoch and shows no warning',
    timeout: 120_000,
    run: (ctx) => withPlayground(ctx, '#seed=0.5', async (page, site) => {
      const names = await page.getByRole('combobox', { name: 'Preset' }).locator('option')
        .evaluateAll((options) => options.map((o) => o.value).filter((v) => v));
      assert.ok(names.length >= 16, `${names.length} presets`);
      for (const name of names) {
        // A fragment change alone would not load the page again: reload at the new link.
        await page.goto(`${site.url}#preset=${name}&seed=1`);
        await page.reload();
        await page.getByRole('button', { name: /^(Play|Pause)$/ }).waitFor();
        assert.equal((await fragmentOf(page)).preset, name);
        assert.equal(await page.locator('.warnings').count(), 0, `${name}: warnings`);
        const stepper = name === 'step-by-step';
        if (!stepper) {
          await page.getByRole('button', { name: 'Step', exact: true }).click();
          assert.equal(await readInteger(page, 'Epoch'), 1, name);
        }
        assert.doesNotMatch(await page.locator('main').textContent(), /NaN|Infinity/, name);
      }
      // Reloading in quick succession aborts some requests (the icon): errors are what count.
      assert.deepEqual([...page.problems.console, ...page.problems.pageErrors], []);
    }),
  },
  {
    name: 'many-classes preset: softmax learns five spiral arms, one palette colour each',
    run: (ctx) => withPlayground(ctx, '#preset=many-classes&seed=1', async (page) => {
      await page.getByRole('slider', { name: 'Speed' }).fill('100');
      await playTo(page, readInteger, 400, 60_000);
      const accuracy = Number.parseFloat(
        await page.getByRole('status', { name: 'Test accuracy' }).textContent());
      assert.ok(accuracy >= 85, `test accuracy ${accuracy} %`);
      const shares = await classShares(page, PALETTE);
      shares.slice(0, 5).forEach((share, k) => {
        assert.ok(share > 0.02, `class ${k} covers ${share} of the picture: ${shares}`);
      });
      assert.ok(shares[5] < 0.005, `no sixth class colour: ${shares}`);
      assertNoProblems(page);
    }),
  },
  {
    name: 'the Preset select loads a preset, writes preset= into the link and names it',
    run: (ctx) => withPlayground(ctx, '#seed=0.5', async (page) => {
      const select = page.getByRole('combobox', { name: 'Preset' });
      assert.equal(await select.inputValue(), '', 'a plain link starts from own settings');
      const names = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
      for (const name of ['perceptron-and', 'overfitting', 'underfitting', 'xor-hidden']) {
        assert.ok(names.includes(name), `${name} in ${names}`);
      }
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('button', { name: 'Play' }).click();
      await select.selectOption('underfitting');
      await page.getByRole('button', { name: 'Play' }).waitFor();
      await page.waitForTimeout(300);
      const link = await fragmentOf(page);
      assert.equal(link.preset, 'underfitting');
      assert.equal(await readInteger(page, 'Epoch'), 0, 'a new experiment starts paused at 0');
      assert.equal(await select.inputValue(), 'underfitting');
      assert.ok(await page.getByRole('checkbox', { name: 'Show test data' }).isChecked());
      await page.reload();
      await page.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await select.inputValue(), 'underfitting', 'kept by the link on reload');
      assertNoProblems(page);
    }),
  },
  {
    name: 'overfitting preset: the test loss climbs while the training loss falls to zero',
    run: (ctx) => withPlayground(ctx, '#preset=overfitting&seed=2', async (page) => {
      await step(page, 20);
      const early = await readLoss(page, 'Test loss');
      await page.getByRole('slider', { name: 'Speed' }).fill('100');
      await playTo(page, readInteger, 300);
      const train = await readLoss(page, 'Training loss');
      const test = await readLoss(page, 'Test loss');
      assert.ok(train < 0.01, `training loss ${train}`);
      assert.ok(test > 1.5 * early, `test loss ${early} at epoch 20, then ${test}`);
      assertNoProblems(page);
    }),
  },
  {
    name: 'underfitting preset: training and test loss stay high together',
    run: (ctx) => withPlayground(ctx, '#preset=underfitting&seed=2', async (page) => {
      await page.getByRole('slider', { name: 'Speed' }).fill('100');
      await playTo(page, readInteger, 300);
      const train = await readLoss(page, 'Training loss');
      const test = await readLoss(page, 'Test loss');
      assert.ok(train > 0.3, `training loss ${train}`);
      assert.ok(Math.abs(test - train) < 0.05, `training ${train}, test ${test}`);
      assertNoProblems(page);
    }),
  },
];
