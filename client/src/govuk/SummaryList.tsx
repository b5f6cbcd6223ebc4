import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link that acts on a summary list row or a summary card, such as Change or Remove. */
export type SummaryAction = {
  text: string;
  path: string;
  /** For an error summary to link to. */
  id?: string;
  /**
   * Says what the link acts on, for screen reader users who list the page's links: the row's
   * key (in lower case) or the card's title when not given.
   */
  visuallyHiddenText?: string;
};

export type SummaryRow = {
  key: string;
  value: ReactNode;
  /** Classes for the value, such as govuk-!-text-break-word for an email address. */
  valueClassName?: string;
  /** Where the answer can be changed; none to only read it. */
  action?: SummaryAction;
};

type SummaryListProps = {
  rows: readonly SummaryRow[];
  /** Classes for the list, such as a spacing override. */
  className?: string;
};

/** A GOV.UK summary list of answers, each with a Change link where it can be changed there. */
export function SummaryList({ rows, className }: SummaryListProps) {
  const hasActions = rows.some((row) => row.action);
  return (
    <dl className={['govuk-summary-list', className].filter(Boolean).join(' ')}>
      {rows.map(({ key, value, valueClassName, action }) => (
        <div
          key={key}
          className={`govuk-summary-list__row${hasActions && !action ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className={['govuk-summary-list__value', valueClassName].filter(Boolean).join(' ')}>
            {value}
          </dd>
          {action && (
            <dd className="govuk-summary-list__actions">
              <ActionLink action={action} subject={key.toLowerCase()} />
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

type SummaryCardProps = {
  title: string;
  /** The title's heading level: 3 under a page's h2, 2 straight under its h1. */
  headingLevel?: 2 | 3;
  /** What can be done to what the card shows; none to only read it. */
  actions?: readonly SummaryAction[];
  children: ReactNode;
};

/** A GOV.UK summary card, for one of several things of a kind (a location, a service, a tier). */
export function SummaryCard({ title, headingLevel = 3, actions = [], children }: SummaryCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
        {/* As GOV.UK Frontend has it: a single action on its own, several as a list. */}
        {actions.length === 1 &&
          actions.map((action) => (
            <div key={action.text} className="govuk-summary-card__actions">
              <ActionLink action={action} subject={title} />
            </div>
          ))}
        {actions.length > 1 && (
          <ul className="govuk-summary-card__actions">
            {actions.map((action) => (
              <li key={action.text} className="govuk-summary-card__action">
                <ActionLink action={action} subject={title} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

// Rows and cards on a page each have a Change link: the hidden text says which one a link is
// for, for screen reader users who list the page's links.
function ActionLink({ action, subject }: { action: SummaryAction; subject: string }) {
  return (
    <Link id={action.id} to={action.path} className="govuk-link">
      {action.text}
      <span className="govuk-visually-hidden"> {action.visuallyHiddenText ?? subject}</span>
    </Link>
  );
}

/** What a summary list shows for an answer left blank. */
export function NotGiven() {
  return <span className="govuk-hint govuk-!-margin-bottom-0">Not given</span>;
}
