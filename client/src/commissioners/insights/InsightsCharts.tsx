import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  XAxis,
  YAxis,
} from 'recharts';

// The charts are pictures of the tables that follow them: one image each for screen readers,
// named by a summary, with no tooltips or keyboard layer that only the table should offer.
// They are drawn at once, with no animation, so that what prints is what shows.
const INK = '#0b0c0c';
const BLUE = '#1d70b8';

type ChartProps = {
  /** What the chart shows, in a sentence or two, as its accessible name. */
  summary: string;
};

/** Horizontal bars, one a row, the value written at the end of each bar. */
export function BarsChart({
  summary,
  bars,
  valueName,
}: ChartProps & {
  bars: readonly { name: string; value: number }[];
  valueName: string;
}) {
  return (
    <div role="img" aria-label={summary} className="govuk-body harbour-insights-chart">
      <BarChart
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: 48 + bars.length * 36 }}
        data={[...bars]}
        layout="vertical"
        margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} />
        <XAxis type="number" stroke={INK} />
        <YAxis type="category" dataKey="name" width={160} stroke={INK} />
        <Bar dataKey="value" name={valueName} fill={BLUE} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" fill={INK} />
        </Bar>
      </BarChart>
    </div>
  );
}

/** A line a series over the months; each line dashed its own way, so none is told by colour. */
export function MonthsChart({
  summary,
  months,
  series,
}: ChartProps & {
  months: readonly ({ month: string } & Record<string, number | string | null>)[];
  series: readonly { key: string; name: string }[];
}) {
  const styles = [
    { stroke: BLUE, strokeDasharray: undefined },
    { stroke: INK, strokeDasharray: '8 4' },
    { stroke: '#0f7a52', strokeDasharray: '2 3' },
    { stroke: '#ca357c', strokeDasharray: '12 3 3 3' },
  ];
  return (
    <div role="img" aria-label={summary} className="govuk-body harbour-insights-chart">
      <LineChart
        responsive
        accessibilityLayer={false}
        style={{ width: '100%', height: 360 }}
        data={[...months]}
        margin={{ top: 8, right: 40, bottom: 8, left: 8 }}
      >
        <CartesianGrid vertical={false} />
        <XAxis dataKey="month" stroke={INK} />
        <YAxis allowDecimals={false} stroke={INK} />
        <Legend />
        {series.map(({ key, name }, index) => (
          <Line
            key={key}
            dataKey={key}
            name={name}
            strokeWidth={3}
            {...styles[index % styles.length]}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
