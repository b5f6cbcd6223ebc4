import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

/** Links to the feedback form, telling it which page the person was on. */
export function FeedbackLink({ className, children }: { className: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Link to="/feedback" state={{ from: pathname }} className={className}>
      {children}
    </Link>
  );
}
