/**
 * Where the summaries' figures come from: each source collection, how to find what changed
 * in it, and how to read a record's facts for insights.cells.ts, one record at a time (as
 * it changes) or all at once (to rebuild). Reading all at once loads each lookup table
 * once, so the rebuild reads every collection a single time.
 */
import type { Model } from 'mongoose';
import { BookingModel, ScheduledSessionModel } from '../bookings/booking.model';
import { FundModel } from '../budgets/fund.model';
import { ListingModel } from '../directory/directory.model';
import { EligibilityDecisionModel } from '../eligibility/eligibility.model';
import { ChildModel } from '../families/family.model';
import { JournalModel } from '../ledger/ledger.model';
import {
  ALLOCATING_REASONS,
  bookingContribution,
  childContribution,
  decisionContribution,
  fundContribution,
  journalContribution,
  listingContribution,
  searchContribution,
  sessionContribution,
  type ChildFacts,
  type Contribution,
  type FundFacts,
  type ListingFacts,
} from './insights.cells';
import type { SourceName } from './insights.changes';
import { SearchGapModel } from './insights.model';
import { canContinuePast18 } from './insights.rules';

export interface Source {
  name: SourceName;
  /** Each record's contribution now (empty when it is gone or erased). */
  contributions(ids: string[]): Promise<Map<string, Contribution>>;
  /** Records of other sources whose contribution depends on these (a listing's sessions). */
  dependants?(ids: string[]): Promise<{ source: SourceName; ids: string[] }>;
  /** What the rebuild reads: the whole collection, or the part of it that counts. */
  everything: Everything;
  /** Every record's contribution, for the rebuild, from `everything` as read. */
  scanAll(docs: AsyncIterable<Doc>, lookups: Lookups): AsyncIterable<[string, Contribution]>;
}

export interface Everything {
  model: AnyModel;
  filter?: Record<string, unknown>;
  projection: Record<string, number>;
}

export type Doc = Record<string, unknown> & { _id: unknown };

const BATCH = 2000;

/**
 * Starts reading `everything` at once through one cursor, BATCH at a time, keeping what
 * arrives until it is asked for, so the rebuild reads every collection side by side while
 * it works through them in order. One cursor each: FerretDB v1 cannot sort in the
 * database, so paging by `_id` would sort everything once per page.
 */
export function readAhead({ model, filter = {}, projection }: Everything): {
  docs: AsyncIterable<Doc>;
  stop(): Promise<void>;
} {
  // The driver's own cursor: mongoose adds nothing a plain read needs, and halves the rate.
  const cursor = model.collection.find(filter, { projection }).batchSize(BATCH);
  let kept: Doc[] = [];
  let finished = false;
  let failure: unknown = null;
  const waiting: { wake?: () => void } = {};
  const reading = (async () => {
    try {
      for await (const doc of cursor) {
        kept.push(doc as Doc);
        waiting.wake?.();
      }
    } catch (error) {
      failure = error;
    } finally {
      finished = true;
      waiting.wake?.();
    }
  })();
  return {
    docs: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (kept.length) {
            const arrived = kept;
            kept = [];
            yield* arrived;
          } else if (failure) throw failure;
          else if (finished) return;
          else await new Promise<void>((resolve) => (waiting.wake = resolve));
        }
      },
    },
    async stop() {
      await cursor.close().catch(() => undefined);
      await reading;
    },
  };
}

/**
 * Documents whose `field` is one of `values`, by one equality query each (16 at a time):
 * FerretDB v1 answers an equality from its index, but reads the whole collection for `$in`.
 */
export async function findEach(
  model: unknown,
  field: string,
  values: readonly unknown[],
  projection: Record<string, number>,
): Promise<Doc[]> {
  const unique = [...new Set(values.map(String))];
  const found: Doc[] = [];
  for (let start = 0; start < unique.length; start += 16) {
    const batch = await Promise.all(
      unique.slice(start, start + 16).map((value) =>
        asModel(model)
          .find({ [field]: value }, projection)
          .lean(),
      ),
    );
    for (const docs of batch) found.push(...(docs as Doc[]));
  }
  return found;
}

