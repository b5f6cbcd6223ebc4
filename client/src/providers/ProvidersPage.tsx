import { AudienceLandingPage } from '../shell/AudienceLandingPage';

export function ProvidersPage() {
  return (
    <AudienceLandingPage
      heading="Offer short breaks"
      purpose="Here you will be able to list your short breaks services, run your sessions and see what you are owed."
      progress="We are still building these tools. You cannot list services or manage sessions here yet."
    />
  );
}
