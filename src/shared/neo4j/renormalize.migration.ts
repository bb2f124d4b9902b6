import { createHash } from 'node:crypto';
import { Label } from '../graph-schema';
import type { Logger } from '../logger';
import { canonicalUrl } from '../text/canonical-url';
import { normalizeName } from '../text/normalize';
import { SEARCH_FIELDS, searchProperties, searchProperty, type SearchLabel } from '../text/search-text';
import type { Database } from './database';
import { RenormalizeRepository, type AliasMove, type StoredAlias } from './renormalize.repository';

/**
 * Bump when normalizeName, SEARCH_FIELDS or canonicalUrl change what they produce: the migration's checksum is
 * derived from it, so `migrate` runs it again on every database.
 */
export const NORMALIZATION_VERSION = 'issue-12.1';

const PAGE = 2_000;

/** Alias keys that now coincide: the alias keys merged and the entities that share the key since. */
export interface AliasCollision {
  key: string;
  aliases: string[];
  entities: string[];
}

/** What one run changed; all zero (and no collisions) on a second run. */
export interface RenormalizeReport {
  aliasesRekeyed: number;
  aliasesMerged: number;
  aliasesRemoved: string[];
  aliasSearchTexts: number;
  collisions: AliasCollision[];
  searchTexts: Record<string, number>;
  canonicalUrls: number;
  sharedCanonicalUrls: { canonicalUrl: string; articles: string[] }[];
}

/** The key an alias should have now: its text normalized (code aliases have no text: their key is the code). */
function wantedKey(alias: StoredAlias): string {
  return normalizeName(alias.text ?? alias.key);
}

/**
 * Recomputes what normalization and URL canonicalization derive from stored text, idempotently:
 * - alias keys: an alias whose key is not normalizeName(text) moves to that key; when several aliases (or an
 *   existing one) meet on one key they become one node carrying every link, and the meeting is reported as a
 *   collision (logged as a warning when the key now names more than one entity: names that resolved to one entity
 *   each become ambiguous and need a curator); an alias with nothing left to match (a zero-width space) is removed;
 * - the `search_*` shadows of every full-text-indexed field (search-text.ts);
 * - `canonicalUrl` of every article with a URL; canonical URLs shared by several stored articles are reported.
 * Reads page by key, writes only what differs, so a second run writes nothing.
 */
export async function renormalize(db: Database, log: Logger): Promise<RenormalizeReport> {
  const repository = new RenormalizeRepository(db);
  const report: RenormalizeReport = {
    aliasesRekeyed: 0,
    aliasesMerged: 0,
    aliasesRemoved: [],
    aliasSearchTexts: 0,
    collisions: [],
    searchTexts: {},
    canonicalUrls: 0,
    sharedCanonicalUrls: [],
  };
  await renormalizeAliases(repository, log, report);
  for (const label of Object.keys(SEARCH_FIELDS) as SearchLabel[]) {
    if (label === 'Alias') continue;
    report.searchTexts[label] = await backfillSearchText(repository, label);
  }
  report.canonicalUrls = await backfillCanonicalUrls(repository);
  report.sharedCanonicalUrls = await repository.sharedCanonicalUrls();
  for (const shared of report.sharedCanonicalUrls) {
    log.warn(shared, 'Articles stored under URLs with one canonical form; merge them by hand if they are one page');
  }
  log.info(
    {
      aliasesRekeyed: report.aliasesRekeyed,
      aliasesMerged: report.aliasesMerged,
      aliasesRemoved: report.aliasesRemoved.length,
      collisions: report.collisions.length,
      searchTexts: report.searchTexts,
      canonicalUrls: report.canonicalUrls,
    },
    'Renormalized stored names and search text',
  );
  return report;
}

