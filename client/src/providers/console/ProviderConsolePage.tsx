import {
  ACCESSIBILITY_SUPPORT,
  FUNDING_TYPES,
  LOCATION_FEATURES,
  REGULATORS,
  SERVICE_TYPES,
} from '@harbour/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSendToSignIn } from '../../account/RequireSignIn';
import { formatDateTime } from '../../govuk/dates';
import { FormErrorSummary, useFormSubmission } from '../../govuk/form';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { NotGiven, SummaryCard, SummaryList } from '../../govuk/SummaryList';
import { useFocusHeadingOnChange } from '../../shell/useFocusHeadingOnNavigate';
import { usePageTitle } from '../../shell/usePageTitle';
import {
  confirmDetails,
  type ProviderConsole,
  type ProviderLocation,
  type ProviderService,
} from './consoleApi';
import { describeAges, describeCost, verificationTags } from './describe';
import { inputErrorsFrom } from './inputErrors';
import { ChooseOrganisation } from './ChooseOrganisation';
import { RegistrationRequestSummary, RegistrationsTable } from './registrations';
import { useConsole } from './useConsole';

/** What an edit page says it did, shown in a success banner when it returns here. */
export type ConsoleNotice = { saved: string };

/** A provider's own listing: its profile, locations, services and registration changes. */
export function ProviderConsolePage() {
  const { state, reload, pathTo } = useConsole();
  // Choosing an organisation, or adding one, replaces the page without a new path: move focus as
  // for a new page then, but not when the page first loads or reloads the same organisation.
  const view =
    state.status !== 'ready'
      ? null
      : state.data.kind === 'choose'
        ? 'choose'
        : state.data.console.organisation.id;
  const [firstView, setFirstView] = useState<string | null>(null);
  if (view !== null && firstView === null) setFirstView(view);
  useFocusHeadingOnChange(view === firstView ? null : view);
  usePageTitle(
    state.status === 'ready' && state.data.kind === 'console'
      ? `${state.data.console.organisation.name}: provider console`
      : 'Provider console',
  );

  if (state.status === 'loading') return null;
  if (state.status === 'failed') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Provider console</h1>
          <p className="govuk-body">
            Sorry, we cannot show your organisation&apos;s details at the moment. Try again later.
          </p>
        </div>
      </div>
    );
  }
  if (state.data.kind === 'choose') {
    return <ChooseOrganisation organisations={state.data.organisations} onAdded={reload} />;
  }
  return <Overview details={state.data.console} reload={reload} pathTo={pathTo} />;
}

type OverviewProps = {
  details: ProviderConsole;
  reload: () => void;
  pathTo: (path?: string) => string;
};

