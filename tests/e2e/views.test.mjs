// Views for data off the plane: the digits (test images, confusion matrix, accuracy curve) and
// data of one input (the fitted curve for reg-curve and NOT); 2-D data keep the heatmap.
import { withPlayground } from '../lib/page.mjs';
import {
  assert, assertNoProblems, canvasHash, canvasStats, readInteger, waitForInteger,
} from '../lib/assert.mjs';

/** The text shown where no view fits the data (web/src/pictures.rs, NOT_PLANE_DATA). */
const NOT_IN_THE_PLANE = 'does not lie in the plane';

/**
 * scikit-learn's MLPClassifier on the digits, shared/reference/sklearn.json,
 * digits."adam_(64,)_default_maxiter200": mean test accuracy 0.9636 over seeds 0-4; the
 * playground must reach it minus 0.02 with the same settings (the `digits` preset).
 */
const DIGITS_TARGET = 0.9636 - 0.02;
/** Test images of the digits: a third of the 1797 (percTrainData=67 keeps 1203 to train). */
const DIGITS_TEST_COUNT = 594;

/** The confusion matrix's counts, row by row (rows true digits, columns digits read). */
async function confusionCounts(page) {
  const table = page.getByRole('table', { name: 'Confusion matrix', exact: true });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map(
    (row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent)),
  ));
}

/**
 * Checks that the confusion matrix counts every test image once and that its diagonal agrees
 * with the Test accuracy readout; returns the number of images read right.
 */
async function checkConfusionMatrix(page) {
  const counts = await confusionCounts(page);
  assert.equal(counts.length, 10);
  assert.ok(counts.every((row) => row.length === 10));
  const total = counts.flat().reduce((a, b) => a + b, 0);
  assert.equal(total, DIGITS_TEST_COUNT, 'the matrix counts every test image once');
  const right = counts.reduce((sum, row, k) => sum + row[k], 0);
  const shown = await readInteger(page, 'Test accuracy');
  assert.equal(Math.round((100 * right) / total), shown, 'diagonal and readout disagree');
  return right;
}

/** A one-input chart is painted: white background, axes, points and the curve. */
async function assertCurveDrawn(page) {
  const stats = await canvasStats(page, 'Fitted curve');
  assert.ok(stats.opaqueShare > 0.99, `only ${stats.opaqueShare} of the canvas is painted`);
  assert.ok(stats.colours >= 4, `the chart has only ${stats.colours} colours`);
  assert.ok(stats.paintedCentreShare > 0.01, 'nothing is drawn in the chart\'s middle');
}

