import { Link } from 'react-router';
import { useViewer } from '../../account/ViewerProvider';

/**
 * Where a family sees who has looked at their information and takes a copy of it; parents and
 * carers can also delete it.
 */
export function FamilyInformationLinks() {
  const canDelete = useViewer().viewer?.role === 'FAMILY';

  return (
    <>
      <h2 className="govuk-heading-m">Your family&apos;s information</h2>
      <ul className="govuk-list">
        <li>
          <Link to="/account/access-log" className="govuk-link">
            Who has seen your family&apos;s information
          </Link>
        </li>
        <li>
          <Link to="/account/download" className="govuk-link">
            Download your data
          </Link>
        </li>
        {canDelete && (
          <li>
            <Link to="/account/delete" className="govuk-link">
              Delete your family&apos;s information
            </Link>
          </li>
        )}
      </ul>
    </>
  );
}
