// The account graph in Cytoscape.js. Laid out once per account (and per set of collapsed
// teams) by ELK: each team an org chart by reports-to, teams packed; then the page only
// adds, removes, hides and fades elements, so toggling departed people, filters or the
// as-of date never moves anyone. Labels that would collide are hidden (most influential
// first), so the labels shown never overlap.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from "cytoscape";
import ELK from "elkjs/lib/elk-api.js";

import type { AccountGraph } from "./api";
import { type ElkNode, MEMBER_COLOUR, SUMMARY_SIZE, centres, elements, elkGraph, viewClasses } from "./elements";
import { type Box, type TeamSummary, type View, labelsThatFit } from "./model";

export type { View };
export { viewClasses };

const PATH_COLOUR = "#f59f00";

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": "system-ui, sans-serif",
      "font-size": 12,
      color: "#212529",
      "text-valign": "center",
      "text-halign": "right",
      "text-margin-x": 4,
      "min-zoomed-font-size": 6,
      "border-width": 1.5,
      "border-color": "#ffffff",
    },
  },
  {
    selector: "node[size]",
    style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)" },
  },
  {
    selector: "node[badge]",
    style: {
      "background-image": "data(badge)",
      "background-width": "12px",
      "background-height": "12px",
      "background-position-x": "100%",
      "background-position-y": "0%",
      "background-offset-x": "5px",
      "background-offset-y": "-5px",
      "background-clip": "none",
      "background-image-containment": "over",
      "bounds-expansion": 6,
    },
  },
  {
    selector: "node.team",
    style: {
      shape: "round-rectangle",
      "background-color": "#f1f3f5",
      "background-opacity": 0.6,
      "border-color": "#ced4da",
      "border-width": 1,
      "text-valign": "top",
      "text-halign": "center",
      "text-margin-x": 0,
      "text-margin-y": -2,
      "font-size": 12,
      "font-weight": "bold",
      color: "#495057",
      padding: "10px",
      "compound-sizing-wrt-labels": "exclude",
    },
  },
  { selector: "node.team.buying, node.summary.buying", style: { "background-color": "#e7f5ff" } },
  { selector: "node.team.using, node.summary.using", style: { "background-color": "#ebfbee" } },
  { selector: "node.team.adjacent, node.summary.adjacent", style: { "background-color": "#fff9db" } },
  {
    selector: "node.summary",
    style: {
      shape: "round-rectangle",
      width: SUMMARY_SIZE.width,
      height: SUMMARY_SIZE.height,
      "background-color": "#f1f3f5",
      "border-color": "#495057",
      "border-width": 1.5,
      "border-style": "double",
      "text-valign": "center",
      "text-halign": "center",
      "text-margin-x": 0,
      "text-wrap": "wrap",
      "text-max-width": `${SUMMARY_SIZE.width - 12}px`,
      "font-size": 12,
      "line-height": 1.3,
      color: "#343a40",
    },
  },
  {
    selector: "node.member",
    style: { shape: "round-diamond", "border-color": "#1c3faa", "border-width": 2, color: "#1c3faa", "font-weight": "bold" },
  },
  // The marks a SAM reads without clicking: champion a star, economic buyer a hexagon,
  // detractor a dark ring (its colour is the detractor's orange).
  { selector: "node.champion", style: { shape: "star", "border-color": "#f08c00", "border-width": 2 } },
  { selector: "node.economic-buyer", style: { shape: "hexagon", "border-color": "#1864ab", "border-width": 2.5 } },
  { selector: "node.detractor", style: { "border-color": "#862e0c", "border-width": 2.5 } },
  {
    selector: "node.departed",
    style: { opacity: 0.45, "background-color": "#adb5bd", "border-style": "dashed", "border-color": "#868e96" },
  },
  { selector: "node.nolabel", style: { label: "" } },
  { selector: ".hidden", style: { display: "none" } },
  {
    selector: "edge",
    style: { "curve-style": "bezier", width: 1, "line-color": "#adb5bd", opacity: 0.7 },
  },
  { selector: "edge.knows", style: { "line-color": "#5c7cfa" } },
  { selector: "edge.knows[width], edge.influences[width]", style: { width: "data(width)" } },
  { selector: "edge.knows.overdue", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
  {
    selector: "edge.reports_to",
    style: {
      "curve-style": "taxi",
      "taxi-direction": "rightward",
      "line-color": "#adb5bd",
      "target-arrow-shape": "none",
    },
  },
  {
    selector: "edge.influences",
    style: {
      "line-color": "#ae3ec9",
      "line-style": "dotted",
      "target-arrow-shape": "vee",
      "target-arrow-color": "#ae3ec9",
      opacity: 0.5,
    },
  },
  { selector: "edge.member_of", style: { "line-color": "#dee2e6", width: 1 } },
  { selector: ".dimmed", style: { opacity: 0.15 } },
  { selector: ".faded", style: { opacity: 0.1 } },
  {
    selector: "node.highlight",
    style: { "border-color": PATH_COLOUR, "border-width": 5, opacity: 1, "z-index": 20 },
  },
  {
    selector: "edge.highlight",
    style: {
      "line-color": PATH_COLOUR,
      "target-arrow-color": PATH_COLOUR,
      width: 5,
      opacity: 1,
      "line-style": "solid",
      display: "element",
      "z-index": 20,
    },
  },
  { selector: "node.picked", style: { "underlay-color": "#12b886", "underlay-opacity": 0.45, "underlay-padding": 7, "underlay-shape": "ellipse" } },
  { selector: "node:selected", style: { "overlay-color": "#1c7ed6", "overlay-opacity": 0.2, "overlay-padding": 6 } },
];

