import { existsSync } from 'node:fs';
import { aptInstall } from './apt';
import { StepError } from './process';

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
  await aptInstall(step, ['chromium', 'fonts-liberation'], retry);
  if (!existsSync(chromiumPath)) throw new StepError(step, `${chromiumPath} still missing`, retry);
  return chromiumPath;
}
