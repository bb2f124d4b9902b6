import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { TracingConfig } from '../config';

export type { Context, Span };

const TRACER_NAME = 'diplograph';

/** Whether a tracer provider of ours is installed: when not, instrumented code skips span work entirely. */
let enabled = false;

/** A started tracing pipeline; `shutdown` flushes the spans still buffered (call it before the process exits). */
export interface Tracing {
  readonly enabled: boolean;
  shutdown(): Promise<void>;
}

function sampler(config: TracingConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.samplerRatio);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

function exporterProcessors(config: TracingConfig): SpanProcessor[] {
  return config.exporters.map((name) => {
    if (name === 'console') return new BatchSpanProcessor(new ConsoleSpanExporter());
    const options = { url: config.otlpEndpoint, headers: config.otlpHeaders };
    return new BatchSpanProcessor(
      config.otlpProtocol === 'http/json' ? new OtlpJsonExporter(options) : new OtlpProtoExporter(options),
    );
  });
}

/**
 * Installs the OpenTelemetry SDK for Node as the process's tracer provider, with the exporters and sampler of
 * `config` (the standard OTEL_* variables, read in config.ts) and W3C `traceparent` propagation. With no exporter
 * configured and no `spanProcessors` given, nothing is installed and tracing costs nothing.
 * @param spanProcessors extra processors, such as the SDK's in-memory exporter in tests.
 */
export function startTracing(config: TracingConfig, spanProcessors: SpanProcessor[] = []): Tracing {
  const processors = [...exporterProcessors(config), ...spanProcessors];
  if (processors.length === 0) return { enabled: false, shutdown: async () => undefined };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: sampler(config),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  enabled = true;
  return {
    enabled: true,
    shutdown: async () => {
      enabled = false;
      await provider.shutdown();
    },
  };
}

/** Whether spans are being recorded at all. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** The remote parent carried by a request's `traceparent` / `tracestate` headers (ROOT when there is none). */
export function extractParent(headers: Record<string, string | string[] | undefined>): Context {
  return enabled ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT;
}

/** The context to parent a new span on: the active one when a span is active, else `fallback`. */
export function parentContext(fallback: Context | null): Context {
  const active = context.active();
  return trace.getSpan(active) || !fallback ? active : fallback;
}

/** Starts a span under `parent`; returns it with the context that makes it the parent of what runs inside. */
export function startSpan(
  name: string,
  parent: Context,
  kind: SpanKind,
  attributes: Attributes,
): { span: Span; context: Context } {
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { kind, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Ends `span`, marking it failed with the error's kind (not its message, which can carry data) when one is given. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    const code = (error as { extensions?: { code?: unknown }; code?: unknown }).extensions?.code;
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : undefined });
    span.setAttribute('error.type', typeof code === 'string' ? code : ((error as Error)?.name ?? 'Error'));
  }
  span.end();
}

/**
 * Runs `work` inside a new span (active for everything `work` awaits) and ends it with the outcome. With tracing off
 * it only runs `work`.
 */
export async function inSpan<R>(
  name: string,
  parent: Context | null,
  kind: SpanKind,
  attributes: Attributes,
  work: (spanContext: Context) => Promise<R>,
): Promise<R> {
  if (!enabled) return work(context.active());
  const { span, context: inner } = startSpan(name, parentContext(parent), kind, attributes);
  try {
    const result = await context.with(inner, () => work(inner));
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}

export { SpanKind };
