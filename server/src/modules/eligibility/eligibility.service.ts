import {
  ageBand,
  ageOn,
  BUDGET_HOLDERS,
  COMMUNICATION_METHODS,
  dateOfBirthProblem,
  decideChild,
  decideService,
  DIAGNOSIS_STATUSES,
  EHC_PLAN_STATUSES,
  findPostcodeDistrict,
  HEALTH_NEEDS,
  londonToday,
  MOBILITY_NEEDS,
  needCodeSchema,
  homePostcodeSchema,
  ruleSetProblems,
  ruleSetSchema,
  SOCIAL_CARE_ASSESSMENT_STATUSES,
  SUPPORT_NEEDED,
  type ChildDecision,
  type EligibilityFacts,
  type Outcome,
  type RuleSet,
  type RuleSetProblem,
  type ServiceDecision,
} from '@harbour/shared';
import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import { isDuplicateKey } from '../../platform/database';
import type { Actor, SignedInActor } from '../access/actor';
import { forbidden, unauthenticated } from '../access/authorize';
import type { DirectorySearchOutcome } from '../directory/directory-search';
import type { DirectoryService } from '../directory/directory.service';
import type { Listing } from '../directory/listing';
import type { FamiliesService } from '../families/families.service';
import {
  AnonymousCheckModel,
  EligibilityDecisionModel,
  RuleSetDraftModel,
  RuleSetVersionModel,
} from './eligibility.model';
import {
  addOutcome,
  criterionFromFlat,
  criterionToFlat,
  emptyCounts,
  previewChanges,
  suppressSmall,
  suppressSmallCounts,
  type FlatCriterion,
  type TierCounts,
} from './eligibility.rules';

/** A draft or a published version, as the API shows it. */
export interface RuleSetView {
  id: string;
  status: 'DRAFT' | 'PUBLISHED';
  version: number | null;
  name: string;
  tiers: {
    code: string;
    name: string;
    summary: string;
    howToGetIt: string;
    criteria: FlatCriterion[];
  }[];
  services: { checks: string[]; tierRequirements: { serviceTypes: string[]; tier: string }[] };
  problems: { path: string[]; message: string }[];
  updatedAt: Date;
  publishedAt: Date | null;
  basedOnVersion: number | null;
  publishedAsVersion: number | null;
  organisationId: string | null;
}

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

const versionId = (version: number) => `v${version}`;

const anonymousCheckSchema = z.strictObject({
  dateOfBirth: z.string({ error: 'Enter a date of birth, like 2015-03-27' }),
  homePostcode: homePostcodeSchema.nullish(),
  needs: z.array(needCodeSchema).max(20),
  diagnosis: DIAGNOSIS_STATUSES.schema('diagnosis status'),
  ehcPlan: EHC_PLAN_STATUSES.schema('EHC plan status'),
  socialCareAssessment: SOCIAL_CARE_ASSESSMENT_STATUSES.schema('social care assessment status'),
  assessedTier: z.string().max(40).nullish(),
  budgetHolder: BUDGET_HOLDERS.schema('budget holder').nullish(),
  supportNeeded: SUPPORT_NEEDED.schema('support needed').nullish(),
  communication: z.array(COMMUNICATION_METHODS.schema('communication method')).max(4).nullish(),
  mobility: z.array(MOBILITY_NEEDS.schema('mobility need')).max(2).nullish(),
  health: z.array(HEALTH_NEEDS.schema('health need')).max(5).nullish(),
});

const draftInputSchema = z.object({
  ruleSetId: z.string().nullish(),
  name: z.string(),
  tiers: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      summary: z.string(),
      howToGetIt: z.string(),
      criteria: z.array(
        z.object({
          field: z.string(),
          min: z.number().nullish(),
          max: z.number().nullish(),
          values: z.array(z.string()).nullish(),
          ifNotMet: z.string().nullish(),
        }),
      ),
    }),
  ),
  services: z.object({
    checks: z.array(z.string()),
    tierRequirements: z.array(z.object({ serviceTypes: z.array(z.string()), tier: z.string() })),
  }),
});

type StoredRules = {
  name?: unknown;
  tiers?: {
    code?: unknown;
    name?: unknown;
    summary?: unknown;
    howToGetIt?: unknown;
    criteria?: unknown[];
  }[];
  services?: {
    checks?: unknown[];
    tierRequirements?: { serviceTypes?: unknown[]; tier?: unknown }[];
  };
};

