import { findPostcodeDistrict, postcodeSchema, type Registration } from '@harbour/shared';
import { insideUk, type ExternalIds } from '../directory.service';

/**
 * What a parser makes of one row (or one ORUK service) of a public data file: drafts of the
 * provider, its place(s) and the service, for the import runner to upsert through the
 * DirectoryService, or the reason the row cannot be imported. Drafts hold only what the file
 * says; the runner keeps everything else a record already has (what a provider set in its
 * console).
 */
export type ParsedRow = ImportRow | RejectedRow;

export interface RejectedRow {
  /** As a spreadsheet shows it (header = row 1, preamble lines counted); for JSON, the service's place in the list. */
  rowNumber: number;
  reason: string;
}

export interface ImportRow {
  rowNumber: number;
  provider: ProviderDraft;
  /** The places the service runs: one for a regulator's file, one or more for ORUK. */
  locations: [LocationDraft, ...LocationDraft[]];
  service: ServiceDraft;
  /** Things left out of an imported row (an ORUK location that could not be placed). */
  warnings: string[];
}

/** A registration as a regulator's file states it. The runner stamps when it was checked. */
export interface ImportedRegistration extends Registration {
  /** The scale `rating` is on, e.g. "Ofsted overall effectiveness". */
  ratingScale?: string;
  source: string;
}

export interface ProviderDraft {
  name: string;
  description?: string;
  website?: string;
  email?: string;
  phone?: string;
  externalIds: ExternalIds;
  source: string;
}

export interface LocationDraft {
  name: string;
  addressLine?: string;
  town?: string;
  postcode: string;
  lat?: number;
  lng?: number;
  features?: string[];
  /** The registrations of this place (a CQC location, an Ofsted-registered setting). */
  registrations?: ImportedRegistration[];
  externalIds: ExternalIds;
}

export interface ServiceDraft {
  name: string;
  description?: string;
  type: string;
  needs?: string[];
  minAge: number;
  maxAge: number;
  accessibilitySupport?: string[];
  ratios?: string[];
  skills?: string[];
  costOptions?: { label: string; amountPence: number; unit: string }[];
  funding?: string[];
  days?: string[];
  startTime?: string;
  endTime?: string;
  scheduleSummary?: string;
  phone?: string;
  email?: string;
  website?: string;
  status?: 'ACTIVE' | 'WITHDRAWN';
  externalIds: ExternalIds;
}

export function isRejected(row: ParsedRow): row is RejectedRow {
  return 'reason' in row;
}

/** The area Harbour covers, for messages. */
export const AREA = 'Devon, Plymouth and Torbay';

/**
 * Whether a place can go on Harbour's map: coordinates in the UK, or else a postcode in
 * Devon, Plymouth or Torbay (the only postcodes Harbour can place without coordinates).
 * The same rules as DirectoryService.upsertLocation, checked up front so a row is rejected
 * with a reason instead of failing half-way.
 */
export function placeOf(
  rawPostcode: string,
  lat?: number,
  lng?: number,
): { postcode: string } | { reason: string } {
  const parsed = postcodeSchema.safeParse(rawPostcode);
  if (!parsed.success) return { reason: `Postcode "${rawPostcode}" is not a real postcode` };
  const postcode = parsed.data;
  if (lat != null && lng != null) {
    return insideUk(lat, lng)
      ? { postcode }
      : { reason: `Coordinates ${lat}, ${lng} are outside the UK` };
  }
  if (!findPostcodeDistrict(postcode)) {
    const outward = postcode.split(' ')[0];
    return { reason: `Postcode ${outward} is outside the area Harbour covers (${AREA})` };
  }
  return { postcode };
}

/** Leaves out empty text, so a draft never overwrites a value with nothing. */
export function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A web address as given, with `https://` added to a bare domain (registers often omit it). */
export function websiteOf(value: string | null | undefined): string | undefined {
  const site = text(value);
  if (!site) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(site) ? site : `https://${site}`;
}

/** Thrown when a file is not in the format asked for (the whole import stops). */
export class ImportFormatError extends Error {}

/**
 * A register's cancellation or resignation takes the service out of search. The opposite is
 * not stated: a service the provider withdrew stays withdrawn when the register still lists it.
 */
export function withdrawnIf(status: Registration['status']): Pick<ServiceDraft, 'status'> {
  return status === 'CANCELLED' || status === 'RESIGNED' ? { status: 'WITHDRAWN' } : {};
}
