import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type SummaryRow = { key: string; value: ReactNode };

/** A GOV.UK summary list of answers, none of them changed from the row itself. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(({ key, value }) => (
        <div key={key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A link in a summary card's title bar, such as Change or Remove. */
export type SummaryCardAction = { text: string; path: string };

type SummaryCardProps = {
  title: string;
  /** What can be done to what the card shows; none to only read it. */
  actions?: readonly SummaryCardAction[];
  children: ReactNode;
};

/** A GOV.UK summary card, for one of several things of a kind (a location, a service, a tier). */
export function SummaryCard({ title, actions = [], children }: SummaryCardProps) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{title}</h3>
        {/* As GOV.UK Frontend has it: a single action on its own, several as a list. */}
        {actions.length === 1 &&
          actions.map((action) => (
            <div key={action.text} className="govuk-summary-card__actions">
              <ActionLink action={action} cardTitle={title} />
            </div>
          ))}
        {actions.length > 1 && (
          <ul className="govuk-summary-card__actions">
            {actions.map((action) => (
              <li key={action.text} className="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

// Cards on a page each have a Change link: the hidden title says which card a link is for, for
// screen reader users who list the page's links.
function ActionLink({ action, cardTitle }: { action: SummaryCardAction; cardTitle: string }) {
  return (
    <Link to={action.path} className="govuk-link">
      {action.text}
      <span className="govuk-visually-hidden"> {cardTitle}</span>
    </Link>
  );
}

/** What a summary list shows for an answer left blank. */
export function NotGiven() {
  return <span className="govuk-hint govuk-!-margin-bottom-0">Not given</span>;
}