function toView(
  doc: {
    _id: unknown;
    rules: unknown;
    updatedAt?: Date;
    publishedAt?: Date;
    basedOnVersion?: number | null;
    publishedVersion?: number | null;
    organisation?: unknown;
  },
  status: 'DRAFT' | 'PUBLISHED',
): RuleSetView {
  const rules = (doc.rules ?? {}) as StoredRules;
  const isOpen = status === 'DRAFT' && doc.publishedVersion == null;
  const problems = isOpen ? ruleSetProblems(rules) : [];
  return {
    id: status === 'PUBLISHED' ? versionId(Number(doc._id)) : String(doc._id),
    status,
    version: status === 'PUBLISHED' ? Number(doc._id) : null,
    name: String(rules.name ?? ''),
    tiers: (rules.tiers ?? []).map((tier) => ({
      code: String(tier.code ?? ''),
      name: String(tier.name ?? ''),
      summary: String(tier.summary ?? ''),
      howToGetIt: String(tier.howToGetIt ?? ''),
      criteria: (tier.criteria ?? []).map((c) => criterionToFlat(c as Record<string, unknown>)),
    })),
    services: {
      checks: (rules.services?.checks ?? []).map(String),
      tierRequirements: (rules.services?.tierRequirements ?? []).map((r) => ({
        serviceTypes: (r.serviceTypes ?? []).map(String),
        tier: String(r.tier ?? ''),
      })),
    },
    problems: problems.map((p) => ({ path: p.path.map(String), message: p.message })),
    updatedAt: doc.updatedAt ?? doc.publishedAt ?? new Date(0),
    publishedAt: doc.publishedAt ?? null,
    basedOnVersion: doc.basedOnVersion ?? null,
    publishedAsVersion: status === 'DRAFT' ? (doc.publishedVersion ?? null) : null,
    organisationId: doc.organisation ? String(doc.organisation) : null,
  };
}

/** A draft's rules in the rule set's own shape, from its view. */
function draftRules(view: RuleSetView): unknown {
  return {
    name: view.name,
    tiers: view.tiers.map((tier) => ({ ...tier, criteria: tier.criteria.map(criterionFromFlat) })),
    services: view.services,
  };
}

function problemsAsUserErrors(problems: RuleSetProblem[]): UserError[] {
  return problems.map((problem) => ({
    field: ['rules', ...problem.path.map(String)],
    message: problem.message,
    code: 'INVALID_RULES',
  }));
}

/**
 * Eligibility: commissioners write and publish rule sets; families check a child (saved or
 * anonymous) against the published version and see which services fit, with reasons.
 */
type StoredVersion = {
  _id: number;
  rules: unknown;
  draft: Types.ObjectId;
  publishedAt: Date;
};

type Judge = (listing: Listing) => ServiceDecision;

export class EligibilityService {
  private readonly versions = new Map<number, StoredVersion>();
  /** Per GraphQL request: one evaluation of each child, however many services ask. */
  private readonly judges = new WeakMap<object, Map<string, Promise<Judge | null>>>();

  constructor(
    private readonly deps: {
      families: FamiliesService;
      directory: DirectoryService;
    },
  ) {}

  // ---- rule sets ------------------------------------------------------------------------

  /**
   * The latest published version. Versions never change and are numbered without gaps, so
   * they are kept once read; each call only asks whether the next number exists (an _id
   * look-up), which is how a version published by another process is seen.
   */
  private async latestVersion(): Promise<StoredVersion | null> {
    if (this.versions.size === 0) {
      for (const version of await RuleSetVersionModel.find({}).lean()) {
        this.versions.set(Number(version._id), version);
      }
    }
    let latest = Math.max(0, ...this.versions.keys());
    for (;;) {
      const next = await RuleSetVersionModel.findById(latest + 1).lean();
      if (!next) break;
      latest += 1;
      this.versions.set(latest, next);
    }
    return this.versions.get(latest) ?? null;
  }

  private async versionByNumber(version: number): Promise<StoredVersion | null> {
    const known = this.versions.get(version);
    if (known) return known;
    const stored = await RuleSetVersionModel.findById(version).lean();
    if (stored) this.versions.set(version, stored);
    return stored;
  }

