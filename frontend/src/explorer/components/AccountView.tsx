import type { Core } from "cytoscape";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { ApiError, ExplorerWarmPathsDocument, type WarmPath, gql } from "../api";
import { money, slug, words } from "../format";
import { useAccount } from "../hooks/useAccount";
import { useGraphView } from "../hooks/useGraphView";
import { withDeparted } from "../model";
import { pngWithLegend } from "../png";
import { ChampionBackups } from "./ChampionBackups";
import { CoverageGrid } from "./CoverageGrid";
import { CoverageTrend } from "./CoverageTrend";
import { GraphCanvas } from "./GraphCanvas";
import { GraphToolbar } from "./GraphToolbar";
import { Legend } from "./Legend";
import { LogInteraction } from "./LogInteraction";
import { MemberDependencyPanel } from "./MemberDependency";
import { PeopleList } from "./PeopleList";
import { Plays } from "./Plays";
import { ReachableWhitespacePanel } from "./ReachableWhitespace";
import { Selected } from "./Selected";
import { WarmPaths } from "./WarmPaths";
import { WhitespaceMatrix } from "./WhitespaceMatrix";

export function AccountView({
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
  const [startedAt] = useState(() => performance.now());
  const { loaded, analyses, trend, loading, error } = useAccount(headers, accountId, asOf, onRefused);
  const view = useGraphView();
  const [dateText, setDateText] = useState(asOf);
  const [target, setTarget] = useState("");
  const [paths, setPaths] = useState<WarmPath[] | null>(null);
  const [pathBusy, setPathBusy] = useState(false);
  const [pathError, setPathError] = useState<string | null>(null);
  const [focusedPath, setFocusedPath] = useState<number | null>(null);
  const [picking, setPicking] = useState<string[] | null>(null);
  const [centre, setCentre] = useState<{ id: string; n: number } | null>(null);
  const [graphOpen, setGraphOpen] = useState(false);
  const cyRef = useRef<Core | null>(null);

  useEffect(() => setDateText(asOf), [asOf]);
  // Paths and plays belong to one account on one date: a new date puts their lights out.
  useEffect(() => {
    setPaths(null);
    setFocusedPath(null);
    setPathError(null);
    view.setLit([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accountId, asOf]);

  const answer = loaded?.answer ?? null;
  const detail = answer?.account ?? null;
  const { initCollapsed, setLit, setSelected } = view;
  useEffect(() => {
    if (detail) initCollapsed(detail.graph);
  }, [detail, initCollapsed]);

  const products = useMemo(() => new Map((answer?.products?.nodes ?? []).map((p) => [p.id, p.name])), [answer]);
  const teams = useMemo(() => new Map((detail?.graph.groups ?? []).map((g) => [g.id, g.label])), [detail]);
  const names = useMemo(() => new Map((detail?.graph.nodes ?? []).map((n) => [n.id, n.label])), [detail]);
  const kinds = useMemo(() => new Map((detail?.graph.nodes ?? []).map((n) => [n.id, n.kind as string])), [detail]);
  const shownNodes = useMemo(
    () => (detail ? withDeparted(detail.graph, view.showDeparted).nodes : []),
    [detail, view.showDeparted],
  );
  const targets = useMemo(
    () =>
      shownNodes
        .filter((n) => n.kind === "STAKEHOLDER" && n.status !== "DEPARTED")
        .sort((a, b) => a.label.localeCompare(b.label)),
    [shownNodes],
  );

  // Warm paths light their ids; a play lights its own (the panels set `lit` directly).
  useEffect(() => {
    if (!paths) return;
    const chosen = focusedPath === null ? paths : paths.slice(focusedPath, focusedPath + 1);
    light(chosen.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paths, focusedPath]);

  const findPaths = (): void => {
    if (!target) return;
    setPathBusy(true);
    setPathError(null);
    setFocusedPath(null);
    gql(headers, ExplorerWarmPathsDocument, { id: accountId, to: target, asOf: asOf || null })
      .then((data) => setPaths(data.account?.warmPaths ?? []))
      .catch((exc: unknown) => {
        if (exc instanceof ApiError && exc.status === 401) onRefused();
        else setPathError(exc instanceof Error ? exc.message : String(exc));
      })
      .finally(() => setPathBusy(false));
  };

  const downloadPng = async (): Promise<void> => {
    if (!cyRef.current || !detail) return;
    const blob = await pngWithLegend(cyRef.current, detail.name, loaded?.asOf ?? asOf);
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${slug(accountId)}-graph.png`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // A tap picks an attendee while logging an interaction, else selects.
  const onTap = useCallback(
    (id: string | null) => {
      if (picking !== null) {
        if (id) setPicking((now) => (now ?? []).includes(id) ? (now ?? []).filter((x) => x !== id) : [...(now ?? []), id]);
        return;
      }
      setSelected(id);
    },
    [picking, setSelected],
  );
  // Lit people inside collapsed teams: their teams open first.
  const light = useCallback(
    (ids: string[]) => {
      if (detail && view.collapsed) {
        const parents = new Map(detail.graph.groups.map((g) => [g.id, g.parent ?? null]));
        const people = new Map(detail.graph.nodes.map((n) => [n.id, n]));
        const open = new Set(view.collapsed);
        for (const id of ids) {
          for (let t = people.get(id)?.group ?? null, n = 0; t && n < 50; t = parents.get(t) ?? null, n++) open.delete(t);
        }
        if (open.size !== view.collapsed.size) view.setCollapsed(open);
      }
      setLit(ids);
    },
    [detail, view, setLit],
  );
  const showPerson = (id: string): void => {
    setSelected(id);
    setCentre((now) => ({ id, n: (now?.n ?? 0) + 1 }));
    setGraphOpen(true);
  };
  const selectedNode = detail?.graph.nodes.find((n) => n.id === view.selected) ?? null;

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
    <main className={`account ${graphOpen ? "graph-open" : ""}`} aria-busy={loading}>
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
              checked={view.showDeparted}
              onChange={(e) => view.setShowDeparted(e.target.checked)}
              data-testid="show-departed"
            />
            <label htmlFor="show-departed">Show departed</label>
          </div>
          <button type="button" onClick={() => void downloadPng()} disabled={!detail} data-testid="download-png">
            Download PNG
          </button>
        </div>
      </div>
      <div className="layout">
        <div className="main-col">
          <button
            type="button"
            className="graph-toggle"
            onClick={() => setGraphOpen((open) => !open)}
            aria-expanded={graphOpen}
            data-testid="graph-toggle"
          >
            {graphOpen ? "Hide the graph" : "Show the graph"}
          </button>
          <section className="card graph-card">
            {detail && view.collapsed && (
              <GraphToolbar
                graph={detail.graph}
                people={shownNodes}
                view={view}
                onFind={showPerson}
              />
            )}
            {detail && view.collapsed ? (
              <GraphCanvas
                name={detail.name}
                accountId={detail.id}
                asOf={loaded?.asOf ?? asOf}
                version={loaded?.version ?? 0}
                graph={detail.graph}
                showDeparted={view.showDeparted}
                collapsed={view.collapsed}
                filters={view.filters}
                focus={view.focus}
                lit={view.lit}
                centre={centre}
                picked={picking ?? []}
                onTap={onTap}
                onTeam={view.toggleTeam}
                cyRef={cyRef}
                startedAt={startedAt}
              />
            ) : (
              <div className="graph placeholder">Loading the graph…</div>
            )}
            {loading && detail && <div className="loading-veil">Loading…</div>}
            <Legend />
          </section>
          {detail && (
            <PeopleList nodes={shownNodes} teams={teams} selected={view.selected} onSelect={showPerson} />
          )}
          {detail && <WhitespaceMatrix detail={detail} products={products} />}
        </div>
        <aside className="side-col" aria-label="Account analysis">
          {selectedNode && (
            <Selected
              node={selectedNode}
              teams={teams}
              headers={headers}
              focused={view.focus === selectedNode.id}
              onFocus={(on) => view.setFocus(on ? selectedNode.id : null)}
            />
          )}
          {detail && (
            <LogInteraction
              headers={headers}
              accountId={accountId}
              asOf={asOf}
              names={names}
              kinds={kinds}
              picked={picking}
              onPicking={setPicking}
            />
          )}
          {detail && <Plays plays={analyses?.plays ?? null} lit={view.lit} onLight={light} />}
          {detail && (
            <WarmPaths
              people={targets}
              paths={paths}
              target={target}
              busy={pathBusy}
              error={pathError}
              focused={focusedPath}
              onTarget={setTarget}
              onFind={findPaths}
              onFocus={setFocusedPath}
            />
          )}
          {detail && <CoverageGrid detail={detail} names={names} />}
          {detail && <CoverageTrend days={trend} asOf={asOf} />}
          {detail && <ChampionBackups detail={detail} />}
          {detail && analyses && <ReachableWhitespacePanel analyses={analyses} teams={teams} onLight={light} />}
          {detail && analyses && <MemberDependencyPanel analyses={analyses} score={detail.coverage.score} />}
        </aside>
      </div>
    </main>
  );
}