export { MEMBER_COLOUR };

type Positions = Map<string, { x: number; y: number }>;

// ELK runs in a web worker (its own file, copied beside the bundle by build.mjs), so a
// large account's layout never freezes the page.
const BUNDLE = (document.currentScript as HTMLScriptElement | null)?.src ?? window.location.href;
const elk = new ELK({ workerUrl: new URL("elk-worker.min.js", BUNDLE).href });

/** Positions of people and collapsed boxes for `graph` with `collapsed` teams. */
export async function layout(graph: AccountGraph, collapsed: Set<string>): Promise<Positions> {
  const laid = (await elk.layout(elkGraph(graph, collapsed) as never)) as unknown as ElkNode;
  return centres(laid);
}

export function createCy(container: HTMLElement): Core {
  return cytoscape({
    container,
    elements: [],
    style: STYLE,
    layout: { name: "preset" },
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
  });
}

/** Make the drawing hold exactly `graph`'s elements (added, removed, data updated), each
 * person at its laid-out place; nothing already drawn moves. */
export function sync(
  cy: Core,
  graph: AccountGraph,
  summaries: Map<string, TeamSummary>,
  positions: Positions,
  start: { hidden: Set<string>; faded: Set<string> } = { hidden: new Set(), faded: new Set() },
): void {
  const wanted = elements(graph, summaries);
  const wantedIds = new Set(wanted.map((e) => e.data.id as string));
  cy.batch(() => {
    cy.elements()
      .filter((el) => !wantedIds.has(el.id()))
      .remove();
    const adds: ElementDefinition[] = [];
    for (const def of wanted) {
      const id = def.data.id as string;
      const el = cy.getElementById(id);
      if (el.nonempty()) {
        // Only what changed (each change restyles the element).
        const now = el.data() as Record<string, unknown>;
        const changed = Object.entries(def.data).filter(([k, v]) => k !== "parent" && now[k] !== v);
        if (changed.length) el.data(Object.fromEntries(changed));
        const classes = def.classes as string;
        if (el.classes().filter((c) => c !== "hidden" && c !== "faded" && c !== "nolabel" && c !== "highlight" && c !== "dimmed" && c !== "picked").sort().join(" ") !== classes.split(" ").sort().join(" ")) {
          const keep = ["hidden", "faded", "nolabel", "highlight", "dimmed", "picked"].filter((c) => el.hasClass(c));
          el.classes([classes, ...keep].join(" "));
        }
        if (el.isNode() && (el.data("parent") ?? null) !== (def.data.parent ?? null)) {
          (el as NodeSingular).move({ parent: (def.data.parent as string | undefined) ?? null });
        }
        continue;
      }
      const at = positions.get(id);
      // New elements start as the view wants them (no second restyle).
      const extra = [start.hidden.has(id) ? "hidden" : "", start.faded.has(id) ? "faded" : ""].filter(Boolean);
      const classes = [def.classes as string, ...extra].join(" ");
      adds.push(at && def.group === "nodes" ? { ...def, classes, position: { ...at } } : { ...def, classes });
    }
    cy.add(adds);
  });
}