// ---------------------------------------------------------------- lookups

/** What several sources' facts look up: kept for the whole rebuild. */
export interface Lookups {
  listings: Map<string, ListingFacts & { canContinuePast18: boolean }>;
  sessionMinutes: Map<string, number>;
  /** Children → the listings they are booked with (places taken or used). */
  childListings: Map<string, Set<string>>;
  childDistricts: Map<string, string | null>;
  funds: Map<string, FundFacts>;
}

const LISTING_PROJECTION = {
  createdAt: 1,
  'document.district': 1,
  'document.needs': 1,
  'document.type': 1,
  'document.maxAge': 1,
  'document.compliance.continuesPast18': 1,
};

function listingFacts(doc: Doc) {
  const document = (doc.document ?? {}) as {
    district?: string;
    needs?: string[];
    type?: string;
    maxAge?: number;
    compliance?: { continuesPast18?: string };
  };
  return {
    district: document.district || null,
    needs: document.needs ?? [],
    type: document.type ?? 'NOT_KNOWN',
    canContinuePast18: canContinuePast18({
      maxAge: document.maxAge ?? 0,
      continuesPast18: document.compliance?.continuesPast18 ?? 'NOT_APPLICABLE',
    }),
  };
}

async function listingsById(ids: string[]) {
  const docs = await findEach(ListingModel, '_id', [...new Set(ids)], LISTING_PROJECTION);
  return new Map(docs.map((doc) => [String(doc._id), listingFacts(doc)]));
}

const SESSION_PROJECTION = {
  status: 1,
  date: 1,
  startsAt: 1,
  endsAt: 1,
  pattern: 1,
  places: 1,
  staff: 1,
  minAge: 1,
  maxAge: 1,
  listingId: 1,
};

const minutesOf = (session: Doc) =>
  Math.round(((session.endsAt as Date).getTime() - (session.startsAt as Date).getTime()) / 60_000);

const BOOKING_PROJECTION = {
  state: 1,
  startsAt: 1,
  createdAt: 1,
  district: 1,
  serviceType: 1,
  pricePence: 1,
  funding: 1,
  fundingParts: 1,
  session: 1,
  child: 1,
  listingId: 1,
};

/** Bookings that mean a child uses (or will use) a service. */
const USING_STATES = ['RESERVED', 'CONFIRMED', 'ATTENDED', 'ABSENT'];

function bookingFacts(doc: Doc, minutes: number) {
  return {
    state: String(doc.state),
    startsAt: doc.startsAt as Date,
    createdAt: (doc.createdAt as Date) ?? (doc.startsAt as Date),
    district: (doc.district as string) ?? null,
    serviceType: (doc.serviceType as string) ?? null,
    pricePence: Number(doc.pricePence ?? 0),
    minutes,
    funding: String(doc.funding ?? 'NOT_NEEDED'),
    fundingParts: ((doc.fundingParts ?? []) as { source: string; amountPence: number }[]).map(
      ({ source, amountPence }) => ({ source, amountPence }),
    ),
  };
}

const CHILD_PROJECTION = {
  dateOfBirth: 1,
  erasedAt: 1,
  'profile.district': 1,
  'profile.homePostcode': 1,
  'profile.needs': 1,
  'profile.assessedTier': 1,
  'consents.grantedAt': 1,
};

function childFacts(
  doc: Doc,
  listings: Set<string> | undefined,
  canContinue: (listingId: string) => boolean | undefined,
): ChildFacts | null {
  if (doc.erasedAt) return null;
  const profile = (doc.profile ?? {}) as {
    district?: string | null;
    homePostcode?: string | null;
    needs?: string[];
    assessedTier?: string | null;
  };
  const past18 = [...(listings ?? [])].map(canContinue);
  return {
    district: profile.district ?? null,
    homePostcode: profile.homePostcode ?? null,
    needs: profile.needs ?? [],
    tier: profile.assessedTier ?? null,
    dateOfBirth: String(doc.dateOfBirth),
    sharedAt: ((doc.consents ?? []) as { grantedAt: Date }[]).map((consent) => consent.grantedAt),
    servicesPast18: !past18.length ? 'NONE' : past18.includes(false) ? 'SOME_CANNOT' : 'ALL',
  };
}

