// OneDial's extension settings, kept in storage.local (never synced, never
// sent anywhere):
//   enabled        false switches number finding off on every site
//   disabledSites  host names (location.hostname) where the user switched it off

import { api } from './browser-api.js';

export const KEY_ENABLED = 'enabled';
export const KEY_DISABLED_SITES = 'disabledSites';

export async function loadSettings() {
  const stored = await api.storage.local.get([KEY_ENABLED, KEY_DISABLED_SITES]);
  return normalizeSettings(stored);
}

export function normalizeSettings(stored) {
  const sites = Array.isArray(stored && stored[KEY_DISABLED_SITES])
    ? stored[KEY_DISABLED_SITES].filter((s) => typeof s === 'string')
    : [];
  return {
    enabled: !(stored && stored[KEY_ENABLED] === false),
    disabledSites: [...new Set(sites)].sort(),
  };
}

/** Whether numbers are found on a page of this site (host name). */
export function isActiveOn(settings, site) {
  return settings.enabled && !settings.disabledSites.includes(site);
}

export async function setEnabled(enabled) {
  await api.storage.local.set({ [KEY_ENABLED]: Boolean(enabled) });
}

export async function setSiteEnabled(site, enabled) {
  const { disabledSites } = await loadSettings();
  const next = new Set(disabledSites);
  if (enabled) next.delete(site); else next.add(site);
  await api.storage.local.set({ [KEY_DISABLED_SITES]: [...next].sort() });
}
