import scheme from '../data/accessibility-support.json';

/**
 * The OpenActive Accessibility Support list (CC BY 4.0), kept as data so that
 * feeds we publish use its concept ids exactly.
 */
export interface AccessibilitySupportConcept {
  id: string;
  label: string;
}

export const ACCESSIBILITY_SUPPORT: readonly AccessibilitySupportConcept[] = scheme.concept.map(
  (concept) => ({ id: concept.id, label: concept.prefLabel }),
);

export function findAccessibilitySupport(id: string): AccessibilitySupportConcept | undefined {
  return ACCESSIBILITY_SUPPORT.find((concept) => concept.id === id);
}
