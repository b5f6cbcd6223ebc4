import { useEffect, useRef, type ReactNode } from 'react';
import { focusNonInteractive } from '../shell/focus';

/**
 * GOV.UK success banner, for the outcome of something the person just did on this page. Like
 * GOV.UK Frontend's, it takes focus when it appears; give it a new `key` to take focus again.
 */
export function SuccessBanner({ children }: { children: ReactNode }) {
  const banner = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (banner.current) focusNonInteractive(banner.current);
  }, []);

  return (
    <div
      ref={banner}
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <BannerInside titleId="success-banner-title" title="Success">
        {children}
      </BannerInside>
    </div>
  );
}

/**
 * GOV.UK notification banner, for something important about the whole page that the person did
 * not just do. Links in it take the class govuk-notification-banner__link.
 */
export function ImportantBanner({ children }: { children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner"
      role="region"
      aria-labelledby="important-banner-title"
    >
      <BannerInside titleId="important-banner-title" title="Important">
        {children}
      </BannerInside>
    </div>
  );
}

type BannerInsideProps = { titleId: string; title: string; children: ReactNode };

function BannerInside({ titleId, title, children }: BannerInsideProps) {
  return (
    <>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </>
  );
}
