// Unit tests of OneDial's number finder (src/numbers.js): the corpus shared
// with the C++ finder, and sentences that must never give a number.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findNumbers } from '../../src/numbers.js';

const corpusPath = fileURLToPath(new URL('../../../tests/data/phone-corpus.json', import.meta.url));

function split(found) {
  return {
    numbers: found.filter((n) => n.dialable).map((n) => n.e164),
    other: found.filter((n) => !n.dialable).map((n) => n.e164),
  };
}

describe('shared corpus (tests/data/phone-corpus.json, same answers as the C++ finder)', () => {
  const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
  test('the corpus is a non-empty list of {text, numbers, other}', () => {
    assert.ok(Array.isArray(corpus) && corpus.length > 0);
    for (const entry of corpus) {
      assert.equal(typeof entry.text, 'string');
      assert.ok(Array.isArray(entry.numbers) && Array.isArray(entry.other));
    }
  });
  corpus.forEach((entry, i) => {
    test(`#${i + 1}: ${entry.text}`, () => {
      assert.deepEqual(split(findNumbers(entry.text)), { numbers: entry.numbers, other: entry.other });
    });
  });
});

describe('what is found', () => {
  test('positions are UTF-16 offsets of the number as written', () => {
    const text = '请拨打 138-0013-8000 或 010-6552 9988';
    const found = findNumbers(text);
    assert.deepEqual(found.map((n) => text.slice(n.start, n.end)), ['138-0013-8000', '010-6552 9988']);
    assert.deepEqual(found.map((n) => n.e164), ['+8613800138000', '+861065529988']);
    assert.ok(found.every((n) => n.dialable));
  });

  test('offsets stay right after characters outside the BMP', () => {
    const text = '😀📞 13800138000';
    const [found] = findNumbers(text);
    assert.equal(text.slice(found.start, found.end), '13800138000');
  });

  test('mobile, fixed-line, +86 and full-width forms are dialable', () => {
    for (const [text, e164] of [
      ['13800138000', '+8613800138000'],
      ['+86 138 0013 8000', '+8613800138000'],
      ['0086 138 0013 8000', '+8613800138000'],
      ['(010) 65529988', '+861065529988'],
      ['0755-86013388', '+8675586013388'],
      ['１３８００１３８０００', '+8613800138000'],
    ]) {
      assert.deepEqual(findNumbers(text).map((n) => [n.e164, n.dialable]), [[e164, true]], text);
    }
  });

  test('400/800 numbers and numbers abroad are found but not dialable', () => {
    for (const [text, e164] of [
      ['客服 400-810-5688', '+864008105688'],
      ['免费电话 800-820-8820', '+868008208820'],
      ['香港 +852 2123 4567', '+85221234567'],
      ['US +1 650 253 0000', '+16502530000'],
    ]) {
      assert.deepEqual(findNumbers(text).map((n) => [n.e164, n.dialable]), [[e164, false]], text);
    }
  });

  test('a number with an extension is not dialable', () => {
    for (const text of ['020-83338888 转 8001', '020-83338888分机号：12', '+86 21 6437 7000 ext. 8001', '010 6552 9988 x12']) {
      const found = findNumbers(text);
      assert.equal(found.length, 1, text);
      assert.equal(found[0].dialable, false, text);
    }
  });
});

describe('what is never a phone number', () => {
  const never = {
    dates: ['2024-05-12', '日期 2024/05/12 至 2024/06/30', '2023年11月8日', '11月8日 13:30', '08/11/2023', '2023-11-08 13点'],
    times: ['时间 13:30:05', '会议 09:30-11:00'],
    'order and parcel numbers': ['订单号 202405121380013800', '订单号：DD20240512138001', '快递单号 SF1234567890123', '发票号码 04400123456789'],
    amounts: ['¥13800138000', '￥13800138000.00', '共计13800138000元', '金额 13,800,138.00 元', '$ 1,380.00', '13800138000美元'],
    'ID-card numbers (18 digits)': ['身份证号 110101199003078515', '身份证：11010119900307851X', '430102197612034567'],
    'bank-card numbers (16 to 19 digits)': [
      '银行卡 6217001234567890', '卡号 4111 1111 1111 1111', '卡号 6222021234567890123',
      '6222 0212 3456 7890 123', '622848001380013800', '6228480013800138000',
    ],
    'short numbers and other digits': ['95588', '短号 6688', '邮编 100000', 'QQ 12345678', 'IP 192.168.100.200', 'ISBN 978-7-111-54742-6'],
    'no digits at all': ['', '没有号码', 'no number here'],
  };
  for (const [kind, texts] of Object.entries(never)) {
    test(kind, () => {
      for (const text of texts) assert.deepEqual(findNumbers(text), [], text);
    });
  }

  test('a number next to a date or amount is still found, the date is not', () => {
    const found = findNumbers('2024-05-12 13:30 回电 13800138000，金额 ¥500');
    assert.deepEqual(found.map((n) => n.e164), ['+8613800138000']);
  });

  test('non-string input gives nothing', () => {
    assert.deepEqual(findNumbers(undefined), []);
    assert.deepEqual(findNumbers(13800138000), []);
  });
});
