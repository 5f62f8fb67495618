// Cytoscape element definitions and the ELK graph for an account, as plain data (no DOM),
// so node's test runner checks them. Every element keeps the API's id (team ids get a
// `team:` prefix only when one collides with a person's), so a path lights up by id.
import type { ElementDefinition } from "cytoscape";

import type { AccountGraph, GraphNode } from "./api";
import {
  type TeamSummary,
  type View,
  collapsedTeamOf,
  filtersActive,
  isDeparted,
  marks,
  neighbourhood,
  passes,
  strongestFlag,
} from "./model";

export const SENTIMENT_COLOURS: Record<string, string> = {
  ADVOCATE: "#2f9e63",
  NEUTRAL: "#8d99ae",
  DETRACTOR: "#d9480f",
  UNKNOWN: "#ced4da",
};
export const MEMBER_COLOUR = "#3b5bdb";

/** Each flag's words (lists, the selected card) and its mark on the graph: a letter on a
 * coloured disc at the node's top right (only the strongest flag is drawn). */
export const FLAG_TEXT: Record<string, string> = {
  CHAMPION_WITHOUT_BACKUP: "champion without backup",
  DETRACTOR_ECONOMIC_BUYER: "detractor economic buyer",
  OVERDUE: "overdue touch",
  DEPARTED: "departed",
  SOLE_ENGAGED_THROUGH_ONE_MEMBER: "engaged through one member only",
};
export const FLAG_MARK: Record<string, { letter: string; colour: string }> = {
  DETRACTOR_ECONOMIC_BUYER: { letter: "!", colour: "#c92a2a" },
  CHAMPION_WITHOUT_BACKUP: { letter: "B", colour: "#e8590c" },
  SOLE_ENGAGED_THROUGH_ONE_MEMBER: { letter: "1", colour: "#7048e8" },
  OVERDUE: { letter: "O", colour: "#868e96" },
};

