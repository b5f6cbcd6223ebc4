import {
  ageBand,
  eligibilityAnswersSchema,
  ageOn,
  dateOfBirthProblem,
  decideChild,
  decideService,
  findPostcodeDistrict,
  londonToday,
  type ChildDecision,
  type EligibilityFacts,
  type Outcome,
  type RuleSet,
  type ServiceDecision,
} from '@harbour/shared';

import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';

import type { Actor, SignedInActor } from '../access/actor';
import { unauthenticated } from '../access/authorize';
import type { DirectorySearchOutcome } from '../directory/directory-search';
import type { DirectoryService } from '../directory/directory.service';
import type { Listing } from '../directory/listing';
import type { FamiliesService } from '../families/families.service';
import { AnonymousCheckModel, EligibilityDecisionModel } from './eligibility.model';
import { addOutcome, emptyCounts, type TierCounts } from './eligibility.rules';
import { versionId, type RuleSetsService } from './rule-sets.service';

export interface DecisionView {
  id: string | null;
  ruleSetId: string;
  decidedAt: Date;
  bestTier: ChildDecision['tiers'][number] | null;
  tiers: ChildDecision['tiers'];
}

export interface CheckPayload {
  userErrors: UserError[];
  decision: DecisionView | null;
  services: {
    listing: Listing & { distanceKm: number | null };
    outcome: Outcome;
    reasons: ServiceDecision['reasons'];
  }[];
  eligibleServiceCount: number;
}

const SERVICES_SHOWN = 10;
const NEARBY_KM = 25;
const RESULT_OUTCOMES: Outcome[] = ['ELIGIBLE', 'NEEDS_ASSESSMENT'];

type Judge = (listing: Listing) => ServiceDecision;

/**
 * Eligibility checks: a family checks a child (saved, or anonymously) against the rules in
 * force and sees which services fit, with reasons; the directory search can keep to the
 * services a child is eligible for.
 */
export class EligibilityService {
  /** Per GraphQL request: one evaluation of each child, however many services ask. */
  private readonly judges = new WeakMap<object, Map<string, Promise<Judge | null>>>();

  constructor(
    private readonly deps: {
      families: FamiliesService;
      directory: DirectoryService;
      ruleSets: RuleSetsService;
    },
  ) {}

