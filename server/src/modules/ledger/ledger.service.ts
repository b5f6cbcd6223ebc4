import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../platform/database';
import { releaseLease, takeLease } from '../../platform/leases';
import type { Logger } from '../../platform/logger';
import {
  JournalModel,
  LedgerEntryModel,
  LedgerHeadModel,
  type StoredJournal,
} from './ledger.model';
import {
  applicationOrder,
  checkChain,
  journalProblem,
  mayGoNegative,
  reversed,
  type Breach,
  type EntryForCheck,
  type JournalReason,
  type Posting,
} from './ledger.rules';

export type LedgerActor = {
  kind: 'FAMILY' | 'PROVIDER' | 'COMMISSIONER' | 'ADMIN' | 'SYSTEM' | 'STRIPE';
  account?: Types.ObjectId | string;
};

export interface JournalRequest {
  /** The idempotency key: the same movement asked for again is made once. */
  key: string;
  reason: JournalReason;
  postings: Posting[];
  memo: string;
  actor: LedgerActor;
  booking?: Types.ObjectId | string;
  funds?: string[];
  organisation?: Types.ObjectId | string;
  child?: Types.ObjectId | string;
  reverses?: string;
  labels?: Record<string, string>;
}

export type JournalOutcome =
  | { ok: true; journal: StoredJournal }
  | {
      ok: false;
      code: 'INSUFFICIENT_FUNDS';
      account: string;
      neededPence: number;
      availablePence: number;
      journal: StoredJournal;
    }
  | { ok: false; code: 'INVALID' | 'KEY_REUSED' | 'IN_PROGRESS'; message: string };

export type CrashPoint = 'after-ledger-leg';

export interface LedgerDeps {
  log: Logger;
  /** Fault injection for the reliability tests: the process dies at this step. */
  crashAt?: string | null;
}

/** A journal older than this and still unfinished was cut short by a crash. */
const LEASE_MS = 30_000;
const MAX_APPEND_ATTEMPTS = 500;

function fingerprint(request: JournalRequest): string {
  const { reason, postings, booking, funds } = request;
  return createHash('sha256')
    .update(JSON.stringify({ reason, postings, booking: booking && String(booking), funds }))
    .digest('base64url');
}

const entryId = (journal: string, leg: number, reversal: boolean) =>
  `${journal}#${leg}${reversal ? 'r' : ''}`;

/**
 * The append-only, double-entry ledger (see README.md beside this file). Journals are applied
 * posting by posting; a guarded account's postings are serialised by unique sequence numbers
 * carrying the running balance, so no balance can be taken below zero, on MongoDB or on
 * FerretDB v1, without transactions.
 */
export class LedgerService {
  constructor(private readonly deps: LedgerDeps) {}

  /** Makes a movement once: posts it, or says which account had too little. */
  async post(request: JournalRequest): Promise<JournalOutcome> {
    const problem = journalProblem(request.postings);
    if (problem) return { ok: false, code: 'INVALID', message: problem };
    const print = fingerprint(request);
    try {
      const created = await JournalModel.create({
        _id: request.key,
        reason: request.reason,
        postings: request.postings,
        fingerprint: print,
        state: 'PENDING',
        memo: request.memo,
        actor: request.actor,
        ...(request.booking && { booking: request.booking }),
        ...(request.funds && { funds: request.funds }),
        ...(request.organisation && { organisation: request.organisation }),
        ...(request.child && { child: request.child }),
        ...(request.reverses && { reverses: request.reverses }),
        ...(request.labels && { labels: request.labels }),
      });
      return await this.settle(created.toObject() as unknown as StoredJournal);
    } catch (failure) {
      if (!isDuplicateKey(failure)) throw failure;
      const existing = await this.journal(request.key);
      if (!existing) throw failure;
      if (existing.fingerprint !== print) {
        return {
          ok: false,
          code: 'KEY_REUSED',
          message: 'This movement was already made with different amounts',
        };
      }
      return this.settle(existing);
    }
  }

