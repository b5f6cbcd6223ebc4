import type { FundingPlan, PlanPart } from '@harbour/shared';
import { signedIn, type GraphQLModule, type RequestContext } from '../../graphql/module';
import type { FundMovement, FundView, SpendRow } from './budgets.service';

type Input = { input: Record<string, unknown> };
const gbp = (amountPence: number) => ({ amountPence, currency: 'GBP' });
const gbpOrNull = (amountPence: number | null) => (amountPence === null ? null : gbp(amountPence));

export const budgetsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    enum FundKind {
      POOLED_FUND
      FAMILY_POOL
      PERSONAL_HEALTH_BUDGET
      PERSONAL_BUDGET
    }

    enum FundingSource {
      POOLED_FUND
      FAMILY_POOL
      PERSONAL_HEALTH_BUDGET
      PERSONAL_BUDGET
      CARD
    }

    "A part of a booking's cost and what pays it."
    type FundingPart {
      source: FundingSource!
      "The fund paying, or null for the card."
      fundId: ID
      name: String!
      amount: Money!
    }

    type FundingNote {
      fundId: ID!
      name: String!
      "Why this fund pays nothing here, in words."
      reason: String!
    }

    "How a booking would be paid for, in the configured priority."
    type FundingPlan {
      parts: [FundingPart!]!
      card: Money!
      "What nothing can pay (the service takes no cards and the funds fall short)."
      shortfall: Money!
      notes: [FundingNote!]!
    }

    type FundRules {
      "Empty: any kind of service."
      serviceTypes: [ServiceType!]!
      maxPerHour: Money
      maxPerSession: Money
    }

    type FundPosition {
      allocated: Money!
      held: Money!
      spent: Money!
      available: Money!
    }

    type ProjectionMessage {
      "WARNING (money will run out before 31 March) or NOTE (some will be left)."
      kind: String!
      text: String!
    }

    type YearEndProjection {
      projected: Money!
      "YYYY-MM-DD, when money runs out before 31 March at the rate so far."
      runsOutOn: String
      unspent: Money!
      message: ProjectionMessage
    }

    type FundMovement {
      id: ID!
      at: DateTime!
      reason: String!
      memo: String!
      "Change in what can be spent."
      available: Money!
      held: Money!
      spent: Money!
      bookingReference: String
    }

    "A budget account: a personal or health budget, a pooled fund or a family pool."
    type BudgetAccount {
      id: ID!
      kind: FundKind!
      name: String!
      "1 April to 31 March, as 2026 to 2027."
      budgetYear: String!
      "COUNCIL, NHS or POOLED."
      source: String!
      "Personal budgets: COUNCIL_HELD, or DIRECT_PAYMENT to the family."
      heldAs: String
      rules: FundRules!
      tiers: [String!]!
      perChildCap: Money
      position: FundPosition!
      projection: YearEndProjection
      statement: [FundMovement!]!
    }

    type ChildBudgets {
      childId: ID!
      firstName: String!
      accounts: [BudgetAccount!]!
    }

    type SpendRow {
      fundKind: FundKind!
      district: String!
      serviceType: String!
      allocated: Money!
      held: Money!
      spent: Money!
    }

    input FundRulesInput {
      serviceTypes: [ServiceType!]
      maxPencePerHour: Int
      maxPencePerSession: Int
    }

    input BudgetAllocateInput {
      childId: ID!
      kind: FundKind!
      "The budget year's first calendar year; this year's when left out."
      year: Int
      amountPence: Int!
      heldAs: String
      agentName: String
      rules: FundRulesInput
      idempotencyKey: String
    }

    type BudgetAllocatePayload {
      userErrors: [UserError!]!
      account: BudgetAccount
    }

    input BudgetAllocationsImportInput {
      csv: String!
      "True (the default): check every row and say what it would do, changing nothing."
      dryRun: Boolean
      year: Int
    }

    type AllocationRowOutcome {
      line: Int!
      "First name and initial of the child the row names, when found."
      childName: String
      budget: String
      amount: Money
      "ALLOCATED, WOULD_ALLOCATE or REFUSED."
      outcome: String!
      message: String
    }

    type BudgetAllocationsImportPayload {
      userErrors: [UserError!]!
      rows: [AllocationRowOutcome!]!
      allocated: Money!
      applied: Boolean!
    }

    input PooledFundCreateInput {
      name: String!
      year: Int
      totalPence: Int!
      perChildCapPence: Int!
      "Eligibility tiers that may draw on it (codes from the published rules); empty: any."
      tiers: [String!]
      rules: FundRulesInput
    }

    type PooledFundCreatePayload {
      userErrors: [UserError!]!
      account: BudgetAccount
    }

    input FamilyPoolInviteInput {
      email: String!
      sharePence: Int!
    }

    input FamilyPoolCreateInput {
      name: String!
      "The group activity the pool pays for."
      serviceId: ID!
      totalPence: Int!
      "Your child, whose personal budget pays your share."
      childId: ID!
      sharePence: Int!
      "The other families, by their Harbour email addresses, and each one's share."
      invites: [FamilyPoolInviteInput!]!
    }

    input FamilyPoolJoinInput {
      poolId: ID!
      childId: ID!
    }

    type FamilyPoolPayload {
      userErrors: [UserError!]!
      account: BudgetAccount
    }

    type FamilyPoolInvitation {
      pool: BudgetAccount!
      share: Money!
    }

    extend type Query {
      "Family pools the caller's family is invited to and has not joined."
      familyPoolInvitations: [FamilyPoolInvitation!]!
      "The children of the caller's family and their budget accounts this year."
      familyBudgets: [ChildBudgets!]!
      "One child's budget accounts this year: the family, or commissioners (audited)."
      childBudgets(childId: ID!): [BudgetAccount!]!
      budgetAccount(id: ID!): BudgetAccount
      pooledFunds: [BudgetAccount!]!
      "Spend and commitments by fund, district and service type (a budget year)."
      budgetSpend(year: Int): [SpendRow!]!
    }

    input BudgetYearEndReturnInput {
      "The budget year's first calendar year: 2025 is 1 April 2025 to 31 March 2026."
      year: Int!
    }

    type BudgetYearEndReturnPayload {
      userErrors: [UserError!]!
      returned: Money!
      "How many accounts gave money back."
      accounts: Int!
    }

    extend type Mutation {
      budgetAllocate(input: BudgetAllocateInput!): BudgetAllocatePayload!
      "After 31 March: every account's unspent money goes back to the council or the NHS."
      budgetYearEndReturn(input: BudgetYearEndReturnInput!): BudgetYearEndReturnPayload!
      budgetAllocationsImport(input: BudgetAllocationsImportInput!): BudgetAllocationsImportPayload!
      pooledFundCreate(input: PooledFundCreateInput!): PooledFundCreatePayload!
      "Families agree shares of a group activity: yours moves from your child's budget now."
      familyPoolCreate(input: FamilyPoolCreateInput!): FamilyPoolPayload!
      "An invited family consents to its share, which moves from its child's budget."
      familyPoolJoin(input: FamilyPoolJoinInput!): FamilyPoolPayload!
    }
  `,
  resolvers: {
    FundingPart: { amount: (part: PlanPart) => gbp(part.amountPence) },
    FundingPlan: {
      parts: (plan: FundingPlan) => plan.totals,
      card: (plan: FundingPlan) => gbp(plan.cardPence),
      shortfall: (plan: FundingPlan) => gbp(plan.shortfallPence),
    },
    FundRules: {
      maxPerHour: (rules: FundView['rules']) => gbpOrNull(rules.maxPencePerHour),
      maxPerSession: (rules: FundView['rules']) => gbpOrNull(rules.maxPencePerSession),
    },
    FundPosition: {
      allocated: (p: FundView['position']) => gbp(p.allocatedPence),
      held: (p: FundView['position']) => gbp(p.heldPence),
      spent: (p: FundView['position']) => gbp(p.spentPence),
      available: (p: FundView['position']) => gbp(p.availablePence),
    },
    YearEndProjection: {
      projected: (p: { projectedPence: number }) => gbp(p.projectedPence),
      unspent: (p: { unspentPence: number }) => gbp(p.unspentPence),
    },
    FundMovement: {
      available: (m: FundMovement) => gbp(m.availablePence),
      held: (m: FundMovement) => gbp(m.heldPence),
      spent: (m: FundMovement) => gbp(m.spentPence),
      bookingReference: (m: FundMovement, _args, context: RequestContext) =>
        m.bookingId ? context.services.bookings.referenceOf(m.bookingId) : null,
    },
    BudgetAccount: {
      budgetYear: (fund: FundView) => fund.yearLabel,
      perChildCap: (fund: FundView) => gbpOrNull(fund.perChildCapPence),
      // Read with the account where the caller may see it; otherwise checked and read now.
      statement: async (fund: FundView, _args, context: RequestContext) =>
        fund.movements ??
        (await context.services.budgets.statement(signedIn(context), fund.id)).movements,
    },
    SpendRow: {
      allocated: (row: SpendRow) => gbp(row.allocatedPence),
      held: (row: SpendRow) => gbp(row.heldPence),
      spent: (row: SpendRow) => gbp(row.spentPence),
    },
    AllocationRowOutcome: {
      amount: (row: { amountPence: number | null }) => gbpOrNull(row.amountPence),
    },
    BudgetYearEndReturnPayload: {
      returned: (payload: { returnedPence: number }) => gbp(payload.returnedPence),
    },
    BudgetAllocationsImportPayload: {
      allocated: (payload: { allocatedPence: number }) => gbp(payload.allocatedPence),
    },
    Query: {
      familyPoolInvitations: async (_parent, _args, context) =>
        (await context.services.familyPools.invitations(signedIn(context))).map((pool) => ({
          pool,
          share: gbp(pool.sharePence),
        })),
      familyBudgets: async (_parent, _args, context) => {
        const actor = signedIn(context);
        const children = await context.services.budgets.familyChildren(actor);
        return Promise.all(
          children.map(async (child) => ({
            childId: child.id,
            firstName: child.firstName,
            accounts: await context.services.budgets.childFunds(actor, child.id),
          })),
        );
      },
      childBudgets: (_parent, args: { childId: string }, context) =>
        context.services.budgets.childFunds(signedIn(context), args.childId),
      budgetAccount: async (_parent, args: { id: string }, context) =>
        (await context.services.budgets.statement(signedIn(context), args.id)).fund,
      pooledFunds: (_parent, _args, context) => context.services.budgets.pooledFunds(),
      budgetSpend: (_parent, args: { year?: number | null }, context) =>
        context.services.budgets.spendReport(args.year ?? undefined),
    },
    Mutation: {
      budgetAllocate: async (_parent, { input }: Input, context) => {
        const { userErrors, fund } = await context.services.budgets.allocate(
          signedIn(context),
          input,
        );
        return { userErrors, account: fund };
      },
      familyPoolCreate: (_parent, { input }: Input, context) =>
        context.services.familyPools.create(signedIn(context), input),
      familyPoolJoin: (_parent, { input }: Input, context) =>
        context.services.familyPools.join(signedIn(context), input),
      budgetYearEndReturn: (_parent, { input }: Input, context) =>
        context.services.budgets.returnAtYearEnd(signedIn(context), input),
      budgetAllocationsImport: (_parent, { input }: Input, context) =>
        context.services.budgets.importAllocations(signedIn(context), input),
      pooledFundCreate: async (_parent, { input }: Input, context) => {
        const { userErrors, fund } = await context.services.budgets.createPooledFund(
          signedIn(context),
          input,
        );
        return { userErrors, account: fund };
      },
    },
  },
};
