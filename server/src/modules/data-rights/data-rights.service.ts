import type { UserError } from '../../graphql/user-errors';
import type { AccountsService } from '../accounts/accounts.service';
import type { SignedInActor } from '../access/actor';
import type { AuditService } from '../access/audit.service';
import { forbidden } from '../access/authorize';
import type { EligibilityService } from '../eligibility/eligibility.service';
import type { FamiliesService } from '../families/families.service';
import type { OutboxService } from '../outbox/outbox.service';

/**
 * A family's rights over its data (UK GDPR articles 15 and 17): a download of everything
 * held about it, and erasure. Erasure removes or pseudonymises personal data; records that
 * must be kept (the audit log now, money later) keep only ids, so they still add up.
 */
export class DataRightsService {
  constructor(
    private readonly deps: {
      accounts: AccountsService;
      families: FamiliesService;
      audit: AuditService;
      outbox: OutboxService;
      eligibility: EligibilityService;
    },
  ) {}

  async export(actor: SignedInActor): Promise<string> {
    if (!actor.familyId) throw forbidden();
    const family = await this.deps.families.exportFamily(actor.familyId);
    const accountIds = [
      ...(family.family?.carers ?? []).map(String),
      ...family.children.flatMap((child) =>
        child.youngPersonAccount ? [String(child.youngPersonAccount)] : [],
      ),
    ];
    const { accounts, sessions } = await this.deps.accounts.exportAccounts(accountIds);
    const messages = await this.deps.outbox.messagesTo(
      accounts.flatMap((account) => [account.email, ...(account.mobile ? [account.mobile] : [])]),
    );
    await this.deps.audit.record({
      action: 'FAMILY_DATA_EXPORTED',
      actor,
      familyId: actor.familyId,
    });
    const activity = await this.deps.audit.allForFamily(actor.familyId);
    return JSON.stringify(
      {
        about:
          'Everything Harbour holds about your family, as at the time below. Ask your council’s SEND team if anything is wrong.',
        exportedAt: new Date().toISOString(),
        accounts,
        sessions,
        family: family.family,
        children: family.children,
        childVersions: family.childVersions,
        eligibilityDecisions: await this.deps.eligibility.decisionsOfFamily(actor.familyId),
        commissionerGrants: family.commissionerGrants,
        activity,
        emails: messages,
      },
      null,
      2,
    );
  }

  async erase(
    actor: SignedInActor,
    input: { confirmation?: unknown },
  ): Promise<{ userErrors: UserError[] }> {
    if (input.confirmation !== 'ERASE') {
      return {
        userErrors: [
          { field: ['input', 'confirmation'], message: 'Type ERASE to confirm', code: 'INVALID' },
        ],
      };
    }
    if (!actor.familyId) throw forbidden();
    await this.deps.audit.record({ action: 'FAMILY_ERASED', actor, familyId: actor.familyId });
    // Decisions' reasons name the child: they go first, while the family can still retry.
    await this.deps.eligibility.eraseFamilyDecisions(actor.familyId);
    const { carerIds, youngPersonIds } = await this.deps.families.erase(actor.familyId);
    const addresses = await this.deps.accounts.erase([...carerIds, ...youngPersonIds]);
    await this.deps.outbox.eraseMessagesTo(addresses);
    return { userErrors: [] };
  }
}
