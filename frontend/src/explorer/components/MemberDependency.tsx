import type { Analyses } from "../api";

/** §14: per member of ours, whom they alone keep engaged and the coverage if they left. */
export function MemberDependencyPanel({ analyses, score }: { analyses: Analyses; score: number }): JSX.Element {
  const rows = [...analyses.memberDependency].sort((a, b) => a.coverageIfLeaves - b.coverageIfLeaves);
  return (
    <section className="card" aria-labelledby="dependency-title" data-testid="member-dependency">
      <h2 id="dependency-title">If a member left</h2>
      {rows.length === 0 ? (
        <p className="muted">No members on this account.</p>
      ) : (
        <ul className="backups">
          {rows.map((m) => (
            <li key={m.memberId}>
              <strong>{m.member?.name ?? m.memberId}</strong>{" "}
              <span className="muted small">
                engages {m.engagedThrough} · coverage {score} → {m.coverageIfLeaves}
              </span>
              {m.soleEngaged.length > 0 && (
                <div className="small">Only through them: {m.soleEngaged.map((s) => s.name).join(", ")}</div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
