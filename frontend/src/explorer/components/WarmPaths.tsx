import type { GraphNode, WarmPath } from "../api";

export function WarmPaths({
  people,
  paths,
  target,
  busy,
  error,
  focused,
  onTarget,
  onFind,
  onFocus,
}: {
  people: GraphNode[];
  paths: WarmPath[] | null;
  target: string;
  busy: boolean;
  error: string | null;
  focused: number | null;
  onTarget: (id: string) => void;
  onFind: () => void;
  onFocus: (index: number | null) => void;
}): JSX.Element {
  return (
    <section className="card" aria-labelledby="paths-title" data-testid="warm-paths">
      <h2 id="paths-title">Warm path finder</h2>
      <form
        className="path-form"
        onSubmit={(e) => {
          e.preventDefault();
          onFind();
        }}
      >
        <label htmlFor="path-target">Introduction to</label>
        <div className="row">
          <select id="path-target" value={target} onChange={(e) => onTarget(e.target.value)} data-testid="path-target">
            <option value="">Choose a stakeholder…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
                {p.title ? ` — ${p.title}` : ""}
              </option>
            ))}
          </select>
          <button type="submit" className="primary" disabled={!target || busy} data-testid="find-paths">
            {busy ? "Finding…" : "Find"}
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {paths && paths.length === 0 && <p className="muted">No warm path within 4 hops.</p>}
      {paths && paths.length > 0 && (
        <ol className="paths" data-testid="path-list" aria-live="polite">
          {paths.map((path, i) => (
            <li key={path.edges.map((e) => e.id).join("|")}>
              <button
                type="button"
                className={`path ${focused === i ? "active" : ""}`}
                aria-pressed={focused === i}
                onClick={() => onFocus(focused === i ? null : i)}
              >
                <span className="path-names">{path.nodes.map((n) => n.name).join(" → ")}</span>
                <span className="muted small">
                  {path.hops} hop{path.hops === 1 ? "" : "s"} · weakest link {path.weakestLink} · total {path.totalStrength}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {paths && paths.length > 1 && (
        <p className="muted small">All paths are lit on the graph; choose one to show it alone.</p>
      )}
    </section>
  );
}
