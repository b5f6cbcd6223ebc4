import { AudienceLandingPage } from '../shell/AudienceLandingPage';

export function FamiliesPage() {
  return (
    <AudienceLandingPage
      heading="Find short breaks"
      purpose="Here you will be able to find short breaks and activities for your child, check what you can get, and book and pay for them from your short breaks budget."
      progress="We are still building these tools. You cannot search for or book short breaks here yet."
    />
  );
}
