import { ageOn } from '../ages';
import { SERVICE_TYPES, STAFF_SKILLS } from '../directory/vocabularies';
import { NEEDS } from '../vocabularies/needs';
import { SUPPORT_NEEDED, type ChildProfile } from './profile';
import type { Criterion, RuleSet, ServiceCheck, Tier } from './rule-set';

/**
 * The eligibility evaluator: a child's facts against a commissioner's rule set, and against
 * each service. Every criterion gives its outcome with a plain-English reason and, when it
 * is not met, what would change it. The explanations are the product: the outcome is only
 * their sum (any NOT_MET → NOT_ELIGIBLE; else any NEEDS_ASSESSMENT → NEEDS_ASSESSMENT).
 * Where a person's judgement is the right route (no assessment yet, a diagnosis awaited),
 * the answer is NEEDS_ASSESSMENT and says who to ask, never a flat no.
 */

export type Outcome = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'NEEDS_ASSESSMENT';
export type CriterionOutcome = 'MET' | 'NOT_MET' | 'NEEDS_ASSESSMENT';

export interface Reason {
  /** The criterion's field (tiers) or check (services). */
  criterion: string;
  outcome: CriterionOutcome;
  reason: string;
  /** What would change the outcome, when it is not met. */
  change: string | null;
}

export type EligibilityFacts = Pick<
  ChildProfile,
  | 'homePostcode'
  | 'district'
  | 'needs'
  | 'diagnosis'
  | 'ehcPlan'
  | 'socialCareAssessment'
  | 'assessedTier'
  | 'budgetHolder'
  | 'supportNeeded'
  | 'communication'
  | 'mobility'
  | 'health'
> & {
  /** The child's first name, or "your child" for an anonymous check. */
  name: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
};

export interface TierDecision {
  code: string;
  name: string;
  summary: string;
  howToGetIt: string;
  outcome: Outcome;
  reasons: Reason[];
}

export interface ChildDecision {
  tiers: TierDecision[];
  /** The most specialist tier the child is eligible for, if any. */
  bestTier: string | null;
}

/** What evaluation needs of a service's directory listing. */
export interface ServiceEligibilityFacts {
  type: string;
  /** Ways to pay the provider accepts (FUNDING_TYPES); SELF_PAY means a family can pay itself. */
  funding?: readonly string[];
  minAge: number;
  maxAge: number;
  needs: readonly string[];
  ratios: readonly string[];
  /** Ratios offered from a date (YYYY-MM-DD): counted once the date has come. */
  upcomingRatios?: readonly { ratio: string; from: string }[];
  skills: readonly string[];
  features: readonly string[];
  compliance: {
    hiddenFromFamilies: boolean;
    continuesPast18: 'YES' | 'NO' | 'NOT_APPLICABLE';
    flags: readonly { code: string }[];
  };
}

export interface ServiceDecision {
  outcome: Outcome;
  reasons: Reason[];
}

export function outcomeOf(reasons: readonly Reason[]): Outcome {
  if (reasons.some((r) => r.outcome === 'NOT_MET')) return 'NOT_ELIGIBLE';
  if (reasons.some((r) => r.outcome === 'NEEDS_ASSESSMENT')) return 'NEEDS_ASSESSMENT';
  return 'ELIGIBLE';
}

// ---- words ----------------------------------------------------------------------------

const possessive = (name: string) => `${name}’s`;

/** Names that keep their capital in a sentence. */
const PROPER_NOUNS = new Set(['Makaton', 'British']);

