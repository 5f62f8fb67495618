import { useMemo, useState } from "react";

import type { AccountGraph, GraphNode } from "../api";
import { FLAG_TEXT } from "../elements";
import { words } from "../format";
import type { GraphView } from "../hooks/useGraphView";
import { type Filters, NO_FILTERS, defaultCollapsed, filtersActive, search } from "../model";

const CHOICES: { key: keyof Filters; label: string; options: [string, string][] }[] = [
  { key: "band", label: "Band", options: ["EXECUTIVE", "DIRECTOR", "STAFF"].map((v) => [v, words(v)]) },
  { key: "group", label: "Function", options: ["BUYING", "USING", "ADJACENT"].map((v) => [v, words(v)]) },
  {
    key: "sentiment",
    label: "Sentiment",
    options: ["ADVOCATE", "NEUTRAL", "DETRACTOR", "UNKNOWN"].map((v) => [v, words(v)]),
  },
  {
    key: "engagement",
    label: "Engagement",
    options: [
      ["ENGAGED", "Engaged (3+)"],
      ["NOT_ENGAGED", "Not engaged"],
    ],
  },
  {
    key: "flag",
    label: "Flag",
    options: [
      ["ANY", "Any flag"],
      ...["DETRACTOR_ECONOMIC_BUYER", "CHAMPION_WITHOUT_BACKUP", "SOLE_ENGAGED_THROUGH_ONE_MEMBER", "OVERDUE"].map(
        (f): [string, string] => [f, words(FLAG_TEXT[f])],
      ),
    ],
  },
];

/** Search a person (centred and selected), filter who is shown, focus, collapse teams. */
export function GraphToolbar({
  graph,
  people,
  view,
  onFind,
}: {
  graph: AccountGraph;
  people: GraphNode[];
  view: GraphView;
  onFind: (id: string) => void;
}): JSX.Element {
  const [text, setText] = useState("");
  const matches = useMemo(() => search(people, text), [people, text]);
  const names = new Map(people.map((n) => [n.id, n.label]));
  const find = (node: GraphNode): void => {
    setText("");
    // Shown wherever it is: its collapsed teams open, filters that hide it cleared.
    const parents = new Map(graph.groups.map((g) => [g.id, g.parent ?? null]));
    const open = new Set(view.collapsed ?? []);
    for (let t = node.group ?? null, n = 0; t && n < 50; t = parents.get(t) ?? null, n++) open.delete(t);
    view.setCollapsed(open);
    view.setFilters(NO_FILTERS);
    onFind(node.id);
  };
  return (
    <div className="graph-tools" data-testid="graph-tools">
      <div className="field search-field">
        <label htmlFor="person-search">Find a person</label>
        <input
          id="person-search"
          type="search"
          value={text}
          autoComplete="off"
          placeholder="Name"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && matches[0]) {
              e.preventDefault();
              find(matches[0]);
            }
          }}
          data-testid="person-search"
        />
        {matches.length > 0 && (
          <ul className="matches" role="listbox" data-testid="person-matches">
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => find(m)} data-person-id={m.id}>
                  {m.label}
                  {m.title && <span className="muted small"> · {m.title}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {CHOICES.map((c) => (
        <div className="field" key={c.key}>
          <label htmlFor={`filter-${c.key}`}>{c.label}</label>
          <select
            id={`filter-${c.key}`}
            value={view.filters[c.key]}
            onChange={(e) => view.setFilters({ ...view.filters, [c.key]: e.target.value })}
            data-testid={`filter-${c.key}`}
          >
            <option value="">All</option>
            {c.options.map(([v, t]) => (
              <option key={v} value={v}>
                {t}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="tool-buttons">
        {filtersActive(view.filters) && (
          <button type="button" className="quiet" onClick={() => view.setFilters(NO_FILTERS)} data-testid="clear-filters">
            Clear filters
          </button>
        )}
        {view.focus && (
          <button type="button" className="quiet" onClick={() => view.setFocus(null)} data-testid="clear-focus">
            Unfocus {names.get(view.focus) ?? ""}
          </button>
        )}
        <button type="button" onClick={() => view.setCollapsed(new Set())} data-testid="expand-all">
          Expand all
        </button>
        <button
          type="button"
          onClick={() => view.setCollapsed(defaultCollapsed(graph))}
          data-testid="collapse-large"
        >
          Collapse large teams
        </button>
      </div>
    </div>
  );
}
