import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AliasIndex, type EntityRow, type RoleRow } from '../src/extract/alias-index';
import { extractWithIndex } from '../src/extract/extract.service';
import { lexicon } from '../src/extract/lexicon/lexicon';
import { SynthGenerator } from '../src/synth/generator';
import { normalizeName } from '../src/shared/text/normalize';
import type { ActorKind } from '../src/shared/graphql/enums';

/**
 * `npm run bench:extract`: the extractor's speed and the alias index's memory, printed as figures (no assertion).
 * - Memory: the alias index built from the synthetic graph's actors (src/synth, seed 1) with their aliases and
 *   roles, at 10k actors and at 100k (the synthetic world copied with distinct names, ten times over), measured as
 *   the heap growth after a forced GC (run with --expose-gc). No database: the index is what stays in memory.
 * - Speed: extracting a page of at least 400 words (the seed page and a development-set page) with the 100k index
 *   loaded, on one core (this process is single-threaded): warm-up, then N runs, p50 / p95 / mean in ms.
 */
const root = path.resolve(__dirname, '..', '..');

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function syntheticRows(copies: number): { entities: EntityRow[]; roles: RoleRow[] } {
  const world = new SynthGenerator({ statements: 400_000, seed: 1 }).world;
  const aliasesOf = new Map<string, { text: string }[]>();
  for (const a of world.hasAlias) if (a.label === 'Actor') aliasesOf.set(a.id, [...(aliasesOf.get(a.id) ?? []), a]);
  const entities: EntityRow[] = [];
  const roles: RoleRow[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy === 0 ? '' : ` ${copy}`;
    for (const actor of world.actors) {
      entities.push({
        type: 'Actor',
        key: `${actor.id}${suffix ? `-${copy}` : ''}`,
        nameEn: `${actor.names.name_en ?? actor.id}${suffix}`,
        nameAr: actor.names.name_ar ? `${actor.names.name_ar}${suffix}` : null,
        kind: actor.kind as ActorKind,
        country: actor.country,
        aliasKeys: (aliasesOf.get(actor.id) ?? []).map((a) => normalizeName(`${a.text}${suffix}`)),
      });
    }
    for (const role of world.roles) {
      roles.push({
        holderKey: `${role.actor}${suffix ? `-${copy}` : ''}`,
        titles: [role.title_en, role.title_ar],
        country: role.country,
        organization: role.organization ? `${role.organization}${suffix ? `-${copy}` : ''}` : null,
        since: role.since,
        until: role.until,
      });
    }
  }
  return { entities, roles };
}

function build(copies: number): { index: AliasIndex; mb: number; ms: number; aliases: number } {
  const { entities, roles } = syntheticRows(copies);
  const aliases = entities.reduce((n, e) => n + e.aliasKeys.length, 0);
  const before = heapMb();
  const started = performance.now();
  const index = new AliasIndex(entities, roles, lexicon(), {
    aliases,
    aliasLinks: aliases,
    actors: entities.length,
    roles: roles.length,
    roleLinks: roles.length,
  });
  const ms = performance.now() - started;
  // The rows are garbage once the index is built: what remains is the index.
  entities.length = 0;
  roles.length = 0;
  const mb = heapMb() - before;
  return { index, mb, ms, aliases };
}

function main(): void {
  if (!(globalThis as { gc?: unknown }).gc)
    process.stderr.write('note: run with node --expose-gc for exact memory figures\n');
  lexicon();
  const small = build(1);
  const actors10k = small.index.entityCount;
  process.stdout.write(
    `alias index, ${actors10k} actors (${small.aliases} aliases, ${small.index.aliasKeyCount} keys, ${small.index.roleCount} roles): ${small.mb.toFixed(1)} MB heap, built in ${small.ms.toFixed(0)} ms\n`,
  );
  const copies = Math.ceil(100_000 / actors10k);
  const big = build(copies);
  process.stdout.write(
    `alias index, ${big.index.entityCount} actors (${big.aliases} aliases, ${big.index.aliasKeyCount} keys, ${big.index.roleCount} roles): ${big.mb.toFixed(1)} MB heap, built in ${big.ms.toFixed(0)} ms\n`,
  );

  const seed = readFileSync(path.join(root, 'seed', 'source', '000_d5e7333eea537f51.txt'), 'utf8');
  const extra = readFileSync(path.join(root, 'eval', 'extract', 'pages', '01-ar-lavrov-fidan-ankara.txt'), 'utf8');
  const page = `${seed}\n${extra}`;
  const words = page.split(/\s+/).filter(Boolean).length;
  const runs = 200;
  for (let i = 0; i < 20; i++) extractWithIndex({ text: page }, big.index);
  const wall: number[] = [];
  const cpu: number[] = [];
  let statements = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result = extractWithIndex({ text: page }, big.index);
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    statements = result.articles.reduce((n, a) => n + a.statements.length, 0);
  }
  const line = (label: string, xs: number[]) => {
    xs.sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return `${label} p50 ${xs[Math.floor(runs * 0.5)]!.toFixed(2)} ms, p95 ${xs[Math.floor(runs * 0.95)]!.toFixed(2)} ms, mean ${mean.toFixed(2)} ms`;
  };
  process.stdout.write(
    `extract a ${words}-word page (${page.length} chars, ${statements} statements) with the ${big.index.entityCount}-actor index, ${runs} runs on one core:\n` +
      `  ${line('CPU time', cpu)}\n  ${line('wall time', wall)} (wall time includes waiting for a shared CPU)\n`,
  );
}

main();
