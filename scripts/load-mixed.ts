import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../test/helpers/free-port';
import { streamArticle } from '../test/helpers/fault-articles';

/**
 * `npm run bench:load`: a mixed read and write workload held at a fixed concurrency for a fixed time against a
 * Diplograph started for the run (its own embedded Neo4j in a temporary folder, seeded; or NEO4J_URI when set), on
 * localhost. Prints requests, errors by code, latency percentiles per kind, and the server's RSS and heap across
 * the run (scraped from its own /metrics). A benchmark, not a test: it asserts nothing and exits 0 unless the
 * server could not start. Options: --concurrency N (default 32), --seconds N (default 60, at most 600),
 * --write-share F (default 0.2).
 */

const SEED_IDS = {
  ukraine: 'Q291bnRyeTpVQQ',
  azerbaijan: 'Q291bnRyeTpBWg',
  russia: 'Q291bnRyeTpSVQ',
  peskov: 'QWN0b3I6ZG1pdHJ5LXBlc2tvdg',
  putin: 'QWN0b3I6dmxhZGltaXItcHV0aW4',
};

/** The reads of an analyst session, each a realistic query of the README's examples. */
const READS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'statementsPage',
    query: `query StatementsPage($speaker: ID) { statements(filter: { speaker: $speaker }, first: 10) { totalCount
      edges { node { text form event { cameo goldstein } speaker { name } about { __typename ... on Entity { name } }
      reports { span { start end } article { title publishedOn outlet { name } } via { name } } } } } }`,
    variables: { speaker: SEED_IDS.peskov },
  },
  {
    name: 'whoSaidWhatAbout',
    query: `query WhoSaid($about: ID!) { whoSaidWhatAbout(about: $about, includeRelated: true, first: 10) { totalCount
      edges { node { date verb translation speaker { name } onBehalfOf { name } } } } }`,
    variables: { about: SEED_IDS.azerbaijan },
  },
  {
    name: 'search',
    query: `query Search($text: String!) { search(text: $text, first: 10) { totalCount edges { score node { __typename id } } } }`,
    variables: { text: 'أوكرانيا' },
  },
  {
    name: 'timeline',
    query: `query Timeline($id: ID!) { timeline(id: $id) { totalCount items { date kind statement { translation } } } }`,
    variables: { id: SEED_IDS.putin },
  },
  {
    name: 'relations',
    query: `query Relations($a: ID!, $b: ID!) { relations(a: $a, b: $b, interval: MONTH) { buckets { start
      aToB { count meanGoldstein } bToA { count } } } }`,
    variables: { a: SEED_IDS.russia, b: SEED_IDS.azerbaijan },
  },
  {
    name: 'countries',
    query: `query Countries { countries(first: 20) { totalCount edges { node { code name aliases { text } } } } }`,
  },
  {
    name: 'neighborhood',
    query: `query Hood($id: ID!) { neighborhood(id: $id, depth: 1) { truncated nodes { id type name } edges { source target type } } }`,
    variables: { id: SEED_IDS.peskov },
  },
];

const INGEST = `mutation Ingest($input: ArticleInput!) { ingestArticle(input: $input) {
  article { id } created { articles statements } matched { articles } } }`;

/** Error codes the README documents as limits a well-behaved client can meet; anything else counts as an error. */
const DOCUMENTED_LIMITS = new Set(['QUERY_TOO_COMPLEX']);

