import {
  ACCESSIBILITY_SUPPORT,
  FUNDING_TYPES,
  LOCATION_FEATURES,
  NEEDS,
  SERVICE_TYPES,
  STAFF_SKILLS,
  SUPPORT_RATIOS,
} from '@harbour/shared';
import type { ExternalIds } from '../directory.service';
import {
  ImportFormatError,
  placeOf,
  text,
  websiteOf,
  type LocationDraft,
  type ParsedRow,
  type ServiceDraft,
} from './import-row';

/**
 * Open Referral UK 3.0 services (JSON): one service, a page of them (`contents`), or a list.
 * A row is a service: its number is its place in the list, from 1. Classifications are read
 * from `attributes` whose taxonomy term is one of Harbour's codes or labels (as Harbour's own
 * ORUK API publishes them); the service type is otherwise guessed from the name and
 * description (see this folder's README).
 */
export const ORUK_SOURCE = 'Open Referral UK';

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const objects = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map(object).filter((item) => item !== undefined) : [];
const string = (value: unknown): string | undefined =>
  typeof value === 'string' ? text(value) : typeof value === 'number' ? String(value) : undefined;
const number = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

const HARBOUR_MIN_AGE = 0;
const HARBOUR_MAX_AGE = 25;

/** Code by lower-case code or label, for each vocabulary an attribute's term may come from. */
function lookup(items: readonly { code: string; label: string }[]) {
  const byKey = new Map<string, string>();
  for (const item of items) {
    byKey.set(item.code.toLowerCase(), item.code);
    byKey.set(item.label.toLowerCase(), item.code);
  }
  return byKey;
}
const VOCABULARIES = {
  type: lookup(SERVICE_TYPES.items),
  needs: lookup(NEEDS),
  accessibilitySupport: lookup(ACCESSIBILITY_SUPPORT.map((c) => ({ code: c.id, label: c.label }))),
  skills: lookup(STAFF_SKILLS.items),
  ratios: lookup(SUPPORT_RATIOS.items),
  funding: lookup(FUNDING_TYPES.items),
};
const FEATURES = lookup(LOCATION_FEATURES.items);

/** Words that say what kind of service it is, tried in order, when no attribute says. */
const TYPE_WORDS: { pattern: RegExp; type: string }[] = [
  { pattern: /overnight|residential short break|respite stay/i, type: 'OVERNIGHT_SHORT_BREAK' },
  { pattern: /holiday/i, type: 'HOLIDAY_SCHEME' },
  { pattern: /after.school/i, type: 'AFTER_SCHOOL_CLUB' },
  { pattern: /weekend|saturday|sunday/i, type: 'WEEKEND_CLUB' },
  { pattern: /sitting|befriend/i, type: 'SITTING_BEFRIENDING' },
  {
    pattern: /support at home|home support|in your home|homecare|home care/i,
    type: 'HOME_SUPPORT',
  },
  { pattern: /day care|daycare|day service|nursery/i, type: 'DAY_CARE' },
];

/** Accessibility notes that name one of Harbour's location features. */
const FEATURE_WORDS: { pattern: RegExp; feature: string }[] = [
  { pattern: /step.free|wheelchair access|level access|ramp/i, feature: 'STEP_FREE' },
  { pattern: /changing places/i, feature: 'CHANGING_PLACES' },
  { pattern: /quiet|sensory room|sensory space/i, feature: 'QUIET_SPACE' },
  { pattern: /hoist/i, feature: 'HOIST' },
  { pattern: /accessible parking|blue badge|disabled parking/i, feature: 'ACCESSIBLE_PARKING' },
  { pattern: /hearing loop|induction loop/i, feature: 'HEARING_LOOP' },
];

const DAYS: Record<string, string> = {
  MO: 'MON',
  TU: 'TUE',
  WE: 'WED',
  TH: 'THU',
  FR: 'FRI',
  SA: 'SAT',
  SU: 'SUN',
};

