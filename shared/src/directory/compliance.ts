import { RATINGS, RATING_ORDER, REGULATORS } from './vocabularies';

/** A registration with Ofsted or CQC, as stored for a provider or one of its locations. */
export interface Registration {
  regulator: 'OFSTED' | 'CQC';
  identifier: string;
  /** E.g. "Children's home", "Early Years Register", "Homecare agency". */
  registrationType: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED' | 'RESIGNED';
  /** Ages the registration covers, when the register says. */
  minAge?: number | null;
  maxAge?: number | null;
  rating?: string | null;
  /** Inspection or publication date of the rating, YYYY-MM-DD. */
  inspectedOn?: string | null;
}

export interface ServiceFacts {
  type: string;
  minAge: number;
  maxAge: number;
}

export type FlagCode =
  | 'UNREGISTERED_CHILDRENS_CARE'
  | 'NO_CQC_PAST_18'
  | 'INSPECTION_OVERDUE'
  | 'RATED_INADEQUATE'
  | 'REGISTRATION_LAPSED';

export interface ComplianceFlag {
  code: FlagCode;
  message: string;
}

export interface Compliance {
  flags: ComplianceFlag[];
  /** Plain-English lines for families. */
  summary: string[];
  /** Inadequate or lapsed: left out of family search unless asked for. */
  hiddenFromFamilies: boolean;
  registered: boolean;
  /** Best current judgement on the four-point scale (4 = Outstanding), or null. */
  bestRating: number | null;
  /** Whether care can legally continue past 18 (CQC-registered), where the service runs that long. */
  continuesPast18: 'YES' | 'NO' | 'NOT_APPLICABLE';
}

/** Care for children that needs Ofsted registration (children's homes, childcare for younger children). */
const OFSTED_CARE_TYPES = new Set(['DAY_CARE', 'OVERNIGHT_SHORT_BREAK', 'HOLIDAY_SCHEME']);
const CHILDCARE_CLUB_TYPES = new Set(['AFTER_SCHOOL_CLUB', 'WEEKEND_CLUB']);
/** Regulated personal care once a young person is an adult. */
const PERSONAL_CARE_TYPES = new Set(['OVERNIGHT_SHORT_BREAK', 'HOME_SUPPORT', 'DAY_CARE']);
/** Childcare for children under 8 must be registered; older children's clubs may register voluntarily. */
const COMPULSORY_CHILDCARE_BELOW_AGE = 8;
const INSPECTION_CYCLE_YEARS = 4;

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

function monthYear(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * Registration compliance of a service, from its registrations (its provider's and its
 * location's), explained: what a commissioner should look at, and what a family should know.
 */
export function assessCompliance(
  service: ServiceFacts,
  registrations: readonly Registration[],
  today: string,
): Compliance {
  const active = registrations.filter((r) => r.status === 'ACTIVE');
  const activeWith = (regulator: Registration['regulator']) =>
    active.filter((r) => r.regulator === regulator);
  const flags: ComplianceFlag[] = [];
  const summary: string[] = [];

  const needsOfsted =
    service.minAge < 18 &&
    (OFSTED_CARE_TYPES.has(service.type) ||
      (CHILDCARE_CLUB_TYPES.has(service.type) && service.minAge < COMPULSORY_CHILDCARE_BELOW_AGE));
  if (needsOfsted && activeWith('OFSTED').length === 0) {
    flags.push({
      code: 'UNREGISTERED_CHILDRENS_CARE',
      message: 'Provides care for children under 18 without an active Ofsted registration',
    });
  }

  const runsPast18 = service.maxAge >= 18;
  const personalCare = PERSONAL_CARE_TYPES.has(service.type);
  const continuesPast18 =
    !runsPast18 || !personalCare ? 'NOT_APPLICABLE' : activeWith('CQC').length > 0 ? 'YES' : 'NO';
  if (continuesPast18 === 'NO') {
    flags.push({
      code: 'NO_CQC_PAST_18',
      message:
        'Offers personal care past 18 without CQC registration: young adults may lose this service at 18',
    });
  }

  for (const registration of active) {
    if (
      registration.inspectedOn &&
      yearsBetween(registration.inspectedOn, today) >= INSPECTION_CYCLE_YEARS
    ) {
      flags.push({
        code: 'INSPECTION_OVERDUE',
        message: `${REGULATORS.label(registration.regulator)} last inspected ${registration.identifier} more than ${INSPECTION_CYCLE_YEARS} years ago (${registration.inspectedOn})`,
      });
    }
  }

  const inadequate = active.filter((r) => r.rating === 'INADEQUATE');
  if (inadequate.length > 0) {
    flags.push({
      code: 'RATED_INADEQUATE',
      message: `Rated Inadequate by ${inadequate.map((r) => REGULATORS.label(r.regulator)).join(' and ')}`,
    });
  }
  const lapsed = registrations.filter(
    (r) => r.status !== 'ACTIVE' && !active.some((a) => a.regulator === r.regulator),
  );
  if (lapsed.length > 0) {
    flags.push({
      code: 'REGISTRATION_LAPSED',
      message: `${lapsed.map((r) => `${REGULATORS.label(r.regulator)} registration ${r.identifier} is ${r.status.toLowerCase()}`).join('; ')}`,
    });
  }

  for (const registration of active) {
    const rating = registration.rating
      ? `, rated ${RATINGS.label(registration.rating)}${registration.inspectedOn ? ` in ${monthYear(registration.inspectedOn)}` : ''}`
      : registration.inspectedOn
        ? `, last checked in ${monthYear(registration.inspectedOn)} (no rating published)`
        : ', not inspected yet';
    summary.push(
      `Registered with ${REGULATORS.label(registration.regulator)} (${registration.identifier})${rating}.`,
    );
  }
  if (active.length === 0) {
    summary.push(
      needsOfsted
        ? 'Not registered with Ofsted. Care like this for children usually has to be: ask the provider why.'
        : 'Not registered with Ofsted or CQC. This kind of service does not have to be.',
    );
  }
  if (continuesPast18 === 'YES')
    summary.push('Registered with CQC, so care can continue after 18.');
  if (continuesPast18 === 'NO')
    summary.push('Not registered with CQC, so personal care may stop at 18.');
  if (lapsed.length > 0) summary.push('A registration has lapsed or been cancelled.');

  const ratings = active.map((r) => RATING_ORDER[r.rating ?? ''] ?? 0).filter((value) => value > 0);
  return {
    flags,
    summary,
    hiddenFromFamilies: inadequate.length > 0 || lapsed.length > 0,
    registered: active.length > 0,
    bestRating: ratings.length ? Math.max(...ratings) : null,
    continuesPast18,
  };
}
