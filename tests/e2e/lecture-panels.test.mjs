// The lecture panels: the activation functions (six plots, the one in use marked), the loss in
// use (formula beside the live training loss, the penalty apart) and the optimizer choice
// (SGD with momentum, Adam) changed mid-run without losing the weights or the epoch.
import { withPlayground, fragmentOf } from '../lib/page.mjs';
import { assert, assertNoProblems, readInteger } from '../lib/assert.mjs';
import { seriousViolations } from '../lib/axe.mjs';

const SEEDED = '#seed=0.5';
const ACTIVATIONS = ['Linear', 'Sigmoid', 'Tanh', 'ReLU', 'Leaky ReLU', 'Step'];

/** Opens the playground at `fragment`, runs `check(page)`, and then refuses page errors. */
function withPage(ctx, fragment, check, options = {}) {
  return withPlayground(ctx, fragment, async (page) => {
    await check(page);
    assertNoProblems(page);
  }, { context: options });
}

const select = (page, name) => page.getByRole('combobox', { name, exact: true });
const readText = (page, name) => page.getByRole('status', { name, exact: true }).textContent();

/** Waits until the link's `key` reads `expected`. */
async function waitForLink(page, key, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let value = (await fragmentOf(page))[key];
  while (value !== expected) {
    assert.ok(Date.now() < deadline, `link has ${key}=${value}, expected ${expected}`);
    await page.waitForTimeout(50);
    value = (await fragmentOf(page))[key];
  }
}

/** Presses Step `n` times and returns the epoch shown after. */
async function step(page, n) {
  for (let i = 0; i < n; i += 1) await page.getByRole('button', { name: 'Step', exact: true }).click();
  return readInteger(page, 'Epoch');
}

/** Opens the activation panel and returns it. */
async function openActivations(page) {
  const panel = page.getByRole('region', { name: 'Activation functions' });
  await panel.getByText('Activation functions', { exact: true }).click();
  await panel.getByRole('figure').first().waitFor();
  return panel;
}

/** Opens the optimizer guide and returns it. */
async function openGuide(page) {
  const name = 'How the optimizers update the weights';
  const panel = page.getByRole('region', { name });
  await panel.getByText(name, { exact: true }).click();
  return panel;
}

/** The names of the figures marked as in use. */
async function inUse(panel) {
  const marked = panel.locator('[aria-current="true"]');
  return marked.evaluateAll((nodes) => nodes.map((n) => n.querySelector('strong').textContent));
}

