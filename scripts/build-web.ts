import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { readmeExamples } from '../src/web/readme-examples';

/**
 * `npm run build` (after tsc): bundles the two browser front ends from web/ into dist/web with esbuild:
 * the explorer (web/src, served at /) and GraphiQL (web/graphiql, served at /graphiql and to browsers at /graphql).
 * Every script, style sheet, font and Monaco worker gets a content-hashed name under dist/web/assets (served as
 * immutable), and each is also written gzipped. The HTML pages are written last with the hashed names.
 * Fails when a built style sheet would load anything from the network (@import or url(http...)).
 */
const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'dist', 'web');
const assetsDir = path.join(outDir, 'assets');

const common = {
  bundle: true,
  minify: true,
  target: ['es2022', 'chrome111', 'firefox111', 'safari16'],
  legalComments: 'linked' as const,
  logLevel: 'warning' as const,
  metafile: true as const,
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' } as const,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  outdir: assetsDir,
};

/** The output file of each entry point, as a URL path under /assets/. */
function entryOutputs(metafile: Metafile): Map<string, { js: string; css?: string }> {
  const result = new Map<string, { js: string; css?: string }>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const url = `/assets/${path.basename(file)}`;
    result.set(output.entryPoint, {
      js: url,
      css: output.cssBundle ? `/assets/${path.basename(output.cssBundle)}` : undefined,
    });
  }
  return result;
}

function output(metafile: Metafile, entry: string): { js: string; css?: string } {
  const found = entryOutputs(metafile).get(entry);
  if (!found) throw new Error(`esbuild wrote no output for ${entry}`);
  return found;
}

function page(title: string, bodyId: string, files: { js: string; css?: string }, extraHead = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${files.css ? `<link rel="stylesheet" href="${files.css}">` : ''}
${extraHead}
<script type="module" src="${files.js}"></script>
</head>
<body>
<div id="${bodyId}"></div>
</body>
</html>
`;
}

function checkOffline(): void {
  for (const name of readdirSync(assetsDir)) {
    if (!name.endsWith('.css')) continue;
    const css = readFileSync(path.join(assetsDir, name), 'utf8');
    const remote = /@import|url\(\s*['"]?(https?:)?\/\//i.exec(css);
    if (remote) throw new Error(`${name} would load from the network: ${css.slice(remote.index, remote.index + 80)}`);
  }
}

function gzipAssets(): void {
  for (const name of readdirSync(assetsDir)) {
    if (!/\.(js|css|map|ttf|svg|txt)$/.test(name)) continue;
    const file = path.join(assetsDir, name);
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assetsDir, { recursive: true });

  // Monaco's workers first: the GraphiQL bundle is given their hashed URLs.
  const workerEntries = {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  };
  const workers = await build({ ...common, entryPoints: workerEntries, format: 'iife' });
  const workerUrl = (entry: string) => output(workers.metafile, `node_modules/${entry}`).js;
  const workerUrls = {
    editor: workerUrl(workerEntries['editor.worker']),
    json: workerUrl(workerEntries['json.worker']),
    graphql: workerUrl(workerEntries['graphql.worker']),
  };

  const apps = await build({
    ...common,
    entryPoints: { app: 'web/src/main.tsx', graphiql: 'web/graphiql/main.tsx' },
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    define: { ...common.define, DIPLOGRAPH_WORKERS: JSON.stringify(workerUrls) },
  });

  const examples = readmeExamples(readFileSync(path.join(root, 'README.md'), 'utf8'));
  // JSON inside a script element: "<" escaped so that no text can close the element.
  const examplesJson = JSON.stringify(examples).replace(/</g, '\\u003c');
  writeFileSync(
    path.join(outDir, 'graphiql.html'),
    page(
      'Diplograph GraphiQL',
      'graphiql',
      output(apps.metafile, 'web/graphiql/main.tsx'),
      `<script type="application/json" id="diplograph-examples">${examplesJson}</script>`,
    ),
  );
  writeFileSync(path.join(outDir, 'index.html'), page('Diplograph', 'app', output(apps.metafile, 'web/src/main.tsx')));
  checkOffline();
  gzipAssets();

  const sizes = Object.entries({ ...workers.metafile.outputs, ...apps.metafile.outputs })
    .filter(([file]) => file.endsWith('.js') || file.endsWith('.css'))
    .reduce((sum, [, out]) => sum + out.bytes, 0);
  const digest = createHash('sha256')
    .update(readFileSync(path.join(outDir, 'index.html')))
    .digest('hex')
    .slice(0, 8);
  process.stdout.write(
    `web: dist/web built in ${Date.now() - started} ms (${(sizes / 1024 / 1024).toFixed(1)} MB of js and css, index ${digest})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
