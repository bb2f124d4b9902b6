import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import trackingParamsData from './tracking-params.json';
import { canonicalUrl, isTrackingParam, normalizePercentEncoding, TrackingParamsSchema } from './canonical-url';

describe('canonicalUrl', () => {
  const base = 'https://www.alittihad.ae/news/world/4567/putin';
  it('lower-cases scheme and host, keeps the path as written', () => {
    assert.equal(canonicalUrl('HTTPS://WWW.Alittihad.AE/news/world/4567/putin'), base);
    assert.equal(canonicalUrl('https://example.com/News/A'), 'https://example.com/News/A');
  });

  it('drops the default port, the fragment and the trailing dot of the host', () => {
    assert.equal(canonicalUrl('https://www.alittihad.ae:443/news/world/4567/putin#comments'), base);
    assert.equal(canonicalUrl('http://example.com:80/a'), 'http://example.com/a');
    assert.equal(canonicalUrl('http://example.com:8080/a'), 'http://example.com:8080/a');
    assert.equal(canonicalUrl('https://www.alittihad.ae./news/world/4567/putin'), base);
  });

  it('drops tracking parameters and sorts the others', () => {
    assert.equal(canonicalUrl(`${base}?utm_source=x`), base);
    assert.equal(canonicalUrl(`${base}?UTM_Medium=a&fbclid=1&gclid=2&id=7`), `${base}?id=7`);
    assert.equal(canonicalUrl(`${base}?b=2&a=1&a=0`), `${base}?a=1&a=0&b=2`);
    assert.equal(canonicalUrl(`${base}?`), base);
  });

  it('normalizes percent-encoding without decoding reserved characters', () => {
    assert.equal(
      canonicalUrl('https://example.com/%7euser/a%2fb?q=%e2%82%ac'),
      'https://example.com/~user/a%2Fb?q=%E2%82%AC',
    );
    assert.equal(canonicalUrl('https://example.com/a b'), 'https://example.com/a%20b');
    assert.equal(canonicalUrl('https://example.com/a/./b/../c'), 'https://example.com/a/c');
    assert.equal(
      canonicalUrl('https://example.com/أخبار'),
      canonicalUrl('https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1'),
    );
    assert.equal(normalizePercentEncoding('%41%2f'), 'A%2F');
  });

  it('is idempotent, and null for what is not an absolute http(s) URL', () => {
    const once = canonicalUrl(`HTTP://Example.COM:80/%7ex?utm_id=1&z=%2f&a=1#top`)!;
    assert.equal(once, 'http://example.com/~x?a=1&z=%2F');
    assert.equal(canonicalUrl(once), once);
    assert.equal(canonicalUrl('not a url'), null);
    assert.equal(canonicalUrl('ftp://example.com/a'), null);
  });

  it('reads its tracking parameters from a valid data file', () => {
    assert.doesNotThrow(() => TrackingParamsSchema.parse(trackingParamsData));
    assert.equal(isTrackingParam('utm_campaign'), true);
    assert.equal(isTrackingParam('MSCLKID'), true);
    assert.equal(isTrackingParam('id'), false);
  });
});
