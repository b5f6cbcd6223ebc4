/**
 * The gap index in four bands, for the map's colours and its key. Each band also has words,
 * and "no places" a dashed outline, so no band is told by colour alone.
 */
export const GAP_BANDS = [
  { words: 'No places at all', colour: '#982828', isDashed: true },
  { words: 'More than 2 children for each place a week', colour: '#f47738', isDashed: false },
  { words: '1 to 2 children for each place a week', colour: '#ffdd00', isDashed: false },
  { words: 'Up to 1 child for each place a week', colour: '#0f7a52', isDashed: false },
] as const;

export type GapBand = (typeof GAP_BANDS)[number];

export function gapBandOf(index: number | null): GapBand {
  const [none, high, middle, low] = GAP_BANDS;
  if (index === null) return none;
  if (index > 2) return high;
  return index > 1 ? middle : low;
}
