import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, type UserError } from '../../api/userErrors';

export const fundsPath = '/commissioners/budgets';
export const allocatePath = `${fundsPath}/allocate`;
export const spendCsvPath = '/api/commissioners/spend.csv';

type Position = { allocated: Money; held: Money; spent: Money; available: Money };

export type PooledFund = {
  id: string;
  name: string;
  budgetYear: string;
  /** The eligibility tiers that may draw on it; empty: any child. */
  tiers: string[];
  perChildCap: Money | null;
  position: Position;
};

/** Spend and commitments of one kind of fund, in one district, on one type of service. */
export type SpendRow = {
  fundKind: string;
  district: string;
  serviceType: string;
  allocated: Money;
  held: Money;
  spent: Money;
};

export async function fetchFundsAndSpending(): Promise<{
  pooledFunds: PooledFund[];
  budgetSpend: SpendRow[];
}> {
  return graphqlRequest(/* GraphQL */ `
    query FundsAndSpending {
      pooledFunds {
        id
        name
        budgetYear
        tiers
        perChildCap {
          amountPence
          currency
        }
        position {
          allocated {
            amountPence
            currency
          }
          held {
            amountPence
            currency
          }
          spent {
            amountPence
            currency
          }
          available {
            amountPence
            currency
          }
        }
      }
      budgetSpend {
        fundKind
        district
        serviceType
        allocated {
          amountPence
          currency
        }
        held {
          amountPence
          currency
        }
        spent {
          amountPence
          currency
        }
      }
    }
  `);
}

/** What a row of an allocations file did, or would do. */
export type AllocationRowOutcome = {
  line: number;
  /** First name and initial of the child, when found. */
  childName: string | null;
  budget: string | null;
  amount: Money | null;
  outcome: 'ALLOCATED' | 'WOULD_ALLOCATE' | 'REFUSED';
  message: string | null;
};

export type AllocationsImport = {
  userErrors: UserError[];
  rows: AllocationRowOutcome[];
  allocated: Money;
  applied: boolean;
};

/** Allocates budgets from a CSV file; a dry run checks every row and changes nothing. */
export async function importAllocations(csv: string, dryRun: boolean): Promise<AllocationsImport> {
  const { budgetAllocationsImport } = await graphqlRequest<{
    budgetAllocationsImport: AllocationsImport;
  }>(
    /* GraphQL */ `
      mutation BudgetAllocationsImport($input: BudgetAllocationsImportInput!) {
        budgetAllocationsImport(input: $input) {
          ${userErrorFields}
          rows {
            line
            childName
            budget
            amount { amountPence currency }
            outcome
            message
          }
          allocated { amountPence currency }
          applied
        }
      }
    `,
    { input: { csv, dryRun } },
  );
  return budgetAllocationsImport;
}
