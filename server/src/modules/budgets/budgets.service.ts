import {
  budgetYear,
  budgetYearOf,
  FUND_KINDS,
  formatMoney,
  fundingPlan,
  londonToday,
  pence,
  projectYearEnd,
  SERVICE_TYPES,
  type FundForPlan,
  type FundingPlan,
  type FundPosition,
  type PlanPart,
  type SessionToFund,
  type YearEndProjection,
} from '@harbour/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import { userErrorsFromZod, withoutNulls, type UserError } from '../../graphql/user-errors';
import type { Logger } from '../../platform/logger';
import type { SignedInActor } from '../access/actor';
import type { AuditService } from '../access/audit.service';
import { forbidden } from '../access/authorize';
import { BUDGET_NOT_VISIBLE, budgetAccess } from '../access/policy';
import type { EligibilityService } from '../eligibility/eligibility.service';
import type { ChildForBudget, FamiliesService } from '../families/families.service';
import type { StoredJournal } from '../ledger/ledger.model';
import type { LedgerActor, LedgerService } from '../ledger/ledger.service';
import {
  fundPosition,
  MAX_ALLOCATION_PENCE,
  parseAllocationCsv,
  type AllocationRow,
} from './budgets.rules';
import { FundModel, personalFundId, type StoredFund } from './fund.model';

export interface BudgetsDeps {
  ledger: LedgerService;
  families: FamiliesService;
  eligibility: EligibilityService;
  audit: AuditService;
  log: Logger;
  /** Fault injection for the reliability tests: the process dies at this step. */
  crashAt?: string | null;
}

export interface FundView {
  id: string;
  kind: string;
  name: string;
  year: number;
  yearLabel: string;
  source: string;
  heldAs: string | null;
  childId: string | null;
  rules: {
    serviceTypes: string[];
    maxPencePerHour: number | null;
    maxPencePerSession: number | null;
  };
  tiers: string[];
  perChildCapPence: number | null;
  position: FundPosition;
  /** Present when the caller may see the statement (read with the position, not again). */
  movements?: FundMovement[];
}

/** One journal as it changed a fund: what can be spent, what is held, what is spent. */
export interface FundMovement {
  id: string;
  at: Date;
  reason: string;
  memo: string;
  availablePence: number;
  heldPence: number;
  spentPence: number;
  bookingId: string | null;
}

export interface SpendRow {
  fundKind: string;
  district: string;
  serviceType: string;
  allocatedPence: number;
  heldPence: number;
  spentPence: number;
}

/** What a booking's journals are labelled with, for the commissioners' spend report. */
export interface BookingForMoney {
  id: string;
  reference: string;
  organisationId: string;
  childId: string;
  serviceType: string;
  district: string | null;
}

/** One part of a booking's funding, as held. */
export interface HeldPart {
  source: string;
  fundId: string | null;
  amountPence: number;
}

const error = (field: string[] | null, message: string, code: string): UserError => ({
  field,
  message,
  code,
});

const rulesInput = z
  .strictObject({
    serviceTypes: z.array(SERVICE_TYPES.schema('service type')).max(20).default([]),
    maxPencePerHour: z
      .number()
      .int('Amounts are whole pence')
      .positive('The hourly rate must be more than £0')
      .nullish(),
    maxPencePerSession: z
      .number()
      .int('Amounts are whole pence')
      .positive('The rate per session must be more than £0')
      .nullish(),
  })
  .default({ serviceTypes: [] });

const amountInput = z
  .number({ error: 'Enter an amount' })
  .int('Amounts are whole pence')
  .positive('The amount must be more than £0')
  .max(MAX_ALLOCATION_PENCE, 'The amount is more than £100,000: check it, or allocate it in parts');

const allocateInput = z.strictObject({
  childId: z.string(),
  kind: z.enum(['PERSONAL_BUDGET', 'PERSONAL_HEALTH_BUDGET'], {
    error: 'Choose a personal budget or a personal health budget',
  }),
  year: z.number().int().min(2020).max(2100).optional(),
  amountPence: amountInput,
  heldAs: z.enum(['COUNCIL_HELD', 'DIRECT_PAYMENT']).default('COUNCIL_HELD'),
  agentName: z.string().trim().max(120).optional(),
  rules: rulesInput,
  idempotencyKey: z.string().min(8).max(100).optional(),
});