  /** The journal that undoes `journalId`, made once (its key is derived from the original). */
  async reverse(journalId: string, memo: string, actor: LedgerActor): Promise<JournalOutcome> {
    const original = await this.journal(journalId);
    if (!original || original.state !== 'POSTED') {
      return { ok: false, code: 'INVALID', message: 'Only a posted movement can be reversed' };
    }
    return this.post({
      key: `reversal:${journalId}`,
      reason: 'REVERSAL',
      postings: reversed(original.postings as Posting[]),
      memo,
      actor,
      reverses: journalId,
      ...(original.booking && { booking: original.booking }),
      ...(original.funds?.length && { funds: original.funds }),
      ...(original.organisation && { organisation: original.organisation }),
      ...(original.child && { child: original.child }),
      ...(original.labels && { labels: original.labels as Record<string, string> }),
    });
  }

  async journal(key: string): Promise<StoredJournal | null> {
    return (await JournalModel.findById(key).lean()) as unknown as StoredJournal | null;
  }

  async journalsOf(filter: {
    booking?: Types.ObjectId;
    funds?: string;
    organisation?: Types.ObjectId;
    child?: Types.ObjectId;
  }) {
    return (await JournalModel.find(filter)
      .sort({ createdAt: 1 })
      .lean()) as unknown as StoredJournal[];
  }

  /** An account's balance now, from its chain (guarded accounts) or its entries. */
  async balance(account: string): Promise<number> {
    if (!mayGoNegative(account)) return (await this.tail(account)).balance;
    const [sum] = await LedgerEntryModel.aggregate<{ total: number }>([
      { $match: { account } },
      { $group: { _id: null, total: { $sum: '$amountPence' } } },
    ]);
    return sum?.total ?? 0;
  }

  async balances(accounts: readonly string[]): Promise<Map<string, number>> {
    const values = await Promise.all(accounts.map((account) => this.balance(account)));
    return new Map(accounts.map((account, i) => [account, values[i] ?? 0]));
  }

  /**
   * Finishes or undoes every journal a crash left unfinished (older than `graceMs`, so that
   * one still being applied is left to its maker). Safe to run at any time, from any process.
   */
  async reconcile(options: { graceMs?: number } = {}): Promise<{ settled: number }> {
    const before = new Date(Date.now() - (options.graceMs ?? LEASE_MS));
    let settled = 0;
    for (const state of ['PENDING', 'FAILING'] as const) {
      const stuck = (await JournalModel.find({ state, createdAt: { $lt: before } })
        .limit(1000)
        .lean()) as unknown as StoredJournal[];
      for (const journal of stuck) {
        await this.settle(journal, { wait: false, stealAfterMs: options.graceMs ?? LEASE_MS });
        settled += 1;
      }
    }
    if (settled) this.deps.log.warn({ settled }, 'ledger: finished journals a crash left');
    return { settled };
  }

  /** Applies (or finishes undoing) a journal under its lease; waits for another holder. */
  private async settle(
    journal: StoredJournal,
    { wait = true, stealAfterMs }: { wait?: boolean; stealAfterMs?: number } = {},
  ): Promise<JournalOutcome> {
    const lease = `journal:${journal._id}`;
    for (let polls = 0; journal.state === 'PENDING' || journal.state === 'FAILING'; polls += 1) {
      if (await takeLease(lease, LEASE_MS, { stealAfterMs })) {
        try {
          const fresh = (await this.journal(journal._id)) ?? journal;
          journal = await this.apply(fresh);
        } finally {
          await releaseLease(lease);
        }
        break;
      }
      if (!wait || polls > 100) {
        return {
          ok: false,
          code: 'IN_PROGRESS',
          message: 'This payment is still being made: try again in a moment',
        };
      }
      await new Promise((resume) => setTimeout(resume, 50));
      journal = (await this.journal(journal._id)) ?? journal;
    }
    return this.outcomeOf(journal);
  }

  private outcomeOf(journal: StoredJournal): JournalOutcome {
    if (journal.state === 'POSTED') return { ok: true, journal };
    const failure = journal.failure ?? {};
    return {
      ok: false,
      code: 'INSUFFICIENT_FUNDS',
      account: failure.account ?? '',
      neededPence: failure.neededPence ?? 0,
      availablePence: failure.availablePence ?? 0,
      journal,
    };
  }

