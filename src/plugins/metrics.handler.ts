import type { IncomingMessage, ServerResponse } from 'node:http';
import { enableDefaultMetrics, registry } from '../shared/observability/metrics';

/**
 * GET /metrics in the Prometheus text format (what prom-client's registry holds: GraphQL operations, database
 * queries, DataLoader batches, ingests, subscriptions, and Node's event-loop lag, heap and memory). A plain node:http
 * handler: resolves true when it answered the request. With `enabled` false it answers nothing (404 falls through).
 */
export function createMetricsHandler(enabled: boolean) {
  if (enabled) enableDefaultMetrics();
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (!enabled || path !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return true;
    }
    const body = await registry.metrics();
    res.writeHead(200, {
      'content-type': registry.contentType,
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