const poolInput = z.strictObject({
  name: z.string().trim().min(3, 'Enter the fund’s name').max(120),
  year: z.number().int().min(2020).max(2100).optional(),
  totalPence: z
    .number({ error: 'Enter an amount' })
    .int('Amounts are whole pence')
    .positive('The amount must be more than £0')
    .max(1_000_000_000, 'A pooled fund holds at most £10,000,000'),
  perChildCapPence: z
    .number()
    .int('Amounts are whole pence')
    .positive('Each child’s cap must be more than £0'),
  tiers: z
    .array(z.string().regex(/^[A-Z_]{2,40}$/, 'Tiers are named by their codes, like TARGETED'))
    .max(10)
    .default([]),
  rules: rulesInput,
});

/**
 * Children's personal and health budgets, commissioners' pooled funds and family pools: what
 * each may pay for, what it has (from the ledger), and holding, capturing and releasing money
 * for bookings. Every movement is a ledger journal; nothing here stores a balance.
 */
export class BudgetsService {
  constructor(private readonly deps: BudgetsDeps) {}

  // ——— Commissioners ———

  /** Allocates money to a child's personal or health budget for a year (made once per key). */
  async allocate(actor: SignedInActor, input: unknown) {
    const parsed = allocateInput.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), fund: null };
    const child = await this.deps.families.childForBudget(parsed.data.childId);
    if (!child) {
      return {
        userErrors: [error(['input', 'childId'], 'There is no child with this id', 'NOT_FOUND')],
        fund: null,
      };
    }
    const key = parsed.data.idempotencyKey
      ? `allocation:${actor.accountId}:${parsed.data.idempotencyKey}`
      : `allocation:${new Types.ObjectId().toHexString()}`;
    const outcome = await this.allocateTo(
      actor,
      child,
      {
        ...parsed.data,
        line: 0,
        childId: child.id,
        dateOfBirth: child.dateOfBirth,
        serviceTypes: parsed.data.rules.serviceTypes,
        maxPencePerHour: parsed.data.rules.maxPencePerHour ?? null,
        maxPencePerSession: parsed.data.rules.maxPencePerSession ?? null,
      },
      parsed.data.year ?? budgetYearOf().startYear,
      key,
    );
    if ('userError' in outcome) return { userErrors: [outcome.userError], fund: null };
    return { userErrors: [], fund: await this.view(outcome.fund) };
  }

  /**
   * Allocations from a CSV file. A dry run checks every row and says what each would do; a
   * real run changes nothing unless every row is good, and each row is made once however
   * often the same file is sent (its key is the file's digest and the row's line).
   */
  async importAllocations(
    actor: SignedInActor,
    input: { csv?: unknown; dryRun?: unknown; year?: unknown },
  ) {
    const csv = String(input.csv ?? '');
    const dryRun = input.dryRun !== false;
    const year = typeof input.year === 'number' ? input.year : budgetYearOf().startYear;
    const parsed = parseAllocationCsv(csv);
    if ('problem' in parsed) {
      return {
        userErrors: [error(['input', 'csv'], parsed.problem, 'INVALID')],
        rows: [],
        allocatedPence: 0,
        applied: false,
      };
    }
    const rows = await Promise.all(
      parsed.rows.map(async ({ line, row, problems }) => {
        if (!row) return { line, row, child: null, problems };
        const child = await this.deps.families.childForBudget(row.childId);
        const more: string[] = [];
        if (!child) more.push('There is no child with this id');
        else if (child.dateOfBirth !== row.dateOfBirth)
          more.push('date_of_birth does not match this child’s: check the child id');
        return { line, row, child, problems: more };
      }),
    );
    const bad = rows.filter((r) => r.problems.length > 0);
    const digest = (await import('node:crypto'))
      .createHash('sha256')
      .update(csv)
      .digest('base64url')
      .slice(0, 22);
    const report = rows.map((r) => ({
      line: r.line,
      childName: r.child ? `${r.child.firstName} ${r.child.lastName.slice(0, 1)}.` : null,
      amountPence: r.row?.amountPence ?? null,
      budget: r.row ? FUND_KINDS.label(r.row.kind) : null,
      outcome: r.problems.length
        ? 'REFUSED'
        : dryRun || bad.length
          ? 'WOULD_ALLOCATE'
          : 'ALLOCATED',
      message: r.problems.join('; ') || null,
    }));
    if (dryRun || bad.length) {
      return {
        userErrors: bad.length
          ? [
              error(
                ['input', 'csv'],
                `${bad.length} of ${rows.length} rows ${bad.length === 1 ? 'has a problem (line' : 'have problems (lines'} ${bad.map((r) => r.line).join(', ')}): nothing has been allocated`,
                'INVALID_ROWS',
              ),
            ]
          : [],
        rows: report,
        allocatedPence: 0,
        applied: false,
      };
    }
    let allocatedPence = 0;
    for (const r of rows) {
      if (!r.row || !r.child) continue;
      const outcome = await this.allocateTo(
        actor,
        r.child,
        r.row,
        year,
        `allocation:import:${digest}:${r.line}`,
      );
      if ('userError' in outcome) throw new Error(outcome.userError.message);
      allocatedPence += r.row.amountPence;
    }
    return { userErrors: [], rows: report, allocatedPence, applied: true };
  }

  private async allocateTo(
    actor: SignedInActor,
    child: ChildForBudget,
    row: AllocationRow,
    year: number,
    key: string,
  ): Promise<{ fund: StoredFund } | { userError: UserError }> {
    const fund = await this.personalFund(actor, child, row, year);
    const source = row.kind === 'PERSONAL_HEALTH_BUDGET' ? 'world:nhs' : 'world:council';
    const outcome = await this.deps.ledger.post({
      key,
      reason: 'ALLOCATION',
      postings: [
        { account: source, amountPence: -row.amountPence },
        { account: `fund:${fund._id}`, amountPence: row.amountPence },
      ],
      memo: `${formatMoney(pence(row.amountPence))} allocated for ${budgetYear(year).label}`,
      actor: ledgerActor(actor),
      funds: [fund._id],
      child: child.id,
    });
    if (!outcome.ok) {
      return {
        userError: error(
          ['input'],
          'message' in outcome ? outcome.message : 'The allocation could not be made',
          outcome.code,
        ),
      };
    }
    await this.deps.audit.record({
      action: 'BUDGET_ALLOCATED',
      actor,
      familyId: child.familyId,
      childId: child.id,
      reason: `${FUND_KINDS.label(row.kind)} ${budgetYear(year).label}`,
    });
    return { fund };
  }

  /** The child's budget of this kind for the year, made on first allocation. */
  private async personalFund(
    actor: SignedInActor,
    child: ChildForBudget,
    row: AllocationRow,
    year: number,
  ) {
    const id = personalFundId(row.kind, child.id, year);
    const rules = {
      serviceTypes: row.serviceTypes,
      maxPencePerHour: row.maxPencePerHour,
      maxPencePerSession: row.maxPencePerSession,
    };
    await FundModel.updateOne(
      { _id: id },
      {
        $setOnInsert: {
          kind: row.kind,
          name: `${child.firstName}’s ${row.kind === 'PERSONAL_HEALTH_BUDGET' ? 'personal health budget' : 'personal budget'}`,
          year,
          source: row.kind === 'PERSONAL_HEALTH_BUDGET' ? 'NHS' : 'COUNCIL',
          child: child.id,
          family: child.familyId,
          createdBy: actor.accountId,
        },
        $set: { heldAs: row.heldAs, rules },
      },
      { upsert: true },
    ).catch(ignoreDuplicate);
    return (await FundModel.findById(id).lean()) as unknown as StoredFund;
  }

  /** A commissioners' pooled fund (such as the section 75 short breaks pool) with its money. */
  async createPooledFund(actor: SignedInActor, input: unknown) {
    const parsed = poolInput.safeParse(withoutNulls(input));
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error), fund: null };
    const { name, totalPence, perChildCapPence, tiers, rules } = parsed.data;
    if (perChildCapPence > totalPence) {
      return {
        userErrors: [
          error(
            ['input', 'perChildCapPence'],
            'Each child’s cap cannot be more than the fund holds',
            'INVALID',
          ),
        ],
        fund: null,
      };
    }
    const year = parsed.data.year ?? budgetYearOf().startYear;
    const id = new Types.ObjectId().toHexString();
    const fund = await FundModel.create({
      _id: id,
      kind: 'POOLED_FUND',
      name,
      year,
      source: 'POOLED',
      tiers,
      perChildCapPence,
      rules: {
        serviceTypes: rules.serviceTypes,
        maxPencePerHour: rules.maxPencePerHour ?? null,
        maxPencePerSession: rules.maxPencePerSession ?? null,
      },
      createdBy: actor.accountId,
    });
    const funded = await this.deps.ledger.post({
      key: `allocation:${id}`,
      reason: 'ALLOCATION',
      postings: [
        { account: 'world:council', amountPence: -totalPence },
        { account: `fund:${id}`, amountPence: totalPence },
      ],
      memo: `${name}: ${formatMoney(pence(totalPence))} for ${budgetYear(year).label}`,
      actor: ledgerActor(actor),
      funds: [id],
    });
    if (!funded.ok) {
      await FundModel.deleteOne({ _id: id });
      return {
        userErrors: [
          error(
            ['input', 'totalPence'],
            'message' in funded ? funded.message : 'The fund could not be given its money',
            funded.code,
          ),
        ],
        fund: null,
      };
    }
    return { userErrors: [], fund: await this.view(fund.toObject() as unknown as StoredFund) };
  }

  /**
   * After 31 March: what every fund of that budget year still has goes back where it came
   * from (personal budgets and pools to the council, health budgets to the NHS). Once per
   * fund, however often it is asked.
   */
  async returnAtYearEnd(actor: SignedInActor, input: { year?: unknown }) {
    const year = Number(input.year);
    const fail = (message: string) => ({
      userErrors: [error(['input', 'year'], message, 'INVALID')],
      returnedPence: 0,
      accounts: 0,
    });
    if (!Number.isInteger(year) || year < 2020 || year > 2100)
      return fail('Enter a budget year, like 2026');
    const span = budgetYear(year);
    if (londonToday() <= span.lastDay) {
      return fail(
        `The budget year ${span.label} ends on 31 March ${year + 1}: unspent money goes back after that`,
      );
    }
    const funds = (await FundModel.find({ year }).lean()) as unknown as StoredFund[];
    let returnedPence = 0;
    let accounts = 0;
    for (const fund of funds) {
      const left = await this.deps.ledger.balance(`fund:${fund._id}`);
      if (left <= 0) continue;
      const outcome = await this.deps.ledger.post({
        key: `year-end:${fund._id}`,
        reason: 'YEAR_END_RETURN',
        postings: [
          { account: `fund:${fund._id}`, amountPence: -left },
          { account: fund.source === 'NHS' ? 'world:nhs' : 'world:council', amountPence: left },
        ],
        memo: `Unspent at the end of ${span.label}: returned`,
        actor: ledgerActor(actor),
        funds: [fund._id],
        ...(fund.child && { child: String(fund.child) }),
      });
      if (outcome.ok) {
        returnedPence += left;
        accounts += 1;
      }
    }
    return { userErrors: [], returnedPence, accounts };
  }

  /** Every pooled fund, for commissioners. */
  async pooledFunds(): Promise<FundView[]> {
    const funds = (await FundModel.find({ kind: 'POOLED_FUND' })
      .sort({ createdAt: 1 })
      .lean()) as unknown as StoredFund[];
    return Promise.all(funds.map((fund) => this.view(fund, { statement: true })));
  }

  /**
   * Spend and commitments for a budget year by fund kind, the child's district and service
   * type, from the posted journals (each hold and capture is labelled with the booking's
   * service type and district): a commissioner's view, aggregates only.
   */
  async spendReport(year: number = budgetYearOf().startYear): Promise<SpendRow[]> {
    const funds = (await FundModel.find({ year }).lean()) as unknown as StoredFund[];
    const rows = new Map<string, SpendRow>();
    for (const fund of funds) {
      for (const journal of await this.deps.ledger.journalsOf({ funds: fund._id })) {
        const position = fundPosition(fund._id, [journal]);
        const labels = (journal.labels ?? {}) as Record<string, string>;
        const district =
          labels.district ?? (fund.kind === 'POOLED_FUND' ? 'All of Devon' : 'Not known');
        const serviceType = labels.serviceType ?? 'Not spent yet';
        const key = `${fund.kind}|${district}|${serviceType}`;
        const row = rows.get(key) ?? {
          fundKind: fund.kind,
          district,
          serviceType,
          allocatedPence: 0,
          heldPence: 0,
          spentPence: 0,
        };
        row.allocatedPence += position.allocatedPence;
        row.heldPence += position.heldPence;
        row.spentPence += position.spentPence;
        rows.set(key, row);
      }
    }
    return [...rows.values()]
      .filter((row) => row.allocatedPence || row.heldPence || row.spentPence)
      .sort(
        (a, b) =>
          a.fundKind.localeCompare(b.fundKind) ||
          a.district.localeCompare(b.district) ||
          a.serviceType.localeCompare(b.serviceType),
      );
  }

  // ——— Families ———

  /** A child's funds for the year, with where each will stand on 31 March; audited. */
  async childFunds(actor: SignedInActor, childId: string, year: number = budgetYearOf().startYear) {
    const child = await this.visibleChild(actor, childId);
    const funds = await this.fundsOfChild(child.id, year);
    const views = await Promise.all(funds.map((fund) => this.view(fund, { statement: true })));
    const today = londonToday();
    return views.map((fund) => ({
      ...fund,
      projection: projectYearEnd(fund.position, today) as YearEndProjection,
    }));
  }

  /** Every movement of a fund, oldest first, as the family sees its money move. */
  async statement(
    actor: SignedInActor,
    fundId: string,
  ): Promise<{ fund: FundView; movements: FundMovement[] }> {
    const fund = (await FundModel.findById(fundId).lean()) as unknown as StoredFund | null;
    if (!fund) throw notVisible();
    const council = actor.role === 'COMMISSIONER' || actor.role === 'ADMIN';
    const member =
      fund.kind === 'FAMILY_POOL' &&
      [fund.family, ...(fund.shares ?? []).map((share) => share.family)].some(
        (family) => family && String(family) === actor.familyId,
      );
    if (fund.child) await this.visibleChild(actor, String(fund.child));
    else if (!council && !member) throw notVisible();
    const view = await this.view(fund, { statement: true });
    return { fund: view, movements: view.movements ?? [] };
  }

  private async visibleChild(actor: SignedInActor, childId: string): Promise<ChildForBudget> {
    const child = await this.deps.families.childForBudget(childId);
    if (!child) throw notVisible();
    const decision = budgetAccess(actor, child);
    if (!decision.allowed) throw notVisible();
    await this.deps.audit.record({
      action: 'BUDGET_VIEWED',
      actor,
      familyId: child.familyId,
      childId: child.id,
      reason: decision.audited ? 'Budgets and their statements' : null,
    });
    return child;
  }

  async viewOf(fundId: string): Promise<FundView | null> {
    const fund = (await FundModel.findById(fundId).lean()) as unknown as StoredFund | null;
    return fund ? this.view(fund) : null;
  }

  private async view(
    fund: StoredFund,
    { statement = false }: { statement?: boolean } = {},
  ): Promise<FundView> {
    const journals = await this.deps.ledger.journalsOf({ funds: fund._id });
    return {
      id: fund._id,
      kind: fund.kind,
      name: fund.name,
      year: fund.year,
      yearLabel: budgetYear(fund.year).label,
      source: fund.source,
      heldAs: fund.heldAs ?? null,
      childId: fund.child ? String(fund.child) : null,
      rules: {
        serviceTypes: fund.rules?.serviceTypes ?? [],
        maxPencePerHour: fund.rules?.maxPencePerHour ?? null,
        maxPencePerSession: fund.rules?.maxPencePerSession ?? null,
      },
      tiers: fund.tiers ?? [],
      perChildCapPence: fund.perChildCapPence ?? null,
      position: fundPosition(fund._id, journals),
      ...(statement && { movements: movementsOf(fund._id, journals) }),
    };
  }

  // ——— Booking: a booking is reserved, then funded, then confirmed ———

  /** How these sessions would be paid for from the child's funds, in the configured priority. */
  async planFor(
    child: { id: string; name: string; facts: ChildForBudget['facts'] },
    sessions: readonly SessionToFund[],
  ): Promise<FundingPlan> {
    const funds = await this.fundsForPlan(child);
    const childTier = await this.deps.eligibility.bestTierOf(child.facts, londonToday());
    return fundingPlan(sessions, funds, { childName: child.name, childTier });
  }

  /** A child's own budgets for the year and the family pools the child is in. */
  private async fundsOfChild(childId: string, year: number): Promise<StoredFund[]> {
    const [own, pools] = await Promise.all([
      FundModel.find({ child: childId, year }).sort({ kind: 1 }).lean(),
      FundModel.find({ 'shares.child': childId, year }).lean(),
    ]);
    return [...own, ...pools] as unknown as StoredFund[];
  }

  private async fundsForPlan(child: { id: string }): Promise<FundForPlan[]> {
    const year = budgetYearOf().startYear;
    const [own, pools] = await Promise.all([
      this.fundsOfChild(child.id, year),
      FundModel.find({ kind: 'POOLED_FUND', year }).lean(),
    ]);
    const funds = [...own, ...(pools as unknown as StoredFund[])];
    return Promise.all(
      funds.map(async (fund) => {
        const availablePence = await this.deps.ledger.balance(`fund:${fund._id}`);
        const allowance =
          fund.kind === 'POOLED_FUND' ? await this.allowanceLeft(fund, child.id) : null;
        return {
          id: fund._id,
          kind: fund.kind as FundForPlan['kind'],
          name: fund.name,
          availablePence,
          rules: {
            serviceTypes: fund.rules?.serviceTypes ?? [],
            maxPencePerHour: fund.rules?.maxPencePerHour ?? null,
            maxPencePerSession: fund.rules?.maxPencePerSession ?? null,
          },
          childAllowancePence: allowance,
          tiers: fund.tiers ?? [],
          serviceIds: fund.serviceIds ?? [],
        };
      }),
    );
  }

  private allowanceAccount(fund: StoredFund, childId: string) {
    return `allowance:${fund._id}:${childId}:${fund.year}`;
  }

  private async allowanceLeft(fund: StoredFund, childId: string): Promise<number | null> {
    if (!fund.perChildCapPence) return null;
    const granted = await this.deps.ledger.journal(`allowance:${fund._id}:${childId}`);
    return granted
      ? this.deps.ledger.balance(this.allowanceAccount(fund, childId))
      : fund.perChildCapPence;
  }

  /**
   * Holds each fund's part of a booking's funding. If any part cannot be held (a fund spent
   * by someone else meanwhile), every part already held is released and the reason is given.
   */
  async holdForBooking(
    booking: BookingForMoney,
    parts: readonly PlanPart[],
    actor: LedgerActor,
    crash: (point: 'after-first-hold') => void = () => undefined,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    for (const part of parts) {
      if (!part.fundId) continue;
      const fund = (await FundModel.findById(part.fundId).lean()) as unknown as StoredFund | null;
      if (!fund) return this.failHold(booking, parts, actor, `${part.name} no longer exists`);
      const postings = [
        { account: `fund:${fund._id}`, amountPence: -part.amountPence },
        { account: `hold:${booking.id}:${fund._id}`, amountPence: part.amountPence },
      ];
      if (fund.kind === 'POOLED_FUND' && fund.perChildCapPence) {
        await this.grantAllowance(fund, booking.childId);
        postings.push(
          { account: this.allowanceAccount(fund, booking.childId), amountPence: -part.amountPence },
          { account: `allowance-grant:${fund._id}`, amountPence: part.amountPence },
        );
      }
      const outcome = await this.deps.ledger.post({
        key: `hold:${booking.id}:${fund._id}`,
        reason: 'HOLD',
        postings,
        memo: `Held for booking ${booking.reference}`,
        actor,
        booking: booking.id,
        funds: [fund._id],
        organisation: booking.organisationId,
        child: booking.childId,
        labels: labelsOf(booking),
      });
      if (!outcome.ok) {
        const message =
          outcome.code === 'INSUFFICIENT_FUNDS'
            ? outcome.account.startsWith('allowance:')
              ? `${fund.name} has ${formatMoney(pence(outcome.availablePence))} left of this year’s cap for this child, not the ${formatMoney(pence(part.amountPence))} this booking needs from it`
              : `${fund.name} has ${formatMoney(pence(outcome.availablePence))} left, not the ${formatMoney(pence(part.amountPence))} this booking needs from it`
            : outcome.message;
        return this.failHold(booking, parts, actor, message);
      }
      crash('after-first-hold');
    }
    return { ok: true };
  }

  private async failHold(
    booking: BookingForMoney,
    parts: readonly PlanPart[],
    actor: LedgerActor,
    message: string,
  ) {
    await this.releaseBooking(booking, parts, actor, 'Released: the booking could not be funded');
    return { ok: false as const, message };
  }

  private async grantAllowance(fund: StoredFund, childId: string) {
    await this.deps.ledger.post({
      key: `allowance:${fund._id}:${childId}`,
      reason: 'ALLOWANCE',
      postings: [
        { account: `allowance-grant:${fund._id}`, amountPence: -(fund.perChildCapPence ?? 0) },
        { account: this.allowanceAccount(fund, childId), amountPence: fund.perChildCapPence ?? 0 },
      ],
      memo: `This year’s cap for the child on ${fund.name}`,
      actor: { kind: 'SYSTEM' },
      funds: [fund._id],
      child: childId,
    });
  }

  /** Gives back every fund's held money for a booking (a cancellation within policy). */
  async releaseBooking(
    booking: BookingForMoney,
    parts: readonly { fundId: string | null }[],
    actor: LedgerActor,
    memo: string,
  ) {
    for (const part of parts) {
      if (!part.fundId) continue;
      const held = await this.deps.ledger.balance(`hold:${booking.id}:${part.fundId}`);
      if (held <= 0) continue;
      const fund = (await FundModel.findById(part.fundId).lean()) as unknown as StoredFund | null;
      if (!fund) continue;
      const postings = [
        { account: `hold:${booking.id}:${fund._id}`, amountPence: -held },
        { account: `fund:${fund._id}`, amountPence: held },
      ];
      if (fund.kind === 'POOLED_FUND' && fund.perChildCapPence) {
        postings.push(
          { account: `allowance-grant:${fund._id}`, amountPence: -held },
          { account: this.allowanceAccount(fund, booking.childId), amountPence: held },
        );
      }
      await this.deps.ledger.post({
        key: `release:${booking.id}:${fund._id}`,
        reason: 'RELEASE',
        postings,
        memo,
        actor,
        booking: booking.id,
        funds: [fund._id],
        organisation: booking.organisationId,
        child: booking.childId,
        labels: labelsOf(booking),
      });
    }
  }

  /**
   * Moves every part held for a booking to what its provider is owed: at attendance (or a
   * no-show) as CAPTURE, or a late cancellation's charge. The card's part is captured too.
   */
  async captureBooking(
    booking: BookingForMoney,
    parts: readonly { fundId: string | null; source: string }[],
    reason: 'CAPTURE' | 'LATE_CANCELLATION_CHARGE',
    actor: LedgerActor,
    memo: string,
  ) {
    for (const part of parts) {
      const holdId = part.fundId ?? 'card';
      const held = await this.deps.ledger.balance(`hold:${booking.id}:${holdId}`);
      if (held <= 0) continue;
      await this.deps.ledger.post({
        key: `capture:${booking.id}:${holdId}`,
        reason,
        postings: [
          { account: `hold:${booking.id}:${holdId}`, amountPence: -held },
          { account: `owed:${booking.organisationId}`, amountPence: held },
        ],
        memo,
        actor,
        booking: booking.id,
        ...(part.fundId && { funds: [part.fundId] }),
        organisation: booking.organisationId,
        child: booking.childId,
        labels: labelsOf(booking),
      });
    }
  }

  owedTo(organisationId: string): Promise<number> {
    return this.deps.ledger.balance(`owed:${organisationId}`);
  }

  journalsOfBooking(bookingId: string): Promise<StoredJournal[]> {
    return this.deps.ledger.journalsOf({ booking: new Types.ObjectId(bookingId) });
  }

  /** A provider's refund to one fund that paid for a booking (a pool's child cap restored). */
  async refundToFund(
    booking: BookingForMoney,
    fundId: string,
    amountPence: number,
    key: string,
    memo: string,
    actor: LedgerActor,
  ) {
    const fund = (await FundModel.findById(fundId).lean()) as unknown as StoredFund | null;
    if (!fund) return;
    const postings = [
      { account: `owed:${booking.organisationId}`, amountPence: -amountPence },
      { account: `fund:${fund._id}`, amountPence },
    ];
    if (fund.kind === 'POOLED_FUND' && fund.perChildCapPence) {
      postings.push(
        { account: `allowance-grant:${fund._id}`, amountPence: -amountPence },
        { account: this.allowanceAccount(fund, booking.childId), amountPence },
      );
    }
    await this.deps.ledger.post({
      key,
      reason: 'REFUND',
      postings,
      memo: `${memo} (booking ${booking.reference})`,
      actor,
      booking: booking.id,
      funds: [fund._id],
      organisation: booking.organisationId,
      child: booking.childId,
      labels: { ...labelsOf(booking), refundOf: fund._id },
    });
  }

  /** A family's children and their funds, for the family page. */
  async familyChildren(actor: SignedInActor) {
    if (!actor.familyId) return [];
    const children = await this.deps.families.childrenForBudget(actor.familyId);
    return children.filter((child) => budgetAccess(actor, child).allowed);
  }
}