/** The services in a file: a single service, a page with `contents`, or a plain list. */
function servicesIn(fileText: string): unknown[] {
  let document: unknown;
  try {
    document = JSON.parse(fileText);
  } catch (error) {
    throw new ImportFormatError(
      `This is not an Open Referral UK JSON file: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (Array.isArray(document)) return document;
  const root = object(document);
  if (root && Array.isArray(root.contents)) return root.contents;
  if (root && 'name' in root) return [root];
  throw new ImportFormatError(
    'This is not an Open Referral UK file: expected a service, a list of services, or a page with "contents"',
  );
}

function termsOf(service: Json): string[] {
  return objects(service.attributes).flatMap((attribute) => {
    const term = object(attribute.taxonomy_term);
    return [string(term?.term), string(term?.name)].flatMap((value) =>
      value ? [value.toLowerCase()] : [],
    );
  });
}

function codesFrom(terms: string[], vocabulary: Map<string, string>): string[] {
  return [...new Set(terms.flatMap((term) => vocabulary.get(term) ?? []))];
}

function typeOf(service: Json, terms: string[]): string {
  const stated = codesFrom(terms, VOCABULARIES.type)[0];
  if (stated) return stated;
  const words = `${string(service.name) ?? ''} ${string(service.description) ?? ''}`;
  // Unregistered clubs and activities are what most directory services are.
  return TYPE_WORDS.find(({ pattern }) => pattern.test(words))?.type ?? 'INCLUSIVE_ACTIVITY';
}

function identifierIds(
  identifiers: Json[],
  typeKey: string,
  idKey: string,
  cqcKey: 'cqcProviderId' | 'cqcLocationId',
) {
  const ids: ExternalIds = {};
  for (const identifier of identifiers) {
    const type = string(identifier[typeKey]) ?? '';
    const value = string(identifier[idKey]);
    if (!value) continue;
    if (/ofsted/i.test(type)) ids.ofstedUrn = value;
    else if (/cqc/i.test(type)) ids[cqcKey] = value;
  }
  return ids;
}

function locationOf(
  location: Json,
  serviceName: string,
): { draft: LocationDraft } | { name: string; reason: string } | null {
  if (string(location.location_type) === 'virtual') return null;
  const id = string(location.id);
  const addresses = objects(location.addresses).filter((address) => string(address.postal_code));
  const address =
    addresses.find((candidate) => string(candidate.address_type) !== 'postal') ?? addresses[0];
  const name = string(location.name) ?? string(address?.address_1) ?? serviceName;
  if (!id) return { name, reason: 'Location id is missing' };
  const postcode = string(address?.postal_code);
  if (!postcode) return { name, reason: 'Postcode is missing' };
  const lat = number(location.latitude);
  const lng = number(location.longitude);
  const hasPoint = lat !== undefined && lng !== undefined;
  const place = placeOf(postcode, hasPoint ? lat : undefined, hasPoint ? lng : undefined);
  if ('reason' in place) return { name, reason: place.reason };
  const accessibility = objects(location.accessibility).map((note) =>
    [note.description, note.details, note.accessibility].map((v) => string(v) ?? '').join(' '),
  );
  const features = new Set([
    ...codesFrom(
      accessibility.map((note) => note.trim().toLowerCase()),
      FEATURES,
    ),
    ...FEATURE_WORDS.filter(({ pattern }) => accessibility.some((note) => pattern.test(note))).map(
      ({ feature }) => feature,
    ),
  ]);
  return {
    draft: {
      name,
      addressLine: text(
        [address?.address_1, address?.address_2]
          .map((part) => string(part))
          .filter(Boolean)
          .join(', '),
      ),
      town: string(address?.city),
      postcode: place.postcode,
      ...(hasPoint ? { lat, lng } : {}),
      features: [...features],
      externalIds: {
        orukId: id,
        ...identifierIds(
          [location],
          'external_identifier_type',
          'external_identifier',
          'cqcLocationId',
        ),
      },
    },
  };
}

function scheduleOf(
  service: Json,
): Pick<ServiceDraft, 'days' | 'startTime' | 'endTime' | 'scheduleSummary'> {
  const schedules = objects(service.schedules);
  const days = new Set(
    schedules.flatMap((schedule) =>
      (string(schedule.byday) ?? '')
        .split(',')
        .flatMap((day) => DAYS[day.trim().toUpperCase().slice(-2)] ?? []),
    ),
  );
  const timed = schedules.find(
    (schedule) => string(schedule.opens_at) && string(schedule.closes_at),
  );
  const hhmm = (value: unknown) => /^(\d{2}:\d{2})/.exec(string(value) ?? '')?.[1];
  const summary = schedules.map((schedule) => string(schedule.description)).filter(Boolean);
  return {
    days: [...days],
    startTime: hhmm(timed?.opens_at),
    endTime: hhmm(timed?.closes_at),
    scheduleSummary: text(summary.join(' ')),
  };
}

function costOptionsOf(service: Json): ServiceDraft['costOptions'] {
  return objects(service.cost_options).flatMap((cost) => {
    const amount = number(cost.amount);
    if (amount === undefined || amount < 0) return [];
    const per = string(cost.amount_description) ?? '';
    const unit = /hour/i.test(per)
      ? 'HOUR'
      : /night/i.test(per)
        ? 'NIGHT'
        : /\bday\b/i.test(per)
          ? 'DAY'
          : 'SESSION';
    // ORUK amounts are in pounds.
    return [
      {
        label: string(cost.option) ?? (per || 'Cost'),
        amountPence: Math.round(amount * 100),
        unit,
      },
    ];
  });
}

function phoneOf(service: Json): string | undefined {
  const phones = [
    ...objects(service.phones),
    ...objects(service.contacts).flatMap((contact) => objects(contact.phones)),
  ];
  return phones.map((phone) => string(phone.number)).find(Boolean);
}

export function parseOrukServices(fileText: string): ParsedRow[] {
  return servicesIn(fileText).map((item, index): ParsedRow => {
    const rowNumber = index + 1;
    const service = object(item);
    if (!service) return { rowNumber, reason: 'Not a service object' };
    const id = string(service.id);
    const name = string(service.name);
    const organization = object(service.organization);
    const organizationId = string(organization?.id) ?? string(service.organization_id);
    const organizationName = string(organization?.name);
    if (!id) return { rowNumber, reason: 'Service id is missing' };
    if (!name) return { rowNumber, reason: 'Service name is missing' };
    if (!organizationId || !organizationName)
      return { rowNumber, reason: 'Organisation is missing (its id and name are needed)' };

    const statedMin = number(service.minimum_age);
    const statedMax = number(service.maximum_age);
    const minAge = Math.max(HARBOUR_MIN_AGE, Math.floor(statedMin ?? HARBOUR_MIN_AGE));
    const maxAge = Math.min(HARBOUR_MAX_AGE, Math.ceil(statedMax ?? HARBOUR_MAX_AGE));
    if (minAge > maxAge) {
      const ages = statedMax === undefined ? `${minAge} and over` : `${minAge} to ${statedMax}`;
      return {
        rowNumber,
        reason: `Service is for ages ${ages}: Harbour lists services for ages ${HARBOUR_MIN_AGE} to ${HARBOUR_MAX_AGE}`,
      };
    }

    const located = objects(service.service_at_locations)
      .map((at) => object(at.location))
      .filter((location) => location !== undefined)
      .map((location) => locationOf(location, name))
      .filter((result) => result !== null);
    const drafts = located.flatMap((result) => ('draft' in result ? [result.draft] : []));
    const problems = located.flatMap((result) => ('reason' in result ? [result] : []));
    const [first, ...rest] = drafts;
    if (!first) {
      return {
        rowNumber,
        reason:
          problems
            .map((p) => (problems.length > 1 ? `Location "${p.name}": ${p.reason}` : p.reason))
            .join('; ') ||
          'Service has no location with a postcode (online-only services cannot be placed on the map)',
      };
    }

    const terms = termsOf(service);
    const status = string(service.status)?.toLowerCase();
    return {
      rowNumber,
      provider: {
        name: organizationName,
        description: string(organization?.description),
        website: websiteOf(string(organization?.website)),
        email: string(organization?.email),
        externalIds: {
          orukId: organizationId,
          ...identifierIds(
            objects(organization?.organization_identifiers),
            'identifier_type',
            'identifier',
            'cqcProviderId',
          ),
        },
        source: ORUK_SOURCE,
      },
      locations: [first, ...rest],
      service: {
        name,
        description: string(service.description),
        type: typeOf(service, terms),
        needs: codesFrom(terms, VOCABULARIES.needs),
        minAge,
        maxAge,
        accessibilitySupport: codesFrom(terms, VOCABULARIES.accessibilitySupport),
        ratios: codesFrom(terms, VOCABULARIES.ratios),
        skills: codesFrom(terms, VOCABULARIES.skills),
        funding: codesFrom(terms, VOCABULARIES.funding),
        costOptions: costOptionsOf(service),
        ...scheduleOf(service),
        phone: phoneOf(service),
        email: string(service.email),
        website: websiteOf(string(service.url)),
        // "inactive", "defunct", "temporarily closed": kept, but out of search.
        status: !status || status === 'active' ? 'ACTIVE' : 'WITHDRAWN',
        externalIds: { orukId: id },
      },
      warnings: problems.map((p) => `Location "${p.name}" left out: ${p.reason}`),
    };
  });
}
