// The settings and data controls: each found by its accessible name and changed, with its effect
// on the run (reset or not), on the link in the address bar and on the picture checked.
import { withPlayground } from '../lib/page.mjs';
import { assert, assertNoProblems, canvasHash, readInteger } from '../lib/assert.mjs';

const SELECTS = [
  'Activation', 'Learning rate', 'Regularization', 'Regularization rate', 'Optimizer', 'Loss',
  'Initialization', 'Problem type',
];
const SLIDERS = ['Training data (%)', 'Noise', 'Batch size', 'Momentum'];
const CHECKBOXES = ['Show test data', 'Discretize output', 'Nesterov'];
const CLASSIFICATION_SETS = [
  'Circle', 'Exclusive or', 'Gaussian', 'Spiral', 'Logic AND', 'Logic OR', 'Logic NAND',
  'Logic XOR', 'Logic NOT', 'Blobs', 'Digits',
];

/** Each hideable control: its link key, its role and its accessible name. */
const HIDEABLE = [
  ['activation', 'combobox', 'Activation'], ['learningRate', 'combobox', 'Learning rate'],
  ['regularization', 'combobox', 'Regularization'],
  ['regularizationRate', 'combobox', 'Regularization rate'], ['loss', 'combobox', 'Loss'],
  ['init', 'combobox', 'Initialization'], ['optimizer', 'combobox', 'Optimizer'],
  ['momentum', 'slider', 'Momentum'], ['nesterov', 'checkbox', 'Nesterov'],
  ['problem', 'combobox', 'Problem type'], ['dataset', 'radiogroup', 'Dataset'],
  ['percTrainData', 'slider', 'Training data (%)'], ['noise', 'slider', 'Noise'],
  ['batchSize', 'slider', 'Batch size'], ['seed', 'textbox', 'Seed'],
  ['showTestData', 'checkbox', 'Show test data'], ['discretize', 'checkbox', 'Discretize output'],
];

/** Opens the playground at `fragment`, runs `check(page)`, and then refuses page errors. */
function withPage(ctx, fragment, check, options = {}) {
  return withPlayground(ctx, fragment, async (page) => {
    await check(page);
    assertNoProblems(page);
  }, { context: options });
}

/** The value of `key` in the page's URL fragment (undefined when absent). */
async function linkValue(page, key) {
  const hash = await page.evaluate(() => window.location.hash);
  return new URLSearchParams(hash.slice(1)).get(key) ?? undefined;
}

/** Waits until the link's `key` reads `expected`. */
async function waitForLink(page, key, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let value = await linkValue(page, key);
  while (value !== expected) {
    assert.ok(Date.now() < deadline, `link has ${key}=${value}, expected ${expected}`);
    await page.waitForTimeout(50);
    value = await linkValue(page, key);
  }
}

/** Presses Step `n` times and returns the epoch shown after. */
async function step(page, n) {
  const before = await readInteger(page, 'Epoch');
  for (let i = 0; i < n; i += 1) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
  }
  const after = await readInteger(page, 'Epoch');
  assert.equal(after, before + n, `${n} steps went from epoch ${before} to ${after}`);
  return after;
}

const slider = (page, name) => page.getByRole('slider', { name, exact: true });
const select = (page, name) => page.getByRole('combobox', { name, exact: true });

/** Moves a focused slider by `presses` arrow keys (negative: to the left). */
async function nudge(page, name, presses) {
  await slider(page, name).focus();
  const key = presses < 0 ? 'ArrowLeft' : 'ArrowRight';
  for (let i = 0; i < Math.abs(presses); i += 1) await page.keyboard.press(key);
}

/** Drags the slider `name` by touch from `from` to `to` (shares of its width). */
async function touchDrag(page, name, from, to) {
  await slider(page, name).scrollIntoViewIfNeeded();
  const box = await slider(page, name).boundingBox();
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, share) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: share === undefined ? [] : [{ x: box.x + box.width * share, y }],
  });
  await touch('touchStart', from);
  for (let i = 1; i <= 10; i += 1) await touch('touchMove', from + ((to - from) * i) / 10);
  await touch('touchEnd');
}

