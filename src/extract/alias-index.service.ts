import type { Driver } from 'neo4j-driver';
import type { Database } from '../shared/neo4j/database';
import { AliasIndex, type IndexVersion } from './alias-index';
import { AliasIndexRepository } from './alias-index.repository';
import { lexicon } from './lexicon/lexicon';

interface Cached {
  index: AliasIndex | null;
  loading: Promise<AliasIndex> | null;
  /** When the version was last compared (ms since epoch). */
  checkedAt: number;
}

/** Per driver (one per process, one per test database): the loaded index. */
const cache = new WeakMap<Driver, Cached>();

/**
 * How long a loaded index is trusted without asking the database whether aliases changed (ms). Short: a version
 * check is one O(1) round trip, and this only spares bursts of requests from repeating it.
 */
const CHECK_INTERVAL_MS = 1_000;

function sameVersion(a: IndexVersion, b: IndexVersion): boolean {
  return (
    a.aliases === b.aliases &&
    a.aliasLinks === b.aliasLinks &&
    a.actors === b.actors &&
    a.roles === b.roles &&
    a.roleLinks === b.roleLinks
  );
}

async function load(db: Database, version: IndexVersion): Promise<AliasIndex> {
  const repository = new AliasIndexRepository(db);
  const [entities, roles] = await Promise.all([repository.entities(), repository.roles()]);
  return new AliasIndex(entities, roles, lexicon(), version);
}

/**
 * The graph's alias index for the extractor, loaded ONCE per process and database into memory and reloaded when
 * aliases, actors or roles change: at most once a second, the alias, actor and role counts (count store, O(1)) are
 * compared with those the index was built from; `invalidate` forces the next call to reload (after a write).
 * Concurrent callers share one load.
 */
export async function aliasIndexFor(db: Database): Promise<AliasIndex> {
  let entry = cache.get(db.driver);
  if (!entry) {
    entry = { index: null, loading: null, checkedAt: 0 };
    cache.set(db.driver, entry);
  }
  if (entry.loading) return entry.loading;
  const now = Date.now();
  if (entry.index && now - entry.checkedAt < CHECK_INTERVAL_MS) return entry.index;
  const state = entry;
  state.loading = (async () => {
    const version = await new AliasIndexRepository(db).version();
    state.checkedAt = Date.now();
    if (state.index && sameVersion(state.index.version, version)) return state.index;
    state.index = await load(db, version);
    return state.index;
  })();
  try {
    return await state.loading;
  } finally {
    state.loading = null;
  }
}

/** Forgets the loaded index's freshness: the next aliasIndexFor compares versions again. */
export function invalidateAliasIndex(db: Database): void {
  const entry = cache.get(db.driver);
  if (entry) entry.checkedAt = 0;
}
