// The account graph in Cytoscape.js: teams as compound boxes (nested by parent), people
// inside their team, our members outside; laid out by fcose (compound-aware) without
// animation. Every element keeps the API's id, so a warm path lights up by id.
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from "cytoscape";
import fcose from "cytoscape-fcose";

import type { AccountGraph, GraphNode } from "./api";

cytoscape.use(fcose);

export const SENTIMENT_COLOURS: Record<string, string> = {
  ADVOCATE: "#2f9e63",
  NEUTRAL: "#8d99ae",
  DETRACTOR: "#d9480f",
  UNKNOWN: "#ced4da",
};
export const MEMBER_COLOUR = "#3b5bdb";
const FLAG_COLOUR = "#e03131";
const PATH_COLOUR = "#f59f00";

/** Short badges drawn under a flagged node's name (and spelled out in the lists). */
export const FLAG_TEXT: Record<string, string> = {
  CHAMPION_WITHOUT_BACKUP: "champion without backup",
  DETRACTOR_ECONOMIC_BUYER: "detractor economic buyer",
  OVERDUE: "overdue touch",
  DEPARTED: "departed",
  SOLE_ENGAGED_THROUGH_ONE_MEMBER: "engaged through one member only",
};

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": "system-ui, sans-serif",
      "font-size": 10,
      color: "#212529",
      "text-valign": "bottom",
      "text-halign": "center",
      "text-margin-y": 3,
      "min-zoomed-font-size": 7,
      "border-width": 1.5,
      "border-color": "#ffffff",
    },
  },
  {
    selector: "node[size]",
    style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)" },
  },
  {
    selector: "node.team",
    style: {
      label: "data(label)",
      shape: "round-rectangle",
      "background-color": "#f1f3f5",
      "background-opacity": 0.7,
      "border-color": "#ced4da",
      "border-width": 1,
      "text-valign": "top",
      "text-halign": "center",
      "text-margin-y": -4,
      "font-size": 11,
      "font-weight": "bold",
      color: "#495057",
      padding: "14px",
    },
  },
  { selector: "node.team.buying", style: { "background-color": "#e7f5ff" } },
  { selector: "node.team.using", style: { "background-color": "#ebfbee" } },
  { selector: "node.team.adjacent", style: { "background-color": "#fff9db" } },
  {
    selector: "node.member",
    style: { shape: "round-diamond", "border-color": "#1c3faa", "border-width": 2, color: "#1c3faa", "font-weight": "bold" },
  },
  { selector: "node.flagged", style: { "border-color": FLAG_COLOUR, "border-width": 3 } },
  {
    selector: "node.departed",
    style: { opacity: 0.45, "background-color": "#adb5bd", "border-style": "dashed", "border-color": "#868e96" },
  },
  {
    selector: "edge",
    style: { "curve-style": "bezier", width: 1.5, "line-color": "#adb5bd", opacity: 0.85 },
  },
  {
    selector: "edge.knows",
    style: { "line-color": "#5c7cfa" },
  },
  { selector: "edge.knows[width], edge.influences[width]", style: { width: "data(width)" } },
  { selector: "edge.knows.overdue", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
  {
    selector: "edge.reports_to",
    style: {
      "line-color": "#868e96",
      "target-arrow-shape": "triangle",
      "target-arrow-color": "#868e96",
      "arrow-scale": 0.8,
    },
  },
  {
    selector: "edge.influences",
    style: {
      "line-color": "#ae3ec9",
      "line-style": "dotted",
      "target-arrow-shape": "vee",
      "target-arrow-color": "#ae3ec9",
    },
  },
  { selector: "edge.member_of", style: { "line-color": "#dee2e6", width: 1 } },
  { selector: ".dimmed", style: { opacity: 0.3 } },
  {
    selector: "node.highlight",
    style: { "border-color": PATH_COLOUR, "border-width": 5, opacity: 1, "z-index": 20 },
  },
  {
    selector: "edge.highlight",
    style: {
      "line-color": PATH_COLOUR,
      "target-arrow-color": PATH_COLOUR,
      width: 6,
      opacity: 1,
      "line-style": "solid",
      "z-index": 20,
    },
  },
  { selector: "node:selected", style: { "overlay-color": "#1c7ed6", "overlay-opacity": 0.18, "overlay-padding": 6 } },
];

function nodeSize(node: GraphNode, maxInfluence: number): number {
  if (node.kind === "MEMBER") return 30;
  if (node.influenceScore == null || maxInfluence <= 0) return 22;
  return Math.round(20 + 34 * Math.sqrt(node.influenceScore / maxInfluence));
}

