import { createHash } from 'node:crypto';
import { canonicalUrl } from '../shared/text/canonical-url';
import { normalizeName } from '../shared/text/normalize';

/**
 * Deterministic node keys. Every node an ingest writes is MERGEd on one of these, so replaying an input (or the
 * driver retrying a transaction, or two clients sending the same article at once) finds the same keys.
 */
function digest(parts: readonly unknown[]): string {
  // JSON of an array: no separator can be forged by a value that contains it.
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex').slice(0, 32);
}

/** The hash of an article's content: outlet, title and text. */
export function contentHash(outletKey: string, title: string, text: string): string {
  return createHash('sha256')
    .update(JSON.stringify([outletKey, title, text]), 'utf8')
    .digest('hex');
}

/**
 * An article's key: from the canonical form of its URL when it has one (canonical-url.ts: the same page with
 * `?utm_source=x` or an upper-case host is the same article), else from its content.
 */
export function articleKey(url: string | null | undefined, hash: string): string {
  return url ? digest(['url', canonicalUrl(url) ?? url.trim()]) : hash.slice(0, 32);
}

export function statementKey(articleKey: string, span: { start: number; end: number }, speakerKey: string): string {
  return digest(['statement', articleKey, span.start, span.end, speakerKey]);
}

export function reportKey(statementKey: string, articleKey: string, span: { start: number; end: number }): string {
  return digest(['report', statementKey, articleKey, span.start, span.end]);
}

/**
 * The key of a meeting created by an ingest (meeting-identity.ts says when a stored one is matched instead): kind,
 * participants, date and location. An undated meeting's key also holds the article that first reports it, so a
 * later proposal that matches no open meeting (the first was held, or is out of the window) gets a key of its own.
 */
export function meetingKey(
  kind: string,
  participantKeys: readonly string[],
  date: string | null | undefined,
  locationKey: string | null = null,
  articleKey: string | null = null,
): string {
  return digest([
    'meeting',
    kind,
    [...new Set(participantKeys)].sort(),
    date ?? '',
    locationKey ?? '',
    date ? '' : (articleKey ?? ''),
  ]);
}

export function statusChangeKey(meetingKey: string, status: string, statementKey: string): string {
  return digest(['status', meetingKey, status, statementKey]);
}

export function roleKey(
  actorKey: string,
  organizationKey: string | null,
  countryCode: string | null,
  title: string,
  since: string | null | undefined,
): string {
  return digest(['role', actorKey, organizationKey ?? '', countryCode ?? '', normalizeName(title), since ?? '']);
}

/**
 * A key for an actor or topic created from a name: a readable slug for Latin names ("new-actor"), else a hash of
 * the normalized name. The same name always gives the same key.
 */
export function keyFromName(prefix: string, name: string): string {
  const normalized = normalizeName(name);
  const slug = normalized.replace(/\s+/g, '-');
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(slug) ? slug : `${prefix}-${digest(['name', normalized]).slice(0, 16)}`;
}
