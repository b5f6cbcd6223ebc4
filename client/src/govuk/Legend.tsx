import type { ReactNode } from 'react';

/** GOV.UK legend sizes: small for filters and dates, medium for a question on a form page. */
export type LegendSize = 's' | 'm';

type LegendProps = {
  children: ReactNode;
  size: LegendSize;
  /**
   * Makes the legend the page's h1, for a page that asks one question: a separate heading
   * would only repeat it.
   */
  isPageHeading?: boolean;
  /** Hides the legend visually, when something around the fieldset already says it. */
  isHidden?: boolean;
};

/** The legend of a GOV.UK fieldset (radios, checkboxes, a date). */
export function Legend({ children, size, isPageHeading = false, isHidden = false }: LegendProps) {
  if (isHidden) return <legend className="govuk-visually-hidden">{children}</legend>;
  if (isPageHeading) {
    return (
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
        <h1 className="govuk-fieldset__heading">{children}</h1>
      </legend>
    );
  }
  return (
    <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>{children}</legend>
  );
}
