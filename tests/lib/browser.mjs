// Headless Debian Chromium driven by playwright-core, with a fresh profile per launch and a log
// of everything a page does that a test may want to refuse (errors, failed or outside requests).
import { chromium } from 'playwright-core';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Launches Chromium (CHROMIUM overrides /usr/bin/chromium) with a fresh temporary profile and
 * `extraFlags` after the usual ones.
 */
export function launch(extraFlags = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...FLAGS, ...extraFlags],
  });
}

/** True when a request goes to this machine (or never leaves the page: data:, blob:). */
export function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1';
}

/**
 * Opens a new page in its own context and records console errors, page errors, failed requests
 * and requests that leave 127.0.0.1 into `page.problems`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], failed: [], outside: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => problems.failed.push(`${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failed.push(`${res.url()} HTTP ${res.status()}`);
  });
  page.on('request', (req) => {
    if (!isLocal(req.url())) problems.outside.push(req.url());
  });
  page.problems = problems;
  return page;
}

/** Lists what `openPage` recorded, one line a problem (empty when the page behaved). */
export function problemLines(page) {
  const p = page.problems;
  return [
    ...p.console.map((m) => `console error: ${m}`),
    ...p.pageErrors.map((m) => `page error: ${m}`),
    ...p.failed.map((m) => `failed request: ${m}`),
    ...p.outside.map((m) => `request outside 127.0.0.1: ${m}`),
  ];
}
