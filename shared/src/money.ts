import { z } from 'zod';

/** Harbour handles one currency; the type leaves room for more without changing callers. */
export type Currency = 'GBP';

/** An amount of money in integer minor units (pence). Never a float. */
export interface Money {
  amountPence: number;
  currency: Currency;
}

export const moneySchema = z.object({
  amountPence: z.number().int('Amounts must be whole pence').safe('Amount is too large'),
  currency: z.literal('GBP'),
});

export function pence(amountPence: number): Money {
  return moneySchema.parse({ amountPence, currency: 'GBP' });
}

export function addMoney(a: Money, b: Money): Money {
  return pence(a.amountPence + b.amountPence);
}

export function subtractMoney(a: Money, b: Money): Money {
  return pence(a.amountPence - b.amountPence);
}

/** Sums a list of amounts; an empty list is £0.00. */
export function sumMoney(amounts: readonly Money[]): Money {
  return amounts.reduce(addMoney, pence(0));
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Formats for display only, e.g. "£1,234.50"; never parse this back. */
export function formatMoney(money: Money): string {
  return gbp.format(money.amountPence / 100);
}

/**
 * Parses what a person types ("12", "£12.5", "1,234.56") into pence, without floating point.
 * Returns null when the text is not an amount of pounds and pence.
 */
export function parsePounds(text: string): Money | null {
  const match = /^£?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const pounds = Number((match[1] ?? '').replaceAll(',', ''));
  const penceText = (match[2] ?? '').padEnd(2, '0');
  const amountPence = pounds * 100 + Number(penceText);
  return Number.isSafeInteger(amountPence) ? pence(amountPence) : null;
}
