import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESSIBILITY_SUPPORT, findAccessibilitySupport } from './accessibility-support';
import { DISTRICTS, findPostcodeDistrict } from './devon-places';
import { NEED_CODES, needCodeSchema } from './needs';

/** The reference files Harbour carries unchanged (see shared/standards/SOURCES.md). */
const standards = join(__dirname, '../../standards');

describe('vocabularies', () => {
  it('carries the OpenActive accessibility support list unchanged', () => {
    const source = JSON.parse(
      readFileSync(join(standards, 'openactive/accessibility-support.jsonld'), 'utf8'),
    ) as { concept: { id: string; prefLabel: string }[] };
    expect(ACCESSIBILITY_SUPPORT).toEqual(
      source.concept.map((c) => ({ id: c.id, label: c.prefLabel })),
    );
    expect(findAccessibilitySupport(source.concept[0]!.id)?.label).toBe('Visual impairment');
  });

  it('carries the Devon places reference file unchanged', () => {
    const source = JSON.parse(readFileSync(join(standards, 'devon-places.json'), 'utf8'));
    expect(DISTRICTS).toEqual(source.districts);
    expect(DISTRICTS.map((d) => d.name)).toContain('Torridge');
  });

  it.each([
    ['EX39', 'Torridge', 'Bideford'],
    ['ex39 1aa', 'Torridge', 'Bideford'],
    ['PL4 8AA', 'Plymouth', 'Plymouth'],
    ['TQ13', 'Teignbridge', 'Bovey Tracey'],
  ])('finds the place of %s', (postcode, district, town) => {
    expect(findPostcodeDistrict(postcode)).toMatchObject({ district, town });
  });

  it.each(['EX99', 'SW1A 1AA', '', 'EX3'])('does not know %s', (postcode) => {
    expect(findPostcodeDistrict(postcode)).toBeUndefined();
  });

  it('names the allowed need codes when one is unknown', () => {
    const result = needCodeSchema.safeParse('TELEPATHY');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Unknown need "TELEPATHY"');
    expect(result.error?.issues[0]?.message).toContain(NEED_CODES[0]);
    expect(needCodeSchema.parse('AUTISM')).toBe('AUTISM');
  });
});