  /** The rules in force: the latest published version. */
  async published(): Promise<RuleSetView | null> {
    const latest = await this.latestVersion();
    return latest ? toView(latest, 'PUBLISHED') : null;
  }

  private async publishedRules(): Promise<{ version: number; rules: RuleSet } | null> {
    const latest = await this.latestVersion();
    return latest ? { version: Number(latest._id), rules: latest.rules as RuleSet } : null;
  }

  async ruleSetById(id: string): Promise<RuleSetView | null> {
    const version = /^v(\d{1,9})$/.exec(id);
    if (version) {
      const doc = await this.versionByNumber(Number(version[1]));
      return doc ? toView(doc, 'PUBLISHED') : null;
    }
    if (!Types.ObjectId.isValid(id)) return null;
    const draft = await RuleSetDraftModel.findById(id).lean();
    if (!draft) return null;
    // A published draft shows the rules as published, whatever a late save wrote to it.
    const published = draft.publishedVersion
      ? await this.versionByNumber(draft.publishedVersion)
      : null;
    return toView(published ? { ...draft, rules: published.rules } : draft, 'DRAFT');
  }

  async ruleSets(actor: SignedInActor): Promise<RuleSetView[]> {
    const drafts = await RuleSetDraftModel.find({ publishedVersion: null }).lean();
    const versions = await RuleSetVersionModel.find({}).lean();
    return [
      ...drafts
        .filter((draft) => this.mayEdit(actor, draft.organisation) || actor.role === 'ADMIN')
        .map((draft) => toView(draft, 'DRAFT'))
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()),
      ...versions
        .map((v) => toView(v, 'PUBLISHED'))
        .sort((a, b) => (b.version ?? 0) - (a.version ?? 0)),
    ];
  }

  async ruleSet(actor: SignedInActor, id: string): Promise<RuleSetView | null> {
    const view = await this.ruleSetById(id);
    if (
      view?.status === 'DRAFT' &&
      actor.role !== 'ADMIN' &&
      !this.mayEdit(actor, view.organisationId)
    ) {
      throw forbidden();
    }
    return view;
  }

  /** A draft the actor may change and that is not yet published, or why not. */
  private async openDraft(actor: SignedInActor, id: string) {
    const draft = Types.ObjectId.isValid(id) ? await RuleSetDraftModel.findById(id).lean() : null;
    const refused = (message: string, code: string) => ({
      userError: { field: ['input', 'ruleSetId'], message, code },
    });
    if (!draft || !this.mayEdit(actor, draft.organisation)) {
      return refused('There is no draft with this id', 'NOT_FOUND');
    }
    if (draft.publishedVersion != null) {
      return refused(
        `This draft was published as version ${draft.publishedVersion}, which cannot change. Start a new draft from it.`,
        'PUBLISHED',
      );
    }
    return draft;
  }

  private mayEdit(actor: SignedInActor, organisation: unknown): boolean {
    return !organisation || actor.organisationIds.includes(String(organisation));
  }

  async saveDraft(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; ruleSet: RuleSetView | null }> {
    const parsed = draftInputSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), ruleSet: null };
    const { ruleSetId, ...shape } = parsed.data;
    const rules = {
      ...shape,
      tiers: shape.tiers.map((tier) => ({
        ...tier,
        criteria: tier.criteria.map(criterionFromFlat),
      })),
    };
    if (ruleSetId) {
      const draft = await this.openDraft(actor, ruleSetId);
      if ('userError' in draft) return { userErrors: [draft.userError], ruleSet: null };
      await RuleSetDraftModel.updateOne(
        { _id: draft._id },
        { $set: { rules, updatedBy: actor.accountId } },
      );
      const saved = await RuleSetDraftModel.findById(draft._id).lean();
      return { userErrors: [], ruleSet: saved ? toView(saved, 'DRAFT') : null };
    }
    const current = await this.latestVersion();
    const created = await RuleSetDraftModel.create({
      organisation: actor.organisationIds[0] ?? null,
      rules,
      basedOnVersion: current ? Number(current._id) : null,
      updatedBy: actor.accountId,
    });
    return { userErrors: [], ruleSet: toView(created.toObject(), 'DRAFT') };
  }

  /**
   * Publishes a draft as the version after the one it started from. The number is claimed by
   * inserting it, so two publishes at once cannot both win; a draft started from an older
   * version than the one in force is refused rather than undoing that version's changes; and
   * publishing the same draft twice (a double click, a retry after a crash) gives back the
   * version it already became.
   */
  async publish(
    actor: SignedInActor,
    draftId: string,
  ): Promise<{ userErrors: UserError[]; ruleSet: RuleSetView | null }> {
    const draft = Types.ObjectId.isValid(draftId)
      ? await RuleSetDraftModel.findById(draftId).lean()
      : null;
    if (!draft || !this.mayEdit(actor, draft.organisation)) {
      return {
        userErrors: [
          {
            field: ['input', 'ruleSetId'],
            message: 'There is no draft with this id',
            code: 'NOT_FOUND',
          },
        ],
        ruleSet: null,
      };
    }
    const version = (draft.basedOnVersion ?? 0) + 1;
    const already = await this.versionByNumber(version);
    if (draft.publishedVersion == null && !already) {
      const problems = ruleSetProblems(draft.rules);
      if (problems.length > 0) return { userErrors: problemsAsUserErrors(problems), ruleSet: null };
      try {
        await RuleSetVersionModel.create({
          _id: version,
          organisation: draft.organisation,
          rules: draft.rules,
          draft: draft._id,
          publishedAt: new Date(),
          publishedBy: actor.accountId,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    const published = await this.versionByNumber(version);
    if (!published || String(published.draft) !== String(draft._id)) {
      return {
        userErrors: [
          {
            field: ['input', 'ruleSetId'],
            message: `Version ${version} was published after this draft was started${draft.basedOnVersion ? ` from version ${draft.basedOnVersion}` : ''}. Start a new draft from version ${version} so its changes are not lost.`,
            code: 'OUTDATED',
          },
        ],
        ruleSet: null,
      };
    }
    await RuleSetDraftModel.updateOne({ _id: draft._id }, { $set: { publishedVersion: version } });
    return { userErrors: [], ruleSet: toView(published, 'PUBLISHED') };
  }

  /** What publishing a draft would change, against the version in force. */
  async preview(actor: SignedInActor, draftId: string) {
    const draft = await this.ruleSet(actor, draftId);
    if (!draft) throw forbidden('There is no rule set with this id that you can see');
    if (draft.status !== 'DRAFT') {
      throw new GraphQLError(`Version ${draft.version} is already published: preview a draft`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const current = await this.publishedRules();
    const comparedWith = current ? await this.ruleSetById(versionId(current.version)) : null;
    const parsed = ruleSetSchema.safeParse(draftRules(draft));
    if (draft.problems.length > 0 || !parsed.success) {
      return {
        problems: draft.problems,
        comparedWith,
        childrenCompared: 0,
        childrenChanging: 0,
        tiers: [],
        serviceTypeChanges: [],
        servicesChanging: [],
        servicesChangingCount: 0,
      };
    }
    const children = await this.deps.families.eligibilityFactsOfEveryChild();
    const preview = previewChanges(current?.rules ?? null, parsed.data, children, londonToday());
    const listings = await this.deps.directory.allListings();
    const changing = listings.filter((listing) => preview.serviceTypeAffected(listing.type));
    const countByType = new Map<string, number>();
    for (const listing of listings) {
      countByType.set(listing.type, (countByType.get(listing.type) ?? 0) + 1);
    }
    return {
      problems: [],
      comparedWith,
      childrenCompared: preview.childrenCompared,
      childrenChanging: suppressSmall(preview.childrenChanging),
      tiers: preview.tiers.map((tier) => ({
        ...tier,
        before: tier.before && suppressSmallCounts(tier.before),
        after: suppressSmallCounts(tier.after),
      })),
      serviceTypeChanges: preview.serviceTypeChanges.map((change) => ({
        ...change,
        services: countByType.get(change.serviceType) ?? 0,
      })),
      servicesChanging: changing.slice(0, 50),
      servicesChangingCount: changing.length,
    };
  }

  // ---- checks ---------------------------------------------------------------------------

  /** A check from answers given without an account. Only anonymous counts are kept. */
  async checkAnonymously(input: unknown): Promise<CheckPayload> {
    const none = { decision: null, services: [], eligibleServiceCount: 0 };
    const parsed = anonymousCheckSchema.safeParse(input);
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
    const published = await this.publishedRules();
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
    const published = await this.publishedRules();
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

  /** One child against one service, for its page. */
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
      const published = await this.publishedRules();
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
