import { type FormEvent, useState } from "react";

import { ApiError, ExplorerLogInteractionDocument, gql } from "../api";
import type { InteractionType } from "../generated/graphql";
import { todayIso, words } from "../format";
import { hook } from "../hook";

const TYPES: InteractionType[] = ["MEETING", "CALL", "EMAIL", "QBR", "EVENT"];

/** Log a meeting, call... (an EDITOR key): attendees are picked by tapping the graph. The
 * page redraws from the accountChanged subscription, as every other open page does. */
export function LogInteraction({
  headers,
  accountId,
  asOf,
  names,
  kinds,
  picked,
  onPicking,
}: {
  headers: Record<string, string>;
  accountId: string;
  asOf: string;
  names: Map<string, string>;
  kinds: Map<string, string>;
  picked: string[] | null;
  onPicking: (ids: string[] | null) => void;
}): JSX.Element {
  const [type, setType] = useState<InteractionType>("MEETING");
  const [date, setDate] = useState(asOf || todayIso());
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!picked || picked.length === 0) return;
    const memberIds = picked.filter((id) => kinds.get(id) === "MEMBER");
    const stakeholderIds = picked.filter((id) => kinds.get(id) === "STAKEHOLDER");
    setBusy(true);
    setMessage(null);
    const id = `int-${accountId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    gql(headers, ExplorerLogInteractionDocument, {
      input: { id, accountId, date, type, summary: summary || null, memberIds, stakeholderIds },
    })
      .then(() => {
        hook.lastWriteAt = Date.now();
        setMessage({ ok: true, text: `Logged: ${words(type)} with ${picked.map((p) => names.get(p) ?? p).join(", ")}.` });
        setSummary("");
        onPicking(null);
      })
      .catch((exc: unknown) => {
        const text = exc instanceof ApiError && exc.code === "FORBIDDEN" ? "Your key may not write (an EDITOR key can)." : exc instanceof Error ? exc.message : String(exc);
        setMessage({ ok: false, text });
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="log-title" data-testid="log-interaction">
      <h2 id="log-title">Log an interaction</h2>
      {picked === null ? (
        <button type="button" onClick={() => onPicking([])} data-testid="log-start">
          Pick attendees on the graph…
        </button>
      ) : (
        <form onSubmit={submit} className="log-form">
          <p className="muted small">Tap people on the graph to add or remove them.</p>
          <ul className="attendees" data-testid="attendees">
            {picked.map((id) => (
              <li key={id}>
                {names.get(id) ?? id}
                <button type="button" className="link" aria-label={`Remove ${names.get(id) ?? id}`} onClick={() => onPicking(picked.filter((x) => x !== id))}>
                  ×
                </button>
              </li>
            ))}
            {picked.length === 0 && <li className="muted">Nobody yet.</li>}
          </ul>
          <div className="row">
            <div className="field">
              <label htmlFor="log-type">Type</label>
              <select id="log-type" value={type} onChange={(e) => setType(e.target.value as InteractionType)}>
                {TYPES.map((t) => (
                  <option key={t} value={t}>
                    {words(t)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="log-date">Date</label>
              <input id="log-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="log-summary">Summary</label>
            <input id="log-summary" value={summary} onChange={(e) => setSummary(e.target.value)} />
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={busy || picked.length === 0} data-testid="log-submit">
              {busy ? "Logging…" : "Log it"}
            </button>
            <button type="button" className="quiet" onClick={() => onPicking(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p className={message.ok ? "ok small" : "error small"} role="status" data-testid="log-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
