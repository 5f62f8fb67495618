// The graph explorer at /explorer: the portfolio a key may see, then one account's
// relationship graph (Cytoscape.js), 3x3 coverage, champion backups, warm paths and
// whitespace, all read from /graphql with the caller's key (the API applies its scope).
import type { Core } from "cytoscape";
import { type FormEvent, type MutableRefObject, type ReactNode, StrictMode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";

import "./explorer.css";

import { readConfig } from "./config";
import {
  ACCOUNT,
  type AccountAnswer,
  type AccountDetail,
  type AccountRow,
  type AccountSort,
  ApiError,
  type Band,
  type FunctionGroup,
  type GraphNode,
  PORTFOLIO,
  type PortfolioPage,
  type Tier,
  type TrendDay,
  WARM_PATHS,
  type WarmPath,
  type WarmPathsAnswer,
  gql,
  severityRank,
  worstGap,
} from "./explorer/api";
import { FLAG_TEXT, MEMBER_COLOUR, SENTIMENT_COLOURS, draw, highlight, png } from "./explorer/graph";
import { MILESTONES, daysBefore, money, slug, todayIso, words } from "./explorer/format";

/** What tests (and curious SAMs in the console) can read: the graph and its timings. */
interface ExplorerHook {
  cy: Core | null;
  ready: boolean;
  renders: number;
  accountId: string | null;
  asOf: string | null;
  lastRenderMs: number | null;
  lastLayoutMs: number | null;
  lastFetchMs: number | null;
  highlighted: string[];
}

declare global {
  interface Window {
    samgraphExplorer: ExplorerHook;
  }
}

const hook: ExplorerHook = {
  cy: null,
  ready: false,
  renders: 0,
  accountId: null,
  asOf: null,
  lastRenderMs: null,
  lastLayoutMs: null,
  lastFetchMs: null,
  highlighted: [],
};
window.samgraphExplorer = hook;

const KEY_STORAGE = "samgraph.explorer.key";
const config = readConfig();
const configuredKey = Boolean(config.headers.Authorization);

// ---------------------------------------------------------------- routing (the hash)

interface Route {
  accountId: string | null;
  asOf: string | null;
}

function readRoute(): Route {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  return { accountId: params.get("account"), asOf: params.get("asOf") };
}

function routeHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.accountId) params.set("account", route.accountId);
  if (route.accountId && route.asOf) params.set("asOf", route.asOf);
  const text = params.toString();
  return text ? `#${text}` : "#";
}

function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(() => {
    const onHash = (): void => setRoute(readRoute());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, go];
}

// ---------------------------------------------------------------- the key

function storedKey(): string | null {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

function KeyForm({ refused, onKey }: { refused: boolean; onKey: (key: string) => void }): JSX.Element {
  const [value, setValue] = useState("");
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (value.trim()) onKey(value.trim());
  };
  return (
    <main className="key-page">
      <form className="card key-form" onSubmit={submit} data-testid="key-form">
        <h1>samgraph explorer</h1>
        <p>Enter your samgraph API key. It stays in this browser tab only (session storage) and is sent with every request.</p>
        {refused && (
          <p className="error" role="alert">
            The API refused that key (unknown, revoked or expired). Try another.
          </p>
        )}
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="sgk_…"
          autoFocus
        />
        <button type="submit" className="primary" disabled={!value.trim()}>
          Open the explorer
        </button>
      </form>
    </main>
  );
}

// ---------------------------------------------------------------- the portfolio

type Column = "name" | "tier" | "coverage" | "milestone" | "days" | "gap";
const API_SORT: Partial<Record<Column, AccountSort>> = {
  name: "NAME",
  tier: "STRATEGIC_SCORE",
  coverage: "COVERAGE_SCORE",
  days: "DAYS_TO_RENEWAL",
};
const TIER_RANK: Record<Tier, number> = { STRATEGIC: 0, KEY: 1, STANDARD: 2 };