  /** A check from answers given without an account. Only anonymous counts are kept. */
  async checkAnonymously(input: unknown): Promise<CheckPayload> {
    const none = { decision: null, services: [], eligibleServiceCount: 0 };
    const parsed = eligibilityAnswersSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), ...none };
    const answers = parsed.data;
    const today = londonToday();
    const problem = dateOfBirthProblem(answers.dateOfBirth, today);
    if (problem) {
      return {
        userErrors: [{ field: ['input', 'dateOfBirth'], message: problem, code: 'INVALID' }],
        ...none,
      };
    }
    const published = await this.deps.ruleSets.publishedRules();
    if (!published) return { userErrors: [noRules()], ...none };
    const homePostcode = answers.homePostcode || null;
    const facts: EligibilityFacts = {
      name: 'your child',
      dateOfBirth: answers.dateOfBirth,
      homePostcode,
      district: homePostcode ? (findPostcodeDistrict(homePostcode)?.district ?? null) : null,
      needs: answers.needs,
      diagnosis: answers.diagnosis,
      ehcPlan: answers.ehcPlan,
      socialCareAssessment: answers.socialCareAssessment,
      assessedTier:
        answers.socialCareAssessment === 'ASSESSED' ? (answers.assessedTier ?? null) : null,
      budgetHolder: answers.budgetHolder ?? 'NONE',
      supportNeeded: answers.supportNeeded ?? 'GROUP',
      communication: answers.communication ?? [],
      mobility: answers.mobility ?? [],
      health: answers.health ?? [],
    };
    const decision = decideChild(published.rules, facts, today);
    await AnonymousCheckModel.create({
      ruleSetVersion: published.version,
      month: today.slice(0, 7),
      district: facts.district,
      ageBand: ageBand(ageOn(facts.dateOfBirth, today)),
      bestTier: decision.bestTier,
      outcomes: decision.tiers.map((tier) => ({ tier: tier.code, outcome: tier.outcome })),
    });
    return {
      userErrors: [],
      decision: this.view(null, published.version, new Date(), decision),
      ...(await this.servicesNear(published.rules, decision, facts, today)),
    };
  }

  /** A saved child's check, from their profile in one step; the decision is recorded. */
  async checkChild(actor: SignedInActor, childId: string): Promise<CheckPayload> {
    const child = await this.deps.families.eligibilityFactsFor(actor, childId);
    const published = await this.deps.ruleSets.publishedRules();
    if (!published)
      return { userErrors: [noRules()], decision: null, services: [], eligibleServiceCount: 0 };
    const today = londonToday();
    const decision = decideChild(published.rules, child.facts, today);
    const decidedAt = new Date();
    const saved = await EligibilityDecisionModel.create({
      child: childId,
      family: child.familyId,
      ruleSetVersion: published.version,
      decidedAt,
      decidedBy: actor.accountId,
      profileVersion: child.profileVersion,
      bestTier: decision.bestTier,
      tiers: decision.tiers,
    });
    return {
      userErrors: [],
      decision: this.view(String(saved._id), published.version, decidedAt, decision),
      ...(await this.servicesNear(published.rules, decision, child.facts, today)),
    };
  }

  /** Decisions recorded for a child, newest first (the caller has checked the family). */
  async decisionsFor(childId: string): Promise<DecisionView[]> {
    const decisions = await EligibilityDecisionModel.find({ child: childId }).lean();
    return decisions
      .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())
      .map((d) =>
        this.view(String(d._id), d.ruleSetVersion, d.decidedAt, {
          bestTier: d.bestTier ?? null,
          tiers: d.tiers as unknown as ChildDecision['tiers'],
        }),
      );
  }

  /** Every decision recorded for a family's children, for its data download. */
  async decisionsOfFamily(familyId: string) {
    return EligibilityDecisionModel.find({ family: familyId }).lean();
  }

  async eraseFamilyDecisions(familyId: string): Promise<void> {
    await EligibilityDecisionModel.deleteMany({ family: familyId });
  }

  /**
   * One child against one service, for its page or a search result. `request` (the GraphQL
   * context) lets every service in one response share one evaluation of the child.
   */
  async serviceEligibility(
    actor: SignedInActor,
    childId: string,
    listingId: string,
    request: object,
  ) {
    const listing = await this.deps.directory.listingById(listingId);
    const judge = await this.judgeFor(actor, childId, request);
    if (!listing || !judge) return null;
    return { listing, ...judge(listing) };
  }

  /**
   * A child against a service on the day of a session, for a booking: the published rules,
   * the child's profile and their age on that day. Null when no rules are published.
   */
  async decisionForBooking(
    facts: EligibilityFacts,
    listing: Listing,
    onDate: string,
  ): Promise<ServiceDecision | null> {
    const published = await this.deps.ruleSets.publishedRules();
    if (!published) return null;
    const decision = decideChild(published.rules, facts, onDate);
    return decideService(published.rules, decision, facts, listing, onDate);
  }

  /** The most specialist tier a child is eligible for under the published rules, or null. */
  async bestTierOf(facts: EligibilityFacts, onDate: string): Promise<string | null> {
    const published = await this.deps.ruleSets.publishedRules();
    if (!published) return null;
    return decideChild(published.rules, facts, onDate).bestTier;
  }

  /** The directory search, kept to the services a child is eligible for when one is named. */
  async searchDirectory(
    actor: Actor,
    input: unknown,
    page: { first?: number | null; after?: string | null },
    request: object,
  ): Promise<DirectorySearchOutcome> {
    const { eligibleForChildId, ...search } = (input ?? {}) as {
      eligibleForChildId?: string | null;
    };
    if (!eligibleForChildId) return this.deps.directory.search(actor, search, page);
    if (actor.kind !== 'account') throw unauthenticated();
    const judge = await this.judgeFor(actor, eligibleForChildId, request);
    if (!judge) return { userErrors: [noRules()], result: null, place: null, markers: [] };
    return this.deps.directory.search(
      actor,
      search,
      page,
      (listing) => judge(listing).outcome === 'ELIGIBLE',
    );
  }

  private judgeFor(actor: SignedInActor, childId: string, request: object): Promise<Judge | null> {
    const judges = this.judges.get(request) ?? new Map<string, Promise<Judge | null>>();
    this.judges.set(request, judges);
    const known = judges.get(childId);
    if (known) return known;
    const judge = (async () => {
      const child = await this.deps.families.eligibilityFactsFor(actor, childId);
      const published = await this.deps.ruleSets.publishedRules();
      if (!published) return null;
      const today = londonToday();
      const decision = decideChild(published.rules, child.facts, today);
      return remembered((listing) =>
        decideService(published.rules, decision, child.facts, listing, today),
      );
    })();
    judges.set(childId, judge);
    return judge;
  }

  private async servicesNear(
    rules: RuleSet,
    decision: ChildDecision,
    facts: EligibilityFacts,
    today: string,
  ): Promise<Pick<CheckPayload, 'services' | 'eligibleServiceCount'>> {
    const judge = remembered((listing) => decideService(rules, decision, facts, listing, today));
    const anonymous: Actor = { kind: 'anonymous', rejectedCredentials: false };
    const searchFor = async (outcomes: Outcome[], first: number) => {
      const only = (listing: Listing) => outcomes.includes(judge(listing).outcome);
      const near = facts.homePostcode
        ? await this.deps.directory.search(
            anonymous,
            { near: { postcode: facts.homePostcode, radiusKm: NEARBY_KM } },
            { first },
            only,
          )
        : null;
      // A postcode the directory cannot place: all of Devon rather than nothing.
      return near?.result ? near : this.deps.directory.search(anonymous, {}, { first }, only);
    };
    const found = await searchFor(RESULT_OUTCOMES, 100);
    const rank = (o: Outcome) => RESULT_OUTCOMES.indexOf(o);
    const services = (found.result?.hits ?? [])
      .map((hit) => ({
        listing: { ...hit.listing, distanceKm: hit.distanceKm },
        ...judge(hit.listing),
      }))
      .sort((a, b) => rank(a.outcome) - rank(b.outcome))
      .slice(0, SERVICES_SHOWN);
    const eligible = await searchFor(['ELIGIBLE'], 1);
    return { services, eligibleServiceCount: eligible.result?.total ?? 0 };
  }

  private view(
    id: string | null,
    version: number,
    decidedAt: Date,
    decision: ChildDecision,
  ): DecisionView {
    return {
      id,
      ruleSetId: versionId(version),
      decidedAt,
      bestTier: decision.tiers.find((tier) => tier.code === decision.bestTier) ?? null,
      tiers: decision.tiers,
    };
  }

  /** Counts of anonymous checks: by tier outcome and by district. */
  async anonymousCheckSummary() {
    const tiers = new Map<string, TierCounts>();
    const districts = new Map<string, number>();
    let checks = 0;
    for await (const check of AnonymousCheckModel.find({}, { district: 1, outcomes: 1 })
      .lean()
      .cursor()) {
      checks += 1;
      const district = check.district ?? 'Outside Devon or not given';
      districts.set(district, (districts.get(district) ?? 0) + 1);
      for (const { tier, outcome } of check.outcomes) {
        if (!tier) continue;
        const counts = tiers.get(tier) ?? emptyCounts(tier);
        tiers.set(tier, counts);
        addOutcome(counts, String(outcome));
      }
    }
    return {
      checks,
      tiers: [...tiers.values()],
      byDistrict: [...districts.entries()]
        .map(([district, count]) => ({ district, checks: count }))
        .sort((a, b) => b.checks - a.checks || a.district.localeCompare(b.district)),
    };
  }
}

/** A judge that decides each listing once, however often it is asked. */
function remembered(judge: Judge): Judge {
  const decided = new Map<string, ServiceDecision>();
  return (listing) => {
    const known = decided.get(listing.id);
    if (known) return known;
    const decision = judge(listing);
    decided.set(listing.id, decision);
    return decision;
  };
}

function noRules(): UserError {
  return {
    field: null,
    message:
      'The council has not published its eligibility rules yet: contact its short breaks team',
    code: 'NO_RULES',
  };
}
