// `npm run ledger:check`: rebuilds every balance of the ledger at MONGODB_URI (by default the
// database `npm start` runs) from its entries and checks every invariant: each journal
// balances, no guarded account's chain is broken or below zero, all money sums to zero, no
// journal is left unfinished. Prints what it found and exits 1 on any breach.
import { LedgerService } from '../server/src/modules/ledger/ledger.service';
import { createLogger } from '../server/src/platform/logger';
import { runAgainstDatabase } from './services/script-database';

runAgainstDatabase('ledger:check', async (where) => {
  const ledger = new LedgerService({ log: createLogger('warn') });
  const check = await ledger.check();
  console.log(
    `Ledger ${where}: ${check.entries} entries in ${check.journals} journals over ${check.accounts} guarded accounts, checked in ${check.ms} ms; ${check.headsRebuilt} balance hints rebuilt`,
  );
  for (const breach of check.breaches) console.log(`  BREACH ${breach.kind}: ${breach.detail}`);
  console.log(
    check.breaches.length ? `${check.breaches.length} breaches` : 'Every invariant holds',
  );
  return check.breaches.length ? 1 : 0;
});
