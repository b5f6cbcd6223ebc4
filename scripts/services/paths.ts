import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
/** Built tools (FerretDB, stripe-mock); ignored by git, safe to delete. */
export const binDir = join(repoRoot, '.cache/bin');
/** Local databases for `npm start`; ignored by git, kept across restarts. */
export const dataDir = join(repoRoot, '.data');
