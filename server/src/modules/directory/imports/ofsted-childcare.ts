import { readCsvTable, type CsvRow } from './csv-table';
import {
  placeOf,
  text,
  withdrawnIf,
  type ImportedRegistration,
  type ParsedRow,
} from './import-row';
import { isoDateOf, judgementOf, registrationStatusOf } from './regulator-values';

/**
 * Ofsted's "Childcare providers and inspections" management information (CSV): every
 * registered childcare provider in England with its latest inspections. Column names change
 * capitalisation between releases, so every column is looked up case-insensitively.
 */
export const OFSTED_CHILDCARE_SOURCE = 'Ofsted childcare providers and inspections';

const REGISTERS = {
  EYR: { label: 'Early Years Register', minAge: 0, maxAge: 5 },
  CCR: { label: 'Compulsory Childcare Register', minAge: 5, maxAge: 7 },
  VCR: { label: 'Voluntary Childcare Register', minAge: 8, maxAge: null },
} as const;
type Register = keyof typeof REGISTERS;

/** The registers a provider is on, from "ALL", "EYR only", "EYR-CCR", … or the Y/N flags. */
function registersOf(row: CsvRow): Register[] {
  const combination = row.get('Individual Register combinations').toUpperCase();
  if (combination === 'ALL') return ['EYR', 'CCR', 'VCR'];
  const named = (Object.keys(REGISTERS) as Register[]).filter((register) =>
    combination.includes(register),
  );
  if (named.length > 0) return named;
  const flags: Record<Register, string> = {
    EYR: 'Provider Early Years Register Flag',
    CCR: 'Provider Compulsory Childcare Register Flag',
    VCR: 'Provider Voluntary Childcare Register Flag',
  };
  return (Object.keys(flags) as Register[]).filter((register) =>
    /^(y|yes|true)$/i.test(row.get(flags[register])),
  );
}

/** The most recent judgement: graded early years inspection, else a Met / Not met check. */
function latestJudgement(row: CsvRow) {
  const graded = [
    {
      rating: 'EYR OEIF/CIF: Most recent: Overall effectiveness',
      date: [
        'EYR OEIF/CIF: Most recent: Inspection date',
        'EYR OEIF: Most recent: Full inspection date',
        'Most recent full: Inspection date',
        'Inspection date',
      ],
      scale: 'Ofsted overall effectiveness',
    },
    {
      rating: 'EYR OEIF OOSC: Most recent: Overall effectiveness',
      date: ['EYR OEIF OOSC: Most recent: Inspection date'],
      scale: 'Ofsted out-of-school requirements',
    },
    {
      rating: 'CR: Compliance',
      date: ['CR: Most recent: Inspection date'],
      scale: 'Ofsted Childcare Register requirements',
    },
  ];
  for (const candidate of graded) {
    const rating = judgementOf(row.get(candidate.rating));
    if (rating) {
      return {
        rating,
        ratingScale: candidate.scale,
        inspectedOn: isoDateOf(row.get(...candidate.date)),
      };
    }
  }
  return {};
}

/** Childcare kinds, by Ofsted's subtype (or name), with the ages each looks after. */
function serviceOf(subtype: string, name: string, registers: Register[]) {
  const school = registers.includes('EYR') ? 4 : registers.includes('CCR') ? 5 : 8;
  // Clubs on the Voluntary register take older children; 14 is where most stop.
  const clubMaxAge = registers.includes('VCR') ? 14 : 7;
  if (/holiday/i.test(subtype) || /holiday/i.test(name))
    return { type: 'HOLIDAY_SCHEME', minAge: school, maxAge: clubMaxAge };
  if (/out.of.school|after.school/i.test(subtype) || (subtype === '' && !registers.includes('EYR')))
    return { type: 'AFTER_SCHOOL_CLUB', minAge: school, maxAge: clubMaxAge };
  // Nurseries and pre-schools: the early years, whatever other registers they are on.
  return { type: 'DAY_CARE', minAge: 0, maxAge: 5 };
}

