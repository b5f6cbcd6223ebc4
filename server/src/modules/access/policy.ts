import { PROFILE_SECTIONS, type ProfileSection } from '@harbour/shared';
import type { Actor, Role, SignedInActor } from './actor';

/**
 * Harbour's authorisation policy, in one place. Every GraphQL operation declares who may call
 * it (enforced for all operations by authorize.ts, which refuses to build a schema with an
 * operation missing here: default deny); relationships to particular objects are decided by
 * the functions below, which services call with the facts they load.
 */
export type Audience = 'PUBLIC' | 'SIGNED_IN' | readonly Role[];

export interface OperationRule {
  who: Audience;
  /** The relationship the service checks on top of the role, in words. */
  relation?: string;
}

const FAMILY_SIDE = ['FAMILY', 'YOUNG_PERSON'] as const;
const ANYONE_SIGNED_IN = 'SIGNED_IN';

export const OPERATION_RULES: Record<string, OperationRule> = {
  // Public: the token or the credentials in the input are the proof.
  'Query.viewer': { who: 'PUBLIC', relation: 'returns only the caller' },
  'Query.feedbackSummary': { who: 'PUBLIC', relation: 'aggregate counts only' },
  'Query.invitation': { who: 'PUBLIC', relation: 'holder of the invitation token' },
  'Mutation.feedbackSubmit': { who: 'PUBLIC' },
  'Mutation.accountSignUp': { who: 'PUBLIC' },
  'Mutation.accountProviderSignUp': { who: 'PUBLIC' },
  'Mutation.accountEmailVerify': { who: 'PUBLIC', relation: 'holder of the verification token' },
  'Mutation.accountSignIn': { who: 'PUBLIC' },
  'Mutation.accountPasswordResetRequest': { who: 'PUBLIC' },
  'Mutation.accountPasswordReset': { who: 'PUBLIC', relation: 'holder of the reset token' },
  'Mutation.invitationAccept': { who: 'PUBLIC', relation: 'holder of the invitation token' },

  'Mutation.accountSignOut': { who: ANYONE_SIGNED_IN, relation: 'own session' },
  'Mutation.accountSignOutEverywhere': { who: ANYONE_SIGNED_IN, relation: 'own sessions' },
  'Mutation.accountMobileSet': { who: FAMILY_SIDE, relation: 'own account' },

  // Families
  'Query.family': { who: FAMILY_SIDE, relation: 'own family' },
  'Query.child': {
    who: ['FAMILY', 'YOUNG_PERSON', 'PROVIDER', 'COMMISSIONER', 'ADMIN'],
    relation:
      'childAccess: own child; own record; provider with consent; commissioner with a grant; admin with a reason',
  },
  'Query.childAccessLog': { who: ['FAMILY'], relation: 'own children' },
  'Query.familyDataExport': { who: ['FAMILY'], relation: 'own family' },
  'Mutation.childAdd': { who: ['FAMILY'], relation: 'into own family' },
  'Mutation.childUpdate': { who: FAMILY_SIDE, relation: 'childChange: own child or own record' },
  'Mutation.childConsentGrant': {
    who: FAMILY_SIDE,
    relation: 'childChange: own child or own record',
  },
  'Mutation.childProfileUpdate': {
    who: FAMILY_SIDE,
    relation: 'childChange: own child or own record',
  },
  'Mutation.childEligibilityCheck': {
    who: FAMILY_SIDE,
    relation: 'childChange: own child or own record',
  },
  'Mutation.childConsentRevoke': {
    who: FAMILY_SIDE,
    relation: 'childChange: own child or own record',
  },
  'Mutation.familyCarerInvite': { who: ['FAMILY'], relation: 'into own family' },
  'Mutation.childYoungPersonInvite': { who: ['FAMILY'], relation: 'own child aged 16 or over' },
  'Mutation.familyErasureRequest': { who: ['FAMILY'], relation: 'own family' },

  // Organisations
  'Query.organisation': {
    who: ['PROVIDER', 'COMMISSIONER', 'ADMIN'],
    relation: 'member, or admin',
  },
  'Query.organisations': { who: ['ADMIN'] },
  'Mutation.organisationCreate': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'providers create provider organisations; admins any',
  },
  'Mutation.organisationMemberInvite': { who: ['PROVIDER', 'ADMIN'], relation: 'owner, or admin' },
  'Mutation.organisationVerify': { who: ['ADMIN'] },

  // Directory: public, like any council's local offer.
  'Query.directorySearch': {
    who: 'PUBLIC',
    relation: 'includeHidden only for commissioners and admins',
  },
  'Query.serviceListing': { who: 'PUBLIC' },
  'Query.providerConsole': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'member of the organisation, or admin',
  },
  'Mutation.providerProfileUpdate': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'member of the organisation, or admin',
  },
  'Mutation.locationSave': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'member of the organisation, or admin',
  },
  'Mutation.serviceSave': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'member of a verified organisation, or admin',
  },
  'Mutation.providerDetailsConfirm': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'member of the organisation, or admin',
  },
  'Mutation.registrationChangeRequest': {
    who: ['PROVIDER', 'ADMIN'],
    relation: 'member of the organisation, or admin',
  },
  'Query.registrationChangeRequests': { who: ['ADMIN'] },
  'Mutation.registrationChangeReview': { who: ['ADMIN'] },

  // Eligibility: the rules are public, like the short breaks statement they implement.
  'Query.eligibilityRules': { who: 'PUBLIC' },
  'Mutation.eligibilityCheckSubmit': {
    who: 'PUBLIC',
    relation: 'stores nothing personal; anonymous outcome counts only',
  },
  'Query.eligibilityRuleSets': { who: ['COMMISSIONER', 'ADMIN'] },
  'Query.eligibilityRuleSet': { who: ['COMMISSIONER', 'ADMIN'] },
  'Query.eligibilityRulePreview': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only' },
  'Query.eligibilityCheckSummary': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only' },
  'Query.insightsSupply': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only, audited' },
  'Query.insightsDemand': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only, audited' },
  'Query.insightsGaps': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only, audited' },
  'Query.insightsGap': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only, audited' },
  'Query.insightsTransition': {
    who: ['COMMISSIONER', 'ADMIN'],
    relation: 'aggregates only, audited',
  },
  'Query.insightsQuality': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only, audited' },
  'Query.insightsSpend': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only, audited' },
  'Query.insightsOutcomes': {
    who: ['COMMISSIONER', 'ADMIN'],
    relation: 'aggregates only, audited',
  },
  'Mutation.eligibilityRuleSetDraftSave': { who: ['COMMISSIONER'] },
  'Mutation.eligibilityRuleSetPublish': { who: ['COMMISSIONER'] },

  // Sessions and bookings
  'Query.sessionCalendar': { who: ['PROVIDER', 'ADMIN'], relation: 'member of the organisation' },
  'Query.listingSessions': { who: 'PUBLIC', relation: 'published sessions only' },
  'Query.bookingQuote': { who: FAMILY_SIDE, relation: 'own child' },
  'Query.familyBookings': { who: FAMILY_SIDE, relation: 'own family; a young person their own' },
  'Query.booking': {
    who: ['FAMILY', 'YOUNG_PERSON', 'PROVIDER', 'ADMIN'],
    relation: "own family's booking, or the provider's",
  },
  'Query.sessionRegister': {
    who: ['PROVIDER'],
    relation: "member of the session's organisation; each child's profile as consented, audited",
  },
  'Mutation.sessionSeriesCreate': {
    who: ['PROVIDER'],
    relation: "member of the listing's organisation",
  },
  'Mutation.sessionUpdate': { who: ['PROVIDER'], relation: "member of the session's organisation" },
  'Mutation.sessionCancel': { who: ['PROVIDER'], relation: "member of the session's organisation" },
  'Mutation.bookingCreate': { who: FAMILY_SIDE, relation: 'own child' },
  'Mutation.bookingCancel': { who: FAMILY_SIDE, relation: "own family's booking" },
  'Mutation.bookingOfferAccept': { who: FAMILY_SIDE, relation: "own family's booking" },
  'Mutation.bookingOfferDecline': { who: FAMILY_SIDE, relation: "own family's booking" },
  // Budgets, payments and provider settlement
  'Query.familyBudgets': { who: FAMILY_SIDE, relation: 'own children; a young person their own' },
  'Query.childBudgets': {
    who: ['FAMILY', 'YOUNG_PERSON', 'COMMISSIONER', 'ADMIN'],
    relation: 'budgetAccess: own child or own record; commissioners and admins, audited',
  },
  'Query.budgetAccount': {
    who: ['FAMILY', 'YOUNG_PERSON', 'COMMISSIONER', 'ADMIN'],
    relation: "budgetAccess to the account's child; pooled funds for commissioners and admins",
  },
  'Query.pooledFunds': { who: ['COMMISSIONER', 'ADMIN'] },
  'Query.familyPoolInvitations': { who: ['FAMILY'], relation: "invitations to the caller's email" },
  'Mutation.familyPoolCreate': { who: ['FAMILY'], relation: "own child's budget pays the share" },
  'Mutation.familyPoolJoin': {
    who: ['FAMILY'],
    relation: "invited by email; own child's budget pays the share",
  },
  'Query.budgetSpend': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only' },
  'Query.providerStatement': {
    who: ['PROVIDER', 'COMMISSIONER', 'ADMIN'],
    relation: 'providers: members of the organisation only',
  },
  'Mutation.budgetAllocate': { who: ['COMMISSIONER', 'ADMIN'], relation: 'audited for the family' },
  'Mutation.budgetAllocationsImport': {
    who: ['COMMISSIONER', 'ADMIN'],
    relation: 'audited for each family',
  },
  'Mutation.pooledFundCreate': { who: ['COMMISSIONER', 'ADMIN'] },
  'Mutation.budgetYearEndReturn': { who: ['COMMISSIONER', 'ADMIN'] },
  'Mutation.providerPayoutCreate': { who: ['COMMISSIONER', 'ADMIN'] },
  'Mutation.organisationPayoutAccountSet': { who: ['ADMIN'] },
  'Mutation.bookingRefund': {
    who: ['PROVIDER', 'ADMIN'],
    relation: "member of the booking's organisation; never more than it was paid",
  },
  'Query.cardPayment': { who: FAMILY_SIDE, relation: "own family's payment" },
  'Mutation.cardPaymentCheck': {
    who: FAMILY_SIDE,
    relation: "own family's payment; the state comes from Stripe, never the browser",
  },
  'Mutation.cardPaymentTestConfirm': {
    who: FAMILY_SIDE,
    relation: "own family's payment; development and tests only",
  },
  'Mutation.bookingAttendanceMark': {
    who: ['PROVIDER'],
    relation: "member of the booking's organisation",
  },

  // Oversight
  'Query.familiesSummary': { who: ['COMMISSIONER', 'ADMIN'], relation: 'aggregates only' },
  'Query.auditEvents': { who: ['ADMIN'] },
  'Mutation.commissionerChildAccessGrant': { who: ['ADMIN'], relation: 'with a recorded reason' },
};

