import { z } from 'zod';

/**
 * Harbour's needs taxonomy: the four broad areas of need of the SEND Code of Practice
 * (2015, chapter 6.28–6.35), each split into the needs families describe and providers
 * say they can support. Codes are stable identifiers stored in data; labels may change.
 */
export const NEED_AREAS = {
  COMMUNICATION_AND_INTERACTION: 'Communication and interaction',
  COGNITION_AND_LEARNING: 'Cognition and learning',
  SOCIAL_EMOTIONAL_MENTAL_HEALTH: 'Social, emotional and mental health',
  SENSORY_AND_PHYSICAL: 'Sensory and/or physical needs',
} as const;

export type NeedArea = keyof typeof NEED_AREAS;

export interface Need {
  code: string;
  label: string;
  area: NeedArea;
}

export const NEEDS = [
  { code: 'AUTISM', label: 'Autism', area: 'COMMUNICATION_AND_INTERACTION' },
  {
    code: 'SPEECH_LANGUAGE_COMMUNICATION',
    label: 'Speech, language and communication needs',
    area: 'COMMUNICATION_AND_INTERACTION',
  },
  {
    code: 'MODERATE_LEARNING_DIFFICULTY',
    label: 'Moderate learning difficulty',
    area: 'COGNITION_AND_LEARNING',
  },
  {
    code: 'SEVERE_LEARNING_DIFFICULTY',
    label: 'Severe learning difficulty',
    area: 'COGNITION_AND_LEARNING',
  },
  {
    code: 'PROFOUND_MULTIPLE_LEARNING_DIFFICULTY',
    label: 'Profound and multiple learning difficulties',
    area: 'COGNITION_AND_LEARNING',
  },
  {
    code: 'SPECIFIC_LEARNING_DIFFICULTY',
    label: 'Specific learning difficulty (such as dyslexia)',
    area: 'COGNITION_AND_LEARNING',
  },
  { code: 'ADHD', label: 'ADHD', area: 'SOCIAL_EMOTIONAL_MENTAL_HEALTH' },
  {
    code: 'SOCIAL_EMOTIONAL_MENTAL_HEALTH',
    label: 'Social, emotional and mental health needs',
    area: 'SOCIAL_EMOTIONAL_MENTAL_HEALTH',
  },
  {
    code: 'BEHAVIOUR_THAT_CHALLENGES',
    label: 'Behaviour that challenges',
    area: 'SOCIAL_EMOTIONAL_MENTAL_HEALTH',
  },
  { code: 'VISUAL_IMPAIRMENT', label: 'Visual impairment', area: 'SENSORY_AND_PHYSICAL' },
  { code: 'HEARING_IMPAIRMENT', label: 'Hearing impairment', area: 'SENSORY_AND_PHYSICAL' },
  {
    code: 'MULTI_SENSORY_IMPAIRMENT',
    label: 'Multi-sensory impairment',
    area: 'SENSORY_AND_PHYSICAL',
  },
  { code: 'PHYSICAL_DISABILITY', label: 'Physical disability', area: 'SENSORY_AND_PHYSICAL' },
  {
    code: 'COMPLEX_HEALTH_NEEDS',
    label: 'Complex health needs (such as epilepsy, tube feeding)',
    area: 'SENSORY_AND_PHYSICAL',
  },
] as const satisfies readonly Need[];

export type NeedCode = (typeof NEEDS)[number]['code'];

export const NEED_CODES = NEEDS.map((need) => need.code) as [NeedCode, ...NeedCode[]];

export const needCodeSchema = z.enum(NEED_CODES, {
  error: (issue) => `Unknown need "${String(issue.input)}". Use one of: ${NEED_CODES.join(', ')}`,
});

/**
 * A need as people read it, such as "Autism". A code this list no longer has (stored before a
 * change to it) reads as plain words, never as the code.
 */
export function needLabel(code: string): string {
  return NEEDS.find((need) => need.code === code)?.label ?? 'A need no longer on Harbour’s list';
}
