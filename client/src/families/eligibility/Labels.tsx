import { NEEDS } from '@harbour/shared';
import type { ReactNode } from 'react';

/** A list of codes as their labels, one a line, or `none` for an empty list. */
export function Labels({
  codes,
  label,
  none,
}: {
  codes: readonly string[];
  label: (code: string) => string;
  none: ReactNode;
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
