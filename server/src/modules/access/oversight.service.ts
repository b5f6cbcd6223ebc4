import { z } from 'zod';
import { userErrorsFromZod, type UserError } from '../../graphql/user-errors';
import type { AccountsService } from '../accounts/accounts.service';
import type { FamiliesService } from '../families/families.service';
import type { SignedInActor } from './actor';
import type { AuditService } from './audit.service';
import { MIN_REASON_LENGTH } from './policy';

const grantSchema = z.object({
  childId: z.string(),
  commissionerAccountId: z.string(),
  reason: z
    .string({ error: 'Reason must be text' })
    .trim()
    .min(MIN_REASON_LENGTH, `Give a reason of at least ${MIN_REASON_LENGTH} characters`)
    .max(500, 'Reason must be 500 characters or fewer'),
  days: z
    .number()
    .int()
    .min(1, 'A grant lasts at least 1 day')
    .max(90, 'A grant lasts at most 90 days'),
});

/** What admins do to oversee access: grant commissioners individual records, read the audit log. */
export class OversightService {
  constructor(
    private readonly deps: {
      accounts: AccountsService;
      families: FamiliesService;
      audit: AuditService;
    },
  ) {}

  async grantCommissionerAccess(
    actor: SignedInActor,
    input: unknown,
  ): Promise<{ userErrors: UserError[] }> {
    const parsed = grantSchema.safeParse(input);
    if (!parsed.success) return { userErrors: userErrorsFromZod(parsed.error) };
    const commissioner = await this.deps.accounts.accountById(parsed.data.commissionerAccountId);
    if (commissioner?.role !== 'COMMISSIONER') {
      return {
        userErrors: [
          {
            field: ['input', 'commissionerAccountId'],
            message: 'There is no commissioner account with this id',
            code: 'NOT_FOUND',
          },
        ],
      };
    }
    await this.deps.families.grantCommissionerAccess(actor, parsed.data);
    return { userErrors: [] };
  }

  auditEvents(filter: { childId?: string | null; first?: number | null }) {
    return this.deps.audit.recent({
      childId: filter.childId,
      limit: Math.min(Math.max(filter.first ?? 50, 1), 500),
    });
  }
}
