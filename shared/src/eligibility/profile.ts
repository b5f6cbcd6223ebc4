import { z } from 'zod';
import { vocabulary } from '../directory/vocabularies';
import { postcodeSchema, textSchema } from '../validation';
import { needCodeSchema } from '../vocabularies/needs';

/**
 * The child's "tell it once" profile: what a family tells Harbour about their child, once,
 * for eligibility checks, bookings and every provider they choose to share it with.
 */
export const DIAGNOSIS_STATUSES = vocabulary([
  { code: 'DIAGNOSED', label: 'Diagnosed' },
  { code: 'AWAITING', label: 'Waiting for an assessment or diagnosis' },
  { code: 'NONE', label: 'No diagnosis' },
]);

export const EHC_PLAN_STATUSES = vocabulary([
  { code: 'YES', label: 'Has an EHC plan' },
  { code: 'BEING_ASSESSED', label: 'Being assessed for an EHC plan' },
  { code: 'NO', label: 'No EHC plan' },
]);

export const SOCIAL_CARE_ASSESSMENT_STATUSES = vocabulary([
  { code: 'NONE', label: 'No social care assessment' },
  { code: 'REQUESTED', label: 'Social care assessment asked for' },
  { code: 'ASSESSED', label: 'Assessed by social care' },
]);

export const BUDGET_HOLDERS = vocabulary([
  { code: 'NONE', label: 'No personal budget' },
  { code: 'FAMILY', label: 'The family, as a direct payment' },
  { code: 'COUNCIL', label: 'The council holds it' },
  { code: 'NOMINATED_AGENT', label: 'A nominated agent' },
]);

export const COMMUNICATION_METHODS = vocabulary([
  { code: 'SPOKEN', label: 'Spoken language' },
  { code: 'MAKATON', label: 'Makaton' },
  { code: 'BSL', label: 'British Sign Language' },
  { code: 'AAC', label: 'A communication aid (AAC) or PECS' },
]);

export const MOBILITY_NEEDS = vocabulary([
  { code: 'WHEELCHAIR_USER', label: 'Uses a wheelchair' },
  { code: 'HOIST', label: 'Needs a hoist' },
]);

export const HEALTH_NEEDS = vocabulary([
  { code: 'EPILEPSY_RESCUE_MEDICATION', label: 'Epilepsy rescue medication' },
  { code: 'TUBE_FEEDING', label: 'Tube feeding' },
  { code: 'OXYGEN', label: 'Oxygen' },
  { code: 'DIABETES', label: 'Diabetes care' },
  { code: 'SEVERE_ALLERGY', label: 'Severe allergy (adrenaline pen)' },
]);

/** The support a child needs to take part; the same codes providers use for the ratios they offer. */
export const SUPPORT_NEEDED = vocabulary([
  { code: 'GROUP', label: 'Can join a group with the usual staffing' },
  { code: 'ONE_TO_ONE', label: '1:1 support' },
  { code: 'TWO_TO_ONE', label: '2:1 support' },
]);

/** Parts of the profile a family can share with a provider, each on its own. */
export const PROFILE_SECTIONS = vocabulary([
  { code: 'NEEDS', label: 'Needs, diagnosis and the support needed' },
  { code: 'COMMUNICATION', label: 'Communication' },
  { code: 'MOBILITY_AND_HEALTH', label: 'Mobility and health' },
  { code: 'BEHAVIOUR', label: 'Behaviour support' },
  { code: 'ABOUT_ME', label: 'About me: what helps, likes and dislikes' },
  { code: 'EMERGENCY_CONTACTS', label: 'Emergency contacts' },
  { code: 'PLANS_AND_BUDGET', label: 'EHC plan, social care assessment and budget' },
  { code: 'HOME', label: 'Home postcode' },
]);

export type ProfileSection = (typeof PROFILE_SECTIONS.codes)[number];

const note = (label: string) => textSchema(label, { min: 0, max: 1000 });
const distinct = <T extends z.ZodType>(item: T, what: string, max: number) =>
  z
    .array(item)
    .max(max, `Choose at most ${max} ${what}`)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

/** A home postcode (or just its first half, like EX4), or "" to clear it. */
export const homePostcodeSchema = z.union([z.literal(''), postcodeSchema], {
  error: 'Enter a real postcode, like EX39 1AA, or its first half, like EX39',
});

export const emergencyContactSchema = z.strictObject({
  name: textSchema('Contact name', { min: 1, max: 80 }),
  relationship: textSchema('Relationship', { min: 1, max: 60 }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{10,20}$/, 'Enter a phone number, like 01392 123456 or 07700 900123'),
});

/**
 * What a family may change in a profile; every field is optional so a change can be one
 * section. A postcode of "" clears it.
 */
