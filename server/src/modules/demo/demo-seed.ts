import { seedDemoBudgets } from '../budgets/demo-budgets';
import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { applySteps, type Step } from '../../platform/steps';
import type { Services } from '../../services';
import { seedDemoDirectory, seedDemoProviderServices } from '../directory/demo-directory';
import { seedDemoBookings } from '../bookings/demo-bookings';
import { seedDemoEligibility } from '../eligibility/demo-eligibility';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './demo-accounts';
import { seedDemoFamilies } from './demo-families';
import { seedDemoInsights } from '../insights/demo-insights';

/**
 * The demo world for Devon, one versioned step per capability (later issues add theirs).
 * Runs on `npm start` when DEMO_SEED is on, never in production; each step looks before it
 * creates, so a step interrupted half-way can run again.
 */
export function demoSteps(config: Config, services: Services): Step[] {
  return [
    { id: 'demo-accounts-v1', apply: () => seedDemoAccounts(config, services) },
    {
      id: 'demo-directory-v1',
      apply: () => seedDemoDirectory(services.directory, config.demo.providers),
    },
    {
      id: 'demo-provider-services-v2',
      apply: async () => {
        const provider = await services.accounts.accountByEmail(DEMO_ACCOUNTS.provider);
        const [membership] = provider
          ? await services.organisations.membershipsOf(provider.id)
          : [];
        if (membership)
          await seedDemoProviderServices(services.directory, membership.organisationId);
      },
    },
    { id: 'demo-eligibility-v1', apply: () => seedDemoEligibility(services) },
    {
      id: 'demo-families-v1',
      apply: () => seedDemoFamilies(config, services, config.demo.families),
    },
    { id: 'demo-budgets-v1', apply: () => seedDemoBudgets(services) },
    {
      // With the fictional families (DEMO_FAMILIES), never with the fixed sign-ins alone,
      // whose handful of children tests count on.
      id: 'demo-insights-v1',
      apply: () => (config.demo.families > 0 ? seedDemoInsights() : Promise.resolve()),
    },
    {
      id: 'demo-bookings-v1',
      apply: async () => {
        const admin = await services.accounts.accountByEmail(DEMO_ACCOUNTS.admin);
        await seedDemoBookings(
          services,
          admin ? await services.accounts.actorFor(admin.id, 'demo-seed') : null,
        );
      },
    },
  ];
}

export function seedDemoData(log: Logger, steps: readonly Step[]) {
  return applySteps('demo_seed', steps, log);
}
