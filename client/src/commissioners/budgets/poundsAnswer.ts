import { formatMoney, parsePounds, pence } from '@harbour/shared';

/** The most pence the API's amounts (GraphQL Int) can carry: £21,474,836.47. */
const MOST_THE_API_TAKES = 2_147_483_647;

type PoundsWords = {
  /** What is wrong when it is left blank; leave out for a question that may be left blank. */
  missing?: string;
  /** What is wrong when it is not pounds and pence, like "Enter the amount in pounds and pence, like 250.00". */
  notPounds: string;
  /** What is wrong when it is £0. */
  notPositive: string;
  /** What is wrong when it is more than the most it may be, in pence. */
  tooMuch?: { mostPence: number; message: string };
  /** What the question asks for, to say it is more than the API takes: "The hourly rate". */
  what: string;
};

/**
 * An amount a person typed in pounds, as whole pence (null for one left blank that may be), or
 * what is wrong with it.
 */
export function poundsAnswer(
  text: string,
  words: PoundsWords,
): { pence: number | null } | { error: string } {
  if (text.trim() === '') return words.missing ? { error: words.missing } : { pence: null };
  const money = parsePounds(text);
  if (!money) return { error: words.notPounds };
  if (money.amountPence <= 0) return { error: words.notPositive };
  if (words.tooMuch && money.amountPence > words.tooMuch.mostPence) {
    return { error: words.tooMuch.message };
  }
  if (money.amountPence > MOST_THE_API_TAKES) {
    return {
      error: `${words.what} is more than ${formatMoney(pence(MOST_THE_API_TAKES))}: check it`,
    };
  }
  return { pence: money.amountPence };
}
