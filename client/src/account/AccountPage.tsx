import { useNavigate } from 'react-router';
import { FamilyInformationLinks } from '../families/family/FamilyInformationLinks';
import { SummaryList } from '../govuk/SummaryList';
import { usePageTitle } from '../shell/usePageTitle';
import { useSignedInViewer } from './RequireSignIn';
import { isFamilyRole, roleNames } from './viewer';

export function AccountPage() {
  const viewer = useSignedInViewer();
  const navigate = useNavigate();
  usePageTitle('Your account');

  const rows = [
    { key: 'Name', value: viewer.displayName },
    { key: 'Email address', value: viewer.email },
    { key: 'Account type', value: roleNames[viewer.role] },
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList rows={rows} />

        {isFamilyRole(viewer.role) && <FamilyInformationLinks />}

        <h2 className="govuk-heading-m">Sign out</h2>
        <p className="govuk-body">
          If you have used Harbour on a phone or computer you no longer have, or that other people
          use, sign out of all devices. You will need to sign in again everywhere, including here.
        </p>
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => navigate('/sign-out')}
          >
            Sign out
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => navigate('/sign-out', { state: { everywhere: true } })}
          >
            Sign out of all devices
          </button>
        </div>
      </div>
    </div>
  );
}
