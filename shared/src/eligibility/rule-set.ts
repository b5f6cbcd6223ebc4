import { z } from 'zod';
import { MAX_AGE_YEARS } from '../ages';
import { SERVICE_TYPES } from '../directory/vocabularies';
import { DISTRICT_NAMES } from '../vocabularies/devon-places';
import { needCodeSchema } from '../vocabularies/needs';
import { BUDGET_HOLDERS, DIAGNOSIS_STATUSES, EHC_PLAN_STATUSES } from './profile';

/**
 * A commissioner's short breaks statement as data: tiers of support, each with criteria
 * over the child's profile, and the checks every service is held to. Stored in MongoDB,
 * validated by this schema at every save and again (with cross-references) at publish,
 * evaluated by evaluate.ts.
 */

const advice = z
  .string()
  .trim()
  .max(300, 'Advice must be 300 characters or fewer')
  .optional()
  .describe('What the family can do when this criterion is not met');

const nonEmpty = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, `Choose at least one ${what}: an empty list can never be met`);

const age = z.number().int('Ages are whole years').min(0).max(MAX_AGE_YEARS);

export const criterionSchema = z.discriminatedUnion(
  'field',
  [
    z.strictObject({
      field: z.literal('age'),
      min: age,
      max: age,
      ifNotMet: advice,
    }),
    z.strictObject({
      field: z.literal('needs'),
      anyOf: nonEmpty(needCodeSchema, 'need'),
      ifNotMet: advice,
    }),
    z.strictObject({
      field: z.literal('diagnosis'),
      oneOf: nonEmpty(DIAGNOSIS_STATUSES.schema('diagnosis status'), 'diagnosis status'),
      ifNotMet: advice,
    }),
    z.strictObject({
      field: z.literal('ehcPlan'),
      oneOf: nonEmpty(EHC_PLAN_STATUSES.schema('EHC plan status'), 'EHC plan status'),
      ifNotMet: advice,
    }),
    z.strictObject({
      field: z.literal('assessedTier'),
      oneOf: nonEmpty(z.string(), 'tier'),
      ifNotMet: advice,
    }),
    z.strictObject({
      field: z.literal('district'),
      oneOf: nonEmpty(
        z.enum(DISTRICT_NAMES as [string, ...string[]], {
          error: (i) =>
            `Unknown district "${String(i.input)}". Use one of: ${DISTRICT_NAMES.join(', ')}`,
        }),
        'district',
      ),
      ifNotMet: advice,
    }),
    z.strictObject({
      field: z.literal('budgetHolder'),
      oneOf: nonEmpty(BUDGET_HOLDERS.schema('budget holder'), 'budget holder'),
      ifNotMet: advice,
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'Unknown field: criteria can use age, needs, diagnosis, ehcPlan, assessedTier, district or budgetHolder'
        : undefined,
  },
);

export type Criterion = z.output<typeof criterionSchema>;
export type CriterionField = Criterion['field'];

export const tierSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'A tier code is capital letters, digits and _, like TARGETED'),
  name: z.string().trim().min(1, 'Enter the tier’s name').max(60),
  /** What the tier offers, in a sentence a family understands. */
  summary: z.string().trim().min(1, 'Say what this tier offers').max(500),
  /** How a family gets this support: who to contact, what happens next. */
  howToGetIt: z.string().trim().min(1, 'Say how a family gets this support').max(500),
  /** All must be met; none means open to everyone. */
  criteria: z.array(criterionSchema).max(10),
});

export type Tier = z.output<typeof tierSchema>;

/** Checks over a service's own directory data, made for every child × service. */
export const SERVICE_CHECKS = [
  'SERVICE_AGE',
  'SERVICE_NEEDS',
  'SUPPORT_RATIO',
  'STAFF_SKILLS',
  'REGISTRATION',
] as const;
export type ServiceCheck = (typeof SERVICE_CHECKS)[number];

