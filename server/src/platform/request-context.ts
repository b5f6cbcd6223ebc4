import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestScope {
  /** Our correlation id: echoed as X-Request-Id and quoted in masked errors. */
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The scope of the request being served, if any (used for log lines and error references). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

export function runInRequest<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** Accepts a caller's request id when it is safe to log, otherwise makes one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : randomUUID();
}
