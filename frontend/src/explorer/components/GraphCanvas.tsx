import type cytoscape from "cytoscape";
import type { Core, NodeSingular } from "cytoscape";
import { type MutableRefObject, useEffect, useMemo, useRef } from "react";

import type { AccountGraph } from "../api";
import { applyView, createCy, highlight, layout, place, sync, viewClasses } from "../graph";
import { hook } from "../hook";
import { type Filters, teamSummaries, withDeparted } from "../model";

type Positions = Map<string, { x: number; y: number }>;

/** The account's graph. Laid out once per set of collapsed teams, from the first answer
 * for the account (so a new date, departed people or a filter never move anyone); people
 * that first answer did not have are put beside a teammate. */
export function GraphCanvas({
  name,
  accountId,
  asOf,
  version,
  graph,
  showDeparted,
  collapsed,
  filters,
  focus,
  lit,
  centre,
  picked,
  onTap,
  onTeam,
  cyRef,
  startedAt,
}: {
  name: string;
  accountId: string;
  asOf: string;
  version: number;
  graph: AccountGraph;
  showDeparted: boolean;
  collapsed: Set<string>;
  filters: Filters;
  focus: string | null;
  lit: string[];
  /** Centre and select this person once drawn (a search); n tells requests apart. */
  centre: { id: string; n: number } | null;
  /** Attendees picked for an interaction (marked on the graph). */
  picked: string[];
  onTap: (id: string | null) => void;
  onTeam: (teamId: string) => void;
  cyRef: MutableRefObject<Core | null>;
  startedAt: number;
}): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const anchor = useRef<AccountGraph | null>(null);
  const layouts = useRef(new Map<string, Positions>());
  const drawnKey = useRef<string | null>(null);
  const generation = useRef(0);
  const centred = useRef(0);
  const centreRef = useRef(centre);
  centreRef.current = centre;
  const litRef = useRef(lit);
  litRef.current = lit;
  const fittedLit = useRef("");
  const handlers = useRef({ onTap, onTeam });
  handlers.current = { onTap, onTeam };
  if (anchor.current === null) anchor.current = graph;

  const shown = useMemo(() => withDeparted(graph, showDeparted), [graph, showDeparted]);
  const people = shown.nodes.length;
  const relationships = shown.edges.length;
  const key = useMemo(() => [...collapsed].sort().join("|"), [collapsed]);

  useEffect(() => {
    if (!container.current) return;
    const cy = createCy(container.current);
    cyRef.current = cy;
    // A collapsed team opens on a tap; an open team closes on a double tap (a single tap
    // on its background would close it by accident).
    cy.on("tap", "node", (event) => {
      const el = event.target;
      if (el.hasClass("summary")) handlers.current.onTeam(el.data("teamId") as string);
      else if (!el.hasClass("team")) handlers.current.onTap(el.id() as string);
    });
    cy.on("dbltap", "node.team", (event) => handlers.current.onTeam(event.target.data("teamId") as string));
    cy.on("tap", (event) => {
      if (event.target === cy) handlers.current.onTap(null);
    });
    Object.assign(hook, { cy });
    // Shown after being hidden (a phone's "Show the graph") or resized: fit again.
    let wasEmpty = container.current.clientWidth === 0;
    const watch = new ResizeObserver(() => {
      if (cy.destroyed()) return;
      cy.resize();
      const empty = cy.width() === 0;
      if (wasEmpty && !empty && drawnKey.current !== null) fitReadable(cy);
      wasEmpty = empty;
    });
    watch.observe(container.current);
    return () => {
      watch.disconnect();
      cy.destroy();
      cyRef.current = null;
      Object.assign(hook, { cy: null, ready: false, accountId: null });
    };
  }, [cyRef]);

  // A new answer, departed people shown or hidden, or other teams collapsed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const mine = ++generation.current;
    hook.ready = false;
    const draw = async (): Promise<void> => {
      const started = performance.now();
      let positions = layouts.current.get(key);
      let layoutMs = 0;
      if (!positions) {
        positions = await layout(anchor.current ?? graph, collapsed);
        layoutMs = performance.now() - started;
        layouts.current.set(key, positions);
      }
      if (mine !== generation.current || cy.destroyed()) return;
      const moved = drawnKey.current !== key;
      const steps = [performance.now()];
      if (moved) place(cy, positions);
      sync(cy, shown, teamSummaries(shown), positions, viewClasses(shown, { collapsed, filters, focus }));
      besideTeammates(cy, positions);
      steps.push(performance.now());
      applyView(cy, shown, { collapsed, filters, focus });
      steps.push(performance.now());
      if (moved) fitReadable(cy);
      steps.push(performance.now());
      hook.lastSteps = { layoutMs: Math.round(layoutMs), syncMs: Math.round((steps[1] as number) - (steps[0] as number)), viewMs: Math.round((steps[2] as number) - (steps[1] as number)), fitMs: Math.round((steps[3] as number) - (steps[2] as number)) };
      drawnKey.current = key;
      hook.highlighted = highlight(cy, litRef.current);
      showLit(cy, litRef.current, fittedLit);
      centreOn(cy, centreRef.current, centred);
      const first = hook.firstRenderMs === null || hook.accountId !== accountId;
      Object.assign(hook, {
        ready: true,
        renders: hook.renders + 1,
        accountId,
        asOf,
        lastRenderMs: Math.round(performance.now() - started),
        drawnAt: Date.now(),
        lastLayoutMs: Math.round(layoutMs),
        collapsed: [...collapsed].sort(),
        focus,
        filters,
        ...(first ? { firstRenderMs: Math.round(performance.now() - startedAt) } : {}),
      });
    };
    void draw();
    // filters, focus and lit have their own effects below; the drawing reads the latest.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, key, version]);

  // Filters and focus hide and fade; nothing moves.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || drawnKey.current === null) return;
    applyView(cy, shown, { collapsed, filters, focus });
    // The view moves to what is left (a focus: the neighbourhood); nobody moves.
    fitReadable(cy, focus ? cy.nodes(":visible").not(".faded, .team") : undefined);
    Object.assign(hook, { renders: hook.renders + 1, focus, filters });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters, focus]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || drawnKey.current === null) return;
    hook.highlighted = highlight(cy, lit);
    showLit(cy, lit, fittedLit);
  }, [lit, cyRef]);

  useEffect(() => {
    if (cyRef.current && drawnKey.current !== null) centreOn(cyRef.current, centre, centred);
  }, [centre, cyRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(".picked").removeClass("picked");
    for (const id of picked) cy.getElementById(id).addClass("picked");
  }, [picked, cyRef, version]);

  return (
    <div
      ref={container}
      className="graph"
      role="img"
      aria-label={`Relationship graph of ${name}: ${people} people, ${relationships} relationships`}
      data-testid="graph"
    />
  );
}

