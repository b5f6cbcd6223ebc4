import type { InsightCount } from './insightsApi';

/**
 * The gap index in bands, for the map's colours and its key. Each band also has words, and
 * "no places" a dashed outline, so no band is told by colour alone.
 */
export const GAP_BANDS = [
  { words: 'No places at all', colour: '#982828', isDashed: true },
  { words: 'More than 2 children for each place a week', colour: '#f47738', isDashed: false },
  { words: '1 to 2 children for each place a week', colour: '#ffdd00', isDashed: false },
  { words: 'Up to 1 child for each place a week', colour: '#0f7a52', isDashed: false },
  { words: 'Fewer than 5 children: no index shown', colour: '#ffffff', isDashed: false },
] as const;

export type GapBand = (typeof GAP_BANDS)[number];

/**
 * The band of a gap index. The API gives no index where there are children and no places,
 * and none where the children are too few to show (an index would tell how many).
 */
export function gapBandOf(index: number | null, children: InsightCount): GapBand {
  const [none, high, middle, low, hidden] = GAP_BANDS;
  if (index === null) return children.value === null ? hidden : none;
  if (index > 2) return high;
  return index > 1 ? middle : low;
}
