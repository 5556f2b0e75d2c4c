// The network diagram: thumbnails, shape buttons, feature switches, reading and editing weights.
import { withPlayground } from '../lib/page.mjs';
import {
  assert, assertNoProblems, canvasHash, readInteger, waitForInteger,
} from '../lib/assert.mjs';

/** Opens the playground at `fragment` (with page options) and runs `check(page)`. */
function withPage(ctx, fragment, check, options = {}) {
  return withPlayground(ctx, fragment, check, { context: options });
}

/** Plays until the epoch counter reaches `epochs`, then pauses; returns the epoch shown. */
async function playFor(page, epochs) {
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForInteger(page, 'Epoch', epochs, 20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(100);
  return readInteger(page, 'Epoch');
}

/** For each canvas matching `selector`: share of opaque pixels and number of colours. */
function thumbnailStats(page, selector) {
  return page.locator(selector).evaluateAll((canvases) => canvases.map((el) => {
    const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
    const colours = new Set();
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) opaque += 1;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { opaque: opaque / (el.width * el.height), colours: colours.size };
  }));
}

/** The text of the diagram's info line. */
function infoText(page) {
  return page.locator('.net-info').textContent();
}

/** The fragment of the page's address. */
function fragment(page) {
  return page.evaluate(() => window.location.hash);
}

/** Clicks the link (or bias) whose `data-target` is `target`, as a tap on it would. */
function clickTarget(page, target) {
  return page.locator(`[data-target="${target}"]`).last().dispatchEvent('click');
}

