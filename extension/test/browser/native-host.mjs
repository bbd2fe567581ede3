// A stand-in for the OneDial app's native-messaging host, for OneDial's
// browser tests only. Chromium starts it for each sendNativeMessage call. It
// records every message it receives (one JSON line each) and answers as the
// test asks in the mode file:
//   accepted (default)  {"version":1,"type":"result","state":"accepted","message":"…"}
//   garbage             a reply that is valid JSON but not the protocol
// and answers hello with app "OneDial", version "9.9.9".
// Usage (from the wrapper script the test writes): native-host.mjs RECORD MODE_FILE [origin…]

import { appendFileSync, readFileSync } from 'node:fs';

const [recordPath, modePath] = process.argv.slice(2);

function mode() {
  try {
    return readFileSync(modePath, 'utf8').trim() || 'accepted';
  } catch {
    return 'accepted';
  }
}

function reply(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  process.stdout.write(Buffer.concat([header, body]));
}

function answer(message) {
  if (message && message.type === 'hello') {
    return { version: 1, type: 'hello', app: 'OneDial', appVersion: '9.9.9' };
  }
  if (mode() === 'garbage') return { hello: 'world', state: 42 };
  return { version: 1, type: 'result', state: 'accepted', message: 'Test host: accepted, your phone rings first' };
}

let buffered = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffered = Buffer.concat([buffered, chunk]);
  while (buffered.length >= 4) {
    const length = buffered.readUInt32LE(0);
    if (buffered.length < 4 + length) break;
    const text = buffered.subarray(4, 4 + length).toString('utf8');
    buffered = buffered.subarray(4 + length);
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      message = { unparsable: text };
    }
    appendFileSync(recordPath, `${JSON.stringify(message)}\n`);
    reply(answer(message));
  }
});
process.stdin.on('end', () => process.exit(0));
