import { formatMoney } from '@harbour/shared';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { formatDate } from '../../govuk/dates';
import { LoadingPage } from '../../govuk/LoadingPage';
import { SummaryList } from '../../govuk/SummaryList';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import { fetchStatement, statementCsvPath, type BudgetStatement } from './budgetsApi';

/** Every movement of one budget's money, oldest first, with a copy to download. */
export function StatementPage() {
  const { accountId = '' } = useParams();
  const load = useCallback(() => fetchStatement(accountId), [accountId]);
  const { state } = useSignedInQuery(load);

  if (state.status === 'loading') return <LoadingPage title="Budget statement" />;
  return (
    <>
      <Link to="/families/budgets" className="govuk-back-link">
        Back to budgets
      </Link>
      {state.status === 'ready' && state.data ? (
        <Statement account={state.data} />
      ) : (
        <NoStatement />
      )}
    </>
  );
}

function NoStatement() {
  const title = 'Sorry, we cannot show this budget';
  usePageTitle(title);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          It may not be one of your family’s budgets, or the service may not be working. Try again
          later.
        </p>
      </div>
    </div>
  );
}

function Statement({ account }: { account: BudgetStatement }) {
  const title = `${account.name}: statement`;
  usePageTitle(title);
  const { position } = account;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{account.budgetYear}</span>
          <h1 className="govuk-heading-l">{title}</h1>
          <SummaryList
            rows={[
              { key: 'Available to spend', value: formatMoney(position.available) },
              { key: 'Held for bookings', value: formatMoney(position.held) },
              { key: 'Spent', value: formatMoney(position.spent) },
            ]}
          />
          <p className="govuk-body">
            <a href={statementCsvPath(account.id)} className="govuk-link" download>
              Download as CSV<span className="govuk-visually-hidden">: {title}</span>
            </a>{' '}
            (a spreadsheet of every movement)
          </p>
        </div>
      </div>
      {account.statement.length === 0 ? (
        <p className="govuk-body">Nothing has happened to this budget yet.</p>
      ) : (
        <Table
          caption="Every movement of money, oldest first"
          captionSize="m"
          isScrollable
          columns={[
            { heading: 'Date' },
            { heading: 'What happened' },
            { heading: 'Booking' },
            { heading: 'Change to available', isNumeric: true },
            { heading: 'Change to held', isNumeric: true },
            { heading: 'Change to spent', isNumeric: true },
          ]}
          rows={account.statement.map((movement) => ({
            key: movement.id,
            cells: [
              formatDate(new Date(movement.at)),
              movement.memo,
              movement.bookingReference ?? '',
              formatMoney(movement.available),
              formatMoney(movement.held),
              formatMoney(movement.spent),
            ],
          }))}
        />
      )}
    </>
  );
}