export function allows(audience: Audience, actor: Actor): 'yes' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (audience === 'PUBLIC') return 'yes';
  if (actor.kind === 'anonymous') return 'UNAUTHENTICATED';
  if (audience === 'SIGNED_IN') return 'yes';
  return audience.includes(actor.role) ? 'yes' : 'FORBIDDEN';
}

/** What a relationship check decided, with the words to say when it refused. */
export type Decision<View> =
  { allowed: true; view: View; audited: boolean } | { allowed: false; why: string };

/** The facts about a child that access depends on. */
export interface ChildFacts {
  familyId: string;
  youngPersonAccountId: string | null;
  consentedOrganisationIds: readonly string[];
  /** Commissioners granted access to this child's record by an admin, still in force. */
  commissionerGrantAccountIds: readonly string[];
}

/** How much of a child's record the asker may see (see CHILD_FIELDS). */
export type ChildView = 'FAMILY' | 'OWN_RECORD' | 'PROVIDER' | 'COMMISSIONER' | 'ADMIN';

export const MIN_REASON_LENGTH = 10;

/**
 * The one answer for a child that does not exist and for one the asker may not see or change,
 * so that refusals never tell which ids belong to a child (OWASP API1).
 */
export const CHILD_NOT_VISIBLE = 'There is no child with this id that you can see';

