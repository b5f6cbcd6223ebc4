// `npm run import -- <cqc|ofsted-childcare|ofsted-social-care|oruk> <file> [--dry-run]`
// Imports a public data file into the directory of the database at MONGODB_URI (by default
// the one `npm start` runs), then prints how many services were created and updated and why
// each rejected row was rejected. A running server picks the changes up from the listing
// change log within seconds.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { describeDatabase, LOCAL_DATABASE_URI } from './services/database';
import { DirectoryService } from '../server/src/modules/directory/directory.service';
import { IMPORT_FORMATS, isImportFormat } from '../server/src/modules/directory/imports/formats';
import { ImportFormatError } from '../server/src/modules/directory/imports/import-row';
import {
  runImport,
  type ImportReport,
} from '../server/src/modules/directory/imports/import-runner';
import { SearchIndex } from '../server/src/modules/directory/search-index';
import { OrganisationsService } from '../server/src/modules/organisations/organisations.service';
import { createLogger } from '../server/src/platform/logger';

const USAGE = `Usage: npm run import -- <${Object.keys(IMPORT_FORMATS).join('|')}> <file> [--dry-run]`;
/** Files shorter than this finish before a bar is worth drawing. */
const PROGRESS_BAR_FROM_ROWS = 200;

/** A problem to report in one line, without a stack trace. */
class Fatal extends Error {}

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new Fatal(`${(error as Error).message}. ${USAGE}`);
  }
  const [format, file, ...extra] = args.positionals;
  if (!format || !isImportFormat(format) || !file || extra.length > 0) throw new Fatal(USAGE);
  const dryRun = args.values['dry-run'];

  // npm runs scripts from the repository root; a relative path is the caller's.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Fatal(
      `Could not read ${file}: ${code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`,
    );
  }
  const rows = IMPORT_FORMATS[format].parse(text);

  const uri = process.env.MONGODB_URI || LOCAL_DATABASE_URI;
  const where = whereIs(uri);
  try {
    await mongoose.connect(uri, {
      serverSelectionTimeoutMS: 5000,
      autoIndex: false,
      autoCreate: false,
    });
  } catch (error) {
    throw new Fatal(`Could not connect to the database ${where}: ${(error as Error).message}`);
  }
  try {
    console.error(
      `${dryRun ? 'Checking' : 'Importing'} ${rows.length} rows of ${IMPORT_FORMATS[format].description} ${dryRun ? 'against' : 'into'} ${where}`,
    );
    const log = createLogger('silent');
    const directory = new DirectoryService({
      organisations: new OrganisationsService(),
      index: new SearchIndex(log),
    });
    const bar =
      process.stderr.isTTY && rows.length >= PROGRESS_BAR_FROM_ROWS ? progressBar() : undefined;
    const report = await runImport(directory, rows, { dryRun, onProgress: bar?.update });
    bar?.finish();
    console.log(describeReport(report, dryRun));
  } finally {
    await mongoose.disconnect();
  }
}

function whereIs(uri: string): string {
  const where = describeDatabase(uri);
  if (!where)
    throw new Fatal('MONGODB_URI is not a connection string (mongodb://host:port/database)');
  return where;
}

function describeReport(report: ImportReport, dryRun: boolean): string {
  const lines = [
    dryRun
      ? `Dry run, nothing written: ${report.created} would be created, ${report.updated} would be updated, ${report.rejected.length} rejected`
      : `${report.created} created, ${report.updated} updated, ${report.rejected.length} rejected`,
  ];
  if (report.rejected.length > 0) {
    lines.push('Rejected:');
    for (const row of report.rejected) lines.push(`  row ${row.rowNumber}: ${row.reason}`);
  }
  if (report.warnings.length > 0) {
    lines.push('Imported with warnings:');
    for (const row of report.warnings) lines.push(`  row ${row.rowNumber}: ${row.message}`);
  }
  return lines.join('\n');
}

/** A one-line bar on stderr, redrawn at most ten times a second. */
function progressBar() {
  const width = 30;
  let drawnAt = 0;
  const draw = (done: number, total: number) => {
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} rows`,
    );
  };
  let last = { done: 0, total: 0 };
  return {
    update: (done: number, total: number) => {
      last = { done, total };
      if (Date.now() - drawnAt < 100 && done < total) return;
      drawnAt = Date.now();
      draw(done, total);
    },
    finish: () => {
      if (last.total > 0) draw(last.done, last.total);
      process.stderr.write('\n');
    },
  };
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    const known = error instanceof Fatal || error instanceof ImportFormatError;
    console.error(known ? error.message : `Import stopped: ${error.message}`);
    process.exit(1);
  },
);
