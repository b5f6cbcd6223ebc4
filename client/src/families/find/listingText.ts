import { formatMoney, type Money } from '@harbour/shared';

// How the directory's facts read on a result card and a service page.

/** "5 to 14 years", or "Age 5" when a service takes one age only. */
export function agesText(minAge: number, maxAge: number): string {
  return minAge === maxAge ? `Age ${minAge}` : `${minAge} to ${maxAge} years`;
}

/** "3.2 km away". */
export function distanceText(distanceKm: number): string {
  return `${kilometres(distanceKm)} away`;
}

/** "3.2 km from EX39 (Bideford)". */
export function distanceFromText(distanceKm: number, placeName: string): string {
  return `${kilometres(distanceKm)} from ${placeName}`;
}

function kilometres(distanceKm: number): string {
  if (distanceKm < 0.1) return 'Less than 0.1 km';
  return `${distanceKm.toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`;
}

const units: Record<string, string> = {
  SESSION: 'a session',
  HOUR: 'an hour',
  DAY: 'a day',
  NIGHT: 'a night',
};

/** "£12.50 a session". */
export function priceText(amount: Money, unit: string): string {
  return `${formatMoney(amount)} ${units[unit] ?? `per ${unit.toLowerCase()}`}`;
}

/** A 24-hour "HH:MM" as GOV.UK writes times: "10am", "5:30pm", "midday", "midnight". */
export function clockText(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (minutes === 0 && hours === 12) return 'midday';
  if (minutes === 0 && hours === 0) return 'midnight';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'am' : 'pm';
  return minutes === 0
    ? `${hour12}${suffix}`
    : `${hour12}:${String(minutes).padStart(2, '0')}${suffix}`;
}

/** The labels of some codes, as a sentence-style list: "Autism, ADHD". */
export function labelsText(codes: readonly string[], label: (code: string) => string): string {
  return codes.map(label).join(', ');
}

/** Where a service page is, as a link's address: listing ids hold a colon. */
export function servicePath(listingId: string): string {
  return `/services/${encodeURIComponent(listingId)}`;
}

/**
 * What a service page is told about the search it was opened from (as router state), so it can
 * say how far away the service is and link back to the results.
 */
export type FromSearch = {
  searchPath: string;
  placeName: string | null;
  distanceKm: number | null;
};

export function fromSearchIn(state: unknown): FromSearch | null {
  const candidate = state as Partial<FromSearch> | null;
  return typeof candidate?.searchPath === 'string' &&
    candidate.searchPath.startsWith('/families/find')
    ? {
        searchPath: candidate.searchPath,
        placeName: typeof candidate.placeName === 'string' ? candidate.placeName : null,
        distanceKm: typeof candidate.distanceKm === 'number' ? candidate.distanceKm : null,
      }
    : null;
}
