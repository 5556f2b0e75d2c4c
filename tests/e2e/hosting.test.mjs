// Hosting: the built page runs under its own Content-Security-Policy (its meta tag, or the same
// policy sent as a header by the host), the policy is really enforced, and the zip for a course
// site works once unpacked into a folder under a sub-path.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { openPage } from '../lib/browser.mjs';
import { serve } from '../lib/server.mjs';
import { unzip } from '../lib/unzip.mjs';
import {
  assert, assertNoProblems, canvasStats, readInteger, waitForInteger,
} from '../lib/assert.mjs';

const PACKAGE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/package.sh');
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"[^>]*>\s*/;
const INLINE_SCRIPT = '<script>window.inlineScriptRan = true;</script>';
const BOOT_NOTE = /open it from a web server/;

/** The policy of the built index.html's meta tag, on one line as a header needs it. */
async function metaPolicy(dist) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const match = html.match(META);
  assert.ok(match, 'the built index.html has no Content-Security-Policy meta tag');
  return match[1].replace(/\s+/g, ' ').trim();
}

/** The policy's directives as a map from name to the list of its sources. */
function directives(policy) {
  const entries = policy.split(';').map((d) => d.trim().split(' ')).filter((d) => d[0]);
  return new Map(entries.map(([name, ...sources]) => [name, sources]));
}

/** Collects the page's Content-Security-Policy violations into `window.cspViolations`. */
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
  }, true);
}

/**
 * Serves `root` under `prefix` (with `headers`, and `extra` test pages at the top level), opens
 * `path`, waits for the Play button, runs `check(page)`, then closes everything.
 */
async function withSite(ctx, { root, prefix = '/', path = '', headers = {}, extra = {} }, check) {
  const site = await serve(root, prefix, extra, { headers });
  const page = await openPage(ctx.browser);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  await page.addInitScript(recordViolations);
  try {
    await page.goto(site.url + path);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await check(page, warnings);
  } finally {
    await page.context().close();
    await site.close();
  }
}

/** The page works: the decision boundary is painted and Play trains for 20 epochs. */
async function assertPageTrains(page) {
  const stats = await canvasStats(page, 'Decision boundary');
  assert.ok(stats.paintedCentreShare > 0.98,
    `only ${stats.paintedCentreShare} of the decision boundary's centre is painted`);
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForInteger(page, 'Epoch', 20, 20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** A test-only copy of the built index.html with an inline script, with or without the meta. */
async function indexWithInlineScript(dist, keepMeta) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const page = keepMeta ? html : html.replace(META, '');
  const body = page.replace('</head>', `${INLINE_SCRIPT}</head>`);
  return { type: 'text/html; charset=utf-8', body };
}

/** The negative control: under the policy (meta tag or header), an inline script does not run. */
function inlineScriptBlocked(policyFrom) {
  return async (ctx) => {
    const header = policyFrom === 'header';
    const extra = { '/inline.html': await indexWithInlineScript(ctx.dist, !header) };
    const headers = header ? { 'content-security-policy': await metaPolicy(ctx.dist) } : {};
    await withSite(ctx, { root: ctx.dist, path: 'inline.html', headers, extra }, async (page) => {
      assert.equal(await page.evaluate(() => window.inlineScriptRan), undefined,
        'an inline script ran: the policy is not enforced');
      const violations = await page.evaluate(() => window.cspViolations);
      assert.deepEqual(violations, ['script-src-elem blocked inline']);
      await assertPageTrains(page);
    });
  };
}

/** Every file below `root` (dot files left out), as paths relative to it, sorted. */
async function filesBelow(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name))).sort();
}

/** Runs scripts/package.sh on the tested build and unpacks the zip into `folder`; lists it. */
async function packAndUnpack(dist, zipPath, folder, env) {
  await promisify(execFile)('bash', [PACKAGE_SCRIPT, '--no-build', zipPath],
    { env: { ...process.env, DIST: dist, ...env } });
  const files = unzip(await readFile(zipPath));
  for (const [name, bytes] of files) {
    assert.ok(!name.startsWith('/') && !name.split('/').includes('..'), `zip entry ${name}`);
    await mkdir(dirname(join(folder, name)), { recursive: true });
    await writeFile(join(folder, name), bytes);
  }
  return [...files.keys()].sort();
}

/** The zip made with `env` holds exactly dist/'s files, and works under a course's sub-path. */
function zipWorks(env) {
  return async (ctx) => {
    const temp = await mkdtemp(join(tmpdir(), 'playground-zip-'));
    try {
      const folder = join(temp, 'site');
      const names = await packAndUnpack(ctx.dist, join(temp, 'playground.zip'), folder, env);
      assert.deepEqual(names, await filesBelow(ctx.dist));
      assert.ok(names.includes('index.html'), 'index.html is not at the top of the zip');
      const site = { root: folder, prefix: '/courses/ml/playground/' };
      await withSite(ctx, { ...site, path: 'index.html#preset=xor-hidden' }, async (page) => {
        await assertPageTrains(page);
        assert.ok(await readInteger(page, 'Epoch') >= 20);
        assertNoProblems(page);
      });
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  };
}

export const tests = [
  {
    name: 'the built page has a Content-Security-Policy without inline scripts',
    run: async ({ dist }) => {
      const policy = directives(await metaPolicy(dist));
      assert.deepEqual(policy.get('default-src'), ["'self'"]);
      assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
      assert.deepEqual(policy.get('connect-src'), ["'self'"]);
      for (const [name, sources] of policy) {
        if (name.startsWith('script-src')) assert.ok(!sources.includes("'unsafe-inline'"), name);
      }
      assert.equal(policy.has('frame-ancestors'), false, 'a meta tag cannot set frame-ancestors');
      const html = await readFile(join(dist, 'index.html'), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0, 'index.html loads no script');
      for (const tag of scripts) assert.match(tag, /\bsrc="/, `inline script: ${tag}`);
    },
  },
  {
    name: 'served with its policy as a header, the page trains with no violation or warning',
    run: async (ctx) => {
      const headers = { 'content-security-policy': await metaPolicy(ctx.dist) };
      await withSite(ctx, { root: ctx.dist, headers }, async (page, warnings) => {
        await assertPageTrains(page);
        assert.equal(await page.getByText(BOOT_NOTE).count(), 0, 'the start-up note stayed');
        await page.waitForTimeout(3500);
        assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
        assert.deepEqual(warnings, []);
        assertNoProblems(page);
      });
    },
  },
  {
    name: 'negative control: the meta tag blocks an inline script',
    run: inlineScriptBlocked('meta'),
  },
  {
    name: 'negative control: the header blocks an inline script',
    run: inlineScriptBlocked('header'),
  },
  {
    name: 'opened as a file, the page says to open it from a web server',
    run: async ({ browser, dist }) => {
      const page = await openPage(browser);
      try {
        await page.goto(pathToFileURL(join(dist, 'index.html')).href);
        await page.getByText(BOOT_NOTE).waitFor();
        await page.waitForTimeout(1000);
        assert.ok(await page.getByText(BOOT_NOTE).isVisible(), 'the note went away');
        assert.equal(await page.getByRole('button', { name: 'Play' }).count(), 0);
      } finally {
        await page.context().close();
      }
    },
  },
  { name: 'scripts/package.sh: the zip (zip) works unpacked under a sub-path', run: zipWorks({}) },
  {
    name: 'scripts/package.sh: the zip (python3 zipfile) works unpacked under a sub-path',
    run: zipWorks({ NO_ZIP: '1' }),
  },
];
