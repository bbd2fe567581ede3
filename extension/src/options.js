// OneDial's options page: whether the OneDial app answers over native
// messaging (hello), the global switch, and the sites where finding numbers
// was switched off (each can be switched back on).

import { api, t } from './browser-api.js';
import { translatePage } from './i18n-dom.js';
import { loadSettings, setEnabled, setSiteEnabled } from './settings.js';

async function showHostStatus() {
  const status = document.getElementById('host-status');
  status.removeAttribute('data-connected');
  status.textContent = t('optionsChecking');
  let answer = null;
  try {
    answer = await api.runtime.sendMessage({ type: 'hello' });
  } catch { /* shown as not connected */ }
  if (answer && answer.connected === true) {
    status.dataset.connected = 'true';
    status.textContent = t('optionsConnected', [answer.app || 'OneDial', answer.appVersion || '?']);
  } else {
    status.dataset.connected = 'false';
    const reason = answer && answer.reason === 'missing' ? 'optionsNotInstalled' : 'optionsNotAnswering';
    status.textContent = t(reason);
  }
}

async function showSettings() {
  const settings = await loadSettings();
  document.getElementById('global-switch').checked = settings.enabled;
  const list = document.getElementById('sites');
  list.replaceChildren();
  for (const site of settings.disabledSites) {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = site || t('popupLocalFiles');
    const remove = document.createElement('button');
    remove.textContent = t('optionsRemoveSite');
    remove.title = t('optionsRemoveSiteTitle', [site || t('popupLocalFiles')]);
    remove.addEventListener('click', () => setSiteEnabled(site, true));
    item.append(name, remove);
    list.append(item);
  }
  document.getElementById('no-sites').hidden = settings.disabledSites.length > 0;
}

function main() {
  translatePage();
  document.getElementById('host-check').addEventListener('click', showHostStatus);
  document.getElementById('global-switch').addEventListener('change', (event) => setEnabled(event.target.checked));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') showSettings();
  });
  showSettings();
  showHostStatus();
}

main();
