import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

type AudienceLandingPageProps = {
  heading: string;
  /** What this audience will be able to do in Harbour. */
  purpose: string;
  /** Honest word on what is ready so far. */
  progress: string;
  /** What this audience can do now, such as create an account. */
  children?: ReactNode;
};

export function AudienceLandingPage({
  heading,
  purpose,
  progress,
  children,
}: AudienceLandingPageProps) {
  usePageTitle(heading);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{heading}</h1>
        <p className="govuk-body-l">{purpose}</p>
        <div className="govuk-inset-text">{progress}</div>
        {children}
      </div>
    </div>
  );
}
