import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { databaseUri } from '../../scripts/services/database';
import { ServiceModel } from '../../server/src/modules/directory/directory.model';
import type { DirectoryService } from '../../server/src/modules/directory/directory.service';
import {
  IMPORT_FORMATS,
  type ImportFormat,
} from '../../server/src/modules/directory/imports/formats';
import {
  runImport,
  type ImportOptions,
  type ImportReport,
} from '../../server/src/modules/directory/imports/import-runner';
import { startTestHarbour, testDatabaseServer, type TestHarbour } from '../support/harbour';

const root = join(__dirname, '../..');
const fixtures = join(root, 'tests/fixtures/imports');
const OUTSIDE = 'is outside the area Harbour covers (Devon, Plymouth and Torbay)';

let harbour: TestHarbour;
let directory: DirectoryService;

beforeAll(async () => {
  harbour = await startTestHarbour();
  directory = harbour.harbour.services.directory;
});

afterAll(async () => {
  await harbour.stop();
});

function importFile(format: ImportFormat, file: string, options: ImportOptions = {}) {
  const rows = IMPORT_FORMATS[format].parse(readFileSync(join(fixtures, file), 'utf8'));
  return runImport(directory, rows, options);
}

/** How many documents each directory collection holds (the change log only ever grows). */
async function directoryCounts() {
  const names = ['organisations', 'provider_profiles', 'locations', 'services', 'service_listings'];
  const db = mongoose.connection.db!;
  return Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [name, await db.collection(name).countDocuments()]),
    ),
  );
}

type Node = {
  serviceId: string;
  organisationId: string;
  name: string;
  providerName: string;
  type: string;
  minAge: number;
  maxAge: number;
  needs: string[];
  skills: string[];
  registrations: { regulator: string; identifier: string; rating: string | null }[];
};