function compareRows(column: Column): (a: AccountRow, b: AccountRow) => number {
  switch (column) {
    case "milestone": {
      const rank = (r: AccountRow): number =>
        r.renewal.milestone ? MILESTONES.indexOf(r.renewal.milestone) : -1;
      return (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name);
    }
    case "gap": {
      const key = (r: AccountRow): [number, string] => {
        const gap = worstGap(r.coverage.gaps);
        return [severityRank(gap?.severity), gap?.code ?? ""];
      };
      return (a, b) => {
        const [sa, ca] = key(a);
        const [sb, cb] = key(b);
        return sa - sb || ca.localeCompare(cb) || a.name.localeCompare(b.name);
      };
    }
    case "tier":
      return (a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || b.strategicScore - a.strategicScore;
    case "coverage":
      return (a, b) => a.coverage.score - b.coverage.score;
    case "days":
      return (a, b) => (a.renewal.daysToRenewal ?? 1e9) - (b.renewal.daysToRenewal ?? 1e9);
    default:
      return (a, b) => a.name.localeCompare(b.name);
  }
}

interface Sort {
  column: Column;
  descending: boolean;
}

function Portfolio({
  headers,
  onRefused,
  onOpen,
}: {
  headers: Record<string, string>;
  onRefused: () => void;
  onOpen: (id: string) => void;
}): JSX.Element {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [tier, setTier] = useState<Tier | "">("");
  const [sort, setSort] = useState<Sort>({ column: "name", descending: false });
  const [rows, setRows] = useState<AccountRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  // The API sorts what it can; tier is the strategic score's band (higher first).
  const apiSort = API_SORT[sort.column];
  const apiDescending = sort.column === "tier" ? !sort.descending : sort.descending;
  useEffect(() => {
    let live = true;
    setError(null);
    const load = async (): Promise<void> => {
      const filter: Record<string, unknown> = {};
      if (query) filter.nameContains = query;
      if (tier) filter.tier = tier;
      const all: AccountRow[] = [];
      let after: string | null = null;
      for (;;) {
        const page: PortfolioPage = await gql<PortfolioPage>(headers, PORTFOLIO, {
          filter,
          after,
          sortBy: apiSort ?? "NAME",
          descending: apiSort ? apiDescending : false,
        });
        if (!live) return;
        all.push(...page.accounts.nodes);
        setTotal(page.accounts.totalCount);
        if (!page.accounts.pageInfo.hasNextPage || !page.accounts.pageInfo.endCursor) break;
        after = page.accounts.pageInfo.endCursor;
      }
      setRows(all);
    };
    load().catch((exc: unknown) => {
      if (!live) return;
      if (exc instanceof ApiError && exc.status === 401) onRefused();
      else setError(exc instanceof Error ? exc.message : String(exc));
    });
    return () => {
      live = false;
    };
  }, [headers, query, tier, apiSort, apiDescending, onRefused]);

  const shown = useMemo(() => {
    if (!rows || apiSort) return rows;
    const sorted = [...rows].sort(compareRows(sort.column));
    return sort.descending ? sorted.reverse() : sorted;
  }, [rows, apiSort, sort]);

  const header = (column: Column, text: string, numeric = false): JSX.Element => {
    const active = sort.column === column;
    const direction = active ? (sort.descending ? "descending" : "ascending") : "none";
    return (
      <th scope="col" aria-sort={direction} className={numeric ? "num" : undefined}>
        <button
          type="button"
          className="sort"
          data-testid={`sort-${column}`}
          onClick={() => setSort({ column, descending: active ? !sort.descending : false })}
        >
          {text}
          <span aria-hidden="true" className="arrow">
            {active ? (sort.descending ? "▼" : "▲") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <main className="portfolio">
      <div className="toolbar" role="search">
        <div className="field">
          <label htmlFor="search">Search accounts</label>
          <input
            id="search"
            type="search"
            value={search}
            placeholder="Account name"
            onChange={(e) => setSearch(e.target.value)}
            data-testid="search"
          />
        </div>
        <div className="field">
          <label htmlFor="tier">Tier</label>
          <select id="tier" value={tier} onChange={(e) => setTier(e.target.value as Tier | "")} data-testid="tier">
            <option value="">All tiers</option>
            <option value="STRATEGIC">Strategic</option>
            <option value="KEY">Key</option>
            <option value="STANDARD">Standard</option>
          </select>
        </div>
        <p className="count" aria-live="polite" data-testid="account-count">
          {rows ? `${rows.length} of ${total} account${total === 1 ? "" : "s"}` : "Loading accounts…"}
        </p>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="card table-card">
        <table className="accounts" data-testid="portfolio">
          <caption className="visually-hidden">Accounts you can see; choose one to open its graph</caption>
          <thead>
            <tr>
              {header("name", "Account")}
              {header("tier", "Tier")}
              {header("coverage", "Coverage", true)}
              {header("milestone", "Renewal milestone")}
              {header("days", "Days to renewal", true)}
              {header("gap", "Worst gap")}
            </tr>
          </thead>
          <tbody>
            {shown?.map((row) => {
              const gap = worstGap(row.coverage.gaps);
              return (
                <tr key={row.id} data-testid="account-row" data-account-id={row.id} onClick={() => onOpen(row.id)}>
                  <td>
                    <a
                      href={routeHash({ accountId: row.id, asOf: null })}
                      onClick={(e) => e.stopPropagation()}
                      className="account-link"
                    >
                      {row.name}
                    </a>
                  </td>
                  <td>
                    <span className={`badge tier-${row.tier.toLowerCase()}`}>{words(row.tier)}</span>
                  </td>
                  <td className="num">
                    <Score value={row.coverage.score} />
                  </td>
                  <td>{words(row.renewal.milestone)}</td>
                  <td className="num">{row.renewal.daysToRenewal ?? "–"}</td>
                  <td>
                    {gap ? (
                      <span className={`badge sev-${gap.severity.toLowerCase()}`} title={gap.severity}>
                        {words(gap.code)}
                      </span>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                </tr>
              );
            })}
            {shown && shown.length === 0 && (
              <tr>
                <td colSpan={6} className="muted empty">
                  No accounts match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </main>
  );
}

function Score({ value }: { value: number }): JSX.Element {
  const level = value >= 70 ? "good" : value >= 40 ? "fair" : "poor";
  return (
    <span className={`score score-${level}`}>
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      {value}
    </span>
  );
}

// ---------------------------------------------------------------- one account

function GraphCanvas({
  detail,
  asOf,
  lit,
  onSelect,
  cyRef,
}: {
  detail: AccountDetail;
  asOf: string;
  lit: string[];
  onSelect: (id: string | null) => void;
  cyRef: MutableRefObject<Core | null>;
}): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const graph = detail.graph;
  const people = graph.nodes.length;
  const relationships = graph.edges.length;

  useEffect(() => {
    if (!container.current) return;
    hook.ready = false;
    const drawn = draw(container.current, graph, cyRef.current);
    cyRef.current = drawn.cy;
    drawn.cy.on("tap", "node", (event) => {
      const id = event.target.id() as string;
      onSelect(event.target.hasClass("team") ? null : id);
    });
    drawn.cy.on("tap", (event) => {
      if (event.target === drawn.cy) onSelect(null);
    });
    Object.assign(hook, {
      cy: drawn.cy,
      ready: true,
      renders: hook.renders + 1,
      accountId: detail.id,
      asOf,
      lastRenderMs: Math.round(drawn.renderMs),
      lastLayoutMs: Math.round(drawn.layoutMs),
      highlighted: [],
    });
  }, [graph, detail.id, asOf, onSelect, cyRef]);

  useEffect(
    () => () => {
      cyRef.current?.destroy();
      cyRef.current = null;
      Object.assign(hook, { cy: null, ready: false, accountId: null });
    },
    [cyRef],
  );

  useEffect(() => {
    if (cyRef.current) hook.highlighted = highlight(cyRef.current, lit);
  }, [lit, graph, cyRef]);

  return (
    <div
      ref={container}
      className="graph"
      role="img"
      aria-label={`Relationship graph of ${detail.name}: ${people} people, ${relationships} relationships`}
      data-testid="graph"
    />
  );
}

function Legend(): JSX.Element {
  return (
    <ul className="legend" aria-label="Legend">
      {Object.entries(SENTIMENT_COLOURS).map(([name, colour]) => (
        <li key={name}>
          <span className="dot" style={{ background: colour }} aria-hidden="true" />
          {words(name)}
        </li>
      ))}
      <li>
        <span className="diamond" style={{ background: MEMBER_COLOUR }} aria-hidden="true" />
        Our member
      </li>
      <li>
        <span className="dot flagged" aria-hidden="true" />
        Flagged ⚠
      </li>
      <li>
        <span className="line knows" aria-hidden="true" />
        Knows (width: strength)
      </li>
      <li>
        <span className="line knows overdue" aria-hidden="true" />
        Overdue
      </li>
      <li>
        <span className="line reports" aria-hidden="true" />
        Reports to
      </li>
      <li>
        <span className="line influences" aria-hidden="true" />
        Influences
      </li>
    </ul>
  );
}

const BANDS: Band[] = ["EXECUTIVE", "DIRECTOR", "STAFF"];
const GROUPS: FunctionGroup[] = ["BUYING", "USING", "ADJACENT"];

function CoverageGrid({ detail, names }: { detail: AccountDetail; names: Map<string, string> }): JSX.Element {
  const { coverage } = detail;
  const cell = (band: Band, group: FunctionGroup) =>
    coverage.cells.find((c) => c.band === band && c.group === group);
  return (
    <section className="card" aria-labelledby="coverage-title" data-testid="coverage">
      <h2 id="coverage-title">
        Coverage <Score value={coverage.score} />
      </h2>
      <p className="muted small">
        {coverage.mappedCount} mapped · {coverage.engagedCount} engaged · {coverage.strongCount} strong ·{" "}
        {coverage.threeByThree ? "3×3 met" : "3×3 not met"}
      </p>
      <table className="grid3">
        <caption className="visually-hidden">Engaged people by seniority band and function group</caption>
        <thead>
          <tr>
            <td />
            {GROUPS.map((g) => (
              <th scope="col" key={g}>
                {words(g)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {BANDS.map((band) => (
            <tr key={band}>
              <th scope="row">{words(band)}</th>
              {GROUPS.map((group) => {
                const c = cell(band, group);
                return (
                  <td key={group} className={c?.covered ? "covered" : "uncovered"} data-testid={`cell-${band}-${group}`}>
                    <span aria-hidden="true">{c?.covered ? "✓" : "✗"}</span> {c?.engagedCount ?? 0}
                    <span className="visually-hidden">{c?.covered ? " engaged, covered" : " engaged, not covered"}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Gaps</h3>
      {coverage.gaps.length === 0 ? (
        <p className="muted">No gaps.</p>
      ) : (
        <ul className="gaps" data-testid="gaps">
          {[...coverage.gaps]
            .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
            .map((gap, i) => (
              <li key={`${gap.code}-${gap.stakeholderId ?? ""}-${gap.band ?? ""}-${gap.group ?? ""}-${i}`}>
                <span className={`badge sev-${gap.severity.toLowerCase()}`}>{words(gap.severity)}</span>{" "}
                {words(gap.code)}
                {gap.stakeholderId && <span className="muted"> · {names.get(gap.stakeholderId) ?? gap.stakeholderId}</span>}
                {gap.band && gap.group && (
                  <span className="muted">
                    {" "}
                    · {words(gap.band)} × {words(gap.group)}
                  </span>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

const TREND_DAYS = 90;

/** The coverage score day by day from the account's daily snapshots, as a line. */
function CoverageTrend({ days }: { days: TrendDay[] }): JSX.Element {
  const width = 280;
  const height = 90;
  const pad = 6;
  const left = 36; // room for the 0 / 50 / 100 labels
  const first = days[0];
  const last = days[days.length - 1];
  const span = first && last ? (Date.parse(last.date) - Date.parse(first.date)) / 86_400_000 : 0;
  const x = (d: TrendDay): number =>
    span === 0 || !first ? width / 2 : pad + ((Date.parse(d.date) - Date.parse(first.date)) / 86_400_000 / span) * (width - 2 * pad);
  const y = (d: TrendDay): number => height - pad - (d.coverageScore / 100) * (height - 2 * pad);
  const change = first && last ? last.coverageScore - first.coverageScore : 0;
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="coverage-trend">
      <h2 id="trend-title">Coverage trend</h2>
      {!first || !last ? (
        <p className="muted">No daily snapshots in the last {TREND_DAYS} days yet.</p>
      ) : (
        <>
          <svg
            className="trend"
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`Coverage score from ${first.coverageScore} on ${first.date} to ${last.coverageScore} on ${last.date}`}
          >
            {[0, 50, 100].map((v) => {
              const at = height - pad - (v / 100) * (height - 2 * pad);
              return (
                <g key={v}>
                  <line className="trend-rule" x1={22} x2={width} y1={at} y2={at} />
                  <text className="trend-label" x={0} y={at + 3}>
                    {v}
                  </text>
                </g>
              );
            })}
            <polyline className="trend-line" points={days.map((d) => `${x(d)},${y(d)}`).join(" ")} />
            {days.map((d) => (
              <circle key={d.date} className="trend-dot" cx={x(d)} cy={y(d)} r={days.length > 30 ? 1.5 : 3}>
                <title>{`${d.date}: ${d.coverageScore} (${d.engagedCount} engaged)`}</title>
              </circle>
            ))}
          </svg>
          <p className="facts" data-testid="trend-summary">
            <span>
              {first.date === last.date
                ? `${last.coverageScore} on ${last.date} (the first snapshot)`
                : `${first.coverageScore} → ${last.coverageScore} (${change >= 0 ? "+" : ""}${change}) since ${first.date}`}
            </span>
            <span>{days.length} day{days.length === 1 ? "" : "s"} recorded</span>
          </p>
        </>
      )}
    </section>
  );
}

function ChampionBackups({ detail }: { detail: AccountDetail }): JSX.Element {
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

function WarmPaths({
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

const STATUS_TEXT: Record<string, string> = {
  DEPLOYED: "Deployed",
  PILOT: "Pilot",
  IN_PIPELINE: "In pipeline",
  WHITESPACE: "Whitespace",
};

function WhitespaceMatrix({
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

function PeopleList({
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
      <details>
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

function Selected({ node, teams }: { node: GraphNode; teams: Map<string, string> }): JSX.Element {
  const rows: [string, ReactNode][] = [
    ["Title", node.title ?? "–"],
    ["Team", node.group ? teams.get(node.group) ?? node.group : "–"],
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
    </section>
  );
}

function AccountView({
  headers,
  accountId,
  asOf,
  onRefused,
  onAsOf,
}: {
  headers: Record<string, string>;
  accountId: string;
  asOf: string;
  onRefused: () => void;
  onAsOf: (asOf: string) => void;
}): JSX.Element {
  // The answer and the date it is of (the graph is redrawn when a new answer lands).
  const [loaded, setLoaded] = useState<{ answer: AccountAnswer; asOf: string } | null>(null);
  const answer = loaded?.answer ?? null;
  const [departed, setDeparted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [target, setTarget] = useState("");
  const [paths, setPaths] = useState<WarmPath[] | null>(null);
  const [pathBusy, setPathBusy] = useState(false);
  const [pathError, setPathError] = useState<string | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [dateText, setDateText] = useState(asOf);
  const cyRef = useRef<Core | null>(null);

  useEffect(() => setDateText(asOf), [asOf]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const started = performance.now();
    const trendTo = asOf || todayIso();
    gql<AccountAnswer>(headers, ACCOUNT, {
      id: accountId,
      asOf: asOf || null,
      include: departed ? ["MEMBERS", "DEPARTED"] : ["MEMBERS"],
      trendFrom: daysBefore(trendTo, TREND_DAYS),
      trendTo,
    })
      .then((data) => {
        if (!live) return;
        hook.lastFetchMs = Math.round(performance.now() - started);
        setLoaded({ answer: data, asOf });
        setLoading(false);
      })
      .catch((exc: unknown) => {
        if (!live) return;
        setLoading(false);
        if (exc instanceof ApiError && exc.status === 401) onRefused();
        else setError(exc instanceof Error ? exc.message : String(exc));
      });
    return () => {
      live = false;
    };
  }, [headers, accountId, asOf, departed, onRefused]);

  // Paths belong to one account on one date.
  useEffect(() => {
    setPaths(null);
    setFocused(null);
    setPathError(null);
  }, [accountId, asOf]);

  const detail = answer?.account ?? null;
  const products = useMemo(
    () => new Map((answer?.products?.nodes ?? []).map((p) => [p.id, p.name])),
    [answer],
  );
  const teams = useMemo(() => new Map((detail?.graph.groups ?? []).map((g) => [g.id, g.label])), [detail]);
  const names = useMemo(() => new Map((detail?.graph.nodes ?? []).map((n) => [n.id, n.label])), [detail]);
  const targets = useMemo(
    () =>
      (detail?.graph.nodes ?? [])
        .filter((n) => n.kind === "STAKEHOLDER" && n.status !== "DEPARTED")
        .sort((a, b) => a.label.localeCompare(b.label)),
    [detail],
  );
  const lit = useMemo(() => {
    if (!paths) return [];
    const chosen = focused === null ? paths : paths.slice(focused, focused + 1);
    return chosen.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]);
  }, [paths, focused]);

  const findPaths = (): void => {
    if (!target) return;
    setPathBusy(true);
    setPathError(null);
    setFocused(null);
    gql<WarmPathsAnswer>(headers, WARM_PATHS, { id: accountId, to: target, asOf: asOf || null })
      .then((data) => setPaths(data.account?.warmPaths ?? []))
      .catch((exc: unknown) => {
        if (exc instanceof ApiError && exc.status === 401) onRefused();
        else setPathError(exc instanceof Error ? exc.message : String(exc));
      })
      .finally(() => setPathBusy(false));
  };

  const downloadPng = (): void => {
    if (!cyRef.current) return;
    const url = URL.createObjectURL(png(cyRef.current));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${slug(accountId)}-graph.png`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const onSelect = useCallback((id: string | null) => setSelected(id), []);
  const selectFromList = (id: string): void => {
    setSelected(id);
    const cy = cyRef.current;
    if (cy) {
      cy.elements().unselect();
      const el = cy.getElementById(id);
      el.select();
      cy.animate({ center: { eles: el }, duration: 200 });
    }
  };
  const selectedNode = detail?.graph.nodes.find((n) => n.id === selected) ?? null;

  if (error) {
    return (
      <main className="account">
        <p className="error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (answer && !detail) {
    return (
      <main className="account">
        <p className="error" role="alert" data-testid="not-found">
          No account “{accountId}” here (or your key may not see it).
        </p>
      </main>
    );
  }

  return (
    <main className="account" aria-busy={loading}>
      <div className="account-head">
        <div>
          <h1 data-testid="account-name">{detail?.name ?? accountId}</h1>
          {detail && (
            <p className="facts">
              <span className={`badge tier-${detail.tier.toLowerCase()}`}>{words(detail.tier)}</span>
              <span>ARR {money(detail.arr)}</span>
              <span>
                Renewal {detail.renewal.renewalDate ?? "–"}
                {detail.renewal.daysToRenewal != null && ` (${detail.renewal.daysToRenewal} days)`}
              </span>
              {detail.renewal.milestone && <span>Milestone: {words(detail.renewal.milestone)}</span>}
            </p>
          )}
        </div>
        <div className="controls">
          <form
            className="field"
            onSubmit={(e) => {
              e.preventDefault();
              onAsOf(dateText);
            }}
          >
            <label htmlFor="as-of">As of</label>
            <input
              id="as-of"
              type="date"
              value={dateText}
              onChange={(e) => {
                const value = e.target.value;
                setDateText(value);
                // A whole date picked or typed (not a year still being typed) applies at once.
                if (/^(19|20)\d\d-\d\d-\d\d$/.test(value) && value !== asOf) onAsOf(value);
              }}
              onBlur={() => dateText !== asOf && onAsOf(dateText)}
              data-testid="as-of"
            />
          </form>
          <div className="field check">
            <input
              id="show-departed"
              type="checkbox"
              checked={departed}
              onChange={(e) => setDeparted(e.target.checked)}
              data-testid="show-departed"
            />
            <label htmlFor="show-departed">Show departed</label>
          </div>
          <button type="button" onClick={downloadPng} disabled={!detail} data-testid="download-png">
            Download PNG
          </button>
        </div>
      </div>
      <div className="layout">
        <div className="main-col">
          <section className="card graph-card">
            {detail ? (
              <GraphCanvas detail={detail} asOf={loaded?.asOf ?? asOf} lit={lit} onSelect={onSelect} cyRef={cyRef} />
            ) : (
              <div className="graph placeholder">Loading the graph…</div>
            )}
            {loading && detail && <div className="loading-veil">Loading…</div>}
            <Legend />
          </section>
          {detail && <PeopleList nodes={detail.graph.nodes} teams={teams} selected={selected} onSelect={selectFromList} />}
          {detail && <WhitespaceMatrix detail={detail} products={products} />}
        </div>
        <aside className="side-col" aria-label="Account analysis">
          {selectedNode && <Selected node={selectedNode} teams={teams} />}
          {detail && (
            <WarmPaths
              people={targets}
              paths={paths}
              target={target}
              busy={pathBusy}
              error={pathError}
              focused={focused}
              onTarget={setTarget}
              onFind={findPaths}
              onFocus={setFocused}
            />
          )}
          {detail && <CoverageGrid detail={detail} names={names} />}
          {detail && <CoverageTrend days={detail.trend} />}
          {detail && <ChampionBackups detail={detail} />}
        </aside>
      </div>
    </main>
  );
}

// ---------------------------------------------------------------- the page

function App(): JSX.Element {
  const [key, setKey] = useState<string | null>(() => (configuredKey ? null : storedKey()));
  const [refused, setRefused] = useState(false);
  const [route, go] = useRoute();

  const headers = useMemo<Record<string, string>>(
    () => (configuredKey ? config.headers : key ? { ...config.headers, Authorization: `Bearer ${key}` } : {}),
    [key],
  );
  const onRefused = useCallback(() => {
    if (configuredKey) return;
    try {
      window.sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      /* storage unavailable: the key lives in memory only */
    }
    setKey(null);
    setRefused(true);
  }, []);
  const useKey = (value: string): void => {
    try {
      window.sessionStorage.setItem(KEY_STORAGE, value);
    } catch {
      /* storage unavailable: the key lives in memory only */
    }
    setRefused(false);
    setKey(value);
  };
  const forget = (): void => {
    try {
      window.sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      /* nothing stored */
    }
    setKey(null);
  };

  if (!configuredKey && !key) return <KeyForm refused={refused} onKey={useKey} />;

  const asOf = route.asOf ?? todayIso();
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <a href="#" className="brand" onClick={() => go({ accountId: null, asOf: null })}>
          samgraph <span>explorer</span>
        </a>
        {route.accountId && (
          <a href={routeHash({ accountId: null, asOf: null })} className="back" data-testid="back">
            ← Portfolio
          </a>
        )}
        <span className="spacer" />
        {configuredKey ? (
          <span className="muted small">Development key</span>
        ) : (
          <button type="button" className="ghost" onClick={forget}>
            Forget key
          </button>
        )}
      </header>
      <div id="content">
        {route.accountId ? (
          <AccountView
            key={route.accountId}
            headers={headers}
            accountId={route.accountId}
            asOf={asOf}
            onRefused={onRefused}
            onAsOf={(value) => go({ accountId: route.accountId, asOf: value || null })}
          />
        ) : (
          <Portfolio headers={headers} onRefused={onRefused} onOpen={(id) => go({ accountId: id, asOf: null })} />
        )}
      </div>
    </>
  );
}

const root = document.getElementById("explorer");
if (!root) throw new Error("samgraph: the page has no #explorer element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
