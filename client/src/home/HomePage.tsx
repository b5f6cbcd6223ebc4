import { Link } from 'react-router';
import { usePageTitle } from '../shell/usePageTitle';

const entryPoints = [
  {
    href: '/families',
    title: 'Families',
    description:
      'Find short breaks and activities, check what you can get, book and pay from your budget.',
  },
  {
    href: '/providers',
    title: 'Providers',
    description: 'List your services, run sessions, see what you are owed.',
  },
  {
    href: '/commissioners',
    title: 'Commissioners',
    description: 'See where the market falls short across Devon.',
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
            Harbour brings short breaks together in one place: families can find and book them,
            providers can offer them, and commissioners can see where more are needed.
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