function label(node: GraphNode): string {
  const badges = node.flags.filter((f) => f !== "DEPARTED").length;
  return badges ? `${node.label} ⚠` : node.label;
}

/** Cytoscape elements for the API's graph. Team ids only get a prefix when one collides with
 * a person's id (ids stay the API's everywhere else). */
export function elements(graph: AccountGraph): ElementDefinition[] {
  const people = new Set(graph.nodes.map((n) => n.id));
  const teamId = (id: string): string => (people.has(id) ? `team:${id}` : id);
  const teams = new Set(graph.groups.map((g) => g.id));
  const maxInfluence = Math.max(0, ...graph.nodes.map((n) => n.influenceScore ?? 0));
  const out: ElementDefinition[] = [];
  for (const group of graph.groups) {
    out.push({
      group: "nodes",
      data: {
        id: teamId(group.id),
        teamId: group.id,
        label: group.label,
        ...(group.parent && teams.has(group.parent) ? { parent: teamId(group.parent) } : {}),
      },
      classes: ["team", (group.functionGroup ?? "").toLowerCase()].join(" "),
    });
  }
  for (const node of graph.nodes) {
    const departed = node.status === "DEPARTED" || node.flags.includes("DEPARTED");
    const classes = [node.kind === "MEMBER" ? "member" : "person"];
    if (departed) classes.push("departed");
    if (node.flags.some((f) => f !== "DEPARTED")) classes.push("flagged");
    out.push({
      group: "nodes",
      data: {
        id: node.id,
        label: label(node),
        title: node.title,
        size: nodeSize(node, maxInfluence),
        colour: node.kind === "MEMBER" ? MEMBER_COLOUR : SENTIMENT_COLOURS[node.sentiment ?? "UNKNOWN"],
        ...(node.group && teams.has(node.group) ? { parent: teamId(node.group) } : {}),
      },
      classes: classes.join(" "),
    });
  }
  for (const edge of graph.edges) {
    if (!people.has(edge.source) && !teams.has(edge.source)) continue;
    const target = people.has(edge.target) ? edge.target : teams.has(edge.target) ? teamId(edge.target) : null;
    if (target === null) continue;
    const strength = edge.kind === "KNOWS" ? edge.effectiveStrength ?? edge.strength ?? 1 : edge.strength ?? 1;
    const classes = [edge.kind.toLowerCase()];
    if (edge.overdue) classes.push("overdue");
    out.push({
      group: "edges",
      data: { id: edge.id, source: edge.source, target, kind: edge.kind, width: 1 + Math.max(0, strength) },
      classes: classes.join(" "),
    });
  }
  return out;
}

export interface Drawn {
  cy: Core;
  layoutMs: number;
  renderMs: number;
}

const LAYOUT = {
  name: "fcose",
  quality: "default",
  randomize: true,
  animate: false,
  fit: true,
  padding: 24,
  nodeDimensionsIncludeLabels: true,
  packComponents: true,
  nodeRepulsion: 6500,
  idealEdgeLength: 70,
  edgeElasticity: 0.45,
  nestingFactor: 0.1,
  gravity: 0.3,
  numIter: 2500,
  tile: true,
  tilingPaddingVertical: 12,
  tilingPaddingHorizontal: 12,
} as cytoscape.LayoutOptions;

/** Draw `graph` in `container` (replacing `previous`), laid out synchronously. */
export function draw(container: HTMLElement, graph: AccountGraph, previous: Core | null): Drawn {
  const started = performance.now();
  previous?.destroy();
  const cy = cytoscape({
    container,
    elements: elements(graph),
    style: STYLE,
    layout: { name: "preset" },
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: false,
    textureOnViewport: graph.nodes.length > 150,
    hideEdgesOnViewport: graph.nodes.length > 150,
  });
  const layoutStart = performance.now();
  cy.layout(LAYOUT).run();
  const layoutMs = performance.now() - layoutStart;
  return { cy, layoutMs, renderMs: performance.now() - started };
}

/** Light up these elements (by API id) and dim the rest; none: clear. Returns the ids lit. */
export function highlight(cy: Core, ids: Iterable<string>): string[] {
  cy.elements().removeClass("highlight dimmed");
  const wanted = new Set(ids);
  if (wanted.size === 0) return [];
  const lit = cy.elements().filter((el) => wanted.has(el.id()));
  cy.elements().not(lit).not(".team").addClass("dimmed");
  lit.addClass("highlight");
  return lit.map((el) => el.id());
}

/** The full graph as a PNG (white background, 2x), as a Blob. */
export function png(cy: Core): Blob {
  return cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2, maxWidth: 8000, maxHeight: 8000 });
}
