import { useLocation, useNavigate } from 'react-router';
import { FamilyInformationLinks } from '../families/family/FamilyInformationLinks';
import { SuccessBanner } from '../govuk/NotificationBanner';
import { SummaryList, type SummaryRow } from '../govuk/SummaryList';
import { usePageTitle } from '../shell/usePageTitle';
import { useSignedInViewer } from './RequireSignIn';
import { isFamilyRole, roleNames } from './viewer';

export function AccountPage() {
  const viewer = useSignedInViewer();
  const navigate = useNavigate();
  const notice = useLocation().state as { saved?: string } | null;
  usePageTitle('Your account');

  const rows: SummaryRow[] = [
    { key: 'Name', value: viewer.displayName },
    { key: 'Email address', value: viewer.email, valueClassName: 'govuk-!-text-break-word' },
    { key: 'Account type', value: roleNames[viewer.role] },
  ];
  if (isFamilyRole(viewer.role)) {
    rows.push({
      key: 'Mobile number for texts',
      value: viewer.mobile ?? 'None: we only email you',
      action: { text: viewer.mobile ? 'Change' : 'Add', path: '/account/mobile' },
    });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice?.saved && <SuccessBanner>{notice.saved}</SuccessBanner>}
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
