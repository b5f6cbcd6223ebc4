/**
 * The authorisation matrix: every query and mutation in the schema, called as each role
 * against the caller's own objects and someone else's, checked against what the policy says.
 * A new operation without a row here fails the first test; one without a rule in
 * access/policy.ts stops the server building its schema at all. Wherever someone else's object
 * is refused, an id that names nothing gets the very same answer, so refusals cannot be used
 * to learn which ids exist (OWASP API1).
 */
import { budgetYearOf } from '@harbour/shared';
import { Types } from 'mongoose';
import { buildSchema } from '../../server/src/graphql/schema';
import { OPERATION_RULES } from '../../server/src/modules/access/policy';
import { totpCode } from '../../server/src/modules/accounts/totp';
import { personalFundId } from '../../server/src/modules/budgets/fund.model';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  latestEmail,
  linkToken,
  signIn,
  signInDemo,
} from '../support/accounts';
import { book, bookableService, createSeries, dayFromToday, TERMS } from '../support/bookings';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

type Caller = 'ANONYMOUS' | 'FAMILY' | 'YOUNG_PERSON' | 'PROVIDER' | 'COMMISSIONER' | 'ADMIN';
type Outcome = 'ALLOWED' | 'DENIED' | 'UNAUTHENTICATED';
type Target = 'own' | 'foreign' | 'unknown';

/** A well-formed id that names no object of any kind. */
const UNKNOWN_ID = new Types.ObjectId().toHexString();

interface Fixtures {
  /** The caller's own child (FAMILY: Sam; YOUNG_PERSON: Riley; PROVIDER: Sam, consented; COMMISSIONER: Alex, granted). */
  ownChild: Record<Caller, string>;
  foreignChild: Record<Caller, string>;
  ownOrganisation: string;
  foreignOrganisation: string;
  /** A provider's pending registration change, for an admin to review. */
  registrationRequest: string;
  /** A commissioner's draft rule set that cannot be published (it has no tiers). */
  ruleSetDraft: string;
  /** Bookable services: the demo provider's, and another provider's. */
  listing: { own: string; foreign: string };
  /** Sessions of those services; `spare` is the provider's own, for cancelling. */
  session: { own: string; foreign: string; spare: string };
  /** Bookings per caller: their family's (or, for the provider, at its session) and someone else's. */
  ownBooking: Record<Caller, string>;
  foreignBooking: Record<Caller, string>;
  /** Card payments due: the demo parent's family's, and the second demo family's. */
  payment: { own: string; foreign: string };
}

interface Case {
  document: string;
  variables?: (fixtures: Fixtures, caller: Caller, target: Target) => Record<string, unknown>;
  /** Outcomes per caller; `[own, foreign]` where the operation is about a particular object. */
  expect: Record<Caller, Outcome | [Outcome, Outcome]>;
  /** Ends the caller's session: run with a session of its own. */
  endsSession?: boolean;
}

const EMPTY_DRAFT =
  '{ name: "Matrix draft", tiers: [], services: { checks: [], tierRequirements: [] } }';
const CHECK_INPUT =
  '{ dateOfBirth: "2016-01-01", needs: [], diagnosis: NONE, ehcPlan: NO, socialCareAssessment: NONE }';

const CALLERS: Caller[] = [
  'ANONYMOUS',
  'FAMILY',
  'YOUNG_PERSON',
  'PROVIDER',
  'COMMISSIONER',
  'ADMIN',
];
const everyone = (outcome: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, outcome])) as Record<Caller, Outcome>;
const only = (allowed: Caller[]): Record<Caller, Outcome> =>
  Object.fromEntries(
    CALLERS.map((caller) => [
      caller,
      caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : allowed.includes(caller) ? 'ALLOWED' : 'DENIED',
    ]),
  ) as Record<Caller, Outcome>;
const signedIn = { ...everyone('ALLOWED'), ANONYMOUS: 'UNAUTHENTICATED' as const };
const child = (fixtures: Fixtures, caller: Caller, target: Target) =>
  ({ own: fixtures.ownChild[caller], foreign: fixtures.foreignChild[caller], unknown: UNKNOWN_ID })[
    target
  ];
const organisation = (fixtures: Fixtures, _caller: Caller, target: Target) =>
  ({
    own: fixtures.ownOrganisation,
    foreign: fixtures.foreignOrganisation,
    unknown: UNKNOWN_ID,
  })[target];

const UNKNOWN_LISTING = `${UNKNOWN_ID}:${UNKNOWN_ID}`;
const listing = (f: Fixtures, _caller: Caller, target: Target) =>
  target === 'unknown' ? UNKNOWN_LISTING : f.listing[target];
const session = (f: Fixtures, _caller: Caller, target: Target) =>
  target === 'unknown' ? UNKNOWN_ID : f.session[target];