/** People the layout never saw (not in the first answer): just below a teammate. */
function besideTeammates(cy: Core, positions: Positions): void {
  let k = 0;
  cy.nodes().forEach((n) => {
    if (n.isParent() || positions.has(n.id())) return;
    const mate = n
      .siblings()
      .filter((s) => positions.has(s.id()))
      .first();
    const at = mate.nonempty() ? (mate as unknown as NodeSingular).position() : { x: 0, y: 0 };
    k += 1;
    n.position({ x: at.x, y: at.y + 18 * k });
    positions.set(n.id(), n.position());
  });
}

/** Centre on the person asked for (once per request) when they are drawn and shown. */
function centreOn(cy: Core, centre: { id: string; n: number } | null, done: MutableRefObject<number>): void {
  if (!centre || centre.n === done.current) return;
  const el = cy.getElementById(centre.id);
  if (el.empty() || el.hasClass("hidden")) return;
  done.current = centre.n;
  cy.elements().unselect();
  el.select();
  // The dot in the middle (cy.center would centre the dot and its label together).
  const zoom = Math.max(cy.zoom(), 1.2);
  const at = (el as NodeSingular).position();
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom } });
}

/** Everything shown in view, but never blown up past 1.4x (a small account). */
function fitReadable(cy: Core, these?: cytoscape.CollectionReturnValue): void {
  // Nodes only (edges' curves are slow to measure and lie between nodes anyway).
  const shown = these && these.nonempty() ? these : cy.nodes().filter((n) => !n.hasClass("hidden"));
  cy.fit(shown, 24);
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center(shown);
  }
}

/** A newly lit path or play in view (once; the SAM may pan away afterwards). */
function showLit(cy: Core, lit: string[], fitted: MutableRefObject<string>): void {
  const key = [...lit].sort().join("|");
  if (key === fitted.current) return;
  const shown = cy.elements(".highlight").filter((el) => el.visible());
  if (lit.length && shown.empty()) return; // not drawn yet (a team still opening)
  fitted.current = key;
  if (shown.nonempty()) fitReadable(cy, shown);
}