  private async apply(journal: StoredJournal): Promise<StoredJournal> {
    const postings = journal.postings as Posting[];
    const entries = await LedgerEntryModel.find({ journal: journal._id }).lean();
    const applied = new Set(entries.filter((e) => !e.reversal).map((e) => e.leg));
    if (journal.state === 'PENDING') {
      for (const leg of applicationOrder(postings)) {
        const posting = postings[leg];
        if (!posting || applied.has(leg)) continue;
        const short = await this.append(
          journal._id,
          leg,
          posting.account,
          posting.amountPence,
          false,
        );
        if (short !== null) {
          const failure = {
            account: posting.account,
            neededPence: -posting.amountPence,
            availablePence: short,
          };
          await JournalModel.updateOne(
            { _id: journal._id },
            { $set: { state: 'FAILING', failure } },
          );
          journal = { ...journal, state: 'FAILING', failure };
          break;
        }
        applied.add(leg);
        this.crash('after-ledger-leg');
      }
      if (journal.state === 'PENDING') {
        const postedAt = new Date();
        await JournalModel.updateOne({ _id: journal._id }, { $set: { state: 'POSTED', postedAt } });
        return { ...journal, state: 'POSTED', postedAt };
      }
    }
    // FAILING: undo what was applied. Only guarded debits can have been (they go first), so
    // each undo is a credit, which cannot fail.
    const undone = new Set(
      (await LedgerEntryModel.find({ journal: journal._id, reversal: true }).lean()).map(
        (e) => e.leg,
      ),
    );
    for (const leg of applied) {
      const posting = postings[leg];
      if (!posting || undone.has(leg)) continue;
      await this.append(journal._id, leg, posting.account, -posting.amountPence, true);
    }
    await JournalModel.updateOne({ _id: journal._id }, { $set: { state: 'FAILED' } });
    return { ...journal, state: 'FAILED' };
  }

