import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { Label } from '../graph-schema';
import type { Logger } from '../logger';
import type { Database } from './database';
import { renormalize, renormalizeChecksum } from './renormalize.migration';
import {
  BACKFILL_TEXT,
  backfillStatsCells,
  backfillSubjectMonths,
  backfillTimelineMonths,
  STATS_CELLS_BACKFILL_TEXT,
  TIMELINE_BACKFILL_TEXT,
} from './subject-months.repository';

/** One schema file: its id (the file name), checksum and statements. */
export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

/**
 * A data migration in code, for what Cypher cannot compute (normalization in JavaScript). Runs in id order among
 * the schema files, again whenever its checksum changes; it must be idempotent.
 */
export interface CodeMigration {
  id: string;
  checksum: string;
  run(db: Database, log: Logger): Promise<unknown>;
}

/** The code migrations, by id. */
export function codeMigrations(): CodeMigration[] {
  return [
    { id: '007-renormalize', checksum: renormalizeChecksum(), run: renormalize },
    // After 009-subject-months.cypher (its indexes): fills the index on a database written before it existed.
    {
      id: '010-subject-months-backfill',
      checksum: createHash('sha256').update(BACKFILL_TEXT).digest('hex'),
      run: backfillSubjectMonths,
    },
    // After 014-timeline-months.cypher (its indexes): fills the timeline months of a database written before them.
    {
      id: '015-timeline-months-backfill',
      checksum: createHash('sha256').update(TIMELINE_BACKFILL_TEXT).digest('hex'),
      run: backfillTimelineMonths,
    },
    // After 016-stats-cells.cypher (its constraint and index): files every statement of an older database in its cells.
    {
      id: '017-stats-cells-backfill',
      checksum: createHash('sha256').update(STATS_CELLS_BACKFILL_TEXT).digest('hex'),
      run: backfillStatsCells,
    },
  ];
}

/** Splits a Cypher file into statements: `//` comment lines dropped, statements ended by `;` at a line end. */
export function splitStatements(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Reads `schema/*.cypher` in name order. */
export function loadMigrations(schemaDir: string): Migration[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(schemaDir, file), 'utf8');
      return {
        id: file,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

// Another process applying the same IF NOT EXISTS statement at the same moment is not an error.
const BENIGN_CODES = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

/** The ids of the migrations recorded with their current checksum. */
export async function appliedMigrations(db: Database): Promise<Map<string, string>> {
  const rows = await db.read<{ id: string; checksum: string }>(
    `MATCH (m:${Label.SchemaMigration}) RETURN m.id AS id, m.checksum AS checksum`,
  );
  return new Map(rows.map((row) => [row.id, row.checksum]));
}

/**
 * Applies every schema file not yet recorded (or changed since), records it, and waits for indexes to come
 * online. Safe to run any number of times and from several processes at once.
 * @returns the ids of the files applied by this call.
 */
export async function migrate(db: Database, schemaDir: string, log: Logger): Promise<string[]> {
  // Index builds on a big store take minutes: start-up work runs under the bulk timeout.
  db = db.bulk();
  const migrations = loadMigrations(schemaDir);
  let applied = await appliedMigrations(db);
  // The record's own constraint must exist before the first record is written. Once a record exists, so does the
  // constraint; a warm start then takes no schema lock.
  const first = migrations[0];
  if (first && applied.size === 0) {
    await runStatement(db, first.statements[0]!);
    applied = await appliedMigrations(db);
  }
  const ran: string[] = [];
  const all: (Migration | CodeMigration)[] = [...migrations, ...codeMigrations()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const migration of all) {
    if (applied.get(migration.id) === migration.checksum) continue;
    if ('run' in migration) {
      // Indexes created just before must be online before the backfill writes what they read.
      await awaitIndexesOnline(db, log);
      await migration.run(db, log);
    } else for (const statement of migration.statements) await runStatement(db, statement);
    await db.writeTx((tx) =>
      tx.run(
        `MERGE (m:${Label.SchemaMigration} {id: $id})
         SET m.checksum = $checksum, m.appliedAt = datetime(), m.statements = $count`,
        { id: migration.id, checksum: migration.checksum, count: 'run' in migration ? 0 : migration.statements.length },
      ),
    );
    ran.push(migration.id);
    log.info({ migration: migration.id }, 'Applied schema migration');
  }
  await awaitIndexesOnline(db, log);
  return ran;
}

/** How often the population of new indexes is polled, in ms. */
const INDEX_POLL_MS = 1_000;

/**
 * Waits until every index is ONLINE, however long its population takes: an index created again over a large store
 * (011 repopulates the full-text indexes: minutes at 1M statements) would outlast a fixed `db.awaitIndexes` bound.
 * Logs the progress every 30 s.
 * @throws Error naming the index when one FAILED.
 */
export async function awaitIndexesOnline(db: Database, log: Logger): Promise<void> {
  let lastLog = Date.now();
  for (;;) {
    const pending = await db.read<{ name: string; state: string; percent: number }>(
      `SHOW INDEXES YIELD name, state, populationPercent
       WHERE state <> 'ONLINE'
       RETURN name, state, populationPercent AS percent`,
    );
    const failed = pending.find((index) => index.state === 'FAILED');
    if (failed) throw new Error(`Index ${failed.name} failed to populate; drop it and restart to build it again`);
    if (pending.length === 0) return;
    if (Date.now() - lastLog >= 30_000) {
      lastLog = Date.now();
      log.info(
        { indexes: pending.map((index) => `${index.name} ${Math.round(index.percent)}%`) },
        'Populating indexes',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, INDEX_POLL_MS));
  }
}

/** True when every schema file is recorded with its current checksum. */
export async function migrationsComplete(db: Database, schemaDir: string): Promise<boolean> {
  const applied = await appliedMigrations(db);
  return [...loadMigrations(schemaDir), ...codeMigrations()].every((m) => applied.get(m.id) === m.checksum);
}

async function runStatement(db: Database, statement: string): Promise<void> {
  try {
    await db.autoCommit(statement);
  } catch (error) {
    if (error instanceof Neo4jError && BENIGN_CODES.has(error.code)) return;
    throw error;
  }
}
