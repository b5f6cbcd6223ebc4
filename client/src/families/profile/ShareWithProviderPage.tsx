import { useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { formErrorsFrom } from '../../api/userErrors';
import { Checkboxes } from '../../govuk/Checkboxes';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { servicePath } from '../find/listingText';
import type { ProfileNotice } from './ChildProfilePage';
import {
  fetchConsents,
  fetchListingToShareWith,
  grantConsent,
  type ChildWithConsents,
  type ListingToShareWith,
} from './profileApi';
import { profilePaths, sectionOptions, sectionsChosen } from './profileWords';
import { WithChild } from './WithChild';

/**
 * Where a family shares a child's profile with the provider of a service they found
 * (`?service=` a service listing's id). Sharing is a choice: nothing is ticked to start with,
 * unless the family already shares with this provider, when what it sees now is.
 */
export function ShareWithProviderPage() {
  const serviceId = useSearchParams()[0].get('service') ?? '';
  const load = useCallback(
    async (childId: string) => {
      const [child, listing] = await Promise.all([
        fetchConsents(childId),
        serviceId ? fetchListingToShareWith(serviceId) : null,
      ]);
      return child && { child, listing };
    },
    [serviceId],
  );

  return (
    <WithChild load={load}>
      {({ child, listing }) =>
        listing ? <ShareWithProvider child={child} listing={listing} /> : <NotFoundPage />
      }
    </WithChild>
  );
}

type ShareWithProviderProps = { child: ChildWithConsents; listing: ListingToShareWith };

function ShareWithProvider({ child, listing }: ShareWithProviderProps) {
  const name = child.firstName;
  const provider = listing.providerName;
  // Sharing again replaces what the provider can see, so start from what it sees now.
  const shared = child.consents.find(
    ({ organisation }) => organisation.id === listing.organisationId,
  );
  const [chosen, setChosen] = useState<string[]>(shared?.sections ?? []);
  const navigate = useNavigate();
  const sendToSignIn = useSendToSignIn();
  const form = useFormSubmission<'sections'>({ handleFailure: sendToSignIn });
  const title = `Share ${name}’s profile with ${provider}`;
  usePageTitle(title, { hasErrors: form.hasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={servicePath(listing.id)} className="govuk-back-link">
          Back to {listing.name}
        </Link>
        <FormErrorSummary
          form={form}
          unavailableOutcome={`${name}’s profile has not been shared.`}
        />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">
          {provider} runs {listing.name}. Sharing {name}’s profile means you do not have to tell
          them everything again. They see only the parts you choose, and {name}’s name and age.
        </p>
        <p className="govuk-body">
          You can change what they see, or stop sharing, at any time on{' '}
          <Link to={profilePaths.sharing(child.id)} className="govuk-link">
            who can see {name}’s profile
          </Link>
          .
        </p>
        {shared && (
          <div className="govuk-inset-text">
            You already share some of {name}’s profile with {provider}. What you choose here
            replaces it.
          </div>
        )}
        <form
          noValidate
          onSubmit={(event) =>
            form.submit(event, async () => {
              const sections = sectionsChosen(chosen);
              if (sections.length === 0) {
                return [
                  {
                    field: 'sections',
                    message: `Select at least one part of ${name}’s profile to share`,
                  },
                ];
              }
              const userErrors = await grantConsent({
                childId: child.id,
                organisationId: listing.organisationId,
                sections,
              });
              if (userErrors.length === 0) {
                const notice: ProfileNotice = {
                  saved: `${name}’s profile is now shared with ${provider}`,
                };
                navigate(profilePaths.sharing(child.id), { state: notice });
              }
              return formErrorsFrom(userErrors, ['sections']);
            })
          }
        >
          <Checkboxes
            name="sections"
            legend={`What can ${provider} see?`}
            legendSize="m"
            hint="Select all that apply. They see nothing you do not select."
            options={sectionOptions}
            values={chosen}
            onChange={setChosen}
            error={form.errorFor('sections')}
          />
          <button type="submit" className="govuk-button">
            Share with {provider}
          </button>
        </form>
      </div>
    </div>
  );
}
