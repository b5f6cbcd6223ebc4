import { useEffect, useRef, type MouseEvent } from 'react';

export type ErrorSummaryItem = {
  message: string;
  /** The id of the field to link to; omitted for errors that belong to no field. */
  fieldId?: string;
};

type ErrorSummaryProps = {
  title?: string;
  description?: string;
  errors?: readonly ErrorSummaryItem[];
};

/**
 * GOV.UK error summary. It takes focus when it appears, so give it a new `key` for each failed
 * submission to move focus back to it.
 */
export function ErrorSummary({
  title = 'There is a problem',
  description,
  errors = [],
}: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    summary.current?.focus();
  }, []);

  return (
    <div ref={summary} className="govuk-error-summary" tabIndex={-1}>
      {/* role="alert" sits on a child so that focusing the summary cannot cut the announcement short. */}
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          {errors.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map(({ message, fieldId }) => (
                <li key={`${fieldId ?? ''}:${message}`}>
                  {fieldId ? (
                    <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                      {message}
                    </a>
                  ) : (
                    message
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
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
