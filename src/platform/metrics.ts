import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one running context (a registry per context, so tests can build several
 * apps in one process). Modules add their own metrics to `registry`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'waakzaam_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly postsIngested = new Counter({
    name: 'waakzaam_posts_ingested_total',
    help: 'Posts stored for the first time, by source.',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly malformedInput = new Counter({
    name: 'waakzaam_malformed_input_total',
    help: 'Input records rejected as malformed, by connector kind.',
    labelNames: ['connector'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'waakzaam_' });
  }
}
