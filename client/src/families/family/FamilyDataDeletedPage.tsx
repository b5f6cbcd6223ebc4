import { Link, useLocation } from 'react-router';
import { NotFoundPage } from '../../shell/NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';

const title = "Your family's information has been deleted";

/**
 * Shown once the erasure is done, when nobody is signed in any more. Without the state the
 * delete page sends, nothing has been deleted, so the address alone finds no page.
 */
export function FamilyDataDeletedPage() {
  const erased = (useLocation().state as { erased?: unknown } | null)?.erased === true;
  return erased ? <Deleted /> : <NotFoundPage />;
}

function Deleted() {
  usePageTitle(title);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{title}</h1>
        </div>
        <p className="govuk-body">
          You have been signed out. Everyone in your family with a Harbour account has been signed
          out too, and those accounts can no longer be used.
        </p>
        <p className="govuk-body">
          If you want to use Harbour again, you can{' '}
          <Link to="/sign-up" className="govuk-link">
            create a new family account
          </Link>
          .
        </p>
        <p className="govuk-body">
          <Link to="/" className="govuk-link">
            Go to the Harbour home page
          </Link>
        </p>
      </div>
    </div>
  );
}
