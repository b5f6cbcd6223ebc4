// `npm run services -- build` builds the local tools (FerretDB, stripe-mock) ahead of time;
// `npm run services -- chromium` installs the browser for browser tests.
import { ensureChromium } from './chromium';
import { ensureFerretDb, ensureStripeMock } from './go-tools';

async function main(command = 'build') {
  if (command === 'build') {
    await ensureFerretDb();
    await ensureStripeMock();
  } else if (command === 'chromium') {
    await ensureChromium();
  } else {
    throw new Error(`Unknown command "${command}": use build or chromium`);
  }
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
