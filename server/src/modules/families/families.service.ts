import {
  ageBand,
  ageOn,
  childProfileChangeSchema,
  dateOfBirthProblem,
  findPostcodeDistrict,
  londonToday,
  PROFILE_SECTIONS,
  SECTION_FIELDS,
  textSchema,
  type AgeBand,
  type ChildProfile,
  type EligibilityFacts,
  type ProfileSection,
} from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import type { Actor, SignedInActor } from '../access/actor';
import type { AuditService, AccessEvent } from '../access/audit.service';
import { forbidden } from '../access/authorize';
import {
  CHILD_NOT_VISIBLE,
  childAccess,
  childChange,
  profileSectionsVisible,
  type ChildFacts,
  type ChildView,
} from '../access/policy';
import type { OrganisationsService } from '../organisations/organisations.service';
import {
  childVersions,
  profileOf,
  rollForward,
  saveChildChange,
  type ChildChange,
  type StoredChild,
} from './child-versions';
import { ChildModel, ChildVersionModel, CommissionerGrantModel, FamilyModel } from './family.model';

export interface ChildRecord {
  id: string;
  familyId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  ageInYears: number;
  youngPersonAccountId: string | null;
  consents: { organisationId: string; grantedAt: Date; sections: ProfileSection[] }[];
  /** The profile with the sections the asker may not see set to null. */
  profile: { [K in keyof ChildProfile]: ChildProfile[K] | null };
  profileSections: ProfileSection[];
  profileVersion: number;
  /** How much of this record the asker may see (access/policy.ts CHILD_FIELDS). */
  view: ChildView;
}

/**
 * Consents given before profiles existed shared a name and age only: the profile sections
 * did not exist, so the family never chose to share them.
 */
const sectionsOf = (consent: { sections?: string[] | null }): ProfileSection[] =>
  (consent.sections ?? []) as ProfileSection[];

function toRecord(
  child: StoredChild,
  view: ChildView,
  sharedWithProvider: readonly ProfileSection[] = [],
): ChildRecord {
  const sections = profileSectionsVisible(view, sharedWithProvider);
  const full = profileOf(child);
  const profile = { ...full } as ChildRecord['profile'];
  for (const section of PROFILE_SECTIONS.codes) {
    if (sections.includes(section)) continue;
    for (const field of SECTION_FIELDS[section]) profile[field] = null;
  }
  return {
    id: String(child._id),
    familyId: String(child.family),
    firstName: child.firstName,
    lastName: child.lastName,
    dateOfBirth: child.dateOfBirth,
    ageInYears: ageOn(child.dateOfBirth, londonToday()),
    youngPersonAccountId: child.youngPersonAccount ? String(child.youngPersonAccount) : null,
    consents: child.consents.map((consent) => ({
      organisationId: String(consent.organisation),
      grantedAt: consent.grantedAt,
      sections: sectionsOf(consent),
    })),
    profile,
    profileSections: sections,
    profileVersion: child.profileVersion ?? 0,
    view,
  };
}

const nameFields = {
  firstName: textSchema('First name', { min: 1, max: 60 }),
  lastName: textSchema('Last name', { min: 1, max: 60 }),
  dateOfBirth: z.string({ error: 'Date of birth must be text, like 2015-03-27' }),
};
const childAddSchema = z.object(nameFields);
const childUpdateSchema = z.object({ childId: z.string(), ...nameFields }).partial({
  firstName: true,
  lastName: true,
  dateOfBirth: true,
});

function eligibilityFacts(child: StoredChild): EligibilityFacts {
  const profile = profileOf(child);
  return { ...profile, name: child.firstName, dateOfBirth: child.dateOfBirth };
}

const consentSectionsSchema = z
  .array(PROFILE_SECTIONS.schema('profile section'))
  .max(PROFILE_SECTIONS.codes.length)
  .default([])
  // In the vocabulary's order, whatever order they were ticked in.
  .transform((sections) => PROFILE_SECTIONS.codes.filter((code) => sections.includes(code)));

const notFound = () => forbidden(CHILD_NOT_VISIBLE);

/** Families, their children, who may see them, and the record of who did. */
export class FamiliesService {
  constructor(
    private readonly deps: {
      audit: AuditService;
      organisations: OrganisationsService;
      accountNames: (ids: string[]) => Promise<Map<string, string>>;
    },
  ) {}

