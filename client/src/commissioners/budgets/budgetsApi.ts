import type { Money } from '@harbour/shared';
import { graphqlRequest } from '../../api/graphql';
import { userErrorFields, userErrorsOf, type UserError } from '../../api/userErrors';

export const fundsPath = '/commissioners/budgets';
export const allocatePath = `${fundsPath}/allocate`;
export const allocateOnePath = `${fundsPath}/allocate-one`;
export const newPooledFundPath = `${fundsPath}/pooled-funds/new`;
export const spendCsvPath = '/api/commissioners/spend.csv';

/** The tiers of the published short breaks statement that pooled funds name, by their codes. */
export const poolTiers: readonly { value: string; label: string }[] = [
  { value: 'UNIVERSAL', label: 'Universal' },
  { value: 'UNIVERSAL_PLUS', label: 'Universal plus' },
  { value: 'TARGETED', label: 'Targeted' },
  { value: 'SPECIALIST', label: 'Specialist' },
];

/** A tier's name, or its code for a tier this list does not know. */
export const poolTierLabel = (code: string) =>
  poolTiers.find((tier) => tier.value === code)?.label ?? code;

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

/** What a page that made or added to a fund tells the funds page to say, once it is back there. */
export type FundsNotice = { saved: string };

/** The account a commissioner's change made, or added money to. */
export type ChangedAccount = { id: string; name: string };

type AccountPayload = { userErrors: UserError[]; account: ChangedAccount | null };

const accountPayloadFields = /* GraphQL */ `
  ${userErrorFields}
  account {
    id
    name
  }
`;

/** The payload's userErrors, and the account when there are none. */
function changedAccount(operation: string, payload: AccountPayload) {
  const userErrors = userErrorsOf(operation, payload, payload.account);
  return { userErrors, account: userErrors.length === 0 ? payload.account : null };
}

export type BudgetAllocation = {
  childId: string;
  kind: 'PERSONAL_BUDGET' | 'PERSONAL_HEALTH_BUDGET';
  amountPence: number;
  heldAs: 'COUNCIL_HELD' | 'DIRECT_PAYMENT';
  /** The most the budget pays an hour, in pence; null: no limit. */
  maxPencePerHour: number | null;
  /** Made once however often it is sent with the same key. */
  idempotencyKey: string;
};

/** Runs a mutation that answers with one budget account (and its userErrors). */
async function accountMutation(
  name: 'budgetAllocate' | 'pooledFundCreate',
  inputType: string,
  input: Record<string, unknown>,
) {
  const answer = await graphqlRequest<Record<string, AccountPayload>>(
    /* GraphQL */ `
      mutation ${name}($input: ${inputType}!) {
        ${name}(input: $input) {
          ${accountPayloadFields}
        }
      }
    `,
    { input },
  );
  return changedAccount(name, answer[name] as AccountPayload);
}

/** Allocates money to one child's personal or health budget for this budget year. */
export function allocateBudget({ maxPencePerHour, ...allocation }: BudgetAllocation) {
  return accountMutation('budgetAllocate', 'BudgetAllocateInput', {
    ...allocation,
    rules: { maxPencePerHour },
  });
}

export type PooledFundInput = {
  name: string;
  totalPence: number;
  perChildCapPence: number;
  /** Eligibility tier codes that may draw on it; empty: any child. */
  tiers: string[];
  maxPencePerHour: number | null;
};

/** Makes a pooled fund for this budget year, with its money. */
export function createPooledFund({ maxPencePerHour, ...fund }: PooledFundInput) {
  return accountMutation('pooledFundCreate', 'PooledFundCreateInput', {
    ...fund,
    rules: { maxPencePerHour },
  });
}
