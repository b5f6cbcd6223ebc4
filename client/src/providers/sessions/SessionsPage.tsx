import { formatMoney } from '@harbour/shared';
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSignedInQuery } from '../../account/useSignedInQuery';
import { londonToday } from '../../govuk/dates';
import { SuccessBanner } from '../../govuk/NotificationBanner';
import { Select } from '../../govuk/Select';
import { Table } from '../../govuk/Table';
import { usePageTitle } from '../../shell/usePageTitle';
import type { ProviderConsole } from '../console/consoleApi';
import type { ConsoleNotice } from '../console/ProviderConsolePage';
import { WithConsole } from '../console/WithConsole';
import { fetchCalendar, type ProviderSession } from './sessionsApi';

const DAY = 24 * 60 * 60 * 1000;

/** The Monday of the week holding a day, and the Mondays either side, as YYYY-MM-DD. */
export function weekAround(day: string) {
  const date = new Date(`${day}T12:00:00Z`);
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY);
  const at = (days: number) => new Date(monday.getTime() + days * DAY).toISOString().slice(0, 10);
  return { monday: at(0), sunday: at(6), previous: at(-7), next: at(7) };
}

const longDate = (day: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));

/** The organisation's sessions, a week at a time, with how full each one is. */
export function SessionsPage() {
  return (
    <WithConsole>{(details, pathTo) => <Calendar details={details} pathTo={pathTo} />}</WithConsole>
  );
}

function Calendar({
  details,
  pathTo,
}: {
  details: ProviderConsole;
  pathTo: (path?: string) => string;
}) {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const notice = useLocation().state as ConsoleNotice | null;
  const week = weekAround(searchParams.get('week') ?? londonToday());
  const serviceId = searchParams.get('service');
  const [chosenService, setChosenService] = useState(serviceId ?? '');
  const title = `Sessions: week of ${longDate(week.monday)}`;
  usePageTitle(title);

  const organisationId = details.organisation.id;
  const load = useCallback(
    () => fetchCalendar({ organisationId, weekOf: week.monday, serviceId }),
    [organisationId, week.monday, serviceId],
  );
  const { state } = useSignedInQuery(load);

  const linkTo = (changes: Record<string, string | null>) => {
    const url = new URL(pathTo('/sessions'), window.location.origin);
    const params = { week: week.monday, service: serviceId, ...changes };
    for (const [key, value] of Object.entries(params)) {
      if (value) url.searchParams.set(key, value);
    }
    return `${url.pathname}${url.search}`;
  };
  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(linkTo({ service: chosenService || null }));
  };

  return (
    <>
      {notice?.saved && <SuccessBanner>{notice.saved}</SuccessBanner>}
      <span className="govuk-caption-l">{details.organisation.name}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">
        <Link to={pathTo('/sessions/new')} className="govuk-button govuk-!-margin-bottom-0">
          Add sessions
        </Link>
      </p>
      <form noValidate onSubmit={filter} className="govuk-!-margin-bottom-6">
        <Select
          id="service"
          label="Service"
          options={[
            { value: '', label: 'All services' },
            ...details.services.map((service) => ({ value: service.id, label: service.name })),
          ]}
          value={chosenService}
          onChange={setChosenService}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show sessions
        </button>
      </form>
      <nav className="govuk-pagination govuk-pagination--block" aria-label="Weeks">
        <div className="govuk-pagination__prev">
          <Link
            className="govuk-link govuk-pagination__link"
            to={linkTo({ week: week.previous })}
            rel="prev"
          >
            <span className="govuk-pagination__link-title">Previous week</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{longDate(week.previous)}</span>
          </Link>
        </div>
        <div className="govuk-pagination__next">
          <Link
            className="govuk-link govuk-pagination__link"
            to={linkTo({ week: week.next })}
            rel="next"
          >
            <span className="govuk-pagination__link-title">Next week</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{longDate(week.next)}</span>
          </Link>
        </div>
      </nav>
      {state.status === 'loading' && <p className="govuk-body">Loading sessions…</p>}
      {state.status === 'failed' && (
        <p className="govuk-body">
          Sorry, we cannot show your sessions at the moment. Try again later.
        </p>
      )}
      {state.status === 'ready' && (
        <SessionsTable sessions={state.data} pathTo={pathTo} week={week} />
      )}
    </>
  );
}

function SessionsTable({
  sessions,
  pathTo,
  week,
}: {
  sessions: ProviderSession[];
  pathTo: (path?: string) => string;
  week: { monday: string; sunday: string };
}) {
  if (sessions.length === 0) {
    return <p className="govuk-body">There are no sessions this week.</p>;
  }
  return (
    <Table
      caption={`Sessions from ${longDate(week.monday)} to ${longDate(week.sunday)}`}
      isScrollable
      columns={[
        { heading: 'When' },
        { heading: 'Service' },
        { heading: 'Places booked', isNumeric: true },
        { heading: 'Staff needed', isNumeric: true },
        { heading: 'Waiting', isNumeric: true },
        { heading: 'Price', isNumeric: true },
        { heading: 'Register' },
      ]}
      rows={sessions.map((session) => ({
        key: session.id,
        cells: [
          <>
            {session.when}
            {session.status === 'CANCELLED' && (
              <>
                {' '}
                <strong className="govuk-tag govuk-tag--red">Cancelled</strong>
              </>
            )}
          </>,
          session.name,
          `${session.placesBooked} of ${session.terms.places}${session.placesLeft === 0 ? ' (full)' : ''}`,
          `${session.staffNeeded} of ${session.terms.staff}`,
          session.waitlistLength,
          session.price.amountPence === 0 ? 'Free' : formatMoney(session.price),
          <Link
            key="register"
            to={pathTo(`/sessions/${encodeURIComponent(session.id)}`)}
            className="govuk-link"
          >
            Register
            <span className="govuk-visually-hidden">
              {' '}
              for {session.name}, {session.when}
            </span>
          </Link>,
        ],
      }))}
    />
  );
}
