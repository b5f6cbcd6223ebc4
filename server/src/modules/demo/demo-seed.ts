import { applySteps, type Step } from '../../platform/steps';
import type { Logger } from '../../platform/logger';

/**
 * The demo world for Devon, one versioned step per capability (added by the issues that
 * build them). Runs on `npm start` when DEMO_SEED is on, never in production; each step
 * upserts by stable keys, so running it again changes nothing.
 */
export const demoSteps: Step[] = [];

export function seedDemoData(log: Logger, steps: readonly Step[] = demoSteps) {
  return applySteps('demo_seed', steps, log);
}
