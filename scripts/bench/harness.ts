import autocannon from 'autocannon';

export interface LatencySummary {
  requests: number;
  throughputPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

/** Drives `POST url` with a JSON body from `connections` concurrent clients for `seconds`. */
export async function loadApi(options: {
  url: string;
  body: unknown;
  connections: number;
  seconds: number;
}): Promise<LatencySummary> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options.body),
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    requests: result.requests.total,
    throughputPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p95Ms: p95FromAutocannon(result.latency),
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

function p95FromAutocannon(latency: autocannon.Histogram): number {
  // autocannon reports p90 and p97.5; p95 lies between them.
  return (latency.p90 + latency.p97_5) / 2;
}

/** Runs `operation` from `connections` concurrent loops for `seconds`, timing each call. */
export async function loadRaw(options: {
  operation: () => Promise<unknown>;
  connections: number;
  seconds: number;
}): Promise<LatencySummary> {
  const timings: number[] = [];
  let errors = 0;
  const deadline = Date.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        try {
          await options.operation();
        } catch {
          errors += 1;
        }
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  timings.sort((a, b) => a - b);
  const at = (p: number) =>
    timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))] ?? 0;
  return {
    requests: timings.length,
    throughputPerSecond: timings.length / options.seconds,
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    errors,
  };
}
