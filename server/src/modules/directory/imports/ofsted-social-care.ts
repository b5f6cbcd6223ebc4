import { readCsvTable, type CsvRow } from './csv-table';
import { placeOf, text, withdrawnIf, type ParsedRow } from './import-row';
import { isoDateOf, judgementOf, registrationStatusOf } from './regulator-values';

/**
 * Ofsted's children's social care management information (CSV): children's homes,
 * residential holiday schemes, fostering and adoption agencies… Only the two kinds that are
 * short breaks families can have are imported: children's homes that provide short breaks,
 * and residential holiday schemes for disabled children.
 */
export const OFSTED_SOCIAL_CARE_SOURCE = "Ofsted children's social care";

const OVERALL = 'Overall experiences and progress of children and young people';

/** Whether a children's home says it provides short breaks (in its type, name or a column). */
function providesShortBreaks(row: CsvRow, provisionType: string, name: string): boolean {
  if (/short.?break|respite/i.test(`${provisionType} ${name}`)) return true;
  return row
    .matching(/short.?break/)
    .some(({ value }) => value !== '' && !/^(n|no|false|0)$/i.test(value));
}

function serviceTypeOf(
  row: CsvRow,
  provisionType: string,
  name: string,
): { type: string } | { reason: string } {
  if (/holiday scheme/i.test(provisionType)) return { type: 'HOLIDAY_SCHEME' };
  if (/children'?s home/i.test(provisionType) && !/secure|special school/i.test(provisionType)) {
    return providesShortBreaks(row, provisionType, name)
      ? { type: 'OVERNIGHT_SHORT_BREAK' }
      : {
          reason:
            "Children's home that does not say it provides short breaks: homes for children in care are not booked by families",
        };
  }
  return {
    reason: `Provision type "${provisionType || 'none given'}" is not a short break Harbour lists`,
  };
}

export function parseOfstedSocialCare(fileText: string): ParsedRow[] {
  const rows = readCsvTable(fileText, {
    format: "Ofsted children's social care",
    isHeader: (cells) => cells[0] === 'urn' && cells.includes('provision type'),
    expected: 'starting "URN, Provision type"',
  });
  return rows.map((row): ParsedRow => {
    const rowNumber = row.rowNumber;
    const urn = row.get('URN');
    const name = row.get('Name', 'Setting name', 'Provider name');
    const provisionType = row.get('Provision type');
    const rawPostcode = row.get('Postcode');
    if (!urn) return { rowNumber, reason: 'URN is missing' };
    if (!name || name.toUpperCase() === 'REDACTED') return { rowNumber, reason: 'Name is missing' };
    if (!rawPostcode || rawPostcode.toUpperCase() === 'REDACTED')
      return { rowNumber, reason: 'Postcode is missing' };
    const kind = serviceTypeOf(row, provisionType, name);
    if ('reason' in kind) return { rowNumber, reason: kind.reason };
    const place = placeOf(rawPostcode);
    if ('reason' in place) return { rowNumber, reason: place.reason };
    const statusText = row.get('Registration status');
    const status = statusText ? registrationStatusOf(statusText) : 'ACTIVE';
    if (!status)
      return { rowNumber, reason: `Registration status "${statusText}" is not one we know` };

    const rating = judgementOf(row.get(OVERALL));
    const places = Number.parseInt(row.get('Places'), 10);
    const owner = row.get('Organisation which owns the provider', 'Owner name');
    return {
      rowNumber,
      // The file names the owning organisation but gives it no id: each setting is its own provider.
      provider: {
        name: owner || name,
        externalIds: { ofstedUrn: urn },
        source: OFSTED_SOCIAL_CARE_SOURCE,
      },
      locations: [
        {
          name,
          town: text(row.get('Town')),
          postcode: place.postcode,
          externalIds: { ofstedUrn: urn },
          registrations: [
            {
              regulator: 'OFSTED',
              identifier: urn,
              registrationType: provisionType,
              status,
              // Children's social care is for children: under 18.
              minAge: 0,
              maxAge: 17,
              ...(rating
                ? {
                    rating,
                    ratingScale: `Ofsted: ${OVERALL.toLowerCase()}`,
                    inspectedOn: isoDateOf(
                      row.get('Inspection date', 'Latest full inspection date'),
                    ),
                  }
                : {}),
              source: OFSTED_SOCIAL_CARE_SOURCE,
            },
          ],
        },
      ],
      service: {
        name,
        description: `${provisionType} registered with Ofsted${Number.isFinite(places) && places > 0 ? ` for ${places} children` : ''}.`,
        type: kind.type,
        minAge: 0,
        maxAge: 17,
        ...withdrawnIf(status),
        externalIds: { ofstedUrn: urn },
      },
      warnings: [],
    };
  });
}
