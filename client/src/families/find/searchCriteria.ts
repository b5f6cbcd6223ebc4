import {
  ACCESSIBILITY_SUPPORT,
  DISTRICTS,
  FUNDING_TYPES,
  LOCATION_FEATURES,
  NEEDS,
  SERVICE_TYPES,
  WEEKDAYS,
} from '@harbour/shared';
import type { FormError, UserError } from '../../api/userErrors';
import { formErrorsFrom } from '../../api/userErrors';
import type { SelectOption } from '../../govuk/Select';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';
import type { Bounds, DirectorySearchInput } from './directoryApi';

/**
 * A search as the form holds it and the address bar shows it: the query string is the search,
 * so results can be linked to and the back button goes back to the previous search.
 */
export type SearchCriteria = {
  /** A postcode or a town, as typed. */
  place: string;
  radiusKm: string;
  age: string;
  text: string;
  needs: string[];
  types: string[];
  funding: string[];
  days: string[];
  accessibilitySupport: string[];
  features: string[];
  minimumRating: string;
  registeredOnly: boolean;
  /** A signed-in family's child: only services the child is eligible for ("" for all). */
  eligibleFor: string;
  /** The map's area, after "Search this area"; it replaces the distance from the place. */
  area: Bounds | null;
};

export type SearchField = 'place' | 'age' | 'text';

export const DISTANCE_OPTIONS: readonly SelectOption[] = ['5', '10', '25', '50'].map((km) => ({
  value: km,
  label: `Within ${km} km`,
}));
const DEFAULT_RADIUS_KM = '10';

export const MINIMUM_RATING_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any rating, or not rated yet' },
  { value: 'OUTSTANDING', label: 'Outstanding' },
  { value: 'GOOD', label: 'Good or better' },
  { value: 'REQUIRES_IMPROVEMENT', label: 'Requires improvement or better' },
];

/** The filter groups: each a list of codes from one of the directory's vocabularies. */
export const FILTERS = {
  needs: {
    legend: 'Needs',
    hint: 'Services that support all of the needs you choose',
    options: vocabularyOptions(NEEDS),
  },
  types: {
    legend: 'Type of service',
    hint: 'Any of these',
    options: vocabularyOptions(SERVICE_TYPES.items),
  },
  funding: {
    legend: 'Funding',
    hint: 'Services that accept any of these ways to pay',
    options: vocabularyOptions(FUNDING_TYPES.items),
  },
  days: {
    legend: 'Day of the week',
    hint: 'Running on any of these days',
    options: vocabularyOptions(WEEKDAYS.items),
  },
  accessibilitySupport: {
    legend: 'Accessibility support',
    hint: 'Services that support all of these (OpenActive list)',
    options: ACCESSIBILITY_SUPPORT.map(({ id, label }) => ({ value: id, label })),
  },
  features: {
    legend: 'Location features',
    hint: 'Places that have all of these',
    options: vocabularyOptions(LOCATION_FEATURES.items),
  },
} as const;

export type FilterName = keyof typeof FILTERS;
export const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];

// Short names in the address bar; the form's field names are the API's.
const PARAMS = {
  place: 'place',
  radiusKm: 'distance',
  age: 'age',
  text: 'keywords',
  needs: 'need',
  types: 'type',
  funding: 'funding',
  days: 'day',
  accessibilitySupport: 'support',
  features: 'feature',
  minimumRating: 'rating',
  registeredOnly: 'registered',
  eligibleFor: 'eligible-for',
  area: 'area',
} as const satisfies Record<keyof SearchCriteria, string>;

export function emptyCriteria(): SearchCriteria {
  return {
    place: '',
    radiusKm: DEFAULT_RADIUS_KM,
    age: '',
    text: '',
    needs: [],
    types: [],
    funding: [],
    days: [],
    accessibilitySupport: [],
    features: [],
    minimumRating: '',
    registeredOnly: false,
    eligibleFor: '',
    area: null,
  };
}

/** Whether the address asks for a search at all (a first visit shows the form alone). */
export function isSearch(query: URLSearchParams): boolean {
  return query.has(PARAMS.place) || query.has(PARAMS.area);
}