async function search(
  input: Record<string, unknown>,
): Promise<{ totalCount: number; nodes: Node[] }> {
  const response = await harbour.graphql<{
    directorySearch: {
      userErrors: { message: string }[];
      results: { totalCount: number; edges: { node: Node }[] };
    };
  }>(
    /* GraphQL */ `
      query Search($input: DirectorySearchInput!) {
        directorySearch(input: $input) {
          userErrors {
            message
          }
          results {
            totalCount
            edges {
              node {
                serviceId
                organisationId
                name
                providerName
                type
                minAge
                maxAge
                needs
                skills
                registrations {
                  regulator
                  identifier
                  rating
                }
              }
            }
          }
        }
      }
    `,
    { input },
  );
  expect(response.body.errors).toBeUndefined();
  const payload = response.body.data!.directorySearch;
  expect(payload.userErrors).toEqual([]);
  return {
    totalCount: payload.results.totalCount,
    nodes: payload.results.edges
      .map((edge) => edge.node)
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

interface FormatCase {
  format: ImportFormat;
  file: string;
  imported: number;
  rejected: ImportReport['rejected'];
  warnings: ImportReport['warnings'];
  /** A search that finds some of the file's services, and what it should find. */
  search: Record<string, unknown>;
  found: Partial<Node>[];
}

const CASES: FormatCase[] = [
  {
    format: 'cqc',
    file: 'cqc-care-directory.csv',
    imported: 6,
    rejected: [
      {
        rowNumber: 9,
        reason:
          'Specialisms "Caring for adults over 65 yrs, Dementia" are for older people only, not disabled children or young adults',
      },
      { rowNumber: 11, reason: 'Postcode is missing' },
      { rowNumber: 12, reason: 'CQC Location ID is missing' },
      { rowNumber: 13, reason: `Postcode TR1 ${OUTSIDE}` },
      {
        rowNumber: 14,
        reason:
          'Service types "Dentist" are not care Harbour lists (care homes, Shared Lives, home care and supported living)',
      },
    ],
    warnings: [],
    search: { text: 'Exe Valley' },
    found: [
      {
        name: 'Exe Valley Home Support',
        providerName: 'Exe Valley Care Ltd',
        type: 'HOME_SUPPORT',
        minAge: 18,
        maxAge: 25,
        registrations: [{ regulator: 'CQC', identifier: '1-900000001', rating: null }],
      },
      {
        name: 'Exe Valley Supported Living Bideford',
        providerName: 'Exe Valley Care Ltd',
        type: 'HOME_SUPPORT',
        registrations: [{ regulator: 'CQC', identifier: '1-900000005', rating: null }],
      },
    ],
  },
  {
    format: 'ofsted-childcare',
    file: 'ofsted-childcare-providers.csv',
    imported: 6,
    rejected: [
      {
        rowNumber: 5,
        reason:
          'Childminders are not listed: Ofsted does not publish their names and addresses (REDACTED)',
      },
      { rowNumber: 7, reason: 'Postcode is missing' },
      { rowNumber: 8, reason: 'Provider URN is missing' },
      { rowNumber: 9, reason: `Postcode PL15 ${OUTSIDE}` },
    ],
    warnings: [],
    search: { text: 'Little Harbour' },
    found: [
      {
        name: 'Little Harbour Nursery Barnstaple',
        providerName: 'Little Harbour Nurseries Ltd',
        type: 'DAY_CARE',
        minAge: 0,
        maxAge: 5,
        registrations: [{ regulator: 'OFSTED', identifier: 'EY900001', rating: 'GOOD' }],
      },
      {
        name: 'Little Harbour Pre-school Bideford',
        providerName: 'Little Harbour Nurseries Ltd',
        registrations: [{ regulator: 'OFSTED', identifier: 'EY900002', rating: 'OUTSTANDING' }],
      },
    ],
  },
  {
    format: 'ofsted-social-care',
    file: 'ofsted-social-care-providers.csv',
    imported: 4,
    rejected: [
      {
        rowNumber: 5,
        reason:
          "Children's home that does not say it provides short breaks: homes for children in care are not booked by families",
      },
      {
        rowNumber: 6,
        reason: 'Provision type "Independent fostering agency" is not a short break Harbour lists',
      },
      { rowNumber: 7, reason: 'Postcode is missing' },
      { rowNumber: 8, reason: 'URN is missing' },
      { rowNumber: 9, reason: `Postcode BS1 ${OUTSIDE}` },
    ],
    warnings: [],
    search: { text: 'Dartmoor Adventure' },
    found: [
      {
        name: 'Dartmoor Adventure Holidays',
        providerName: 'Dartmoor Adventures CIC',
        type: 'HOLIDAY_SCHEME',
        minAge: 0,
        maxAge: 17,
        registrations: [{ regulator: 'OFSTED', identifier: 'SC900002', rating: 'OUTSTANDING' }],
      },
    ],
  },
  {
    format: 'oruk',
    file: 'oruk-services.json',
    imported: 3,
    rejected: [
      { rowNumber: 3, reason: 'Coordinates 100, 101 are outside the UK' },
      { rowNumber: 4, reason: `Postcode TR1 ${OUTSIDE}` },
      { rowNumber: 5, reason: 'Service id is missing' },
      {
        rowNumber: 7,
        reason:
          'Service has no location with a postcode (online-only services cannot be placed on the map)',
      },
    ],
    warnings: [
      {
        rowNumber: 6,
        message: `Location "Launceston Base" left out: Postcode PL15 ${OUTSIDE}`,
      },
    ],
    search: { text: 'Saturday Sensory' },
    // One listing for each of its two places.
    found: [
      {
        name: 'Saturday Sensory Club',
        providerName: 'Exe Inclusive Sport',
        type: 'WEEKEND_CLUB',
        registrations: [],
      },
      {
        name: 'Saturday Sensory Club',
        providerName: 'Exe Inclusive Sport',
        type: 'WEEKEND_CLUB',
        registrations: [],
      },
    ],
  },
];

describe.each(CASES)('importing the $format fixture', (fixture) => {
  it('in a dry run, says what would be created and writes nothing', async () => {
    const before = await directoryCounts();
    const progress: number[] = [];
    const report = await importFile(fixture.format, fixture.file, {
      dryRun: true,
      onProgress: (done) => progress.push(done),
    });
    expect(report).toEqual({
      created: fixture.imported,
      updated: 0,
      rejected: fixture.rejected,
      warnings: fixture.warnings,
    });
    expect(await directoryCounts()).toEqual(before);
    expect((await search(fixture.search)).totalCount).toBe(0);
    expect(progress).toEqual(
      Array.from({ length: fixture.imported + fixture.rejected.length }, (_, i) => i + 1),
    );
  });

  it('creates its services, and rejects bad rows with their row numbers and reasons', async () => {
    const report = await importFile(fixture.format, fixture.file);
    expect(report).toEqual({
      created: fixture.imported,
      updated: 0,
      rejected: fixture.rejected,
      warnings: fixture.warnings,
    });
  });

  it('shows the imported services in search, with their registrations', async () => {
    const { totalCount, nodes } = await search(fixture.search);
    expect(totalCount).toBe(fixture.found.length);
    fixture.found.forEach((expected, i) => expect(nodes[i]).toMatchObject(expected));
  });

  it('updates and creates nothing when the same file is imported again', async () => {
    const before = await directoryCounts();
    const report = await importFile(fixture.format, fixture.file);
    expect(report).toMatchObject({ created: 0, updated: fixture.imported });
    expect(report.rejected).toEqual(fixture.rejected);
    expect(await directoryCounts()).toEqual(before);
    expect((await search(fixture.search)).totalCount).toBe(fixture.found.length);
  });

  it('in a dry run after the import, says everything would be updated', async () => {
    const report = await importFile(fixture.format, fixture.file, { dryRun: true });
    expect(report).toMatchObject({ created: 0, updated: fixture.imported });
  });
});

it("lists a CQC provider's locations under one organisation", async () => {
  const { nodes } = await search({ text: 'Exe Valley' });
  expect(new Set(nodes.map((node) => node.organisationId)).size).toBe(1);
});

it('keeps Ofsted childcare that is suspended or rated Inadequate out of family searches', async () => {
  expect((await search({ text: 'Honiton Tots' })).totalCount).toBe(0);
  expect((await search({ text: 'Plympton Pre-school' })).totalCount).toBe(1);
});

it('keeps what a provider added to an imported service when the file is imported again', async () => {
  const [home] = (await search({ text: 'Moorview House' })).nodes;
  await ServiceModel.updateOne({ _id: home!.serviceId }, { $set: { skills: ['MAKATON'] } });
  await directory.reproject(home!.serviceId);
  await importFile('cqc', 'cqc-care-directory.csv');
  const [after] = (await search({ text: 'Moorview House' })).nodes;
  expect(after).toMatchObject({ serviceId: home!.serviceId, skills: ['MAKATON'] });
  expect(after!.needs.sort()).toEqual([
    'AUTISM',
    'MODERATE_LEARNING_DIFFICULTY',
    'SEVERE_LEARNING_DIFFICULTY',
  ]);
});

describe('npm run import', () => {
  function runCommand(args: string[], env: Record<string, string>) {
    const child = spawn('npm', ['run', 'import', '--', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) =>
      child.on('close', (status) => done({ status, stdout, stderr })),
    );
  }

  const databaseName = `imports_cli_${process.pid}`;
  const MONGODB_URI = databaseUri(testDatabaseServer().uri, databaseName);

  afterAll(async () => {
    await mongoose.connection.useDb(databaseName).dropDatabase();
  });

  it('imports a file into the database at MONGODB_URI and prints the report', async () => {
    const result = await runCommand(
      ['ofsted-social-care', 'tests/fixtures/imports/ofsted-social-care-providers.csv'],
      { MONGODB_URI },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      [
        '4 created, 0 updated, 5 rejected',
        'Rejected:',
        "  row 5: Children's home that does not say it provides short breaks: homes for children in care are not booked by families",
        '  row 6: Provision type "Independent fostering agency" is not a short break Harbour lists',
        '  row 7: Postcode is missing',
        '  row 8: URN is missing',
        `  row 9: Postcode BS1 ${OUTSIDE}`,
      ].join('\n'),
    );
    const services = mongoose.connection.useDb(databaseName).collection('services');
    expect(await services.countDocuments()).toBe(4);
  });

  it('stops with one line when the file cannot be read', async () => {
    const result = await runCommand(['cqc', 'tests/fixtures/imports/no-such-file.csv'], {
      MONGODB_URI,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      'Could not read tests/fixtures/imports/no-such-file.csv: there is no such file',
    );
  });
});
