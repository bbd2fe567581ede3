// One handle on the WebExtension API for Chrome, Edge and Firefox. Firefox
// offers the promise-based browser.* namespace; Chrome and Edge (Manifest V3)
// return promises from chrome.* too. OneDial only uses the promise style.

export const api = (typeof globalThis.browser === 'object' && globalThis.browser && globalThis.browser.runtime)
  ? globalThis.browser
  : globalThis.chrome;

/** A translated string from _locales/<lang>/messages.json ('' if unknown). */
export function t(key, substitutions) {
  try {
    return api.i18n.getMessage(key, substitutions) || '';
  } catch {
    return '';
  }
}
