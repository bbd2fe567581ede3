// The manifests of the OneDial extension, one per browser family, made by
// scripts/build.mjs. Chrome and Edge share one (Manifest V3 with a service
// worker); Firefox gets its own (background scripts, a gecko id).
//
// Permissions, and why OneDial needs each (nothing else is asked for):
// - "nativeMessaging": to hand a clicked number to the OneDial desktop app
//   (host org.onedial.onedial) and to ask it whether it is installed.
// - "storage": to keep the global switch and the list of sites where the
//   user switched number finding off (storage.local), and to remember for
//   the browser session that the OneDial app is missing (storage.session).
// - the content script on <all_urls> (all frames): phone numbers can be on
//   any page, including web CRMs inside frames; it reads text only inside
//   the browser and sends nothing unless the user clicks a number.
// No "tabs", "activeTab", "scripting" or host permissions: the popup learns
// the current site from the content script of the active tab.

import { createHash } from 'node:crypto';

/**
 * The public half of an RSA 2048 key made for OneDial; its private half was
 * deleted. Chrome derives an unpacked extension's ID from this key, so the
 * ID below is the same on every machine, and OneDial's native-messaging
 * host manifest can name it in allowed_origins.
 */
export const CHROME_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqbWActvgw583C+wL2cbiPoE0R2EYoWhA3Po4ygoWS8KaAnHvXWbDtTHt1aWzfZKaBQTNz7X47uqsMShEMQ74ZJOF674fBGnVuYf5XMhqGNKYSgxAS2cnLpugoFBEct2WmC6NQ5MdEf4TXMxa93Ee4CalzWm53gokcWBrAGlbrqgQpca00U5AISzScfy4U5zyQiTWrBaR7DXWUngW8noc0rirEbAo4xH2GqnEAjU9MbwXhAnE4+FKFmdyHJS7k3scGc5VooYlizqKkz00bdcjJk5zjg2SSniZflFPZrls/+cMiw1CUKAL4UFhuGHWed6k42BElYBq4a9/Mbw2hM2FxQIDAQAB';

/** Chrome's ID for CHROME_PUBLIC_KEY (see chromeExtensionId). */
export const CHROME_EXTENSION_ID = 'lgmgfcoklhjodldpoappaoddamjfedjh';

/** Firefox's ID for the add-on. */
export const GECKO_ID = 'onedial@onedial.org';

/**
 * Chrome's extension ID of a base64 public key: the first 32 hex digits of
 * SHA-256 of the DER key, each digit 0-f written as a letter a-p.
 */
export function chromeExtensionId(base64Key) {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode('a'.charCodeAt(0) + parseInt(d, 16))).join('');
}

const ICONS = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' };

function common(version) {
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'en',
    icons: ICONS,
    action: {
      default_title: '__MSG_actionTitle__',
      default_popup: 'popup.html',
      default_icon: { 16: ICONS[16], 32: ICONS[32] },
    },
    options_ui: { page: 'options.html', open_in_tab: true },
    permissions: ['nativeMessaging', 'storage'],
    content_scripts: [{
      matches: ['<all_urls>'],
      js: ['content.js'],
      css: ['content.css'],
      run_at: 'document_idle',
      all_frames: true,
    }],
  };
}

/** @param {'chrome'|'firefox'} target @param {string} version */
export function makeManifest(target, version) {
  const manifest = common(version);
  if (target === 'chrome') {
    return {
      ...manifest,
      key: CHROME_PUBLIC_KEY,
      minimum_chrome_version: '102', // storage.session, promise-based sendNativeMessage
      background: { service_worker: 'background.js' },
    };
  }
  if (target === 'firefox') {
    return {
      ...manifest,
      background: { scripts: ['background.js'] },
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '115.0', // storage.session
          // OneDial collects nothing: a clicked number goes only to the
          // OneDial app on the same computer.
          data_collection_permissions: { required: ['none'] },
        },
      },
    };
  }
  throw new Error(`unknown target ${target}`);
}
