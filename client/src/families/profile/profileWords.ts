import { PROFILE_SECTIONS, type ProfileSection } from '@harbour/shared';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';

/** Where the pages about one of the family's children live. */
export const profilePaths = {
  profile: (childId: string) => `/family/children/${childId}/profile`,
  section: (childId: string, section: ProfileSection) =>
    `/family/children/${childId}/profile/${sectionSlug(section)}`,
  history: (childId: string) => `/family/children/${childId}/history`,
  sharing: (childId: string) => `/family/children/${childId}/sharing`,
  changeSharing: (childId: string, organisationId: string) =>
    `/family/children/${childId}/sharing/${organisationId}`,
  eligibility: (childId: string) => `/family/children/${childId}/eligibility`,
  /** Sharing the profile with the provider of a service (a listing's id). */
  share: (childId: string, listingId: string) =>
    `/family/children/${childId}/share?${new URLSearchParams({ service: listingId })}`,
  invite: (childId: string) => `/family/children/${childId}/invite`,
};

/** MOBILITY_AND_HEALTH as it appears in an address: mobility-and-health. */
export function sectionSlug(section: ProfileSection): string {
  return section.toLowerCase().replaceAll('_', '-');
}

export function sectionFromSlug(slug: string | undefined): ProfileSection | null {
  return PROFILE_SECTIONS.codes.find((section) => sectionSlug(section) === slug) ?? null;
}

/**
 * How each section's edit page talks about it: its heading, and the banner on the profile
 * once it is saved. `name` is the child's first name.
 */
export const sectionWords: Record<
  ProfileSection,
  { heading: (name: string) => string; saved: (name: string) => string }
> = {
  NEEDS: {
    heading: (name) => `${name}’s needs`,
    saved: (name) => `${name}’s needs have been saved`,
  },
  COMMUNICATION: {
    heading: (name) => `How ${name} communicates`,
    saved: (name) => `How ${name} communicates has been saved`,
  },
  MOBILITY_AND_HEALTH: {
    heading: (name) => `${name}’s mobility and health`,
    saved: (name) => `${name}’s mobility and health have been saved`,
  },
  BEHAVIOUR: {
    heading: (name) => `${name}’s behaviour support`,
    saved: (name) => `${name}’s behaviour support has been saved`,
  },
  ABOUT_ME: {
    heading: (name) => `About ${name}`,
    saved: (name) => `What helps ${name}, and ${name}’s likes and dislikes, have been saved`,
  },
  EMERGENCY_CONTACTS: {
    heading: (name) => `${name}’s emergency contacts`,
    saved: (name) => `${name}’s emergency contacts have been saved`,
  },
  PLANS_AND_BUDGET: {
    heading: (name) => `${name}’s EHC plan, social care assessment and budget`,
    saved: (name) => `${name}’s EHC plan, social care assessment and budget have been saved`,
  },
  HOME: {
    heading: (name) => `Where ${name} lives`,
    saved: (name) => `${name}’s home postcode has been saved`,
  },
};

/**
 * The name of each field of a child's record, as the profile's rows and the history of changes
 * show it; the profile's labels match the words the shared validation uses in its messages.
 */
const fieldNames: Record<string, string> = {
  created: 'Record created',
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  homePostcode: 'Home postcode',
  district: 'Council district',
  needs: 'Needs',
  diagnosis: 'Diagnosis',
  supportNeeded: 'Support needed',
  ehcPlan: 'EHC plan',
  socialCareAssessment: 'Social care assessment',
  assessedTier: 'Tier assessed at',
  budgetHolder: 'Personal budget',
  communication: 'Communication',
  mobility: 'Mobility',
  health: 'Health needs',
  healthNotes: 'Other health needs',
  behaviourSupport: 'Behaviour support',
  whatHelps: 'What helps',
  likes: 'Likes',
  dislikes: 'Dislikes',
  emergencyContacts: 'Emergency contacts',
};

/** A field as words: needs is "Needs"; one the API adds later reads "Some new field". */
export function fieldName(field: string): string {
  const known = fieldNames[field];
  if (known) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The sections as checkboxes, for choosing what a provider may see. */
export const sectionOptions = vocabularyOptions(PROFILE_SECTIONS.items);

/** Only the codes of sections, in the vocabulary's order: what a family ticked. */
export function sectionsChosen(values: readonly string[]): ProfileSection[] {
  return PROFILE_SECTIONS.codes.filter((section) => values.includes(section));
}
