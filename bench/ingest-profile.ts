import 'reflect-metadata';
import neo4j, { type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { ingestArticle } from '../src/ingest/ingest.service';
import type { ArticleInputData } from '../src/ingest/ingest.model';
import { createLogger } from '../src/shared/logger';
import type { Database, Tx } from '../src/shared/neo4j/database';
import { intOption } from './args';
import { totalHits } from './profile';
import { benchArticle } from './ingest-articles';
import { loadScale } from './scale-db';
import { ingestSubjects, removeBenchArticles } from './write-bench';

/** Time and db hits of one kind of ingest query, over every article of the run. */
interface QueryCost {
  calls: number;
  ms: number;
  dbHits: number;
}

/** The query's first clause, enough to tell the ingest's queries apart. */
function labelOf(cypher: string): string {
  return cypher.replace(/\s+/g, ' ').trim().slice(0, 70);
}

/**
 * `node dist/bench/ingest-profile.js [--scale 10000] [--articles 200]`: ingests `--articles` bench articles (the
 * W1 workload's, one at a time) through the ingest service against the scale database, every query run under
 * PROFILE, and prints per query its calls, mean ms and mean db hits, then the wall time per article. The write
 * bench says how fast ingest is; this says where its database time goes. What it wrote is removed at the end.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = intOption(argv, 'scale', 10_000);
  const articles = intOption(argv, 'articles', 200);
  const plain = argv.includes('--plain');
  const warmup = intOption(argv, 'warmup', 1000);
  const concurrency = intOption(argv, 'concurrency', 1);
  const { neo4j: bench, marker } = await loadScale(scale, 1, 'merge', createLogger('warn'));
  const driver = bench.db.driver;
  const costs = new Map<string, QueryCost>();
  const phases = { inTx: 0, commit: 0 };
  let warming = false;
  const profiled = (tx: ManagedTransaction): Tx => ({
    run: async <T extends RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
      const started = performance.now();
      const result = await tx.run<T>(`${plain || warming ? '' : 'PROFILE '}${cypher}`, params);
      const cost = costs.get(labelOf(cypher)) ?? { calls: 0, ms: 0, dbHits: 0 };
      cost.calls += 1;
      cost.ms += performance.now() - started;
      cost.dbHits += totalHits(result.summary.profile);
      costs.set(labelOf(cypher), cost);
      return result.records.map((record) => record.toObject() as T);
    },
  });
  const db = {
    // The receipt look-up before each ingest (ingest-receipt.repository.ts): an auto-commit read, profiled alike.
    read: async <T extends RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        return await session.executeRead((tx) => profiled(tx).run<T>(cypher, params));
      } finally {
        await session.close();
      }
    },
    writeTx: async <R>(work: (tx: Tx) => Promise<R>): Promise<R> => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.WRITE });
      try {
        const began = performance.now();
        let worked = 0;
        const result = await session.executeWrite(async (tx) => {
          const out = await work(profiled(tx));
          worked = performance.now();
          return out;
        });
        phases.inTx += worked - began;
        phases.commit += performance.now() - worked;
        return result;
      } finally {
        await session.close();
      }
    },
  } as unknown as Database;
  try {
    const subjects = await ingestSubjects(driver, marker.topSpeaker, marker.busiestCountry);
    const run = `p${Date.now().toString(36)}`;
    const caller = { role: 'editor', fingerprint: 'bench' } as const;
    const ingestFrom = async (base: number, count: number): Promise<void> => {
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let i = next++; i < count; i = next++) {
          await ingestArticle(db, benchArticle(run, base + i, subjects).input as unknown as ArticleInputData, caller);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    };
    // JIT warm-up of the JVM's write paths (the first thousand ingests run several times slower), not measured.
    warming = true;
    await ingestFrom(articles, warmup);
    warming = false;
    costs.clear();
    phases.inTx = 0;
    phases.commit = 0;
    const started = performance.now();
    await ingestFrom(0, articles);
    const perArticle = (performance.now() - started) / articles;
    const rows = [...costs.entries()].sort((a, b) => b[1].ms - a[1].ms);
    process.stdout.write(`| query | calls | mean ms | mean db hits |\n| --- | --- | --- | --- |\n`);
    for (const [label, cost] of rows) {
      process.stdout.write(
        `| \`${label}\` | ${cost.calls} | ${(cost.ms / cost.calls).toFixed(2)} | ${Math.round(cost.dbHits / cost.calls)} |\n`,
      );
    }
    const queries = [...costs.values()].reduce((sum, cost) => sum + cost.ms, 0) / articles;
    process.stdout.write(
      `\n${articles} articles at ${scale}, concurrency ${concurrency}${plain ? '' : ' (PROFILEd)'}: ` +
        `${(1000 / perArticle).toFixed(1)} articles/s; per article ` +
        `in the transaction ${(phases.inTx / articles).toFixed(1)} ms (queries ${queries.toFixed(1)} ms), ` +
        `commit ${(phases.commit / articles).toFixed(1)} ms\n`,
    );
  } finally {
    process.stderr.write(`removed ${await removeBenchArticles(driver)} bench articles\n`);
    await bench.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