export const tests = [
  {
    name: 'every neuron and input switch has a painted thumbnail',
    run: (ctx) => withPage(ctx, '#seed=0.3', async (page) => {
      await page.waitForTimeout(300);
      const neurons = await thumbnailStats(page, '.net-nodes .neuron canvas');
      assert.equal(neurons.length, 4 + 2 + 1, 'default network: 4, 2 hidden and one output');
      for (const stats of neurons) assert.equal(stats.opaque, 1, 'a thumbnail has holes');
      assert.ok(neurons.some((s) => s.colours >= 5), JSON.stringify(neurons));
      const inputs = await thumbnailStats(page, '.net-input canvas');
      assert.equal(inputs.length, 7);
      assert.ok(inputs.every((s) => s.opaque === 1 && s.colours >= 3), JSON.stringify(inputs));
      assert.ok(await page.getByText('Each square shows what that neuron outputs').isVisible());
      assertNoProblems(page);
    }),
  },
  {
    name: '"Add hidden layer" adds a layer, writes networkShape and resets the epoch',
    run: (ctx) => withPage(ctx, '#seed=0.3', async (page) => {
      assert.ok(await playFor(page, 5) >= 5);
      const before = await page.locator('.net-nodes .neuron').count();
      await page.getByRole('button', { name: 'Add hidden layer' }).click();
      await page.getByRole('button', { name: 'Add neuron to layer 3' }).waitFor();
      assert.match(await fragment(page), /networkShape=4,2,2(&|$)/);
      assert.equal(await readInteger(page, 'Epoch'), 0);
      assert.equal(await page.locator('.net-nodes .neuron').count(), before + 2);
      assert.ok(await page.getByText('3 hidden layers').isVisible());
      await page.getByRole('button', { name: 'Add neuron to layer 3' }).click();
      await page.waitForFunction(() => window.location.hash.includes('networkShape=4,2,3'));
      await page.getByRole('button', { name: 'Remove hidden layer' }).click();
      await page.waitForFunction(() => /networkShape=4,2(&|$)/.test(window.location.hash));
      assertNoProblems(page);
    }),
  },
  {
    name: 'shape buttons are disabled at the limits (6 layers of 8; at least one neuron)',
    run: (ctx) => withPage(ctx, '#networkShape=8,8,8,8,1&seed=0.3', async (page) => {
      await page.getByRole('button', { name: 'Add hidden layer' }).click();
      await page.waitForFunction(() => window.location.hash.includes('networkShape=8,8,8,8,1,2'));
      assert.ok(await page.getByRole('button', { name: 'Add hidden layer' }).isDisabled());
      assert.ok(await page.getByRole('button', { name: 'Remove hidden layer' }).isEnabled());
      assert.ok(await page.getByRole('button', { name: 'Add neuron to layer 1' }).isDisabled());
      const removeFrom5 = page.getByRole('button', { name: 'Remove neuron from layer 5' });
      assert.ok(await removeFrom5.isDisabled());
      assert.ok(await page.getByRole('button', { name: 'Add neuron to layer 6' }).isEnabled());
      assertNoProblems(page);
    }),
  },
  {
    name: 'the "X1 squared" switch turns on and writes xSquared=true; the last input stays on',
    run: (ctx) => withPage(ctx, '#seed=0.3', async (page) => {
      const squared = page.getByRole('button', { name: 'X1 squared' });
      assert.equal(await squared.getAttribute('aria-pressed'), 'false');
      await squared.click();
      await page.waitForFunction(() => window.location.hash.includes('xSquared=true'));
      assert.equal(await squared.getAttribute('aria-pressed'), 'true');
      await page.getByRole('button', { name: 'X1', exact: true }).click();
      await page.getByRole('button', { name: 'X2', exact: true }).click();
      await page.waitForFunction(() => !window.location.hash.includes('&x=true'));
      await squared.click();
      await page.getByRole('alert').filter({ hasText: 'at least one input' }).waitFor();
      assert.equal(await squared.getAttribute('aria-pressed'), 'true');
      assert.match(await fragment(page), /xSquared=true/);
      assertNoProblems(page);
    }),
  },
  {
    name: 'C12: a typed weight takes effect at once without a reset; bad input is refused',
    run: (ctx) => withPage(ctx, '#seed=0.3', async (page) => {
      const epoch = await playFor(page, 10);
      const before = await canvasHash(page, 'Decision boundary');
      await clickTarget(page, 'w:0:0:0');
      const field = page.getByRole('textbox', { name: 'Weight from X1 to neuron 1 of layer 1' });
      await field.fill('1.5');
      await field.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('.net-info')?.textContent.endsWith(': 1.500'),
      );
      assert.equal(await infoText(page), 'Weight from X1 to neuron 1 of layer 1: 1.500');
      assert.equal(await readInteger(page, 'Epoch'), epoch, 'the edit reset the run');
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before);
      assert.equal(await field.count(), 0, 'the field stays open after Enter');

      await clickTarget(page, 'b:0:1');
      const bias = page.getByRole('textbox', { name: 'Bias of neuron 2 of layer 1' });
      await bias.fill('abc');
      await bias.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'finite number' }).waitFor();
      await bias.fill('1e999');
      await bias.press('Enter');
      assert.equal(await bias.count(), 1);
      await bias.press('Escape');
      assert.equal(await bias.count(), 0);
      assert.equal(await readInteger(page, 'Epoch'), epoch);
      assertNoProblems(page);
    }),
  },
  {
    name: 'by keyboard: a neuron\'s button offers its bias and its incoming weights to edit',
    run: (ctx) => withPage(ctx, '#seed=0.3', async (page) => {
      const before = await canvasHash(page, 'Decision boundary');
      await page.getByRole('button', { name: 'Neuron 1 of layer 1', exact: true }).focus();
      await page.keyboard.press('Enter');
      const chooser = page.getByRole('combobox',
        { name: 'Edit a weight into neuron 1 of layer 1' });
      await chooser.focus();
      await page.keyboard.press('ArrowDown');
      const field = page.getByRole('textbox', { name: 'Weight from X1 to neuron 1 of layer 1' });
      await field.waitFor();
      assert.ok(await field.evaluate((el) => el === document.activeElement), 'the field has focus');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0.5');
      await page.keyboard.press('Enter');
      await field.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')),
        'Neuron 1 of layer 1', 'the focus goes back to the neuron');
      assert.notEqual(await canvasHash(page, 'Decision boundary'), before, 'the weight applied');
      assert.equal(await readInteger(page, 'Epoch'), 0);
      await chooser.selectOption('0');
      assert.equal(Number((await field.inputValue()).replace(',', '.')), 0.5);
      await field.press('Escape');
      assertNoProblems(page);
    }),
  },
  {
    name: 'C12: the value under the pointer follows training',
    run: (ctx) => withPage(ctx, '#seed=0.3&learningRate=0.1', async (page) => {
      const box = await page.locator('path[data-target="w:1:0:0"]').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const first = await infoText(page);
      assert.match(first, /^Weight from .+: -?\d+\.\d{3}$/);
      // Keys rather than clicks, so that the pointer stays on the link.
      await page.getByRole('button', { name: 'Play' }).press('Enter');
      await waitForInteger(page, 'Epoch', 30, 20_000);
      const later = await infoText(page);
      await page.getByRole('button', { name: 'Pause' }).press('Enter');
      assert.equal(later.split(':')[0], first.split(':')[0], 'the pointer moved off the link');
      assert.notEqual(later, first, 'the value did not follow training');
      assertNoProblems(page);
    }),
  },
  {
    name: 'what the user types in the weight field survives training frames',
    run: (ctx) => withPage(ctx, '#seed=0.3', async (page) => {
      await page.getByRole('button', { name: 'Play' }).click();
      await clickTarget(page, 'w:1:0:1');
      const field = page.getByRole('textbox', { name: 'Weight from neuron 2 of layer 1' });
      await field.fill('0.7');
      const epoch = await readInteger(page, 'Epoch');
      await waitForInteger(page, 'Epoch', epoch + 10, 20_000);
      assert.equal(await field.inputValue(), '0.7');
      await field.press('Escape');
      await page.getByRole('button', { name: 'Pause' }).click();
      assertNoProblems(page);
    }),
  },
  {
    name: 'C13: tapping a neuron shows its bias and dead ReLU units are marked',
    run: (ctx) => withPage(
      ctx,
      '#activation=relu&networkShape=3&seed=0.3',
      async (page) => {
        await page.getByRole('button', { name: 'Neuron 1 of layer 1' }).tap();
        assert.match(await infoText(page), /^Neuron 1 of layer 1: bias -?\d+\.\d{3}/);
        await page.getByRole('button', { name: 'Edit bias of neuron 1 of layer 1' }).tap();
        const field = page.getByRole('textbox', { name: 'Bias of neuron 1 of layer 1' });
        await field.fill('-100');
        await field.press('Enter');
        for (const input of [0, 1]) {
          await clickTarget(page, `w:0:0:${input}`);
          const weight = page.getByRole('textbox', { name: /^Weight from X. to neuron 1/ });
          await weight.fill('0');
          await weight.press('Enter');
        }
        const dead = page.getByRole('button', { name: 'Neuron 1 of layer 1, dead' });
        await dead.waitFor();
        assert.equal(await page.locator('.neuron.dead').count(), 1);
        assert.ok(await page.locator('path[stroke-dasharray]').count() >= 2, 'zeros not dashed');
        assertNoProblems(page);
      },
      { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } },
    ),
  },
  {
    name: 'the heavy network fits a phone width with no horizontal scrolling',
    run: (ctx) => withPage(
      ctx,
      '#dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true'
        + '&xTimesY=true&sinX=true&sinY=true&seed=0.3',
      async (page) => {
        assert.equal(await page.locator('.net-nodes .neuron').count(), 49);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
        assertNoProblems(page);
      },
      { viewport: { width: 390, height: 844 } },
    ),
  },
  {
    name: 'on a phone by touch, the layer buttons are 24 px targets that do not overlap',
    run: (ctx) => withPage(
      ctx,
      '#dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&seed=0.3',
      async (page) => {
        const boxes = await page.locator('.net-plus-minus button').evaluateAll((buttons) =>
          buttons.map((b) => b.getBoundingClientRect().toJSON()));
        assert.equal(boxes.length, 12);
        for (const box of boxes) {
          assert.ok(box.width >= 24 && box.height >= 24, JSON.stringify(box));
        }
        for (let i = 0; i < boxes.length; i += 1) {
          for (let j = i + 1; j < boxes.length; j += 1) {
            const [a, b] = [boxes[i], boxes[j]];
            const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top
              || b.bottom <= a.top;
            assert.ok(apart, `buttons ${i} and ${j} overlap`);
          }
        }
        await page.getByRole('button', { name: 'Remove neuron from layer 6' }).tap();
        await page.waitForFunction(() => /networkShape=8,8,8,8,8,7(&|$)/.test(location.hash));
      },
      { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
    ),
  },
];
