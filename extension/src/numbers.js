// OneDial's phone-number finder, shared by the content script (bundled by
// esbuild) and the node unit tests. It must give the same answers as the C++
// finder in app/phone for the sentences of tests/data/phone-corpus.json.
//
// libphonenumber-js is used with its "max" metadata because only that one
// knows number types: OneDial dials mainland Chinese mobile and fixed-line
// numbers, and must tell them apart from 400/800 service numbers and from
// numbers of other countries, which are found but not made into links.

import { findPhoneNumbersInText } from 'libphonenumber-js/max';

// The C++ finder (app/phone/NumberFinder.cpp and PhoneNumber.cpp) adds a few
// rules of its own around libphonenumber; they are mirrored here:
// - dates, times and amounts are blanked out before matching (the matcher
//   would read "2023-11-08 13" as a Guangzhou landline and "13800138000元" as
//   a mobile number);
// - a number with an extension ("ext. 8001", "转 8001", "分机 12") is found
//   but not dialable (OneNET cannot dial extensions);
// - at most 20,000 characters of a text and 200 numbers are looked at.

/** The country calling code of every number OneDial can dial. */
export const DIALABLE_COUNTRY_CODE = '86';

/** Number types (libphonenumber's names) that OneNET's voice service can ring. */
export const DIALABLE_TYPES = Object.freeze(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

const dialableTypes = new Set(DIALABLE_TYPES);

// A cheap pre-check before the real matcher: a text needs at least this many
// decimal digits (ASCII or full-width) to hold any valid number. No valid
// number anywhere is shorter than 3 digits, so this only saves work on the
// many digit-free text nodes of a page and never hides a number.
const MIN_DIGITS = 3;
const digit = /[0-9\uFF10-\uFF19]/g;

function hasEnoughDigits(text) {
  digit.lastIndex = 0;
  let count = 0;
  while (digit.exec(text) !== null) {
    if (++count >= MIN_DIGITS) return true;
  }
  return false;
}

/** The longest text looked at, and the most numbers reported (as in C++). */
export const MAX_TEXT_LENGTH = 20000;
export const MAX_NUMBERS = 200;
const MAX_WRITTEN_LENGTH = 64; // longer than this is never read as one number

// Whitespace as the C++ side's regular expressions read \s (ASCII only).
const S = '[\\t\\n\\v\\f\\r ]';

// Dates (2023-11-08, 2023/11/8, 2023.11.08, 2023年11月8日, 2023年11月, 11月8日,
// 08/11/2023), times (13:30, 13:30:05) and amounts (¥13800138000,
// 13800138000元): the same alternatives as notANumberPattern() in C++.
const NOT_A_NUMBER = new RegExp([
  `(?<![0-9])(?:19|20)[0-9]{2}${S}*[-/.]${S}*[0-9]{1,2}${S}*[-/.]${S}*[0-9]{1,2}(?![0-9])`,
  `(?<![0-9])(?:19|20)[0-9]{2}${S}*年(?:${S}*[0-9]{1,2}${S}*月(?:${S}*[0-9]{1,2}${S}*[日号])?)?`,
  `(?<![0-9])[0-9]{1,2}${S}*月${S}*[0-9]{1,2}${S}*[日号]`,
  `(?<![0-9])[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:19|20)[0-9]{2}(?![0-9])`,
  `(?<![0-9])[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?(?![0-9])`,
  `[¥￥$€£]${S}*[0-9][0-9,]*(?:\\.[0-9]+)?`,
  `(?<![0-9,.])[0-9][0-9,]*(?:\\.[0-9]+)?${S}*(?:元|万元|美元|块)`,
].join('|'), 'g');

// An extension written after a number in words the matcher does not know.
const EXTENSION_AFTER = new RegExp(`^${S}*(?:转|分机号?|内线)${S}*[:：]?${S}*[0-9]{1,10}`);
const EXTENSION_WINDOW = 24; // characters after the number that are looked at

// An extension inside the number as written ("… ext. 8001", "… x12", "… #12").
const EXTENSION_IN = new RegExp(
  `^(.*[0-9][0-9\\t\\n\\v\\f\\r )]*?)${S}*[,;]?${S}*(?:ext\\.?|extn\\.?|extension|x|#|ext=|转|分机号?|内线)`
  + `${S}*[:：.]?${S}*([0-9]{1,10})${S}*#?$`,
  'i',
);
const LETTER = /\p{L}/u;

/** The text with every date, time and amount replaced by as many spaces. */
export function blankNonNumbers(text) {
  return text.replace(NOT_A_NUMBER, (span) => ' '.repeat(span.length));
}

/**
 * Whether OneDial can dial a found number: a mainland mobile or fixed-line
 * number (libphonenumber-js "max" types), written without an extension or
 * letters.
 * @param {import('libphonenumber-js').PhoneNumber} phoneNumber
 * @param {string} written the number as the text writes it
 * @param {string} after the text right after it
 */
export function isDialable(phoneNumber, written = '', after = '') {
  if (phoneNumber.countryCallingCode !== DIALABLE_COUNTRY_CODE) return false;
  if (!dialableTypes.has(phoneNumber.getType())) return false;
  if (phoneNumber.ext) return false;
  const extensionAfter = EXTENSION_AFTER.exec(after.slice(0, EXTENSION_WINDOW));
  const whole = (written + (extensionAfter ? extensionAfter[0] : '')).trim();
  if (whole.length > MAX_WRITTEN_LENGTH) return false;
  const extension = EXTENSION_IN.exec(whole);
  if (extension && !LETTER.test(extension[1])) return false;
  return !LETTER.test(whole);
}

/**
 * Finds the valid phone numbers in a text, read as written in mainland China
 * (a number without +country code is Chinese).
 *
 * @param {string} text
 * @returns {{start: number, end: number, e164: string, dialable: boolean}[]}
 *   in order of appearance; start/end are UTF-16 offsets into text (end
 *   exclusive) of the number as written, e164 is its E.164 form.
 */
export function findNumbers(text) {
  if (typeof text !== 'string' || !hasEnoughDigits(text)) return [];
  const searched = blankNonNumbers(text.slice(0, MAX_TEXT_LENGTH));
  if (!hasEnoughDigits(searched)) return [];
  const found = findPhoneNumbersInText(searched, { defaultCountry: 'CN', v2: true });
  return found.slice(0, MAX_NUMBERS).map(({ number, startsAt, endsAt }) => ({
    start: startsAt,
    end: endsAt,
    e164: number.number,
    dialable: isDialable(number, text.slice(startsAt, endsAt), text.slice(endsAt)),
  }));
}