/**
 * Reading a child's record. Families and the young person see everything, unaudited;
 * everyone else is audited: provider staff only with the family's consent for their
 * organisation, commissioners only with an explicit grant, admins only with a reason.
 */
export function childAccess(
  actor: Actor,
  child: ChildFacts,
  reason?: string | null,
): Decision<ChildView> {
  const denied = { allowed: false as const, why: CHILD_NOT_VISIBLE };
  if (actor.kind === 'anonymous') return denied;
  switch (actor.role) {
    case 'FAMILY':
      return actor.familyId === child.familyId
        ? { allowed: true, view: 'FAMILY', audited: false }
        : denied;
    case 'YOUNG_PERSON':
      return actor.accountId === child.youngPersonAccountId
        ? { allowed: true, view: 'OWN_RECORD', audited: false }
        : denied;
    case 'PROVIDER':
      return actor.organisationIds.some((id) => child.consentedOrganisationIds.includes(id))
        ? { allowed: true, view: 'PROVIDER', audited: true }
        : denied;
    case 'COMMISSIONER':
      return child.commissionerGrantAccountIds.includes(actor.accountId)
        ? { allowed: true, view: 'COMMISSIONER', audited: true }
        : denied;
    case 'ADMIN':
      return (reason ?? '').trim().length >= MIN_REASON_LENGTH
        ? { allowed: true, view: 'ADMIN', audited: true }
        : {
            allowed: false,
            why: `Give a reason of at least ${MIN_REASON_LENGTH} characters to open a child’s record; it is recorded and shown to the family`,
          };
  }
}

