// The "Preset" select and the lecture's presets that are about the loss curves: overfitting
// (the test loss climbs while the training loss falls) and underfitting (both stay high).
import { assert, assertNoProblems, readInteger } from '../lib/assert.mjs';
import { fragmentOf, playTo, withPlayground } from '../lib/page.mjs';

/** A loss readout as a number. */
const readLoss = async (page, name) =>
  Number.parseFloat(await page.getByRole('status', { name }).textContent());

/** Presses Step `count` times. */
async function step(page, count) {
  const button = page.getByRole('button', { name: 'Step' });
  for (let i = 0; i < count; i += 1) await button.click();
}

export const tests = [
  {
    name: 'the Preset select loads a preset, writes preset= into the link and names it',
    run: (ctx) => withPlayground(ctx, '#seed=0.5', async (page) => {
      const select = page.getByRole('combobox', { name: 'Preset' });
      assert.equal(await select.inputValue(), '', 'a plain link starts from own settings');
      const names = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
      for (const name of ['perceptron-and', 'overfitting', 'underfitting', 'xor-hidden']) {
        assert.ok(names.includes(name), `${name} in ${names}`);
      }
      await page.getByRole('button', { name: 'Step' }).click();
      await select.selectOption('underfitting');
      const link = await fragmentOf(page);
      assert.equal(link.preset, 'underfitting');
      assert.equal(await readInteger(page, 'Epoch'), 0, 'a new experiment starts at epoch 0');
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
