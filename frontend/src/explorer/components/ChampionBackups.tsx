import type { AccountDetail } from "../api";

export function ChampionBackups({ detail }: { detail: AccountDetail }): JSX.Element {
  return (
    <section className="card" aria-labelledby="backups-title" data-testid="champion-backups">
      <h2 id="backups-title">Champion backups</h2>
      {detail.championBackups.length === 0 ? (
        <p className="muted">No active champion.</p>
      ) : (
        <ul className="plain">
          {detail.championBackups.map((c) => (
            <li key={c.champion.id}>
              <strong>{c.champion.name}</strong>{" "}
              <span className={`badge ${c.hasBackup ? "ok" : "sev-high"}`}>{c.hasBackup ? "backed up" : "no backup"}</span>
              <div className="muted small">
                Coverage if lost: {c.scoreIfLost}
                {c.backups.length > 0 && <> · Backups: {c.backups.map((b) => b.name).join(", ")}</>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
