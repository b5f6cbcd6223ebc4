import { formatMoney, FUND_KINDS, SERVICE_TYPES } from '@harbour/shared';
import { Link, useLocation } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { LoadingPage } from '../../govuk/LoadingPage';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  allocateOnePath,
  allocatePath,
  fetchFundsAndSpending,
  newPooledFundPath,
  poolTierLabel,
  spendCsvPath,
  type FundsNotice,
  type PooledFund,
  type SpendRow,
} from './budgetsApi';

const title = 'Funds and spending';

/** The pooled funds and where they stand, and this year's spending by fund, district and service. */
export function FundsPage() {
  const { state } = useSignedInQuery(fetchFundsAndSpending);
  // What the page that sent the person here made, such as a new pooled fund.
  const notice = useLocation().state as FundsNotice | null;
  usePageTitle(title);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  const { pooledFunds, budgetSpend } = state.data;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice?.saved && <SuccessBanner>{notice.saved}</SuccessBanner>}
          <span className="govuk-caption-l">Commissioning</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <ul className="govuk-list">
            <li>
              <Link to={allocateOnePath} className="govuk-link">
                Allocate a budget to one child
              </Link>
            </li>
            <li>
              <Link to={allocatePath} className="govuk-link">
                Allocate budgets from a file
              </Link>
            </li>
          </ul>
          <h2 className="govuk-heading-m">Pooled funds</h2>
          <p className="govuk-body">
            <Link to={newPooledFundPath} className="govuk-link">
              Create a pooled fund
            </Link>
          </p>
          {pooledFunds.length === 0 && <p className="govuk-body">There are no pooled funds.</p>}
          {pooledFunds.map((fund) => (
            <PooledFundCard key={fund.id} fund={fund} />
          ))}
          <h2 className="govuk-heading-m">Spending this budget year</h2>
          <p className="govuk-body">
            Money allocated to budgets, held for booked sessions and spent on sessions that took
            place, by the child’s district and the type of service.
          </p>
          <p className="govuk-body">
            <a href={spendCsvPath} className="govuk-link" download>
              Download as CSV
              <span className="govuk-visually-hidden">: spending this budget year</span>
            </a>
          </p>
        </div>
      </div>
      {budgetSpend.length === 0 ? (
        <p className="govuk-body">Nothing has been allocated or spent this budget year.</p>
      ) : (
        <SpendTable rows={budgetSpend} />
      )}
    </>
  );
}

function PooledFundCard({ fund }: { fund: PooledFund }) {
  const { position } = fund;
  return (
    <SummaryCard title={fund.name}>
      <SummaryList
        rows={[
          { key: 'Budget year', value: fund.budgetYear },
          {
            key: 'Who it is for',
            value: fund.tiers.length
              ? `Children at these tiers: ${fund.tiers.map(poolTierLabel).join(', ')}`
              : 'Any child',
          },
          {
            key: 'Most for one child',
            value: fund.perChildCap ? formatMoney(fund.perChildCap) : 'No limit',
          },
          { key: 'Allocated', value: formatMoney(position.allocated) },
          { key: 'Held for bookings', value: formatMoney(position.held) },
          { key: 'Spent', value: formatMoney(position.spent) },
          { key: 'Available', value: formatMoney(position.available) },
        ]}
      />
    </SummaryCard>
  );
}

function SpendTable({ rows }: { rows: SpendRow[] }) {
  return (
    <Table
      caption="Spending by fund, district and service type"
      isCaptionHidden
      isScrollable
      columns={[
        { heading: 'Fund' },
        { heading: 'District' },
        { heading: 'Service type' },
        { heading: 'Allocated', isNumeric: true },
        { heading: 'Held', isNumeric: true },
        { heading: 'Spent', isNumeric: true },
      ]}
      rows={rows.map((row) => ({
        key: `${row.fundKind}|${row.district}|${row.serviceType}`,
        cells: [
          FUND_KINDS.label(row.fundKind),
          row.district,
          SERVICE_TYPES.label(row.serviceType),
          formatMoney(row.allocated),
          formatMoney(row.held),
          formatMoney(row.spent),
        ],
      }))}
    />
  );
}
