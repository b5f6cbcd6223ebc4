import { AudienceLandingPage } from '../shell/AudienceLandingPage';

export function CommissionersPage() {
  return (
    <AudienceLandingPage
      heading="Understand the short breaks market"
      purpose="Here you will be able to see where the supply of short breaks falls short of what families need across Devon."
      progress="We are still building these tools. There is no market information to show yet."
    />
  );
}
