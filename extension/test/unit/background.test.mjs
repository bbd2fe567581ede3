// Unit tests of OneDial's background (src/background.js) with a stand-in for
// the chrome.* API: what reaches the native host, what the page is told, the
// session memory of a missing host, and that odd replies never throw.

import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

const EXTENSION_ID = 'lgmgfcoklhjodldpoappaoddamjfedjh';
const sent = [];
let nativeAnswer = async () => ({ version: 1, type: 'result', state: 'accepted', message: 'OK' });
const session = {};
let listener = null;

globalThis.chrome = {
  runtime: {
    id: EXTENSION_ID,
    onMessage: { addListener(fn) { listener = fn; } },
    async sendNativeMessage(host, message) {
      sent.push({ host, message });
      return nativeAnswer(message);
    },
  },
  storage: {
    session: {
      async get(key) { return key in session ? { [key]: session[key] } : {}; },
      async set(items) { Object.assign(session, items); },
    },
  },
};
await import('../../src/background.js');

function ask(request, sender = { id: EXTENSION_ID, url: 'https://crm.example.com:8443/customers?id=7#x' }) {
  return new Promise((resolve, reject) => {
    const keepOpen = listener(request, sender, resolve);
    if (keepOpen !== true) reject(new Error(`listener returned ${keepOpen}`));
  });
}

beforeEach(() => {
  sent.length = 0;
  for (const key of Object.keys(session)) delete session[key];
  nativeAnswer = async () => ({ version: 1, type: 'result', state: 'accepted', message: 'OK' });
});

describe('dial', () => {
  test('sends exactly the protocol message, with the host name of the sender only', async () => {
    const answer = await ask({ type: 'dial', number: '+8613800138000', shown: '138-0013-8000', site: 'spoofed.example', page: 'secret' });
    assert.deepEqual(sent, [{
      host: 'org.onedial.onedial',
      message: { version: 1, type: 'dial', number: '+8613800138000', shown: '138-0013-8000', site: 'crm.example.com' },
    }]);
    assert.deepEqual(answer, { state: 'accepted', message: 'OK' });
  });

  test('passes the host state and message on', async () => {
    nativeAnswer = async () => ({ version: 1, type: 'result', state: 'refused', message: '语音服务拒绝了呼叫（000001）' });
    assert.deepEqual(await ask({ type: 'dial', number: '+861065529988' }), { state: 'refused', message: '语音服务拒绝了呼叫（000001）' });
  });

  test('malformed replies become "malformed", never an exception', async () => {
    for (const reply of [undefined, null, 'accepted', [], { version: 1, type: 'result', state: 'ringing' }, { version: 9 }]) {
      nativeAnswer = async () => reply;
      assert.deepEqual(await ask({ type: 'dial', number: '+8613800138000' }), { state: 'malformed', message: '' }, JSON.stringify(reply));
    }
  });

  test('a host that crashes is "unreachable"', async () => {
    nativeAnswer = async () => { throw new Error('Native host has exited.'); };
    assert.deepEqual(await ask({ type: 'dial', number: '+8613800138000' }), { state: 'unreachable', message: '' });
  });

  test('a number OneDial cannot dial never reaches the host', async () => {
    assert.deepEqual(await ask({ type: 'dial', number: '+14155550100' }), { state: 'invalid', message: '' });
    assert.deepEqual(await ask({ type: 'dial', number: 'javascript:alert(1)' }), { state: 'invalid', message: '' });
    assert.equal(sent.length, 0);
  });

  test('a missing host is remembered for the session; a good hello forgets it', async () => {
    nativeAnswer = async () => { throw new Error('Specified native messaging host not found.'); };
    assert.deepEqual(await ask({ type: 'dial', number: '+8613800138000' }), { state: 'missing', message: '' });
    assert.equal(session.hostMissing, true);
    nativeAnswer = async () => ({ version: 1, type: 'result', state: 'accepted' });
    assert.deepEqual(await ask({ type: 'dial', number: '+8613800138000' }), { state: 'missing', message: '' });
    assert.equal(sent.length, 1, 'the host is not asked again');
    nativeAnswer = async () => ({ version: 1, type: 'hello', app: 'OneDial', appVersion: '0.1.0' });
    assert.deepEqual(await ask({ type: 'hello' }), { connected: true, app: 'OneDial', appVersion: '0.1.0' });
    assert.equal(session.hostMissing, false);
    nativeAnswer = async () => ({ version: 1, type: 'result', state: 'accepted' });
    assert.deepEqual(await ask({ type: 'dial', number: '+8613800138000' }), { state: 'accepted', message: '' });
  });
});

describe('hello and other requests', () => {
  test('hello answers', async () => {
    nativeAnswer = async (message) => {
      assert.deepEqual(message, { version: 1, type: 'hello' });
      return { version: 1, type: 'hello', app: 'OneDial', appVersion: '1.2.3' };
    };
    assert.deepEqual(await ask({ type: 'hello' }), { connected: true, app: 'OneDial', appVersion: '1.2.3' });
    nativeAnswer = async () => ({ version: 1, type: 'result' });
    assert.deepEqual(await ask({ type: 'hello' }), { connected: false, reason: 'malformed' });
    nativeAnswer = async () => { throw new Error('No such native application org.onedial.onedial'); };
    assert.deepEqual(await ask({ type: 'hello' }), { connected: false, reason: 'missing' });
  });

  test('unknown requests and other senders are ignored', () => {
    assert.equal(listener({ type: 'nope' }, { id: EXTENSION_ID }, () => {}), false);
    assert.equal(listener(null, { id: EXTENSION_ID }, () => {}), false);
    assert.equal(listener({ type: 'dial', number: '+8613800138000' }, { id: 'someone-else' }, () => {}), false);
    assert.equal(sent.length, 0);
  });
});
