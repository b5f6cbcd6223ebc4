import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';

export type ErrorSummaryItem = {
  message: string;
  /** The id of the field on this page to link to. */
  fieldId?: string;
  /** Or the page where the error is fixed, for errors that belong to another page's form. */
  path?: string;
};

type ErrorSummaryProps = {
  title?: string;
  description?: string;
  errors?: readonly ErrorSummaryItem[];
  /**
   * Whether it takes focus when it appears, as it does after a failed submission. Off for a page
   * that lists what is wrong as soon as it opens, or that has a success banner to focus instead.
   */
  takesFocus?: boolean;
};

/**
 * GOV.UK error summary. Unless told not to, it takes focus when it appears, so give it a new `key`
 * for each failed submission to move focus back to it.
 */
export function ErrorSummary({
  title = 'There is a problem',
  description,
  errors = [],
  takesFocus = true,
}: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (takesFocus) summary.current?.focus();
  }, [takesFocus]);

  return (
    <div ref={summary} className="govuk-error-summary" tabIndex={-1}>
      {/* role="alert" sits on a child so that focusing the summary cannot cut the announcement short. */}
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          {errors.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error) => (
                <li key={`${error.fieldId ?? error.path ?? ''}:${error.message}`}>
                  <ErrorLink error={error} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function ErrorLink({ error: { message, fieldId, path } }: { error: ErrorSummaryItem }) {
  if (fieldId) {
    return (
      <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
        {message}
      </a>
    );
  }
  // The page it opens moves focus to its heading, as every page does on a route change.
  if (path) return <Link to={path}>{message}</Link>;
  return <>{message}</>;
}

// As GOV.UK Frontend does: focus the field, but scroll its legend or label into view so the
// question is not hidden above the top of the screen.
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  const question =
    field.closest('fieldset')?.querySelector('legend') ??
    document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (question ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}
