import type { GraphNode } from "../api";
import { FLAG_TEXT } from "../elements";
import { words } from "../format";

const NARROW = typeof window !== "undefined" && window.matchMedia("(max-width: 700px)").matches;

export function PeopleList({
  nodes,
  teams,
  selected,
  onSelect,
}: {
  nodes: GraphNode[];
  teams: Map<string, string>;
  selected: string | null;
  onSelect: (id: string) => void;
}): JSX.Element {
  const sorted = [...nodes].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === "MEMBER" ? -1 : 1) || a.label.localeCompare(b.label),
  );
  return (
    <section className="card" aria-labelledby="people-title">
      {/* Open from the start on a phone, where the list comes before the graph. */}
      <details open={NARROW}>
        <summary>
          <h2 id="people-title">People on the graph ({nodes.length})</h2>
        </summary>
        <div className="scroll-x">
          <table className="people" data-testid="people">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Team</th>
                <th scope="col">Sentiment</th>
                <th scope="col">Role</th>
                <th scope="col" className="num">
                  Engagement
                </th>
                <th scope="col" className="num">
                  Influence rank
                </th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((n) => (
                <tr key={n.id} className={selected === n.id ? "selected" : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => onSelect(n.id)}>
                      {n.label}
                    </button>
                    {n.kind === "MEMBER" && <span className="muted small"> (our member)</span>}
                  </td>
                  <td>{n.title ?? "–"}</td>
                  <td>{n.group ? teams.get(n.group) ?? n.group : "–"}</td>
                  <td>{n.kind === "MEMBER" ? "–" : words(n.sentiment)}</td>
                  <td>{words(n.buyingRole)}</td>
                  <td className="num">{n.engagement ?? "–"}</td>
                  <td className="num">{n.influenceRank ?? "–"}</td>
                  <td>{n.flags.map((f) => FLAG_TEXT[f] ?? words(f)).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