async function renormalizeAliases(
  repository: RenormalizeRepository,
  log: Logger,
  report: RenormalizeReport,
): Promise<void> {
  // Read everything first: moving keys while paging by key would skip or revisit aliases. Only changes are kept.
  const stored = new Set<string>();
  const moving = new Map<string, StoredAlias[]>();
  const blank: StoredAlias[] = [];
  let shadows: { key: string; searchText: string | null }[] = [];
  for (let after: string | null = null; ;) {
    const page = await repository.aliasPage(after, PAGE);
    if (page.length === 0) break;
    for (const alias of page) {
      stored.add(alias.key);
      const key = wantedKey(alias);
      if (!/[\p{L}\p{N}]/u.test(key)) blank.push(alias);
      else if (key !== alias.key) moving.set(key, [...(moving.get(key) ?? []), alias]);
      else {
        const searchText = alias.text === null ? null : key;
        if (searchText !== alias.searchText) shadows.push({ key: alias.key, searchText });
      }
    }
    after = page[page.length - 1]!.key;
    if (shadows.length >= PAGE) {
      await repository.setAliasSearchText(shadows);
      report.aliasSearchTexts += shadows.length;
      shadows = [];
    }
  }
  if (shadows.length > 0) await repository.setAliasSearchText(shadows);
  report.aliasSearchTexts += shadows.length;

  const moves: AliasMove[] = [...moving].map(([into, aliases]) => {
    const text = aliases.find((a) => a.text !== null)?.text ?? null;
    return { into, text, searchText: text === null ? null : into, from: aliases.map((a) => a.key) };
  });
  const now = new Date().toISOString();
  for (let i = 0; i < moves.length; i += PAGE) {
    const batch = moves.slice(i, i + PAGE);
    const results = new Map((await repository.moveAliases(batch, now)).map((row) => [row.into, row.entities]));
    for (const move of batch) {
      const merged = move.from.length + (stored.has(move.into) ? 1 : 0);
      report.aliasesRekeyed += move.from.length;
      if (merged < 2) continue;
      report.aliasesMerged += merged - 1;
      const collision = {
        key: move.into,
        aliases: stored.has(move.into) ? [move.into, ...move.from] : move.from,
        entities: [...new Set(results.get(move.into) ?? [])].sort(),
      };
      report.collisions.push(collision);
      if (collision.entities.length > 1) log.warn(collision, 'Alias keys collide: the name now names several entities');
      else log.info(collision, 'Alias keys collide: merged into one alias of the same entity');
    }
  }
  if (blank.length > 0) {
    await repository.deleteAliases(blank.map((a) => a.key));
    report.aliasesRemoved = blank.map((a) => a.key);
    for (const alias of blank) {
      log.warn({ key: alias.key, entities: alias.entities }, 'Removed an alias with no letter or digit to match');
    }
  }
}

function differs(stored: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([k, v]) => (stored[k] ?? null) !== v);
}

async function backfillSearchText(repository: RenormalizeRepository, label: SearchLabel): Promise<number> {
  const fields = SEARCH_FIELDS[label];
  const properties = [...fields, ...fields.map(searchProperty)];
  let changed = 0;
  for (let after: string | null = null; ;) {
    const page = await repository.nodePage(Label[label], properties, after, PAGE);
    if (page.length === 0) return changed;
    const rows = page.flatMap((node) => {
      const source = Object.fromEntries(fields.map((f) => [f, node.props[f] ?? null]));
      const wanted = searchProperties(label, source);
      return differs(node.props, wanted) ? [{ id: node.id, props: wanted }] : [];
    });
    if (rows.length > 0) await repository.setProperties(Label[label], rows);
    changed += rows.length;
    after = page[page.length - 1]!.id;
  }
}

async function backfillCanonicalUrls(repository: RenormalizeRepository): Promise<number> {
  let changed = 0;
  for (let after: string | null = null; ;) {
    const page = await repository.nodePage(Label.Article, ['url', 'canonicalUrl'], after, PAGE);
    if (page.length === 0) return changed;
    const rows = page.flatMap((node) => {
      const url = node.props.url;
      const wanted = { canonicalUrl: typeof url === 'string' ? canonicalUrl(url) : null };
      return differs(node.props, wanted) ? [{ id: node.id, props: wanted }] : [];
    });
    if (rows.length > 0) await repository.setProperties(Label.Article, rows);
    changed += rows.length;
    after = page[page.length - 1]!.id;
  }
}

/** The checksum `migrate` records for this migration. */
export function renormalizeChecksum(): string {
  return createHash('sha256').update(`007-renormalize:${NORMALIZATION_VERSION}`).digest('hex');
}
