import type { TrendDay } from "../api";
import { TREND_DAYS, trendWindow } from "../hooks/useAccount";

/** The coverage score day by day over the 90 days ending on the as-of date: the account's
 * daily snapshots (filled dots, solid line) and the days the API reconstructed from the
 * graph's history (hollow dots, dashed line). */
export function CoverageTrend({ days: given, asOf }: { days: TrendDay[] | null; asOf: string }): JSX.Element {
  const days = given ?? [];
  const width = 280;
  const height = 90;
  const pad = 6;
  const { trendFrom, trendTo } = trendWindow(asOf);
  const first = days[0];
  const last = days[days.length - 1];
  const span = first && last ? (Date.parse(last.date) - Date.parse(first.date)) / 86_400_000 : 0;
  const x = (d: TrendDay): number =>
    span === 0 || !first
      ? width / 2
      : 28 + ((Date.parse(d.date) - Date.parse(first.date)) / 86_400_000 / span) * (width - 28 - pad);
  const y = (d: TrendDay): number => height - pad - (d.coverageScore / 100) * (height - 2 * pad);
  const change = first && last ? last.coverageScore - first.coverageScore : 0;
  const stored = days.filter((d) => !d.reconstructed);
  const rebuilt = days.length - stored.length;
  // Solid runs: consecutive stored days.
  const runs: TrendDay[][] = [];
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as TrendDay;
    if (d.reconstructed) continue;
    const prev = days[i - 1];
    if (prev && !prev.reconstructed && runs.length) (runs[runs.length - 1] as TrendDay[]).push(d);
    else runs.push([d]);
  }
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="coverage-trend">
      <h2 id="trend-title">Coverage trend</h2>
      <p className="muted small">
        {trendFrom} to {trendTo} ({TREND_DAYS} days)
      </p>
      {given === null ? (
        <p className="muted">Loading the trend…</p>
      ) : !first || !last ? (
        <p className="muted">No days to show in this window.</p>
      ) : (
        <>
          <svg
            className="trend"
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`Coverage score from ${first.coverageScore} on ${first.date} to ${last.coverageScore} on ${last.date}`}
          >
            {[0, 50, 100].map((v) => {
              const at = height - pad - (v / 100) * (height - 2 * pad);
              return (
                <g key={v}>
                  <line className="trend-rule" x1={22} x2={width} y1={at} y2={at} />
                  <text className="trend-label" x={0} y={at + 3}>
                    {v}
                  </text>
                </g>
              );
            })}
            <polyline className="trend-line reconstructed" points={days.map((d) => `${x(d)},${y(d)}`).join(" ")} />
            {runs
              .filter((r) => r.length > 1)
              .map((r) => (
                <polyline key={r[0]?.date} className="trend-line" points={r.map((d) => `${x(d)},${y(d)}`).join(" ")} />
              ))}
            {days.map((d) => (
              <circle
                key={d.date}
                className={d.reconstructed ? "trend-dot reconstructed" : "trend-dot"}
                cx={x(d)}
                cy={y(d)}
                r={d.reconstructed ? 1.6 : 2.6}
                data-date={d.date}
              >
                <title>{`${d.date}: ${d.coverageScore} (${d.engagedCount} engaged)${d.reconstructed ? ", reconstructed" : ""}`}</title>
              </circle>
            ))}
          </svg>
          <p className="facts trend-facts" data-testid="trend-summary">
            <span>
              {first.date === last.date
                ? `${last.coverageScore} on ${last.date}`
                : `${first.coverageScore} → ${last.coverageScore} (${change >= 0 ? "+" : ""}${change}) since ${first.date}`}
            </span>
            <span>
              {stored.length} day{stored.length === 1 ? "" : "s"} recorded
            </span>
            {rebuilt > 0 && (
              <span data-testid="trend-reconstructed">
                {rebuilt} reconstructed from history (hollow, dashed)
              </span>
            )}
          </p>
        </>
      )}
    </section>
  );
}
