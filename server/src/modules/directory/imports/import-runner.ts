import type { Registration } from '@harbour/shared';
import mongoose from 'mongoose';
import type { DirectoryService, ExternalIds } from '../directory.service';
import { findLocation, findProvider, findService, idsOf } from './existing-records';
import {
  isRejected,
  type ImportedRegistration,
  type ImportRow,
  type ParsedRow,
  type RejectedRow,
} from './import-row';

export interface ImportReport {
  /** Rows whose service is new (would be, in a dry run). */
  created: number;
  /** Rows whose service was already in the directory (or earlier in the same file). */
  updated: number;
  rejected: RejectedRow[];
  /** Rows imported with something left out. */
  warnings: { rowNumber: number; message: string }[];
}

export interface ImportOptions {
  /** Work out what would be created or updated, writing nothing. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs parsed rows through the DirectoryService, one at a time and in file order. Every write
 * is an upsert keyed by the file's ids (CQC location and provider ids, Ofsted URNs, ORUK
 * ids), so running a file again updates what it created and creates nothing. A record keeps
 * whatever the file does not say (what its provider set in the console, its other
 * registrations); a registration the file states replaces the one with the same regulator and
 * identifier.
 */
export async function runImport(
  directory: DirectoryService,
  rows: readonly ParsedRow[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, rejected: [], warnings: [] };
  const seenInDryRun = new Set<string>();
  const providersDone: ProvidersDone = new Map();
  for (const [index, row] of rows.entries()) {
    if (isRejected(row)) {
      report.rejected.push(row);
    } else {
      try {
        const created = options.dryRun
          ? await wouldCreate(row, seenInDryRun)
          : await importRow(directory, row, providersDone);
        report[created ? 'created' : 'updated'] += 1;
        for (const message of row.warnings)
          report.warnings.push({ rowNumber: row.rowNumber, message });
      } catch (error) {
        const reason = rowProblem(error);
        if (reason === null) throw error;
        report.rejected.push({ rowNumber: row.rowNumber, reason });
      }
    }
    options.onProgress?.(index + 1, rows.length);
  }
  return report;
}

/**
 * A row's own data the directory refused (the parsers check what they know of its rules, so
 * this is a safety net); anything else, such as the database going away, stops the import.
 */
function rowProblem(error: unknown): string | null {
  if (!(error instanceof mongoose.Error.ValidationError)) return null;
  return Object.values(error.errors)
    .map((problem) => problem.message)
    .join('; ');
}

const keyOf = (ids: ExternalIds) => JSON.stringify(idsOf(ids).sort());

async function wouldCreate(row: ImportRow, seen: Set<string>): Promise<boolean> {
  const key = keyOf(row.service.externalIds);
  if (seen.has(key)) return false;
  seen.add(key);
  const location = row.service.externalIds.orukId
    ? null
    : await findLocation(row.locations[0].externalIds);
  const service = await findService(
    row.service.externalIds,
    location ? String(location._id) : null,
  );
  return !service;
}

/** Only the fields a draft states, so spreading it over a record keeps what it does not say. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const sameRegistration = (a: Registration) => (b: Registration) =>
  a.regulator === b.regulator && a.identifier === b.identifier;

function mergeRegistrations(
  existing: readonly Registration[],
  stated: readonly ImportedRegistration[] | undefined,
  checkedAt: Date,
): Registration[] {
  if (!stated) return [...existing];
  const fresh = stated.map((registration) => ({ ...registration, lastVerifiedAt: checkedAt }));
  return [...existing.filter((old) => !fresh.some(sameRegistration(old))), ...fresh];
}

/**
 * Providers already upserted in this run, by their ids, with the draft that was written.
 * Updating a provider rebuilds the listings of all its services, so a provider with many
 * rows in a file (a council in an ORUK feed, a chain in CQC's) is written once, not per row.
 */
type ProvidersDone = Map<string, { organisationId: string; draft: string }>;

async function upsertProvider(
  directory: DirectoryService,
  draft: ImportRow['provider'],
  done: ProvidersDone,
): Promise<string> {
  const key = keyOf(draft.externalIds);
  const fingerprint = JSON.stringify(draft);
  const already = done.get(key);
  if (already?.draft === fingerprint) return already.organisationId;
  const provider = await findProvider(draft.externalIds);
  const { organisationId } = await directory.upsertProvider(
    {
      description: provider?.description,
      website: provider?.website,
      email: provider?.email,
      phone: provider?.phone,
      ...withoutUndefined(draft),
      // Where the record first came from stays; its registrations change only by admin review.
      source: provider?.source ?? draft.source,
      registrations: (provider?.registrations ?? []) as Registration[],
      externalIds: { ...provider?.externalIds, ...draft.externalIds },
    },
    provider ? String(provider._id) : undefined,
  );
  done.set(key, { organisationId, draft: fingerprint });
  return organisationId;
}

async function importRow(
  directory: DirectoryService,
  row: ImportRow,
  providersDone: ProvidersDone,
): Promise<boolean> {
  const checkedAt = new Date();
  const organisationId = await upsertProvider(directory, row.provider, providersDone);

  const locationIds: string[] = [];
  for (const draft of row.locations) {
    const location = await findLocation(draft.externalIds);
    // A pin or district set for the old postcode is no use once the register moves the place.
    const samePlace = location?.postcode === draft.postcode;
    const { locationId } = await directory.upsertLocation(
      {
        addressLine: location?.addressLine,
        town: samePlace ? location.town : undefined,
        district: samePlace ? location.district : undefined,
        lat: samePlace ? location.lat : undefined,
        lng: samePlace ? location.lng : undefined,
        features: location?.features ?? [],
        ...withoutUndefined(draft),
        organisationId,
        registrations: mergeRegistrations(
          (location?.registrations ?? []) as Registration[],
          draft.registrations,
          checkedAt,
        ),
        externalIds: { ...location?.externalIds, ...draft.externalIds },
      },
      location ? String(location._id) : undefined,
    );
    locationIds.push(locationId);
  }

  const service = await findService(row.service.externalIds, locationIds[0] ?? null);
  const { created } = await directory.upsertService(
    {
      ...(service
        ? {
            description: service.description,
            needs: service.needs,
            accessibilitySupport: service.accessibilitySupport,
            ratios: service.ratios,
            skills: service.skills,
            costOptions: service.costOptions,
            funding: service.funding,
            days: service.days,
            startTime: service.startTime,
            endTime: service.endTime,
            scheduleSummary: service.scheduleSummary,
            phone: service.phone,
            email: service.email,
            website: service.website,
            status: service.status,
          }
        : {}),
      ...withoutUndefined(row.service),
      organisationId,
      locationIds,
      externalIds: { ...service?.externalIds, ...row.service.externalIds },
    },
    service ? String(service._id) : undefined,
  );
  return created;
}
