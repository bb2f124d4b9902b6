import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleKey, contentHash, keyFromName, meetingKey, statementKey, statusChangeKey } from './ingest-keys';

describe('ingest keys', () => {
  it('are deterministic, and a meeting key ignores participant order and repeats', () => {
    assert.equal(meetingKey('SUMMIT', ['b', 'a'], null), meetingKey('SUMMIT', ['a', 'b', 'a'], undefined));
    assert.notEqual(meetingKey('SUMMIT', ['a', 'b'], null), meetingKey('SUMMIT', ['a', 'b'], '2025-05-06'));
    assert.notEqual(meetingKey('SUMMIT', ['a', 'b'], null), meetingKey('TALKS', ['a', 'b'], null));
    const span = { start: 1, end: 5 };
    assert.equal(statementKey('art', span, 'peskov'), statementKey('art', { start: 1, end: 5 }, 'peskov'));
    assert.notEqual(statementKey('art', span, 'peskov'), statementKey('art', span, 'putin'));
    assert.match(statusChangeKey('m', 'HELD', 's'), /^[0-9a-f]{32}$/);
  });

  it('key a meeting by its location too, and an undated one by the article that first reports it', () => {
    assert.notEqual(
      meetingKey('SUMMIT', ['a', 'b'], null, 'HU', 'x'),
      meetingKey('SUMMIT', ['a', 'b'], null, 'AE', 'x'),
    );
    assert.notEqual(
      meetingKey('SUMMIT', ['a', 'b'], null, null, 'x'),
      meetingKey('SUMMIT', ['a', 'b'], null, null, 'y'),
    );
    // A dated meeting is the same whichever article reports it.
    assert.equal(
      meetingKey('SUMMIT', ['a', 'b'], '2025-08-15', 'US', 'x'),
      meetingKey('SUMMIT', ['b', 'a'], '2025-08-15', 'US', 'y'),
    );
  });

  it('identify an article by the canonical form of its URL', () => {
    const key = articleKey('https://www.example.org/a?id=7', 'h');
    assert.equal(articleKey('HTTPS://WWW.EXAMPLE.ORG:443/a?utm_source=x&id=7#top', 'other'), key);
    assert.notEqual(articleKey('https://www.example.org/a?id=8', 'h'), key);
  });

  it('identify an article by URL when it has one, else by outlet, title and text', () => {
    const hash = contentHash('al-ittihad', 'Title', 'Text');
    assert.equal(hash.length, 64);
    assert.notEqual(contentHash('al-ittihad', 'Title', 'Text!'), hash);
    // No separator trick: the parts are hashed as a JSON array.
    assert.notEqual(contentHash('a', 'b|c', 'd'), contentHash('a|b', 'c', 'd'));
    assert.equal(articleKey(null, hash), hash.slice(0, 32));
    assert.equal(articleKey('https://example.com/a', hash), articleKey(' https://example.com/a ', 'other'));
  });

  it('make readable keys from Latin names and hashed ones from others', () => {
    assert.equal(keyFromName('actor', 'Sergey  Lavrov'), 'sergey-lavrov');
    assert.equal(keyFromName('actor', 'D. Peskov'), 'd-peskov');
    assert.match(keyFromName('topic', 'الحرب في أوكرانيا'), /^topic-[0-9a-f]{16}$/);
    assert.equal(keyFromName('topic', 'الحرب في أوكرانيا'), keyFromName('topic', 'الحرب في اوكرانيا'));
  });
});