export const tests = [
  {
    name: 'the activation panel plots six functions from the engine and marks the one in use',
    run: (ctx) => withPage(ctx, SEEDED, async (page) => {
      const panel = await openActivations(page);
      assert.equal(await panel.getByRole('figure').count(), 6);
      for (const name of ACTIVATIONS) {
        const figure = panel.getByRole('figure', { name, exact: true });
        assert.equal(await figure.locator('polyline').count(), 2, `${name}: f and f' drawn`);
      }
      assert.deepEqual(await inUse(panel), ['Tanh'], 'the default activation is tanh');
      const tanh = panel.getByRole('figure', { name: 'Tanh', exact: true });
      assert.ok((await tanh.innerText()).includes('(-1, 1)'), 'the range of tanh is missing');
      assert.ok((await tanh.innerText()).includes('(in use)'), 'no visible in-use mark');
      // tanh(0) = 0 is the plot's centre (80, 60); sigmoid(0) = 0.5 is at (80, 40).
      const points = (name) => panel.getByRole('figure', { name, exact: true })
        .locator('polyline.value').getAttribute('points');
      assert.ok((await points('Tanh')).includes('80.0,60.0'));
      assert.ok((await points('Sigmoid')).includes('80.0,40.0'));
      await select(page, 'Activation').selectOption({ label: 'ReLU' });
      await waitForLink(page, 'activation', 'relu');
      assert.deepEqual(await inUse(panel), ['ReLU'], 'ReLU is not marked after choosing it');
      await panel.getByRole('button', { name: 'Use Sigmoid' }).click();
      await waitForLink(page, 'activation', 'sigmoid');
      assert.equal(await select(page, 'Activation').inputValue(), 'sigmoid');
      assert.deepEqual(await inUse(panel), ['Sigmoid']);
    }),
  },
  {
    name: 'the loss panel shows the formula of the loss in use beside the training loss',
    run: (ctx) => withPage(ctx, SEEDED, async (page) => {
      const panel = page.getByRole('region', { name: 'Loss in use' });
      await step(page, 3);
      assert.ok((await panel.innerText()).includes('mean of ½ (ŷ - y)²'), 'no squared loss');
      const training = await readText(page, 'Training loss');
      assert.match(training, /^\d+\.\d{3}$/);
      assert.equal(await readText(page, 'Loss in use'), training);
      await select(page, 'Loss').selectOption({ label: 'Cross-entropy' });
      await waitForLink(page, 'loss', 'cross-entropy');
      assert.ok((await panel.innerText()).includes('mean of -log p(target)'),
        'the formula did not follow the loss');
      await step(page, 2);
      assert.equal(await readText(page, 'Loss in use'), await readText(page, 'Training loss'));
    }),
  },
  {
    name: 'choosing SGD with momentum, then Adam, mid-run keeps the weights and the epoch',
    run: (ctx) => withPage(ctx, SEEDED, async (page) => {
      const epoch = await step(page, 4);
      const loss = await readText(page, 'Training loss');
      await select(page, 'Optimizer').selectOption({ label: 'SGD with momentum' });
      await waitForLink(page, 'momentum', '0.9');
      assert.equal((await fragmentOf(page)).optimizer, 'sgd');
      await page.getByRole('slider', { name: 'Momentum', exact: true }).waitFor();
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'momentum reset the run');
      assert.equal(await readText(page, 'Training loss'), loss, 'the weights changed');
      assert.equal(await step(page, 1), epoch + 1);
      const after = await readText(page, 'Training loss');
      await select(page, 'Optimizer').selectOption({ label: 'Adam' });
      await waitForLink(page, 'optimizer', 'adam');
      assert.equal(await readInteger(page, 'Epoch'), epoch + 1, 'Adam reset the run');
      assert.equal(await readText(page, 'Training loss'), after, 'the weights changed');
      await select(page, 'Learning rate').selectOption('0.01');
      await waitForLink(page, 'learningRate', '0.01');
      assert.equal(await readInteger(page, 'Epoch'), epoch + 1, 'the learning rate reset');
      await select(page, 'Optimizer').selectOption({ label: 'SGD' });
      await waitForLink(page, 'momentum', '0');
    }),
  },
  {
    name: 'the optimizer guide marks the optimizer in use with its rule',
    run: (ctx) => withPage(ctx, '#optimizer=sgd&momentum=0.5&seed=0.5', async (page) => {
      assert.equal(await select(page, 'Optimizer').inputValue(), 'sgd-momentum');
      const panel = await openGuide(page);
      const marked = panel.locator('[aria-current="true"]');
      assert.equal(await marked.count(), 1);
      assert.ok((await marked.innerText()).startsWith('SGD with momentum'));
      assert.ok((await marked.innerText()).includes('w ← w + v'));
    }),
  },
  {
    name: 'with L2 on, the loss panel shows the penalty formula and its value',
    run: (ctx) => withPage(ctx, SEEDED, async (page) => {
      const penalty = page.getByRole('region', { name: 'Loss in use' }).locator('.penalty');
      assert.ok((await penalty.innerText()).includes('Regularization is off'));
      await select(page, 'Regularization rate').selectOption('0.01');
      await select(page, 'Regularization').selectOption('L2');
      await waitForLink(page, 'regularization', 'L2');
      const text = await penalty.innerText();
      assert.ok(text.includes('L2 penalty ½ λ Σ w²'), `no L2 formula in "${text}"`);
      const value = Number.parseFloat(text.match(/now ([0-9.]+)/)[1]);
      assert.ok(value > 0 && value < 1, `the penalty reads ${value}`);
    }),
  },
  {
    name: 'the open lecture panels fit a phone in the large-text view',
    run: (ctx) => withPage(ctx, SEEDED, async (page) => {
      await page.getByRole('button', { name: 'Large text' }).click();
      await openActivations(page);
      await openGuide(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
    }, { viewport: { width: 390, height: 844 } }),
  },
  {
    name: 'axe-core: the open lecture panels',
    run: (ctx) => withPage(ctx, '#regularization=L1&regularizationRate=0.01&seed=0.5',
      async (page) => {
        await step(page, 1);
        await openActivations(page);
        await openGuide(page);
        const problems = await seriousViolations(page);
        assert.equal(problems.length, 0, `axe found:\n  ${problems.join('\n  ')}`);
      }),
  },
];
