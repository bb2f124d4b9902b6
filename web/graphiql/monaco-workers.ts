/**
 * Monaco runs its language services in web workers. scripts/build-web.ts builds the three workers as their own
 * hashed files and defines DIPLOGRAPH_WORKERS with their URLs, so nothing is fetched from a CDN (GraphiQL's own
 * setup-workers/esm.sh would load them from esm.sh).
 */
declare const DIPLOGRAPH_WORKERS: { editor: string; json: string; graphql: string };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new Worker(DIPLOGRAPH_WORKERS.json);
    if (label === 'graphql') return new Worker(DIPLOGRAPH_WORKERS.graphql);
    return new Worker(DIPLOGRAPH_WORKERS.editor);
  },
};
