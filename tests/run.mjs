// End-to-end test runner: serves the release build (dist/ at the repository root, made by
// `trunk build --release`) on 127.0.0.1, drives it in headless Chromium and prints one line a
// test, then a closing line `e2e: N passed, N failed`. Exit status 1 when any test failed.
//
// Usage: node run.mjs [substring]   (runs only the tests whose name contains the substring)
// DIST=/some/dir node run.mjs       (tests a build made elsewhere, e.g. `trunk build --dist`)
// PANIC_DIST=/some/dir               (the test build with a "Force a panic" button, made by
//                                     `trunk build --release --features test-panic --dist
//                                     target/dist-test-panic`, the default place)
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.DIST ?? join(here, '..', 'dist');
const panicDist = process.env.PANIC_DIST ?? join(here, '..', 'target', 'dist-test-panic');
const TIMEOUT_MS = 60_000;

/** Loads every `e2e/*.test.mjs`; each exports `tests`, an array of { name, run(ctx) }. */
async function collect(filter) {
  const files = (await readdir(join(here, 'e2e'))).filter((f) => f.endsWith('.test.mjs')).sort();
  const all = [];
  for (const file of files) {
    const { tests } = await import(join(here, 'e2e', file));
    for (const t of tests) all.push({ ...t, name: `${file.replace('.test.mjs', '')}: ${t.name}` });
  }
  return all.filter((t) => !filter || t.name.includes(filter));
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`e2e: ${dist}/index.html is missing; run \`trunk build --release\` first`);
    process.exit(1);
  }
  const tests = await collect(process.argv[2]);
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    try {
      await withTimeout(test.run({ browser, dist, panicDist }), test.timeout ?? TIMEOUT_MS);
      passed += 1;
      console.log(`ok   ${test.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed += 1;
      console.log(`FAIL ${test.name} (${Date.now() - started} ms)\n     ${err?.stack ?? err}`);
    }
  }
  await browser.close();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