export const tests = [
  {
    name: 'the digits preset reaches scikit-learn\'s test accuracy within 60 s of play',
    timeout: 90_000,
    run: (ctx) => withPlayground(ctx, '#preset=digits&seed=1', async (page) => {
      const deadline = Date.now() + 60_000;
      let right = 0;
      // Accuracy wobbles by an image or two from epoch to epoch, and an epoch may end between
      // the readout and the Pause click: so pause, check, and play on until a paused state
      // reaches the target.
      while (right / DIGITS_TEST_COUNT < DIGITS_TARGET) {
        const left = deadline - Date.now();
        assert.ok(left > 0, `${right} of ${DIGITS_TEST_COUNT} right after 60 s`);
        await page.getByRole('button', { name: 'Play' }).click();
        // The readout shows whole percentages: 95 % means at least 94.5 %, above 94.36 %.
        await waitForInteger(page, 'Test accuracy', 95, left);
        await page.getByRole('button', { name: 'Pause' }).click();
        right = await checkConfusionMatrix(page);
      }
      const epoch = await readInteger(page, 'Epoch');
      const seconds = (60_000 - (deadline - Date.now())) / 1000;
      console.log(`     digits: ${right} of 594 right after ${epoch} epochs, ${seconds} s`);
      assertNoProblems(page);
    }),
  },
  {
    name: 'the digits view shows test images, the misclassified ones and an accuracy curve',
    run: (ctx) => withPlayground(ctx, '#preset=digits&seed=1', async (page) => {
      assert.equal(await page.getByText(NOT_IN_THE_PLANE).count(), 0);
      const sample = page.getByRole('heading', { name: 'Test images', exact: true });
      await sample.waitFor();
      const lists = page.locator('.digits-view ul');
      assert.equal(await lists.count(), 2, 'a sample and the misclassified images');
      const images = lists.first().getByRole('listitem');
      assert.equal(await images.count(), 24);
      assert.match(await images.first().textContent(), /^(✗ wrong: )?\d \(true \d\)$/);
      await page.getByText(/Alpaydin and C\. Kaynak.*\(CC BY 4\.0\)/).waitFor();
      // Untrained, the network reads most images wrong: each wrong one says so in words.
      const wrongHeading = page.getByRole('heading', { name: /^Misclassified test images/ });
      const before = await wrongHeading.textContent();
      const wrongCount = Number(before.match(/: (\d+) of 594/)[1]);
      assert.ok(wrongCount > 300, before);
      assert.equal(await lists.nth(1).getByRole('listitem').count(), 30, 'capped at 30');
      assert.equal(await lists.nth(1).getByText('wrong:').count(), 30);
      // Each picture is drawn: some dark ink on white paper.
      const inked = await lists.first().locator('canvas').first().evaluate((el) => {
        const data = el.getContext('2d').getImageData(0, 0, 8, 8).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark += 1;
        return dark;
      });
      assert.ok(inked >= 5, `only ${inked} dark pixels in an 8 x 8 digit`);

      const curve = await canvasHash(page, 'Accuracy curve');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await waitForInteger(page, 'Epoch', 2);
      await page.waitForTimeout(100);
      assert.notEqual(await canvasHash(page, 'Accuracy curve'), curve, 'the curve did not grow');
      assert.notEqual(await wrongHeading.textContent(), before, 'two epochs changed nothing');
      assertNoProblems(page);
    }),
  },
  {
    name: 'the curve preset draws the fitted curve, which changes while playing',
    run: (ctx) => withPlayground(ctx, '#preset=regression-curve&seed=1', async (page) => {
      assert.equal(await page.getByText(NOT_IN_THE_PLANE).count(), 0);
      assert.equal(await page.getByRole('img', { name: 'Decision boundary' }).count(), 0);
      await assertCurveDrawn(page);
      const before = await canvasHash(page, 'Fitted curve');
      await page.getByRole('button', { name: 'Play' }).click();
      await waitForInteger(page, 'Epoch', 30, 20_000);
      const playing = await canvasHash(page, 'Fitted curve');
      assert.notEqual(playing, before, 'the curve did not move');
      await page.waitForTimeout(300);
      assert.notEqual(await canvasHash(page, 'Fitted curve'), playing, 'not redrawn while playing');
      await page.getByRole('button', { name: 'Pause' }).click();
      await assertCurveDrawn(page);
      assertNoProblems(page);
    }),
  },
  {
    name: 'NOT shows its one-input view, not the text for data off the plane',
    run: (ctx) => withPlayground(ctx, '#dataset=gate-not&seed=1', async (page) => {
      await assertCurveDrawn(page);
      assert.equal(await page.getByText(NOT_IN_THE_PLANE).count(), 0);
      assert.equal(await page.getByText('class 0', { exact: true }).count(), 1);
      assertNoProblems(page);
    }),
  },
  {
    name: '2-D regression data still draw as a heatmap',
    run: (ctx) => withPlayground(ctx, '#problem=regression&regDataset=reg-gauss&seed=1',
      async (page) => {
        const stats = await canvasStats(page, 'Decision boundary');
        assert.ok(stats.paintedCentreShare > 0.98, 'no heatmap');
        assert.equal(await page.getByRole('img', { name: 'Fitted curve' }).count(), 0);
        assertNoProblems(page);
      }),
  },
];
