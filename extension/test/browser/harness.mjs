// Shared set-up of OneDial's browser tests and benchmark: a local web server
// with the test pages, the system's Chromium (headless) with the built
// extension (dist/chrome) loaded by --load-extension, and optionally the
// recording native-messaging host. Everything lives in one temporary folder
// that cleanup() removes; the browser never sees the user's profile and
// reaches no network (every host name but *.onedial.test, mapped to
// 127.0.0.1, fails to resolve).

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_EXTENSION_ID } from '../../scripts/manifest.mjs';
import { pages } from './pages.mjs';

export const CHROMIUM = process.env.ONEDIAL_CHROMIUM || '/usr/bin/chromium';
export const EXTENSION_ID = CHROME_EXTENSION_ID;
const here = path.dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = path.resolve(here, '../../dist/chrome');

/** Serves the test pages on 127.0.0.1 at a port chosen by the system. */
export async function startServer() {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://x');
    const page = pages[pathname];
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    url: (site, pathname) => `http://${site}.onedial.test:${port}${pathname}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/**
 * Starts Chromium with the extension.
 * @param {{host?: boolean, hostPath?: string, lang?: string}} options host:
 *   install the recording native-messaging host in the profile; hostPath:
 *   install a manifest naming that program as the host instead.
 */
export async function launch({ host = false, hostPath = null, lang = 'en-US' } = {}) {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('dist/chrome is missing: run npm run build first');
  }
  const root = mkdtempSync(path.join(tmpdir(), 'onedial-ext-test-'));
  const profile = path.join(root, 'profile');
  const home = path.join(root, 'home');
  mkdirSync(profile);
  mkdirSync(home);
  const recordPath = path.join(root, 'host-record.jsonl');
  const modePath = path.join(root, 'host-mode');
  if (hostPath) {
    // A real host (OneDial itself, through a wrapper that gives it its own profile).
    const hostDir = path.join(profile, 'NativeMessagingHosts');
    mkdirSync(hostDir);
    writeFileSync(path.join(hostDir, 'org.onedial.onedial.json'), JSON.stringify({
      name: 'org.onedial.onedial',
      description: 'OneDial',
      path: hostPath,
      type: 'stdio',
      allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
    }, null, 2));
  } else if (host) {
    // Chromium on Linux reads user-level host manifests from
    // <user-data-dir>/NativeMessagingHosts.
    const hostDir = path.join(profile, 'NativeMessagingHosts');
    mkdirSync(hostDir);
    const wrapper = path.join(root, 'onedial-test-host.sh');
    const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
    writeFileSync(wrapper, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(path.join(here, 'native-host.mjs'))} ${quote(recordPath)} ${quote(modePath)} "$@"\n`);
    chmodSync(wrapper, 0o755);
    writeFileSync(path.join(hostDir, 'org.onedial.onedial.json'), JSON.stringify({
      name: 'org.onedial.onedial',
      description: 'OneDial test host (records messages)',
      path: wrapper,
      type: 'stdio',
      allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
    }, null, 2));
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      `--user-data-dir=${profile}`,
      `--disk-cache-dir=${path.join(root, 'cache')}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--lang=${lang}`,
      '--host-resolver-rules=MAP *.onedial.test 127.0.0.1, MAP * ~NOTFOUND',
      '--no-first-run',
      '--no-default-browser-check',
      '--no-sandbox', // tests may run as root (CI); the pages are our own
      '--disable-dev-shm-usage',
    ],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), LANGUAGE: lang.replace('-', '_') },
  });
  const worker = await (await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url() === `chrome-extension://${EXTENSION_ID}/background.js`,
    { timeout: 15000 },
  )).worker();
  return {
    browser,
    worker,
    /** The messages the recording host received, in order. */
    recorded: () => (existsSync(recordPath)
      ? readFileSync(recordPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
      : []),
    setHostMode: (mode) => writeFileSync(modePath, mode),
    /** Sets the extension's storage.local, as the popup and options page do. */
    setStorage: (items) => worker.evaluate((i) => chrome.storage.local.set(i), items),
    async cleanup() {
      await browser.close().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Collects the tel: navigations a page starts (the fallback without OneDial). */
export async function watchNavigations(page) {
  const seen = [];
  const session = await page.createCDPSession();
  await session.send('Page.enable');
  session.on('Page.frameRequestedNavigation', (event) => seen.push({ url: event.url, reason: event.reason }));
  return seen;
}

export const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
