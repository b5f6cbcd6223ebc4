import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';

/** A count as it may be published: `shown` says "fewer than 5", and is what pages show. */
export type InsightCount = { value: number | null; shown: string };

export type SupplyPanel = {
  month: string;
  weeks: number;
  places: {
    district: string;
    need: string;
    ageBand: string;
    timeBand: string;
    serviceType: string;
    placesPerWeek: number;
    staffPerWeek: number;
    sessionsPerWeek: number;
  }[];
  listed: {
    district: string;
    need: string;
    ageBand: string;
    serviceType: string;
    registered: boolean;
    services: number;
  }[];
  coverage: {
    withinKm: number;
    children: InsightCount;
    covered: InsightCount;
    percent: number | null;
  }[];
};

export type DemandPanel = {
  children: {
    district: string;
    need: string;
    ageBand: string;
    tier: string;
    children: InsightCount;
  }[];
  eligibility: { month: string; tier: string; checks: InsightCount }[];
  searches: {
    month: string;
    district: string;
    need: string;
    ageBand: string;
    serviceType: string;
    results: 'NONE' | 'FEW';
    searches: InsightCount;
  }[];
  waitlists: {
    district: string;
    serviceType: string;
    waiting: InsightCount;
    averageWaitDays: number | null;
  }[];
  offers: {
    month: string;
    district: string;
    serviceType: string;
    declined: InsightCount;
    expired: InsightCount;
  }[];
  unspentBudgets: {
    district: string;
    budgets: InsightCount;
    allocated: Money | null;
    unspent: Money | null;
  }[];
};

export type GapCell = {
  rank: number;
  district: string;
  need: string;
  ageBand: string;
  children: InsightCount;
  placesPerWeek: number;
  /** Null when there are children and no places at all. */
  gapIndex: number | null;
};

export type DistrictGap = {
  district: string;
  lat: number;
  lng: number;
  children: InsightCount;
  placesPerWeek: number;
  gapIndex: number | null;
};

export type GapPanel = {
  month: string;
  formula: string;
  cells: GapCell[];
  districts: DistrictGap[];
};

/** A service in the directory, as commissioners judge it. */
export type InsightService = {
  listingId: string;
  providerName: string;
  serviceName: string;
  town: string;
  district: string;
  serviceType: string;
  minAge: number;
  maxAge: number;
  registered: boolean;
  continuesPast18: 'YES' | 'NO' | 'NOT_APPLICABLE';
  hiddenFromFamilies: boolean;
};

export type GapDrillDown = {
  month: string;
  district: string;
  need: string;
  ageBand: string;
  gapIndex: number | null;
  children: InsightCount;
  childrenByTier: { tier: string; children: InsightCount }[];
  placesByTime: { timeBand: string; placesPerWeek: number }[];
  waiting: InsightCount;
  searchesWithFewResults: InsightCount;
  services: InsightService[];
};

export type TransitionPanel = {
  month: string;
  districts: {
    district: string;
    services: number;
    continuingPast18: number;
    youngPeople: InsightCount;
    placesPerWeek: number;
    gapIndex: number | null;
  }[];
  turningEighteen: {
    district: string;
    youngPeople: InsightCount;
    servicesCannotContinue: InsightCount;
    noServiceBooked: InsightCount;
  }[];
  services: InsightService[];
};

export type FlaggedService = {
  service: InsightService;
  regulator: string | null;
  flags: string[];
};

export type QualityPanel = {
  ratings: { regulator: string; rating: string; services: number }[];
  staleInspections: FlaggedService[];
  stillListed: FlaggedService[];
};

export type SpendPanel = {
  month: string;
  year: number;
  byFund: {
    fundKind: string;
    serviceType: string;
    allocated: Money | null;
    held: Money | null;
    spent: Money | null;
  }[];
  costPerHour: { serviceType: string; bookedHours: number; costPerHour: Money | null }[];
  utilisation: {
    serviceType: string;
    places: number;
    booked: InsightCount;
    attended: InsightCount;
    absent: InsightCount;
    attendedPercent: number | null;
    bookedPercent: number | null;
  }[];
  forecast: {
    year: number;
    envelope: Money;
    spent: Money;
    committed: Money;
    forecast: Money;
    headroom: Money;
    /** Fund kinds left out: fewer than 5 budgets make them up. */
    leavesOut: string[];
  };
};

export type OutcomeMonth = {
  month: string;
  localCommunityAttendances: InsightCount;
  newServices: number;
  profilesShared: InsightCount;
  bookings: InsightCount;
  costPerHour: Money | null;
};

export type OutcomesPanel = {
  months: OutcomeMonth[];
  localUse: { month: string; district: string; attendances: InsightCount }[];
};

const count = 'value shown';
const money = 'amountPence currency';

const serviceFields = /* GraphQL */ `
  listingId providerName serviceName town district serviceType minAge maxAge registered
  continuesPast18 hiddenFromFamilies
`;

const flaggedFields = /* GraphQL */ `
  service { ${serviceFields} }
  regulator
  flags
`;