function Overview({ details, reload, pathTo }: OverviewProps) {
  const { organisation, profile, locations, services, pendingRegistrationChanges } = details;
  const notice = useLocation().state as ConsoleNotice | null;
  const sendToSignIn = useSendToSignIn();
  const confirmForm = useFormSubmission<never>({ handleFailure: sendToSignIn });
  // When the details were confirmed, and a count that keys the banner so it takes focus again.
  const [confirmed, setConfirmed] = useState<{ at: string; count: number } | null>(null);
  const tag = verificationTags[organisation.verificationStatus];
  const locationName = (id: string | null) =>
    locations.find((location) => location.id === id)?.name ?? organisation.name;

  const confirm = (event: FormEvent<HTMLFormElement>) =>
    confirmForm.submit(event, async () => {
      setConfirmed(null);
      const { userErrors, lastVerifiedAt } = await confirmDetails(organisation.id);
      if (lastVerifiedAt && userErrors.length === 0) {
        setConfirmed({ at: lastVerifiedAt, count: (confirmed?.count ?? 0) + 1 });
        reload();
      }
      return inputErrorsFrom(userErrors, []);
    });

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary
            form={confirmForm}
            unavailableOutcome="Your details have not been confirmed."
          />
          {confirmed ? (
            <SuccessBanner key={confirmed.count}>
              You confirmed your details are still correct on{' '}
              {formatDateTime(new Date(confirmed.at))}
            </SuccessBanner>
          ) : (
            notice?.saved && <SuccessBanner>{notice.saved}</SuccessBanner>
          )}
          <span className="govuk-caption-l">Provider console</span>
          <h1 className="govuk-heading-l">{organisation.name}</h1>
          <SummaryList
            rows={[
              {
                key: 'Verification',
                value: <strong className={`govuk-tag ${tag.className}`}>{tag.text}</strong>,
              },
              {
                key: 'Last verified',
                value: profile?.lastVerifiedAt
                  ? formatDateTime(new Date(profile.lastVerifiedAt))
                  : 'Not confirmed yet',
              },
            ]}
          />
          {!organisation.canPublish && (
            <div className="govuk-inset-text">
              {organisation.verificationStatus === 'REJECTED'
                ? 'Harbour could not verify your organisation, so families cannot find its services. Contact the short breaks team at the council to find out why.'
                : 'Harbour checks every new provider before families can find its services. You can add your details and locations now, but your services cannot be published until your organisation is verified. We will email you when it is done.'}
            </div>
          )}
          <form noValidate onSubmit={confirm}>
            <p className="govuk-body">
              Families see when your details were last checked. Check everything on this page and,
              if it is all still right, tell us.
            </p>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Confirm these details are still correct
            </button>
          </form>

          <h2 className="govuk-heading-m">Profile</h2>
          <SummaryCard
            title="About your organisation"
            actions={[{ text: 'Change', path: pathTo('/profile') }]}
          >
            <SummaryList
              rows={[
                { key: 'Description', value: profile?.description || <NotGiven /> },
                { key: 'Website', value: profile?.website || <NotGiven /> },
                { key: 'Email address', value: profile?.email || <NotGiven /> },
                { key: 'Phone number', value: profile?.phone || <NotGiven /> },
              ]}
            />
          </SummaryCard>
        </div>
      </div>

      <h3 className="govuk-heading-s">Registrations</h3>
      {profile && profile.registrations.length > 0 ? (
        <RegistrationsTable
          caption={`${organisation.name}'s registrations with Ofsted and the Care Quality Commission`}
          registrations={profile.registrations}
        />
      ) : (
        <p className="govuk-body">No registrations are recorded for your organisation.</p>
      )}
      <p className="govuk-body">
        <Link to={pathTo('/registrations/new')} className="govuk-link">
          Request a registration change
        </Link>
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Locations</h2>
          {locations.length === 0 && (
            <p className="govuk-body">You have not added any locations yet.</p>
          )}
          {locations.map((location) => (
            <LocationCard
              key={location.id}
              location={location}
              changePath={pathTo(`/locations/${encodeURIComponent(location.id)}`)}
            />
          ))}
          <p className="govuk-body">
            <Link to={pathTo('/locations/new')} className="govuk-link">
              Add a location
            </Link>
          </p>

          <h2 className="govuk-heading-m">Sessions and bookings</h2>
          <p className="govuk-body">
            <Link to={pathTo('/sessions')} className="govuk-link">
              Your sessions, bookings and registers
            </Link>
          </p>

          <h2 className="govuk-heading-m">Money</h2>
          <p className="govuk-body">
            <Link to={pathTo('/statement')} className="govuk-link">
              What you are owed
            </Link>
            : each month’s statement of sessions paid for, refunds and payouts.
          </p>

          <h2 className="govuk-heading-m">Services</h2>
          {services.length === 0 && (
            <p className="govuk-body">You have not added any services yet.</p>
          )}
          {services.map((service) => (
            <ServiceCard
              key={service.id}
              service={service}
              locations={locations}
              changePath={pathTo(`/services/${encodeURIComponent(service.id)}`)}
            />
          ))}
          {organisation.canPublish && (
            <p className="govuk-body">
              <Link to={pathTo('/services/new')} className="govuk-link">
                Add a service
              </Link>
            </p>
          )}

          <h2 className="govuk-heading-m">Registration changes waiting for checking</h2>
          {pendingRegistrationChanges.length === 0 ? (
            <p className="govuk-body">There are no registration changes waiting for checking.</p>
          ) : (
            pendingRegistrationChanges.map((request) => (
              <SummaryCard
                key={request.id}
                title={`${request.registration.identifier}, ${locationName(request.locationId)}`}
              >
                <RegistrationRequestSummary
                  registration={request.registration}
                  registeredBody={locationName(request.locationId)}
                  sentAt={request.createdAt}
                />
              </SummaryCard>
            ))
          )}
        </div>
      </div>
    </>
  );
}

