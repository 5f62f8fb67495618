import type { Analyses } from "../api";
import { money } from "../format";

/** §13 by team: reachable whitespace, the door, and the way in (choose one to light it). */
export function ReachableWhitespacePanel({
  analyses,
  teams,
  onLight,
}: {
  analyses: Analyses;
  teams: Map<string, string>;
  onLight: (ids: string[]) => void;
}): JSX.Element {
  const reach = analyses.reachableWhitespace;
  const byTeam = new Map<string, number>();
  for (const c of reach.cells) byTeam.set(c.teamId, (byTeam.get(c.teamId) ?? 0) + (c.reachableValue ?? 0));
  const rows = [...reach.teams]
    .map((t) => ({ ...t, value: byTeam.get(t.teamId) ?? 0 }))
    .filter((t) => t.value > 0 || t.reach > 0)
    .sort((a, b) => b.value - a.value);
  return (
    <section className="card" aria-labelledby="reach-title" data-testid="reachable-whitespace">
      <details>
        <summary>
          <h2 id="reach-title">Reachable whitespace {money(reach.totals.reachableWhitespace)}</h2>
        </summary>
        {rows.length === 0 ? (
          <p className="muted">No team has whitespace we can reach.</p>
        ) : (
          <div className="scroll-x">
          <table className="people compact">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="num">
                  Reachable
                </th>
                <th scope="col" className="num">
                  Reach
                </th>
                <th scope="col">Door</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.teamId} data-team-id={t.teamId}>
                  <td>
                    {t.wayIn ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onLight([...(t.wayIn?.nodes ?? []).map((n) => n.id), ...(t.wayIn?.edges ?? []).map((e) => e.id)])}
                      >
                        {teams.get(t.teamId) ?? t.teamId}
                      </button>
                    ) : (
                      (teams.get(t.teamId) ?? t.teamId)
                    )}
                  </td>
                  <td className="num">{money(t.value)}</td>
                  <td className="num">{Math.round(t.reach * 100)}%</td>
                  <td>{t.door.map((d) => d.name).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </details>
    </section>
  );
}