const FUND_PROJECTION = { kind: 1, year: 1, child: 1 };

function fundFacts(doc: Doc, districts: Map<string, string | null>): FundFacts {
  return {
    id: String(doc._id),
    kind: String(doc.kind),
    year: Number(doc.year),
    district: doc.child ? (districts.get(String(doc.child)) ?? null) : null,
  };
}

async function childDistricts(ids: string[]) {
  const docs = await findEach(ChildModel, '_id', [...new Set(ids)], { 'profile.district': 1 });
  return new Map(
    docs.map((doc) => [
      String(doc._id),
      ((doc.profile as { district?: string } | undefined)?.district ?? null) as string | null,
    ]),
  );
}

const JOURNAL_PROJECTION = { reason: 1, state: 1, postings: 1, labels: 1, funds: 1 };

function journalFacts(doc: Doc, funds: Map<string, FundFacts>) {
  return {
    reason: String(doc.reason),
    state: String(doc.state),
    postings: (doc.postings ?? []) as { account: string; amountPence: number }[],
    labels: (doc.labels ?? {}) as Record<string, string>,
    funds: ((doc.funds ?? []) as string[]).flatMap((id) => funds.get(id) ?? []),
  };
}

function byId<T>(docs: Doc[], make: (doc: Doc) => T): Map<string, T> {
  return new Map(docs.map((doc) => [String(doc._id), make(doc)]));
}

/** Contributions of `ids`, empty for those no longer found. */
function forIds<T>(ids: string[], found: Map<string, T>, make: (facts: T) => Contribution) {
  return new Map(
    ids.map((id) => {
      const facts = found.get(id);
      return [id, facts === undefined ? new Map() : make(facts)];
    }),
  );
}

// ---------------------------------------------------------------- the sources

/** The sources' collections, read with untyped filters and lean documents. */
type AnyModel = Model<Record<string, unknown>>;
const asModel = (model: unknown) => model as AnyModel;

