import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer, connect } from 'node:net';

/** A step of the tool chain failed; the message names the step and how to retry. */
export class StepError extends Error {
  constructor(step: string, detail: string, retry: string) {
    super(`${step} failed: ${detail}\n  To retry: ${retry}`);
    this.name = 'StepError';
  }
}

/** Asks the operating system for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Fails with a hint when something else already listens on `port`. */
export function ensurePortFree(port: number, hint: string): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE' ? `Port ${port} is already in use: ${hint}` : error.message,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree()));
  });
}

export async function waitForPort(port: number, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => done(socket.end() && true));
      socket.once('error', () => done(false));
    });
    if (open) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** Runs a command to completion, streaming its output; rejects with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`${command} exited with ${signal ?? `code ${code}`}`)),
    );
  });
}

/** A long-running helper process that is stopped when this process exits. */
export interface Service {
  stop(): Promise<void>;
}

export function startService(
  command: string,
  args: string[],
  options: SpawnOptions & { name: string; stopSignal?: NodeJS.Signals },
): { child: ChildProcess; service: Service } {
  const { name, stopSignal = 'SIGTERM', ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  child.on('exit', (code) => {
    process.off('exit', killOnExit);
    if (code !== 0 && code !== null && !stopping) {
      console.error(`${name} exited with code ${code}:\n${output}`);
    }
  });
  let stopping = false;
  const service: Service = {
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        stopping = true;
        child.once('exit', () => done());
        child.kill(stopSignal);
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
  Object.defineProperty(service, 'output', { get: () => output });
  return { child, service };
}