export function flagBadge(flag: string): string {
  const mark = FLAG_MARK[flag];
  if (!mark) return "none";
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="11" fill="${mark.colour}" stroke="#fff" stroke-width="2"/>` +
    `<text x="12" y="16.5" font-family="sans-serif" font-size="14" font-weight="bold" fill="#fff" text-anchor="middle">${mark.letter}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** A person's diameter: 16-30 by influence; our members 24. */
export function nodeSize(node: GraphNode, maxInfluence: number): number {
  if (node.kind === "MEMBER") return 24;
  if (node.influenceScore == null || maxInfluence <= 0) return 16;
  return Math.round(16 + 14 * Math.sqrt(node.influenceScore / maxInfluence));
}

/** Roughly how wide a label of `text` is at 12 px (layout room; hiding uses real boxes). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 7) + 6;
}

export function summaryId(teamId: string): string {
  return `collapsed:${teamId}`;
}

export function summaryLabel(name: string, s: TeamSummary): string {
  return `${name}\n${s.people} people · ${s.engaged} engaged\ncoverage ${s.coverage}%`;
}

export const SUMMARY_SIZE = { width: 190, height: 64 };

export interface Ids {
  teamId: (id: string) => string;
}

export function ids(graph: AccountGraph): Ids {
  const people = new Set(graph.nodes.map((n) => n.id));
  return { teamId: (id: string) => (people.has(id) ? `team:${id}` : id) };
}

export function personElement(node: GraphNode, graph: AccountGraph, maxInfluence: number): ElementDefinition {
  const teams = new Set(graph.groups.map((g) => g.id));
  const { teamId } = ids(graph);
  const classes = [node.kind === "MEMBER" ? "member" : "person"];
  if (isDeparted(node)) classes.push("departed");
  for (const m of marks(node)) classes.push(m.toLowerCase().replace("_", "-"));
  const flag = strongestFlag(node);
  if (flag) classes.push("flagged");
  return {
    group: "nodes",
    data: {
      id: node.id,
      label: node.label,
      title: node.title,
      size: nodeSize(node, maxInfluence),
      colour: node.kind === "MEMBER" ? MEMBER_COLOUR : SENTIMENT_COLOURS[node.sentiment ?? "UNKNOWN"],
      influence: node.influenceRank ?? null,
      flag: flag ?? null,
      badge: flag ? flagBadge(flag) : null,
      ...(node.group && teams.has(node.group) ? { parent: teamId(node.group) } : {}),
    },
    classes: classes.join(" "),
  };
}

/** Cytoscape elements for the API's graph: team boxes (and a collapsed stand-in for each),
 * people inside their team, our members outside, then the edges. */
export function elements(graph: AccountGraph, summaries: Map<string, TeamSummary>): ElementDefinition[] {
  const people = new Set(graph.nodes.map((n) => n.id));
  const teams = new Set(graph.groups.map((g) => g.id));
  const { teamId } = ids(graph);
  const maxInfluence = Math.max(0, ...graph.nodes.map((n) => n.influenceScore ?? 0));
  const out: ElementDefinition[] = [];
  for (const group of graph.groups) {
    const parent = group.parent && teams.has(group.parent) ? { parent: teamId(group.parent) } : {};
    const fn = (group.functionGroup ?? "").toLowerCase();
    out.push({
      group: "nodes",
      data: { id: teamId(group.id), teamId: group.id, label: group.label, ...parent },
      classes: ["team", fn].join(" "),
    });
    const s = summaries.get(group.id);
    if (s) {
      out.push({
        group: "nodes",
        data: {
          id: summaryId(group.id),
          teamId: group.id,
          label: summaryLabel(group.label, s),
          people: s.people,
          engaged: s.engaged,
          coverage: s.coverage,
          ...parent,
        },
        classes: ["summary", fn].join(" "),
      });
    }
  }
  for (const node of graph.nodes) out.push(personElement(node, graph, maxInfluence));
  for (const edge of graph.edges) {
    if (!people.has(edge.source) && !teams.has(edge.source)) continue;
    const target = people.has(edge.target) ? edge.target : teams.has(edge.target) ? teamId(edge.target) : null;
    if (target === null) continue;
    const strength = edge.kind === "KNOWS" ? (edge.effectiveStrength ?? edge.strength ?? 1) : (edge.strength ?? 1);
    const classes = [edge.kind.toLowerCase()];
    if (edge.overdue) classes.push("overdue");
    out.push({
      group: "edges",
      data: { id: edge.id, source: edge.source, target, kind: edge.kind, width: 0.5 + Math.max(0, strength) * 0.5 },
      classes: classes.join(" "),
    });
  }
  return out;
}

/** Which elements a view hides (collapsed teams' insides, filtered people) and fades (all
 * but a focus's neighbourhood), by element id; pure, so new elements start that way. */
export function viewClasses(graph: AccountGraph, view: View): { hidden: Set<string>; faded: Set<string> } {
  const { teamId } = ids(graph);
  const parents = new Map(graph.groups.map((g) => [g.id, g.parent ?? null]));
  const hiddenTeams = new Set<string>();
  for (const g of graph.groups) {
    let up = g.parent ?? null;
    const seen = new Set<string>();
    while (up && !seen.has(up)) {
      seen.add(up);
      if (view.collapsed.has(up)) hiddenTeams.add(g.id);
      up = parents.get(up) ?? null;
    }
  }
  const filtering = filtersActive(view.filters);
  const near = view.focus ? neighbourhood(graph, view.focus, 2) : null;
  const hidden = new Set<string>();
  const faded = new Set<string>();
  for (const g of graph.groups) {
    if (view.collapsed.has(g.id) || hiddenTeams.has(g.id)) hidden.add(teamId(g.id));
    if (!view.collapsed.has(g.id) || hiddenTeams.has(g.id)) hidden.add(summaryId(g.id));
  }
  for (const node of graph.nodes) {
    if (collapsedTeamOf(node, view.collapsed, parents) !== null) hidden.add(node.id);
    else if (filtering && !passes(node, view.filters)) hidden.add(node.id);
    else if (near && !near.has(node.id)) faded.add(node.id);
  }
  if (near) {
    for (const e of graph.edges) if (!near.has(e.source) || !near.has(e.target)) faded.add(e.id);
  }
  return { hidden, faded };
}

// ---------------------------------------------------------------- the ELK graph

export interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNode[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}

const PACK = {
  "elk.algorithm": "rectpacking",
  "elk.aspectRatio": "1.6",
  "elk.spacing.nodeNode": "28",
  "elk.padding": "[top=30,left=14,bottom=14,right=14]",
};
/** A team's own people: an org chart by reports-to, managers left of their reports. */
const ORG = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.spacing.nodeNode": "6",
  "elk.layered.spacing.nodeNodeBetweenLayers": "24",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.padding": "[top=0,left=0,bottom=0,right=0]",
};