function LocationCard({
  location,
  changePath,
}: {
  location: ProviderLocation;
  changePath: string;
}) {
  const address = [location.addressLine, location.town, location.postcode].filter(
    (line) => line !== null,
  );
  return (
    <SummaryCard title={location.name} actions={[{ text: 'Change', path: changePath }]}>
      <SummaryList
        rows={[
          { key: 'Address', value: <Lines lines={address} /> },
          {
            key: 'Features',
            value: <Lines lines={location.features.map(LOCATION_FEATURES.label)} />,
          },
          ...(location.registrations.length > 0
            ? [
                {
                  key: 'Registrations',
                  value: (
                    <Lines
                      lines={location.registrations.map(
                        (registration) =>
                          `${REGULATORS.label(registration.regulator)} ${registration.identifier}`,
                      )}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </SummaryCard>
  );
}

function ServiceCard({
  service,
  locations,
  changePath,
}: {
  service: ProviderService;
  locations: readonly ProviderLocation[];
  changePath: string;
}) {
  const at = locations.filter((location) => service.locationIds.includes(location.id));
  return (
    <SummaryCard title={service.name} actions={[{ text: 'Change', path: changePath }]}>
      <SummaryList
        rows={[
          { key: 'Type', value: SERVICE_TYPES.label(service.type) },
          { key: 'Ages', value: describeAges(service.minAge, service.maxAge) },
          { key: 'Where', value: <Lines lines={at.map((location) => location.name)} /> },
          { key: 'Status', value: <ServiceStatus service={service} /> },
          {
            key: 'Cost',
            value: <Lines lines={service.costOptions.map(describeCost)} />,
          },
          {
            key: 'Funding accepted',
            value: <Lines lines={service.funding.map(FUNDING_TYPES.label)} />,
          },
          ...(service.accessibilitySupport.length > 0
            ? [
                {
                  key: 'Accessibility support',
                  value: (
                    <Lines
                      lines={service.accessibilitySupport.map(
                        (id) =>
                          ACCESSIBILITY_SUPPORT.find((concept) => concept.id === id)?.label ?? id,
                      )}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </SummaryCard>
  );
}

/** Published, or why not, with links to what families see. */
function ServiceStatus({ service }: { service: ProviderService }) {
  if (service.status === 'WITHDRAWN') {
    return <strong className="govuk-tag govuk-tag--grey">Withdrawn</strong>;
  }
  if (service.listingIds.length === 0) {
    return <strong className="govuk-tag govuk-tag--grey">Not published</strong>;
  }
  const several = service.listingIds.length > 1;
  return (
    <>
      <strong className="govuk-tag govuk-tag--green">Published</strong>
      <ul className="govuk-list govuk-!-margin-top-2 govuk-!-margin-bottom-0">
        {service.listingIds.map((listingId, index) => (
          <li key={listingId}>
            <Link to={`/services/${encodeURIComponent(listingId)}`} className="govuk-link">
              View public listing{several ? ` ${index + 1}` : ''}
              <span className="govuk-visually-hidden"> of {service.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Answers one to a line, or "Not given". */
function Lines({ lines }: { lines: readonly ReactNode[] }) {
  if (lines.length === 0) return <NotGiven />;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
