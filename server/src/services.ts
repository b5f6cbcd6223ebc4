import type { Config } from './platform/config';
import type { Logger } from './platform/logger';
import { SecretBox } from './platform/tokens';
import { AccountsService, PASSWORD_RESET_JOB } from './modules/accounts/accounts.service';
import { AuditService } from './modules/access/audit.service';
import { OversightService } from './modules/access/oversight.service';
import { DirectoryService } from './modules/directory/directory.service';
import { EligibilityService } from './modules/eligibility/eligibility.service';
import { RuleSetsService } from './modules/eligibility/rule-sets.service';
import { ProviderConsoleService } from './modules/directory/provider-console.service';
import { SearchIndex } from './modules/directory/search-index';
import { DataRightsService } from './modules/data-rights/data-rights.service';
import { FamiliesService } from './modules/families/families.service';
import { FeedbackService } from './modules/feedback/feedback.service';
import { InvitationsService } from './modules/invitations/invitations.service';
import { JobQueue } from './modules/jobs/job.service';
import {
  BookingsService,
  CHARGE_JOB,
  OFFER_EXPIRY_JOB,
  REMINDER_JOB,
  WAITLIST_JOB,
} from './modules/bookings/bookings.service';
import { SessionsService } from './modules/bookings/sessions.service';
import { LedgerService } from './modules/ledger/ledger.service';
import { BookingFunding } from './modules/bookings/booking-funding';
import { BudgetsService } from './modules/budgets/budgets.service';
import { FamilyPoolsService } from './modules/budgets/family-pools.service';
import { PaymentsService, STRIPE_EVENT_JOB } from './modules/payments/payments.service';
import { createStripeClient } from './modules/payments/stripe-client';
import type { JobHandler } from './modules/jobs/job.worker';
import { InsightsService } from './modules/insights/insights.service';
import { OrganisationsService } from './modules/organisations/organisations.service';
import { DELIVER_JOB, OutboxService } from './modules/outbox/outbox.service';
import { createTransport } from './modules/outbox/transports';

/** One instance of each capability's service, shared by resolvers, routes and jobs. */
export function createServices(config: Config, log: Logger) {
  const secrets = new SecretBox(config.sessionSecret);
  const publicUrl = config.publicUrl;
  const queue = new JobQueue();
  const outbox = new OutboxService(queue, createTransport(config.messages, log), log);
  const organisations = new OrganisationsService();
  // The audit log resolves names through accounts, which are created just below.
  const audit: AuditService = new AuditService((ids: string[]) => accounts.names(ids));
  const families: FamiliesService = new FamiliesService({
    audit,
    organisations,
    accountNames: (ids) => accounts.names(ids),
  });
  const accounts: AccountsService = new AccountsService({
    outbox,
    queue,
    organisations,
    families,
    secrets,
    publicUrl,
    log,
  });
  const searchIndex = new SearchIndex(log);
  const directory = new DirectoryService({ organisations, index: searchIndex });
  const ruleSets = new RuleSetsService({ families, directory });
  const eligibility = new EligibilityService({ families, directory, ruleSets });
  const sessions = new SessionsService({ directory });
  const ledger = new LedgerService({ log, crashAt: config.crashAt });
  const budgets = new BudgetsService({ ledger, families, eligibility, audit, log });
  const payments = new PaymentsService({
    stripe: createStripeClient(config.stripe),
    webhookSecret: config.stripe.webhookSecret,
    ledger,
    queue,
    organisations,
    log,
    production: config.production,
    publishableKey: config.stripe.publishableKey,
  });
  const bookings = new BookingsService({
    funding: new BookingFunding({ budgets, payments }),
    ledger,
    sessions,
    directory,
    eligibility,
    families,
    accounts,
    outbox,
    queue,
    publicUrl,
    log,
    crashAt: config.crashAt,
  });
  payments.listen({
    paid: (ids) => bookings.cardPaid(ids),
    failed: (ids) => bookings.cardFailed(ids),
  });
  const familyPools = new FamilyPoolsService({ ledger, families, accounts, directory, budgets });
  const insights = new InsightsService({ audit, searchIndex, log });
  return {
    insights,
    budgets,
    familyPools,
    payments,
    publicUrl,
    sessions,
    bookings,
    ledger,
    queue,
    searchIndex,
    directory,
    providerConsole: new ProviderConsoleService({ directory, organisations }),
    outbox,
    organisations,
    audit,
    families,
    accounts,
    secrets,
    invitations: new InvitationsService({
      accounts,
      families,
      organisations,
      outbox,
      secrets,
      publicUrl,
    }),
    oversight: new OversightService({ accounts, families, audit }),
    dataRights: new DataRightsService({ accounts, families, audit, outbox, eligibility }),
    feedback: new FeedbackService(),
    eligibility,
    ruleSets,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Background jobs, by name, and the service that does each. */
export function jobHandlers(services: Services): Record<string, JobHandler> {
  return {
    [DELIVER_JOB]: (payload) => services.outbox.deliver(String(payload.messageId)),
    [PASSWORD_RESET_JOB]: (payload) => services.accounts.sendPasswordReset(payload),
    [OFFER_EXPIRY_JOB]: (payload) => services.bookings.expireOffer(String(payload.bookingId)),
    [REMINDER_JOB]: (payload) => services.bookings.remind(String(payload.bookingId)),
    [WAITLIST_JOB]: (payload) => services.bookings.fillWaitlist(String(payload.sessionId)),
    [CHARGE_JOB]: (payload) => services.bookings.chargeAtStart(String(payload.bookingId)),
    [STRIPE_EVENT_JOB]: (payload) => services.payments.applyEvent(String(payload.eventId)),
  };
}
