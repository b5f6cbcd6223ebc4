// `npm run insights:rebuild`: rebuilds the commissioners' summary cells at MONGODB_URI (by
// default the database `npm start` runs) from the source records, compares them with the
// cells kept up to date as records changed, and replaces them. Prints any difference and
// exits 1 if there was one (the rebuilt figures are in place either way).
import { InsightSummaries } from '../server/src/modules/insights/insights.summaries';
import { createLogger } from '../server/src/platform/logger';
import { runAgainstDatabase } from './services/script-database';

runAgainstDatabase('insights:rebuild', async (where) => {
  const report = await new InsightSummaries(createLogger('warn')).rebuild();
  console.log(
    `Insights ${where}: ${report.cells} cells from ${report.records} records, rebuilt in ${report.ms} ms`,
  );
  // Only which cells differed: their counts may be of fewer than 5 children.
  for (const { key } of report.differences) console.log(`  DIFFERENT ${key}`);
  console.log(
    !report.compared
      ? 'There were no kept summaries to compare (first build, or a rebuild cut short)'
      : report.agreed
        ? 'The kept summaries agreed with the rebuild'
        : 'The kept summaries differed from the rebuild (now replaced by it)',
  );
  return report.agreed ? 0 : 1;
});