/** Reads a search from the address; values a hand-edited link got wrong are left out. */
export function criteriaFromQuery(query: URLSearchParams): SearchCriteria {
  const known = (param: string, options: readonly { value: string }[]) =>
    query.getAll(param).filter((value) => options.some((option) => option.value === value));
  const radius = query.get(PARAMS.radiusKm) ?? '';
  const rating = query.get(PARAMS.minimumRating) ?? '';
  const criteria = emptyCriteria();
  for (const name of FILTER_NAMES) criteria[name] = known(PARAMS[name], FILTERS[name].options);
  return {
    ...criteria,
    place: query.get(PARAMS.place) ?? '',
    radiusKm: DISTANCE_OPTIONS.some((option) => option.value === radius)
      ? radius
      : DEFAULT_RADIUS_KM,
    age: query.get(PARAMS.age) ?? '',
    text: query.get(PARAMS.text) ?? '',
    minimumRating: MINIMUM_RATING_OPTIONS.some((option) => option.value === rating) ? rating : '',
    registeredOnly: query.get(PARAMS.registeredOnly) === 'yes',
    eligibleFor: query.get(PARAMS.eligibleFor) ?? '',
    area: boundsFrom(query.get(PARAMS.area)),
  };
}

/** Writes a search into a query string, leaving out what is not chosen. */
export function queryFromCriteria(criteria: SearchCriteria): string {
  const query = new URLSearchParams();
  // Always there, even when empty, so that searching all of Devon is a search too.
  query.set(PARAMS.place, criteria.place.trim());
  if (!criteria.area) query.set(PARAMS.radiusKm, criteria.radiusKm);
  if (criteria.age.trim()) query.set(PARAMS.age, criteria.age.trim());
  if (criteria.text.trim()) query.set(PARAMS.text, criteria.text.trim());
  for (const name of FILTER_NAMES) {
    for (const value of criteria[name]) query.append(PARAMS[name], value);
  }
  if (criteria.minimumRating) query.set(PARAMS.minimumRating, criteria.minimumRating);
  if (criteria.registeredOnly) query.set(PARAMS.registeredOnly, 'yes');
  if (criteria.eligibleFor) query.set(PARAMS.eligibleFor, criteria.eligibleFor);
  if (criteria.area) {
    const { south, west, north, east } = criteria.area;
    query.set(PARAMS.area, [south, west, north, east].map((n) => n.toFixed(4)).join(','));
  }
  return query.toString();
}

function boundsFrom(text: string | null): Bounds | null {
  const numbers = (text ?? '').split(',').map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [south = 0, west = 0, north = 0, east = 0] = numbers;
  return { south, west, north, east };
}

const towns = DISTRICTS.flatMap((district) => district.towns);

/**
 * The API finds places by postcode: a town that Harbour knows is searched by its main postcode
 * district, so "Bideford" finds what "EX39" does.
 */
function postcodeFor(place: string): string {
  const wanted = place.trim().toLowerCase();
  return towns.find((town) => town.name.toLowerCase() === wanted)?.postcodes[0] ?? place.trim();
}

/** The search for the API, or the mistakes to fix first. */
export function searchInputFrom(
  criteria: SearchCriteria,
): { input: DirectorySearchInput } | { errors: FormError<SearchField>[] } {
  const errors: FormError<SearchField>[] = [];
  const place = criteria.place.trim();
  const postcode = postcodeFor(place);
  // The API takes postcodes only, up to 10 characters; anything longer is a town it cannot know.
  if (place && !/^[A-Za-z0-9 ]{1,10}$/.test(postcode)) {
    errors.push({
      field: 'place',
      message: `We could not find ${place} in Devon, Plymouth or Torbay. Enter a postcode, like EX39, or a town, like Bideford.`,
    });
  }
  const age = criteria.age.trim();
  if (age && !/^\d{1,2}$/.test(age)) {
    errors.push({ field: 'age', message: 'Enter your child’s age as a whole number, like 8' });
  }
  if (errors.length > 0) return { errors };

  const input: DirectorySearchInput = {};
  if (postcode) {
    input.near = criteria.area ? { postcode } : { postcode, radiusKm: Number(criteria.radiusKm) };
  }
  if (criteria.area) input.bounds = criteria.area;
  if (age) input.age = Number(age);
  if (criteria.text.trim()) input.text = criteria.text.trim();
  for (const name of FILTER_NAMES) if (criteria[name].length > 0) input[name] = criteria[name];
  if (criteria.minimumRating) input.minimumRating = criteria.minimumRating;
  if (criteria.registeredOnly) input.registeredOnly = true;
  if (criteria.eligibleFor) input.eligibleForChildId = criteria.eligibleFor;
  return { input };
}

/** The API's userErrors against the form's questions. */
export function searchErrorsFrom(userErrors: readonly UserError[]): FormError<SearchField>[] {
  return formErrorsFrom<SearchField>(userErrors, ['age', 'text'], (userError) =>
    userError.field?.includes('near') ? 'place' : null,
  );
}
