// OneDial's content script. It runs in every page (and frame), finds the
// Chinese phone numbers that OneDial can dial in the page's text and wraps
// each in a link:
//   <a class="onedial-number" href="tel:+8613800138000" title="…">138-0013-8000<svg class="onedial-icon">…</svg></a>
// A click sends the number to the background, which hands it to the OneDial
// app; the answer appears in a small badge beside the number. Without the
// OneDial app, the click opens the tel: link instead.
//
// Rules that keep pages intact:
// - only text nodes are read; text inside script, style, textarea, input,
//   select, option, code, pre, contenteditable regions, buttons and existing
//   links is left alone;
// - the page's text is never changed: a number's own text node is split off
//   and moved into the link, so the words stay the same nodes and characters;
// - a text node is scanned once (again only if the page changes its text);
// - work is done in small slices (requestIdleCallback, else setTimeout), so a
//   page with 10,000 numbers stays responsive, and pages that change after
//   loading (web CRMs) are followed with a MutationObserver;
// - on a site the user switched off, nothing is touched.

import { api, t } from './browser-api.js';
import { findNumbers } from './numbers.js';
import { KEY_DISABLED_SITES, KEY_ENABLED, isActiveOn, loadSettings, normalizeSettings } from './settings.js';

const LINK_CLASS = 'onedial-number';
// Every element OneDial adds carries this attribute; the scanner skips them.
const MARK = 'data-onedial';
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'noscript', 'template', 'head', 'title', 'button', 'svg', 'math', 'iframe', 'object',
]);
const SLICE_MS = 12; // the longest stretch of work before giving the page back
const BADGE_SHOW_MS = 5000;
const BADGE_FADE_MS = 600;
const SVG_NS = 'http://www.w3.org/2000/svg';

const site = location.hostname;
// The page's top-level site, when this script runs in a frame: switching a
// site off in the popup also covers the frames inside its pages.
const topSite = (() => {
  try {
    if (window.top === window) return site;
    const origins = location.ancestorOrigins;
    if (origins && origins.length) return new URL(origins[origins.length - 1]).hostname;
  } catch { /* cross-origin details unavailable */ }
  return site;
})();

let active = false;
let observer = null;
let scanned = new WeakMap(); // text node -> the text it had when scanned
const queue = []; // nodes still to scan (subtrees)
let walk = null; // the generator going through queue
let scheduled = false;
let hostMissing = false; // the background said OneDial is not installed
let iconTemplate = null;
// Timing of the current scan, reported in the onedial:idle event.
let scanStart = 0;
let busyMs = 0;
let linkedInScan = 0;

// ---------------------------------------------------------------- scanning

function isSkippedElement(el) {
  return SKIPPED_ELEMENTS.has(el.localName)
    || el.hasAttribute(MARK)
    || (el.localName === 'a' && el.hasAttribute('href'))
    || el.hasAttribute('contenteditable');
}

// Whether a node lies inside something the scanner leaves alone (used for
// nodes the page adds later; the initial walk rejects whole subtrees).
function isInsideSkipped(node) {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return Boolean(node.parentElement && node.parentElement.isContentEditable);
}

function acceptNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    return node.data.length >= 3 && scanned.get(node) !== node.data
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
  }
  return isSkippedElement(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
}

// Yields, one by one, the text nodes still to scan in the queued subtrees.
function* textNodesToScan() {
  while (queue.length) {
    const root = queue.shift();
    if (!root.isConnected) continue;
    if (root.nodeType === Node.TEXT_NODE) {
      if (scanned.get(root) !== root.data && !isInsideSkipped(root)) yield root;
      continue;
    }
    if (root.nodeType !== Node.ELEMENT_NODE || isInsideSkipped(root)) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node;
  }
}

