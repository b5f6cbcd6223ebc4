import { run, StepError } from './process';

let updated = false;

/**
 * Installs Debian packages with apt-get (as root only), updating the package lists once per
 * process however many installs follow.
 */
export async function aptInstall(step: string, packages: string[], retry: string) {
  if (process.getuid?.() !== 0) {
    throw new StepError(step, `${packages.join(', ')} missing and this user is not root`, retry);
  }
  console.log(`${step}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!updated) await run('apt-get', ['update', '-qq'], { env });
    updated = true;
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  } catch (error) {
    throw new StepError(step, (error as Error).message, retry);
  }
}
