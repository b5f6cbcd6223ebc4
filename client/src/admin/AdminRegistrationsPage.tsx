import { FormErrorSummary } from '../govuk/form';
import { SuccessBanner } from '../govuk/NotificationBanner';
import { SummaryCard } from '../govuk/SummaryList';
import { RegistrationRequestSummary } from '../providers/console/registrations';
import { usePageTitle } from '../shell/usePageTitle';
import {
  fetchPendingRegistrationChanges,
  reviewRegistrationChange,
  type PendingRegistrationChange,
} from './adminApi';
import { DecisionForm } from './DecisionForm';
import { useDecisionQueue } from './useDecisionQueue';

const title = 'Registration changes to check';

/** Administrators check providers' registration changes against the regulators' registers. */
export function AdminRegistrationsPage() {
  const { state, form, outcome, decide } = useDecisionQueue(
    fetchPendingRegistrationChanges,
    (request, decision) => reviewRegistrationChange(request.id, decision),
    (request, decision) =>
      `${decision === 'APPROVE' ? 'Approved' : 'Rejected'}: ${describe(request)}`,
  );
  usePageTitle(title, { hasErrors: form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} unavailableOutcome="Nothing has been approved or rejected." />
        {outcome && <SuccessBanner key={outcome.count}>{outcome.text}</SuccessBanner>}
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          Find each registration on the Ofsted or Care Quality Commission register and check that it
          matches. Once approved, families see it on the provider&apos;s services.
        </p>
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <p className="govuk-body">No registration changes are waiting to be checked.</p>
          ) : (
            state.data.map((request) => (
              <SummaryCard key={request.id} title={describe(request)} headingLevel={2}>
                <RegistrationRequestSummary
                  registration={request.registration}
                  registeredBody={
                    request.locationName
                      ? `${request.locationName}, a location of ${request.organisationName}`
                      : request.organisationName
                  }
                  sentAt={request.createdAt}
                />
                <DecisionForm
                  subject={describe(request)}
                  approveLabel="Approve"
                  onDecide={(event, decision) => decide(event, request, decision)}
                />
              </SummaryCard>
            ))
          ))}
        {state.status === 'failed' && (
          <p className="govuk-body">
            Sorry, we cannot show the registration changes at the moment. Try again later.
          </p>
        )}
      </div>
    </div>
  );
}

/** "SC123456 for Sunrise Play". */
function describe(request: PendingRegistrationChange): string {
  return `${request.registration.identifier} for ${request.locationName ?? request.organisationName}`;
}
