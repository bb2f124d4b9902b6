import DataLoader from 'dataloader';
import type { GraphQLContext } from './context';
import { recordBatch } from './observability/metrics';
import { inSpan, SpanKind, tracingEnabled } from './observability/tracing';

/**
 * A per-request DataLoader whose batches are measured: each batch's size goes to the
 * `diplograph_dataloader_batch_size` histogram and, with tracing on, runs in a span `dataloader <name>` under the
 * operation's span, so the Cypher spans of the batch's query hang under it.
 * @param name the loader's label, `<domain>.<loader>` such as `actor.byKey` (a fixed string, never data).
 */
export function batchLoader<K, V, C = K>(
  ctx: GraphQLContext,
  name: string,
  load: DataLoader.BatchLoadFn<K, V>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  const measured: DataLoader.BatchLoadFn<K, V> = (keys) => {
    recordBatch(name, keys.length);
    if (!tracingEnabled()) return load(keys);
    return inSpan(
      `dataloader ${name}`,
      ctx.db.traceParent,
      SpanKind.INTERNAL,
      { 'dataloader.name': name, 'dataloader.batch_size': keys.length },
      async () => load(keys),
    );
  };
  return new DataLoader<K, V, C>(measured, options);
}
