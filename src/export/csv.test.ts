import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvRecord } from './csv';

test('csvField quotes only fields with a comma, quote, CR or LF, doubling quotes (RFC 4180)', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('line\nbreak'), '"line\nbreak"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField('بيسكوف، الكرملين'), 'بيسكوف، الكرملين');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField(-2.5), '-2.5');
});

test('csvRecord ends with CRLF', () => {
  assert.equal(csvRecord(['a', null, 'b,c']), 'a,,"b,c"\r\n');
});