/** The ELK graph of an account as shown with `collapsed` teams: each team packs its own
 * people's org chart (layered by reports-to) and its sub-teams; a collapsed team is one box. */
export function elkGraph(graph: AccountGraph, collapsed: Set<string>): ElkNode {
  const { teamId } = ids(graph);
  const teams = new Set(graph.groups.map((g) => g.id));
  const maxInfluence = Math.max(0, ...graph.nodes.map((n) => n.influenceScore ?? 0));
  const personBox = (n: GraphNode): ElkNode => {
    const size = nodeSize(n, maxInfluence);
    return { id: n.id, width: size + 4 + labelWidth(n.label), height: Math.max(size, 14) };
  };
  const orgChart = (id: string, people: GraphNode[]): ElkNode => {
    const here = new Set(people.map((p) => p.id));
    const edges = graph.edges
      .filter((e) => e.kind === "REPORTS_TO" && here.has(e.source) && here.has(e.target))
      // REPORTS_TO runs from the report to the manager; the chart runs from the manager.
      .map((e) => ({ id: `elk:${e.id}`, sources: [e.target], targets: [e.source] }));
    return { id, layoutOptions: ORG, children: people.map(personBox), edges };
  };
  const byTeam = new Map<string, GraphNode[]>();
  const loose: GraphNode[] = [];
  for (const n of graph.nodes) {
    if (n.group && teams.has(n.group)) byTeam.set(n.group, [...(byTeam.get(n.group) ?? []), n]);
    else loose.push(n);
  }
  const kids = new Map<string | null, string[]>();
  for (const g of graph.groups) {
    const parent = g.parent && teams.has(g.parent) ? g.parent : null;
    kids.set(parent, [...(kids.get(parent) ?? []), g.id]);
  }
  const team = (id: string, seen: Set<string>): ElkNode => {
    if (collapsed.has(id)) return { id: summaryId(id), ...SUMMARY_SIZE };
    const children: ElkNode[] = [];
    const own = byTeam.get(id) ?? [];
    if (own.length) children.push(orgChart(`people:${id}`, own));
    for (const sub of kids.get(id) ?? []) if (!seen.has(sub)) children.push(team(sub, new Set([...seen, sub])));
    return { id: teamId(id), layoutOptions: PACK, children };
  };
  const top: ElkNode[] = (kids.get(null) ?? []).map((id) => team(id, new Set([id])));
  if (loose.length) top.unshift(orgChart("people:", loose));
  return { id: "root", layoutOptions: { ...PACK, "elk.padding": "[top=10,left=10,bottom=10,right=10]" }, children: top };
}

/** Absolute centres of the laid-out people and collapsed boxes (ELK gives each node's
 * top-left relative to its parent). */
export function centres(laid: ElkNode): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const walk = (node: ElkNode, ox: number, oy: number): void => {
    const x = ox + (node.x ?? 0);
    const y = oy + (node.y ?? 0);
    if (!node.children || node.children.length === 0) {
      if (!node.id.startsWith("people:")) {
        // People: the dot sits at the box's left (the label runs to its right).
        const isSummary = node.id.startsWith("collapsed:");
        const dot = isSummary ? (node.width ?? 0) / 2 : (node.height ?? 0) / 2;
        out.set(node.id, { x: x + dot, y: y + (node.height ?? 0) / 2 });
      }
      return;
    }
    for (const child of node.children) walk(child, x, y);
  };
  walk(laid, -(laid.x ?? 0), -(laid.y ?? 0));
  return out;
}