  async ensureFamily(familyId: string, carerId: string): Promise<void> {
    await FamilyModel.updateOne(
      { _id: familyId },
      { $setOnInsert: { carers: [carerId] } },
      { upsert: true },
    );
  }

  /** The parent carers of a family, for telling them about their bookings. */
  async carerIds(familyId: string): Promise<string[]> {
    const family = await FamilyModel.findById(familyId, { carers: 1 }).lean();
    return (family?.carers ?? []).map(String);
  }

  async childCount(familyId: string): Promise<number> {
    return ChildModel.countDocuments({ family: familyId, erasedAt: { $exists: false } });
  }

  async addCarer(familyId: string, carerId: string): Promise<void> {
    await FamilyModel.updateOne(
      { _id: familyId, carers: { $ne: carerId } },
      { $push: { carers: carerId } },
    );
  }

  async family(
    actor: SignedInActor,
  ): Promise<{ id: string; carerIds: string[]; children: ChildRecord[] } | null> {
    if (!actor.familyId) return null;
    const family = await FamilyModel.findById(actor.familyId).lean();
    if (!family || family.erasedAt) return null;
    const children = await ChildModel.find({ family: actor.familyId, erasedAt: { $exists: false } })
      .sort({ dateOfBirth: 1 })
      .lean();
    return {
      id: String(family._id),
      carerIds: family.carers.map(String),
      children: children
        .map((child) => ({ child, decision: childAccess(actor, this.facts(child, [])) }))
        .filter(({ decision }) => decision.allowed)
        .map(({ child, decision }) => toRecord(child, decision.allowed ? decision.view : 'FAMILY')),
    };
  }

