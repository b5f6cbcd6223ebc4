import {
  londonToday,
  ruleSetProblems,
  ruleSetSchema,
  type RuleSet,
  type RuleSetProblem,
} from '@harbour/shared';
import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import { isDuplicateKey } from '../../platform/database';
import type { SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';

import type { DirectoryService } from '../directory/directory.service';

import type { FamiliesService } from '../families/families.service';
import { RuleSetDraftModel, RuleSetVersionModel } from './eligibility.model';
import {
  criterionFromFlat,
  criterionToFlat,
  previewChanges,
  disclosable,
  disclosableCounts,
  type FlatCriterion,
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

/** A published version's id in the API: v1, v2… */
export const versionId = (version: number) => `v${version}`;

const draftInputSchema = z.object({
  ruleSetId: z.string().nullish(),
  basedOnVersion: z.number().int().nullish(),
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

type StoredVersion = {
  _id: number;
  rules: unknown;
  draft: Types.ObjectId;
  publishedAt: Date;
};

/**
 * Commissioners' rule sets: drafts that change freely, published versions that never do,
 * and a preview of what publishing a draft would change.
 */
export class RuleSetsService {
  private readonly versions = new Map<number, StoredVersion>();

  constructor(
    private readonly deps: {
      families: FamiliesService;
      directory: DirectoryService;
    },
  ) {}

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

  /** The rules in force and their version number, for checks. */
  async publishedRules(): Promise<{ version: number; rules: RuleSet } | null> {
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
    const { ruleSetId, basedOnVersion, ...shape } = parsed.data;
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
    const inForce = current ? Number(current._id) : null;
    if (basedOnVersion != null && basedOnVersion !== inForce) {
      return {
        userErrors: [
          {
            field: ['input', 'basedOnVersion'],
            message: `Version ${inForce} is now in force: start the new draft from it`,
            code: 'OUTDATED',
          },
        ],
        ruleSet: null,
      };
    }
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
      childrenCompared: disclosable(preview.childrenCompared),
      childrenChanging: disclosable(preview.childrenChanging),
      tiers: preview.tiers.map((tier) => ({
        ...tier,
        before: tier.before && disclosableCounts(tier.before),
        after: disclosableCounts(tier.after),
      })),
      serviceTypeChanges: preview.serviceTypeChanges.map((change) => ({
        ...change,
        services: countByType.get(change.serviceType) ?? 0,
      })),
      servicesChanging: changing.slice(0, 50),
      servicesChangingCount: changing.length,
    };
  }
}
