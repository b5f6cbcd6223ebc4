import type { ServiceDecision } from '@harbour/shared';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isFamilyRole } from '../../account/viewer';
import { useViewer } from '../../account/ViewerProvider';
import { SummaryCard } from '../../govuk/SummaryList';
import { OutcomeTag, ReasonList } from '../eligibility/Outcome';
import { profilePaths } from '../profile/profileWords';
import { fetchChildFit } from './serviceApi';

type Fits =
  | { status: 'loading' }
  | { status: 'ready'; fits: Map<string, ServiceDecision | null> }
  | {
      status: 'failed';
    };

/**
 * For a signed-in family: whether each of their children can use this service, and why,
 * from the child's saved profile and the published rules; and a way to share the profile
 * with the provider. A young person signed in to their own account sees their own record
 * here, so the words suit them as well as a parent.
 */
export function ChildrenFit({
  listingId,
  providerName,
}: {
  listingId: string;
  providerName: string;
}) {
  const { viewer } = useViewer();
  const children = viewer && isFamilyRole(viewer.role) ? (viewer.family?.children ?? []) : [];
  const childIds = children.map((child) => child.id).join(',');
  const [fits, setFits] = useState<Fits>({ status: 'loading' });

  useEffect(() => {
    if (!childIds) return;
    let isCurrent = true;
    const ids = childIds.split(',');
    Promise.all(ids.map((childId) => fetchChildFit(listingId, childId))).then(
      (answers) => {
        if (isCurrent)
          setFits({ status: 'ready', fits: new Map(ids.map((id, i) => [id, answers[i] ?? null])) });
      },
      () => {
        if (isCurrent) setFits({ status: 'failed' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [listingId, childIds]);

  if (children.length === 0) return null;
  return (
    <section aria-labelledby="children-fit-heading">
      <h2 id="children-fit-heading" className="govuk-heading-m">
        Who in your family can use this?
      </h2>
      <p className="govuk-body">
        From the profiles saved in your family’s account and the council’s published eligibility
        rules. The provider and the council make the final decision.
      </p>
      {fits.status === 'loading' && (
        <p className="govuk-body" role="status">
          Checking…
        </p>
      )}
      {fits.status === 'failed' && (
        <p className="govuk-body">Sorry, we cannot check this at the moment. Try again later.</p>
      )}
      {fits.status === 'ready' &&
        children.map((child) => {
          const fit = fits.fits.get(child.id) ?? null;
          return (
            <SummaryCard key={child.id} title={child.firstName}>
              {fit ? (
                <>
                  <p className="govuk-body">
                    <OutcomeTag outcome={fit.outcome} subject="service" />
                  </p>
                  <ReasonList reasons={fit.reasons} subject="service" />
                </>
              ) : (
                <p className="govuk-body">
                  The council has not published its eligibility rules yet.
                </p>
              )}
              <ul className="govuk-list">
                <li>
                  <Link to={profilePaths.share(child.id, listingId)} className="govuk-link">
                    Share {child.firstName}’s profile with {providerName}
                  </Link>
                </li>
                <li>
                  <Link to={profilePaths.profile(child.id)} className="govuk-link">
                    Update {child.firstName}’s profile
                  </Link>
                </li>
              </ul>
            </SummaryCard>
          );
        })}
    </section>
  );
}
