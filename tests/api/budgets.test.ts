/**
 * Budgets through the API on the real database: allocations, a booking paid from a pool, a
 * budget and a card, Stripe's webhooks, capture at attendance, the provider's statement and
 * payout, bulk allocation from CSV, and the bad input each gets a specific userError for.
 */
import { budgetYearOf } from '@harbour/shared';
import { Types } from 'mongoose';
import Stripe from 'stripe';
import { ScheduledSessionModel } from '../../server/src/modules/bookings/booking.model';
import { personalFundId } from '../../server/src/modules/budgets/fund.model';
import { CardPaymentModel } from '../../server/src/modules/payments/payment.model';
import { signInDemo } from '../support/accounts';
import { book, bookableService, childrenOf, createSeries, dayFromToday } from '../support/bookings';
import { startTestHarbour, type TestHarbour } from '../support/harbour';

let harbour: TestHarbour;
let demo: Awaited<ReturnType<typeof signInDemo>>;
let sam: string;
let riley: string;
let organisationId: string;
const year = budgetYearOf().startYear;
const WEBHOOK_SECRET = 'whsec_harbour_development';
const stripe = new Stripe('sk_test_harbourdevelopment');

beforeAll(async () => {
  harbour = await startTestHarbour({ DEMO_SEED: 'true' });
  demo = await signInDemo(harbour);
  const children = await childrenOf(harbour, demo.parent);
  sam = children.get('Sam')!;
  riley = children.get('Riley')!;
});

afterAll(async () => {
  await harbour.stop();
});

const drainJobs = () => harbour.harbour.worker.drain();
const available = (fundId: string) => harbour.harbour.services.ledger.balance(`fund:${fundId}`);

async function gql<T>(auth: { authorization: string }, query: string, variables = {}) {
  const { body } = await harbour.graphql<T>(query, variables, auth);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function sessionAt(
  funding: string[],
  pricePence: number,
  terms: Record<string, unknown> = {},
) {
  const service = await bookableService(harbour, demo.provider, { funding });
  organisationId = service.organisationId;
  const created = await createSeries(
    harbour,
    demo.provider,
    service.listingId,
    { pattern: 'ONE_OFF', firstDate: dayFromToday(5) },
    { pricePence, ...terms },
  );
  expect(created.userErrors).toEqual([]);
  return created.sessions[0]!.id;
}

function signedEvent(event: Record<string, unknown>, timestamp?: number) {
  const payload = JSON.stringify({
    object: 'event',
    livemode: false,
    created: Math.floor(Date.now() / 1000),
    ...event,
  });
  return {
    payload,
    header: stripe.webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
      ...(timestamp && { timestamp }),
    }),
  };
}

