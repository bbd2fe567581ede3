// The whole way from a web page to a placed call, with nothing standing in: the extension in
// headless Chromium, OneDial itself as the native-messaging host (the program CTest names in
// ONEDIAL_EXECUTABLE), and a running OneDial window (offscreen, its own throw-away profile, the
// built-in sandbox as OneNET) that dials the clicked number and answers with the outcome. The
// user's choice "dial links at once" is set in that profile, so no confirmation needs a click.
// Skipped when ONEDIAL_EXECUTABLE is not set (the extension's own npm test run).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, startServer } from './harness.mjs';

const ONEDIAL = process.env.ONEDIAL_EXECUTABLE;

describe('with OneDial itself', { skip: ONEDIAL ? false : 'ONEDIAL_EXECUTABLE is not set' }, () => {
  let root;
  let env;
  let window;
  let log = '';
  let server;
  let chrome;

  before(async () => {
    // A short root: the single-instance socket lives under XDG_RUNTIME_DIR (108 bytes at most).
    root = mkdtempSync(path.join(tmpdir(), 'odx-'));
    const home = path.join(root, 'home');
    const runtime = path.join(root, 'run');
    mkdirSync(path.join(home, '.config', 'onedial'), { recursive: true });
    mkdirSync(runtime, { mode: 0o700 });
    writeFileSync(path.join(home, '.config', 'onedial', 'onedial.ini'), '[links]\ndial_at_once=true\n');
    env = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_STATE_HOME: path.join(home, '.local', 'state'),
      XDG_RUNTIME_DIR: runtime,
      QT_QPA_PLATFORM: 'offscreen',
      QT_LOGGING_RULES: 'onedial.links.info=true;onedial.instance.info=true',
    };
    window = spawn(ONEDIAL, ['--sandbox'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    window.stderr.setEncoding('utf8');
    window.stderr.on('data', (chunk) => { log += chunk; });
    const deadline = Date.now() + 20000;
    while (!log.includes('listening on') && Date.now() < deadline) {
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
    assert.ok(log.includes('listening on'), `OneDial did not start:\n${log}`);

    // The browser starts the host with its own environment; the wrapper gives it OneDial's.
    const wrapper = path.join(root, 'onedial-host.sh');
    const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
    const exports = Object.entries(env).map(([k, v]) => `export ${k}=${quote(v)}`).join('\n');
    writeFileSync(wrapper, `#!/bin/sh\n${exports}\nexec ${quote(ONEDIAL)} "$@"\n`);
    chmodSync(wrapper, 0o755);
    server = await startServer();
    chrome = await launch({ hostPath: wrapper });
  });

  after(async () => {
    await chrome?.cleanup();
    await server?.close();
    if (window && window.exitCode === null) {
      window.kill('SIGTERM');
      await new Promise((resolve) => { window.once('exit', resolve); setTimeout(resolve, 5000); });
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('a clicked number is dialled by OneDial and its outcome shown beside it', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(server.url('crm', '/static.html'));
    await page.waitForFunction(() => window.__onedialIdle.length > 0, { timeout: 20000 });
    assert.equal(await page.$eval('a.onedial-number', (a) => a.getAttribute('href')), 'tel:+8613800138000');
    await page.click('a.onedial-number');
    await page.waitForFunction(() => document.querySelector('.onedial-badge')?.dataset.state === 'accepted',
      { timeout: 30000 });
    // OneDial's own words, as the window says them.
    assert.equal(await page.$eval('.onedial-badge', (b) => b.textContent),
      'Call accepted. Your phone will ring first; answer it to be connected.');
    assert.match(log, /number from the browser extension: 8613800138000/);
    assert.match(log, /answer to the browser extension: accepted/);
    // One request, one dial: exactly one link dialled.
    assert.equal((log.match(/link dialled at once: 8613800138000/g) || []).length, 1);
    await page.close();
  });

  test('the options page finds OneDial through hello', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`chrome-extension://${chrome.worker.url().split('/')[2]}/options.html`);
    await page.waitForFunction(() => /OneDial \d/.test(document.body.textContent), { timeout: 20000 });
    assert.match(await page.evaluate(() => document.body.textContent), /Connected to OneDial \d+\.\d+\.\d+/);
    await page.close();
  });
});
