import type { ReactNode } from 'react';
import { Link } from 'react-router';

type StartButtonProps = {
  to: string;
  /** Runs before going on, such as to forget answers from an earlier start. */
  onClick?: () => void;
  children: ReactNode;
};

/** GOV.UK's start button: a link, not a button, as it goes to another page. */
export function StartButton({ to, onClick, children }: StartButtonProps) {
  return (
    <Link to={to} onClick={onClick} className="govuk-button govuk-button--start" draggable="false">
      {children}
      <svg
        className="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </Link>
  );
}