  /**
   * Applies one posting to its account. On a guarded account it takes the next sequence
   * number after the balance it read; losing that race means reading again. Returns null
   * when applied, or the balance that was too small.
   */
  private async append(
    journal: string,
    leg: number,
    account: string,
    amountPence: number,
    reversal: boolean,
  ): Promise<number | null> {
    const at = new Date();
    const fields = { account, journal, leg, reversal, amountPence, at };
    if (mayGoNegative(account)) {
      try {
        await LedgerEntryModel.create({ _id: entryId(journal, leg, reversal), ...fields });
      } catch (failure) {
        if (!isDuplicateKey(failure)) throw failure;
      }
      return null;
    }
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt += 1) {
      const tail = await this.tail(account);
      const balancePence = tail.balance + amountPence;
      if (balancePence < 0) return tail.balance;
      const seq = tail.seq + 1;
      try {
        await LedgerEntryModel.create({ _id: `${account}:${seq}`, seq, balancePence, ...fields });
      } catch (failure) {
        if (!isDuplicateKey(failure)) throw failure;
        if (attempt > 8) await new Promise((resume) => setTimeout(resume, Math.random() * 10));
        continue;
      }
      await this.moveHead(account, seq, balancePence);
      return null;
    }
    throw new Error(`ledger: gave up appending to ${account} after ${MAX_APPEND_ATTEMPTS} tries`);
  }

  /** The end of a guarded account's chain: from the head hint, walked forward. */
  private async tail(account: string): Promise<{ seq: number; balance: number }> {
    const head = await LedgerHeadModel.findById(account).lean();
    let seq = head?.seq ?? 0;
    let balance = head?.balancePence ?? 0;
    for (;;) {
      const next = await LedgerEntryModel.findById(`${account}:${seq + 1}`).lean();
      if (!next) return { seq, balance };
      seq = next.seq ?? seq + 1;
      balance = next.balancePence ?? balance;
    }
  }

  private async moveHead(account: string, seq: number, balancePence: number) {
    try {
      await LedgerHeadModel.updateOne(
        { _id: account, seq: { $lt: seq } },
        { $set: { seq, balancePence } },
        { upsert: true },
      );
    } catch (failure) {
      // A later head got there first (the upsert found no older one to replace).
      if (!isDuplicateKey(failure)) throw failure;
    }
  }

  /**
   * Rebuilds every balance from the entries and checks every invariant: each journal's
   * entries sum to zero, each guarded chain is whole and never below zero, all money sums to
   * zero, no journal is left unfinished; and rewrites each head hint from its chain.
   */
  async check(options: { graceMs?: number } = {}): Promise<LedgerCheck> {
    const started = performance.now();
    const breaches: Breach[] = [];
    const chains = new Map<string, EntryForCheck[]>();
    const byJournal = new Map<string, { sum: number; legs: number }>();
    let entries = 0;
    for await (const entry of LedgerEntryModel.find({}).lean().cursor({ batchSize: 5000 })) {
      entries += 1;
      const sums = byJournal.get(entry.journal) ?? { sum: 0, legs: 0 };
      sums.sum += entry.amountPence;
      sums.legs += entry.reversal ? 0 : 1;
      byJournal.set(entry.journal, sums);
      if (entry.seq !== undefined && entry.seq !== null) {
        const chain = chains.get(entry.account) ?? [];
        chain.push({
          account: entry.account,
          seq: entry.seq,
          journal: entry.journal,
          amountPence: entry.amountPence,
          balancePence: entry.balancePence ?? null,
        });
        chains.set(entry.account, chain);
      }
    }
    const cutoff = Date.now() - (options.graceMs ?? LEASE_MS);
    let journals = 0;
    let inFlightPence = 0;
    for await (const journal of JournalModel.find({}).lean().cursor({ batchSize: 5000 })) {
      journals += 1;
      const sums = byJournal.get(journal._id) ?? { sum: 0, legs: 0 };
      byJournal.delete(journal._id);
      if (journal.state === 'PENDING' || journal.state === 'FAILING') {
        if (new Date(journal.createdAt).getTime() < cutoff) {
          breaches.push({
            kind: 'UNFINISHED_JOURNAL',
            detail: `${journal._id} is ${journal.state}`,
          });
        }
        inFlightPence += sums.sum;
        continue;
      }
      const legs = journal.state === 'POSTED' ? journal.postings.length : sums.legs;
      if (sums.sum !== 0 || sums.legs !== legs) {
        breaches.push({
          kind: 'UNBALANCED_JOURNAL',
          detail: `${journal._id} (${journal.state}): entries sum to ${sums.sum}p over ${sums.legs} of ${legs} postings`,
        });
      }
    }
    for (const [journal] of byJournal) {
      breaches.push({
        kind: 'ENTRY_WITHOUT_JOURNAL',
        detail: `entries name ${journal}, which does not exist`,
      });
    }
    let headsRebuilt = 0;
    for (const [account, chain] of chains) {
      chain.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      const balance = checkChain(account, chain, breaches);
      const last = chain.at(-1);
      const head = await LedgerHeadModel.findById(account).lean();
      if (last && (head?.seq !== last.seq || head.balancePence !== balance)) {
        await LedgerHeadModel.updateOne(
          { _id: account },
          { $set: { seq: last.seq, balancePence: balance } },
          { upsert: true },
        );
        headsRebuilt += 1;
      }
    }
    // Every account, the world's included, sums to zero once in-flight journals are set aside.
    const everything = await LedgerEntryModel.aggregate<{ total: number }>([
      { $group: { _id: null, total: { $sum: '$amountPence' } } },
    ]);
    const total = (everything[0]?.total ?? 0) - inFlightPence;
    if (total !== 0) {
      breaches.push({ kind: 'MONEY_NOT_CONSERVED', detail: `all entries sum to ${total}p` });
    }
    return {
      entries,
      journals,
      accounts: chains.size,
      headsRebuilt,
      breaches,
      ms: Math.round(performance.now() - started),
    };
  }

  private crash(point: CrashPoint) {
    if (this.deps.crashAt === point) {
      this.deps.log.warn({ point }, 'HARBOUR_CRASH_AT: stopping the process here, as asked');
      process.kill(process.pid, 'SIGKILL');
    }
  }
}

export interface LedgerCheck {
  entries: number;
  journals: number;
  accounts: number;
  headsRebuilt: number;
  breaches: Breach[];
  ms: number;
}
