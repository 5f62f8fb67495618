// The account graph as the page shows it, in pure functions (no DOM, no Cytoscape), so
// they run under node's test runner: which people a view shows (departed, filters,
// collapsed teams), whom a focus keeps lit, each team's people / engaged / coverage, each
// person's marks (role, sentiment, the strongest flag) and where a person's label goes.
import type { AccountGraph, Band, FunctionGroup, GraphNode, GraphNodeFlag, Sentiment, TrendDay } from "./api";

/** Effective KNOWS strength from which a stakeholder counts as engaged (analyses/cadence.py). */
export const ENGAGED = 3;
/** Teams with more people of their own than this start collapsed. */
export const COLLAPSE_OVER = 20;

/** C_LEVEL and VP are EXECUTIVE, DIRECTOR is DIRECTOR, the rest STAFF (as analyses/coverage.py). */
export function band(seniority: string | null | undefined): Band {
  if (seniority === "C_LEVEL" || seniority === "VP") return "EXECUTIVE";
  if (seniority === "DIRECTOR") return "DIRECTOR";
  return "STAFF";
}

export function isDeparted(node: GraphNode): boolean {
  return node.status === "DEPARTED" || node.flags.includes("DEPARTED");
}

export function isEngaged(node: GraphNode): boolean {
  return node.kind === "STAKEHOLDER" && !isDeparted(node) && (node.engagement ?? 0) >= ENGAGED;
}

export interface Filters {
  band: Band | "";
  group: FunctionGroup | "";
  sentiment: Sentiment | "";
  engagement: "" | "ENGAGED" | "NOT_ENGAGED";
  /** One flag, ANY flag, or "" (no filter). */
  flag: GraphNodeFlag | "ANY" | "";
}

/** What the graph shows: collapsed teams, filters, the focused person. */
export interface View {
  collapsed: Set<string>;
  filters: Filters;
  focus: string | null;
}

export const NO_FILTERS: Filters = { band: "", group: "", sentiment: "", engagement: "", flag: "" };

export function filtersActive(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== "");
}

/** Does a stakeholder pass the filters? Our members always do (they are the way in). */
export function passes(node: GraphNode, filters: Filters): boolean {
  if (node.kind === "MEMBER") return true;
  if (filters.band && band(node.seniority) !== filters.band) return false;
  if (filters.group && node.functionGroup !== filters.group) return false;
  if (filters.sentiment && (node.sentiment ?? "UNKNOWN") !== filters.sentiment) return false;
  if (filters.engagement === "ENGAGED" && !isEngaged(node)) return false;
  if (filters.engagement === "NOT_ENGAGED" && isEngaged(node)) return false;
  if (filters.flag === "ANY" && node.flags.filter((f) => f !== "DEPARTED").length === 0) return false;
  if (filters.flag && filters.flag !== "ANY" && !node.flags.includes(filters.flag)) return false;
  return true;
}

/** The graph without departed people (and their edges) unless they are asked for. */
export function withDeparted(graph: AccountGraph, show: boolean): AccountGraph {
  if (show) return graph;
  const gone = new Set(graph.nodes.filter(isDeparted).map((n) => n.id));
  if (gone.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

/** Each team's own descendants (itself included), by team id. */
export function subtrees(graph: AccountGraph): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const g of graph.groups) {
    if (g.parent) children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
  }
  const out = new Map<string, Set<string>>();
  for (const g of graph.groups) {
    const seen = new Set<string>();
    const stack = [g.id];
    while (stack.length) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    out.set(g.id, seen);
  }
  return out;
}

export interface TeamSummary {
  teamId: string;
  /** Stakeholders on the graph in the team and its sub-teams. */
  people: number;
  /** Of them, active and engaged (effective strength >= 3). */
  engaged: number;
  /** Engaged / active people, in percent (0 when nobody is active). */
  coverage: number;
  /** People in the team itself (not its sub-teams). */
  own: number;
}

export function teamSummaries(graph: AccountGraph): Map<string, TeamSummary> {
  const trees = subtrees(graph);
  const out = new Map<string, TeamSummary>();
  const stakeholders = graph.nodes.filter((n) => n.kind === "STAKEHOLDER");
  for (const [teamId, tree] of trees) {
    const inside = stakeholders.filter((n) => n.group != null && tree.has(n.group));
    const active = inside.filter((n) => !isDeparted(n)).length;
    const engaged = inside.filter(isEngaged).length;
    out.set(teamId, {
      teamId,
      people: inside.length,
      engaged,
      coverage: active ? Math.round((100 * engaged) / active) : 0,
      own: inside.filter((n) => n.group === teamId).length,
    });
  }
  return out;
}

