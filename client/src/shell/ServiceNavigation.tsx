import { Link, useLocation } from 'react-router';
import { isFamilyRole, type Viewer } from '../account/viewer';
import { useViewer } from '../account/ViewerProvider';

type Section = { href: string; text: string };

const audiences: readonly Section[] = [
  { href: '/families', text: 'Families' },
  { href: '/providers', text: 'Providers' },
  { href: '/commissioners', text: 'Commissioners' },
];

/** The links that suit who is signed in: their own areas first, then their account. */
function sectionsFor(viewer: Viewer | null): readonly Section[] {
  if (!viewer) return [...audiences, { href: '/sign-in', text: 'Sign in' }];
  const account = { href: '/account', text: 'Account' };
  const signOut = { href: '/sign-out', text: 'Sign out' };
  if (isFamilyRole(viewer.role)) {
    return [
      { href: '/families/find', text: 'Find short breaks' },
      { href: '/family', text: 'Your family' },
      account,
      signOut,
    ];
  }
  if (viewer.role === 'PROVIDER') {
    return [{ href: '/providers/console', text: 'Provider console' }, account, signOut];
  }
  if (viewer.role === 'COMMISSIONER') {
    return [
      { href: '/commissioners', text: 'Commissioning' },
      { href: '/commissioners/eligibility', text: 'Eligibility rules' },
      account,
      signOut,
    ];
  }
  if (viewer.role === 'ADMIN') {
    return [
      { href: '/admin/providers', text: 'Providers' },
      { href: '/admin/registrations', text: 'Registrations' },
      account,
      signOut,
    ];
  }
  return [account, signOut];
}

// With at most four short links the list stays visible on small screens, so there is no menu
// button. Until Harbour knows who is signed in it shows none, rather than the wrong ones.
export function ServiceNavigation() {
  const { status, viewer } = useViewer();

  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Harbour
            </Link>
          </span>
          {status !== 'loading' && (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {sectionsFor(viewer).map((section, _index, sections) => (
                  <NavigationItem key={section.href} {...section} siblings={sections} />
                ))}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}

const isWithin = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href}/`);

function NavigationItem({ href, text, siblings }: Section & { siblings: readonly Section[] }) {
  const { pathname } = useLocation();
  const isCurrentPage = pathname === href;
  // The most specific link is the current section: /commissioners/eligibility, not /commissioners.
  const isInSection =
    isWithin(pathname, href) &&
    !siblings.some((other) => other.href.length > href.length && isWithin(pathname, other.href));

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
