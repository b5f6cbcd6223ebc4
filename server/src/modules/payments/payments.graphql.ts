import { signedIn, type GraphQLModule, type RequestContext } from '../../graphql/module';
import { forbidden } from '../access/authorize';
import { organisationAccess } from '../access/policy';
import type { StoredCardPayment } from './payment.model';
import { NO_SUCH_PAYMENT, type StatementLine } from './payments.service';

type Input = { input: Record<string, unknown> };
const gbp = (amountPence: number) => ({ amountPence, currency: 'GBP' });
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const paymentsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    "A card payment through Stripe: a PaymentIntent for the card's part of a booking."
    type CardPayment {
      id: ID!
      amount: Money!
      "REQUIRES_PAYMENT, SUCCEEDED, FAILED, REFUNDED or CANCELLED."
      state: String!
      "For Stripe.js in the browser: only ever given to the family paying."
      clientSecret: String
      "Stripe's publishable key, to load Stripe.js with; null where this copy has none."
      stripePublishableKey: String
      "Whether Stripe's test card may pay instead of Stripe's card form (never on the live service)."
      testCardAvailable: Boolean!
    }

    type StatementLine {
      at: DateTime!
      "CAPTURE, LATE_CANCELLATION_CHARGE, REFUND or SETTLEMENT."
      reason: String!
      memo: String!
      bookingReference: String
      "More owed to the provider (positive) or less (negative)."
      amount: Money!
    }

    type Payout {
      amount: Money!
      "PENDING or PAID."
      state: String!
      "The Stripe Connect transfer."
      transferId: String
      at: DateTime!
    }

    "What a provider was owed and paid in a month."
    type ProviderStatement {
      organisationId: ID!
      "YYYY-MM."
      period: String!
      lines: [StatementLine!]!
      captured: Money!
      refunded: Money!
      paidOut: Money!
      "Everything owed now, across months."
      owedNow: Money!
      payout: Payout
    }

    input ProviderPayoutCreateInput {
      organisationId: ID!
      period: String!
    }

    type ProviderPayoutPayload {
      userErrors: [UserError!]!
      statement: ProviderStatement
    }

    input OrganisationPayoutAccountSetInput {
      organisationId: ID!
      "The provider's Stripe Connect account id (acct_…)."
      account: String!
    }

    type OrganisationPayoutAccountSetPayload {
      userErrors: [UserError!]!
    }

    input CardPaymentCheckInput {
      paymentId: ID!
    }

    type CardPaymentCheckPayload {
      userErrors: [UserError!]!
      payment: CardPayment
    }

    input CardPaymentTestConfirmInput {
      paymentId: ID!
    }

    type CardPaymentTestConfirmPayload {
      userErrors: [UserError!]!
      payment: CardPayment
    }

    extend type Query {
      "One of your family's card payments, for the card page; any other is refused as FORBIDDEN."
      cardPayment(id: ID!): CardPayment
      providerStatement(organisationId: ID!, period: String!): ProviderStatement!
    }

    extend type Mutation {
      "Pays a provider what it is owed for a month, once, as a Stripe Connect transfer."
      providerPayoutCreate(input: ProviderPayoutCreateInput!): ProviderPayoutPayload!
      organisationPayoutAccountSet(
        input: OrganisationPayoutAccountSetInput!
      ): OrganisationPayoutAccountSetPayload!
      "After Stripe.js confirms a card payment: asks Stripe whether it went through, and applies it."
      cardPaymentCheck(input: CardPaymentCheckInput!): CardPaymentCheckPayload!
      "Development only: pays a card payment with Stripe's test card, as the card page would."
      cardPaymentTestConfirm(input: CardPaymentTestConfirmInput!): CardPaymentTestConfirmPayload!
    }
  `,
  resolvers: {
    CardPayment: {
      id: (payment: StoredCardPayment) => payment._id,
      amount: (payment: StoredCardPayment) => gbp(payment.amountPence),
      clientSecret: (payment: StoredCardPayment, _args, context: RequestContext) =>
        context.actor.kind === 'account' && context.actor.familyId === String(payment.family)
          ? payment.clientSecret
          : null,
      stripePublishableKey: (_payment, _args, context: RequestContext) =>
        context.services.payments.cardForm().publishableKey,
      testCardAvailable: (_payment, _args, context: RequestContext) =>
        context.services.payments.cardForm().testCardAvailable,
    },
    StatementLine: {
      amount: (line: StatementLine) => gbp(line.amountPence),
      bookingReference: (line: StatementLine, _args, context: RequestContext) =>
        line.bookingId ? context.services.bookings.referenceOf(line.bookingId) : null,
    },
    Payout: { amount: (payout: { amountPence: number }) => gbp(payout.amountPence) },
    ProviderStatement: {
      captured: (s: { capturedPence: number }) => gbp(s.capturedPence),
      refunded: (s: { refundedPence: number }) => gbp(s.refundedPence),
      paidOut: (s: { paidOutPence: number }) => gbp(s.paidOutPence),
      owedNow: (s: { owedNowPence: number }) => gbp(s.owedNowPence),
    },
    Query: {
      cardPayment: async (_parent, args: { id: string }, context) => {
        const payment = await context.services.payments.cardPaymentOfFamily(
          signedIn(context),
          args.id,
        );
        if (!payment) throw forbidden(NO_SUCH_PAYMENT);
        return payment;
      },
      providerStatement: (_parent, args: { organisationId: string; period: string }, context) => {
        const actor = signedIn(context);
        const council = actor.role === 'COMMISSIONER' || actor.role === 'ADMIN';
        if (!council && !organisationAccess(actor, args.organisationId)) {
          throw forbidden('There is no provider with this id whose statement you can see');
        }
        if (!PERIOD.test(args.period)) throw forbidden('The period must be a month, YYYY-MM');
        return context.services.payments.statement(args.organisationId, args.period);
      },
    },
    Mutation: {
      providerPayoutCreate: async (_parent, { input }: Input, context) => {
        const period = String(input.period ?? '');
        if (!PERIOD.test(period)) {
          return {
            userErrors: [
              {
                field: ['input', 'period'],
                message: 'The period must be a month, like 2026-11',
                code: 'INVALID',
              },
            ],
            statement: null,
          };
        }
        const outcome = await context.services.payments.payOut(
          signedIn(context),
          String(input.organisationId ?? ''),
          period,
        );
        return 'problem' in outcome
          ? {
              userErrors: [{ field: null, message: outcome.problem, code: 'NOT_ALLOWED' }],
              statement: null,
            }
          : { userErrors: [], statement: outcome.statement };
      },
      organisationPayoutAccountSet: async (_parent, { input }: Input, context) => {
        const account = String(input.account ?? '').trim();
        if (!/^acct_[A-Za-z0-9]{6,}$/.test(account)) {
          return {
            userErrors: [
              {
                field: ['input', 'account'],
                message: 'Enter a Stripe account id, which starts acct_',
                code: 'INVALID',
              },
            ],
          };
        }
        await context.services.organisations.setPayoutAccount(
          String(input.organisationId ?? ''),
          account,
        );
        return { userErrors: [] };
      },
      cardPaymentCheck: async (_parent, { input }: Input, context) =>
        context.services.payments.checkWithStripe(signedIn(context), String(input.paymentId ?? '')),
      cardPaymentTestConfirm: async (_parent, { input }: Input, context) =>
        context.services.payments.testConfirm(signedIn(context), String(input.paymentId ?? '')),
    },
  },
};
