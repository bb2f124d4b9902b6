import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ingestArticle } from '../ingest/ingest.service';
import { roleKey } from '../ingest/ingest-keys';
import { auditTag, zeroCounts, type IngestCountsData, type IngestOutcome } from '../ingest/ingest.model';
import type { WriteStamp } from '../ingest/ingest.repository';
import type { Caller } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import { nameProperties, type Names } from '../shared/graphql/names';
import { createLogger, type Logger } from '../shared/logger';
import type { Database } from '../shared/neo4j/database';
import { SubjectMonthsRepository } from '../shared/neo4j/subject-months.repository';
import { normalizeName } from '../shared/text/normalize';
import { withSearchProperties } from '../shared/text/search-text';
import { readBundleFile, SeedFileError } from './seed-file';
import type { ActorDefinition, Bundle, TopicDefinition } from './seed-file.schema';
import { SeedRepository, type AliasRow, type RoleRow } from './seed.repository';

/** The seed annotation, relative to the project root. */
export const SEED_FILE = path.join('seed', 'al-ittihad-2025-05.json');

/** The command-line scripts write as this caller. */
export const CLI_CALLER: Caller = { role: 'admin', fingerprint: 'cli' };

/** Start-up seeding writes as this caller. */
export const SEED_CALLER: Caller = { role: 'admin', fingerprint: 'seed' };

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** What loading a bundle did. */
export interface BundleResult {
  file: string;
  definitions: { actors: { created: number; matched: number }; topics: { created: number; matched: number } };
  articles: IngestOutcome[];
  /** Nodes created in all, definitions included. */
  created: IngestCountsData;
}

function aliasRows(names: Names, aliases: { text: string; lang: string }[]): AliasRow[] {
  const rows = new Map<string, AliasRow>();
  const add = (text: string, lang: string): void => {
    const key = normalizeName(text);
    if (key && !rows.has(key)) rows.set(key, { key, text, lang });
  };
  for (const [lang, text] of Object.entries(names)) add(text, lang);
  for (const alias of aliases) add(alias.text, alias.lang);
  return [...rows.values()];
}

function titleProperties(title: Names): Record<string, string> {
  return Object.fromEntries(Object.entries(nameProperties(title)).map(([k, v]) => [`title_${k.slice(5)}`, v]));
}

/** Resolves each role organization (an actor key of the bundle, else a stored actor's key or name) to a key. */
async function organizationKeys(
  repository: SeedRepository,
  file: string,
  actors: ActorDefinition[],
): Promise<Map<string, string>> {
  const bundleKeys = new Set(actors.map((actor) => actor.key));
  const wanted = new Set<string>();
  for (const actor of actors) {
    for (const role of actor.roles)
      if (role.organization && !bundleKeys.has(role.organization)) wanted.add(role.organization);
  }
  const keys = new Map<string, string>([...bundleKeys].map((key) => [key, key]));
  if (wanted.size === 0) return keys;
  const rows = await repository.actorsNamed([...wanted].map((text) => ({ text, aliasKey: normalizeName(text) })));
  const problems: { path: string; message: string }[] = [];
  for (const row of rows) {
    if (row.actors.length === 1) keys.set(row.text, row.actors[0]!);
  }
  actors.forEach((actor, i) =>
    actor.roles.forEach((role, j) => {
      if (role.organization && !keys.has(role.organization)) {
        const found = rows.find((row) => row.text === role.organization)?.actors ?? [];
        problems.push({
          path: `actors[${i}].roles[${j}].organization`,
          message: found.length
            ? `"${role.organization}" names several actors (${found.join(', ')}); use a key`
            : `no actor has the key or name "${role.organization}"`,
        });
      }
    }),
  );
  if (problems.length > 0) throw new SeedFileError(file, problems);
  return keys;
}

