import { NEEDS } from '@harbour/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export type AnswerRow = {
  key: string;
  value: ReactNode;
  /** Where to change the answer; the link is named after the row for screen readers. */
  change?: { path: string; id?: string };
};

/** A GOV.UK summary list of answers, each with a Change link when it can be changed here. */
export function AnswerList({ rows }: { rows: readonly AnswerRow[] }) {
  const hasChangeLinks = rows.some((row) => row.change);
  return (
    <dl className="govuk-summary-list">
      {rows.map(({ key, value, change }) => (
        <div
          key={key}
          className={`govuk-summary-list__row${hasChangeLinks && !change ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
          {change && (
            <dd className="govuk-summary-list__actions">
              <Link id={change.id} to={change.path} className="govuk-link">
                Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** A list of codes as their labels, one a line, or `none` for an empty list. */
export function Labels({
  codes,
  label,
  none,
}: {
  codes: readonly string[];
  label: (code: string) => string;
  none: string;
}) {
  if (codes.length <= 1) return <>{codes.map(label).join('') || none}</>;
  return (
    <ul className="govuk-list">
      {codes.map((code) => (
        <li key={code}>{label(code)}</li>
      ))}
    </ul>
  );
}

export function needLabel(code: string): string {
  return NEEDS.find((need) => need.code === code)?.label ?? code;
}
