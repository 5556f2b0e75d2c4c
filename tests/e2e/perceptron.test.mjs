// The single neuron and the logic gates (lecture items 1 and 2): the Perceptron panel, its
// sliders, the decision line, XOR's why-not, and the xor-from-gates preset's hidden lines.
import { withPlayground } from '../lib/page.mjs';
import {
  assert, assertNoProblems, canvasHash, readInteger, waitForInteger,
} from '../lib/assert.mjs';

const BOUNDARY = 'Decision boundary';

const panel = (page) => page.getByRole('region', { name: 'Perceptron', exact: true });
const readText = (page, name) => page.getByRole('status', { name, exact: true }).textContent();
const slider = (page, name) => page.getByRole('slider', { name, exact: true });

/** Plays until the epoch readout reaches `epochs`, then pauses; returns the epoch shown. */
async function playFor(page, epochs) {
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForInteger(page, 'Epoch', epochs, 20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(100);
  return readInteger(page, 'Epoch');
}

/**
 * Pixels inside the heatmap of the decision-boundary canvas (a 400 px square 36 px from the
 * left and 10 px from the top, as web/src/components/boundary.rs lays it out) that are nearly
 * black: only the neurons' lines are drawn that dark there.
 */
function darkPixels(page) {
  return page.getByRole('img', { name: BOUNDARY }).evaluate((el) => {
    const data = el.getContext('2d').getImageData(38, 12, 396, 396).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 60 && data[i + 1] < 60 && data[i + 2] < 60) dark += 1;
    }
    return dark;
  });
}