export const tests = [
  {
    name: 'every setting and data control is found by its label',
    run: (ctx) => withPage(ctx, '', async (page) => {
      for (const name of SELECTS) await select(page, name).waitFor();
      for (const name of SLIDERS) await slider(page, name).waitFor();
      for (const name of CHECKBOXES) {
        await page.getByRole('checkbox', { name, exact: true }).waitFor();
      }
      await page.getByRole('textbox', { name: 'Seed', exact: true }).waitFor();
      await page.getByRole('radiogroup', { name: 'Dataset' }).waitFor();
      for (const name of CLASSIFICATION_SETS) {
        await page.getByRole('radio', { name, exact: true }).waitFor({ state: 'attached' });
      }
      await page.getByLabel('Noise', { exact: true }).waitFor();
      assert.ok(await page.getByRole('radio', { name: 'Circle' }).isChecked());
    }),
  },
  {
    name: 'the learning rate changed mid-run keeps the epoch and shows in the link (C08)',
    run: (ctx) => withPage(ctx, '#seed=c08', async (page) => {
      const epoch = await step(page, 20);
      await select(page, 'Learning rate').selectOption('0.01');
      await waitForLink(page, 'learningRate', '0.01');
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'the learning rate reset the run');
      await select(page, 'Regularization rate').selectOption('0.001');
      await select(page, 'Regularization').selectOption('L2');
      await waitForLink(page, 'regularization', 'L2');
      assert.equal(await linkValue(page, 'regularizationRate'), '0.001');
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'regularization reset the run');
      await step(page, 1);
      assert.equal(await select(page, 'Learning rate').inputValue(), '0.01');
    }),
  },
  {
    name: 'a new activation, initialization or loss resets the epoch to 0',
    run: (ctx) => withPage(ctx, '', async (page) => {
      await step(page, 3);
      await select(page, 'Activation').selectOption({ label: 'ReLU' });
      await waitForLink(page, 'activation', 'relu');
      assert.equal(await readInteger(page, 'Epoch'), 0);
      await step(page, 2);
      await select(page, 'Initialization').selectOption({ label: 'Glorot' });
      await waitForLink(page, 'init', 'glorot');
      assert.equal(await readInteger(page, 'Epoch'), 0);
      await select(page, 'Loss').selectOption({ label: 'Cross-entropy' });
      await waitForLink(page, 'loss', 'cross-entropy');
    }),
  },
  {
    name: 'the noise slider writes noise= into the link and resets the run',
    run: (ctx) => withPage(ctx, '', async (page) => {
      await step(page, 3);
      await nudge(page, 'Noise', 5);
      await waitForLink(page, 'noise', '25');
      assert.equal(await slider(page, 'Noise').inputValue(), '25');
      assert.equal(await readInteger(page, 'Epoch'), 0, 'new noise kept the old run');
    }),
  },
  {
    name: 'dragging the training-data slider applies on release and resets',
    run: (ctx) => withPage(ctx, '', async (page) => {
      await step(page, 2);
      await slider(page, 'Training data (%)').scrollIntoViewIfNeeded();
      const box = await slider(page, 'Training data (%)').boundingBox();
      const y = box.y + box.height / 2;
      // The thumb sits at 50 % of the 10..90 range, i.e. half way along.
      await page.mouse.move(box.x + box.width / 2, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
      await page.mouse.move(box.x + box.width * 0.88, y, { steps: 4 });
      assert.equal(await linkValue(page, 'percTrainData'), '50', 'applied before release');
      assert.equal(await readInteger(page, 'Epoch'), 2, 'reset before release');
      await page.mouse.up();
      await waitForLink(page, 'percTrainData', '80');
      assert.equal(await readInteger(page, 'Epoch'), 0);
    }),
  },
  {
    name: 'the batch size changes the link without a reset',
    run: (ctx) => withPage(ctx, '', async (page) => {
      const epoch = await step(page, 3);
      await nudge(page, 'Batch size', 2);
      await waitForLink(page, 'batchSize', '12');
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'the batch size reset the run');
      assert.equal(await slider(page, 'Batch size').getAttribute('max'), '30');
    }),
  },
  {
    name: 'momentum and Nesterov show only with SGD and do not reset',
    run: (ctx) => withPage(ctx, '', async (page) => {
      const epoch = await step(page, 2);
      await nudge(page, 'Momentum', 9);
      await waitForLink(page, 'momentum', '0.09');
      await page.getByRole('checkbox', { name: 'Nesterov' }).check();
      await waitForLink(page, 'nesterov', 'true');
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'momentum reset the run');
      await select(page, 'Optimizer').selectOption({ label: 'Adam' });
      await waitForLink(page, 'optimizer', 'adam');
      assert.equal(await slider(page, 'Momentum').count(), 0, 'momentum shown with Adam');
      assert.equal(await page.getByRole('checkbox', { name: 'Nesterov' }).count(), 0);
      await select(page, 'Optimizer').selectOption({ label: 'SGD' });
      await slider(page, 'Momentum').waitFor();
    }),
  },
  {
    name: '#percTrainData_hide=true hides only that slider; the test loss stays (C10)',
    run: (ctx) => withPage(ctx, '#percTrainData_hide=true&seed=c10', async (page) => {
      assert.equal(await slider(page, 'Training data (%)').count(), 0, 'slider still shown');
      await slider(page, 'Noise').waitFor();
      await slider(page, 'Batch size').waitFor();
      const testLoss = page.getByRole('status', { name: 'Test loss' });
      await testLoss.waitFor();
      const before = await testLoss.textContent();
      await step(page, 30);
      const after = await testLoss.textContent();
      assert.match(after, /^\d+\.\d{3}$/, `test loss shows "${after}"`);
      assert.notEqual(after, before, 'the test loss did not update');
      assert.equal(await linkValue(page, 'percTrainData_hide'), 'true');
    }),
  },
  {
    name: '#noise_hide=true hides only the noise slider (C10)',
    run: (ctx) => withPage(ctx, '#noise_hide=true', async (page) => {
      assert.equal(await slider(page, 'Noise').count(), 0);
      await slider(page, 'Training data (%)').waitFor();
      await page.getByRole('status', { name: 'Test loss' }).waitFor();
      await page.getByRole('radiogroup', { name: 'Dataset' }).waitFor();
    }),
  },
  {
    name: 'every _hide flag hides exactly its own control and nothing else (C10)',
    timeout: 120_000,
    run: async (ctx) => {
      for (const [key] of HIDEABLE) {
        await withPage(ctx, `#${key}_hide=true`, async (page) => {
          for (const [other, role, name] of HIDEABLE) {
            const count = await page.getByRole(role, { name, exact: true }).count();
            const expected = other === key ? 0 : 1;
            assert.equal(count, expected, `with ${key}_hide=true, ${name} shows ${count}`);
          }
          await page.getByRole('status', { name: 'Test loss' }).waitFor();
        });
      }
    },
  },
  {
    name: 'choosing a data set changes the link and the decision boundary',
    run: (ctx) => withPage(ctx, '#seed=picture', async (page) => {
      const before = await canvasHash(page, 'Decision boundary');
      await page.getByRole('radio', { name: 'Exclusive or', exact: true }).check();
      await waitForLink(page, 'dataset', 'xor');
      await page.waitForTimeout(100);
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before);
      assert.ok(await page.getByRole('radio', { name: 'Exclusive or' }).isChecked());
      assert.ok(!(await page.getByRole('radio', { name: 'Circle' }).isChecked()));
      await page.getByRole('radio', { name: 'Spiral', exact: true }).check();
      await waitForLink(page, 'dataset', 'spiral');
      await slider(page, 'Classes').waitFor();
    }),
  },
  {
    name: 'the problem type switches to the regression data sets',
    run: (ctx) => withPage(ctx, '', async (page) => {
      await select(page, 'Problem type').selectOption({ label: 'Regression' });
      await waitForLink(page, 'problem', 'regression');
      for (const name of ['Plane', 'Multi gaussian', 'Curve']) {
        await page.getByRole('radio', { name, exact: true }).waitFor({ state: 'attached' });
      }
      assert.equal(await page.getByRole('radio', { name: 'Circle' }).count(), 0);
      await page.getByRole('radio', { name: 'Multi gaussian' }).check();
      await waitForLink(page, 'regDataset', 'reg-gauss');
      assert.ok(await select(page, 'Loss').isDisabled(), 'regression has a fixed loss');
    }),
  },
  {
    name: 'the seed field can be read and edited, and the link follows',
    run: (ctx) => withPage(ctx, '#seed=first', async (page) => {
      const seed = page.getByRole('textbox', { name: 'Seed' });
      assert.equal(await seed.inputValue(), 'first');
      await step(page, 2);
      await seed.fill('lecture-7');
      await seed.press('Enter');
      await waitForLink(page, 'seed', 'lecture-7');
      assert.equal(await readInteger(page, 'Epoch'), 0, 'a new seed gives a new run');
      await seed.fill('   ');
      await seed.press('Enter');
      assert.equal(await seed.inputValue(), 'lecture-7', 'a blank seed was not refused');
      await seed.fill('other');
      await page.getByRole('button', { name: 'Step', exact: true }).focus();
      await waitForLink(page, 'seed', 'other');
      await page.getByRole('button', { name: 'Regenerate' }).click();
      await page.waitForTimeout(100);
      assert.equal(await seed.inputValue(), await linkValue(page, 'seed'));
    }),
  },
  {
    name: 'show test data and discretize change the link and the picture only',
    run: (ctx) => withPage(ctx, '#seed=boxes', async (page) => {
      const epoch = await step(page, 4);
      let before = await canvasHash(page, 'Decision boundary');
      await page.getByRole('checkbox', { name: 'Show test data' }).check();
      await waitForLink(page, 'showTestData', 'true');
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before);
      before = await canvasHash(page, 'Decision boundary');
      await page.getByRole('checkbox', { name: 'Discretize output' }).check();
      await waitForLink(page, 'discretize', 'true');
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before);
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'a view option reset the run');
    }),
  },
  {
    name: 'a link with out-of-range values shows the clamped values (C09)',
    run: (ctx) => withPage(ctx, '#noise=2000&batchSize=1000&learningRate=1000', async (page) => {
      assert.equal(await slider(page, 'Noise').inputValue(), '50');
      assert.equal(await slider(page, 'Batch size').inputValue(), '30');
      assert.equal(await select(page, 'Learning rate').inputValue(), '10');
      assert.equal(await linkValue(page, 'noise'), '50');
    }),
  },
  {
    name: 'a learning rate outside the list is offered and kept',
    run: (ctx) => withPage(ctx, '#learningRate=0.02', async (page) => {
      assert.equal(await select(page, 'Learning rate').inputValue(), '0.02');
      await select(page, 'Learning rate').selectOption('0.3');
      await waitForLink(page, 'learningRate', '0.3');
    }),
  },
  {
    name: 'at 390 px by touch nothing overflows and a tap picks a data set (C13)',
    run: (ctx) => withPage(ctx, '', async (page) => {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      await page.getByText('Gaussian', { exact: true }).tap();
      await waitForLink(page, 'dataset', 'gauss');
      const box = await slider(page, 'Noise').boundingBox();
      assert.ok(box.height >= 40, `the noise slider is only ${box.height} px tall`);
      await touchDrag(page, 'Training data (%)', 0.5, 0.88);
      await waitForLink(page, 'percTrainData', '80');
      assert.equal(await slider(page, 'Training data (%)').inputValue(), '80');
    }, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }),
  },
];
