import { FormErrorSummary } from '../govuk/form';
import { SuccessBanner } from '../govuk/NotificationBanner';
import { SummaryCard } from '../govuk/SummaryList';
import { consolePathFor } from '../providers/console/useConsole';
import { usePageTitle } from '../shell/usePageTitle';
import { fetchOrganisationsAwaitingVerification, verifyOrganisation } from './adminApi';
import { DecisionForm } from './DecisionForm';
import { useDecisionQueue } from './useDecisionQueue';

const title = 'Providers waiting for verification';

/** Administrators check each new provider organisation before its services can be published. */
export function AdminProvidersPage() {
  const { state, form, outcome, decide } = useDecisionQueue(
    fetchOrganisationsAwaitingVerification,
    (organisation, decision) => verifyOrganisation(organisation.id, decision),
    (organisation, decision) =>
      `${organisation.name} has been ${decision === 'APPROVE' ? 'verified' : 'rejected'}`,
  );
  usePageTitle(title, { hasErrors: form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Nothing has been verified or rejected." />
        {outcome && <SuccessBanner key={outcome.count}>{outcome.text}</SuccessBanner>}
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Check that each organisation is a real provider of short breaks or activities, and that
          the people who added it work there. Once verified, families can find its services.
        </p>
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <p className="govuk-body">No organisations are waiting for verification.</p>
          ) : (
            state.data.map((organisation) => (
              <SummaryCard
                key={organisation.id}
                title={organisation.name}
                headingLevel={2}
                actions={[
                  {
                    text: 'See details',
                    path: consolePathFor(organisation.id),
                    visuallyHiddenText: `of ${organisation.name}`,
                  },
                ]}
              >
                <DecisionForm
                  subject={organisation.name}
                  approveLabel="Verify"
                  onDecide={(event, decision) => decide(event, organisation, decision)}
                />
              </SummaryCard>
            ))
          ))}
        {state.status === 'failed' && (
          <p className="govuk-body">
            Sorry, we cannot show the providers at the moment. Try again later.
          </p>
        )}
      </div>
    </div>
  );
}
