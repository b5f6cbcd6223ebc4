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

type SummaryCardProps = {
  title: string;
  /** Where to change what the card shows; the link names the card for screen readers. */
  changePath?: string;
  children: ReactNode;
};

/** A GOV.UK summary card, for one of several things of a kind (a location, a service). */
export function SummaryCard({ title, changePath, children }: SummaryCardProps) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{title}</h3>
        {changePath && (
          <div className="govuk-summary-card__actions">
            <Link to={changePath} className="govuk-link">
              Change<span className="govuk-visually-hidden"> {title}</span>
            </Link>
          </div>
        )}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

/** What a summary list shows for an answer left blank. */
export function NotGiven() {
  return <span className="govuk-hint govuk-!-margin-bottom-0">Not given</span>;
}
