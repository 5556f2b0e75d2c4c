// Takes a screenshot of the release build, to look at after a UI change.
// Usage: node screenshot.mjs OUT.png [WIDTH] [HEIGHT] [FRAGMENT] [PLAY_MS]
//   e.g. node screenshot.mjs /tmp/page.png 1280 800 '' 3000   (plays 3 s before the shot)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';

const [out, width = '1280', height = '800', fragment = '', playMs = '0'] = process.argv.slice(2);
if (!out) {
  console.error('usage: node screenshot.mjs OUT.png [WIDTH] [HEIGHT] [FRAGMENT] [PLAY_MS]');
  process.exit(2);
}
const dist = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const site = await serve(dist, '/');
const browser = await launch();
const page = await openPage(browser, { viewport: { width: +width, height: +height } });
await page.goto(site.url + fragment);
await page.getByRole('button', { name: 'Play' }).waitFor();
if (+playMs > 0) {
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(+playMs);
  await page.getByRole('button', { name: 'Pause' }).click();
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
await site.close();
console.log(`wrote ${out}`);
