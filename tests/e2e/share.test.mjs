// Sharing and keeping work: the Share panel's link (with or without the trained weights) and
// embed code, model files exported and imported to continue to the bit, PNG pictures, the
// user's own data (clicks, CSV in and out, refused files), and local storage across reloads.
import { readFile } from 'node:fs/promises';
import { assert, assertNoProblems, readInteger } from '../lib/assert.mjs';
import { openPage } from '../lib/browser.mjs';
import { withPlayground } from '../lib/page.mjs';

const SEEDED = '#dataset=spiral&networkShape=6,4&optimizer=adam&learningRate=0.01&seed=0.31';
const STORAGE_KEY = 'nn-playground/experiment';

const readText = (page, name) => page.getByRole('status', { name }).textContent();

/** Clicks `button` (a locator) and returns the download it starts: name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Steps `n` epochs with the Step button. */
async function step(page, n) {
  for (let i = 0; i < n; i += 1) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
  }
}

/** Opens the Share panel (if it is not open already). */
async function openShare(page) {
  const button = page.getByRole('button', { name: 'Share' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('heading', { name: 'Share' }).waitFor();
}

/** Exports the model file and returns it parsed. */
async function exportModel(page) {
  await openShare(page);
  const file = await download(page, page.getByRole('button', { name: 'Export model' }));
  assert.match(file.name, /^playground-epoch-\d+\.json$/);
  await page.getByRole('button', { name: 'Close' }).click();
  return JSON.parse(file.bytes.toString('utf8'));
}

/** Imports a model file of `text` through the Share panel. */
async function importModel(page, text, name = 'model.json') {
  await openShare(page);
  const input = page.locator('.file-button', { hasText: 'Import model' }).locator('input');
  await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The count line of the "Edit data" panel, as numbers: points, and how many train. */
async function dataCounts(page) {
  const text = await page.locator('.data-count').textContent();
  const [, points, train] = text.match(/^(\d+) points?: (\d+) for training/);
  return [Number(points), Number(train)];
}

/** Clicks the decision boundary at a point of the plane (x1, x2) in [-6, 6]. */
async function clickPlane(page, x1, x2) {
  const canvas = page.getByRole('img', { name: 'Decision boundary' });
  const size = await canvas.evaluate((el) => [el.width, el.clientWidth]);
  const scale = size[1] / size[0];
  // The heatmap: 400 canvas pixels from (36, 10), x1 rightwards and x2 upwards.
  const x = (36 + ((x1 + 6) / 12) * 400) * scale;
  const y = (10 + ((6 - x2) / 12) * 400) * scale;
  await canvas.click({ position: { x, y } });
}

/** Picks a CSV file for "Import CSV". */
async function importCsv(page, text) {
  const input = page.locator('.file-button', { hasText: 'Import CSV' }).locator('input');
  await input.setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
}

export const tests = [
  {
    name: 'the Share link opens the same experiment, with the trained weights when asked',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page, site) => {
      await step(page, 15);
      const trained = await readText(page, 'Training loss');
      await openShare(page);
      const plain = await page.getByLabel('Link', { exact: true }).inputValue();
      assert.ok(plain.startsWith(site.url), plain);
      assert.ok(!plain.includes('weights='), 'no weights unless asked');
      await page.getByLabel('Include the trained weights').check();
      const withWeights = await page.getByLabel('Link', { exact: true }).inputValue();
      assert.match(withWeights, /&weights=/);

      const other = await openPage(ctx.browser);
      try {
        await other.goto(withWeights);
        await other.getByRole('button', { name: 'Play' }).waitFor();
        assert.equal(await readText(other, 'Training loss'), trained, 'the same trained network');
        assert.equal(await readInteger(other, 'Epoch'), 0);
        await other.goto(plain.replace(site.url, `${site.url}?fresh`));
        await other.getByRole('button', { name: 'Play' }).waitFor();
        assert.notEqual(await readText(other, 'Training loss'), trained, 'without the weights');
      } finally {
        await other.context().close();
      }
      assertNoProblems(page);
    }),
  },
  {
    name: 'Copy link puts the link on the clipboard',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await openShare(page);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByText('Copied.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.getByLabel('Link', { exact: true }).inputValue());
    }, { context: { permissions: ['clipboard-read', 'clipboard-write'] } }),
  },
  {
    name: 'Copy embed code copies the iframe; refused by the browser, it selects it instead',
    run: async (ctx) => {
      await withPlayground(ctx, SEEDED, async (page) => {
        await openShare(page);
        await page.getByRole('button', { name: 'Copy embed code' }).click();
        await page.locator('.copy-status').filter({ hasText: 'Copied.' }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, await page.getByLabel('Embed code').inputValue());
        assert.match(copied, /^<iframe /);
      }, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
      await withPlayground(ctx, SEEDED, async (page) => {
        // No clipboard permission: the browser refuses the write.
        await page.evaluate(() => {
          navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
        });
        await openShare(page);
        await page.getByRole('button', { name: 'Copy embed code' }).click();
        await page.getByText('The browser did not allow copying').waitFor();
        const selected = await page.getByLabel('Embed code').evaluate(
          (area) => area.value.slice(area.selectionStart, area.selectionEnd),
        );
        assert.equal(selected, await page.getByLabel('Embed code').inputValue());
      });
    },
  },
  {
    name: 'the embed code has the chosen size and hides the chosen controls',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await openShare(page);
      await page.getByLabel('Width (px)').fill('640');
      await page.getByLabel('Width (px)').press('Tab');
      await page.getByLabel('Height (px)').fill('360');
      await page.getByLabel('Height (px)').press('Tab');
      await page.locator('.hide-list').getByLabel('Noise').check();
      const code = await page.getByLabel('Embed code').inputValue();
      assert.match(code,
        /^<iframe title="Neural-network playground" width="640" height="360" class="playground"/);
      const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
      assert.match(src, /noise_hide=true/);
      await page.goto('about:blank');
      await page.goto(src);
      await page.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await page.getByRole('slider', { name: 'Noise' }).count(), 0);
      assert.equal(await page.getByRole('slider', { name: 'Training data (%)' }).count(), 1);
    }),
  },
  {
    name: 'export then import: the same weights and the same next epoch, to the bit',
    timeout: 90_000,
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await step(page, 12);
      const saved = await exportModel(page);
      assert.equal(saved.format, 'nn-playground-model');
      assert.equal(saved.version, 1);
      assert.equal(saved.trainer.epoch, 12);
      await step(page, 1);
      const after = await exportModel(page);

      const other = await openPage(ctx.browser);
      try {
        await other.goto(page.url().replace(/#.*/, '#dataset=circle&seed=9'));
        await other.getByRole('button', { name: 'Play' }).waitFor();
        await importModel(other, JSON.stringify(saved));
        await other.getByText('Model loaded: training goes on from epoch 12.').waitFor();
        assert.equal(await readInteger(other, 'Epoch'), 12);
        const loaded = await exportModel(other);
        assert.deepEqual(loaded.trainer, saved.trainer, 'weights and state bit for bit');
        await step(other, 1);
        const next = await exportModel(other);
        assert.deepEqual(next.trainer, after.trainer, 'the next epoch is the same to the bit');
        assert.deepEqual(next.history, after.history, 'and so is its loss');
        assert.equal(await readText(other, 'Training loss'), await readText(page, 'Training loss'));
        assertNoProblems(other);
      } finally {
        await other.context().close();
      }
    }),
  },
  {
    name: 'a model file from elsewhere or a newer version is refused and the run stays',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await step(page, 3);
      const saved = await exportModel(page);
      await importModel(page, JSON.stringify({ ...saved, version: 7 }));
      await page.getByText('newer playground (version 7); this one reads version 1').waitFor();
      await importModel(page, '{"name": "holiday photo"}');
      await page.getByText('it is not a playground model file').waitFor();
      await importModel(page, '{ truncated');
      await page.getByText('it is not JSON').waitFor();
      assert.equal(await readInteger(page, 'Epoch'), 3, 'the run on screen is untouched');
    }),
  },
  {
    name: 'the decision boundary, loss curve and network diagram save as PNG pictures',
    run: (ctx) => withPlayground(ctx, SEEDED, async (page) => {
      await step(page, 5);
      await openShare(page);
      const buttons = [
        ['Save decision boundary (PNG)', 'decision-boundary.png'],
        ['Save loss curve (PNG)', 'loss-curve.png'],
        ['Save network diagram (PNG)', 'network.png'],
      ];
      for (const [label, name] of buttons) {
        const file = await download(page, page.getByRole('button', { name: label }));
        assert.equal(file.name, name);
        assert.equal(file.bytes.subarray(1, 4).toString('latin1'), 'PNG', name);
        const colours = await page.evaluate(async (base64) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          [canvas.width, canvas.height] = [image.width, image.height];
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0);
          const data = context.getImageData(0, 0, image.width, image.height).data;
          const seen = new Set();
          for (let i = 0; i < data.length; i += 4) seen.add(data.slice(i, i + 3).join());
          return seen.size;
        }, file.bytes.toString('base64'));
        assert.ok(colours > 20, `${name} holds a picture, not a blank (${colours} colours)`);
      }
      assertNoProblems(page);
    }),
  },
  {
    name: 'Edit data: clicks add and remove points, Clear empties, and training goes on',
    run: (ctx) => withPlayground(ctx, '#dataset=xor&seed=4', async (page) => {
      await step(page, 4);
      await page.getByRole('button', { name: 'Edit data' }).click();
      await page.getByRole('heading', { name: 'Edit data' }).waitFor();
      assert.deepEqual(await dataCounts(page), [500, 250], 'starts from the points on screen');
      assert.equal(await page.getByRole('radio', { name: 'Your own data' }).isChecked(), true);
      await page.getByRole('button', { name: 'Clear' }).click();
      assert.deepEqual(await dataCounts(page), [0, 0]);
      await clickPlane(page, -3, -3);
      await clickPlane(page, 3, 3);
      await page.getByRole('radio', { name: 'Blue (1)' }).check();
      await clickPlane(page, -3, 3);
      await clickPlane(page, 3, -3);
      assert.deepEqual(await dataCounts(page), [4, 2]);
      await clickPlane(page, 3.05, -3.05);
      assert.deepEqual(await dataCounts(page), [3, 1], 'a click on a point removes it');
      const epoch = await readInteger(page, 'Epoch');
      await step(page, 2);
      assert.equal(await readInteger(page, 'Epoch'), epoch + 2);
      assertNoProblems(page);
    }),
  },
  {
    name: 'a CSV file replaces the points, a bad line is refused by number, export writes CSV',
    run: (ctx) => withPlayground(ctx, '#dataset=own&classes=3&seed=4', async (page) => {
      await page.getByRole('button', { name: 'Edit data' }).click();
      await importCsv(page, 'x1,x2,label\n1,1,0\n-2,2.5,1\n3,-4,2\n0,0,1\n');
      await page.getByText('Read 4 points from the file.').waitFor();
      assert.deepEqual(await dataCounts(page), [4, 2]);
      await importCsv(page, '1,1,0\n2,2,1\n7,0,1\n');
      // The message sits in the Edit data panel, beside the file buttons.
      await page.getByRole('region', { name: 'Edit data' }).getByRole('alert')
        .filter({ hasText: 'line 3: x1 = 7 is outside -6 to 6' }).waitFor();
      await importCsv(page, '0.5,0.5,1\nfoo,1\n');
      await page.getByText('line 2: 2 columns, expected 3').waitFor();
      assert.deepEqual(await dataCounts(page), [4, 2], 'the data before the bad file stay');
      // A file over the 200 kB limit is refused by its size, before it is read.
      await importCsv(page, '0.5,0.5,1\n'.repeat(25_000));
      await page.getByText(/has 250000 bytes; at most 200000 are read/).waitFor();
      assert.deepEqual(await dataCounts(page), [4, 2], 'the data before the large file stay');
      const file = await download(page, page.getByRole('button', { name: 'Export CSV' }));
      assert.equal(file.name, 'playground-data.csv');
      assert.equal(file.bytes.toString('utf8'), 'x1,x2,label\n1,1,0\n-2,2.5,1\n3,-4,2\n0,0,1\n');
    }),
  },
  {
    name: 'settings and own points survive a reload; a broken stored state is discarded',
    run: (ctx) => withPlayground(ctx, '#dataset=xor&seed=4', async (page, site) => {
      await page.getByRole('button', { name: 'Edit data' }).click();
      await page.getByRole('button', { name: 'Clear' }).click();
      await clickPlane(page, 1, 2);
      await clickPlane(page, -4, 1);
      await page.getByRole('combobox', { name: 'Learning rate' }).selectOption('0.1');
      await page.goto(site.url);
      await page.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'Learning rate' }).inputValue(), '0.1');
      await page.getByRole('button', { name: 'Edit data' }).click();
      assert.deepEqual((await dataCounts(page))[0], 2, 'the own points came back');

      await page.evaluate((key) => localStorage.setItem(key, '{"version": 1, "link": 3'), STORAGE_KEY);
      await page.reload();
      await page.getByText('could not be restored (it is damaged), so it was discarded').waitFor();
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY) !== null,
        true, 'the page keeps its fresh state again');
      await page.getByText('No points to train on yet').waitFor();
      await page.getByRole('button', { name: 'Edit data' }).click();
      await clickPlane(page, 1, 2);
      await clickPlane(page, -4, 1);
      await step(page, 1);
      assert.equal(await readInteger(page, 'Epoch'), 1, 'the page works on');
    }),
  },
  {
    name: 'C05 in the page: the loss readouts are the data loss, the L2 penalty shown apart',
    run: (ctx) => withPlayground(ctx, '#problem=regression&regDataset=reg-own&networkShape='
      + '&weights=1:0.5,-1/0.1&regularization=L2&regularizationRate=0.1&seed=1', async (page) => {
      // shared/cases C05: yhat = 0.5 x1 - x2 + 0.1 on ((1, 2), 0.3) and ((-1, 0.5), -0.2) gives
      // halved squared errors 1.445 and 0.245 (one point trains, the other tests), and
      // 1/2 * 0.1 * (0.5^2 + 1^2) = 0.0625 of L2 penalty, which the readouts leave out.
      await page.getByRole('button', { name: 'Edit data' }).click();
      await importCsv(page, '1,2,0.3\n-1,0.5,-0.2\n');
      await page.getByText('Read 2 points from the file.').waitFor();
      const losses = [await readText(page, 'Training loss'), await readText(page, 'Test loss')];
      assert.deepEqual([...losses].sort(), ['0.245', '1.445']);
      const penalty = Number(await page.locator('.penalty-value').textContent());
      assert.ok(Math.abs(penalty - 0.0625) <= 0.0005 + 1e-9, `penalty ${penalty} (3 decimals)`);
      await page.getByRole('combobox', { name: 'Regularization rate' }).selectOption('0');
      assert.deepEqual(
        [await readText(page, 'Training loss'), await readText(page, 'Test loss')], losses,
        'the readouts do not change with the penalty',
      );
    }),
  },
];
