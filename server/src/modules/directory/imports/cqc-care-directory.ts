import { readCsvTable } from './csv-table';
import { placeOf, text, websiteOf, type ParsedRow } from './import-row';
import { isoDateOf } from './regulator-values';

/**
 * CQC's care directory (CSV): every location CQC registers, one a row, after a few lines of
 * preamble. Only care that can be a short break or support for a disabled young adult is
 * imported; the mapping is explained in this folder's README.
 */
export const CQC_SOURCE = 'CQC care directory';

const COLUMNS = {
  name: 'Name',
  alsoKnownAs: 'Also known as',
  address: 'Address',
  postcode: 'Postcode',
  phone: 'Phone number',
  website: "Service's website (if available)",
  serviceTypes: 'Service types',
  latestCheck: 'Date of latest check',
  specialisms: 'Specialisms/services',
  providerName: 'Provider name',
  locationId: 'CQC Location ID (for office use only)',
  providerId: 'CQC Provider ID (for office use only)',
} as const;

/** Service types, in order of preference when a location has several. */
const TYPES: { pattern: RegExp; type: string }[] = [
  // Shared Lives carers take a young adult into their own home, often for short breaks.
  { pattern: /shared lives/i, type: 'OVERNIGHT_SHORT_BREAK' },
  { pattern: /care home|residential home|nursing home/i, type: 'OVERNIGHT_SHORT_BREAK' },
  { pattern: /homecare|home care|domiciliary|supported living/i, type: 'HOME_SUPPORT' },
];

const NEEDS: { pattern: RegExp; needs: string[] }[] = [
  // CQC has one "learning disabilities" group; it spans moderate to severe.
  {
    pattern: /learning disabilit/i,
    needs: ['MODERATE_LEARNING_DIFFICULTY', 'SEVERE_LEARNING_DIFFICULTY'],
  },
  { pattern: /autis/i, needs: ['AUTISM'] },
  { pattern: /physical disabilit/i, needs: ['PHYSICAL_DISABILITY'] },
  // CQC's "sensory impairments" does not say which sense.
  {
    pattern: /sensory impairment/i,
    needs: ['VISUAL_IMPAIRMENT', 'HEARING_IMPAIRMENT', 'MULTI_SENSORY_IMPAIRMENT'],
  },
  { pattern: /mental health|eating disorder/i, needs: ['SOCIAL_EMOTIONAL_MENTAL_HEALTH'] },
];

const NURSING = /nursing home|with nursing/i;
const CHILDREN = /children/i;
/** Specialisms that say a service is for younger people, or for a need Harbour serves. */
const FOR_YOUNGER_PEOPLE = /under 65|children|young|learning disabilit|autis|physical|sensory/i;

const list = (value: string) =>
  value
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);

export function parseCqcCareDirectory(fileText: string): ParsedRow[] {
  const rows = readCsvTable(fileText, {
    format: 'CQC care directory',
    isHeader: (cells) =>
      cells[0] === 'name' && cells.some((cell) => cell.startsWith('cqc location id')),
    expected: 'starting "Name, Also known as, Address, Postcode, …"',
  });
  return rows.map((row): ParsedRow => {
    const rowNumber = row.rowNumber;
    const name = row.get(COLUMNS.name);
    const locationId = row.get(COLUMNS.locationId);
    const providerId = row.get(COLUMNS.providerId);
    const rawPostcode = row.get(COLUMNS.postcode);
    if (!name) return { rowNumber, reason: 'Name is missing' };
    if (!locationId) return { rowNumber, reason: 'CQC Location ID is missing' };
    if (!providerId) return { rowNumber, reason: 'CQC Provider ID is missing' };
    if (!rawPostcode) return { rowNumber, reason: 'Postcode is missing' };
    const place = placeOf(rawPostcode);
    if ('reason' in place) return { rowNumber, reason: place.reason };

    const serviceTypes = list(row.get(COLUMNS.serviceTypes));
    const specialisms = list(row.get(COLUMNS.specialisms));
    const type = TYPES.find((candidate) =>
      serviceTypes.some((serviceType) => candidate.pattern.test(serviceType)),
    )?.type;
    if (!type) {
      return {
        rowNumber,
        reason: `Service types "${serviceTypes.join(', ') || 'none given'}" are not care Harbour lists (care homes, Shared Lives, home care and supported living)`,
      };
    }
    if (specialisms.length > 0 && !specialisms.some((s) => FOR_YOUNGER_PEOPLE.test(s))) {
      return {
        rowNumber,
        reason: `Specialisms "${specialisms.join(', ')}" are for older people only, not disabled children or young adults`,
      };
    }
    const needs = new Set(
      NEEDS.filter((need) => specialisms.some((s) => need.pattern.test(s))).flatMap(
        (need) => need.needs,
      ),
    );
    // Nursing care is for people with complex health needs.
    if (serviceTypes.some((serviceType) => NURSING.test(serviceType)))
      needs.add('COMPLEX_HEALTH_NEEDS');
    // Adult care, from 18 to the end of Harbour's range, unless CQC says it cares for children too.
    const minAge = specialisms.some((s) => CHILDREN.test(s)) ? 0 : 18;
    const alsoKnownAs = text(row.get(COLUMNS.alsoKnownAs));
    const website = websiteOf(row.get(COLUMNS.website));
    const phone = text(row.get(COLUMNS.phone));
    const inspectedOn = isoDateOf(row.get(COLUMNS.latestCheck));

    return {
      rowNumber,
      provider: {
        name: row.get(COLUMNS.providerName) || name,
        externalIds: { cqcProviderId: providerId },
        source: CQC_SOURCE,
      },
      locations: [
        {
          name,
          addressLine: text(row.get(COLUMNS.address)),
          postcode: place.postcode,
          externalIds: { cqcLocationId: locationId },
          registrations: [
            {
              regulator: 'CQC',
              identifier: locationId,
              registrationType: serviceTypes.join(', '),
              // The directory lists only locations registered now.
              status: 'ACTIVE',
              minAge,
              inspectedOn,
              source: CQC_SOURCE,
            },
          ],
        },
      ],
      service: {
        name,
        description: [
          alsoKnownAs && `Also known as ${alsoKnownAs}.`,
          `Registered with CQC: ${serviceTypes.join(', ')}.`,
          specialisms.length > 0 && `Specialisms: ${specialisms.join(', ')}.`,
        ]
          .filter(Boolean)
          .join(' '),
        type,
        needs: [...needs],
        minAge,
        maxAge: 25,
        phone,
        website,
        externalIds: { cqcLocationId: locationId },
      },
      warnings: [],
    };
  });
}
