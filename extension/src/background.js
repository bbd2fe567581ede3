// OneDial's background (a service worker in Chrome and Edge, an event page in
// Firefox). It is the only part that talks to the OneDial desktop app, over
// native messaging (host org.onedial.onedial). It receives:
//   {type: "dial", number, shown}  from the content script when a number is clicked
//   {type: "hello"}                from the options page, to show whether OneDial answers
// and forwards them as protocol version 1 messages (see protocol.js). It
// sends the number, the number as shown on the page and the page's host name;
// never page content.

import { api } from './browser-api.js';
import {
  HOST_NAME, classifyNativeError, makeDialRequest, makeHelloRequest, parseDialReply, parseHelloReply,
} from './protocol.js';

// How long to wait for OneDial's answer. OneDial may ask the user to confirm
// a dial first, so this is generous; after it the page shows "no answer".
const HOST_TIMEOUT_MS = 120000;

// Once sendNativeMessage said the host is not installed, OneDial stops
// asking for the rest of the browser session and content scripts open the
// tel: link instead. storage.session survives the service worker being
// stopped; the variable is the fallback where storage.session is missing.
const HOST_MISSING_KEY = 'hostMissing';
let hostMissingFallback = false;

async function isHostMissing() {
  try {
    if (api.storage.session) {
      const stored = await api.storage.session.get(HOST_MISSING_KEY);
      return stored[HOST_MISSING_KEY] === true;
    }
  } catch { /* fall through to the variable */ }
  return hostMissingFallback;
}

async function setHostMissing(missing) {
  hostMissingFallback = missing;
  try {
    if (api.storage.session) await api.storage.session.set({ [HOST_MISSING_KEY]: missing });
  } catch { /* the variable is enough */ }
}

/**
 * Sends one message to OneDial.
 * @returns {Promise<{kind: 'reply', reply: unknown} | {kind: 'missing'} | {kind: 'error', error: string}>}
 */
async function callHost(message) {
  let timer;
  try {
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'error', error: 'timeout' }), HOST_TIMEOUT_MS);
    });
    const answer = Promise.resolve()
      .then(() => api.runtime.sendNativeMessage(HOST_NAME, message))
      .then((reply) => ({ kind: 'reply', reply }));
    return await Promise.race([answer, timeout]);
  } catch (error) {
    return classifyNativeError(error) === 'missing'
      ? { kind: 'missing' }
      : { kind: 'error', error: String((error && error.message) || error) };
  } finally {
    clearTimeout(timer);
  }
}

function hostNameOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Handles a click on a number. The answer for the content script is
 * {state, message}: state is one of the protocol's result states, "missing"
 * (no OneDial: open the tel: link), "noanswer" (no reply in time) or
 * "unreachable" (the host failed); message is OneDial's text or ''.
 */
async function dial(request, sender) {
  // The site is taken from the sender (the frame's address) rather than from
  // what the page's content script claims; only its host name is sent.
  const site = sender && sender.url ? hostNameOf(sender.url) : '';
  const built = makeDialRequest({ number: request.number, shown: request.shown, site });
  if (!built.ok) return { state: 'invalid', message: '' };
  if (await isHostMissing()) return { state: 'missing', message: '' };

  const answer = await callHost(built.message);
  if (answer.kind === 'missing') {
    await setHostMissing(true);
    return { state: 'missing', message: '' };
  }
  if (answer.kind === 'error') {
    return { state: answer.error === 'timeout' ? 'noanswer' : 'unreachable', message: '' };
  }
  const parsed = parseDialReply(answer.reply);
  return parsed.ok ? { state: parsed.state, message: parsed.message } : { state: 'malformed', message: '' };
}

/**
 * Asks OneDial who it is (the options page's "connected" line). Always tries
 * the host, even when it was missing before, so installing OneDial and
 * pressing "check again" clears the session's memory of a missing host.
 */
async function hello() {
  const answer = await callHost(makeHelloRequest());
  if (answer.kind === 'missing') {
    await setHostMissing(true);
    return { connected: false, reason: 'missing' };
  }
  if (answer.kind === 'error') return { connected: false, reason: 'error' };
  const parsed = parseHelloReply(answer.reply);
  if (!parsed.ok) return { connected: false, reason: 'malformed' };
  await setHostMissing(false);
  return { connected: true, app: parsed.app, appVersion: parsed.appVersion };
}

api.runtime.onMessage.addListener((request, sender, sendResponse) => {
  // Only this extension's own pages and content scripts may ask.
  if (!sender || sender.id !== api.runtime.id || !request || typeof request !== 'object') return false;
  let work;
  if (request.type === 'dial') work = dial(request, sender);
  else if (request.type === 'hello') work = hello();
  else return false;
  work
    .catch(() => ({ state: 'unreachable', message: '', connected: false, reason: 'error' }))
    .then(sendResponse);
  return true; // the answer comes later
});
