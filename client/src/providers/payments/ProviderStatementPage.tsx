import { formatMoney } from '@harbour/shared';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatCalendarMonth, formatDate, londonToday } from '../../govuk/dates';
import { SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ProviderConsole } from '../console/consoleApi';
import { WithConsole } from '../console/WithConsole';
import { fetchStatement, statementCsvPath, type ProviderStatement } from './statementApi';

/** The month the address asks for (YYYY-MM), or this month in London. */
function periodFrom(asked: string | null): string {
  return asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : londonToday().slice(0, 7);
}

/** The months either side of a YYYY-MM month. */
function monthsAround(period: string) {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const at = (offset: number) =>
    new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 7);
  return { previous: at(-1), next: at(1) };
}

const monthName = (period: string) => formatCalendarMonth(`${period}-01`);

/** What the provider was owed and paid in a month, line by line, and what it is owed now. */
export function ProviderStatementPage() {
  return (
    <WithConsole>
      {(details, pathTo) => <MonthStatement details={details} pathTo={pathTo} />}
    </WithConsole>
  );
}

function MonthStatement({
  details,
  pathTo,
}: {
  details: ProviderConsole;
  pathTo: (path?: string) => string;
}) {
  const [searchParams] = useSearchParams();
  const period = periodFrom(searchParams.get('period'));
  const organisationId = details.organisation.id;
  const title = `What you are owed: ${monthName(period)}`;
  const csvPath = statementCsvPath(organisationId, period);
  usePageTitle(title);

  const load = useCallback(() => fetchStatement(organisationId, period), [organisationId, period]);
  const { state } = useSignedInQuery(load);

  return (
    <>
      <span className="govuk-caption-l">{details.organisation.name}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <MonthChooser period={period} pathTo={pathTo} />
      {state.status === 'loading' && <p className="govuk-body">Loading the statement…</p>}
      {state.status === 'failed' && (
        <p className="govuk-body">
          Sorry, we cannot show your statement at the moment. Try again later.
        </p>
      )}
      {state.status === 'ready' && <Statement statement={state.data} csvPath={csvPath} />}
    </>
  );
}

/** Links to the month before and, up to this month, the month after. */
function MonthChooser({ period, pathTo }: { period: string; pathTo: (path?: string) => string }) {
  const months = monthsAround(period);
  const linkTo = (month: string) => {
    const url = new URL(pathTo('/statement'), window.location.origin);
    url.searchParams.set('period', month);
    return `${url.pathname}${url.search}`;
  };
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Months">
      <div className="govuk-pagination__prev">
        <Link className="govuk-link govuk-pagination__link" to={linkTo(months.previous)} rel="prev">
          <span className="govuk-pagination__link-title">Previous month</span>
          <span className="govuk-visually-hidden">:</span>
          <span className="govuk-pagination__link-label">{monthName(months.previous)}</span>
        </Link>
      </div>
      {period < periodFrom(null) && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={linkTo(months.next)} rel="next">
            <span className="govuk-pagination__link-title">Next month</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{monthName(months.next)}</span>
          </Link>
        </div>
      )}
    </nav>
  );
}

function Statement({ statement, csvPath }: { statement: ProviderStatement; csvPath: string }) {
  const month = monthName(statement.period);
  const { payout } = statement;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: 'Sessions and late cancellations', value: formatMoney(statement.captured) },
              { key: 'Refunded', value: formatMoney(statement.refunded) },
              { key: 'Paid out to you', value: formatMoney(statement.paidOut) },
              {
                key: `Payout for ${month}`,
                value: !payout
                  ? 'Not paid out yet'
                  : payout.state === 'PAID'
                    ? `${formatMoney(payout.amount)} paid on ${formatDate(new Date(payout.at))}`
                    : `${formatMoney(payout.amount)} being paid`,
              },
              { key: 'Owed to you now, for every month', value: formatMoney(statement.owedNow) },
            ]}
          />
          <p className="govuk-body">
            <a href={csvPath} className="govuk-link" download>
              Download as CSV<span className="govuk-visually-hidden">: statement for {month}</span>
            </a>{' '}
            (a spreadsheet of this month’s lines)
          </p>
        </div>
      </div>
      {statement.lines.length === 0 ? (
        <p className="govuk-body">Nothing was owed or paid in {month}.</p>
      ) : (
        <Table
          caption={`What you were owed and paid in ${month}`}
          captionSize="m"
          isScrollable
          columns={[
            { heading: 'Date' },
            { heading: 'What' },
            { heading: 'Booking' },
            { heading: 'Amount', isNumeric: true },
          ]}
          rows={statement.lines.map((line, index) => ({
            key: `${line.at}:${index}`,
            cells: [
              formatDate(new Date(line.at)),
              line.memo,
              line.bookingReference ?? '',
              formatMoney(line.amount),
            ],
          }))}
        />
      )}
    </>
  );
}
