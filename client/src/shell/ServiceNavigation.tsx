import { Link, useLocation } from 'react-router';

const sections = [
  { href: '/families', text: 'Families' },
  { href: '/providers', text: 'Providers' },
  { href: '/commissioners', text: 'Commissioners' },
];

// With three short links the list stays visible on small screens, so there is no menu button.
export function ServiceNavigation() {
  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Harbour
            </Link>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {sections.map((section) => (
                <NavigationItem key={section.href} {...section} />
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

function NavigationItem({ href, text }: { href: string; text: string }) {
  const { pathname } = useLocation();
  const isCurrentPage = pathname === href;
  const isInSection = isCurrentPage || pathname.startsWith(`${href}/`);

  return (
    <li
      className={`govuk-service-navigation__item${isInSection ? ' govuk-service-navigation__item--active' : ''}`}
    >
      <Link
        to={href}
        className="govuk-service-navigation__link"
        aria-current={isCurrentPage ? 'page' : isInSection ? 'true' : undefined}
      >
        {/* The <strong> still marks the current section when styles are overridden or missing. */}
        {isInSection ? (
          <strong className="govuk-service-navigation__active-fallback">{text}</strong>
        ) : (
          text
        )}
      </Link>
    </li>
  );
}