export const SOURCES: Record<SourceName, Source> = {
  listing: {
    name: 'listing',
    async contributions(ids) {
      const docs = await findEach(ListingModel, '_id', ids, LISTING_PROJECTION);
      return forIds(
        ids,
        byId(docs, (doc) => doc),
        (doc) => listingContribution({ listedAt: doc.createdAt as Date, ...listingFacts(doc) }),
      );
    },
    async dependants(ids) {
      const sessions = await findEach(ScheduledSessionModel, 'listingId', ids, { _id: 1 });
      return { source: 'session', ids: sessions.map((doc) => String(doc._id)) };
    },
    everything: { model: asModel(ListingModel), projection: LISTING_PROJECTION },
    async *scanAll(docs, lookups) {
      for await (const doc of docs) {
        const facts = listingFacts(doc);
        lookups.listings.set(String(doc._id), facts);
        yield [String(doc._id), listingContribution({ listedAt: doc.createdAt as Date, ...facts })];
      }
    },
  },

  session: {
    name: 'session',
    async contributions(ids) {
      const docs = await findEach(ScheduledSessionModel, '_id', ids, SESSION_PROJECTION);
      const listings = await listingsById(docs.map((doc) => String(doc.listingId)));
      return forIds(
        ids,
        byId(docs, (doc) => doc),
        (doc) => sessionContribution(sessionFacts(doc, listings.get(String(doc.listingId)))),
      );
    },
    async dependants(ids) {
      const bookings = await findEach(BookingModel, 'session', ids, { _id: 1 });
      return { source: 'booking', ids: bookings.map((doc) => String(doc._id)) };
    },
    everything: { model: asModel(ScheduledSessionModel), projection: SESSION_PROJECTION },
    async *scanAll(docs, lookups) {
      for await (const doc of docs) {
        lookups.sessionMinutes.set(String(doc._id), minutesOf(doc));
        yield [
          String(doc._id),
          sessionContribution(sessionFacts(doc, lookups.listings.get(String(doc.listingId)))),
        ];
      }
    },
  },

  booking: {
    name: 'booking',
    async contributions(ids) {
      const docs = await findEach(BookingModel, '_id', ids, BOOKING_PROJECTION);
      const sessions = await findEach(
        ScheduledSessionModel,
        '_id',
        docs.map((doc) => doc.session),
        { startsAt: 1, endsAt: 1 },
      );
      const minutes = byId(sessions, minutesOf);
      return forIds(
        ids,
        byId(docs, (doc) => doc),
        (doc) => bookingContribution(bookingFacts(doc, minutes.get(String(doc.session)) ?? 0)),
      );
    },
    async dependants(ids) {
      const docs = await findEach(BookingModel, '_id', ids, { child: 1 });
      return { source: 'child', ids: [...new Set(docs.map((doc) => String(doc.child)))] };
    },
    everything: { model: asModel(BookingModel), projection: BOOKING_PROJECTION },
    async *scanAll(docs, lookups) {
      for await (const doc of docs) {
        if (USING_STATES.includes(String(doc.state))) {
          const child = String(doc.child);
          const listings = lookups.childListings.get(child) ?? new Set<string>();
          listings.add(String(doc.listingId));
          lookups.childListings.set(child, listings);
        }
        yield [
          String(doc._id),
          bookingContribution(
            bookingFacts(doc, lookups.sessionMinutes.get(String(doc.session)) ?? 0),
          ),
        ];
      }
    },
  },

  child: {
    name: 'child',
    async contributions(ids) {
      const docs = await findEach(ChildModel, '_id', ids, CHILD_PROJECTION);
      const bookings = (
        await findEach(BookingModel, 'child', ids, { child: 1, listingId: 1, state: 1 })
      ).filter((booking) => USING_STATES.includes(String(booking.state)));
      const listingsOf = new Map<string, Set<string>>();
      for (const booking of bookings) {
        const set = listingsOf.get(String(booking.child)) ?? new Set<string>();
        set.add(String(booking.listingId));
        listingsOf.set(String(booking.child), set);
      }
      const listings = await listingsById(bookings.map((booking) => String(booking.listingId)));
      return forIds(
        ids,
        byId(docs, (doc) => doc),
        (doc) =>
          childContribution(
            childFacts(
              doc,
              listingsOf.get(String(doc._id)),
              (id) => listings.get(id)?.canContinuePast18,
            ),
          ),
      );
    },
    async dependants(ids) {
      const funds = await findEach(FundModel, 'child', ids, { _id: 1 });
      return { source: 'fund', ids: funds.map((doc) => String(doc._id)) };
    },
    everything: { model: asModel(ChildModel), projection: CHILD_PROJECTION },
    async *scanAll(docs, lookups) {
      for await (const doc of docs) {
        const profile = doc.profile as { district?: string | null } | undefined;
        lookups.childDistricts.set(String(doc._id), profile?.district ?? null);
        yield [
          String(doc._id),
          childContribution(
            childFacts(
              doc,
              lookups.childListings.get(String(doc._id)),
              (id) => lookups.listings.get(id)?.canContinuePast18,
            ),
          ),
        ];
      }
    },
  },

  fund: {
    name: 'fund',
    async contributions(ids) {
      const docs = await findEach(FundModel, '_id', ids, FUND_PROJECTION);
      const districts = await childDistricts(
        docs.flatMap((doc) => (doc.child ? [String(doc.child)] : [])),
      );
      return forIds(
        ids,
        byId(docs, (doc) => fundFacts(doc, districts)),
        fundContribution,
      );
    },
    async dependants(ids) {
      const journals = (await findEach(JournalModel, 'funds', ids, { reason: 1 })).filter(
        (journal) => ALLOCATING_REASONS.includes(String(journal.reason)),
      );
      return { source: 'journal', ids: journals.map((doc) => String(doc._id)) };
    },
    everything: { model: asModel(FundModel), projection: FUND_PROJECTION },
    async *scanAll(docs, lookups) {
      for await (const doc of docs) {
        const facts = fundFacts(doc, lookups.childDistricts);
        lookups.funds.set(facts.id, facts);
        yield [facts.id, fundContribution(facts)];
      }
    },
  },

  journal: {
    name: 'journal',
    async contributions(ids) {
      const docs = await findEach(JournalModel, '_id', ids, JOURNAL_PROJECTION);
      const fundDocs = await findEach(
        FundModel,
        '_id',
        docs.flatMap((doc) => (doc.funds ?? []) as string[]),
        FUND_PROJECTION,
      );
      const districts = await childDistricts(
        fundDocs.flatMap((doc) => (doc.child ? [String(doc.child)] : [])),
      );
      const funds = byId(fundDocs, (doc) => fundFacts(doc, districts));
      return forIds(
        ids,
        byId(docs, (doc) => journalFacts(doc, funds)),
        journalContribution,
      );
    },
    everything: {
      model: asModel(JournalModel),
      filter: { reason: { $in: ALLOCATING_REASONS } },
      projection: JOURNAL_PROJECTION,
    },
    async *scanAll(docs, lookups) {
      for await (const doc of docs) {
        yield [String(doc._id), journalContribution(journalFacts(doc, lookups.funds))];
      }
    },
  },

  decision: {
    name: 'decision',
    async contributions(ids) {
      const docs = await findEach(EligibilityDecisionModel, '_id', ids, {
        decidedAt: 1,
        bestTier: 1,
      });
      return forIds(ids, byId(docs, decisionFacts), decisionContribution);
    },
    everything: {
      model: asModel(EligibilityDecisionModel),
      projection: { decidedAt: 1, bestTier: 1 },
    },
    async *scanAll(docs) {
      for await (const doc of docs) {
        yield [String(doc._id), decisionContribution(decisionFacts(doc))];
      }
    },
  },

  search: {
    name: 'search',
    async contributions(ids) {
      const docs = await findEach(SearchGapModel, '_id', ids, {});
      return forIds(ids, byId(docs, searchFacts), searchContribution);
    },
    everything: { model: asModel(SearchGapModel), projection: {} },
    async *scanAll(docs) {
      for await (const doc of docs) {
        yield [String(doc._id), searchContribution(searchFacts(doc))];
      }
    },
  },
};

function sessionFacts(doc: Doc, listing: ListingFacts | undefined) {
  return {
    status: String(doc.status),
    date: String(doc.date),
    startsAt: doc.startsAt as Date,
    endsAt: doc.endsAt as Date,
    pattern: String(doc.pattern),
    places: Number(doc.places),
    staff: Number(doc.staff),
    minAge: Number(doc.minAge),
    maxAge: Number(doc.maxAge),
    listing: listing ?? null,
  };
}

function decisionFacts(doc: Doc) {
  return { decidedAt: doc.decidedAt as Date, bestTier: (doc.bestTier as string) ?? null };
}

function searchFacts(doc: Doc) {
  return {
    at: doc.at as Date,
    district: (doc.district as string) ?? null,
    need: (doc.need as string) ?? null,
    ageBand: (doc.ageBand as string) ?? null,
    serviceType: (doc.serviceType as string) ?? null,
    results: Number(doc.results),
  };
}

export function newLookups(): Lookups {
  return {
    listings: new Map(),
    sessionMinutes: new Map(),
    childListings: new Map(),
    childDistricts: new Map(),
    funds: new Map(),
  };
}
