import { serve } from '/work/main/tests/lib/server.mjs';
import { launch, openPage } from '/work/main/tests/lib/browser.mjs';
const site = await serve('/tmp/dist-controls', '/');
const browser = await launch();
const page = await openPage(browser);
await page.goto(site.url);
await page.getByRole('button', { name: 'Play' }).waitFor();
const s = page.getByRole('slider', { name: 'Training data (%)' });
await s.evaluate((el) => {
  for (const t of ['input', 'change', 'pointerdown', 'pointerup', 'mousedown', 'mouseup'])
    el.addEventListener(t, () => console.log('ev', t, el.value));
});
page.on('console', (m) => console.log(m.text()));
const box = await s.boundingBox();
console.log(box);
const y = box.y + box.height / 2;
await page.mouse.move(box.x + box.width / 2, y);
await page.mouse.down();
await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
console.log('during', await s.inputValue(), await page.evaluate(() => location.hash.match(/percTrainData=\d+/)[0]));
await page.mouse.up();
await page.waitForTimeout(300);
console.log('after', await s.inputValue(), await page.evaluate(() => location.hash.match(/percTrainData=\d+/)[0]));
await browser.close(); await site.close();