export const BUDGET_NOT_VISIBLE = 'There is no child with this id whose budgets you can see';

/**
 * A child's budgets: the family, the young person for their own, and the council and NHS
 * commissioners who allocate them (audited, so the family sees who looked). Providers see
 * only what they are owed, never a child's budget.
 */
export function budgetAccess(
  actor: SignedInActor,
  child: Pick<ChildFacts, 'familyId' | 'youngPersonAccountId'>,
): Decision<'FAMILY' | 'COUNCIL'> {
  switch (actor.role) {
    case 'FAMILY':
      return actor.familyId === child.familyId
        ? { allowed: true, view: 'FAMILY', audited: false }
        : { allowed: false, why: BUDGET_NOT_VISIBLE };
    case 'YOUNG_PERSON':
      return actor.accountId === child.youngPersonAccountId
        ? { allowed: true, view: 'FAMILY', audited: false }
        : { allowed: false, why: BUDGET_NOT_VISIBLE };
    case 'COMMISSIONER':
    case 'ADMIN':
      return { allowed: true, view: 'COUNCIL', audited: true };
    case 'PROVIDER':
      return { allowed: false, why: BUDGET_NOT_VISIBLE };
  }
}

/** Changing a child's record or consents: only the family, or the young person for their own. */
export function childChange(actor: Actor, child: ChildFacts): Decision<ChildView> {
  if (actor.kind === 'account' && actor.role === 'FAMILY' && actor.familyId === child.familyId) {
    return { allowed: true, view: 'FAMILY', audited: true };
  }
  if (
    actor.kind === 'account' &&
    actor.role === 'YOUNG_PERSON' &&
    actor.accountId === child.youngPersonAccountId
  ) {
    return { allowed: true, view: 'OWN_RECORD', audited: true };
  }
  return { allowed: false, why: CHILD_NOT_VISIBLE };
}

/** Which views may see each sensitive field of a child; fields not listed are seen by every allowed view. */
export const CHILD_FIELDS: Record<string, readonly ChildView[]> = {
  'Child.dateOfBirth': ['FAMILY', 'OWN_RECORD', 'COMMISSIONER', 'ADMIN'],
  'Child.lastName': ['FAMILY', 'OWN_RECORD', 'PROVIDER', 'ADMIN'],
  'Child.consents': ['FAMILY', 'OWN_RECORD', 'ADMIN'],
  'Child.profileVersions': ['FAMILY', 'OWN_RECORD'],
  'Child.eligibilityDecisions': ['FAMILY', 'OWN_RECORD'],
};

/** What a commissioner with an admin's grant needs to look into a child's support. */
const COMMISSIONER_SECTIONS: readonly ProfileSection[] = ['NEEDS', 'PLANS_AND_BUDGET'];

/**
 * The profile sections a view may see. Providers see only what the family shared with their
 * organisation; a commissioner with a grant sees needs, plans and budget (not contacts, home
 * or "about me"); the family, the young person and an admin with a reason see it all.
 */
export function profileSectionsVisible(
  view: ChildView,
  sharedWithProvider: readonly ProfileSection[],
): ProfileSection[] {
  if (view === 'PROVIDER') return [...sharedWithProvider];
  if (view === 'COMMISSIONER') return [...COMMISSIONER_SECTIONS];
  return [...PROFILE_SECTIONS.codes];
}

export function childFieldVisible(field: keyof typeof CHILD_FIELDS, view: ChildView): boolean {
  return CHILD_FIELDS[field]?.includes(view) ?? true;
}

/** Seeing an organisation's details: its members, or an admin. */
export function organisationAccess(actor: SignedInActor, organisationId: string): boolean {
  return actor.role === 'ADMIN' || actor.organisationIds.includes(organisationId);
}

/** Inviting members: an owner of the organisation, or an admin. */
export function organisationManage(actor: SignedInActor, organisationId: string): boolean {
  return actor.role === 'ADMIN' || actor.ownedOrganisationIds.includes(organisationId);
}

/** Compliance flags: for commissioners and admins, and for the provider's own members. */
export function complianceFlagsVisible(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'account') return false;
  return (
    actor.role === 'COMMISSIONER' ||
    actor.role === 'ADMIN' ||
    actor.organisationIds.includes(organisationId)
  );
}

/** Inadequate and lapsed services in search results: commissioners and admins only. */
export function mayIncludeHiddenServices(actor: Actor): boolean {
  return actor.kind === 'account' && (actor.role === 'COMMISSIONER' || actor.role === 'ADMIN');
}
