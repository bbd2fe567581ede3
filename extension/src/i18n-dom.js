// Fills the extension's own pages with translated text: every element with a
// data-i18n attribute gets the message of that name from
// _locales/<lang>/messages.json.

import { t } from './browser-api.js';

export function translatePage(root = document) {
  document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const text = t(el.dataset.i18n);
    if (text) el.textContent = text;
  }
}
