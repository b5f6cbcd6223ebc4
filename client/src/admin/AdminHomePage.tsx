import { Link } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';

const pages = [
  {
    path: '/admin/providers',
    title: 'Providers waiting for verification',
    description: 'Check each new provider organisation before families can find its services.',
  },
  {
    path: '/admin/registrations',
    title: 'Registration changes to check',
    description:
      'Check providers’ changes to their Ofsted and CQC registrations against the registers.',
  },
  {
    path: '/providers/console',
    title: 'Provider console',
    description: 'Open any provider’s console to see or correct its details.',
  },
  {
    path: '/commissioners/eligibility',
    title: 'Eligibility rules',
    description: 'The published tiers of short breaks support and their drafts.',
  },
];

/** /admin: what an administrator can do, one link each. */
export function AdminHomePage() {
  usePageTitle('Administration');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Administration</h1>
        {pages.map(({ path, title, description }) => (
          <section key={path}>
            <h2 className="govuk-heading-m">
              <Link to={path} className="govuk-link">
                {title}
              </Link>
            </h2>
            <p className="govuk-body">{description}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