async function deliver({ payload, header }: { payload: string; header: string }) {
  return fetch(`${harbour.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
}

const QUOTE = `query($input: BookingCreateInput!) { bookingQuote(input: $input) { userErrors { message }
  quote { total { amountPence } fundingProblem funding { card { amountPence } shortfall { amountPence }
    parts { source name amount { amountPence } } notes { reason } } } } }`;

type Quote = {
  bookingQuote: {
    quote: {
      fundingProblem: string | null;
      funding: {
        card: { amountPence: number };
        shortfall: { amountPence: number };
        parts: { source: string; name: string; amount: { amountPence: number } }[];
        notes: { reason: string }[];
      };
    };
  };
};

describe('allocating budgets', () => {
  it('a commissioner allocates a personal budget; the family sees it, and who did it', async () => {
    const jordan = (await childrenOf(harbour, demo.parent2)).get('Jordan')!;
    const allocated = await gql<{
      budgetAllocate: {
        userErrors: unknown[];
        account: { name: string; position: { allocated: { amountPence: number } } };
      };
    }>(
      demo.commissioner,
      `mutation($input: BudgetAllocateInput!) { budgetAllocate(input: $input) { userErrors { message }
        account { name position { allocated { amountPence } } } } }`,
      {
        input: {
          childId: jordan,
          kind: 'PERSONAL_BUDGET',
          amountPence: 120_000,
          heldAs: 'DIRECT_PAYMENT',
        },
      },
    );
    expect(allocated.budgetAllocate).toEqual({
      userErrors: [],
      account: {
        name: 'Jordan’s personal budget',
        position: { allocated: { amountPence: 120_000 } },
      },
    });
    const family = await gql<{
      familyBudgets: {
        firstName: string;
        accounts: {
          heldAs: string;
          position: { available: { amountPence: number } };
          statement: { memo: string }[];
        }[];
      }[];
    }>(
      demo.parent2,
      '{ familyBudgets { firstName accounts { heldAs position { available { amountPence } } statement { memo } } } }',
    );
    const jordans = family.familyBudgets.find((c) => c.firstName === 'Jordan')!;
    expect(jordans.accounts).toEqual([
      {
        heldAs: 'DIRECT_PAYMENT',
        position: { available: { amountPence: 120_000 } },
        statement: [{ memo: `£1,200.00 allocated for ${budgetYearOf().label}` }],
      },
    ]);
    const log = await gql<{ childAccessLog: { action: string }[] }>(
      demo.parent2,
      'query($id: ID) { childAccessLog(childId: $id) { action } }',
      { id: jordan },
    );
    expect(log.childAccessLog.map((e) => e.action)).toContain('BUDGET_ALLOCATED');
  });

  it('refuses negative, fractional, absurd and rule-less amounts, changing nothing', async () => {
    const before = await available(personalFundId('PERSONAL_BUDGET', sam, year));
    for (const [input, message] of [
      [{ amountPence: -500 }, /more than £0/],
      [{ amountPence: 12.5 }, /Int|whole/],
      [{ amountPence: 0 }, /more than £0/],
      [{ amountPence: 20_000_001 }, /more than £100,000/],
      [{ amountPence: 500, rules: { maxPencePerHour: 0 } }, /hourly rate must be more than £0/],
    ] as const) {
      const { body } = await harbour.graphql<{
        budgetAllocate: { userErrors: { message: string }[] };
      }>(
        'mutation($input: BudgetAllocateInput!) { budgetAllocate(input: $input) { userErrors { message } } }',
        { input: { childId: sam, kind: 'PERSONAL_BUDGET', ...input } },
        demo.commissioner,
      );
      const text = body.data?.budgetAllocate.userErrors[0]?.message ?? body.errors?.[0]?.message;
      expect(text).toMatch(message);
    }
    expect(await available(personalFundId('PERSONAL_BUDGET', sam, year))).toBe(before);
  });

  it('after 31 March returns every unspent penny of that year once, and not before', async () => {
    const jordan = (await childrenOf(harbour, demo.parent2)).get('Jordan')!;
    const RETURN =
      'mutation($y: Int!) { budgetYearEndReturn(input: { year: $y }) { userErrors { message } returned { amountPence } accounts } }';
    await gql(
      demo.commissioner,
      'mutation($input: BudgetAllocateInput!) { budgetAllocate(input: $input) { userErrors { message } } }',
      {
        input: { childId: jordan, kind: 'PERSONAL_BUDGET', year: 2024, amountPence: 10_000 },
      },
    );
    const early = await gql<{ budgetYearEndReturn: { userErrors: { message: string }[] } }>(
      demo.commissioner,
      RETURN,
      { y: year },
    );
    expect(early.budgetYearEndReturn.userErrors[0]?.message).toMatch(/ends on 31 March/);
    const back = await gql<{
      budgetYearEndReturn: { returned: { amountPence: number }; accounts: number };
    }>(demo.commissioner, RETURN, { y: 2024 });
    expect(back.budgetYearEndReturn).toEqual({
      userErrors: [],
      returned: { amountPence: 10_000 },
      accounts: 1,
    });
    const again = await gql<{ budgetYearEndReturn: { returned: { amountPence: number } } }>(
      demo.commissioner,
      RETURN,
      { y: 2024 },
    );
    expect(again.budgetYearEndReturn.returned.amountPence).toBe(0);
    expect(await available(personalFundId('PERSONAL_BUDGET', jordan, 2024))).toBe(0);
  });

  it('refuses families and providers, and a pooled fund whose cap is more than it holds', async () => {
    for (const who of [demo.parent, demo.provider]) {
      const { body } = await harbour.graphql(
        'mutation($input: BudgetAllocateInput!) { budgetAllocate(input: $input) { userErrors { message } } }',
        { input: { childId: sam, kind: 'PERSONAL_BUDGET', amountPence: 100 } },
        who,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const pool = await gql<{
      pooledFundCreate: { userErrors: { field: string[]; message: string }[] };
    }>(
      demo.commissioner,
      'mutation($input: PooledFundCreateInput!) { pooledFundCreate(input: $input) { userErrors { field message } } }',
      { input: { name: 'Too small', totalPence: 1000, perChildCapPence: 5000 } },
    );
    expect(pool.pooledFundCreate.userErrors).toEqual([
      {
        field: ['input', 'perChildCapPence'],
        message: 'Each child’s cap cannot be more than the fund holds',
      },
    ]);
  });
});

describe('a booking paid from a pool, a budget and a card', () => {
  it('shows the split, holds each part, confirms on the card webhook and pays the provider at attendance', async () => {
    const pool = await gql<{ pooledFundCreate: { account: { id: string } } }>(
      demo.commissioner,
      'mutation($input: PooledFundCreateInput!) { pooledFundCreate(input: $input) { userErrors { message } account { id } } }',
      { input: { name: 'Summer inclusion fund', totalPence: 500_000, perChildCapPence: 5000 } },
    );
    const poolId = pool.pooledFundCreate.account.id;
    const samsBudget = personalFundId('PERSONAL_BUDGET', sam, year);
    const budgetLeft = await available(samsBudget);
    const price = 5000 + budgetLeft + 2000;
    const sessionId = await sessionAt(['POOLED_FUND', 'PERSONAL_BUDGET', 'SELF_PAY'], price);
    const input = { childId: sam, sessionIds: [sessionId] };

    const quoted = await gql<Quote>(demo.parent, QUOTE, { input });
    expect(quoted.bookingQuote.quote.fundingProblem).toBeNull();
    expect(
      quoted.bookingQuote.quote.funding.parts.map((p) => [p.source, p.amount.amountPence]),
    ).toEqual([
      ['POOLED_FUND', 5000],
      ['PERSONAL_BUDGET', budgetLeft],
      ['CARD', 2000],
    ]);

    const booked = await book(harbour, demo.parent, { ...input, expectedCardPence: 2000 });
    expect(booked.userErrors).toEqual([]);
    const [booking] = booked.bookings;
    expect(booking).toMatchObject({ state: 'RESERVED', funding: 'AWAITING_CARD' });
    expect(await available(samsBudget)).toBe(0);
    expect(await available(poolId)).toBe(495_000);

    // Stripe says the card payment succeeded: the card's part is held and the place confirmed.
    const payment = (await CardPaymentModel.findOne({ 'parts.booking': booking!.id }).lean())!;
    expect(payment.amountPence).toBe(2000);
    const event = signedEvent({
      id: `evt_ok_${booking!.id}`,
      type: 'payment_intent.succeeded',
      data: { object: { id: payment.stripeId, object: 'payment_intent', amount: 2000 } },
    });
    expect((await deliver(event)).status).toBe(200);
    expect((await deliver(event)).status).toBe(200); // delivered twice: applied once
    await drainJobs();
    const confirmed = await gql<{
      booking: { state: string; funding: string; fundingParts: { source: string }[] };
    }>(
      demo.parent,
      'query($id: ID!) { booking(id: $id) { state funding fundingParts { source } } }',
      { id: booking!.id },
    );
    expect(confirmed.booking).toEqual({
      state: 'CONFIRMED',
      funding: 'HELD',
      fundingParts: [{ source: 'POOLED_FUND' }, { source: 'PERSONAL_BUDGET' }, { source: 'CARD' }],
    });
    expect(await harbour.harbour.services.ledger.balance(`hold:${booking!.id}:card`)).toBe(2000);

    // The day comes; the child attends: every part is paid to the provider.
    await ScheduledSessionModel.updateOne({ _id: sessionId }, { $set: { date: dayFromToday(0) } });
    const marked = await gql<{ bookingAttendanceMark: { userErrors: unknown[] } }>(
      demo.provider,
      'mutation($id: ID!) { bookingAttendanceMark(input: { bookingId: $id, attendance: ATTENDED }) { userErrors { message } } }',
      { id: booking!.id },
    );
    expect(marked.bookingAttendanceMark.userErrors).toEqual([]);
    const period = new Date().toISOString().slice(0, 7);
    const statement = await gql<{
      providerStatement: {
        captured: { amountPence: number };
        owedNow: { amountPence: number };
        lines: { bookingReference: string; amount: { amountPence: number } }[];
      };
    }>(
      demo.provider,
      'query($o: ID!, $p: String!) { providerStatement(organisationId: $o, period: $p) { captured { amountPence } owedNow { amountPence } lines { bookingReference amount { amountPence } } } }',
      { o: organisationId, p: period },
    );
    const ours = statement.providerStatement.lines.filter(
      (l) => l.bookingReference === booking!.reference,
    );
    expect(ours.reduce((sum, l) => sum + l.amount.amountPence, 0)).toBe(price);
    expect(statement.providerStatement.owedNow.amountPence).toBeGreaterThanOrEqual(price);

    // The samsBudget statement links the hold and the payment to the booking.
    const budget = await gql<{
      budgetAccount: {
        position: { spent: { amountPence: number }; held: { amountPence: number } };
        statement: { bookingReference: string | null; reason: string }[];
      };
    }>(
      demo.parent,
      'query($id: ID!) { budgetAccount(id: $id) { position { spent { amountPence } held { amountPence } } statement { bookingReference reason } } }',
      { id: samsBudget },
    );
    expect(
      budget.budgetAccount.statement
        .filter((m) => m.bookingReference === booking!.reference)
        .map((m) => m.reason),
    ).toEqual(['HOLD', 'CAPTURE']);

    // The provider refunds part: never more than it was paid; the card first, then the budget.
    const REFUND =
      'mutation($id: ID!, $a: Int!) { bookingRefund(input: { bookingId: $id, amountPence: $a }) { userErrors { code message } } }';
    const tooMuch = await gql<{
      bookingRefund: { userErrors: { code: string; message: string }[] };
    }>(demo.provider, REFUND, { id: booking!.id, a: price + 1 });
    expect(tooMuch.bookingRefund.userErrors).toEqual([
      {
        code: 'TOO_MUCH',
        message: `You can refund at most £${(price / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} for this booking: what you were paid, less any refunds`,
      },
    ]);
    const refunded = await gql<{ bookingRefund: { userErrors: unknown[] } }>(
      demo.provider,
      REFUND,
      { id: booking!.id, a: 2500 },
    );
    expect(refunded.bookingRefund.userErrors).toEqual([]);
    expect(await available(samsBudget)).toBe(500);
    const cardBack = (
      await harbour.harbour.services.ledger.journalsOf({ booking: new Types.ObjectId(booking!.id) })
    )
      .filter((j) => j.reason === 'REFUND')
      .map(
        (j) =>
          j.postings.find((p) => p.account === 'world:card' || p.account.startsWith('fund:'))!
            .amountPence,
      );
    expect(cardBack.sort()).toEqual([2000, 500]);

    // The council pays the provider out: a Stripe Connect transfer, once.
    await gql(
      demo.admin,
      'mutation($o: ID!) { organisationPayoutAccountSet(input: { organisationId: $o, account: "acct_1HarbourSunrise" }) { userErrors { message } } }',
      { o: organisationId },
    );
    const PAY =
      'mutation($o: ID!, $p: String!) { providerPayoutCreate(input: { organisationId: $o, period: $p }) { userErrors { message } statement { owedNow { amountPence } payout { state transferId amount { amountPence } } } } }';
    const paid = await gql<{
      providerPayoutCreate: {
        userErrors: unknown[];
        statement: {
          owedNow: { amountPence: number };
          payout: { state: string; transferId: string; amount: { amountPence: number } };
        };
      };
    }>(demo.commissioner, PAY, { o: organisationId, p: period });
    expect(paid.providerPayoutCreate.userErrors).toEqual([]);
    expect(paid.providerPayoutCreate.statement.payout).toMatchObject({
      state: 'PAID',
      transferId: expect.stringMatching(/^tr_/),
    });
    const again = await gql<{ providerPayoutCreate: { userErrors: { message: string }[] } }>(
      demo.commissioner,
      PAY,
      { o: organisationId, p: period },
    );
    expect(again.providerPayoutCreate.userErrors).toEqual([]);
    expect((await harbour.harbour.services.ledger.check()).breaches).toEqual([]);

    // Providers see only their own statement.
    const { body } = await harbour.graphql(
      'query($o: ID!, $p: String!) { providerStatement(organisationId: $o, period: $p) { captured { amountPence } } }',
      { o: organisationId, p: period },
      demo.parent,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a booking the funds cannot cover where the provider takes no cards, saying why', async () => {
    const sessionId = await sessionAt(['PERSONAL_HEALTH_BUDGET'], 4000);
    const quoted = await gql<Quote>(demo.parent, QUOTE, {
      input: { childId: riley, sessionIds: [sessionId] },
    });
    const problem = quoted.bookingQuote.quote.fundingProblem!;
    expect(problem).toMatch(
      /^Riley’s funds do not cover £40\.00 of the cost, and this provider does not take card payments through Harbour \(/,
    );
    expect(problem).toContain(
      'Riley’s personal health budget does not pay for this kind of service',
    );
    expect(problem).toContain('This provider does not take payment from Riley’s personal budget');
    const booked = await book(harbour, demo.parent, { childId: riley, sessionIds: [sessionId] });
    expect(booked.userErrors.map((e) => e.code)).toEqual(['NOT_FUNDED']);
  });

  it('charges at the session’s start where the provider’s terms say so', async () => {
    const sessionId = await sessionAt(['PERSONAL_BUDGET'], 1500, { chargeAt: 'SESSION_START' });
    const alex = (await childrenOf(harbour, demo.parent2)).get('Alex')!;
    const booked = await book(harbour, demo.parent2, { childId: alex, sessionIds: [sessionId] });
    expect(booked.bookings[0]).toMatchObject({ state: 'CONFIRMED', funding: 'HELD' });
    await harbour.harbour.services.bookings.chargeAtStart(booked.bookings[0]!.id);
    const after = await gql<{ booking: { funding: string } }>(
      demo.parent2,
      'query($id: ID!) { booking(id: $id) { funding } }',
      { id: booked.bookings[0]!.id },
    );
    expect(after.booking.funding).toBe('CAPTURED');
    expect(
      await harbour.harbour.services.ledger.balance(
        `hold:${booked.bookings[0]!.id}:${personalFundId('PERSONAL_BUDGET', alex, year)}`,
      ),
    ).toBe(0);
  });

  it('refuses more than £5,000 by card in one payment', async () => {
    const sessionId = await sessionAt(['SELF_PAY'], 600_000);
    const booked = await book(harbour, demo.parent, { childId: sam, sessionIds: [sessionId] });
    expect(booked.userErrors[0]?.message).toMatch(
      /more than the £5,000.00 Harbour takes in one payment/,
    );
  });
});

describe('a family pool', () => {
  const CREATE = `mutation($input: FamilyPoolCreateInput!) { familyPoolCreate(input: $input) {
    userErrors { code message } account { id position { available { amountPence } } } } }`;
  type Created = {
    familyPoolCreate: {
      userErrors: { code: string; message: string }[];
      account: { id: string; position: { available: { amountPence: number } } } | null;
    };
  };

  it('families agree shares; each share moves when its family consents; the pool pays its children’s bookings', async () => {
    const service = await bookableService(harbour, demo.provider, { funding: ['PERSONAL_BUDGET'] });
    const alex = (await childrenOf(harbour, demo.parent2)).get('Alex')!;
    const input = {
      name: 'Saturday swimming group',
      serviceId: service.serviceId,
      childId: sam,
      sharePence: 400,
      invites: [{ email: 'parent2@demo.harbour.test', sharePence: 1100 }],
    };
    const wrong = await gql<Created>(demo.parent, CREATE, {
      input: { ...input, totalPence: 2000 },
    });
    expect(wrong.familyPoolCreate.userErrors).toEqual([
      {
        code: 'SHARES_DO_NOT_ADD_UP',
        message:
          'The shares add up to £15.00, not the £20.00 the pool is for: change a share or the total',
      },
    ]);

    const samBefore = await available(personalFundId('PERSONAL_BUDGET', sam, year));
    const alexBefore = await available(personalFundId('PERSONAL_BUDGET', alex, year));
    const created = await gql<Created>(demo.parent, CREATE, {
      input: { ...input, totalPence: 1500 },
    });
    expect(created.familyPoolCreate.userErrors).toEqual([]);
    const poolId = created.familyPoolCreate.account!.id;
    expect(created.familyPoolCreate.account!.position.available.amountPence).toBe(400);
    expect(await available(personalFundId('PERSONAL_BUDGET', sam, year))).toBe(samBefore - 400);

    const invited = await gql<{
      familyPoolInvitations: {
        pool: { id: string; name: string };
        share: { amountPence: number };
      }[];
    }>(demo.parent2, '{ familyPoolInvitations { pool { id name } share { amountPence } } }');
    expect(invited.familyPoolInvitations).toEqual([
      { pool: { id: poolId, name: 'Saturday swimming group' }, share: { amountPence: 1100 } },
    ]);
    const joined = await gql<{
      familyPoolJoin: {
        userErrors: unknown[];
        account: { position: { available: { amountPence: number } } };
      };
    }>(
      demo.parent2,
      'mutation($p: ID!, $c: ID!) { familyPoolJoin(input: { poolId: $p, childId: $c }) { userErrors { message } account { position { available { amountPence } } } } }',
      { p: poolId, c: alex },
    );
    expect(joined.familyPoolJoin).toEqual({
      userErrors: [],
      account: { position: { available: { amountPence: 1500 } } },
    });
    expect(await available(personalFundId('PERSONAL_BUDGET', alex, year))).toBe(alexBefore - 1100);

    const created2 = await createSeries(
      harbour,
      demo.provider,
      service.listingId,
      { pattern: 'ONE_OFF', firstDate: dayFromToday(8) },
      { pricePence: 1200 },
    );
    const booked = await book(harbour, demo.parent2, {
      childId: alex,
      sessionIds: [created2.sessions[0]!.id],
    });
    expect(booked.userErrors).toEqual([]);
    expect(booked.bookings[0]!.fundingParts).toEqual([
      expect.objectContaining({
        source: 'FAMILY_POOL',
        name: 'Saturday swimming group',
        amount: { amountPence: 1200 },
      }),
    ]);
    expect(await available(poolId)).toBe(300);
  });
});

describe('50 concurrent bookings on one nearly spent budget', () => {
  it('never takes the budget below zero, and tells every refused booking why', async () => {
    const rileysBudget = personalFundId('PERSONAL_BUDGET', riley, year);
    const left = await available(rileysBudget);
    const price = 7000;
    const service = await bookableService(harbour, demo.provider, { funding: ['PERSONAL_BUDGET'] });
    const created = await createSeries(
      harbour,
      demo.provider,
      service.listingId,
      { pattern: 'WEEKLY', firstDate: dayFromToday(3), count: 50 },
      { pricePence: price, opensDaysBefore: 365, staff: 4 },
    );
    expect(created.userErrors).toEqual([]);
    const replies = await Promise.all(
      created.sessions.map((s) =>
        book(harbour, demo.parent, { childId: riley, sessionIds: [s.id] }),
      ),
    );
    const booked = replies.filter((r) => r.bookings.length > 0);
    expect(booked).toHaveLength(Math.floor(left / price));
    for (const refused of replies.filter((r) => r.bookings.length === 0)) {
      expect(refused.userErrors).toHaveLength(1);
      expect(refused.userErrors[0]).toMatchObject({ code: 'NOT_FUNDED' });
      expect(refused.userErrors[0]!.message).toMatch(
        /Riley’s personal budget has £\d+\.\d\d left|funds do not cover/,
      );
    }
    expect(await available(rileysBudget)).toBe(left - booked.length * price);
    expect((await harbour.harbour.services.ledger.check()).breaches).toEqual([]);
  }, 120_000);
});

describe('Stripe webhooks', () => {
  it('refuses a forged or a stale signature with 400 and applies nothing', async () => {
    const event = signedEvent({
      id: 'evt_forged',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_x', object: 'payment_intent' } },
    });
    const forged = await deliver({
      payload: event.payload.replace('pi_x', 'pi_y'),
      header: event.header,
    });
    expect(forged.status).toBe(400);
    const stale = signedEvent(
      {
        id: 'evt_stale',
        type: 'payment_intent.succeeded',
        data: { object: { id: 'pi_x', object: 'payment_intent' } },
      },
      Math.floor(Date.now() / 1000) - 3600,
    );
    expect((await deliver(stale)).status).toBe(400);
    const unsigned = await fetch(`${harbour.url}/webhooks/stripe`, {
      method: 'POST',
      body: event.payload,
    });
    expect(unsigned.status).toBe(400);
  });

  it('a refund that arrives before its success ends in the same state, each applied once', async () => {
    const sessionId = await sessionAt(['SELF_PAY'], 3000);
    const booked = await book(harbour, demo.parent2, {
      childId: (await childrenOf(harbour, demo.parent2)).get('Jordan')!,
      sessionIds: [sessionId],
    });
    expect(booked.userErrors).toEqual([]);
    const bookingId = booked.bookings[0]!.id;
    const payment = (await CardPaymentModel.findOne({ 'parts.booking': bookingId }).lean())!;
    const object = { id: payment.stripeId, object: 'payment_intent', amount: 3000 };
    const refunded = signedEvent({
      id: `evt_refund_${bookingId}`,
      type: 'charge.refunded',
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: payment.stripeId,
          amount_refunded: 3000,
        },
      },
    });
    const succeeded = signedEvent({
      id: `evt_paid_${bookingId}`,
      type: 'payment_intent.succeeded',
      data: { object },
    });
    for (const event of [refunded, succeeded, refunded, succeeded]) {
      expect((await deliver(event)).status).toBe(200);
    }
    await drainJobs();
    const ledger = harbour.harbour.services.ledger;
    const journals = await ledger.journalsOf({
      booking: new (await import('mongoose')).Types.ObjectId(bookingId),
    });
    expect(journals.filter((j) => j.reason === 'CARD_PAYMENT')).toHaveLength(1);
    expect(journals.filter((j) => j.reason === 'REFUND')).toHaveLength(1);
    expect(await ledger.balance(`hold:${bookingId}:card`)).toBe(0);
    const state = await gql<{ booking: { state: string } }>(
      demo.parent2,
      'query($id: ID!) { booking(id: $id) { state } }',
      { id: bookingId },
    );
    expect(state.booking.state).toBe('CANCELLED');
    expect((await ledger.check()).breaches).toEqual([]);
  });
});

describe('the card page', () => {
  const CARD_PAYMENT = `query($id: ID!) { cardPayment(id: $id) {
    id state amount { amountPence } clientSecret stripePublishableKey testCardAvailable } }`;
  const CHECK = `mutation($id: ID!) { cardPaymentCheck(input: { paymentId: $id }) {
    userErrors { code message } payment { state } } }`;

  it('gives the paying family what Stripe.js needs, and nobody else; a check trusts only Stripe', async () => {
    const sessionId = await sessionAt(['SELF_PAY'], 2500);
    const booked = await book(harbour, demo.parent2, {
      childId: (await childrenOf(harbour, demo.parent2)).get('Jordan')!,
      sessionIds: [sessionId],
    });
    expect(booked.userErrors).toEqual([]);
    const bookingId = booked.bookings[0]!.id;
    const { _id: paymentId } = (await CardPaymentModel.findOne({
      'parts.booking': bookingId,
    }).lean())!;

    const own = await gql<{ cardPayment: Record<string, unknown> }>(demo.parent2, CARD_PAYMENT, {
      id: paymentId,
    });
    expect(own.cardPayment).toMatchObject({
      id: paymentId,
      state: 'REQUIRES_PAYMENT',
      amount: { amountPence: 2500 },
      // This copy has no publishable key, and is not the live service: the test card stands in.
      stripePublishableKey: null,
      testCardAvailable: true,
    });
    expect(own.cardPayment.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);

    // Another family is refused; the provider sees the booking's payment but not its secret.
    const foreign = await harbour.graphql(CARD_PAYMENT, { id: paymentId }, demo.parent);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refusedCheck = await gql<{ cardPaymentCheck: { userErrors: { code: string }[] } }>(
      demo.parent,
      CHECK,
      { id: paymentId },
    );
    expect(refusedCheck.cardPaymentCheck.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const seenByProvider = await gql<{
      booking: { cardPayment: { state: string; clientSecret: string | null } };
    }>(
      demo.provider,
      'query($id: ID!) { booking(id: $id) { cardPayment { state clientSecret } } }',
      { id: bookingId },
    );
    expect(seenByProvider.booking.cardPayment).toEqual({
      state: 'REQUIRES_PAYMENT',
      clientSecret: null,
    });

    // Asking Stripe before anything is paid (stripe-mock's PaymentIntent has not succeeded, and
    // is not for this amount) changes nothing: the browser's word is never taken.
    const early = await gql<{
      cardPaymentCheck: { userErrors: unknown[]; payment: { state: string } };
    }>(demo.parent2, CHECK, { id: paymentId });
    expect(early.cardPaymentCheck).toEqual({
      userErrors: [],
      payment: { state: 'REQUIRES_PAYMENT' },
    });
    const ledger = harbour.harbour.services.ledger;
    expect(await ledger.balance(`hold:${bookingId}:card`)).toBe(0);

    // Paid (by the test card, as Stripe's form would), a later check credits nothing twice.
    await gql(
      demo.parent2,
      'mutation($id: ID!) { cardPaymentTestConfirm(input: { paymentId: $id }) { userErrors { code } } }',
      { id: paymentId },
    );
    const after = await gql<{ cardPaymentCheck: { payment: { state: string } } }>(
      demo.parent2,
      CHECK,
      { id: paymentId },
    );
    expect(after.cardPaymentCheck.payment.state).toBe('SUCCEEDED');
    const journals = await ledger.journalsOf({ booking: new Types.ObjectId(bookingId) });
    expect(journals.filter((j) => j.reason === 'CARD_PAYMENT')).toHaveLength(1);
    expect(await ledger.balance(`hold:${bookingId}:card`)).toBe(2500);
  });

  it('lets nothing of Stripe’s load where no publishable key is set', async () => {
    // The browser test starts Harbour with a key, and sees Stripe.js allowed and attempted.
    const csp = (await fetch(`${harbour.url}/healthz`)).headers.get('content-security-policy');
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-src 'self';");
    expect(csp).not.toContain('stripe.com');
  });
});

describe('bulk allocation from a CSV file', () => {
  const header =
    'child_id,date_of_birth,budget,amount,held_as,service_types,max_per_hour,max_per_session';
  const IMPORT = `mutation($input: BudgetAllocationsImportInput!) { budgetAllocationsImport(input: $input) {
    userErrors { message } applied allocated { amountPence } rows { line childName outcome message } } }`;
  type Imported = {
    budgetAllocationsImport: {
      userErrors: { message: string }[];
      applied: boolean;
      allocated: { amountPence: number };
      rows: { line: number; childName: string | null; outcome: string; message: string | null }[];
    };
  };

  it('a dry run names each row’s outcome; a file with a bad row changes nothing; a good one allocates once', async () => {
    const alex = (await childrenOf(harbour, demo.parent2)).get('Alex')!;
    const alexBudget = personalFundId('PERSONAL_BUDGET', alex, year);
    const before = await available(alexBudget);
    const bad = `${header}\n${alex},2014-09-01,PERSONAL_BUDGET,250.00,COUNCIL_HELD,,,\n${sam},2001-01-01,PERSONAL_BUDGET,100,COUNCIL_HELD,,,\n`;
    const dry = await gql<Imported>(demo.commissioner, IMPORT, {
      input: { csv: bad, dryRun: true },
    });
    expect(dry.budgetAllocationsImport.rows).toEqual([
      { line: 2, childName: 'Alex E.', outcome: 'WOULD_ALLOCATE', message: null },
      {
        line: 3,
        childName: 'Sam F.',
        outcome: 'REFUSED',
        message: 'date_of_birth does not match this child’s: check the child id',
      },
    ]);
    const real = await gql<Imported>(demo.commissioner, IMPORT, {
      input: { csv: bad, dryRun: false },
    });
    expect(real.budgetAllocationsImport.applied).toBe(false);
    expect(real.budgetAllocationsImport.userErrors[0]?.message).toMatch(
      /1 of 2 rows has a problem \(line 3\): nothing has been allocated/,
    );
    expect(await available(alexBudget)).toBe(before);

    const good = `${header}\n${alex},2014-09-01,PERSONAL_BUDGET,250.00,COUNCIL_HELD,,,\n`;
    for (let i = 0; i < 2; i += 1) {
      const done = await gql<Imported>(demo.commissioner, IMPORT, {
        input: { csv: good, dryRun: false },
      });
      expect(done.budgetAllocationsImport).toMatchObject({
        applied: true,
        allocated: { amountPence: 25_000 },
      });
    }
    expect(await available(alexBudget)).toBe(before + 25_000);
  });
});
