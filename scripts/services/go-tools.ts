import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { binDir, repoRoot } from './paths';
import { run, StepError } from './process';

/** Versions that are known to build here from the Go module proxy; change them together with a test run. */
export const FERRETDB_VERSION = 'v1.24.2';
export const STRIPE_MOCK_VERSION = 'v0.197.0';

/** Bump when scripts/ferretdb changes, so cached builds are rebuilt. */
const FERRETDB_BUILD = `${FERRETDB_VERSION}-2`;

export const ferretDbBinary = join(binDir, `harbour-ferretdb-${FERRETDB_BUILD}`);
export const stripeMockBinary = join(binDir, `stripe-mock-${STRIPE_MOCK_VERSION}`);

const goEnv = { ...process.env, GOFLAGS: '-modcacherw', CGO_ENABLED: '0' };

function requireGo(step: string, retry: string) {
  return run('go', ['version'], { stdio: 'ignore' }).catch(() => {
    throw new StepError(step, 'the Go toolchain (`go`) was not found on PATH', retry);
  });
}

/**
 * Builds FerretDB v1 (PostgreSQL and SQLite backends) through our small embedding program in
 * scripts/ferretdb; the stock binary panics at start (see its main.go).
 */
export async function ensureFerretDb(): Promise<string> {
  if (existsSync(ferretDbBinary)) return ferretDbBinary;
  const step = `Building FerretDB ${FERRETDB_VERSION} from the Go module proxy`;
  const retry = 'npm run services -- build';
  await requireGo(step, retry);
  console.log(`${step} (first time only; a few minutes on 2 cores)…`);
  mkdirSync(binDir, { recursive: true });
  const partial = `${ferretDbBinary}.partial`;
  try {
    await run('go', ['build', '-v', '-o', partial, '.'], {
      cwd: join(repoRoot, 'scripts/ferretdb'),
      env: goEnv,
    });
  } catch (error) {
    throw new StepError(step, (error as Error).message, retry);
  }
  renameSync(partial, ferretDbBinary);
  console.log(`Built ${ferretDbBinary}`);
  return ferretDbBinary;
}

export async function ensureStripeMock(): Promise<string> {
  if (existsSync(stripeMockBinary)) return stripeMockBinary;
  const step = `Building stripe-mock ${STRIPE_MOCK_VERSION} from the Go module proxy`;
  const retry = 'npm run services -- build';
  await requireGo(step, retry);
  console.log(`${step} (first time only)…`);
  const gobin = join(binDir, `stripe-mock-${STRIPE_MOCK_VERSION}.d`);
  mkdirSync(gobin, { recursive: true });
  try {
    await run('go', ['install', '-v', `github.com/stripe/stripe-mock@${STRIPE_MOCK_VERSION}`], {
      env: { ...goEnv, GOBIN: gobin },
    });
  } catch (error) {
    throw new StepError(step, (error as Error).message, retry);
  }
  renameSync(join(gobin, 'stripe-mock'), stripeMockBinary);
  console.log(`Built ${stripeMockBinary}`);
  return stripeMockBinary;
}
