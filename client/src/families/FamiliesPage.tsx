import { Link } from 'react-router';
import { isFamilyRole } from '../account/viewer';
import { useViewer } from '../account/ViewerProvider';
import { StartButton } from '../govuk/StartButton';
import { AudienceLandingPage } from '../shell/AudienceLandingPage';

export function FamiliesPage() {
  const { status, viewer } = useViewer();

  return (
    <AudienceLandingPage
      heading="Find short breaks"
      purpose="Here you will be able to find short breaks and activities for your child, check what you can get, and book and pay for them from your short breaks budget."
      progress="We are still building these tools. You can search for short breaks now, but you cannot book them here yet."
    >
      <p className="govuk-body">
        <Link to="/families/find" className="govuk-link">
          Find short breaks
        </Link>{' '}
        near you, and filter them by your child’s needs.
      </p>
      <p className="govuk-body">
        <Link to="/families/check" className="govuk-link">
          Check what support your child could get
        </Link>{' '}
        from the council’s short breaks offer, and why. You do not need an account.
      </p>
      {status === 'signed-out' && (
        <>
          <p className="govuk-body">
            You can create a family account now and add your children, ready for when booking opens.
          </p>
          <StartButton to="/sign-up">Create account</StartButton>
          <p className="govuk-body">
            Already have an account?{' '}
            <Link to="/sign-in" className="govuk-link">
              Sign in
            </Link>
          </p>
        </>
      )}
      {viewer && isFamilyRole(viewer.role) && (
        <p className="govuk-body">
          <Link to="/family" className="govuk-link">
            Go to your family&apos;s page
          </Link>
        </p>
      )}
    </AudienceLandingPage>
  );
}
