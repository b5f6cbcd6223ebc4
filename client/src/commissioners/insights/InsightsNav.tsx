import { Link, useLocation } from 'react-router';
import {
  demandPath,
  insightsPath,
  outcomesPath,
  qualityPath,
  reportPath,
  spendPath,
  supplyPath,
  transitionPath,
} from './paths';
import { useMonth } from './month';

const panels: readonly { path: string; text: string }[] = [
  { path: insightsPath, text: 'Gap map' },
  { path: supplyPath, text: 'Supply' },
  { path: demandPath, text: 'Demand' },
  { path: transitionPath, text: 'Moving into adult services' },
  { path: qualityPath, text: 'Quality' },
  { path: spendPath, text: 'Spend' },
  { path: outcomesPath, text: 'Outcomes' },
  { path: reportPath, text: 'Report' },
];

/** The panels, as a sub-navigation; each link keeps the month being looked at. */
export function InsightsNav() {
  const { pathname } = useLocation();
  const [month] = useMonth();
  // A gap's drill-down is part of the gap map.
  const section = pathname.startsWith(`${insightsPath}/gaps/`) ? insightsPath : pathname;

  return (
    <nav className="harbour-insights-nav harbour-no-print" aria-label="Market insights">
      <ul className="govuk-list harbour-insights-nav__list">
        {panels.map(({ path, text }) => {
          const isCurrent = section === path;
          return (
            <li
              key={path}
              className={`harbour-insights-nav__item${isCurrent ? ' harbour-insights-nav__item--current' : ''}`}
            >
              <Link
                to={{ pathname: path, search: `?month=${month}` }}
                className="govuk-link govuk-link--no-visited-state"
                aria-current={isCurrent ? (pathname === path ? 'page' : 'true') : undefined}
              >
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
