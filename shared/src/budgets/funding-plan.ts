import { vocabulary } from '../directory/vocabularies';
import { formatMoney, pence } from '../money';

/** Where money for a booking can come from, besides a card. */
export const FUND_KINDS = vocabulary([
  { code: 'POOLED_FUND', label: 'Pooled fund' },
  { code: 'FAMILY_POOL', label: 'Family pool' },
  { code: 'PERSONAL_HEALTH_BUDGET', label: 'Personal health budget' },
  { code: 'PERSONAL_BUDGET', label: 'Personal budget' },
] as const);
export type FundKind = (typeof FUND_KINDS.codes)[number];
export type FundingSource = FundKind | 'CARD';

/**
 * The order funds are drawn on: the commissioners' pooled fund up to the child's cap, then a
 * family pool the child is in, the personal health budget where the service qualifies, the
 * personal budget, and a card for the rest.
 */
export const DEFAULT_FUNDING_PRIORITY: readonly FundKind[] = [
  'POOLED_FUND',
  'FAMILY_POOL',
  'PERSONAL_HEALTH_BUDGET',
  'PERSONAL_BUDGET',
];

/** What a fund may pay for: service types, and the most it pays an hour or a session. */
export interface FundUsageRules {
  /** Empty: any service type. */
  serviceTypes: readonly string[];
  maxPencePerHour: number | null;
  maxPencePerSession: number | null;
}

export interface FundForPlan {
  id: string;
  kind: FundKind;
  /** As a family reads it: "Sam’s personal budget", "Short breaks pooled fund". */
  name: string;
  availablePence: number;
  rules: FundUsageRules;
  /** Pooled funds: what is left of this child's cap for the year (null: no cap). */
  childAllowancePence?: number | null;
  /** Pooled funds: the eligibility tiers that may draw (empty: any child). */
  tiers?: readonly string[];
  /** Family pools: the group activity's services (empty: any). */
  serviceIds?: readonly string[];
}

export interface SessionToFund {
  sessionId: string;
  pricePence: number;
  minutes: number;
  serviceId: string;
  serviceType: string;
  /** The funding the service takes (FUNDING_TYPES): SELF_PAY means a card for the rest. */
  acceptedFunding: readonly string[];
}

export interface PlanContext {
  childName: string;
  /** The child's tier under the published rules, or null. */
  childTier: string | null;
  priority?: readonly FundKind[];
}

/** The service's funding types that let each kind of fund pay it. */
const ACCEPTED_AS: Record<FundKind, readonly string[]> = {
  POOLED_FUND: ['POOLED_FUND'],
  FAMILY_POOL: ['PERSONAL_BUDGET', 'DIRECT_PAYMENT'],
  PERSONAL_HEALTH_BUDGET: ['PERSONAL_HEALTH_BUDGET'],
  PERSONAL_BUDGET: ['PERSONAL_BUDGET', 'DIRECT_PAYMENT'],
};

export interface PlanPart {
  source: FundingSource;
  fundId: string | null;
  name: string;
  amountPence: number;
}

export interface SessionPlan {
  sessionId: string;
  pricePence: number;
  parts: PlanPart[];
  /** Nothing can pay this much: the service takes no cards, and the funds fell short. */
  shortfallPence: number;
}

export interface FundingPlan {
  sessions: SessionPlan[];
  /** Each source's share over every session, in priority order, the card last. */
  totals: PlanPart[];
  cardPence: number;
  shortfallPence: number;
  /** Why a fund the child has pays nothing, once per fund. */
  notes: { fundId: string; name: string; reason: string }[];
}

