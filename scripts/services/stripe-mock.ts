import { ensureStripeMock } from './go-tools';
import { ensurePortFree, freePort, startService, waitForPort, type Service } from './process';

export interface StripeMockServer extends Service {
  /** Base URL for the Stripe SDK, e.g. http://127.0.0.1:12111 */
  url: string;
}

/** Starts stripe-mock: Stripe's own API mock, stateless, answering from its OpenAPI fixtures. */
export async function startStripeMock(port?: number): Promise<StripeMockServer> {
  const binary = await ensureStripeMock();
  const httpPort = port ?? (await freePort());
  if (port) {
    await ensurePortFree(
      port,
      'stop what uses it, or choose another with HARBOUR_STRIPE_MOCK_PORT',
    );
  }
  const httpsPort = await freePort();
  const { child, service } = startService(
    binary,
    ['-http-addr', `127.0.0.1:${httpPort}`, '-https-addr', `127.0.0.1:${httpsPort}`],
    { name: 'stripe-mock' },
  );
  try {
    await waitForPort(httpPort, 20_000, child);
  } catch (error) {
    await service.stop();
    throw new Error(`stripe-mock did not start: ${(error as Error).message}`, { cause: error });
  }
  return { url: `http://127.0.0.1:${httpPort}`, stop: service.stop };
}
