import { DISTRICT_NAMES, londonToday, NEED_CODES, SERVICE_TYPES } from '@harbour/shared';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../platform/logger';
import type { SignedInActor } from '../access/actor';
import { forbidden } from '../access/authorize';
import type { AuditService } from '../access/audit.service';
import type { SearchIndex } from '../directory/search-index';
import { ANY, FEW_RESULTS, NOT_KNOWN } from './insights.cells';
import { SearchGapModel } from './insights.model';
import { PANELS, periodsFor, type InsightsFilter, type PanelName } from './insights.panels';
import { AGE_BANDS, ageBandOf, TIME_BANDS } from './insights.rules';
import { CellsCopy, InsightSummaries } from './insights.summaries';

const VIEWERS = new Set(['COMMISSIONER', 'ADMIN']);
const CATCH_UP_EVERY_MS = 10_000;

/** Why a filter cannot be used, in words a commissioner can act on; null when it can. */
export function filterProblem(filter: InsightsFilter): string | null {
  const { month, district, need, ageBand, timeBand, serviceType } = filter;
  if (month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    return `Enter the month as YYYY-MM, for example 2026-12, not "${month}"`;
  if (district && ![...DISTRICT_NAMES, NOT_KNOWN].includes(district))
    return `"${district}" is not a district Harbour knows: choose one of ${DISTRICT_NAMES.join(', ')}`;
  if (need && ![...NEED_CODES, NOT_KNOWN, ANY].includes(need as never))
    return `"${need}" is not a need Harbour records`;
  if (ageBand && ![...AGE_BANDS.map(({ band }) => band), ANY].includes(ageBand as never))
    return `Choose an age band of 0-4, 5-10, 11-15, 16-17 or 18-25, not "${ageBand}"`;
  if (timeBand && ![...TIME_BANDS, 'SCHOOL_HOURS'].includes(timeBand as never))
    return `"${timeBand}" is not a time of the week: choose ${[...TIME_BANDS, 'SCHOOL_HOURS'].join(', ')}`;
  if (serviceType && ![...SERVICE_TYPES.codes, NOT_KNOWN].includes(serviceType as never))
    return `"${serviceType}" is not a type of service`;
  return null;
}

/**
 * Commissioners' insights: supply beside demand, the transition gap, quality, spend and the
 * plan's outcome measures. Aggregates only, every view audited. Figures come from summary
 * cells kept up to date as records change (insights.summaries.ts) and from the directory's
 * in-memory listings.
 */
export class InsightsService {
  readonly summaries: InsightSummaries;
  private readonly copy: CellsCopy;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: { audit: AuditService; searchIndex: SearchIndex; log: Logger },
  ) {
    this.summaries = new InsightSummaries(deps.log);
    this.copy = new CellsCopy(this.summaries);
  }

  /** Keeps the summaries up to date in the background (any one process at a time does it). */
  start(): void {
    this.timer ??= setInterval(() => void this.catchUp(), CATCH_UP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async catchUp(): Promise<void> {
    try {
      await this.summaries.catchUp();
    } catch (error) {
      this.deps.log.warn({ err: error }, 'insights summaries could not catch up');
    }
  }

  async panel(actor: SignedInActor, name: PanelName, given: InsightsFilter | null | undefined) {
    if (!VIEWERS.has(actor.role)) throw forbidden();
    const filter = Object.fromEntries(
      Object.entries(given ?? {}).filter(([, value]) => value !== null && value !== ''),
    ) as InsightsFilter;
    const problem = filterProblem(filter);
    if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT' } });
    const today = londonToday();
    await this.catchUp();
    await this.deps.searchIndex.start();
    const [cells] = await Promise.all([
      this.copy.read(periodsFor(name, filter, today)),
      this.deps.audit.recordAggregateView(actor, `insights ${name} ${JSON.stringify(filter)}`),
    ]);
    return PANELS[name]({ cells, listings: [...this.deps.searchIndex.all()], today, filter });
  }

  /**
   * Counts a family search that found nothing or few services, by its filters only.
   * Never fails the search: a lost count is logged.
   */
  async recordSearch(search: {
    district?: string | null;
    need?: string | null;
    age?: number | null;
    serviceType?: string | null;
    results: number;
  }): Promise<void> {
    if (search.results >= FEW_RESULTS) return;
    const day = londonToday();
    try {
      await SearchGapModel.create({
        at: new Date(`${day}T00:00:00Z`),
        district: search.district ?? undefined,
        need: search.need ?? undefined,
        ageBand:
          search.age === null || search.age === undefined ? undefined : ageBandOf(search.age),
        serviceType: search.serviceType ?? undefined,
        results: search.results,
      });
    } catch (error) {
      this.deps.log.warn({ err: error }, 'could not count a search with few results');
    }
  }
}