function makeIcon() {
  if (!iconTemplate) {
    // OneDial's handset (the app icon's shape), drawn in the link's colour.
    iconTemplate = document.createElementNS(SVG_NS, 'svg');
    iconTemplate.setAttribute('class', 'onedial-icon');
    iconTemplate.setAttribute('viewBox', '0 0 64 64');
    iconTemplate.setAttribute('aria-hidden', 'true');
    iconTemplate.setAttribute('focusable', 'false');
    iconTemplate.setAttribute(MARK, '');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', 'M22 14c2 0 4 1 5 3l3 7c1 2 0 4-1 5l-3 3c2 5 6 9 11 11l3-3c1-1 3-2 5-1l7 3c2 1 3 3 3 5v5c0 3-3 5-6 5C32 57 7 32 7 20c0-3 2-6 5-6z');
    path.setAttribute('fill', 'currentColor');
    iconTemplate.append(path);
  }
  return iconTemplate.cloneNode(true);
}

let titleTemplate = null;
function linkTitle(e164) {
  // One i18n look-up for the page, not one per link.
  if (titleTemplate === null) titleTemplate = t('linkTitle', ['\u0001']) || 'Call \u0001 with OneDial';
  return titleTemplate.replace('\u0001', e164);
}

// Wraps the dialable numbers of one text node, last first so that the
// offsets of the earlier ones stay right.
function linkNumbers(textNode, numbers) {
  for (let i = numbers.length - 1; i >= 0; i -= 1) {
    const { start, end, e164 } = numbers[i];
    const numberNode = textNode.splitText(start);
    const rest = numberNode.splitText(end - start);
    scanned.set(rest, rest.data);
    scanned.set(numberNode, numberNode.data);
    const link = document.createElement('a');
    link.className = LINK_CLASS;
    link.href = `tel:${e164}`;
    link.title = linkTitle(e164);
    link.setAttribute(MARK, '');
    numberNode.before(link);
    link.append(numberNode, makeIcon());
  }
  scanned.set(textNode, textNode.data);
}

// Reading and writing are kept apart: the found numbers wait in
// pendingLinks and are written in bursts (at most every FLUSH_EVERY_MS, and
// when the scan ends). Every change to the page makes the browser lay it out
// again before the next frame, which on a page with thousands of rows costs
// more than the scan itself; a few bursts cost a few layouts, not one a frame.
const FLUSH_EVERY_MS = 250;
const pendingLinks = []; // {node, text, numbers}
let lastFlush = 0;

function scanTextNode(textNode) {
  const text = textNode.data;
  scanned.set(textNode, text);
  const numbers = findNumbers(text).filter((n) => n.dialable);
  if (numbers.length) pendingLinks.push({ node: textNode, text, numbers });
}

// Writes pending links until the slice's time is up; false if some are left.
function writeLinks(sliceStart, budget) {
  let count = 0;
  while (pendingLinks.length) {
    const { node, text, numbers } = pendingLinks.shift();
    if (!node.isConnected || node.data !== text) {
      if (node.isConnected) enqueue(node); // the page changed it meanwhile: read it again
    } else if (!isInsideSkipped(node)) {
      linkNumbers(node, numbers);
      linkedInScan += numbers.length;
    }
    if ((++count & 7) === 0 && performance.now() - sliceStart > budget) break;
  }
  return pendingLinks.length === 0;
}

// The first slice after the page changed waits for an idle moment (the page
// is probably still busy building itself); the slices that follow run as
// ordinary tasks, so the browser handles input and timers between them but
// a large page is not left half-done while idle periods are rare.
const continueChannel = new MessageChannel();
continueChannel.port1.onmessage = () => work(null);

function schedule(continuing = false) {
  if (scheduled || !active) return;
  scheduled = true;
  if (continuing) continueChannel.port2.postMessage(null);
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 100 });
  else setTimeout(work, 0);
}