function labelsOf(booking: BookingForMoney): Record<string, string> {
  return {
    serviceType: booking.serviceType,
    ...(booking.district && { district: booking.district }),
  };
}

function ledgerActor(actor: SignedInActor): LedgerActor {
  return { kind: actor.role === 'YOUNG_PERSON' ? 'FAMILY' : actor.role, account: actor.accountId };
}

/** The fund's side of each posted journal: what came in, was held, was spent. */
export function movementsOf(fundId: string, journals: readonly StoredJournal[]): FundMovement[] {
  return journals
    .filter((journal) => journal.state === 'POSTED')
    .map((journal) => {
      const { availablePence, heldPence, spentPence } = fundPosition(fundId, [journal]);
      return {
        id: journal._id,
        at: journal.postedAt ?? journal.createdAt,
        reason: journal.reason,
        memo: journal.memo,
        availablePence,
        heldPence,
        spentPence,
        bookingId: journal.booking ? String(journal.booking) : null,
      };
    })
    .filter((m) => m.availablePence !== 0 || m.heldPence !== 0 || m.spentPence !== 0);
}

function notVisible() {
  return forbidden(BUDGET_NOT_VISIBLE);
}

function ignoreDuplicate(failure: unknown) {
  if ((failure as { code?: number }).code !== 11000) throw failure;
}
