import { Link } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';

const entryPoints = [
  {
    href: '/families',
    title: 'Families',
    description:
      'Find short breaks and activities on a map or in a list, check what your child could get and why, and tell your child’s story once.',
  },
  {
    href: '/providers',
    title: 'Providers',
    description:
      'List your organisation, locations and services in the provider console, so families can find them.',
  },
  {
    href: '/commissioners',
    title: 'Commissioners',
    description:
      'Publish the eligibility rules for each tier of short breaks support, and see what a change would mean.',
  },
];

export function HomePage() {
  usePageTitle('Short breaks and activities for disabled children and young people in Devon');

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">
            Short breaks and activities for disabled children and young people in Devon
          </h1>
          <p className="govuk-body-l">
            Harbour brings Devon’s short breaks together in one place: families can find them and
            check what they can get, providers can list them, and commissioners set the rules.
            Booking and paying from a budget are coming next.
          </p>
        </div>
      </div>
      <div className="govuk-grid-row">
        {entryPoints.map(({ href, title, description }) => (
          <section key={href} className="govuk-grid-column-one-third">
            <h2 className="govuk-heading-m">
              <Link to={href} className="govuk-link">
                {title}
              </Link>
            </h2>
            <p className="govuk-body">{description}</p>
          </section>
        ))}
      </div>
    </>
  );
}
