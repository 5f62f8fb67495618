import type { AccountDetail } from "../api";
import { money, words } from "../format";

const STATUS_TEXT: Record<string, string> = {
  DEPLOYED: "Deployed",
  PILOT: "Pilot",
  IN_PIPELINE: "In pipeline",
  WHITESPACE: "Whitespace",
};

export function WhitespaceMatrix({
  detail,
  products,
}: {
  detail: AccountDetail;
  products: Map<string, string>;
}): JSX.Element {
  const { cells, totals } = detail.whitespace;
  const teamNames = new Map(detail.teams.map((t) => [t.id, t.name]));
  const teamIds = [...new Set(cells.map((c) => c.teamId))].sort((a, b) =>
    (teamNames.get(a) ?? a).localeCompare(teamNames.get(b) ?? b),
  );
  const productIds = [...new Set(cells.map((c) => c.productId))].sort((a, b) =>
    (products.get(a) ?? a).localeCompare(products.get(b) ?? b),
  );
  const byKey = new Map(cells.map((c) => [`${c.teamId}\u0000${c.productId}`, c]));
  return (
    <section className="card" aria-labelledby="whitespace-title" data-testid="whitespace">
      <h2 id="whitespace-title">Whitespace</h2>
      <p className="muted small">
        Deployed {money(totals.deployedArr)} · pipeline {money(totals.pipelineAmount)} (weighted{" "}
        {money(totals.weightedPipeline)}) · whitespace estimate {money(totals.whitespaceEstimate)}
      </p>
      {cells.length === 0 ? (
        <p className="muted">No teams or products yet.</p>
      ) : (
        <div className="scroll-x">
          <table className="matrix">
            <caption className="visually-hidden">Status and value of each product in each team</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {productIds.map((p) => (
                  <th scope="col" key={p}>
                    {products.get(p) ?? p}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {teamIds.map((t) => (
                <tr key={t}>
                  <th scope="row">{teamNames.get(t) ?? t}</th>
                  {productIds.map((p) => {
                    const c = byKey.get(`${t}\u0000${p}`);
                    if (!c) return <td key={p} />;
                    return (
                      <td key={p} className={`ws ws-${c.status.toLowerCase()}`}>
                        <span className="ws-status">{STATUS_TEXT[c.status] ?? words(c.status)}</span>
                        <span className="ws-value">{money(c.value)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
