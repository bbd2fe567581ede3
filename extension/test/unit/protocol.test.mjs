// Unit tests of OneDial's native-messaging protocol (src/protocol.js): what
// the extension sends, and that any reply, however malformed, is read
// without throwing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  HOST_NAME, RESULT_STATES, classifyNativeError, makeDialRequest, makeHelloRequest, parseDialReply, parseHelloReply,
} from '../../src/protocol.js';

describe('requests', () => {
  test('the host name', () => assert.equal(HOST_NAME, 'org.onedial.onedial'));

  test('a dial request has exactly the protocol fields', () => {
    assert.deepEqual(makeDialRequest({ number: '+8613800138000', shown: ' 138-0013-8000 ', site: 'crm.example.com', extra: 'x' }), {
      ok: true,
      message: { version: 1, type: 'dial', number: '+8613800138000', shown: '138-0013-8000', site: 'crm.example.com' },
    });
  });

  test('shown defaults to the number; odd sites become empty', () => {
    const { message } = makeDialRequest({ number: '+861065529988', site: 'bad site/with path' });
    assert.equal(message.shown, '+861065529988');
    assert.equal(message.site, '');
    assert.equal(makeDialRequest({ number: '+861065529988', site: '[::1]' }).message.site, '[::1]');
  });

  test('shown is cut to 64 characters and loses control characters', () => {
    const { message } = makeDialRequest({ number: '+8613800138000', shown: `a\u0000b${'9'.repeat(100)}` });
    assert.equal(message.shown.length, 64);
    assert.ok(message.shown.startsWith('a b'));
  });

  test('numbers OneDial cannot dial are refused before the host', () => {
    for (const number of [undefined, 13800138000, '', '13800138000', '+14155550100', '+864008105688x', '+86 138 0013 8000', '+860755123456', '+86123', '+8613800138000123']) {
      assert.equal(makeDialRequest({ number }).ok, false, String(number));
    }
    for (const input of [null, undefined, 'string', [], 42]) assert.equal(makeDialRequest(input).ok, false);
  });

  test('hello', () => assert.deepEqual(makeHelloRequest(), { version: 1, type: 'hello' }));
});

describe('dial replies', () => {
  test('every protocol state is read, with its message', () => {
    for (const state of RESULT_STATES) {
      assert.deepEqual(parseDialReply({ version: 1, type: 'result', state, message: `text ${state}` }),
        { ok: true, state, message: `text ${state}` });
    }
  });

  test('a missing or odd message becomes empty (the extension shows its own text)', () => {
    assert.equal(parseDialReply({ version: 1, type: 'result', state: 'accepted' }).message, '');
    assert.equal(parseDialReply({ version: 1, type: 'result', state: 'accepted', message: { a: 1 } }).message, '');
    assert.equal(parseDialReply({ version: 1, type: 'result', state: 'refused', message: 'x'.repeat(5000) }).message.length, 500);
    assert.equal(parseDialReply({ version: 1, type: 'result', state: 'refused', message: 'a\nb\u0007c' }).message, 'a b c');
  });

  test('malformed replies are a generic failure and never throw', () => {
    const malformed = [
      undefined, null, 0, 1, true, '', 'accepted', [], [1, 2], {},
      { state: 'accepted' },
      { version: 2, type: 'result', state: 'accepted' },
      { version: '1', type: 'result', state: 'accepted' },
      { version: 1, type: 'hello', state: 'accepted' },
      { version: 1, type: 'result', state: 'ACCEPTED' },
      { version: 1, type: 'result', state: 'toString' },
      { version: 1, type: 'result', state: ['accepted'] },
      { version: 1, type: 'result' },
      Object.create(null),
      JSON.parse('{"__proto__": {"state": "accepted"}, "version": 1, "type": "result"}'),
    ];
    for (const reply of malformed) {
      assert.deepEqual(parseDialReply(reply), { ok: false, state: 'failed', message: '' }, JSON.stringify(reply));
    }
  });
});

describe('hello replies', () => {
  test('a good hello', () => {
    assert.deepEqual(parseHelloReply({ version: 1, type: 'hello', app: 'OneDial', appVersion: '0.1.0' }),
      { ok: true, app: 'OneDial', appVersion: '0.1.0' });
    assert.deepEqual(parseHelloReply({ version: 1, type: 'hello', app: 'OneDial' }),
      { ok: true, app: 'OneDial', appVersion: '' });
  });

  test('malformed hellos', () => {
    for (const reply of [null, 'hello', [], {}, { version: 1, type: 'hello' }, { version: 1, type: 'hello', app: 7 },
      { version: 1, type: 'result', app: 'OneDial' }, { version: 0, type: 'hello', app: 'OneDial' }]) {
      assert.equal(parseHelloReply(reply).ok, false, JSON.stringify(reply));
    }
  });
});

describe('native-messaging errors', () => {
  test('no host installed, in Chrome and Firefox words', () => {
    assert.equal(classifyNativeError(new Error('Specified native messaging host not found.')), 'missing');
    assert.equal(classifyNativeError(new Error('Access to the specified native messaging host is forbidden.')), 'missing');
    assert.equal(classifyNativeError(new Error('No such native application org.onedial.onedial')), 'missing');
  });

  test('a host that fails is an error', () => {
    assert.equal(classifyNativeError(new Error('Native host has exited.')), 'error');
    assert.equal(classifyNativeError(new Error('Error when communicating with the native messaging host.')), 'error');
    assert.equal(classifyNativeError(undefined), 'error');
    assert.equal(classifyNativeError('weird'), 'error');
  });
});