function work(deadline) {
  scheduled = false;
  if (!active) return;
  const sliceStart = performance.now();
  const budget = deadline && typeof deadline.timeRemaining === 'function' && !deadline.didTimeout
    ? Math.max(4, Math.min(SLICE_MS, deadline.timeRemaining()))
    : SLICE_MS;
  const scanning = () => walk || queue.length;
  const flushing = pendingLinks.length && (!scanning() || sliceStart - lastFlush > FLUSH_EVERY_MS);
  if (flushing) {
    if (writeLinks(sliceStart, budget)) lastFlush = performance.now();
  } else {
    if (!walk) walk = textNodesToScan();
    let count = 0;
    for (;;) {
      const next = walk.next();
      if (next.done) {
        walk = null;
        break;
      }
      scanTextNode(next.value);
      // performance.now() is cheap but not free: look at the clock every 16 nodes.
      if ((++count & 15) === 0 && performance.now() - sliceStart > budget) break;
    }
  }
  busyMs += performance.now() - sliceStart;
  if (scanning() || pendingLinks.length) {
    schedule(true);
    return;
  }
  // All done: tell the page's own scripts (and OneDial's tests) that the
  // scan went idle. The detail is a JSON string so it crosses from this
  // script's isolated world; it holds only counts and times.
  const detail = JSON.stringify({
    linked: linkedInScan,
    wallMs: Math.round((performance.now() - scanStart) * 10) / 10,
    busyMs: Math.round(busyMs * 10) / 10,
  });
  scanStart = 0;
  busyMs = 0;
  linkedInScan = 0;
  document.dispatchEvent(new CustomEvent('onedial:idle', { detail }));
}

function enqueue(node) {
  if (!scanStart) scanStart = performance.now();
  queue.push(node);
  schedule();
}

function onMutations(records) {
  for (const record of records) {
    if (record.type === 'characterData') {
      const node = record.target;
      if (scanned.get(node) !== node.data) enqueue(node);
      continue;
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (scanned.get(node) !== node.data) enqueue(node);
      } else if (node.nodeType === Node.ELEMENT_NODE && !node.hasAttribute(MARK)) {
        enqueue(node);
      }
    }
  }
}

