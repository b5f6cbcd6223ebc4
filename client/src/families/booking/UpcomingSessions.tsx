import { formatMoney } from '@harbour/shared';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isFamilyRole, signInPath } from '../../account/viewer';
import { useViewer } from '../../account/ViewerProvider';
import { Table } from '../../govuk/Table';
import { fetchListingSessions, type BookableSession } from './bookingApi';

export const placesText = (session: BookableSession) =>
  session.placesLeft === 0
    ? `Full${session.waitlistLength ? ` (${session.waitlistLength} waiting)` : ''}`
    : `${session.placesLeft} ${session.placesLeft === 1 ? 'place' : 'places'} left`;

export const priceOf = (session: BookableSession) =>
  session.price.amountPence === 0 ? 'Free' : formatMoney(session.price);

export function bookPath(listingId: string) {
  return `/families/book/${encodeURIComponent(listingId)}`;
}

/** A service's next sessions with places left, and the way to book them. */
export function UpcomingSessions({ listingId }: { listingId: string }) {
  const { viewer } = useViewer();
  const [sessions, setSessions] = useState<BookableSession[] | null | 'failed'>(null);

  useEffect(() => {
    let isCurrent = true;
    fetchListingSessions(listingId).then(
      (found) => isCurrent && setSessions(found),
      () => isCurrent && setSessions('failed'),
    );
    return () => {
      isCurrent = false;
    };
  }, [listingId]);

  if (sessions === null) return null;
  if (sessions === 'failed') {
    return (
      <p className="govuk-body">Sorry, we cannot show this service’s sessions at the moment.</p>
    );
  }
  if (sessions.length === 0) {
    return (
      <p className="govuk-body">
        This provider has not put any sessions on Harbour yet. Contact them to book.
      </p>
    );
  }
  const path = bookPath(listingId);
  return (
    <>
      <Table
        caption="Upcoming sessions"
        isCaptionHidden
        columns={[
          { heading: 'When' },
          { heading: 'Places' },
          { heading: 'Price', isNumeric: true },
        ]}
        rows={sessions.slice(0, 12).map((session) => ({
          key: session.id,
          cells: [session.when, placesText(session), priceOf(session)],
        }))}
      />
      {viewer && isFamilyRole(viewer.role) ? (
        <Link to={path} className="govuk-button">
          Book a place
        </Link>
      ) : (
        <p className="govuk-body">
          <Link to={signInPath(path)} className="govuk-link">
            Sign in to book a place
          </Link>{' '}
          with your family account.
        </p>
      )}
    </>
  );
}
