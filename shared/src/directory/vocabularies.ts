import { z } from 'zod';

/** Closed lists the directory is described with. Codes are stored; labels are for people. */
export function vocabulary<const T extends readonly { code: string; label: string }[]>(items: T) {
  const codes = items.map((item) => item.code) as [T[number]['code'], ...T[number]['code'][]];
  const labels = new Map<string, string>(items.map((item) => [item.code, item.label]));
  return {
    items,
    codes,
    label: (code: string) => labels.get(code) ?? code,
    schema: (what: string) =>
      z.enum(codes, {
        error: (issue) =>
          `Unknown ${what} "${String(issue.input)}". Use one of: ${codes.join(', ')}`,
      }),
  };
}

export const SERVICE_TYPES = vocabulary([
  { code: 'DAY_CARE', label: 'Day care' },
  { code: 'OVERNIGHT_SHORT_BREAK', label: 'Overnight short break' },
  { code: 'HOLIDAY_SCHEME', label: 'Holiday scheme' },
  { code: 'AFTER_SCHOOL_CLUB', label: 'After-school club' },
  { code: 'WEEKEND_CLUB', label: 'Weekend club' },
  { code: 'SITTING_BEFRIENDING', label: 'Sitting or befriending' },
  { code: 'INCLUSIVE_ACTIVITY', label: 'Inclusive community activity' },
  { code: 'HOME_SUPPORT', label: 'Support at home' },
] as const);

export const LOCATION_FEATURES = vocabulary([
  { code: 'STEP_FREE', label: 'Step-free access' },
  { code: 'CHANGING_PLACES', label: 'Changing Places toilet' },
  { code: 'QUIET_SPACE', label: 'Quiet or sensory space' },
  { code: 'HOIST', label: 'Hoist' },
  { code: 'ACCESSIBLE_PARKING', label: 'Accessible parking' },
  { code: 'HEARING_LOOP', label: 'Hearing loop' },
] as const);

export const STAFF_SKILLS = vocabulary([
  { code: 'EPILEPSY_RESCUE_MEDICATION', label: 'Epilepsy rescue medication' },
  { code: 'TUBE_FEEDING', label: 'Tube feeding' },
  { code: 'MAKATON', label: 'Makaton' },
  { code: 'BSL', label: 'British Sign Language' },
  { code: 'PECS_AAC', label: 'PECS and communication aids' },
  { code: 'MOVING_AND_HANDLING', label: 'Moving and handling' },
  { code: 'POSITIVE_BEHAVIOUR_SUPPORT', label: 'Positive behaviour support' },
  { code: 'OXYGEN', label: 'Oxygen therapy' },
] as const);

export const SUPPORT_RATIOS = vocabulary([
  { code: 'GROUP', label: 'Group support' },
  { code: 'ONE_TO_ONE', label: '1:1 support' },
  { code: 'TWO_TO_ONE', label: '2:1 support' },
] as const);

export const FUNDING_TYPES = vocabulary([
  { code: 'PERSONAL_BUDGET', label: 'Personal budget' },
  { code: 'DIRECT_PAYMENT', label: 'Direct payment' },
  { code: 'PERSONAL_HEALTH_BUDGET', label: 'Personal health budget' },
  { code: 'POOLED_FUND', label: 'Pooled fund' },
  { code: 'SELF_PAY', label: 'Pay yourself' },
  { code: 'FREE', label: 'Free' },
] as const);

export const WEEKDAYS = vocabulary([
  { code: 'MON', label: 'Monday' },
  { code: 'TUE', label: 'Tuesday' },
  { code: 'WED', label: 'Wednesday' },
  { code: 'THU', label: 'Thursday' },
  { code: 'FRI', label: 'Friday' },
  { code: 'SAT', label: 'Saturday' },
  { code: 'SUN', label: 'Sunday' },
] as const);

export const REGULATORS = vocabulary([
  { code: 'OFSTED', label: 'Ofsted' },
  { code: 'CQC', label: 'Care Quality Commission (CQC)' },
] as const);

/** Ratings as the regulators publish them; never merged into one score across regulators. */
export const RATINGS = vocabulary([
  { code: 'OUTSTANDING', label: 'Outstanding' },
  { code: 'GOOD', label: 'Good' },
  { code: 'REQUIRES_IMPROVEMENT', label: 'Requires improvement' },
  { code: 'INADEQUATE', label: 'Inadequate' },
  { code: 'MET', label: 'Met' },
  { code: 'NOT_MET', label: 'Not met' },
  { code: 'NOT_RATED', label: 'Not rated yet' },
  { code: 'INSUFFICIENT_EVIDENCE', label: 'Insufficient evidence to rate' },
] as const);

export const REGISTRATION_STATUSES = vocabulary([
  { code: 'ACTIVE', label: 'Registered' },
  { code: 'SUSPENDED', label: 'Suspended' },
  { code: 'CANCELLED', label: 'Cancelled' },
  { code: 'RESIGNED', label: 'Resigned' },
] as const);

/** For the "minimum rating" filter: the four-point judgement scale, best = 4. */
export const RATING_ORDER: Record<string, number> = {
  OUTSTANDING: 4,
  GOOD: 3,
  REQUIRES_IMPROVEMENT: 2,
  INADEQUATE: 1,
};
