import type { GraphQLModule, RequestContext } from '../../graphql/module';
import { signedIn } from '../../graphql/module';
import type { InsightsFilter, PanelName } from './insights.panels';

type PanelArgs = { filter?: InsightsFilter | null };
type DrillArgs = { district: string; need: string; ageBand: string };

/** The queries that answer a panel from its filter alone (the drill-down takes a cell too). */
const PANEL_QUERIES: Record<string, PanelName> = {
  insightsSupply: 'supply',
  insightsDemand: 'demand',
  insightsGaps: 'gaps',
  insightsTransition: 'transition',
  insightsQuality: 'quality',
  insightsSpend: 'spend',
  insightsOutcomes: 'outcomes',
};

export const insightsGraphQL: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    """
    A number of children (or of searches, waiting places, offers) as it may be published:
    fewer than 5 is never shown, and other numbers are rounded to the nearest 5, so no
    count can be worked out by subtracting one cell from another.
    """
    type InsightCount {
      "null when fewer than 5."
      value: Int
      "As the page shows it: 'fewer than 5', '0', '15'."
      shown: String!
    }

    "Which part of the market a panel looks at; every field is optional."
    input InsightsFilter {
      "A month, YYYY-MM (Europe/London): the supply and use panels count it. Default: this month."
      month: String
      district: String
      need: String
      "0-4, 5-10, 11-15, 16-17 or 18-25."
      ageBand: String
      "WEEKDAY_AFTER_SCHOOL, WEEKEND, SCHOOL_HOLIDAY, OVERNIGHT or SCHOOL_HOURS."
      timeBand: String
      serviceType: String
    }

    type SupplyRow {
      district: String!
      need: String!
      ageBand: String!
      timeBand: String!
      serviceType: String!
      placesPerWeek: Float!
      staffPerWeek: Float!
      sessionsPerWeek: Float!
    }

    "Services listed in the directory, registered with Ofsted or CQC or not."
    type ListedServicesRow {
      district: String!
      need: String!
      ageBand: String!
      serviceType: String!
      registered: Boolean!
      services: Int!
    }

    "Children with a suitable service (their age, one of their needs) within a distance of home."
    type CoverageRow {
      withinKm: Int!
      children: InsightCount!
      covered: InsightCount!
      "Whole percent; null when the children are fewer than 5."
      percent: Int
    }

    type SupplyPanel {
      month: String!
      "Weeks in the month, which 'per week' divides by."
      weeks: Float!
      places: [SupplyRow!]!
      listed: [ListedServicesRow!]!
      coverage: [CoverageRow!]!
    }

    type DemandRow {
      district: String!
      need: String!
      ageBand: String!
      tier: String!
      children: InsightCount!
    }

    type EligibilityOutcomeRow {
      month: String!
      "The best tier the check found, or NONE."
      tier: String!
      checks: InsightCount!
    }

    type SearchGapRow {
      month: String!
      "'*' where the search did not say."
      district: String!
      need: String!
      ageBand: String!
      serviceType: String!
      "NONE (nothing found) or FEW (one or two)."
      results: String!
      searches: InsightCount!
    }

    type WaitlistRow {
      district: String!
      serviceType: String!
      waiting: InsightCount!
      "Average days on the list so far; null when the waiting are fewer than 5."
      averageWaitDays: Int
    }

    type OfferOutcomeRow {
      month: String!
      district: String!
      serviceType: String!
      declined: InsightCount!
      expired: InsightCount!
    }

    type UnspentBudgetRow {
      district: String!
      budgets: InsightCount!
      "null when the budgets are fewer than 5 (it would tell one family's budget)."
      allocated: Money
      unspent: Money
    }

    type DemandPanel {
      children: [DemandRow!]!
      eligibility: [EligibilityOutcomeRow!]!
      searches: [SearchGapRow!]!
      waitlists: [WaitlistRow!]!
      offers: [OfferOutcomeRow!]!
      unspentBudgets: [UnspentBudgetRow!]!
    }

    type GapCell {
      "1 is the biggest gap."
      rank: Int!
      district: String!
      need: String!
      ageBand: String!
      children: InsightCount!
      placesPerWeek: Float!
      "Children for each place a week; null when there are children and no places at all."
      gapIndex: Float
    }

    type DistrictGap {
      district: String!
      lat: Float!
      lng: Float!
      children: InsightCount!
      placesPerWeek: Float!
      "null when there are children and no places, or when the children are fewer than 5 (not shown)."
      gapIndex: Float
    }

    type GapPanel {
      month: String!
      "The gap index in plain words."
      formula: String!
      "Biggest gap first; cells of fewer than 5 children are left out."
      cells: [GapCell!]!
      districts: [DistrictGap!]!
    }

    type TierCount {
      tier: String!
      children: InsightCount!
    }

    type TimeBandPlaces {
      timeBand: String!
      placesPerWeek: Float!
    }

    "A service in the directory, with what commissioners need to judge it (no child in it)."
    type InsightService {
      listingId: ID!
      providerName: String!
      serviceName: String!
      town: String!
      district: String!
      serviceType: String!
      minAge: Int!
      maxAge: Int!
      registered: Boolean!
      "YES, NO or NOT_APPLICABLE (it stops before 18)."
      continuesPast18: String!
      hiddenFromFamilies: Boolean!
    }

    type GapDrillDown {
      month: String!
      district: String!
      need: String!
      ageBand: String!
      gapIndex: Float
      children: InsightCount!
      childrenByTier: [TierCount!]!
      placesByTime: [TimeBandPlaces!]!
      waiting: InsightCount!
      searchesWithFewResults: InsightCount!
      services: [InsightService!]!
    }

    type TransitionDistrictRow {
      district: String!
      "Services for some of ages 16 to 25."
      services: Int!
      "Of those, ones a young person can stay with past 18: running past 18 and, where they give personal care, CQC-registered."
      continuingPast18: Int!
      youngPeople: InsightCount!
      "Places a week open to 18 to 25 year olds: the places young people can keep after 18."
      placesPerWeek: Float!
      "Young people aged 16 to 25 for each of those places; null as on DistrictGap."
      gapIndex: Float
    }

    type TurningEighteenRow {
      district: String!
      "Turning 18 in the next 12 months."
      youngPeople: InsightCount!
      "Of those, booked with a service that cannot go on past 18."
      servicesCannotContinue: InsightCount!
      "Of those, with no service booked through Harbour."
      noServiceBooked: InsightCount!
    }

    type TransitionPanel {
      month: String!
      districts: [TransitionDistrictRow!]!
      turningEighteen: [TurningEighteenRow!]!
      services: [InsightService!]!
    }

    "Services by their latest rating from one regulator: Ofsted and CQC are never merged."
    type RatingRow {
      regulator: Regulator!
      rating: String!
      services: Int!
    }

    type FlaggedService {
      service: InsightService!
      regulator: String
      "The compliance flags' words."
      flags: [String!]!
    }

    type QualityPanel {
      ratings: [RatingRow!]!
      "Last inspected more than four years ago, or never."
      staleInspections: [FlaggedService!]!
      "Rated Inadequate or registration lapsed, and still in the directory."
      stillListed: [FlaggedService!]!
    }

    "A fund kind's money for one type of service; personal and health budgets' money is null where fewer than 5 budgets make it up."
    type InsightSpendRow {
      fundKind: String!
      serviceType: String!
      allocated: Money
      held: Money
      spent: Money
    }

    type CostPerHourRow {
      serviceType: String!
      bookedHours: Float!
      costPerHour: Money
    }

    type UtilisationRow {
      serviceType: String!
      places: Int!
      booked: InsightCount!
      attended: InsightCount!
      absent: InsightCount!
      "attended ÷ (attended + absent), whole percent."
      attendedPercent: Int
      "booked ÷ places, whole percent."
      bookedPercent: Int
    }

    type BudgetForecast {
      "The budget year's first calendar year."
      year: Int!
      "Everything allocated this budget year: personal, health and pooled budgets (but see leavesOut)."
      envelope: Money!
      spent: Money!
      committed: Money!
      "Spent and committed, carried on at this year's rate to 31 March."
      forecast: Money!
      "envelope − forecast: negative is an overspend."
      headroom: Money!
      """
      Fund kinds left out of these totals because fewer than 5 budgets make them up (their
      money is hidden, and a total holding it would give it away).
      """
      leavesOut: [String!]!
    }

    type SpendPanel {
      month: String!
      year: Int!
      byFund: [InsightSpendRow!]!
      costPerHour: [CostPerHourRow!]!
      utilisation: [UtilisationRow!]!
      forecast: BudgetForecast!
    }

    type LocalUseRow {
      month: String!
      district: String!
      "Sessions attended at inclusive community activities and clubs."
      attendances: InsightCount!
    }

    type OutcomeMonth {
      month: String!
      localCommunityAttendances: InsightCount!
      "Services first listed that month (and still listed)."
      newServices: Int!
      "Profiles shared with a provider, so the family did not tell their story again."
      profilesShared: InsightCount!
      "Sessions booked that month."
      bookings: InsightCount!
      costPerHour: Money
    }

    type OutcomesPanel {
      "The last 12 months, oldest first."
      months: [OutcomeMonth!]!
      localUse: [LocalUseRow!]!
    }

    extend type Query {
      "Places and staff per week, services listed and travel coverage. Commissioners; audited."
      insightsSupply(filter: InsightsFilter): SupplyPanel!
      "Children, checks, searches, waiting lists, offers and unspent budgets. Aggregates only; audited."
      insightsDemand(filter: InsightsFilter): DemandPanel!
      "Demand against supply by district, need and age band, biggest gap first. Audited."
      insightsGaps(filter: InsightsFilter): GapPanel!
      "One gap cell: the services and the anonymised counts behind it. Audited."
      insightsGap(
        district: String!
        need: String!
        ageBand: String!
        filter: InsightsFilter
      ): GapDrillDown!
      "Services for 16 to 25, who can go on past 18, and who turns 18 this year. Audited."
      insightsTransition(filter: InsightsFilter): TransitionPanel!
      "Ratings by regulator, stale inspections and flagged services still listed. Audited."
      insightsQuality(filter: InsightsFilter): QualityPanel!
      "Spend and commitments, cost per hour, utilisation and the year-end forecast. Audited."
      insightsSpend(filter: InsightsFilter): SpendPanel!
      "The commissioning plan's outcome measures, month by month. Audited."
      insightsOutcomes(filter: InsightsFilter): OutcomesPanel!
    }
  `,
  resolvers: {
    Query: {
      ...Object.fromEntries(
        Object.entries(PANEL_QUERIES).map(([query, panel]) => [
          query,
          (_parent: unknown, args: PanelArgs, context: RequestContext) =>
            context.services.insights.panel(signedIn(context), panel, args.filter),
        ]),
      ),
      insightsGap: (_parent, args: DrillArgs & PanelArgs, context) =>
        context.services.insights.panel(signedIn(context), 'gap', {
          ...args.filter,
          district: args.district,
          need: args.need,
          ageBand: args.ageBand,
        }),
    },
  },
};
