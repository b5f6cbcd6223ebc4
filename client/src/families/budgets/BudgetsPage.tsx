import { formatMoney } from '@harbour/shared';
import { Link } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { LoadingPage } from '../../govuk/LoadingPage';
import { SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { WarningText } from '../../govuk/WarningText';
import { ServiceProblemPage } from '../../shell/ServiceProblemPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { fetchFamilyBudgets, HELD_AS, type ChildBudgets } from './budgetsApi';

const title = 'Budgets';

/** Each child's budgets this year: what is left, what is held for bookings, and what is spent. */
export function BudgetsPage() {
  const { state } = useSignedInQuery(fetchFamilyBudgets);
  usePageTitle(title);

  if (state.status === 'loading') return <LoadingPage title={title} />;
  if (state.status === 'failed') return <ServiceProblemPage />;
  return (
    <>
      <Link to="/family" className="govuk-back-link">
        Back to your family
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{title}</h1>
          <p className="govuk-body">
            The money the council and the NHS have given your children for short breaks this budget
            year, which runs from 1 April to 31 March. Money held for a booking is spent when the
            session happens, or comes back if you cancel in time.
          </p>
          {state.data.length === 0 && (
            <p className="govuk-body">You have not added any children yet.</p>
          )}
          {state.data.map((child) => (
            <ChildBudgetsSection key={child.childId} child={child} />
          ))}
        </div>
      </div>
    </>
  );
}

function ChildBudgetsSection({ child }: { child: ChildBudgets }) {
  return (
    <>
      <h2 className="govuk-heading-m">{child.firstName}</h2>
      {child.accounts.length === 0 && (
        <p className="govuk-body">
          {child.firstName} has no budget this year. The council’s short breaks team can tell you
          whether {child.firstName} could get one.
        </p>
      )}
      {child.accounts.map((account) => {
        const { position } = account;
        const message = account.projection?.message;
        return (
          <SummaryCard
            key={account.id}
            title={account.name}
            actions={[
              {
                text: 'View statement',
                path: `/families/budgets/${encodeURIComponent(account.id)}`,
              },
            ]}
          >
            <SummaryList
              rows={[
                { key: 'Budget year', value: account.budgetYear },
                ...(account.heldAs
                  ? [{ key: 'Held as', value: HELD_AS[account.heldAs] ?? account.heldAs }]
                  : []),
                { key: 'Allocated', value: formatMoney(position.allocated) },
                { key: 'Held for bookings', value: formatMoney(position.held) },
                { key: 'Spent', value: formatMoney(position.spent) },
                { key: 'Available to spend', value: formatMoney(position.available) },
              ]}
            />
            {message?.kind === 'WARNING' && <WarningText>{message.text}</WarningText>}
            {message?.kind === 'NOTE' && <div className="govuk-inset-text">{message.text}</div>}
          </SummaryCard>
        );
      })}
    </>
  );
}
