import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';

export type ProviderStatement = {
  period: string;
  lines: {
    at: string;
    memo: string;
    bookingReference: string | null;
    /** More owed to the provider (positive) or less (negative). */
    amount: Money;
  }[];
  captured: Money;
  refunded: Money;
  paidOut: Money;
  /** Everything owed now, across months. */
  owedNow: Money;
  payout: { amount: Money; state: 'PENDING' | 'PAID'; at: string } | null;
};

/** What a provider was owed and paid in a month (YYYY-MM). */
export async function fetchStatement(
  organisationId: string,
  period: string,
): Promise<ProviderStatement> {
  const { providerStatement } = await graphqlRequest<{ providerStatement: ProviderStatement }>(
    /* GraphQL */ `
      query ProviderStatement($organisationId: ID!, $period: String!) {
        providerStatement(organisationId: $organisationId, period: $period) {
          period
          lines {
            at
            memo
            bookingReference
            amount {
              amountPence
              currency
            }
          }
          captured {
            amountPence
            currency
          }
          refunded {
            amountPence
            currency
          }
          paidOut {
            amountPence
            currency
          }
          owedNow {
            amountPence
            currency
          }
          payout {
            amount {
              amountPence
              currency
            }
            state
            at
          }
        }
      }
    `,
    { organisationId, period },
  );
  return providerStatement;
}

/** Where the month's statement is downloaded as a spreadsheet. */
export const statementCsvPath = (organisationId: string, period: string) =>
  `/api/providers/${encodeURIComponent(organisationId)}/statements/${encodeURIComponent(period)}.csv`;