function option(name: string, fallback: number, max: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new Error(`--${name} must be a number in (0, ${max}]`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

async function waitReady(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error('the server exited before it was ready');
    const ok = await fetch(`${url}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server was not ready in time');
}

async function memory(url: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) =>
    Number(/^(\S+) (\S+)$/m.exec(text.split('\n').find((l) => l.startsWith(`${name} `)) ?? '')?.[2] ?? NaN);
  return { rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes') };
}

async function main(): Promise<void> {
  const concurrency = option('concurrency', 32, 1024);
  const seconds = option('seconds', 60, 600);
  const writeShare = option('write-share', 0.2, 1);
  const key = randomBytes(24).toString('base64url');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = process.env.NEO4J_URI ? null : mkdtempSync(path.join(tmpdir(), 'diplograph-load-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_ON_EMPTY: 'true',
    API_KEYS: `editor:${createHash('sha256').update(key).digest('hex')}`,
    ...(dataDir ? { EMBEDDED_NEO4J_DATA: dataDir, EMBEDDED_NEO4J_PORT: String(await freePort()) } : {}),
  };
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], { env, stdio: 'inherit' });
  try {
    process.stdout.write(
      `Starting Diplograph on ${url} (${dataDir ? 'its own embedded Neo4j' : process.env.NEO4J_URI})\n`,
    );
    await waitReady(url, child, 300_000);
    const tag = `load${Date.now().toString(36)}`;
    let nextArticle = 0;
    const latencies: Record<string, number[]> = { read: [], write: [] };
    const errors = new Map<string, number>();
    const limits = new Map<string, number>();
    let requests = 0;
    const samples: { at: number; rss: number; heap: number }[] = [];
    const started = Date.now();
    const endAt = started + seconds * 1000;
    samples.push({ at: 0, ...(await memory(url)) });
    const sampler = setInterval(() => {
      void memory(url).then(
        (m) => samples.push({ at: (Date.now() - started) / 1000, ...m }),
        () => undefined,
      );
    }, 5_000);

    const worker = async (): Promise<void> => {
      while (Date.now() < endAt) {
        const write = Math.random() < writeShare;
        // A third of the writes replay an article already sent: an idempotent ingest that must create nothing.
        const replay = write && nextArticle > 0 && Math.random() < 1 / 3;
        const body = write
          ? {
              query: INGEST,
              variables: {
                input: streamArticle(tag, replay ? Math.floor(Math.random() * nextArticle) : nextArticle++),
              },
            }
          : READS[Math.floor(Math.random() * READS.length)]!;
        const t0 = performance.now();
        let code: string | null = null;
        try {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(write ? { authorization: `Bearer ${key}` } : {}) },
            body: JSON.stringify(body),
          });
          const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          if (json.errors?.length) code = json.errors[0]!.extensions?.code ?? 'NO_CODE';
          else if (response.status !== 200) code = `HTTP_${response.status}`;
        } catch (error) {
          code = `CLIENT_${(error as Error).name}`;
        }
        latencies[write ? 'write' : 'read']!.push(performance.now() - t0);
        requests += 1;
        if (code)
          (DOCUMENTED_LIMITS.has(code) ? limits : errors).set(
            code,
            ((DOCUMENTED_LIMITS.has(code) ? limits : errors).get(code) ?? 0) + 1,
          );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;
    samples.push({ at: elapsed, ...(await memory(url)) });

    const lines = [
      `Mixed load: concurrency ${concurrency}, ${elapsed.toFixed(1)} s, ${Math.round(writeShare * 100)}% writes (a third of them replays)`,
      `requests ${requests} (${(requests / elapsed).toFixed(1)}/s), errors ${[...errors.values()].reduce((a, b) => a + b, 0)}` +
        `${errors.size ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ''}, documented limits ${JSON.stringify(Object.fromEntries(limits))}`,
    ];
    const all = [...latencies.read!, ...latencies.write!].sort((a, b) => a - b);
    for (const [kind, values] of [...Object.entries(latencies), ['all', all] as const]) {
      const sorted = [...values].sort((a, b) => a - b);
      lines.push(
        `${kind.padEnd(5)} n=${String(sorted.length).padStart(6)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  ` +
          `p95 ${percentile(sorted, 95).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
      );
    }
    lines.push(
      `server memory (t s: RSS / heap used): ${samples.map((s) => `${s.at.toFixed(0)}: ${mb(s.rss)} / ${mb(s.heap)}`).join(', ')}`,
    );
    const rss = samples.map((s) => s.rss);
    lines.push(
      `RSS min ${mb(Math.min(...rss))}, max ${mb(Math.max(...rss))}, first ${mb(rss[0]!)}, last ${mb(rss.at(-1)!)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