export function parseOfstedChildcare(fileText: string): ParsedRow[] {
  const rows = readCsvTable(fileText, {
    format: 'Ofsted childcare providers and inspections',
    isHeader: (cells) => cells[0] === 'web link' && cells[1] === 'provider urn',
    expected: 'starting "Web link,Provider URN"',
  });
  return rows.map((row): ParsedRow => {
    const rowNumber = row.rowNumber;
    const urn = row.get('Provider URN');
    const providerType = row.get('Provider type');
    const name = row.get('Provider name');
    const rawPostcode = row.get('Postcode', 'Provider postcode');
    if (/childminder/i.test(providerType)) {
      return {
        rowNumber,
        reason:
          'Childminders are not listed: Ofsted does not publish their names and addresses (REDACTED)',
      };
    }
    if (name.toUpperCase() === 'REDACTED' || rawPostcode.toUpperCase() === 'REDACTED') {
      return {
        rowNumber,
        reason: 'Name and address are REDACTED by Ofsted, so it cannot be listed',
      };
    }
    if (!urn) return { rowNumber, reason: 'Provider URN is missing' };
    if (!name) return { rowNumber, reason: 'Provider name is missing' };
    if (!rawPostcode) return { rowNumber, reason: 'Postcode is missing' };
    const place = placeOf(rawPostcode);
    if ('reason' in place) return { rowNumber, reason: place.reason };
    const statusText = row.get('Provider status');
    const status = statusText ? registrationStatusOf(statusText) : 'ACTIVE';
    if (!status) return { rowNumber, reason: `Provider status "${statusText}" is not one we know` };

    const registers = registersOf(row);
    const subtype = row.get('Provider subtype');
    const service = serviceOf(subtype, name, registers);
    const ages = registers.map((register) => REGISTERS[register]);
    const registration: ImportedRegistration = {
      regulator: 'OFSTED',
      identifier: urn,
      registrationType: [
        providerType || 'Childcare',
        registers.length > 0 && `(${ages.map((r) => r.label).join(', ')})`,
      ]
        .filter(Boolean)
        .join(' '),
      status,
      ...(ages.length > 0
        ? {
            minAge: Math.min(...ages.map((r) => r.minAge)),
            maxAge: ages.some((r) => r.maxAge === null)
              ? null
              : Math.max(...ages.map((r) => r.maxAge ?? 0)),
          }
        : {}),
      ...latestJudgement(row),
      source: OFSTED_CHILDCARE_SOURCE,
    };
    const places = Number.parseInt(row.get('Places'), 10);
    const registeredOn = isoDateOf(row.get('Registration date'));
    const addressLine = [1, 2, 3]
      .map((line) => row.get(`Provider address line ${line}`))
      .filter(Boolean)
      .join(', ');
    const registeredPerson = row.get('Registered person name');
    const registeredPersonUrn = row.get('Registered person URN');

    return {
      rowNumber,
      // The registered person is the organisation that runs the setting (and may run several).
      provider:
        registeredPerson && registeredPersonUrn
          ? {
              name: registeredPerson,
              externalIds: { ofstedUrn: registeredPersonUrn },
              source: OFSTED_CHILDCARE_SOURCE,
            }
          : { name, externalIds: { ofstedUrn: urn }, source: OFSTED_CHILDCARE_SOURCE },
      locations: [
        {
          name,
          addressLine: text(addressLine),
          town: text(row.get('Provider town')),
          postcode: place.postcode,
          externalIds: { ofstedUrn: urn },
          registrations: [registration],
        },
      ],
      service: {
        name,
        description: [
          `${subtype || providerType || 'Childcare'} registered with Ofsted`,
          Number.isFinite(places) && places > 0 ? ` for ${places} places` : '',
          registeredOn ? ` since ${registeredOn}` : '',
          '.',
        ].join(''),
        ...service,
        ...withdrawnIf(status),
        externalIds: { ofstedUrn: urn },
      },
      warnings: [],
    };
  });
}
