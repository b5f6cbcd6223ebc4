// Apart from the API, so that pages linking here do not download the insights' queries.
export const insightsPath = '/commissioners/insights';
export const supplyPath = `${insightsPath}/supply`;
export const demandPath = `${insightsPath}/demand`;
export const transitionPath = `${insightsPath}/transition`;
export const qualityPath = `${insightsPath}/quality`;
export const spendPath = `${insightsPath}/spend`;
export const outcomesPath = `${insightsPath}/outcomes`;
export const reportPath = `${insightsPath}/report`;

/** The drill-down behind one gap cell. */
export const gapPath = (cell: { district: string; need: string; ageBand: string }) =>
  `${insightsPath}/gaps/${[cell.district, cell.need, cell.ageBand].map(encodeURIComponent).join('/')}`;
