import type { ApolloServerPlugin } from '@apollo/server';
import type { Connection } from 'mongoose';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics: HTTP, GraphQL per operation, the database connection pool. */
export class Metrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly pool = new Gauge({
    name: 'mongodb_pool_connections',
    help: 'MongoDB driver connection pool: open and checked-out connections',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  private readonly poolWaits = new Counter({
    name: 'mongodb_pool_checkout_failures_total',
    help: 'Times a connection could not be checked out of the pool',
    registers: [this.registry],
  });

  /** Operation names come from clients, so only a bounded set becomes labels. */
  private readonly knownOperations = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.pool.set({ state: 'open' }, 0);
    this.pool.set({ state: 'checked_out' }, 0);
  }

  observeHttp(method: string, route: string, status: number, seconds: number) {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  operationLabel(name: string | null | undefined): string {
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'anonymous';
    if (this.knownOperations.has(name)) return name;
    if (this.knownOperations.size >= 200) return 'other';
    this.knownOperations.add(name);
    return name;
  }

  /** Apollo plugin timing every operation that got as far as being parsed. */
  graphqlPlugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ operationName, operation, errors }) => {
            const labels = {
              operation: this.operationLabel(operationName),
              type: operation?.operation ?? 'invalid',
              outcome: errors?.length ? 'error' : 'ok',
            };
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            this.graphqlDuration.observe(labels, seconds);
            this.graphqlOperations.inc(labels);
          },
        };
      },
    };
  }

  /** Follows the driver's pool events for the connection's client. */
  watchConnectionPool(connection: Connection) {
    const client = connection.getClient();
    client.on('connectionCreated', () => this.pool.inc({ state: 'open' }));
    client.on('connectionClosed', () => this.pool.dec({ state: 'open' }));
    client.on('connectionCheckedOut', () => this.pool.inc({ state: 'checked_out' }));
    client.on('connectionCheckedIn', () => this.pool.dec({ state: 'checked_out' }));
    client.on('connectionCheckOutFailed', () => this.poolWaits.inc());
  }
}