/** "Autism" → "autism", but "ADHD" and "Makaton" stay. */
function inSentence(label: string): string {
  const firstWord = label.split(' ')[0] ?? '';
  return /^[A-Z][a-z]/.test(label) && !PROPER_NOUNS.has(firstWord)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

function either(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function both(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const needLabel = (code: string) =>
  inSentence(NEEDS.find((need) => need.code === code)?.label ?? code);

function ageRange(min: number, max: number): string {
  const who = max < 18 ? 'children' : min >= 18 ? 'young people' : 'children and young people';
  return min === max ? `${who} aged ${min}` : `${who} aged ${min}–${max}`;
}

/** The day someone born on `dateOfBirth` turns `years` (29 February birthdays fall on 1 March). */
export function birthdayOf(dateOfBirth: string, years: number): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "September 2027". */
function monthYear(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return `${MONTHS[month - 1]} ${year}`;
}

/** "14 May 2027". Written out by hand: Intl date formatting costs ~30 µs a call, and a
 * search can explain tens of thousands of services. */
function longDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** How a status reads about children in general and about this child. */
const STATUS_WORDS: Record<
  'diagnosis' | 'ehcPlan' | 'budgetHolder',
  Record<string, { children: string; child: string }>
> = {
  diagnosis: {
    DIAGNOSED: { children: 'have a diagnosis', child: 'has a diagnosis' },
    AWAITING: {
      children: 'are waiting for an assessment or diagnosis',
      child: 'is waiting for an assessment or diagnosis',
    },
    NONE: { children: 'have no diagnosis', child: 'has no diagnosis' },
  },
  ehcPlan: {
    YES: { children: 'have an EHC plan', child: 'has an EHC plan' },
    BEING_ASSESSED: {
      children: 'are being assessed for an EHC plan',
      child: 'is being assessed for an EHC plan',
    },
    NO: { children: 'have no EHC plan', child: 'has no EHC plan' },
  },
  budgetHolder: {
    NONE: { children: 'have no personal budget', child: 'has no personal budget' },
    FAMILY: { children: 'have a direct payment', child: 'has a direct payment' },
    COUNCIL: {
      children: 'have a personal budget the council holds',
      child: 'has a personal budget the council holds',
    },
    NOMINATED_AGENT: {
      children: 'have a personal budget a nominated agent holds',
      child: 'has a personal budget a nominated agent holds',
    },
  },
};

function statusCriterion(
  field: 'diagnosis' | 'ehcPlan' | 'budgetHolder',
  oneOf: readonly string[],
  actual: string,
  name: string,
  ifNotMet: string | undefined,
): Reason {
  const words = STATUS_WORDS[field];
  const asked = `For children who ${either(oneOf.map((code) => words[code]?.children ?? code))}`;
  const reason = `${asked}: ${name} ${words[actual]?.child ?? actual}`;
  if (oneOf.includes(actual)) return { criterion: field, outcome: 'MET', reason, change: null };
  // A decision still being made is for a person to weigh, not a no.
  const pending =
    (field === 'diagnosis' && actual === 'AWAITING' && oneOf.includes('DIAGNOSED')) ||
    (field === 'ehcPlan' && actual === 'BEING_ASSESSED' && oneOf.includes('YES'));
  if (pending) {
    return {
      criterion: field,
      outcome: 'NEEDS_ASSESSMENT',
      reason,
      change:
        field === 'diagnosis'
          ? `Ask the team: they can look at ${possessive(name)} needs before a diagnosis`
          : 'The outcome of the EHC needs assessment will decide this',
    };
  }
  const defaults: Record<typeof field, string | null> = {
    diagnosis: 'Talk to your GP, health visitor or school about an assessment',
    ehcPlan: 'You can ask the council for an EHC needs assessment',
    budgetHolder: null,
  };
  return { criterion: field, outcome: 'NOT_MET', reason, change: ifNotMet ?? defaults[field] };
}

// ---- tiers ----------------------------------------------------------------------------

function ageReason(
  criterion: string,
  lead: string,
  min: number,
  max: number,
  child: EligibilityFacts,
  today: string,
  ifNotMet?: string,
): Reason {
  const age = ageOn(child.dateOfBirth, today);
  const reason = `${lead} ${ageRange(min, max)}: ${child.name} is ${age === 0 ? 'under 1' : age}`;
  if (age >= min && age <= max) return { criterion, outcome: 'MET', reason, change: null };
  const change =
    age < min
      ? `From ${longDate(birthdayOf(child.dateOfBirth, min))}, when ${child.name} turns ${min}`
      : (ifNotMet ?? null);
  return { criterion, outcome: 'NOT_MET', reason, change };
}

function criterionReason(
  criterion: Criterion,
  child: EligibilityFacts,
  ruleSet: RuleSet,
  today: string,
): Reason {
  const { name } = child;
  switch (criterion.field) {
    case 'age':
      return ageReason(
        'age',
        'Open to',
        criterion.min,
        criterion.max,
        child,
        today,
        criterion.ifNotMet,
      );
    case 'needs': {
      const asked = NEEDS.every((need) => criterion.anyOf.includes(need.code))
        ? 'For children with special educational needs or disabilities'
        : `For children with ${either(criterion.anyOf.map(needLabel))}`;
      const matching = criterion.anyOf.filter((code) => child.needs.includes(code));
      if (matching.length > 0) {
        return {
          criterion: 'needs',
          outcome: 'MET',
          reason: `${asked}: ${name} has ${both(matching.map(needLabel))}`,
          change: null,
        };
      }
      if (child.diagnosis === 'AWAITING') {
        return {
          criterion: 'needs',
          outcome: 'NEEDS_ASSESSMENT',
          reason: `${asked}: ${name} is waiting for an assessment or diagnosis`,
          change: `Ask the team: they can look at ${possessive(name)} needs before a diagnosis`,
        };
      }
      const recorded =
        child.needs.length === 0
          ? `no needs are recorded for ${name}`
          : `${name} has ${both(child.needs.map(needLabel))}`;
      return {
        criterion: 'needs',
        outcome: 'NOT_MET',
        reason: `${asked}: ${recorded}`,
        change:
          criterion.ifNotMet ??
          `If ${name} has one of these needs, add it to ${possessive(name)} details`,
      };
    }
    case 'diagnosis':
    case 'ehcPlan':
    case 'budgetHolder':
      return statusCriterion(
        criterion.field,
        criterion.oneOf,
        child[criterion.field],
        name,
        criterion.ifNotMet,
      );
    case 'assessedTier': {
      const tierName = (code: string) => ruleSet.tiers.find((t) => t.code === code)?.name ?? code;
      const asked = `For children a social care assessment placed at ${either(criterion.oneOf.map(tierName))}`;
      if (child.socialCareAssessment === 'ASSESSED' && child.assessedTier) {
        const reason = `${asked}: ${name} was assessed at ${tierName(child.assessedTier)}`;
        return criterion.oneOf.includes(child.assessedTier)
          ? { criterion: 'assessedTier', outcome: 'MET', reason, change: null }
          : {
              criterion: 'assessedTier',
              outcome: 'NOT_MET',
              reason,
              change:
                criterion.ifNotMet ??
                `If ${possessive(name)} needs have changed, ask for the assessment to be reviewed`,
            };
      }
      if (child.socialCareAssessment === 'ASSESSED') {
        return {
          criterion: 'assessedTier',
          outcome: 'NEEDS_ASSESSMENT',
          reason: `${asked}: ${name} was assessed, but the tier is not recorded`,
          change: `Add the tier the assessment placed ${name} at`,
        };
      }
      if (child.socialCareAssessment === 'REQUESTED') {
        return {
          criterion: 'assessedTier',
          outcome: 'NEEDS_ASSESSMENT',
          reason: `${asked}: ${possessive(name)} assessment has been asked for`,
          change: 'The assessment will decide this',
        };
      }
      return {
        criterion: 'assessedTier',
        outcome: 'NEEDS_ASSESSMENT',
        reason: `${asked}: ${name} has not had a social care assessment`,
        change: criterion.ifNotMet ?? 'Ask for a social care assessment',
      };
    }
    case 'district': {
      const asked = `For families living in ${either(criterion.oneOf)}`;
      if (child.district && criterion.oneOf.includes(child.district)) {
        return {
          criterion: 'district',
          outcome: 'MET',
          reason: `${asked}: ${name} lives in ${child.district}`,
          change: null,
        };
      }
      if (!child.homePostcode) {
        return {
          criterion: 'district',
          outcome: 'NEEDS_ASSESSMENT',
          reason: `${asked}: we do not know where ${name} lives`,
          change: `Add ${possessive(name)} home postcode`,
        };
      }
      if (!child.district) {
        // A postcode outside the places Harbour knows: a person can say which council covers it.
        return {
          criterion: 'district',
          outcome: 'NEEDS_ASSESSMENT',
          reason: `${asked}: we cannot tell which council covers ${child.homePostcode}`,
          change: 'Ask the council’s short breaks team whether it covers your address',
        };
      }
      return {
        criterion: 'district',
        outcome: 'NOT_MET',
        reason: `${asked}: ${name} lives in ${child.district}`,
        change: criterion.ifNotMet ?? null,
      };
    }
  }
}

export function decideTier(
  tier: Tier,
  child: EligibilityFacts,
  ruleSet: RuleSet,
  today: string,
): TierDecision {
  const reasons =
    tier.criteria.length === 0
      ? [{ criterion: 'open', outcome: 'MET' as const, reason: 'Open to everyone', change: null }]
      : tier.criteria.map((criterion) => criterionReason(criterion, child, ruleSet, today));
  return {
    code: tier.code,
    name: tier.name,
    summary: tier.summary,
    howToGetIt: tier.howToGetIt,
    outcome: outcomeOf(reasons),
    reasons,
  };
}

/** A child against every tier of a rule set, on `today` (YYYY-MM-DD, Europe/London). */
export function decideChild(
  ruleSet: RuleSet,
  child: EligibilityFacts,
  today: string,
): ChildDecision {
  const tiers = ruleSet.tiers.map((tier) => decideTier(tier, child, ruleSet, today));
  const eligible = tiers.filter((tier) => tier.outcome === 'ELIGIBLE');
  return { tiers, bestTier: eligible.at(-1)?.code ?? null };
}

// ---- services -------------------------------------------------------------------------

const COMMUNICATION_SKILLS = new Set(['MAKATON', 'BSL', 'PECS_AAC']);

const RATIO_RANK: Record<string, number> = { GROUP: 0, ONE_TO_ONE: 1, TWO_TO_ONE: 2 };

/** The staff skills a child's profile calls for. */
function skillsNeeded(child: EligibilityFacts): string[] {
  const needed = new Set<string>();
  for (const health of child.health) {
    if (STAFF_SKILLS.codes.includes(health as never)) needed.add(health);
  }
  if (child.communication.includes('MAKATON')) needed.add('MAKATON');
  if (child.communication.includes('BSL')) needed.add('BSL');
  if (child.communication.includes('AAC')) needed.add('PECS_AAC');
  if (child.mobility.includes('HOIST')) needed.add('MOVING_AND_HANDLING');
  return [...needed];
}

function serviceCheck(
  check: ServiceCheck,
  service: ServiceEligibilityFacts,
  child: EligibilityFacts,
  today: string,
): Reason | null {
  const { name } = child;
  switch (check) {
    case 'SERVICE_AGE':
      return ageReason('SERVICE_AGE', 'Open to', service.minAge, service.maxAge, child, today);
    case 'SERVICE_NEEDS': {
      if (service.needs.length === 0) {
        return {
          criterion: check,
          outcome: 'MET',
          reason: 'Open to children whatever their needs',
          change: null,
        };
      }
      if (child.needs.length === 0) {
        return {
          criterion: check,
          outcome: 'MET',
          reason: `No needs are recorded for ${name}, so there are none to match`,
          change: null,
        };
      }
      const supported = child.needs.filter((need) => service.needs.includes(need));
      if (supported.length > 0) {
        return {
          criterion: check,
          outcome: 'MET',
          reason: `Supports ${both(supported.map(needLabel))}, which ${name} has`,
          change: null,
        };
      }
      return {
        criterion: check,
        outcome: 'NEEDS_ASSESSMENT',
        reason: `Says it supports ${both(service.needs.map(needLabel))}, not ${both(child.needs.map(needLabel))}`,
        change: `Ask the provider whether they can support ${name}`,
      };
    }
    case 'SUPPORT_RATIO': {
      const needed = RATIO_RANK[child.supportNeeded] ?? 0;
      const upcoming = service.upcomingRatios ?? [];
      const offeredNow = [
        ...service.ratios,
        ...upcoming.filter(({ from }) => from <= today).map(({ ratio }) => ratio),
      ];
      const offered = Math.max(0, ...offeredNow.map((ratio) => RATIO_RANK[ratio] ?? 0));
      // The soonest date the provider will offer enough support, if it has said.
      const coming = upcoming
        .filter(({ ratio, from }) => from > today && (RATIO_RANK[ratio] ?? 0) >= needed)
        .sort((a, b) => a.from.localeCompare(b.from))[0];
      const neededLabel = SUPPORT_NEEDED.label(child.supportNeeded);
      if (needed === 0) {
        return {
          criterion: check,
          outcome: 'MET',
          reason: `${name} can join a group`,
          change: null,
        };
      }
      if (offered >= needed) {
        return {
          criterion: check,
          outcome: 'MET',
          reason: `Offers ${neededLabel}, which ${name} needs`,
          change: null,
        };
      }
      if (service.ratios.length === 0 && !coming) {
        return {
          criterion: check,
          outcome: 'NEEDS_ASSESSMENT',
          reason: `The provider has not said what support it can offer: ${name} needs ${neededLabel}`,
          change: `Ask the provider whether they can arrange ${neededLabel}`,
        };
      }
      return {
        criterion: check,
        outcome: 'NOT_MET',
        reason: `Offers ${offered === 1 ? '1:1 support at most' : 'group support only'}: ${name} needs ${neededLabel}`,
        change: coming
          ? `This service can offer ${SUPPORT_NEEDED.label(coming.ratio)} from ${monthYear(coming.from)}`
          : `Ask the provider whether they can arrange ${neededLabel}`,
      };
    }
    case 'STAFF_SKILLS': {
      const needed = skillsNeeded(child);
      if (needed.length === 0) return null;
      const missing = needed.filter((skill) => !service.skills.includes(skill));
      const label = (skill: string) => inSentence(STAFF_SKILLS.label(skill));
      if (missing.length === 0) {
        return {
          criterion: check,
          outcome: 'MET',
          reason: `Staff are trained in ${both(needed.map(label))}, as ${name} needs`,
          change: null,
        };
      }
      // Care that is unsafe without training is a no until it is arranged; a way of
      // communicating staff have not learnt yet is a conversation with the provider.
      const isCareMissing = missing.some((skill) => !COMMUNICATION_SKILLS.has(skill));
      return {
        criterion: check,
        outcome: isCareMissing ? 'NOT_MET' : 'NEEDS_ASSESSMENT',
        reason: `Staff are not trained in ${both(missing.map(label))}, which ${name} needs`,
        change: `Ask the provider whether staff can be trained before ${name} starts`,
      };
    }
    case 'REGISTRATION': {
      const age = ageOn(child.dateOfBirth, today);
      const { compliance } = service;
      if (compliance.hiddenFromFamilies) {
        return {
          criterion: check,
          outcome: 'NOT_MET',
          reason: 'Its registration has lapsed or it is rated Inadequate',
          change: null,
        };
      }
      if (age < 18 && compliance.flags.some((f) => f.code === 'UNREGISTERED_CHILDRENS_CARE')) {
        return {
          criterion: check,
          outcome: 'NOT_MET',
          reason: 'Provides care for children without an active Ofsted registration',
          change: null,
        };
      }
      if (compliance.continuesPast18 === 'NO') {
        return age >= 18
          ? {
              criterion: check,
              outcome: 'NOT_MET',
              reason: `Not registered with CQC, so it cannot give personal care to ${name}, who is 18 or over`,
              change: 'Look for a CQC-registered service for young adults',
            }
          : {
              criterion: check,
              outcome: 'MET',
              reason: `Registered for children; care here stops at 18 as it is not registered with CQC`,
              change: null,
            };
      }
      return {
        criterion: check,
        outcome: 'MET',
        reason:
          compliance.continuesPast18 === 'YES'
            ? 'Registered to care for children and, with CQC, adults'
            : 'Registered as it needs to be for this kind of service',
        change: null,
      };
    }
  }
}

/** A child against one service: the rule set's service checks and any tier the kind of break needs. */
export function decideService(
  ruleSet: RuleSet,
  childDecision: ChildDecision,
  child: EligibilityFacts,
  service: ServiceEligibilityFacts,
  today: string,
): ServiceDecision {
  const reasons: Reason[] = [];
  for (const check of ruleSet.services.checks) {
    const reason = serviceCheck(check, service, child, today);
    if (reason) reasons.push(reason);
  }
  const requirement = ruleSet.services.tierRequirements.find((r) =>
    (r.serviceTypes as readonly string[]).includes(service.type),
  );
  const required = requirement
    ? ruleSet.tiers.findIndex((tier) => tier.code === requirement.tier)
    : -1;
  const tier = ruleSet.tiers[required];
  if (tier) {
    const atOrAbove = childDecision.tiers.slice(required);
    const asked = `This kind of break (${inSentence(SERVICE_TYPES.label(service.type))}) is for children eligible for ${tier.name}`;
    if (atOrAbove.some((t) => t.outcome === 'ELIGIBLE')) {
      reasons.push({
        criterion: 'TIER',
        outcome: 'MET',
        reason: `${asked}: ${child.name} is eligible`,
        change: null,
      });
    } else {
      const pending = atOrAbove.some((t) => t.outcome === 'NEEDS_ASSESSMENT');
      // The statement decides what the council funds; a family may still pay for a place.
      const selfPay = service.funding?.includes('SELF_PAY')
        ? ' You can still book a place and pay for it yourself.'
        : '';
      reasons.push({
        criterion: 'TIER',
        outcome: pending ? 'NEEDS_ASSESSMENT' : 'NOT_MET',
        reason: `${asked}: ${child.name} ${pending ? 'may be eligible after an assessment' : 'is not eligible for it'}`,
        change: pending
          ? `${tier.howToGetIt}${selfPay}`
          : `See why ${child.name} is not eligible for ${tier.name}.${selfPay}`,
      });
    }
  }
  return { outcome: outcomeOf(reasons), reasons };
}
