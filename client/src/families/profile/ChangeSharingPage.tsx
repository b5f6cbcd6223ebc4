import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { formErrorsFrom } from '../../api/userErrors';
import { Checkboxes } from '../../govuk/Checkboxes';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ProfileNotice } from './ChildProfilePage';
import { fetchConsents, grantConsent, revokeConsent, type Consent } from './profileApi';
import { profilePaths, sectionOptions, sectionsChosen } from './profileWords';
import { WithChild } from './WithChild';

/** Where the family changes what one provider (`:organisationId`) can see, or stops sharing. */
export function ChangeSharingPage() {
  const { organisationId } = useParams();
  return (
    <WithChild load={fetchConsents}>
      {({ id, firstName, consents }) => {
        const consent = consents.find(({ organisation }) => organisation.id === organisationId);
        return consent ? (
          <ChangeSharing childId={id} name={firstName} consent={consent} />
        ) : (
          <NotFoundPage />
        );
      }}
    </WithChild>
  );
}

type ChangeSharingProps = { childId: string; name: string; consent: Consent };

function ChangeSharing({ childId, name, consent: { organisation, sections } }: ChangeSharingProps) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>(sections);
  const sendToSignIn = useSendToSignIn();
  // Both forms on the page share one error summary.
  const form = useFormSubmission<'sections'>({ handleFailure: sendToSignIn });
  const title = `What can ${organisation.name} see?`;
  usePageTitle(title, { hasErrors: form.hasErrors });
  const sharingPath = profilePaths.sharing(childId);

  function backToSharing(saved: string) {
    const notice: ProfileNotice = { saved };
    navigate(sharingPath, { state: notice });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={sharingPath} className="govuk-back-link">
          Back
        </Link>
        <FormErrorSummary form={form} unavailableOutcome="Nothing has been changed." />
        <span className="govuk-caption-l">Sharing {name}’s profile</span>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const newSections = sectionsChosen(chosen);
              if (newSections.length === 0) {
                return [
                  {
                    field: 'sections',
                    message: `Select at least one part of ${name}’s profile, or stop sharing with ${organisation.name}`,
                  },
                ];
              }
              const userErrors = await grantConsent({
                childId,
                organisationId: organisation.id,
                sections: newSections,
              });
              if (userErrors.length === 0) {
                backToSharing(`You have changed what ${organisation.name} can see`);
              }
              return formErrorsFrom(userErrors, ['sections']);
            })
          }
        >
          <Checkboxes
            name="sections"
            legend={title}
            isPageHeading
            hint={`Select all the parts of ${name}’s profile ${organisation.name} can see. They see nothing else.`}
            options={sectionOptions}
            values={chosen}
            onChange={setChosen}
            error={form.errorFor('sections')}
          />
          <button type="submit" className="govuk-button">
            Save what they can see
          </button>
        </form>

        <h2 className="govuk-heading-m">Stop sharing</h2>
        <p className="govuk-body">
          {organisation.name} will no longer see any of {name}’s profile. You can share it with them
          again later.
        </p>
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const userErrors = await revokeConsent({ childId, organisationId: organisation.id });
              if (userErrors.length === 0) {
                backToSharing(`${organisation.name} can no longer see ${name}’s profile`);
              }
              return formErrorsFrom(userErrors, ['sections']);
            })
          }
        >
          <button type="submit" className="govuk-button govuk-button--warning">
            Stop sharing {name}’s profile with {organisation.name}
          </button>
        </form>
      </div>
    </div>
  );
}