/** Why `fund` may not pay for `session`, in words; null when it may. */
export function fundMisfit(
  fund: FundForPlan,
  session: SessionToFund,
  context: PlanContext,
): string | null {
  const { rules } = fund;
  if (!ACCEPTED_AS[fund.kind].some((type) => session.acceptedFunding.includes(type))) {
    return `This provider does not take payment from ${fund.name}`;
  }
  if (rules.serviceTypes.length > 0 && !rules.serviceTypes.includes(session.serviceType)) {
    return `${fund.name} does not pay for this kind of service`;
  }
  if (fund.serviceIds?.length && !fund.serviceIds.includes(session.serviceId)) {
    return `${fund.name} is for another activity`;
  }
  if (fund.tiers?.length && !(context.childTier && fund.tiers.includes(context.childTier))) {
    return `${fund.name} is for children eligible for more specialist short breaks than ${context.childName}`;
  }
  if (rules.maxPencePerSession !== null && session.pricePence > rules.maxPencePerSession) {
    return `${fund.name} pays up to ${formatMoney(pence(rules.maxPencePerSession))} a session, and this costs ${formatMoney(pence(session.pricePence))}`;
  }
  if (rules.maxPencePerHour !== null && session.minutes > 0) {
    const hourly = Math.ceil((session.pricePence * 60) / session.minutes);
    if (hourly > rules.maxPencePerHour) {
      return `${fund.name} pays up to ${formatMoney(pence(rules.maxPencePerHour))} an hour, and this costs ${formatMoney(pence(hourly))} an hour`;
    }
  }
  return null;
}

const CARD_NAME = 'Card payment';

/**
 * How a child's sessions are paid for: each session in turn takes what it can from each fund
 * in priority order (never more than a fund has left, or a pooled fund's cap for the child),
 * and a card pays the rest where the service takes cards. Pure: the ledger holds each part.
 */
export function fundingPlan(
  sessions: readonly SessionToFund[],
  funds: readonly FundForPlan[],
  context: PlanContext,
): FundingPlan {
  const priority = context.priority ?? DEFAULT_FUNDING_PRIORITY;
  const ordered = [...funds]
    .filter((fund) => priority.includes(fund.kind))
    .sort(
      (a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind) || a.id.localeCompare(b.id),
    );
  const left = new Map(
    ordered.map((fund) => [
      fund.id,
      Math.max(0, Math.min(fund.availablePence, fund.childAllowancePence ?? Infinity)),
    ]),
  );
  const notes = new Map<string, { fundId: string; name: string; reason: string }>();
  const plans: SessionPlan[] = sessions.map((session) => {
    let owed = session.pricePence;
    const parts: PlanPart[] = [];
    for (const fund of ordered) {
      if (owed === 0) break;
      const misfit = fundMisfit(fund, session, context);
      if (misfit) {
        if (!notes.has(fund.id))
          notes.set(fund.id, { fundId: fund.id, name: fund.name, reason: misfit });
        continue;
      }
      const take = Math.min(owed, left.get(fund.id) ?? 0);
      if (take === 0) {
        if (!notes.has(fund.id)) {
          notes.set(fund.id, {
            fundId: fund.id,
            name: fund.name,
            reason: `${fund.name} has no money left`,
          });
        }
        continue;
      }
      left.set(fund.id, (left.get(fund.id) ?? 0) - take);
      parts.push({ source: fund.kind, fundId: fund.id, name: fund.name, amountPence: take });
      owed -= take;
    }
    if (owed > 0 && session.acceptedFunding.includes('SELF_PAY')) {
      parts.push({ source: 'CARD', fundId: null, name: CARD_NAME, amountPence: owed });
      owed = 0;
    }
    return {
      sessionId: session.sessionId,
      pricePence: session.pricePence,
      parts,
      shortfallPence: owed,
    };
  });

  const totals = new Map<string, PlanPart>();
  for (const part of plans.flatMap((plan) => plan.parts)) {
    const key = part.fundId ?? 'CARD';
    const total = totals.get(key);
    if (total) total.amountPence += part.amountPence;
    else totals.set(key, { ...part });
  }
  const totalList = [...totals.values()].sort(
    (a, b) => rank(a.source, priority) - rank(b.source, priority),
  );
  // A fund that paid for some sessions needs no note.
  for (const part of totalList) if (part.fundId) notes.delete(part.fundId);
  return {
    sessions: plans,
    totals: totalList,
    cardPence: totals.get('CARD')?.amountPence ?? 0,
    shortfallPence: plans.reduce((sum, plan) => sum + plan.shortfallPence, 0),
    notes: [...notes.values()],
  };
}

function rank(source: FundingSource, priority: readonly FundKind[]): number {
  return source === 'CARD' ? priority.length : priority.indexOf(source);
}
