import { formatMoney } from '@harbour/shared';
import type { CostOption, CostUnit, VerificationStatus } from './consoleApi';

export const costUnitLabels: Record<CostUnit, string> = {
  SESSION: 'per session',
  HOUR: 'per hour',
  DAY: 'per day',
  NIGHT: 'per night',
};

/** "Weekday club: £12.50 per session". */
export function describeCost({ label, amount, unit }: CostOption): string {
  return `${label}: ${formatMoney(amount)} ${costUnitLabels[unit]}`;
}

export function describeAges(minAge: number, maxAge: number): string {
  return minAge === maxAge ? `${minAge} years old` : `${minAge} to ${maxAge} years old`;
}

/** The words and colour of an organisation's verification tag; the words alone say it all. */
export const verificationTags: Record<VerificationStatus, { text: string; className: string }> = {
  VERIFIED: { text: 'Verified', className: 'govuk-tag--green' },
  UNVERIFIED: { text: 'Waiting for verification', className: 'govuk-tag--yellow' },
  REJECTED: { text: 'Not verified', className: 'govuk-tag--red' },
};
