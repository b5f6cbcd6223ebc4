import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSendToSignIn } from '../account/RequireSignIn';
import { useSignedInQuery } from '../account/useSignedInQuery';
import { formErrorsFrom } from '../api/userErrors';
import { FormErrorSummary, useFormSubmission } from '../govuk/form';
import { SuccessBanner } from '../govuk/NotificationBanner';
import { consolePathFor } from '../providers/console/useConsole';
import { usePageTitle } from '../shell/usePageTitle';
import {
  fetchOrganisationsAwaitingVerification,
  verifyOrganisation,
  type Decision,
} from './adminApi';
import { DecisionForm } from './DecisionForm';

const title = 'Providers waiting for verification';

/** Administrators check each new provider organisation before its services can be published. */
export function AdminProvidersPage() {
  const { state, reload } = useSignedInQuery(fetchOrganisationsAwaitingVerification);
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<never>({ handleFailure: sendToSignIn });
  // What was just decided, and a count that keys the banner so that it takes focus each time.
  const [outcome, setOutcome] = useState<{ text: string; count: number } | null>(null);
  usePageTitle(title, { hasErrors: form.hasErrors });

  const decide = (
    event: FormEvent<HTMLFormElement>,
    organisation: { id: string; name: string },
    decision: Decision,
  ) =>
    form.submit(event, async () => {
      setOutcome(null);
      const userErrors = await verifyOrganisation(organisation.id, decision);
      if (userErrors.length === 0) {
        const text = `${organisation.name} has been ${decision === 'APPROVE' ? 'verified' : 'rejected'}`;
        setOutcome({ text, count: (outcome?.count ?? 0) + 1 });
        reload();
      }
      return formErrorsFrom(userErrors, []);
    });

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
              <div key={organisation.id} className="govuk-summary-card">
                <div className="govuk-summary-card__title-wrapper">
                  <h2 className="govuk-summary-card__title">{organisation.name}</h2>
                  <div className="govuk-summary-card__actions">
                    <Link to={consolePathFor(organisation.id)} className="govuk-link">
                      See details
                      <span className="govuk-visually-hidden"> of {organisation.name}</span>
                    </Link>
                  </div>
                </div>
                <div className="govuk-summary-card__content">
                  <DecisionForm
                    subject={organisation.name}
                    approveLabel="Verify"
                    onDecide={(event, decision) => decide(event, organisation, decision)}
                  />
                </div>
              </div>
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
