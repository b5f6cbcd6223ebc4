import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';

export type FundPosition = { allocated: Money; held: Money; spent: Money; available: Money };

export type BudgetAccount = {
  id: string;
  kind: string;
  name: string;
  budgetYear: string;
  /** Personal budgets: COUNCIL_HELD, or DIRECT_PAYMENT to the family. */
  heldAs: string | null;
  position: FundPosition;
};

export type ChildBudgets = {
  childId: string;
  firstName: string;
  accounts: (BudgetAccount & {
    projection: { message: { kind: string; text: string } | null } | null;
  })[];
};

/** One change to a budget: what came in, was held for a booking, or was spent. */
export type FundMovement = {
  id: string;
  at: string;
  memo: string;
  available: Money;
  held: Money;
  spent: Money;
  bookingReference: string | null;
};

export type BudgetStatement = BudgetAccount & { statement: FundMovement[] };

const accountFields = /* GraphQL */ `
  id
  kind
  name
  budgetYear
  heldAs
  position {
    allocated { amountPence currency }
    held { amountPence currency }
    spent { amountPence currency }
    available { amountPence currency }
  }
`;

export async function fetchFamilyBudgets(): Promise<ChildBudgets[]> {
  const { familyBudgets } = await graphqlRequest<{ familyBudgets: ChildBudgets[] }>(/* GraphQL */ `
    query FamilyBudgets {
      familyBudgets {
        childId
        firstName
        accounts {
          ${accountFields}
          projection { message { kind text } }
        }
      }
    }
  `);
  return familyBudgets;
}

/** A budget and every movement of its money, oldest first; null when there is none to see. */
export async function fetchStatement(id: string): Promise<BudgetStatement | null> {
  const { budgetAccount } = await graphqlRequest<{ budgetAccount: BudgetStatement | null }>(
    /* GraphQL */ `
      query BudgetStatement($id: ID!) {
        budgetAccount(id: $id) {
          ${accountFields}
          statement {
            id
            at
            memo
            available { amountPence currency }
            held { amountPence currency }
            spent { amountPence currency }
            bookingReference
          }
        }
      }
    `,
    { id },
  );
  return budgetAccount;
}

/** Where a family's budget statement is downloaded as a spreadsheet. */
export const statementCsvPath = (id: string) =>
  `/api/budgets/${encodeURIComponent(id)}/statement.csv`;

/** How a personal budget is held, as a family reads it. */
export const HELD_AS: Record<string, string> = {
  COUNCIL_HELD: 'Council-held: the council pays providers for you',
  DIRECT_PAYMENT: 'Direct payment: the money is paid to you',
};
