import type { Logger } from '../../platform/logger';
import { ListingChangeModel, ListingModel } from './directory.model';
import type { Listing } from './listing';

/**
 * Every listing, held in memory by each server process and searched there. FerretDB v1
 * cannot use an index for a range or geo query (it reads and decodes every document: about
 * 2 s for 40,000 listings on this machine kind), so searching in the database would be far
 * too slow; in memory it takes milliseconds. Each process loads the listings once, then
 * follows `listing_changes` (written with every listing change, by any process) to stay
 * current within `refreshMs`.
 */
export class SearchIndex {
  private readonly listings = new Map<string, Listing>();
  private lastChange: unknown = null;
  private loaded: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly log: Logger,
    private readonly refreshMs = 2000,
  ) {}

  /** Loads everything (once) and starts following changes. */
  start(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async load() {
    const started = Date.now();
    const latest = await ListingChangeModel.findOne().sort({ _id: -1 }).lean();
    this.lastChange = latest?._id ?? null;
    for await (const row of ListingModel.find({}, { document: 1 }).lean().cursor()) {
      const listing = row.document as Listing;
      this.listings.set(listing.id, listing);
    }
    this.log.info(
      { listings: this.listings.size, ms: Date.now() - started },
      'search index loaded',
    );
    this.timer = setInterval(
      () =>
        void this.refresh().catch((error: Error) =>
          this.log.warn({ err: error }, 'search index refresh failed'),
        ),
      this.refreshMs,
    );
    this.timer.unref();
  }

  /** Applies changes made since the last look (by this or any other process). */
  refresh(): Promise<void> {
    this.refreshing ??= this.applyChanges().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async applyChanges() {
    const changes = await ListingChangeModel.find(
      this.lastChange ? { _id: { $gt: this.lastChange } } : {},
    )
      .sort({ _id: 1 })
      .limit(5000)
      .lean();
    if (changes.length === 0) return;
    const changed = [...new Set(changes.map((change) => change.listing))];
    // One lookup by _id each: FerretDB answers those from its primary key, not a full scan.
    for (let i = 0; i < changed.length; i += 16) {
      await Promise.all(
        changed.slice(i, i + 16).map(async (id) => {
          const row = await ListingModel.findById(id, { document: 1 }).lean();
          if (row) this.listings.set(id, row.document as Listing);
          else this.listings.delete(id);
        }),
      );
    }
    this.lastChange = changes.at(-1)?._id ?? this.lastChange;
  }

  /** Puts a listing in straight away (the writer's own process need not wait for the poll). */
  put(listing: Listing): void {
    this.listings.set(listing.id, listing);
  }

  remove(id: string): void {
    this.listings.delete(id);
  }

  get(id: string): Listing | undefined {
    return this.listings.get(id);
  }

  all(): Iterable<Listing> {
    return this.listings.values();
  }

  get size(): number {
    return this.listings.size;
  }
}