  async addChild(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; child: ChildRecord | null }> {
    const parsed = childAddSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), child: null };
    const problem = dateOfBirthProblem(parsed.data.dateOfBirth, londonToday());
    if (problem)
      return {
        userErrors: [{ field: ['input', 'dateOfBirth'], message: problem, code: 'INVALID' }],
        child: null,
      };
    if (!actor.familyId) throw forbidden();
    const created = await ChildModel.create({ family: actor.familyId, ...parsed.data });
    const stored = created.toObject() as unknown as StoredChild;
    const outcome = await saveChildChange(stored, {}, actor.accountId);
    await this.deps.audit.record({
      action: 'CHILD_ADDED',
      actor,
      familyId: actor.familyId,
      childId: created._id,
    });
    const child = outcome.saved ? outcome.child : stored;
    return { userErrors: [], child: toRecord(child, 'FAMILY') };
  }

  /** A child's record as the asker may see it; reading it is audited for anyone outside the family. */
  async child(actor: Actor, childId: string, reason?: string | null): Promise<ChildRecord> {
    const child = await this.load(childId);
    if (!child || actor.kind !== 'account') throw notFound();
    const grants = await this.commissionerGrants(childId);
    const decision = childAccess(actor, this.facts(child, grants), reason);
    if (!decision.allowed) throw forbidden(decision.why);
    const consents = child.consents.filter((consent) =>
      actor.organisationIds.includes(String(consent.organisation)),
    );
    if (decision.audited) {
      const [organisation] = await this.deps.organisations.byIds(
        consents.map((consent) => String(consent.organisation)),
      );
      await this.deps.audit.record({
        action: 'CHILD_VIEWED',
        actor,
        familyId: child.family,
        childId: child._id,
        reason:
          actor.role === 'COMMISSIONER'
            ? grants.find((g) => g.account === actor.accountId)?.reason
            : reason,
        organisationName: organisation?.name,
      });
    }
    return toRecord(child, decision.view, consents.flatMap(sectionsOf));
  }

  async updateChild(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[]; child: ChildRecord | null }> {
    const parsed = childUpdateSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), child: null };
    const { childId, ...changes } = parsed.data;
    const child = await this.loadForChange(actor, childId);
    if (changes.dateOfBirth) {
      const problem = dateOfBirthProblem(changes.dateOfBirth, londonToday());
      if (problem)
        return {
          userErrors: [{ field: ['input', 'dateOfBirth'], message: problem, code: 'INVALID' }],
          child: null,
        };
    }
    return this.saveChange(actor, child, changes, null, null);
  }

  /** Changes part of a child's "tell it once" profile, keeping the old version. */
  async updateProfile(
    actor: SignedInActor,
    input: Record<string, unknown>,
  ): Promise<{ userErrors: UserError[]; child: ChildRecord | null }> {
    const { childId, expectedVersion, ...changes } = input;
    const child = await this.loadForChange(actor, String(childId ?? ''));
    // GraphQL sends null for a field given as null: only a tier can be cleared that way.
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([key, v]) => v != null || key === 'assessedTier'),
    );
    const parsed = childProfileChangeSchema.safeParse(defined);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), child: null };
    const { homePostcode, ...rest } = parsed.data;
    const profile: Partial<ChildProfile> = rest;
    if (homePostcode !== undefined) {
      profile.homePostcode = homePostcode || null;
      profile.district = homePostcode
        ? (findPostcodeDistrict(homePostcode)?.district ?? null)
        : null;
    }
    if (profile.socialCareAssessment && profile.socialCareAssessment !== 'ASSESSED') {
      profile.assessedTier = null;
    }
    return this.saveChange(
      actor,
      child,
      { profile },
      typeof expectedVersion === 'number' ? expectedVersion : null,
      ['input', 'expectedVersion'],
    );
  }

  /** Every version of a child's record, newest first (the family has already been checked). */
  async versions(childId: string) {
    const child = await this.load(childId);
    if (!child) return [];
    const versions = await childVersions(childId, child.profileVersion ?? 0);
    const names = await this.deps.accountNames(versions.map((v) => v.changedBy));
    return versions.map((version) => ({
      ...version,
      changedBy: names.get(version.changedBy) ?? 'Erased account',
      profile: {
        ...version.profile,
        version: version.version,
        sections: [...PROFILE_SECTIONS.codes],
      },
    }));
  }

  private async saveChange(
    actor: SignedInActor,
    child: StoredChild,
    change: ChildChange,
    expectedVersion: number | null,
    staleField: string[] | null,
  ): Promise<{ userErrors: UserError[]; child: ChildRecord | null }> {
    const outcome = await saveChildChange(child, change, actor.accountId, expectedVersion);
    if (!outcome.saved) {
      return {
        userErrors: [{ field: staleField, message: outcome.message, code: 'STALE' }],
        child: null,
      };
    }
    await this.deps.audit.record({
      action: 'CHILD_UPDATED',
      actor,
      familyId: child.family,
      childId: child._id,
    });
    return {
      userErrors: [],
      child: toRecord(outcome.child, actor.role === 'FAMILY' ? 'FAMILY' : 'OWN_RECORD'),
    };
  }

  async setConsent(
    actor: SignedInActor,
    input: { childId?: unknown; organisationId?: unknown; sections?: unknown },
    granted: boolean,
  ): Promise<{ userErrors: UserError[]; child: ChildRecord | null }> {
    const child = await this.loadForChange(actor, String(input.childId ?? ''));
    const organisation = await this.deps.organisations.findProvider(
      String(input.organisationId ?? ''),
    );
    if (!organisation) {
      return {
        userErrors: [
          {
            field: ['input', 'organisationId'],
            message: 'There is no provider with this id',
            code: 'NOT_FOUND',
          },
        ],
        child: null,
      };
    }
    const sections = consentSectionsSchema.safeParse(input.sections ?? undefined);
    if (!sections.success) {
      return { userErrors: userErrorsFromZod(sections.error, ['input', 'sections']), child: null };
    }
    // The whole list is saved as a new version of the record, so a grant and a revoke made
    // at the same moment cannot undo each other: the loser reads the winner's list and goes again.
    let current = child;
    let updated: StoredChild | null = null;
    for (let attempt = 0; attempt < 5 && !updated; attempt += 1) {
      const others = current.consents.filter(
        (consent) => String(consent.organisation) !== organisation.id,
      );
      const consents = granted
        ? [
            ...others,
            {
              organisation: organisation.id,
              grantedAt: new Date(),
              grantedBy: actor.accountId,
              sections: sections.data,
            },
          ]
        : others;
      const outcome = await saveChildChange(
        current,
        { consents },
        actor.accountId,
        current.profileVersion ?? 0,
      );
      if (outcome.saved) updated = outcome.child;
      else current = await this.loadForChange(actor, String(child._id));
    }
    if (!updated) {
      return {
        userErrors: [
          {
            field: null,
            message: 'Several changes were made to this record at once: try again',
            code: 'STALE',
          },
        ],
        child: null,
      };
    }
    await this.deps.audit.record({
      action: granted ? 'CONSENT_GRANTED' : 'CONSENT_REVOKED',
      actor,
      familyId: child.family,
      childId: child._id,
      organisationName: organisation.name,
    });
    return {
      userErrors: [],
      child: toRecord(updated, actor.role === 'FAMILY' ? 'FAMILY' : 'OWN_RECORD'),
    };
  }

  /** What eligibility is decided on, for the child's family or the young person only. */
  async eligibilityFactsFor(
    actor: SignedInActor,
    childId: string,
  ): Promise<{ facts: EligibilityFacts; familyId: string; profileVersion: number }> {
    const child = await this.loadForChange(actor, childId);
    return {
      facts: eligibilityFacts(child),
      familyId: String(child.family),
      profileVersion: child.profileVersion ?? 0,
    };
  }

  /** Every child's eligibility facts, for a commissioner's preview (which shows counts only). */
  async eligibilityFactsOfEveryChild(): Promise<EligibilityFacts[]> {
    const facts: EligibilityFacts[] = [];
    for await (const child of ChildModel.find({ erasedAt: { $exists: false } })
      .lean()
      .cursor()) {
      facts.push(eligibilityFacts(child as unknown as StoredChild));
    }
    return facts;
  }

  /**
   * Who a child is, for their budgets: names, date of birth, family and district, never the
   * profile. The caller decides who may see it (policy.budgetAccess). Null if there is none.
   */
  async childForBudget(childId: string): Promise<ChildForBudget | null> {
    const child = await this.load(childId);
    if (!child) return null;
    return {
      id: String(child._id),
      familyId: String(child.family),
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: child.dateOfBirth,
      youngPersonAccountId: child.youngPersonAccount ? String(child.youngPersonAccount) : null,
      district: child.profile?.district ?? null,
      facts: eligibilityFacts(child),
    };
  }

  /** The children of a family, for their budgets (see childForBudget). */
  async childrenForBudget(familyId: string): Promise<ChildForBudget[]> {
    if (!Types.ObjectId.isValid(familyId)) return [];
    const children = await ChildModel.find({ family: familyId, erasedAt: { $exists: false } })
      .sort({ createdAt: 1 })
      .lean();
    const loaded = await Promise.all(
      children.map((child) => this.childForBudget(String(child._id))),
    );
    return loaded.filter((child): child is ChildForBudget => child !== null);
  }

  /** The child a family member may change, or FORBIDDEN. */
  async loadForChange(actor: SignedInActor, childId: string): Promise<StoredChild> {
    const child = await this.load(childId);
    if (!child) throw notFound();
    const decision = childChange(actor, this.facts(child, []));
    if (!decision.allowed) throw forbidden(decision.why);
    return child;
  }

  async linkYoungPerson(childId: string, accountId: string): Promise<void> {
    await ChildModel.updateOne({ _id: childId }, { $set: { youngPersonAccount: accountId } });
  }

  async accessLog(
    actor: SignedInActor,
    childId?: string | null,
  ): Promise<(AccessEvent & { childName: string })[]> {
    if (!actor.familyId) return [];
    if (childId) await this.loadForChange(actor, childId);
    const events = await this.deps.audit.outsiderEventsForFamily(actor.familyId, childId);
    const children = await ChildModel.find({ family: actor.familyId }).lean();
    const names = new Map(children.map((child) => [String(child._id), child.firstName]));
    return events.map((event) => ({
      ...event,
      childName: (event.childId && names.get(event.childId)) || 'Your family',
    }));
  }

  /** Counts for commissioners: no child is identifiable from them. */
  async summary(): Promise<{
    families: number;
    children: number;
    childrenByAgeBand: { band: AgeBand; count: number }[];
  }> {
    const families = await FamilyModel.countDocuments({ erasedAt: { $exists: false } });
    const today = londonToday();
    const counts = new Map<AgeBand, number>();
    let children = 0;
    for await (const child of ChildModel.find({ erasedAt: { $exists: false } }, { dateOfBirth: 1 })
      .lean()
      .cursor()) {
      const band = ageBand(ageOn(child.dateOfBirth, today));
      counts.set(band, (counts.get(band) ?? 0) + 1);
      children += 1;
    }
    const bands: AgeBand[] = ['0-4', '5-10', '11-15', '16-17', '18-25'];
    return {
      families,
      children,
      childrenByAgeBand: bands.map((band) => ({ band, count: counts.get(band) ?? 0 })),
    };
  }

  async grantCommissionerAccess(
    actor: SignedInActor,
    input: { childId: string; commissionerAccountId: string; reason: string; days: number },
  ): Promise<void> {
    const child = await this.load(input.childId);
    if (!child) throw notFound();
    // Admins grant without opening the record, so this is not a read of the child's data.
    await CommissionerGrantModel.create({
      account: input.commissionerAccountId,
      child: child._id,
      reason: input.reason,
      grantedBy: actor.accountId,
      expiresAt: new Date(Date.now() + input.days * 24 * 60 * 60_000),
    });
    await this.deps.audit.record({
      action: 'COMMISSIONER_ACCESS_GRANTED',
      actor,
      familyId: child.family,
      childId: child._id,
      reason: input.reason,
    });
  }

  /** Everything about the family, for a data download. */
  async exportFamily(familyId: string) {
    const family = await FamilyModel.findById(familyId).lean();
    const children = await ChildModel.find({ family: familyId }).lean();
    const grants = await CommissionerGrantModel.find({
      child: { $in: children.map((child) => child._id) },
    }).lean();
    const versions = await ChildVersionModel.find({ family: familyId }).lean();
    return { family, children, childVersions: versions, commissionerGrants: grants };
  }

  /** Removes the family's personal data, keeping ids so records that must stay (money, audit) still add up. */
  async erase(familyId: string): Promise<{ carerIds: string[]; youngPersonIds: string[] }> {
    const family = await FamilyModel.findById(familyId).lean();
    const children = await ChildModel.find({ family: familyId }).lean();
    // The versions first: they hold every past copy of the record.
    await ChildVersionModel.deleteMany({ family: familyId });
    await ChildModel.updateMany(
      { family: familyId },
      {
        $set: {
          firstName: 'Erased',
          lastName: 'Erased',
          dateOfBirth: '1900-01-01',
          consents: [],
          profile: {},
          erasedAt: new Date(),
        },
      },
    );
    await FamilyModel.updateOne({ _id: familyId }, { $set: { erasedAt: new Date() } });
    return {
      carerIds: (family?.carers ?? []).map(String),
      youngPersonIds: children.flatMap((child) =>
        child.youngPersonAccount ? [String(child.youngPersonAccount)] : [],
      ),
    };
  }

  /** A child, with any saved but unapplied version applied first (see child-versions.ts). */
  private async load(childId: string): Promise<StoredChild | null> {
    if (!Types.ObjectId.isValid(childId)) return null;
    const child = await ChildModel.findOne({ _id: childId, erasedAt: { $exists: false } }).lean();
    if (!child || !(await rollForward(child, (child.profileVersion ?? 0) + 1))) return child;
    return ChildModel.findOne({ _id: childId, erasedAt: { $exists: false } }).lean();
  }

  private async commissionerGrants(childId: string) {
    const grants = await CommissionerGrantModel.find({
      child: childId,
      expiresAt: { $gt: new Date() },
    }).lean();
    return grants.map((grant) => ({ account: String(grant.account), reason: grant.reason }));
  }

  private facts(child: StoredChild, grants: { account: string }[]): ChildFacts {
    return {
      familyId: String(child.family),
      youngPersonAccountId: child.youngPersonAccount ? String(child.youngPersonAccount) : null,
      consentedOrganisationIds: child.consents.map((consent) => String(consent.organisation)),
      commissionerGrantAccountIds: grants.map((grant) => grant.account),
    };
  }
}

export interface ChildForBudget {
  id: string;
  familyId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  youngPersonAccountId: string | null;
  district: string | null;
  facts: EligibilityFacts;
}
