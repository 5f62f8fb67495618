import { useEffect, useMemo, useState } from "react";

import {
  type AccountFilter,
  type AccountRow,
  type AccountSort,
  ApiError,
  ExplorerPortfolioDocument,
  type PortfolioPage,
  type Tier,
  gql,
  severityRank,
  worstGap,
} from "../api";
import { MILESTONES, words } from "../format";
import { routeHash } from "../hooks/useRoute";
import { Score } from "./Score";

type Column = "name" | "tier" | "coverage" | "milestone" | "days" | "gap";
const API_SORT: Partial<Record<Column, AccountSort>> = {
  name: "NAME",
  tier: "STRATEGIC_SCORE",
  coverage: "COVERAGE_SCORE",
  days: "DAYS_TO_RENEWAL",
};
const TIER_RANK: Record<Tier, number> = { STRATEGIC: 0, KEY: 1, STANDARD: 2 };

export function compareRows(column: Column): (a: AccountRow, b: AccountRow) => number {
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

export interface Sort {
  column: Column;
  descending: boolean;
}

export function Portfolio({
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
      const filter: AccountFilter = {};
      if (query) filter.nameContains = query;
      if (tier) filter.tier = tier;
      const all: AccountRow[] = [];
      let after: string | null = null;
      for (;;) {
        const page: PortfolioPage = await gql(headers, ExplorerPortfolioDocument, {
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