export const childProfileChangeSchema = z.strictObject({
  homePostcode: homePostcodeSchema.optional(),
  needs: distinct(needCodeSchema, 'needs', 20).optional(),
  diagnosis: DIAGNOSIS_STATUSES.schema('diagnosis status').optional(),
  ehcPlan: EHC_PLAN_STATUSES.schema('EHC plan status').optional(),
  socialCareAssessment: SOCIAL_CARE_ASSESSMENT_STATUSES.schema(
    'social care assessment status',
  ).optional(),
  /** The tier a social care assessment placed the child at, when assessed. */
  assessedTier: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'Choose the tier from the list')
    .nullable()
    .optional(),
  budgetHolder: BUDGET_HOLDERS.schema('budget holder').optional(),
  communication: distinct(
    COMMUNICATION_METHODS.schema('communication method'),
    'ways',
    4,
  ).optional(),
  mobility: distinct(MOBILITY_NEEDS.schema('mobility need'), 'mobility needs', 2).optional(),
  health: distinct(HEALTH_NEEDS.schema('health need'), 'health needs', 5).optional(),
  healthNotes: note('Other health needs').optional(),
  behaviourSupport: note('Behaviour support').optional(),
  supportNeeded: SUPPORT_NEEDED.schema('support needed').optional(),
  whatHelps: note('What helps').optional(),
  likes: note('Likes').optional(),
  dislikes: note('Dislikes').optional(),
  emergencyContacts: z
    .array(emergencyContactSchema)
    .max(4, 'Add at most 4 emergency contacts')
    .optional(),
});

export type ChildProfileChange = z.output<typeof childProfileChangeSchema>;

/**
 * What the family checker asks without an account: the profile's eligibility questions, with
 * the same words as the profile. Nothing answered here is stored.
 */
export const eligibilityAnswersSchema = z.strictObject({
  dateOfBirth: z.string({ error: 'Enter a date of birth, like 2015-03-27' }),
  homePostcode: homePostcodeSchema.nullish(),
  needs: distinct(needCodeSchema, 'needs', 20),
  diagnosis: DIAGNOSIS_STATUSES.schema('diagnosis status'),
  ehcPlan: EHC_PLAN_STATUSES.schema('EHC plan status'),
  socialCareAssessment: SOCIAL_CARE_ASSESSMENT_STATUSES.schema('social care assessment status'),
  assessedTier: childProfileChangeSchema.shape.assessedTier,
  budgetHolder: BUDGET_HOLDERS.schema('budget holder').nullish(),
  supportNeeded: SUPPORT_NEEDED.schema('support needed').nullish(),
  communication: childProfileChangeSchema.shape.communication.nullable(),
  mobility: childProfileChangeSchema.shape.mobility.nullable(),
  health: childProfileChangeSchema.shape.health.nullable(),
});

export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}

/** A child's profile as stored; a new child starts with EMPTY_PROFILE. */
export interface ChildProfile {
  homePostcode: string | null;
  /** Derived from the postcode (devon-places.json); null outside Devon or when unknown. */
  district: string | null;
  needs: string[];
  diagnosis: string;
  ehcPlan: string;
  socialCareAssessment: string;
  assessedTier: string | null;
  budgetHolder: string;
  communication: string[];
  mobility: string[];
  health: string[];
  healthNotes: string;
  behaviourSupport: string;
  supportNeeded: string;
  whatHelps: string;
  likes: string;
  dislikes: string;
  emergencyContacts: EmergencyContact[];
}

export const EMPTY_PROFILE: ChildProfile = {
  homePostcode: null,
  district: null,
  needs: [],
  diagnosis: 'NONE',
  ehcPlan: 'NO',
  socialCareAssessment: 'NONE',
  assessedTier: null,
  budgetHolder: 'NONE',
  communication: [],
  mobility: [],
  health: [],
  healthNotes: '',
  behaviourSupport: '',
  supportNeeded: 'GROUP',
  whatHelps: '',
  likes: '',
  dislikes: '',
  emergencyContacts: [],
};

/** Which fields each shareable section holds (what a provider sees with consent for it). */
export const SECTION_FIELDS: Record<ProfileSection, readonly (keyof ChildProfile)[]> = {
  NEEDS: ['needs', 'diagnosis', 'supportNeeded'],
  COMMUNICATION: ['communication'],
  MOBILITY_AND_HEALTH: ['mobility', 'health', 'healthNotes'],
  BEHAVIOUR: ['behaviourSupport'],
  ABOUT_ME: ['whatHelps', 'likes', 'dislikes'],
  EMERGENCY_CONTACTS: ['emergencyContacts'],
  PLANS_AND_BUDGET: ['ehcPlan', 'socialCareAssessment', 'assessedTier', 'budgetHolder'],
  HOME: ['homePostcode', 'district'],
};
