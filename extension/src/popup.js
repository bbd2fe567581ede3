// OneDial's toolbar popup: shows the site of the current tab and the switch
// "Find numbers on this site". The site comes from OneDial's content script
// in that tab (so the extension needs no "tabs" permission); on pages where
// no content script runs (browser pages, the web store) the switch is hidden.

import { api, t } from './browser-api.js';
import { translatePage } from './i18n-dom.js';
import { isActiveOn, loadSettings, setSiteEnabled } from './settings.js';

async function siteOfActiveTab() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  try {
    const answer = await api.tabs.sendMessage(tab.id, { type: 'site' }, { frameId: 0 });
    return answer && typeof answer.site === 'string' ? answer.site : null;
  } catch {
    return null; // no content script in this tab
  }
}

async function main() {
  translatePage();
  document.getElementById('open-options').addEventListener('click', (event) => {
    event.preventDefault();
    api.runtime.openOptionsPage();
    window.close();
  });
  const siteLabel = document.getElementById('site');
  const row = document.getElementById('site-row');
  const box = document.getElementById('site-switch');
  const note = document.getElementById('note');

  const [site, settings] = await Promise.all([siteOfActiveTab(), loadSettings()]);
  if (site === null) {
    siteLabel.textContent = t('popupNoSite');
    row.hidden = true;
    return;
  }
  siteLabel.textContent = site || t('popupLocalFiles');
  box.checked = !settings.disabledSites.includes(site);
  if (!settings.enabled) note.textContent = t('popupGloballyOff');
  box.addEventListener('change', async () => {
    await setSiteEnabled(site, box.checked);
    const now = await loadSettings();
    note.textContent = now.enabled ? '' : t('popupGloballyOff');
    box.checked = isActiveOn({ enabled: true, disabledSites: now.disabledSites }, site);
  });
}

main();
