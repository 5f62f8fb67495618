import { type AccountDetail, type Band, type FunctionGroup, severityRank } from "../api";
import { words } from "../format";
import { Score } from "./Score";

const BANDS: Band[] = ["EXECUTIVE", "DIRECTOR", "STAFF"];
const GROUPS: FunctionGroup[] = ["BUYING", "USING", "ADJACENT"];

export function CoverageGrid({ detail, names }: { detail: AccountDetail; names: Map<string, string> }): JSX.Element {
  const { coverage } = detail;
  const cell = (band: Band, group: FunctionGroup) =>
    coverage.cells.find((c) => c.band === band && c.group === group);
  return (
    <section className="card" aria-labelledby="coverage-title" data-testid="coverage">
      <h2 id="coverage-title">
        Coverage <Score value={coverage.score} />
      </h2>
      <p className="muted small">
        {coverage.mappedCount} mapped · {coverage.engagedCount} engaged · {coverage.strongCount} strong ·{" "}
        {coverage.threeByThree ? "3×3 met" : "3×3 not met"}
      </p>
      <table className="grid3">
        <caption className="visually-hidden">Engaged people by seniority band and function group</caption>
        <thead>
          <tr>
            <td />
            {GROUPS.map((g) => (
              <th scope="col" key={g}>
                {words(g)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {BANDS.map((band) => (
            <tr key={band}>
              <th scope="row">{words(band)}</th>
              {GROUPS.map((group) => {
                const c = cell(band, group);
                return (
                  <td key={group} className={c?.covered ? "covered" : "uncovered"} data-testid={`cell-${band}-${group}`}>
                    <span aria-hidden="true">{c?.covered ? "✓" : "✗"}</span> {c?.engagedCount ?? 0}
                    <span className="visually-hidden">{c?.covered ? " engaged, covered" : " engaged, not covered"}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Gaps</h3>
      {coverage.gaps.length === 0 ? (
        <p className="muted">No gaps.</p>
      ) : (
        <ul className="gaps" data-testid="gaps">
          {[...coverage.gaps]
            .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
            .map((gap, i) => (
              <li key={`${gap.code}-${gap.stakeholderId ?? ""}-${gap.band ?? ""}-${gap.group ?? ""}-${i}`}>
                <span className={`badge sev-${gap.severity.toLowerCase()}`}>{words(gap.severity)}</span>{" "}
                {words(gap.code)}
                {gap.stakeholderId && <span className="muted"> · {names.get(gap.stakeholderId) ?? gap.stakeholderId}</span>}
                {gap.band && gap.group && (
                  <span className="muted">
                    {" "}
                    · {words(gap.band)} × {words(gap.group)}
                  </span>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
