import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';

/** The explorer's names of the 20 CAMEO root categories (web/src/api/cameo-roots.json), from the CAMEO manual. */
const CameoRoots = z.record(z.string().regex(/^(0[1-9]|1\d|20)$/), z.string().min(3));

describe('CAMEO root names', () => {
  it('name every root category 01-20 once', () => {
    const file = path.resolve(__dirname, '..', '..', '..', 'web', 'src', 'api', 'cameo-roots.json');
    const roots = CameoRoots.parse(JSON.parse(readFileSync(file, 'utf8')));
    assert.deepEqual(
      Object.keys(roots).sort(),
      Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    assert.equal(roots['01'], 'Make public statement');
    assert.equal(roots['19'], 'Fight');
  });
});
