// Unit tests of the OneDial extension's manifests, locales and settings: the
// fixed Chrome ID, the permissions asked for, and that every string shown
// exists in English and Simplified Chinese.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  CHROME_EXTENSION_ID, CHROME_PUBLIC_KEY, GECKO_ID, chromeExtensionId, makeManifest,
} from '../../scripts/manifest.mjs';
import { isActiveOn, normalizeSettings } from '../../src/settings.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const en = JSON.parse(read('_locales/en/messages.json'));
const zh = JSON.parse(read('_locales/zh_CN/messages.json'));

describe('manifests', () => {
  test('the Chrome key gives the fixed extension ID', () => {
    assert.equal(chromeExtensionId(CHROME_PUBLIC_KEY), CHROME_EXTENSION_ID);
    assert.equal(CHROME_EXTENSION_ID, 'lgmgfcoklhjodldpoappaoddamjfedjh');
    assert.match(CHROME_EXTENSION_ID, /^[a-p]{32}$/);
  });

  test('only the permissions OneDial needs', () => {
    for (const target of ['chrome', 'firefox']) {
      const manifest = makeManifest(target, '1.2.3');
      assert.equal(manifest.manifest_version, 3);
      assert.equal(manifest.version, '1.2.3');
      assert.equal(manifest.default_locale, 'en');
      assert.deepEqual(manifest.permissions, ['nativeMessaging', 'storage']);
      assert.equal(manifest.host_permissions, undefined);
      assert.equal(manifest.optional_permissions, undefined);
      assert.deepEqual(manifest.content_scripts.map((c) => c.matches), [['<all_urls>']]);
    }
  });

  test('Chrome: service worker and key; Firefox: background scripts and gecko id', () => {
    const chrome = makeManifest('chrome', '1.0.0');
    assert.deepEqual(chrome.background, { service_worker: 'background.js' });
    assert.equal(chrome.key, CHROME_PUBLIC_KEY);
    assert.equal(chrome.browser_specific_settings, undefined);
    const firefox = makeManifest('firefox', '1.0.0');
    assert.deepEqual(firefox.background, { scripts: ['background.js'] });
    assert.equal(firefox.browser_specific_settings.gecko.id, GECKO_ID);
    assert.equal(GECKO_ID, 'onedial@onedial.org');
    assert.equal(firefox.key, undefined);
  });
});

describe('locales', () => {
  test('English and Simplified Chinese have the same messages and placeholders', () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.deepEqual(Object.keys(zh[key].placeholders || {}).sort(), Object.keys(en[key].placeholders || {}).sort(), key);
      for (const name of Object.keys(en[key].placeholders || {})) {
        assert.ok(en[key].message.includes(`$${name.toUpperCase()}$`), `en ${key} uses $${name}$`);
        assert.ok(zh[key].message.includes(`$${name.toUpperCase()}$`), `zh_CN ${key} uses $${name}$`);
      }
      assert.ok(zh[key].message.trim(), `zh_CN ${key} is empty`);
    }
    assert.ok(en.extDescription.message.length <= 132);
    assert.ok(zh.extDescription.message.length <= 132);
  });

  test('every message used by the code and pages exists', () => {
    const used = new Set();
    for (const dir of ['src', 'static']) {
      for (const name of readdirSync(new URL(`${dir}/`, root))) {
        const text = read(`${dir}/${name}`);
        for (const m of text.matchAll(/data-i18n="([A-Za-z0-9_]+)"/g)) used.add(m[1]);
        for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
        for (const m of text.matchAll(/: '(result[A-Za-z]+)'/g)) used.add(m[1]);
      }
    }
    for (const value of Object.values(makeManifest('chrome', '1.0.0'))) {
      for (const m of JSON.stringify(value).matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
    }
    assert.ok(used.size > 20);
    for (const key of used) assert.ok(key in en, `missing message ${key}`);
  });
});

describe('settings', () => {
  test('defaults: on everywhere', () => {
    assert.deepEqual(normalizeSettings({}), { enabled: true, disabledSites: [] });
    assert.deepEqual(normalizeSettings(undefined), { enabled: true, disabledSites: [] });
  });

  test('sites switched off, and the global switch', () => {
    const settings = normalizeSettings({ enabled: true, disabledSites: ['b.example', 'a.example', 'b.example', 7] });
    assert.deepEqual(settings.disabledSites, ['a.example', 'b.example']);
    assert.equal(isActiveOn(settings, 'a.example'), false);
    assert.equal(isActiveOn(settings, 'c.example'), true);
    assert.equal(isActiveOn(normalizeSettings({ enabled: false }), 'c.example'), false);
  });
});