function start() {
  if (active) return;
  active = true;
  scanned = new WeakMap();
  const root = document.body || document.documentElement;
  if (!root) return;
  enqueue(root);
  observer = new MutationObserver(onMutations);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

// Switched off while the page is open: stop and put the numbers back as
// plain text (the same text nodes, unwrapped).
function stop() {
  if (!active) return;
  active = false;
  if (observer) observer.disconnect();
  observer = null;
  queue.length = 0;
  pendingLinks.length = 0;
  walk = null;
  for (const link of document.querySelectorAll(`a.${LINK_CLASS}[${MARK}]`)) {
    const texts = [...link.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
    link.replaceWith(...texts);
  }
  for (const badge of document.querySelectorAll(`.onedial-badge[${MARK}]`)) badge.remove();
}

// ---------------------------------------------------------------- dialling

const STATE_TEXT = {
  accepted: 'resultAccepted',
  refused: 'resultRefused',
  unknown: 'resultUnknown',
  cancelled: 'resultCancelled',
  invalid: 'resultInvalid',
  failed: 'resultFailed',
  missing: 'resultMissing',
  noanswer: 'resultNoAnswer',
  unreachable: 'resultUnreachable',
  malformed: 'resultMalformed',
};
const badges = new WeakMap(); // link -> its badge

function placeBadge(badge, link) {
  const rect = link.getBoundingClientRect();
  const width = badge.offsetWidth || 200;
  const left = Math.max(4, Math.min(rect.left, window.innerWidth - width - 4));
  const below = rect.bottom + 4;
  const top = below + 32 > window.innerHeight ? Math.max(4, rect.top - 32) : below;
  badge.style.setProperty('left', `${left}px`, 'important');
  badge.style.setProperty('top', `${top}px`, 'important');
}

function showBadge(link, state, text) {
  let badge = badges.get(link);
  if (!badge || !badge.isConnected) {
    badge = document.createElement('div');
    badge.className = 'onedial-badge';
    badge.setAttribute(MARK, '');
    badge.setAttribute('role', 'status');
    badge.setAttribute('aria-live', 'polite');
    (document.body || document.documentElement).append(badge);
    badges.set(link, badge);
  }
  clearTimeout(badge.onedialTimer);
  badge.classList.remove('onedial-fading');
  badge.dataset.state = state;
  badge.textContent = text;
  link.setAttribute('data-onedial-state', state);
  placeBadge(badge, link);
  if (state === 'calling') return;
  badge.onedialTimer = setTimeout(() => {
    badge.classList.add('onedial-fading');
    badge.onedialTimer = setTimeout(() => badge.remove(), BADGE_FADE_MS);
  }, state === 'accepted' ? BADGE_SHOW_MS : BADGE_SHOW_MS * 2);
}

function openTelLink(href) {
  // The operating system's tel: handler (OneDial itself, when installed
  // without its browser connection) takes it from here.
  window.location.assign(href);
}

// The number to dial is read again from the link's text, the digits the
// user sees and clicked: the page's own scripts could have changed the
// link's href since OneDial made it.
function numberOf(link) {
  const shown = link.textContent.trim();
  const found = findNumbers(shown);
  const ok = found.length === 1 && found[0].dialable && found[0].start === 0 && found[0].end === shown.length;
  return { number: ok ? found[0].e164 : '', shown };
}

async function dial(link) {
  const { number, shown } = numberOf(link);
  if (!number) {
    showBadge(link, 'invalid', t(STATE_TEXT.invalid));
    return;
  }
  showBadge(link, 'calling', t('calling') || 'Calling…');
  let answer;
  try {
    answer = await api.runtime.sendMessage({ type: 'dial', number, shown, site });
  } catch {
    answer = null; // the extension was reloaded or the background failed
  }
  const state = answer && typeof answer.state === 'string' && STATE_TEXT[answer.state] ? answer.state : 'unreachable';
  if (state === 'missing') {
    hostMissing = true;
    showBadge(link, state, t(STATE_TEXT.missing));
    openTelLink(`tel:${number}`);
    return;
  }
  const message = answer && typeof answer.message === 'string' ? answer.message : '';
  showBadge(link, state, message || t(STATE_TEXT[state]) || state);
}

function onClick(event) {
  if (!active || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const target = event.target;
  const link = target && typeof target.closest === 'function' ? target.closest(`a.${LINK_CLASS}[${MARK}]`) : null;
  if (!link) return;
  // Without the OneDial app the tel: link does its normal job.
  if (hostMissing) return;
  event.preventDefault();
  dial(link);
}

// ---------------------------------------------------------------- settings

async function applySettings(settings) {
  if (isActiveOn(settings, site) && isActiveOn(settings, topSite)) start();
  else stop();
}

let current = { enabled: true, disabledSites: [] };

async function init() {
  document.addEventListener('click', onClick, true);
  api.runtime.onMessage.addListener((request, sender, sendResponse) => {
    // The popup asks the top frame which site it shows (this avoids the
    // "tabs" permission: the popup cannot read the tab's address itself).
    if (request && request.type === 'site' && window.top === window) {
      sendResponse({ site, active });
    }
    return false;
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(KEY_ENABLED in changes || KEY_DISABLED_SITES in changes)) return;
    const next = { [KEY_ENABLED]: current.enabled, [KEY_DISABLED_SITES]: current.disabledSites };
    if (KEY_ENABLED in changes) next[KEY_ENABLED] = changes[KEY_ENABLED].newValue;
    if (KEY_DISABLED_SITES in changes) next[KEY_DISABLED_SITES] = changes[KEY_DISABLED_SITES].newValue;
    current = normalizeSettings(next);
    applySettings(current);
  });
  try {
    current = await loadSettings();
  } catch { /* storage unavailable: use the defaults (on everywhere) */ }
  applySettings(current);
}

init();