async function loadDefinitions(
  db: Database,
  file: string,
  actors: ActorDefinition[],
  topics: TopicDefinition[],
  caller: Caller,
): Promise<BundleResult['definitions']> {
  const result = { actors: { created: 0, matched: 0 }, topics: { created: 0, matched: 0 } };
  if (actors.length === 0 && topics.length === 0) return result;
  const now = new Date().toISOString();
  return db.writeTx(async (tx) => {
    const stamp: WriteStamp = { now, by: auditTag(caller), token: randomUUID() };
    const repository = new SeedRepository(tx);
    const counts = { actors: { created: 0, matched: 0 }, topics: { created: 0, matched: 0 } };
    if (actors.length > 0) {
      const orgKeys = await organizationKeys(repository, file, actors);
      const rows = await repository.upsertActors(
        actors.map((actor) => ({
          key: actor.key,
          kind: actor.kind,
          props: { ...nameProperties(actor.names), ...(actor.wikidata ? { wikidata: actor.wikidata } : {}) },
          country: actor.country ?? null,
          aliases: aliasRows(actor.names, actor.aliases),
        })),
        stamp,
      );
      for (const row of rows) counts.actors[row.created ? 'created' : 'matched'] += 1;
      const roles: RoleRow[] = actors.flatMap((actor) =>
        actor.roles.map((role) => {
          const organizationKey = role.organization ? orgKeys.get(role.organization)! : null;
          const title = role.title.en ?? Object.values(role.title)[0]!;
          return {
            key: roleKey(actor.key, organizationKey, role.country ?? null, title, role.since),
            actorKey: actor.key,
            titles: titleProperties(role.title),
            organizationKey,
            country: role.country ?? null,
            since: role.since ?? null,
            until: role.until ?? null,
          };
        }),
      );
      if (roles.length > 0) await repository.upsertRoles(roles, stamp);
      // A role or country given to an actor already spoken about changes which subjects cover its statements.
      await new SubjectMonthsRepository(tx).refreshAroundActors(actors.map((actor) => actor.key));
    }
    if (topics.length > 0) {
      const rows = await repository.upsertTopics(
        topics.map((topic) => ({
          key: topic.key,
          props: withSearchProperties('Topic', nameProperties(topic.names)),
          aliases: aliasRows(topic.names, topic.aliases),
        })),
        stamp,
      );
      for (const row of rows) counts.topics[row.created ? 'created' : 'matched'] += 1;
    }
    return counts;
  });
}

/**
 * Loads a validated bundle: actor and topic definitions first (one transaction), then each article in its own
 * transaction through ingestArticle, the mutation's code path. Idempotent: a rerun creates nothing.
 * @throws SeedFileError naming the file and the path of what could not be resolved.
 */
export async function loadBundle(
  db: Database,
  file: string,
  bundle: Bundle,
  caller: Caller,
  log: Logger,
): Promise<BundleResult> {
  const definitions = await loadDefinitions(db, file, bundle.actors, bundle.topics, caller);
  const created = zeroCounts();
  created.actors = definitions.actors.created;
  created.topics = definitions.topics.created;
  const articles: IngestOutcome[] = [];
  for (const [i, article] of bundle.articles.entries()) {
    try {
      const outcome = await ingestArticle(db, article, caller);
      articles.push({ articleKey: outcome.articleKey, created: outcome.created, matched: outcome.matched });
      for (const kind of Object.keys(created) as (keyof IngestCountsData)[]) created[kind] += outcome.created[kind];
    } catch (error) {
      if (error instanceof BadUserInputError) {
        throw new SeedFileError(
          file,
          error.problems.map((p) => ({ path: `articles[${i}].${p.path}`, message: p.message })),
        );
      }
      throw error;
    }
  }
  log.info({ file, created, articles: articles.length }, 'Loaded bundle');
  return { file, definitions, articles, created };
}

/**
 * Reads, validates and loads a bundle file (or a file holding one ArticleInput). An invalid file writes nothing.
 * @throws SeedFileError naming the file, the JSON path and the reason.
 */
export async function loadBundleFile(db: Database, file: string, caller: Caller, log: Logger): Promise<BundleResult> {
  return loadBundle(db, file, await readBundleFile(file), caller, log);
}

/** One line per file: what it created, so a rerun visibly creates nothing. */
export function describeResult(result: BundleResult): string {
  const c = result.created;
  return (
    `${result.file}: ${result.articles.length} article(s); created ${c.articles} articles, ${c.actors} actors, ` +
    `${c.meetings} meetings, ${c.statements} statements, ${c.topics} topics`
  );
}

/** Loads the seed annotation (seed/al-ittihad-2025-05.json) idempotently. */
export async function loadSeed(
  db: Database,
  caller: Caller = CLI_CALLER,
  log: Logger = createLogger('silent'),
): Promise<BundleResult> {
  return loadBundleFile(db, path.join(PROJECT_ROOT, SEED_FILE), caller, log);
}

/** Loads the seed when the database holds no article yet; returns null when it already does. */
export async function seedIfEmpty(db: Database, projectRoot: string, log: Logger): Promise<BundleResult | null> {
  db = db.bulk();
  if (await db.readTx((tx) => new SeedRepository(tx).hasArticles())) return null;
  return loadBundleFile(db, path.join(projectRoot, SEED_FILE), SEED_CALLER, log);
}
