import { Link } from 'react-router';
import { useViewer } from '../account/ViewerProvider';
import { StartButton } from '../govuk/StartButton';
import { AudienceLandingPage } from '../shell/AudienceLandingPage';

export function ProvidersPage() {
  const { status, viewer } = useViewer();
  const usesConsole = viewer?.role === 'PROVIDER' || viewer?.role === 'ADMIN';

  return (
    <AudienceLandingPage
      heading="Offer short breaks"
      purpose="List your short breaks and inclusive activities on Harbour so that families in Devon can find them, see who they suit and check they are eligible."
      progress="In the provider console you can describe your organisation, add your locations and services, say which support ratios you offer, and keep your Ofsted and CQC registrations up to date. Harbour checks every new provider before families can find its services. Booking, registers and payments are not here yet."
    >
      {usesConsole && <StartButton to="/providers/console">Go to the provider console</StartButton>}
      {status === 'signed-out' && (
        <>
          <StartButton to="/providers/sign-up">Register your organisation</StartButton>
          <p className="govuk-body">
            Already registered?{' '}
            <Link to="/sign-in" className="govuk-link">
              Sign in to the provider console
            </Link>
          </p>
        </>
      )}
    </AudienceLandingPage>
  );
}
