import type { Play } from "../api";
import { money, words } from "../format";

/** The ids a play lights: its stakeholder, its member and its path (as the API gives them). */
export function playIds(play: Play): string[] {
  const ids = new Set<string>();
  if (play.member) ids.add(play.member.id);
  if (play.stakeholder) ids.add(play.stakeholder.id);
  for (const n of play.path?.nodes ?? []) ids.add(n.id);
  for (const e of play.path?.edges ?? []) ids.add(e.id);
  return [...ids];
}

/** §17 "do this next": each play, best first; choose one to light its path on the graph. */
export function Plays({
  plays,
  lit,
  onLight,
}: {
  plays: Play[] | null;
  lit: string[];
  onLight: (ids: string[]) => void;
}): JSX.Element {
  const litKey = [...lit].sort().join("|");
  return (
    <section className="card" aria-labelledby="plays-title" data-testid="plays">
      <h2 id="plays-title">Do this next</h2>
      {plays === null ? (
        <p className="muted">Working out the plays…</p>
      ) : plays.length === 0 ? (
        <p className="muted">No plays: everyone active is engaged, or out of reach.</p>
      ) : (
        <ol className="plays">
          {plays.map((play, i) => {
            const ids = playIds(play);
            const active = litKey !== "" && [...ids].sort().join("|") === litKey;
            return (
              <li key={`${play.kind}-${play.stakeholder?.id ?? i}`}>
                <button
                  type="button"
                  className={`path ${active ? "active" : ""}`}
                  aria-pressed={active}
                  onClick={() => onLight(active ? [] : ids)}
                  data-testid="play"
                  data-index={i}
                >
                  <span className="path-names">
                    <span className={`badge play-${play.kind.toLowerCase()}`}>{words(play.kind)}</span>{" "}
                    {play.stakeholder?.name ?? "someone"}
                    {play.member && <span className="muted"> · {play.member.name}</span>}
                  </span>
                  <span className="muted small">
                    {play.path ? `${play.path.nodes.map((n) => n.name).join(" → ")} · ` : ""}
                    coverage +{play.scoreGain}
                    {play.reachGain > 0 && ` · reach +${money(play.reachGain)}`}
                    {play.gapsClosed.length > 0 && ` · closes ${play.gapsClosed.map((g) => words(g.code)).join(", ")}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
