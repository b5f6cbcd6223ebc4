import { existsSync } from 'node:fs';
import { run, StepError } from './process';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on a machine whose only network is the package registries. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Debian's Chromium with apt-get when it is missing (browser tests need it). */
export async function ensureChromium(): Promise<string> {
  if (existsSync(chromiumPath)) return chromiumPath;
  const step = 'Installing Debian chromium for browser tests';
  const retry = 'apt-get update && apt-get install -y chromium (as root)';
  if (process.getuid?.() !== 0) {
    throw new StepError(step, `${chromiumPath} is missing and this user is not root`, retry);
  }
  console.log(`${step}…`);
  try {
    await run('apt-get', ['update', '-qq']);
    await run(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
      {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      },
    );
  } catch (error) {
    throw new StepError(step, (error as Error).message, retry);
  }
  if (!existsSync(chromiumPath)) throw new StepError(step, `${chromiumPath} still missing`, retry);
  return chromiumPath;
}
