import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from './cameo-codes.json';
import { CAMEO_CODES, cameoCode, cameoCodesFileSchema } from './cameo-codes';

describe('cameo-codes.json', () => {
  it('matches its schema and lists each code once', () => {
    const file = cameoCodesFileSchema.parse(data);
    assert.equal(new Set(file.codes.map((c) => c.code)).size, file.codes.length);
  });

  it('has a root for each of the 20 categories', () => {
    for (let root = 1; root <= 20; root++) assert.ok(CAMEO_CODES.has(`${String(root).padStart(2, '0')}0`), `${root}`);
  });

  it("gives the domain notes' Goldstein scores, and a parent's score to a child without one", () => {
    assert.equal(cameoCode('036')!.goldstein, 4);
    assert.equal(cameoCode('130')!.goldstein, -4.4);
    assert.equal(cameoCode('125')!.goldstein, -5);
    assert.equal(cameoCode('016')!.goldstein, 0);
    assert.equal(cameoCode('134')!.code, '130');
  });
});