/** Move people and collapsed boxes to `positions` (a new set of collapsed teams). */
export function place(cy: Core, positions: Positions): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const at = positions.get(n.id());
      if (at && !n.isParent()) n.position({ ...at });
    });
  });
}


/** Hide what the view leaves out, fade what a focus leaves out (only the elements that
 * change are touched: a class change restyles, which is what costs at 1,000 people), then
 * hide the labels that would collide. */
export function applyView(cy: Core, graph: AccountGraph, view: View): void {
  const { hidden, faded } = viewClasses(graph, view);
  cy.batch(() => {
    cy.elements().forEach((el) => {
      const id = el.id();
      if (hidden.has(id) !== el.hasClass("hidden")) el.toggleClass("hidden", hidden.has(id));
      if (faded.has(id) !== el.hasClass("faded")) el.toggleClass("faded", faded.has(id));
    });
  });
  fitLabels(cy);
}

/** Hide every label that would touch a label already kept or another person's dot; team
 * names first, then collapsed teams, our members and the most influential keep theirs. */
export function fitLabels(cy: Core): string[] {
  const people = cy
    .nodes()
    .filter((n) => !n.hasClass("hidden") && n.visible())
    .sort(
      (a, b) =>
        rank(a as NodeSingular) - rank(b as NodeSingular) ||
        String(a.data("label")).localeCompare(String(b.data("label"))),
    ) as unknown as cytoscape.NodeCollection;
  // Team boxes fitted to what they now show, innermost first (their labels sit on top).
  const parents = cy.nodes(":parent").sort((a, b) => depth(b as NodeSingular) - depth(a as NodeSingular));
  (parents as unknown as { updateCompoundBounds: (force: boolean) => void }).updateCompoundBounds(true);
  // A person's label box, relative to their dot, is measured once (with the label shown)
  // and kept; teams' boxes change with what they show, so they are measured each time.
  const unmeasured = people.filter((n) => n.hasClass("nolabel") && (n.hasClass("team") || !labelOffsets(n as NodeSingular)));
  if (unmeasured.nonempty()) cy.batch(() => unmeasured.removeClass("nolabel"));
  const dots: Box[] = [];
  const labels: { id: string; box: Box }[] = [];
  people.forEach((el) => {
    const n = el as NodeSingular;
    const p = n.position();
    if (!n.hasClass("summary") && !n.hasClass("team")) {
      const r = n.width() / 2;
      dots.push({ x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r });
    }
    let box: Box;
    const kept = n.hasClass("team") ? null : labelOffsets(n);
    if (kept) {
      box = { x1: p.x + kept.x1, y1: p.y + kept.y1, x2: p.x + kept.x2, y2: p.y + kept.y2 };
    } else {
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      box = { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      if (!n.hasClass("team") && b.w > 0) {
        n.scratch("_label", { text: n.data("label"), x1: b.x1 - p.x, y1: b.y1 - p.y, x2: b.x2 - p.x, y2: b.y2 - p.y });
      }
    }
    labels.push({ id: n.id(), box });
  });
  // Person dots are obstacles too (a label never runs over someone else's dot).
  const shown = labelsThatFit(labels, dots);
  cy.batch(() => {
    people.forEach((n) => {
      const off = !shown.has(n.id());
      if (off !== n.hasClass("nolabel")) n.toggleClass("nolabel", off);
    });
  });
  return [...shown];
}

function labelOffsets(n: NodeSingular): Box | null {
  const kept = n.scratch("_label") as (Box & { text: string }) | undefined;
  return kept && kept.text === n.data("label") ? kept : null;
}

function depth(n: NodeSingular): number {
  return n.ancestors().length;
}

function rank(n: NodeSingular): number {
  if (n.hasClass("team")) return -3;
  if (n.hasClass("summary")) return -2;
  if (n.hasClass("member")) return -1;
  const r = n.data("influence") as number | undefined;
  return r ?? 1e6;
}

/** Light up these elements (by API id) and dim the rest; none: clear. Returns the ids lit. */
export function highlight(cy: Core, ids: Iterable<string>): string[] {
  cy.elements().removeClass("highlight dimmed");
  const wanted = new Set(ids);
  if (wanted.size === 0) return [];
  const lit = cy.elements().filter((el) => wanted.has(el.id()));
  cy.elements().not(lit).not(".team, .summary").addClass("dimmed");
  lit.addClass("highlight");
  return lit.map((el) => el.id());
}
