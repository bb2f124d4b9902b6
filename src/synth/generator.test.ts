import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { normalizeName } from '../shared/text/normalize';
import { GOLDSTEIN } from './cameo';
import { SynthGenerator } from './generator';
import { Prng } from './prng';
import type { ArticleBatch } from './synth-rows';

function digest(statements: number, seed: number): string {
  const generator = new SynthGenerator({ statements, seed });
  const hash = createHash('sha256').update(JSON.stringify(generator.world));
  for (const batch of generator.batches(500)) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

function allBatches(statements: number, seed: number): { generator: SynthGenerator; batches: ArticleBatch[] } {
  const generator = new SynthGenerator({ statements, seed });
  return { generator, batches: [...generator.batches(500)] };
}

describe('synthetic generator', () => {
  it('is deterministic: the same seed gives the same graph, another seed another', () => {
    assert.equal(digest(3_000, 7), digest(3_000, 7));
    assert.notEqual(digest(3_000, 7), digest(3_000, 8));
  });

  it('never uses Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      assert.doesNotThrow(() => digest(300, 1));
    } finally {
      Math.random = original;
    }
  });

  it('derives independent PRNG streams from seed and salt', () => {
    const a = Prng.derive(1, 1);
    const b = Prng.derive(1, 2);
    assert.notEqual(a.next(), b.next());
    assert.equal(new Prng(5).next(), new Prng(5).next());
  });

  const { generator, batches } = allBatches(5_000, 3);
  const statements = batches.flatMap((b) => b.statements);
  const articles = new Map(batches.flatMap((b) => b.articles).map((a) => [a.id, a]));

  it('produces exactly the requested number of statements, with unique ids and sort keys', () => {
    assert.equal(statements.length, 5_000);
    assert.equal(new Set(statements.map((s) => s.id)).size, 5_000);
    for (const s of statements) assert.equal(s.sortKey, `${s.date ?? '0000-00-00'}|${s.id}`);
  });

  it('points every span at the statement text inside its article text', () => {
    for (const s of statements) {
      const article = articles.get(s.report.article);
      assert.ok(article, `article of ${s.id}`);
      assert.ok(s.report.start >= 0 && s.report.end <= article.text.length && s.report.start < s.report.end);
      assert.equal(article.text.slice(s.report.start, s.report.end), s.report.text);
      assert.equal(s.report.text, s.text);
      if (s.quote) assert.ok(s.text.includes(s.quote));
    }
  });

  it('gives each statement the Goldstein score of its CAMEO code and 1 to 4 subjects', () => {
    for (const s of statements) {
      assert.equal(s.goldstein, GOLDSTEIN.get(s.cameo), `${s.id} ${s.cameo}`);
      assert.ok(s.about.length >= 1 && s.about.length <= 4, `${s.id} has ${s.about.length} subjects`);
    }
  });

  it('spreads dates over five years with about a tenth undated', () => {
    const undated = statements.filter((s) => s.date === null).length / statements.length;
    assert.ok(undated > 0.05 && undated < 0.15, `undated share ${undated}`);
    const years = new Set(statements.flatMap((s) => (s.date ? [s.date.slice(0, 4)] : [])));
    assert.ok(years.size >= 5, `years ${[...years].join(',')}`);
  });

  it('has a Zipf-like fan-out: the top speaker is prolific, most speakers are not', () => {
    const bySpeaker = new Map<string, number>();
    for (const s of statements) bySpeaker.set(s.speaker, (bySpeaker.get(s.speaker) ?? 0) + 1);
    const counts = [...bySpeaker.values()].sort((a, b) => b - a);
    assert.equal(bySpeaker.get(generator.topSpeaker), counts[0]);
    assert.ok(counts[0]! > 20 * counts[Math.floor(counts.length / 2)]!);
  });

  it('keys alias nodes by the normalized text, once each, and derives meeting status from its history', () => {
    const keys = generator.world.aliases.map((a) => a.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const alias of generator.world.aliases) assert.equal(alias.key, normalizeName(alias.text));
    const changes = batches.flatMap((b) => b.statusChanges);
    for (const meeting of generator.world.meetings) {
      const history = changes.filter((c) => c.meeting === meeting.id).sort((a, b) => a.seq - b.seq);
      assert.ok(history.length > 0, `${meeting.id} has a history`);
      assert.equal(meeting.status, history[history.length - 1]!.status);
      const dates = history.map((c) => c.asOf);
      assert.ok(
        dates.every((d, i) => d !== null && (i === 0 || d >= dates[i - 1]!)),
        `${meeting.id} runs forward`,
      );
    }
  });

  it('writes Arabic text and English translations', () => {
    assert.ok(statements.every((s) => /[\u0600-\u06FF]/.test(s.text) && !/[\u0600-\u06FF]/.test(s.translation)));
  });
});
