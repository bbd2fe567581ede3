// The native-messaging protocol between the OneDial extension and the OneDial
// desktop app (host name org.onedial.onedial). Every message carries
// "version": 1 and a "type":
//
//   extension -> host  {"version":1,"type":"dial","number":"+8613800138000",
//                       "shown":"138-0013-8000","site":"crm.example.com"}
//   host -> extension  {"version":1,"type":"result","state":"accepted",
//                       "message":"<text already translated by OneDial>"}
//   extension -> host  {"version":1,"type":"hello"}
//   host -> extension  {"version":1,"type":"hello","app":"OneDial","appVersion":"0.1.0"}
//
// The host's replies are untrusted input: the parse functions below never
// throw and turn anything unexpected into a generic failure.

export const HOST_NAME = 'org.onedial.onedial';
export const PROTOCOL_VERSION = 1;

/** Outcomes a host may report for a dial request. */
export const RESULT_STATES = Object.freeze(['accepted', 'refused', 'unknown', 'cancelled', 'invalid', 'failed']);
const resultStates = new Set(RESULT_STATES);

// Mainland numbers in E.164: +86 and 7 to 12 more digits (the shortest
// fixed-line and the longest possible Chinese numbers), first digit not 0.
const DIALABLE_E164 = /^\+86[1-9][0-9]{6,11}$/;
const MAX_SHOWN = 64;
const MAX_SITE = 253; // the longest DNS name
const MAX_MESSAGE = 500;
const MAX_APP_VERSION = 40;

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cleanText(value, max) {
  if (typeof value !== 'string') return '';
  // Drop control characters (a reply is shown to the user as plain text).
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Builds the dial request for the host from what a content script sent.
 * @returns {{ok: true, message: object} | {ok: false, error: string}}
 */
export function makeDialRequest(input) {
  if (!isPlainObject(input)) return { ok: false, error: 'not an object' };
  const { number } = input;
  if (typeof number !== 'string' || !DIALABLE_E164.test(number)) {
    return { ok: false, error: 'number is not a mainland Chinese number in E.164 form' };
  }
  const shown = cleanText(input.shown, MAX_SHOWN) || number;
  const site = typeof input.site === 'string' && /^[A-Za-z0-9.\-:[\]_]*$/.test(input.site)
    ? input.site.slice(0, MAX_SITE)
    : '';
  return {
    ok: true,
    message: { version: PROTOCOL_VERSION, type: 'dial', number, shown, site },
  };
}

/** The hello request (the options page uses it to see whether OneDial answers). */
export function makeHelloRequest() {
  return { version: PROTOCOL_VERSION, type: 'hello' };
}

/**
 * Reads the host's answer to a dial request.
 * @returns {{ok: boolean, state: string, message: string}} ok is false when the
 *   reply was not a well-formed result; state is then "failed". message is ''
 *   when the host gave none (the caller shows its own text for the state).
 */
export function parseDialReply(reply) {
  if (!isPlainObject(reply) || reply.version !== PROTOCOL_VERSION || reply.type !== 'result'
      || typeof reply.state !== 'string' || !resultStates.has(reply.state)) {
    return { ok: false, state: 'failed', message: '' };
  }
  return { ok: true, state: reply.state, message: cleanText(reply.message, MAX_MESSAGE) };
}

/**
 * Reads the host's answer to hello.
 * @returns {{ok: boolean, app: string, appVersion: string}}
 */
export function parseHelloReply(reply) {
  if (!isPlainObject(reply) || reply.version !== PROTOCOL_VERSION || reply.type !== 'hello'
      || typeof reply.app !== 'string' || reply.app === '') {
    return { ok: false, app: '', appVersion: '' };
  }
  return {
    ok: true,
    app: cleanText(reply.app, MAX_APP_VERSION),
    appVersion: cleanText(reply.appVersion, MAX_APP_VERSION),
  };
}

/**
 * Sorts an error of sendNativeMessage: "missing" when no usable host is
 * installed for this extension (Chrome: "Specified native messaging host not
 * found." or "Access to the specified native messaging host is forbidden.";
 * Firefox: "No such native application ..."), otherwise "error" (the host
 * crashed, exited or wrote something unreadable).
 */
export function classifyNativeError(error) {
  const text = String((error && error.message) || error || '');
  if (/not found|no such native application|forbidden|not allowed/i.test(text)) return 'missing';
  return 'error';
}