export const SERVICE_CHECK_LABELS: Record<ServiceCheck, string> = {
  SERVICE_AGE: 'The ages the service is for',
  SERVICE_NEEDS: 'The needs the provider says it supports',
  SUPPORT_RATIO: 'The support ratios the provider can meet',
  STAFF_SKILLS: 'Staff trained for the child’s health and communication needs',
  REGISTRATION: 'Registered to care for the child at their age (Ofsted under 18, CQC after)',
};

export const serviceRulesSchema = z.strictObject({
  checks: z
    .array(
      z.enum(SERVICE_CHECKS, {
        error: (i) =>
          `Unknown service check "${String(i.input)}". Use one of: ${SERVICE_CHECKS.join(', ')}`,
      }),
    )
    .transform((checks) => [...new Set(checks)]),
  /** Kinds of break funded only for children at a tier (or a later one in the list). */
  tierRequirements: z
    .array(
      z.strictObject({
        serviceTypes: nonEmpty(SERVICE_TYPES.schema('service type'), 'service type'),
        tier: z.string(),
      }),
    )
    .max(20),
});

export const ruleSetSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the rule set a name').max(120),
  /** Tiers from the most open to the most specialist. */
  tiers: z.array(tierSchema).min(1, 'Add at least one tier').max(8),
  services: serviceRulesSchema,
});

export type RuleSet = z.output<typeof ruleSetSchema>;

export interface RuleSetProblem {
  /** Where the problem is, like ["tiers", 2, "criteria", 0, "max"]. */
  path: (string | number)[];
  message: string;
}

/**
 * Problems that make a rule set unpublishable: schema errors, references to tiers that do
 * not exist, and criteria that contradict themselves or each other.
 */
export function ruleSetProblems(input: unknown): RuleSetProblem[] {
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      message: issue.message,
    }));
  }
  const ruleSet = parsed.data;
  const problems: RuleSetProblem[] = [];
  const codes = ruleSet.tiers.map((tier) => tier.code);
  const knownTier = (code: string) => codes.includes(code);

  ruleSet.tiers.forEach((tier, t) => {
    if (codes.indexOf(tier.code) !== t) {
      problems.push({
        path: ['tiers', t, 'code'],
        message: `Two tiers have the code ${tier.code}`,
      });
    }
    const seen = new Set<string>();
    tier.criteria.forEach((criterion, c) => {
      const at = ['tiers', t, 'criteria', c];
      if (seen.has(criterion.field)) {
        problems.push({
          path: [...at, 'field'],
          message: `${tier.name} has two ${criterion.field} criteria: combine them into one`,
        });
      }
      seen.add(criterion.field);
      if (criterion.field === 'age' && criterion.min > criterion.max) {
        problems.push({
          path: [...at, 'max'],
          message: `The age range ${criterion.min}–${criterion.max} is empty: the lowest age must not be above the highest`,
        });
      }
      if (criterion.field === 'assessedTier') {
        criterion.oneOf.forEach((code, i) => {
          if (!knownTier(code)) {
            problems.push({
              path: [...at, 'oneOf', i],
              message: `There is no tier ${code}. Use one of: ${codes.join(', ')}`,
            });
          }
        });
      }
    });
  });

  const typeOwner = new Map<string, number>();
  ruleSet.services.tierRequirements.forEach((requirement, r) => {
    if (!knownTier(requirement.tier)) {
      problems.push({
        path: ['services', 'tierRequirements', r, 'tier'],
        message: `There is no tier ${requirement.tier}. Use one of: ${codes.join(', ')}`,
      });
    }
    requirement.serviceTypes.forEach((type, i) => {
      if (typeOwner.has(type)) {
        problems.push({
          path: ['services', 'tierRequirements', r, 'serviceTypes', i],
          message: `${SERVICE_TYPES.label(type)} already has a tier requirement`,
        });
      }
      typeOwner.set(type, r);
    });
  });
  return problems;
}
