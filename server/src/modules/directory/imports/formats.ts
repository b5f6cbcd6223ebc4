import { parseCqcCareDirectory } from './cqc-care-directory';
import type { ParsedRow } from './import-row';
import { parseOfstedChildcare } from './ofsted-childcare';
import { parseOfstedSocialCare } from './ofsted-social-care';
import { parseOrukServices } from './oruk-services';

/** The public files Harbour imports, by the name `npm run import` takes. */
export const IMPORT_FORMATS = {
  cqc: { description: 'CQC care directory (CSV)', parse: parseCqcCareDirectory },
  'ofsted-childcare': {
    description: 'Ofsted childcare providers and inspections (CSV)',
    parse: parseOfstedChildcare,
  },
  'ofsted-social-care': {
    description: "Ofsted children's social care providers (CSV)",
    parse: parseOfstedSocialCare,
  },
  oruk: { description: 'Open Referral UK 3.0 services (JSON)', parse: parseOrukServices },
} satisfies Record<string, { description: string; parse: (text: string) => ParsedRow[] }>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;

export function isImportFormat(name: string): name is ImportFormat {
  return Object.hasOwn(IMPORT_FORMATS, name);
}
