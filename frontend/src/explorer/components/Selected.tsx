import { type FormEvent, type ReactNode, useEffect, useState } from "react";

import { ApiError, type BuyingRole, ExplorerUpdateStakeholderDocument, type GraphNode, type Sentiment, gql } from "../api";
import { FLAG_TEXT } from "../elements";
import { words } from "../format";
import { hook } from "../hook";

const SENTIMENTS: Sentiment[] = ["ADVOCATE", "NEUTRAL", "DETRACTOR", "UNKNOWN"];
const ROLES: BuyingRole[] = [
  "CHAMPION",
  "ECONOMIC_BUYER",
  "TECHNICAL_EVALUATOR",
  "BUSINESS_OWNER",
  "USER",
  "INFLUENCER",
  "BLOCKER",
  "NONE",
];

/** The selected person: facts, flags, focus on their 2-hop neighbourhood, and (an EDITOR
 * key) their sentiment, buying role and title changed. */
export function Selected({
  node,
  teams,
  headers,
  focused,
  onFocus,
}: {
  node: GraphNode;
  teams: Map<string, string>;
  headers: Record<string, string>;
  focused: boolean;
  onFocus: (on: boolean) => void;
}): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [sentiment, setSentiment] = useState<Sentiment>(node.sentiment ?? "UNKNOWN");
  const [role, setRole] = useState<BuyingRole>((node.buyingRole as BuyingRole | null) ?? "NONE");
  const [title, setTitle] = useState(node.title ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    setSentiment(node.sentiment ?? "UNKNOWN");
    setRole((node.buyingRole as BuyingRole | null) ?? "NONE");
    setTitle(node.title ?? "");
  }, [node]);
  useEffect(() => {
    setEditing(false);
    setMessage(null);
  }, [node.id]);

  const rows: [string, ReactNode][] = [
    ["Title", node.title ?? "–"],
    ["Team", node.group ? (teams.get(node.group) ?? node.group) : "–"],
  ];
  if (node.kind === "STAKEHOLDER") {
    rows.push(
      ["Sentiment", words(node.sentiment)],
      ["Buying role", words(node.buyingRole)],
      ["Seniority", words(node.seniority)],
      ["Engagement", node.engagement ?? "–"],
      ["Influence rank", node.influenceRank ?? "–"],
    );
  }
  if (node.departedAt) rows.push(["Departed", node.departedAt]);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    setMessage(null);
    gql(headers, ExplorerUpdateStakeholderDocument, {
      input: { id: node.id, sentiment, buyingRole: role, title: title.trim() || null },
    })
      .then(() => {
        hook.lastWriteAt = Date.now();
        setMessage({ ok: true, text: "Saved." });
        setEditing(false);
      })
      .catch((exc: unknown) => {
        const text = exc instanceof ApiError && exc.code === "FORBIDDEN" ? "Your key may not write (an EDITOR key can)." : exc instanceof Error ? exc.message : String(exc);
        setMessage({ ok: false, text });
      });
  };

  return (
    <section className="card selected-card" aria-live="polite" data-testid="selected">
      <h2>
        {node.label} {node.kind === "MEMBER" && <span className="badge member">our member</span>}
      </h2>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {node.flags.length > 0 && (
        <ul className="flags">
          {node.flags.map((f) => (
            <li key={f} className="badge sev-high">
              {FLAG_TEXT[f] ?? words(f)}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" onClick={() => onFocus(!focused)} aria-pressed={focused} data-testid="focus">
          {focused ? "Show everyone" : "Focus (2 hops)"}
        </button>
        {node.kind === "STAKEHOLDER" && !editing && (
          <button type="button" className="quiet" onClick={() => setEditing(true)} data-testid="edit">
            Edit…
          </button>
        )}
      </div>
      {editing && (
        <form className="edit-form" onSubmit={save} data-testid="edit-form">
          <div className="field">
            <label htmlFor="edit-sentiment">Sentiment</label>
            <select id="edit-sentiment" value={sentiment} onChange={(e) => setSentiment(e.target.value as Sentiment)}>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {words(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="edit-role">Buying role</label>
            <select id="edit-role" value={role} onChange={(e) => setRole(e.target.value as BuyingRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {words(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="edit-title">Title</label>
            <input id="edit-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="row">
            <button type="submit" className="primary" data-testid="save">
              Save
            </button>
            <button type="button" className="quiet" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p className={message.ok ? "ok small" : "error small"} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