const booking = (f: Fixtures, caller: Caller, target: Target) =>
  ({ own: f.ownBooking[caller], foreign: f.foreignBooking[caller], unknown: UNKNOWN_ID })[target];
const budget = (f: Fixtures, caller: Caller, target: Target) =>
  target === 'unknown'
    ? UNKNOWN_ID
    : personalFundId('PERSONAL_BUDGET', child(f, caller, target), budgetYearOf().startYear);
const payment = (f: Fixtures, _caller: Caller, target: Target) =>
  target === 'unknown' ? UNKNOWN_ID : f.payment[target];
const ownOnly: [Outcome, Outcome] = ['ALLOWED', 'DENIED'];
const familySide: Case['expect'] = {
  ...only(['FAMILY', 'YOUNG_PERSON']),
  FAMILY: ownOnly,
  YOUNG_PERSON: ownOnly,
};
const providerOnly: Case['expect'] = { ...only(['PROVIDER']), PROVIDER: ownOnly };
const council = only(['COMMISSIONER', 'ADMIN']);
const childsBudget: Case['expect'] = {
  ...familySide,
  COMMISSIONER: ['ALLOWED', 'ALLOWED'],
  ADMIN: ['ALLOWED', 'ALLOWED'],
};

const CASES: Record<string, Case> = {
  'Query.viewer': { document: '{ viewer { id } }', expect: everyone('ALLOWED') },
  'Query.feedbackSummary': {
    document: '{ feedbackSummary { total } }',
    expect: everyone('ALLOWED'),
  },
  'Query.invitation': {
    document: '{ invitation(token: "no-such-invitation-token-000") { email } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.feedbackSubmit': {
    document:
      'mutation { feedbackSubmit(input: { rating: SATISFIED }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountSignUp': {
    document:
      'mutation { accountSignUp(input: { email: "x", password: "y", displayName: "z" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountProviderSignUp': {
    document:
      'mutation { accountProviderSignUp(input: { email: "x", password: "y", displayName: "z", organisationName: "o" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountEmailVerify': {
    document:
      'mutation { accountEmailVerify(input: { token: "not-a-real-token-000000000" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountSignIn': {
    document:
      'mutation { accountSignIn(input: { email: "matrix@example.com", password: "wrong" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountPasswordResetRequest': {
    document:
      'mutation { accountPasswordResetRequest(input: { email: "matrix@example.com" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountPasswordReset': {
    document:
      'mutation { accountPasswordReset(input: { token: "not-a-real-token-000000000", password: "x" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.invitationAccept': {
    document:
      'mutation { invitationAccept(input: { token: "not-a-real-token-000000000" }) { userErrors { message } } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.accountMobileSet': {
    document:
      'mutation { accountMobileSet(input: { mobile: "07700 900982" }) { userErrors { message } } }',
    expect: only(['FAMILY', 'YOUNG_PERSON']),
  },
  'Query.family': { document: '{ family { id } }', expect: only(['FAMILY', 'YOUNG_PERSON']) },
  'Query.child': {
    document:
      'query($id: ID!, $reason: String) { child(id: $id, reason: $reason) { id firstName } }',
    variables: (f, caller, target) => ({
      id: child(f, caller, target),
      reason: caller === 'ADMIN' ? 'Matrix test: audit check' : null,
    }),
    expect: {
      ANONYMOUS: 'UNAUTHENTICATED',
      FAMILY: ['ALLOWED', 'DENIED'],
      YOUNG_PERSON: ['ALLOWED', 'DENIED'],
      PROVIDER: ['ALLOWED', 'DENIED'],
      COMMISSIONER: ['ALLOWED', 'DENIED'],
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Query.childAccessLog': {
    document: 'query($id: ID) { childAccessLog(childId: $id) { id } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: { ...only(['FAMILY']), FAMILY: ['ALLOWED', 'DENIED'] },
  },
  'Query.familyDataExport': { document: '{ familyDataExport }', expect: only(['FAMILY']) },
  'Mutation.childAdd': {
    document:
      'mutation { childAdd(input: { firstName: "", lastName: "", dateOfBirth: "" }) { userErrors { message } } }',
    expect: only(['FAMILY']),
  },
  'Mutation.childUpdate': {
    document:
      'mutation($id: ID!) { childUpdate(input: { childId: $id, lastName: "Matrix" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: {
      ...only(['FAMILY', 'YOUNG_PERSON']),
      FAMILY: ['ALLOWED', 'DENIED'],
      YOUNG_PERSON: ['ALLOWED', 'DENIED'],
    },
  },
  'Mutation.childConsentGrant': {
    document:
      'mutation($id: ID!, $org: ID!) { childConsentGrant(input: { childId: $id, organisationId: $org }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target), org: f.ownOrganisation }),
    expect: {
      ...only(['FAMILY', 'YOUNG_PERSON']),
      FAMILY: ['ALLOWED', 'DENIED'],
      YOUNG_PERSON: ['ALLOWED', 'DENIED'],
    },
  },
  'Mutation.childConsentRevoke': {
    document:
      'mutation($id: ID!, $org: ID!) { childConsentRevoke(input: { childId: $id, organisationId: $org }) { userErrors { message } } }',
    // Revoking a consent nobody gave: changes nothing, still tests who may.
    variables: (f, caller, target) => ({
      id: child(f, caller, target),
      org: f.foreignOrganisation,
    }),
    expect: {
      ...only(['FAMILY', 'YOUNG_PERSON']),
      FAMILY: ['ALLOWED', 'DENIED'],
      YOUNG_PERSON: ['ALLOWED', 'DENIED'],
    },
  },
  'Mutation.familyCarerInvite': {
    document:
      'mutation { familyCarerInvite(input: { email: "not-an-email" }) { userErrors { message } } }',
    expect: only(['FAMILY']),
  },
  'Mutation.childYoungPersonInvite': {
    document:
      'mutation($id: ID!) { childYoungPersonInvite(input: { childId: $id, email: "not-an-email" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: { ...only(['FAMILY']), FAMILY: ['ALLOWED', 'DENIED'] },
  },
  'Mutation.familyErasureRequest': {
    document:
      'mutation { familyErasureRequest(input: { confirmation: "not yet" }) { userErrors { message } } }',
    expect: only(['FAMILY']),
  },
  'Query.organisation': {
    document: 'query($id: ID!) { organisation(id: $id) { id } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ['ALLOWED', 'DENIED'],
      COMMISSIONER: ['DENIED', 'DENIED'],
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Query.organisations': { document: '{ organisations { id } }', expect: only(['ADMIN']) },
  'Mutation.organisationCreate': {
    document:
      'mutation { organisationCreate(input: { name: "", kind: PROVIDER }) { userErrors { message } } }',
    expect: only(['PROVIDER', 'ADMIN']),
  },
  'Mutation.organisationMemberInvite': {
    document:
      'mutation($id: ID!) { organisationMemberInvite(input: { organisationId: $id, email: "not-an-email" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.organisationVerify': {
    document:
      'mutation($id: ID!) { organisationVerify(input: { organisationId: $id, decision: VERIFIED }) { userErrors { message } } }',
    variables: (f) => ({ id: f.ownOrganisation }),
    expect: only(['ADMIN']),
  },
  'Query.directorySearch': {
    document:
      '{ directorySearch(input: { near: { postcode: "EX39" } }) { userErrors { message } results { totalCount } } }',
    expect: everyone('ALLOWED'),
  },
  'Query.serviceListing': {
    document: `{ serviceListing(id: "${UNKNOWN_ID}:${UNKNOWN_ID}") { id } }`,
    expect: everyone('ALLOWED'),
  },
  'Query.providerConsole': {
    document: 'query($id: ID!) { providerConsole(organisationId: $id) { organisation { id } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.providerProfileUpdate': {
    document:
      'mutation($id: ID!) { providerProfileUpdate(input: { organisationId: $id, website: "not a url" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.locationSave': {
    document:
      'mutation($id: ID!) { locationSave(input: { organisationId: $id, name: "", postcode: "EX39" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.serviceSave': {
    document:
      'mutation($id: ID!) { serviceSave(input: { organisationId: $id, locationIds: [], name: "", type: DAY_CARE, minAge: 5, maxAge: 1 }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.providerDetailsConfirm': {
    document:
      'mutation($id: ID!) { providerDetailsConfirm(input: { organisationId: $id }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.registrationChangeRequest': {
    document:
      'mutation($id: ID!) { registrationChangeRequest(input: { organisationId: $id, regulator: OFSTED, identifier: "nope", registrationType: "", status: "ACTIVE" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...only(['PROVIDER', 'ADMIN']),
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Query.registrationChangeRequests': {
    document: '{ registrationChangeRequests { id } }',
    expect: only(['ADMIN']),
  },
  'Mutation.registrationChangeReview': {
    document:
      'mutation($id: ID!) { registrationChangeReview(input: { requestId: $id, decision: REJECTED }) { userErrors { message } } }',
    variables: (f) => ({ id: f.registrationRequest }),
    expect: only(['ADMIN']),
  },
  'Query.familiesSummary': {
    document: '{ familiesSummary { children } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.auditEvents': { document: '{ auditEvents { id } }', expect: only(['ADMIN']) },
  'Mutation.commissionerChildAccessGrant': {
    document:
      'mutation($id: ID!) { commissionerChildAccessGrant(input: { childId: $id, commissionerAccountId: $id, reason: "", days: 0 }) { userErrors { message } } }',
    variables: (f) => ({ id: f.ownChild.FAMILY }),
    expect: only(['ADMIN']),
  },
  'Mutation.childProfileUpdate': {
    document:
      'mutation($id: ID!) { childProfileUpdate(input: { childId: $id, likes: "Matrix" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: {
      ...only(['FAMILY', 'YOUNG_PERSON']),
      FAMILY: ['ALLOWED', 'DENIED'],
      YOUNG_PERSON: ['ALLOWED', 'DENIED'],
    },
  },
  'Mutation.childEligibilityCheck': {
    document:
      'mutation($id: ID!) { childEligibilityCheck(input: { childId: $id }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: {
      ...only(['FAMILY', 'YOUNG_PERSON']),
      FAMILY: ['ALLOWED', 'DENIED'],
      YOUNG_PERSON: ['ALLOWED', 'DENIED'],
    },
  },
  'Query.eligibilityRules': {
    document: '{ eligibilityRules { id } }',
    expect: everyone('ALLOWED'),
  },
  'Mutation.eligibilityCheckSubmit': {
    document: `mutation { eligibilityCheckSubmit(input: ${CHECK_INPUT}) { userErrors { message } } }`,
    expect: everyone('ALLOWED'),
  },
  'Query.eligibilityRuleSets': {
    document: '{ eligibilityRuleSets { id } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.eligibilityRuleSet': {
    document: 'query($id: ID!) { eligibilityRuleSet(id: $id) { id } }',
    variables: (f) => ({ id: f.ruleSetDraft }),
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.eligibilityRulePreview': {
    document: 'query($id: ID!) { eligibilityRulePreview(ruleSetId: $id) { childrenCompared } }',
    variables: (f) => ({ id: f.ruleSetDraft }),
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.eligibilityCheckSummary': {
    document: '{ eligibilityCheckSummary { checks } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsSupply': {
    document: '{ insightsSupply { month } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsDemand': {
    document: '{ insightsDemand { children { district } } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsGaps': {
    document: '{ insightsGaps { formula } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsGap': {
    document: '{ insightsGap(district: "Exeter", need: "AUTISM", ageBand: "5-10") { month } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsTransition': {
    document: '{ insightsTransition { month } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsQuality': {
    document: '{ insightsQuality { ratings { services } } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsSpend': {
    document: '{ insightsSpend { year } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Query.insightsOutcomes': {
    document: '{ insightsOutcomes { months { month } } }',
    expect: only(['COMMISSIONER', 'ADMIN']),
  },
  'Mutation.eligibilityRuleSetDraftSave': {
    document: `mutation { eligibilityRuleSetDraftSave(input: ${EMPTY_DRAFT}) { userErrors { message } } }`,
    expect: only(['COMMISSIONER']),
  },
  'Mutation.eligibilityRuleSetPublish': {
    document:
      'mutation($id: ID!) { eligibilityRuleSetPublish(input: { ruleSetId: $id }) { userErrors { message } } }',
    variables: (f) => ({ id: f.ruleSetDraft }),
    expect: only(['COMMISSIONER']),
  },
  'Query.familyBudgets': {
    document: '{ familyBudgets { childId accounts { id } } }',
    expect: only(['FAMILY', 'YOUNG_PERSON']),
  },
  'Query.childBudgets': {
    document:
      'query($id: ID!) { childBudgets(childId: $id) { id position { available { amountPence } } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: childsBudget,
  },
  'Query.budgetAccount': {
    document: 'query($id: ID!) { budgetAccount(id: $id) { id statement { memo } } }',
    variables: (f, caller, target) => ({ id: budget(f, caller, target) }),
    expect: childsBudget,
  },
  'Query.pooledFunds': { document: '{ pooledFunds { id } }', expect: council },
  'Query.familyPoolInvitations': {
    document: '{ familyPoolInvitations { share { amountPence } } }',
    expect: only(['FAMILY']),
  },
  'Mutation.familyPoolCreate': {
    document: `mutation($c: ID!) { familyPoolCreate(input: { name: "Matrix pool", serviceId: "${UNKNOWN_ID}", totalPence: 100, childId: $c, sharePence: 50, invites: [{ email: "nobody@example.com", sharePence: 40 }] }) { userErrors { code } } }`,
    variables: (f, caller, target) => ({ c: child(f, caller, target) }),
    expect: only(['FAMILY']),
  },
  'Mutation.familyPoolJoin': {
    document: `mutation($c: ID!) { familyPoolJoin(input: { poolId: "${UNKNOWN_ID}", childId: $c }) { userErrors { code } } }`,
    variables: (f, caller, target) => ({ c: child(f, caller, target) }),
    expect: { ...only(['FAMILY']), FAMILY: 'DENIED' },
  },
  'Query.budgetSpend': { document: '{ budgetSpend { district } }', expect: council },
  'Query.providerStatement': {
    document:
      'query($id: ID!) { providerStatement(organisationId: $id, period: "2026-11") { captured { amountPence } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: {
      ...providerOnly,
      COMMISSIONER: ['ALLOWED', 'ALLOWED'],
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Mutation.budgetAllocate': {
    document:
      'mutation($id: ID!) { budgetAllocate(input: { childId: $id, kind: PERSONAL_BUDGET, amountPence: 0 }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: child(f, caller, target) }),
    expect: council,
  },
  'Mutation.budgetAllocationsImport': {
    document:
      'mutation { budgetAllocationsImport(input: { csv: "not,a,budget,file", dryRun: true }) { userErrors { message } } }',
    expect: council,
  },
  'Mutation.budgetYearEndReturn': {
    document: 'mutation { budgetYearEndReturn(input: { year: 2100 }) { userErrors { message } } }',
    expect: council,
  },
  'Mutation.pooledFundCreate': {
    document:
      'mutation { pooledFundCreate(input: { name: "", totalPence: 0, perChildCapPence: 0 }) { userErrors { message } } }',
    expect: council,
  },
  'Mutation.providerPayoutCreate': {
    document:
      'mutation($id: ID!) { providerPayoutCreate(input: { organisationId: $id, period: "not a month" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: council,
  },
  'Mutation.organisationPayoutAccountSet': {
    document:
      'mutation($id: ID!) { organisationPayoutAccountSet(input: { organisationId: $id, account: "not-an-account" }) { userErrors { message } } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: only(['ADMIN']),
  },
  'Mutation.bookingRefund': {
    document:
      'mutation($id: ID!) { bookingRefund(input: { bookingId: $id, amountPence: 100000000 }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: booking(f, caller, target) }),
    expect: { ...providerOnly, ADMIN: ['ALLOWED', 'ALLOWED'] },
  },
  'Query.cardPayment': {
    document: 'query($id: ID!) { cardPayment(id: $id) { id clientSecret } }',
    variables: (f, caller, target) => ({ id: payment(f, caller, target) }),
    expect: familySide,
  },
  'Mutation.cardPaymentCheck': {
    document:
      'mutation($id: ID!) { cardPaymentCheck(input: { paymentId: $id }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: payment(f, caller, target) }),
    expect: familySide,
  },
  'Mutation.cardPaymentTestConfirm': {
    document:
      'mutation($id: ID!) { cardPaymentTestConfirm(input: { paymentId: $id }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: payment(f, caller, target) }),
    expect: familySide,
  },
  'Query.sessionCalendar': {
    document:
      'query($id: ID!) { sessionCalendar(organisationId: $id, weekOf: "2027-01-04") { id } }',
    variables: (f, caller, target) => ({ id: organisation(f, caller, target) }),
    expect: { ...providerOnly, ADMIN: ['ALLOWED', 'ALLOWED'] },
  },
  'Query.listingSessions': {
    document: 'query($id: ID!) { listingSessions(listingId: $id) { id placesLeft } }',
    variables: (f) => ({ id: f.listing.own }),
    expect: everyone('ALLOWED'),
  },
  'Query.bookingQuote': {
    document:
      'query($c: ID!, $s: ID!) { bookingQuote(input: { childId: $c, sessionIds: [$s] }) { userErrors { code } quote { total { amountPence } } } }',
    variables: (f, caller, target) => ({ c: child(f, caller, target), s: f.session.own }),
    expect: familySide,
  },
  'Query.familyBookings': {
    document: '{ familyBookings(when: UPCOMING) { nodes { id } } }',
    expect: only(['FAMILY', 'YOUNG_PERSON']),
  },
  'Query.booking': {
    document: 'query($id: ID!) { booking(id: $id) { id reference } }',
    variables: (f, caller, target) => ({ id: booking(f, caller, target) }),
    expect: {
      ...familySide,
      PROVIDER: ownOnly,
      ADMIN: ['ALLOWED', 'ALLOWED'],
    },
  },
  'Query.sessionRegister': {
    document: 'query($id: ID!) { sessionRegister(sessionId: $id) { entries { booking { id } } } }',
    variables: (f, caller, target) => ({ id: session(f, caller, target) }),
    expect: providerOnly,
  },
  'Mutation.sessionSeriesCreate': {
    document:
      'mutation($id: ID!) { sessionSeriesCreate(input: { listingId: $id, schedule: { pattern: ONE_OFF, firstDate: "2030-01-07", startTime: "16:00", endTime: "17:00" }, terms: { places: 4, staff: 1, groupRatio: 4, minAge: 5, maxAge: 18, opensDaysBefore: 30, closesHoursBefore: 2, pricePence: 0, freeCancellationHours: 24 } }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: listing(f, caller, target) }),
    expect: providerOnly,
  },
  'Mutation.sessionUpdate': {
    document:
      'mutation($id: ID!) { sessionUpdate(input: { sessionId: $id, places: 20 }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: session(f, caller, target) }),
    expect: providerOnly,
  },
  'Mutation.sessionCancel': {
    document:
      'mutation($id: ID!) { sessionCancel(input: { sessionId: $id }) { userErrors { code } } }',
    variables: (f, caller, target) => ({
      id: target === 'own' ? f.session.spare : session(f, caller, target),
    }),
    expect: providerOnly,
  },
  'Mutation.bookingCreate': {
    document:
      'mutation($c: ID!, $s: ID!) { bookingCreate(input: { childId: $c, sessionIds: [$s] }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ c: child(f, caller, target), s: f.session.own }),
    expect: familySide,
  },
  'Mutation.bookingOfferAccept': {
    document:
      'mutation($id: ID!) { bookingOfferAccept(input: { bookingId: $id }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: booking(f, caller, target) }),
    expect: familySide,
  },
  'Mutation.bookingOfferDecline': {
    document:
      'mutation($id: ID!) { bookingOfferDecline(input: { bookingId: $id }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: booking(f, caller, target) }),
    expect: familySide,
  },
  'Mutation.bookingAttendanceMark': {
    document:
      'mutation($id: ID!) { bookingAttendanceMark(input: { bookingId: $id, attendance: ATTENDED }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: booking(f, caller, target) }),
    expect: providerOnly,
  },
  'Mutation.bookingCancel': {
    document:
      'mutation($id: ID!) { bookingCancel(input: { bookingId: $id }) { userErrors { code } } }',
    variables: (f, caller, target) => ({ id: booking(f, caller, target) }),
    expect: familySide,
  },
  // Last: signing out everywhere ends every session of each caller.
  'Mutation.accountSignOut': {
    document: 'mutation { accountSignOut { userErrors { message } } }',
    expect: signedIn,
    endsSession: true,
  },
  'Mutation.accountSignOutEverywhere': {
    document: 'mutation { accountSignOutEverywhere { userErrors { message } } }',
    expect: signedIn,
    endsSession: true,
  },
};

let harbour: TestHarbour;
let fixtures: Fixtures;
const sessions = new Map<Caller, Record<string, string>>();
const credentials = new Map<Caller, [string, string, string?]>();

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  const demo = await signInDemo(harbour);
  const family = async (headers: Record<string, string>) =>
    (
      await harbour.graphql<{ family: { children: { id: string; firstName: string }[] } }>(
        '{ family { children { id firstName } } }',
        {},
        headers,
      )
    ).body.data!.family.children;
  const parentChildren = await family(demo.parent);
  const samId = parentChildren.find((c) => c.firstName === 'Sam')!.id;
  const rileyId = parentChildren.find((c) => c.firstName === 'Riley')!.id;
  const alexId = (await family(demo.parent2)).find((c) => c.firstName === 'Alex')!.id;

  // A young person with their own account (Riley is 16).
  await harbour.graphql(
    'mutation($id: ID!) { childYoungPersonInvite(input: { childId: $id, email: "riley.matrix@example.com" }) { userErrors { message } } }',
    { id: rileyId },
    demo.parent,
  );
  const token = linkToken(
    (await latestEmail(harbour, 'riley.matrix@example.com')).body,
    '/invitation',
  );
  await harbour.graphql(
    'mutation($t: String!) { invitationAccept(input: { token: $t, displayName: "Riley", password: "riley matrix phrase" }) { userErrors { message } } }',
    { t: token },
  );

  // Organisations: the provider's own, and one it has nothing to do with.
  const viewer = await harbour.graphql<{
    viewer: { id: string; organisations: { organisation: { id: string } }[] };
  }>('{ viewer { id organisations { organisation { id } } } }', {}, demo.provider);
  const ownOrganisation = viewer.body.data!.viewer.organisations[0]!.organisation.id;
  const other = await harbour.graphql<{ organisationCreate: { organisation: { id: string } } }>(
    'mutation { organisationCreate(input: { name: "Elsewhere Club (demo)", kind: PROVIDER }) { organisation { id } } }',
    {},
    demo.admin,
  );
  const commissionerId = (
    await harbour.graphql<{ viewer: { id: string } }>('{ viewer { id } }', {}, demo.commissioner)
  ).body.data!.viewer.id;
  await harbour.graphql(
    'mutation($c: ID!, $a: ID!) { commissionerChildAccessGrant(input: { childId: $c, commissionerAccountId: $a, reason: "Matrix grant for the test", days: 1 }) { userErrors { message } } }',
    { c: alexId, a: commissionerId },
    demo.admin,
  );

  const request = await harbour.graphql<{ registrationChangeRequest: { requestId: string } }>(
    'mutation($id: ID!) { registrationChangeRequest(input: { organisationId: $id, regulator: OFSTED, identifier: "EY555002", registrationType: "Early Years Register", status: "ACTIVE" }) { requestId } }',
    { id: ownOrganisation },
    demo.provider,
  );

  const draft = await harbour.graphql<{ eligibilityRuleSetDraftSave: { ruleSet: { id: string } } }>(
    `mutation { eligibilityRuleSetDraftSave(input: ${EMPTY_DRAFT}) { ruleSet { id } } }`,
    {},
    demo.commissioner,
  );

  // Bookable services and sessions: the provider's own, and one of another provider's
  // listings (arranged through the service as an admin would, since no one signs in for it).
  const own = await bookableService(harbour, demo.provider);
  const ownSessions = await createSeries(
    harbour,
    demo.provider,
    own.listingId,
    {
      pattern: 'WEEKLY',
      firstDate: dayFromToday(5),
      count: 2,
    },
    { staff: 6 },
  );
  const spare = await createSeries(harbour, demo.provider, own.listingId, {
    pattern: 'ONE_OFF',
    firstDate: dayFromToday(6),
  });
  const listings = await harbour.harbour.services.directory.allListings();
  const foreignListing = listings.find((l) => l.organisationId !== ownOrganisation)!;
  const adminId = (
    await harbour.graphql<{ viewer: { id: string } }>('{ viewer { id } }', {}, demo.admin)
  ).body.data!.viewer.id;
  const admin = (await harbour.harbour.services.accounts.actorFor(adminId, 'matrix'))!;
  const foreignSeries = await harbour.harbour.services.sessions.createSeries(admin, {
    listingId: foreignListing.id,
    schedule: {
      pattern: 'ONE_OFF',
      firstDate: dayFromToday(5),
      startTime: '10:00',
      endTime: '12:00',
    },
    terms: { ...TERMS, minAge: 0, maxAge: 25 },
  });
  const [ownSession] = ownSessions.sessions;
  const [foreignSession] = foreignSeries.sessions;
  const samBooking = await book(harbour, demo.parent, {
    childId: samId,
    sessionIds: [ownSession!.id],
  });
  const rileyBooking = await book(harbour, demo.parent, {
    childId: rileyId,
    sessionIds: [ownSession!.id],
  });
  const alexBooking = await book(harbour, demo.parent2, {
    childId: alexId,
    sessionIds: [foreignSession!.id],
  });
  // Card payments due: a session only a card can pay for, booked by each demo family.
  const cardOnly = await bookableService(harbour, demo.provider, { funding: ['SELF_PAY'] });
  const cardSession = await createSeries(
    harbour,
    demo.provider,
    cardOnly.listingId,
    { pattern: 'ONE_OFF', firstDate: dayFromToday(6) },
    { pricePence: 500 },
  );
  const paymentOf = async (headers: Record<string, string>, childId: string) => {
    const { body } = await harbour.graphql<{
      bookingCreate: { bookings: { cardPayment: { id: string } | null }[] };
    }>(
      'mutation($c: ID!, $s: ID!) { bookingCreate(input: { childId: $c, sessionIds: [$s] }) { bookings { cardPayment { id } } } }',
      { c: childId, s: cardSession.sessions[0]!.id },
      headers,
    );
    const id = body.data?.bookingCreate.bookings[0]?.cardPayment?.id;
    if (!id) throw new Error(`matrix card booking refused: ${JSON.stringify(body)}`);
    return id;
  };
  const payments = {
    own: await paymentOf(demo.parent, samId),
    foreign: await paymentOf(demo.parent2, alexId),
  };
  const [sams, rileys, alexs] = [samBooking, rileyBooking, alexBooking].map((b) => {
    if (!b.bookings[0]) throw new Error(`matrix booking refused: ${JSON.stringify(b.userErrors)}`);
    return b.bookings[0].id;
  }) as [string, string, string];

  fixtures = {
    payment: payments,
    listing: { own: own.listingId, foreign: foreignListing.id },
    session: { own: ownSession!.id, foreign: foreignSession!.id, spare: spare.sessions[0]!.id },
    ownBooking: {
      ANONYMOUS: sams,
      FAMILY: sams,
      YOUNG_PERSON: rileys,
      PROVIDER: sams,
      COMMISSIONER: sams,
      ADMIN: sams,
    },
    foreignBooking: {
      ANONYMOUS: alexs,
      FAMILY: alexs,
      YOUNG_PERSON: sams,
      PROVIDER: alexs,
      COMMISSIONER: alexs,
      ADMIN: alexs,
    },
    ruleSetDraft: draft.body.data!.eligibilityRuleSetDraftSave.ruleSet.id,
    registrationRequest: request.body.data!.registrationChangeRequest.requestId,
    ownChild: {
      ANONYMOUS: samId,
      FAMILY: samId,
      YOUNG_PERSON: rileyId,
      PROVIDER: samId,
      COMMISSIONER: alexId,
      ADMIN: samId,
    },
    foreignChild: {
      ANONYMOUS: alexId,
      FAMILY: alexId,
      YOUNG_PERSON: samId,
      PROVIDER: alexId,
      COMMISSIONER: samId,
      ADMIN: alexId,
    },
    ownOrganisation,
    foreignOrganisation: other.body.data!.organisationCreate.organisation.id,
  };

  credentials.set('FAMILY', ['parent@demo.harbour.test', DEMO_PASSWORD]);
  credentials.set('YOUNG_PERSON', ['riley.matrix@example.com', 'riley matrix phrase']);
  credentials.set('PROVIDER', ['provider@demo.harbour.test', DEMO_PASSWORD]);
  credentials.set('COMMISSIONER', [
    'commissioner@demo.harbour.test',
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
  ]);
  credentials.set('ADMIN', ['admin@demo.harbour.test', DEMO_PASSWORD, DEMO_TOTP_SECRET]);
  sessions.set('ANONYMOUS', {});
  sessions.set('FAMILY', demo.parent);
  sessions.set('PROVIDER', demo.provider);
  sessions.set('COMMISSIONER', demo.commissioner);
  sessions.set('ADMIN', demo.admin);
  sessions.set(
    'YOUNG_PERSON',
    await signIn(harbour, 'riley.matrix@example.com', 'riley matrix phrase'),
  );
});

afterAll(async () => {
  await harbour.stop();
});

/** A second session for a caller, for operations that end the one they run in. */
async function spareSession(caller: Caller): Promise<Record<string, string>> {
  const [email, password, totpSecret] = credentials.get(caller) ?? [];
  if (!email || !password) return {};
  // Authenticator codes are accepted one 30-second step either side, each step once:
  // try the three steps in the window until one has not been used yet.
  for (const offset of totpSecret ? [-30_000, 0, 30_000] : [0]) {
    const totp = totpSecret ? totpCode(totpSecret, Date.now() + offset) : undefined;
    const { body } = await harbour.graphql<{ accountSignIn: { token: string | null } }>(
      'mutation($input: AccountSignInInput!) { accountSignIn(input: $input) { token } }',
      { input: { email, password, totp } },
    );
    const token = body.data?.accountSignIn.token;
    if (token) return { authorization: `Bearer ${token}` };
  }
  throw new Error(`no spare session for ${caller}`);
}

function outcomeOf(response: {
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}): Outcome | string {
  const code = response.body.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 'UNAUTHENTICATED';
  if (code === 'FORBIDDEN') return 'DENIED';
  if (code) return `error ${code}`;
  const data = response.body.data as Record<string, unknown> | null | undefined;
  const value = data ? Object.values(data)[0] : undefined;
  const userErrors = (value as { userErrors?: { code?: string }[] } | undefined)?.userErrors;
  if (userErrors?.some((error) => error.code === 'NOT_FOUND')) return 'DENIED';
  return 'ALLOWED';
}

it('has a row for every operation in the schema, and a rule for every row', () => {
  const schema = buildSchema();
  const operations = [
    ...Object.keys(schema.getQueryType()!.getFields()).map((name) => `Query.${name}`),
    ...Object.keys(schema.getMutationType()!.getFields()).map((name) => `Mutation.${name}`),
  ].sort();
  expect(Object.keys(CASES).sort()).toEqual(operations);
  expect(Object.keys(OPERATION_RULES).sort()).toEqual(operations);
});

describe.each(Object.entries(CASES))('%s', (_operation, testCase) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const expected = testCase.expect[caller];
    const targets: [Target, Outcome][] = Array.isArray(expected)
      ? [
          ['own', expected[0]],
          ['foreign', expected[1]],
        ]
      : [['own', expected]];
    for (const [target, outcome] of targets) {
      const headers =
        testCase.endsSession && caller !== 'ANONYMOUS'
          ? await spareSession(caller)
          : sessions.get(caller)!;
      const response = await harbour.graphql(
        testCase.document,
        testCase.variables?.(fixtures, caller, target) ?? {},
        headers,
      );
      expect({ target, outcome: outcomeOf(response) }).toEqual({ target, outcome });
      if (outcome !== 'ALLOWED')
        expect(JSON.stringify(response.body)).not.toMatch(/Fictional|Example|"firstName"/);
      if (target === 'foreign' && outcome === 'DENIED') {
        const unknown = await harbour.graphql(
          testCase.document,
          testCase.variables?.(fixtures, caller, 'unknown') ?? {},
          headers,
        );
        expect(answer(unknown)).toEqual(answer(response));
      }
    }
  });
});

/** What a caller learns from a response: its data, and each error's message and code. */
function answer(response: {
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}) {
  return {
    data: response.body.data,
    errors: response.body.errors?.map((error) => ({
      message: error.message,
      code: error.extensions?.code,
    })),
  };
}