/** Teams that start collapsed: more than COLLAPSE_OVER people of their own. */
export function defaultCollapsed(graph: AccountGraph): Set<string> {
  const out = new Set<string>();
  for (const s of teamSummaries(graph).values()) if (s.own > COLLAPSE_OVER) out.add(s.teamId);
  return out;
}

/** The collapsed team a person is hidden in (the outermost collapsed one), or null. */
export function collapsedTeamOf(
  node: GraphNode,
  collapsed: Set<string>,
  parents: Map<string, string | null>,
): string | null {
  let found: string | null = null;
  let team = node.group ?? null;
  const seen = new Set<string>();
  while (team && !seen.has(team)) {
    seen.add(team);
    if (collapsed.has(team)) found = team;
    team = parents.get(team) ?? null;
  }
  return found;
}

/** People within `hops` steps of `id` over any edge, either direction (id included). */
export function neighbourhood(graph: AccountGraph, id: string, hops = 2): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const e of graph.edges) {
    adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
    adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
  }
  let frontier = [id];
  const seen = new Set(frontier);
  for (let step = 0; step < hops; step++) {
    const next: string[] = [];
    for (const at of frontier) {
      for (const to of adjacent.get(at) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          next.push(to);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** The marks a person wears, strongest first. */
export type Mark = "CHAMPION" | "ECONOMIC_BUYER" | "DETRACTOR";

export function marks(node: GraphNode): Mark[] {
  const out: Mark[] = [];
  if (node.buyingRole === "CHAMPION") out.push("CHAMPION");
  if (node.buyingRole === "ECONOMIC_BUYER") out.push("ECONOMIC_BUYER");
  if (node.sentiment === "DETRACTOR") out.push("DETRACTOR");
  return out;
}

/** Flags from the strongest (what a node shows) to the weakest; DEPARTED is drawn as greyed. */
export const FLAG_ORDER: GraphNodeFlag[] = [
  "DETRACTOR_ECONOMIC_BUYER",
  "CHAMPION_WITHOUT_BACKUP",
  "SOLE_ENGAGED_THROUGH_ONE_MEMBER",
  "OVERDUE",
];

export function strongestFlag(node: GraphNode): GraphNodeFlag | null {
  for (const flag of FLAG_ORDER) if (node.flags.includes(flag)) return flag;
  return null;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Of the labels (in priority order, first wins), those that can show without touching
 * one already shown or any of the `obstacles` (drawn shapes); a simple grid speeds it up. */
export function labelsThatFit(labels: { id: string; box: Box }[], obstacles: Box[] = [], cell = 80): Set<string> {
  const grid = new Map<string, Box[]>();
  const keys = (b: Box): string[] => {
    const out: string[] = [];
    for (let x = Math.floor(b.x1 / cell); x <= Math.floor(b.x2 / cell); x++) {
      for (let y = Math.floor(b.y1 / cell); y <= Math.floor(b.y2 / cell); y++) out.push(`${x},${y}`);
    }
    return out;
  };
  const add = (b: Box): void => {
    for (const k of keys(b)) grid.set(k, [...(grid.get(k) ?? []), b]);
  };
  const hits = (b: Box): boolean => keys(b).some((k) => (grid.get(k) ?? []).some((o) => overlaps(o, b)));
  for (const o of obstacles) add(o);
  const shown = new Set<string>();
  for (const { id, box } of labels) {
    if (hits(box)) continue;
    add(box);
    shown.add(id);
  }
  return shown;
}

/** People whose name contains the text (case and accents ignored), best match first. */
export function search(nodes: GraphNode[], text: string, limit = 8): GraphNode[] {
  const fold = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const q = fold(text.trim());
  if (!q) return [];
  const scored: [number, GraphNode][] = [];
  for (const n of nodes) {
    const name = fold(n.label);
    const at = name.indexOf(q);
    if (at < 0) continue;
    scored.push([at === 0 ? 0 : name.includes(` ${q}`) ? 1 : 2, n]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label));
  return scored.slice(0, limit).map(([, n]) => n);
}

/** The trend with its last day replaced (or added) by `fresh`'s. */
export function mergeLastDay(days: TrendDay[], fresh: TrendDay[]): TrendDay[] {
  const last = fresh[fresh.length - 1];
  if (!last) return days;
  return [...days.filter((d) => d.date !== last.date), last].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
