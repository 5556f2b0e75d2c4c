// "Step through one example": one training example walked forward, back and updated.
import {
  assert, assertNoProblems, canvasHash, readInteger, waitForInteger,
} from '../lib/assert.mjs';
import { withPlayground } from '../lib/page.mjs';

// A small seeded network: 2 inputs, one hidden layer of 2 tanh neurons, one tanh output.
// The learning rate is high enough that one example's step shows in the 3-decimal readouts.
const SMALL = '#dataset=xor&networkShape=2&learningRate=1&seed=0.5';
const TITLE = 'Step through one example';

/** The stepper's panel (a region named by its heading). */
const panel = (page) => page.getByRole('region', { name: TITLE });

/** The stepper's current stage line ("Stage 2 of 7: ..."). */
const stageText = (page) => panel(page).locator('.stepper-stage').textContent();

/** Presses the panel's button `name`. */
const press = (page, name) => panel(page).getByRole('button', { name, exact: true }).click();

/** The numbers of the data cells of the row headed `header` in the table named `table`. */
async function rowNumbers(page, table, header) {
  const row = panel(page).getByRole('table', { name: table })
    .getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  return cells.map(Number);
}

export const tests = [
  {
    name: 'the step-by-step preset opens the stepper; closing it takes stepThrough out of the link',
    run: (ctx) => withPlayground(ctx, '#preset=step-by-step', async (page) => {
      await panel(page).waitFor();
      assert.match(await stageText(page), /^Stage 1 of \d+: the example/);
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.match(await page.evaluate(() => location.hash), /preset=step-by-step/);
      await press(page, 'Close');
      await page.waitForFunction(() => /stepThrough=false/.test(location.hash));
      assert.equal(await panel(page).count(), 0);
      await page.getByRole('button', { name: TITLE }).click();
      await panel(page).waitFor();
      await page.waitForFunction(() => /stepThrough=true/.test(location.hash));
      await page.reload();
      await panel(page).waitFor();
    }),
  },
  {
    name: 'the forward pass shows each neuron\'s z and a = tanh(z), the backward pass its delta',
    run: (ctx) => withPlayground(ctx, SMALL, async (page) => {
      await page.getByRole('button', { name: TITLE }).click();
      assert.match(await stageText(page), /^Stage 1 of 7: the example/);
      await press(page, 'Next');
      assert.equal(await stageText(page), 'Stage 2 of 7: forward pass, hidden layer 1');
      const stages = panel(page).getByRole('list', { name: 'Stages' });
      assert.equal(await stages.getByRole('listitem').count(), 7);
      assert.equal(await stages.locator('[aria-current="step"]').textContent(), 'forward, layer 1');
      for (const neuron of ['Neuron 1', 'Neuron 2']) {
        const [z, a] = await rowNumbers(page, 'Forward pass, hidden layer 1', neuron);
        assert.ok(Number.isFinite(z) && Number.isFinite(a), `${neuron}: ${z}, ${a}`);
        // z is shown to 3 decimals and tanh' <= 1: a agrees with tanh(z) within 0.0015.
        assert.ok(Math.abs(Math.tanh(z) - a) <= 0.0015, `${neuron}: tanh(${z}) vs ${a}`);
      }
      const sentence = await panel(page).getByText(/^Neuron 1 of hidden layer 1 adds up/)
        .textContent();
      assert.match(sentence, /then tanh\(-?\d+\.\d{3}\) = -?\d+\.\d{3}\.$/);
      for (let i = 0; i < 3; i += 1) await press(page, 'Next');
      assert.equal(await stageText(page), 'Stage 5 of 7: backward pass, output layer');
      await panel(page).getByText(/^A neuron's delta \(dL\/dz\) says how much/).waitFor();
      const [delta, biasGradient] = await rowNumbers(page, 'Deltas, output layer', 'Output');
      assert.ok(Number.isFinite(delta) && delta === biasGradient, `${delta}, ${biasGradient}`);
      await press(page, 'Back');
      assert.equal(await stageText(page), 'Stage 4 of 7: loss');
      assert.doesNotMatch(await panel(page).textContent(), /NaN|Infinity|inf\b/);
      await panel(page).getByRole('spinbutton', { name: /^Example number/ }).fill('5');
      await panel(page).getByRole('spinbutton', { name: /^Example number/ }).press('Enter');
      await panel(page).getByText(/^Training example 5 of /).waitFor();
      assert.match(await stageText(page), /^Stage 1 of 7/);
      assertNoProblems(page);
    }),
  },
  {
    name: 'Apply update changes the weights but not the epoch; Close returns to the page',
    run: (ctx) => withPlayground(ctx, SMALL, async (page) => {
      const boundary = await canvasHash(page, 'Decision boundary');
      const loss = await page.getByRole('status', { name: 'Training loss' }).textContent();
      await page.getByRole('button', { name: TITLE }).click();
      for (let i = 0; i < 6; i += 1) await press(page, 'Next');
      assert.equal(await stageText(page), 'Stage 7 of 7: update');
      await panel(page).getByText(/^The update is plain SGD on this one example/).waitFor();
      await press(page, 'Apply update');
      const done = await panel(page).getByText(/^Done: this example's loss went from/)
        .textContent();
      const [before, after] = done.match(/-?\d+\.\d{3}/g).map(Number);
      assert.ok(after < before, done);
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.notEqual(await canvasHash(page, 'Decision boundary'), boundary);
      assert.notEqual(
        await page.getByRole('status', { name: 'Training loss' }).textContent(),
        loss,
      );
      assert.ok(await panel(page).getByRole('button', { name: 'Apply update' }).isDisabled());
      await press(page, 'Next');
      assert.match(await stageText(page), /^Stage 1 of 7/);
      await panel(page).getByText(/^Training example 2 of /).waitFor();
      await press(page, 'Close');
      assert.equal(await panel(page).count(), 0);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      assert.equal(await readInteger(page, 'Epoch'), 1);
      assertNoProblems(page);
    }),
  },
  {
    name: 'opening the stepper pauses training, and it works from the keyboard',
    run: (ctx) => withPlayground(ctx, SMALL, async (page) => {
      await page.getByRole('button', { name: 'Play' }).click();
      await waitForInteger(page, 'Epoch', 2);
      await page.getByRole('button', { name: TITLE }).focus();
      await page.keyboard.press('Enter');
      await panel(page).waitFor();
      await page.getByRole('button', { name: 'Play' }).waitFor();
      const epoch = await readInteger(page, 'Epoch');
      await page.waitForTimeout(200);
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'training paused');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, 'Next', 'Next has the focus');
      await page.keyboard.press('Enter');
      assert.match(await stageText(page), /^Stage 2 of 7/);
      await page.keyboard.press('Space');
      assert.match(await stageText(page), /^Stage 3 of 7/);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.match(await stageText(page), /^Stage 7 of 7: update/, 'Apply update by keyboard');
      assert.equal(await readInteger(page, 'Epoch'), epoch);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await panel(page).count(), 0, 'Close by keyboard');
      const back = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(back, TITLE, 'the focus returns to the button that opened the stepper');
      assertNoProblems(page);
    }),
  },
  {
    name: 'a digits network shows its first 8 inputs and says how many more there are',
    run: (ctx) => withPlayground(ctx, '#dataset=digits&networkShape=16&seed=1', async (page) => {
      await page.getByRole('button', { name: TITLE }).click();
      await panel(page).getByText(/^It is a handwritten \d/).waitFor();
      const inputs = panel(page).getByRole('table', { name: 'The example\'s inputs' });
      assert.equal(await inputs.getByRole('rowheader').count(), 8);
      await panel(page).getByText('... and 56 more inputs').waitFor();
      for (let i = 0; i < 2; i += 1) await press(page, 'Next');
      await panel(page).getByText(/^Softmax turns the 10 sums into probabilities/).waitFor();
      assert.doesNotMatch(await panel(page).textContent(), /NaN|Infinity/);
      assertNoProblems(page);
    }),
  },
];