/** The first number of a formula like "output = sigmoid(0.53 x1 + ...)". */
function firstNumber(text) {
  return Number.parseFloat(text.replace(/^[^(]*\(/, ''));
}

export const tests = [
  {
    name: 'perceptron-and shows the Perceptron panel, whose numbers follow training',
    run: (ctx) => withPlayground(ctx, '#preset=perceptron-and&seed=0.5', async (page) => {
      await panel(page).waitFor();
      assert.ok(await panel(page).getByText('output = sigmoid(w1 x1 + w2 x2 + b)').isVisible());
      // With no hidden layer the Activation setting has nothing to act on, and says so.
      assert.ok(await page.getByRole('combobox', { name: 'Activation' }).isDisabled());
      await page.getByText(
        'No hidden layer: the output\'s function follows the problem and the loss.',
      ).waitFor();
      const before = await readText(page, 'Formula now');
      assert.match(before, /^output = sigmoid\(-?\d+\.\d\d x1 [+-] \d+\.\d\d x2 [+-] \d+\.\d\d\)$/);
      assert.match(await readText(page, 'Decision line'), /^(x2 = |x1 = )/);
      assert.ok(await playFor(page, 30) >= 30);
      const after = await readText(page, 'Formula now');
      assert.notEqual(after, before, 'the formula did not follow training');
      assert.ok(!/NaN|Infinity|inf/.test(after + (await panel(page).textContent())));
      // AND's corners are split by a line between (1, 1) and the others.
      assert.ok(await darkPixels(page) > 200, 'no decision line drawn');
      assertNoProblems(page);
    }),
  },
  {
    name: 'slider w1 moves the picture and the formula without resetting the epoch',
    run: (ctx) => withPlayground(ctx, '#preset=perceptron-and&seed=0.5', async (page) => {
      for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Step', exact: true }).click();
      assert.equal(await readInteger(page, 'Epoch'), 3);
      await page.waitForTimeout(100);
      const picture = await canvasHash(page, BOUNDARY);
      const formula = await readText(page, 'Formula now');
      const line = await readText(page, 'Decision line');
      await slider(page, 'w1').focus();
      for (let i = 0; i < 15; i += 1) await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
      const moved = await readText(page, 'Formula now');
      assert.notEqual(moved, formula);
      assert.notEqual(await readText(page, 'Decision line'), line);
      assert.notEqual(await canvasHash(page, BOUNDARY), picture, 'the picture did not follow');
      const w1 = Number.parseFloat(await slider(page, 'w1').inputValue());
      assert.ok(Math.abs(firstNumber(moved) - w1) < 0.006, `${moved} vs slider ${w1}`);
      assert.ok(Math.abs(w1 - firstNumber(formula) - 1.5) < 0.1, `${formula} -> ${w1}`);
      assert.equal(await readInteger(page, 'Epoch'), 3, 'moving a weight reset the run');
      await slider(page, 'b').focus();
      await page.keyboard.press('Home');
      await page.waitForTimeout(100);
      assert.match(await readText(page, 'Formula now'), / - 10\.00\)$/);
      assertNoProblems(page);
    }),
  },
  {
    name: 'a weight beyond the slider shows its true value beside it',
    run: (ctx) => withPlayground(ctx, '#preset=perceptron-and-hand&weights=1:12.4,4/-6&seed=1',
      async (page) => {
        assert.equal(await slider(page, 'w1').inputValue(), '10', 'the slider stops at 10');
        const shown = await slider(page, 'w1').getAttribute('aria-valuetext');
        assert.equal(shown, '12.40 (beyond the slider)');
        assert.ok(await panel(page).getByText('12.40 (beyond the slider)').isVisible());
        assert.match(await readText(page, 'Formula now'), /^output = sigmoid\(12\.40 x1/);
        assert.equal(await readText(page, 'Decision line'), 'x2 = -3.10 x1 + 1.50');
      }),
  },
  ...['gate-and', 'gate-or', 'gate-nand'].map((gate) => ({
    name: `a single neuron learns ${gate} to 100 % training accuracy`,
    run: (ctx) => withPlayground(ctx, `#preset=perceptron-and&dataset=${gate}&seed=0.5`,
      async (page) => {
        await panel(page).waitFor();
        await page.getByRole('button', { name: 'Play' }).click();
        await waitForInteger(page, 'Training accuracy', 100, 30_000);
        await page.getByRole('button', { name: 'Pause' }).click();
        assert.equal(await readInteger(page, 'Training accuracy'), 100);
        assertNoProblems(page);
      }),
  })),
  {
    name: 'on XOR a single neuron stays at or below 75 % and the page says why',
    run: (ctx) => withPlayground(ctx, '#preset=perceptron-xor&seed=0.5', async (page) => {
      const why = panel(page).getByText(/no straight line has all blue on one side/);
      assert.ok(await why.isVisible());
      assert.ok(await panel(page).getByText(/at most 3 of the 4 corners/).isVisible());
      assert.ok(await panel(page).getByText(/Add a hidden layer/).isVisible());
      assert.ok(await playFor(page, 300) >= 300);
      assert.ok(await readInteger(page, 'Training accuracy') <= 75);
      assert.ok(await readInteger(page, 'Test accuracy') <= 75);
      assertNoProblems(page);
    }),
  },
  {
    name: 'xor-from-gates is 100 % right at epoch 0 and draws its hidden neurons\' lines',
    run: (ctx) => withPlayground(ctx, '#preset=xor-from-gates&seed=0.5', async (page) => {
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.equal(await readInteger(page, 'Training accuracy'), 100);
      assert.equal(await readInteger(page, 'Test accuracy'), 100);
      // From the preset's weights: OR is 6 x1 + 6 x2 - 3, NAND is -6 x1 - 6 x2 + 9.
      const list = page.getByRole('list', { name: /hidden neuron/ });
      assert.deepEqual(await list.getByRole('listitem').allTextContents(), [
        'h1: x2 = -1.00 x1 + 0.50', 'h2: x2 = -1.00 x1 + 1.50',
      ]);
      await page.waitForTimeout(100);
      assert.ok(await darkPixels(page) > 200, 'the dashed lines are not drawn');
      assert.equal(await panel(page).count(), 0, 'a network with a hidden layer is no perceptron');
      assert.ok(await playFor(page, 50) >= 50);
      assert.equal(await readInteger(page, 'Training accuracy'), 100);
      assertNoProblems(page);
    }),
  },
  {
    name: 'networks with hidden layers show no Perceptron panel and no lines',
    run: (ctx) => withPlayground(ctx, '#seed=0.3', async (page) => {
      await page.getByRole('img', { name: BOUNDARY }).waitFor();
      await page.waitForTimeout(100);
      assert.equal(await panel(page).count(), 0);
      assert.equal(await page.getByRole('list', { name: /hidden neuron/ }).count(), 0);
      assert.equal(await darkPixels(page), 0);
      assertNoProblems(page);
    }),
  },
  {
    name: 'NOT shows its threshold, and Discretize output shows f as step',
    run: (ctx) => withPlayground(ctx, '#dataset=gate-not&networkShape=&weights=1:-4/2&seed=1',
      async (page) => {
        assert.equal(await readText(page, 'Formula now'), 'output = tanh(-4.00 x1 + 2.00)');
        assert.equal(await readText(page, 'Threshold'), 'x1 = 0.50 (blue where x1 < 0.50)');
        await page.goto(page.url().replace(/#.*/, '#preset=perceptron-and-hand&discretize=true'));
        await page.getByText(/Discretize output.* is on/).waitFor();
        const formula = 'output = step(4.00 x1 + 4.00 x2 - 6.00)';
        assert.equal(await readText(page, 'Formula now'), formula);
        assertNoProblems(page);
      }),
  },
];