/** Each panel's query field and what it selects, as the pages show it. */
const panelSelections = {
  insightsSupply: /* GraphQL */ `
    month weeks
    places { district need ageBand timeBand serviceType placesPerWeek staffPerWeek sessionsPerWeek }
    listed { district need ageBand serviceType registered services }
    coverage { withinKm children { ${count} } covered { ${count} } percent }
  `,
  insightsDemand: /* GraphQL */ `
    children { district need ageBand tier children { ${count} } }
    eligibility { month tier checks { ${count} } }
    searches { month district need ageBand serviceType results searches { ${count} } }
    waitlists { district serviceType waiting { ${count} } averageWaitDays }
    offers { month district serviceType declined { ${count} } expired { ${count} } }
    unspentBudgets { district budgets { ${count} } allocated { ${money} } unspent { ${money} } }
  `,
  insightsGaps: /* GraphQL */ `
    month formula
    cells { rank district need ageBand children { ${count} } placesPerWeek gapIndex }
    districts { district lat lng children { ${count} } placesPerWeek gapIndex }
  `,
  insightsTransition: /* GraphQL */ `
    month
    districts {
      district services continuingPast18 youngPeople { ${count} } placesPerWeek gapIndex
    }
    turningEighteen {
      district
      youngPeople { ${count} }
      servicesCannotContinue { ${count} }
      noServiceBooked { ${count} }
    }
    services { ${serviceFields} }
  `,
  insightsQuality: /* GraphQL */ `
    ratings { regulator rating services }
    staleInspections { ${flaggedFields} }
    stillListed { ${flaggedFields} }
  `,
  insightsSpend: /* GraphQL */ `
    month year
    byFund { fundKind serviceType allocated { ${money} } held { ${money} } spent { ${money} } }
    costPerHour { serviceType bookedHours costPerHour { ${money} } }
    utilisation { serviceType places booked { ${count} } attended { ${count} } absent { ${count} } attendedPercent bookedPercent }
    forecast {
      year
      envelope { ${money} }
      spent { ${money} }
      committed { ${money} }
      forecast { ${money} }
      headroom { ${money} }
      leavesOut
    }
  `,
  insightsOutcomes: /* GraphQL */ `
    months {
      month
      localCommunityAttendances { ${count} }
      newServices
      profilesShared { ${count} }
      bookings { ${count} }
      costPerHour { ${money} }
    }
    localUse { month district attendances { ${count} } }
  `,
};

type PanelField = keyof typeof panelSelections;

/** One panel for a month (YYYY-MM). */
async function fetchPanel<Panel>(field: PanelField, month: string): Promise<Panel> {
  const answer = await graphqlRequest<Record<string, Panel>>(
    /* GraphQL */ `
      query ${field}($filter: InsightsFilter) {
        ${field}(filter: $filter) { ${panelSelections[field]} }
      }
    `,
    { filter: { month } },
  );
  return answer[field] as Panel;
}

export const fetchSupply = (month: string) => fetchPanel<SupplyPanel>('insightsSupply', month);
export const fetchDemand = (month: string) => fetchPanel<DemandPanel>('insightsDemand', month);
export const fetchGaps = (month: string) => fetchPanel<GapPanel>('insightsGaps', month);
export const fetchTransition = (month: string) =>
  fetchPanel<TransitionPanel>('insightsTransition', month);
export const fetchQuality = (month: string) => fetchPanel<QualityPanel>('insightsQuality', month);
export const fetchSpend = (month: string) => fetchPanel<SpendPanel>('insightsSpend', month);
export const fetchOutcomes = (month: string) =>
  fetchPanel<OutcomesPanel>('insightsOutcomes', month);

export type GapCellKey = { district: string; need: string; ageBand: string };

/** The services and anonymised counts behind one gap cell. */
export async function fetchGap(cell: GapCellKey, month: string): Promise<GapDrillDown> {
  const { insightsGap } = await graphqlRequest<{ insightsGap: GapDrillDown }>(
    /* GraphQL */ `
      query InsightsGap(
        $district: String!
        $need: String!
        $ageBand: String!
        $filter: InsightsFilter
      ) {
        insightsGap(district: $district, need: $need, ageBand: $ageBand, filter: $filter) {
          month district need ageBand gapIndex
          children { ${count} }
          childrenByTier { tier children { ${count} } }
          placesByTime { timeBand placesPerWeek }
          waiting { ${count} }
          searchesWithFewResults { ${count} }
          services { ${serviceFields} }
        }
      }
    `,
    { ...cell, filter: { month } },
  );
  return insightsGap;
}

/** Every panel, for the joint commissioning group's report: one request each, as the pages. */
export async function fetchReport(month: string) {
  const [gaps, supply, demand, transition, quality, spend, outcomes] = await Promise.all([
    fetchGaps(month),
    fetchSupply(month),
    fetchDemand(month),
    fetchTransition(month),
    fetchQuality(month),
    fetchSpend(month),
    fetchOutcomes(month),
  ]);
  return { gaps, supply, demand, transition, quality, spend, outcomes };
}
