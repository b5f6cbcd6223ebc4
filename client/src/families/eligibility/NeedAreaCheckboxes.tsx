import { NEED_AREAS, NEEDS, type NeedArea } from '@harbour/shared';
import { Checkboxes } from '../../govuk/Checkboxes';
import { vocabularyOptions } from '../../govuk/vocabularyOptions';

const needAreas = Object.entries(NEED_AREAS) as [NeedArea, string][];

type NeedAreaCheckboxesProps = {
  values: readonly string[];
  onChange: (needs: string[]) => void;
  /** Under each area's legend. */
  hint?: string;
  error?: string;
};

/**
 * The needs, one group of checkboxes for each of the 4 areas of need, as the checker asks them
 * and the profile keeps them. The first area's first checkbox is "needs", where an error about
 * the needs links to.
 */
export function NeedAreaCheckboxes({ values, onChange, hint, error }: NeedAreaCheckboxesProps) {
  // Each area's checkboxes change only that area's needs; the answer keeps the vocabulary's order.
  function chooseInArea(area: NeedArea, chosen: readonly string[]) {
    onChange(
      NEEDS.filter((need) =>
        need.area === area ? chosen.includes(need.code) : values.includes(need.code),
      ).map((need) => need.code),
    );
  }

  return needAreas.map(([area, areaName], index) => (
    <Checkboxes
      key={area}
      name={index === 0 ? 'needs' : `needs-area-${index + 1}`}
      legend={areaName}
      legendSize="m"
      hint={hint}
      options={vocabularyOptions(NEEDS.filter((need) => need.area === area))}
      values={values}
      onChange={(chosen) => chooseInArea(area, chosen)}
      error={index === 0 ? error : undefined}
    />
  ));
}
