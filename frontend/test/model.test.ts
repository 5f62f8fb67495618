import assert from "node:assert/strict";
import { test } from "node:test";

import { plainIds, type AccountGraph, type GraphNode } from "../src/explorer/api";
import { centres, elements, elkGraph, summaryId, viewClasses } from "../src/explorer/elements";
import {
  NO_FILTERS,
  band,
  collapsedTeamOf,
  defaultCollapsed,
  labelsThatFit,
  marks,
  mergeLastDay,
  neighbourhood,
  passes,
  search,
  strongestFlag,
  teamSummaries,
  withDeparted,
} from "../src/explorer/model";

function person(id: string, over: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind: "STAKEHOLDER",
    label: id.toUpperCase(),
    title: null,
    seniority: "IC",
    group: "eng",
    functionGroup: "USING",
    buyingRole: "NONE",
    sentiment: "NEUTRAL",
    engagement: 0,
    influenceScore: 0.1,
    influenceRank: 5,
    status: "ACTIVE",
    departedAt: null,
    flags: [],
    ...over,
  };
}

// org: exec > eng (2 people of its own) > web (25 people); sam is our member.
const web = Array.from({ length: 25 }, (_, i) => person(`w${i}`, { group: "web", engagement: i < 5 ? 4 : 1 }));
const GRAPH: AccountGraph = {
  groups: [
    { id: "exec", label: "Exec", parent: null, functionGroup: "BUYING" },
    { id: "eng", label: "Engineering", parent: "exec", functionGroup: "USING" },
    { id: "web", label: "Web", parent: "eng", functionGroup: "USING" },
  ],
  nodes: [
    person("ceo", { group: "exec", seniority: "C_LEVEL", buyingRole: "ECONOMIC_BUYER", sentiment: "DETRACTOR", flags: ["DETRACTOR_ECONOMIC_BUYER", "OVERDUE"], engagement: 3 }),
    person("cto", { group: "eng", seniority: "VP", buyingRole: "CHAMPION", sentiment: "ADVOCATE", flags: ["OVERDUE", "CHAMPION_WITHOUT_BACKUP"], engagement: 5 }),
    person("dir", { group: "eng", seniority: "DIRECTOR" }),
    person("gone", { group: "eng", status: "DEPARTED", flags: ["DEPARTED"], engagement: 4 }),
    ...web,
    { ...person("sam"), kind: "MEMBER", group: null, functionGroup: null, seniority: null, sentiment: null, engagement: null, buyingRole: null },
  ],
  edges: [
    { id: "report:cto:REPORTS_TO", source: "cto", target: "ceo", kind: "REPORTS_TO", strength: null, effectiveStrength: null, overdue: null, lastContact: null },
    { id: "report:dir:REPORTS_TO", source: "dir", target: "cto", kind: "REPORTS_TO", strength: null, effectiveStrength: null, overdue: null, lastContact: null },
    { id: "sam:cto", source: "sam", target: "cto", kind: "KNOWS", strength: 5, effectiveStrength: 5, overdue: false, lastContact: "2026-01-01" },
    { id: "sam:gone", source: "sam", target: "gone", kind: "KNOWS", strength: 4, effectiveStrength: 4, overdue: false, lastContact: "2026-01-01" },
    ...web.map((w) => ({ id: `report:${w.id}:REPORTS_TO`, source: w.id, target: "dir", kind: "REPORTS_TO" as const, strength: null, effectiveStrength: null, overdue: null, lastContact: null })),
  ],
};

test("band follows the API's seniority bands", () => {
  assert.deepEqual(["C_LEVEL", "VP", "DIRECTOR", "MANAGER", "IC", null].map(band), [
    "EXECUTIVE",
    "EXECUTIVE",
    "DIRECTOR",
    "STAFF",
    "STAFF",
    "STAFF",
  ]);
});

test("departed people and their edges go unless asked for", () => {
  const without = withDeparted(GRAPH, false);
  assert.ok(!without.nodes.some((n) => n.id === "gone"));
  assert.ok(!without.edges.some((e) => e.id === "sam:gone"));
  assert.equal(withDeparted(GRAPH, true), GRAPH);
});

test("team summaries count people, engaged (active, 3+) and coverage over sub-teams", () => {
  const s = teamSummaries(GRAPH);
  assert.deepEqual(s.get("web"), { teamId: "web", people: 25, engaged: 5, coverage: 20, own: 25 });
  // eng: cto (5), dir (0), gone (departed: not engaged, not active) + web's 25.
  assert.deepEqual(s.get("eng"), { teamId: "eng", people: 28, engaged: 6, coverage: 22, own: 3 });
  assert.equal(s.get("exec")?.people, 29);
  assert.equal(s.get("exec")?.engaged, 7);
});

test("large teams start collapsed, and a person is hidden in the outermost collapsed team", () => {
  const collapsed = defaultCollapsed(GRAPH);
  assert.deepEqual([...collapsed], ["web"]);
  const parents = new Map(GRAPH.groups.map((g) => [g.id, g.parent]));
  const w0 = GRAPH.nodes.find((n) => n.id === "w0") as GraphNode;
  assert.equal(collapsedTeamOf(w0, collapsed, parents), "web");
  assert.equal(collapsedTeamOf(w0, new Set(["web", "eng"]), parents), "eng");
  assert.equal(collapsedTeamOf(w0, new Set(), parents), null);
});

test("filters keep members and match band, group, sentiment, engagement and flags", () => {
  const ids = (f: Partial<typeof NO_FILTERS>): string[] =>
    GRAPH.nodes.filter((n) => passes(n, { ...NO_FILTERS, ...f })).map((n) => n.id).filter((id) => !id.startsWith("w"));
  assert.deepEqual(ids({ band: "EXECUTIVE" }), ["ceo", "cto", "sam"]);
  assert.deepEqual(ids({ sentiment: "DETRACTOR" }), ["ceo", "sam"]);
  assert.deepEqual(ids({ engagement: "ENGAGED" }), ["ceo", "cto", "sam"]);
  assert.deepEqual(ids({ flag: "CHAMPION_WITHOUT_BACKUP" }), ["cto", "sam"]);
  assert.deepEqual(ids({ flag: "ANY" }), ["ceo", "cto", "sam"]);
  assert.deepEqual(ids({ group: "BUYING" }), ["sam"]);
});

test("focus keeps the 2-hop neighbourhood over any edge, either way", () => {
  assert.deepEqual([...neighbourhood(GRAPH, "ceo", 2)].sort(), ["ceo", "cto", "dir", "sam"]);
  assert.deepEqual([...neighbourhood(GRAPH, "ceo", 1)].sort(), ["ceo", "cto"]);
});

test("marks and the strongest flag", () => {
  const ceo = GRAPH.nodes[0] as GraphNode;
  const cto = GRAPH.nodes[1] as GraphNode;
  assert.deepEqual(marks(ceo), ["ECONOMIC_BUYER", "DETRACTOR"]);
  assert.deepEqual(marks(cto), ["CHAMPION"]);
  assert.equal(strongestFlag(ceo), "DETRACTOR_ECONOMIC_BUYER");
  assert.equal(strongestFlag(cto), "CHAMPION_WITHOUT_BACKUP");
  assert.equal(strongestFlag(GRAPH.nodes[2] as GraphNode), null);
});

test("labels that would collide are left out, first come first kept", () => {
  const box = (x: number, y: number) => ({ x1: x, y1: y, x2: x + 50, y2: y + 10 });
  const shown = labelsThatFit(
    [
      { id: "a", box: box(0, 0) },
      { id: "b", box: box(40, 5) },
      { id: "c", box: box(0, 20) },
      { id: "d", box: box(200, 200) },
    ],
    [{ x1: 195, y1: 195, x2: 205, y2: 205 }],
  );
  assert.deepEqual([...shown].sort(), ["a", "c"]);
});

test("search matches names ignoring case and accents, prefix first", () => {
  const nodes = [person("x", { label: "Zoë Adams" }), person("y", { label: "Adam Zoellner" }), person("z", { label: "Bo" })];
  assert.deepEqual(search(nodes, "zoe").map((n) => n.id), ["x", "y"]);
  assert.deepEqual(search(nodes, "adam").map((n) => n.id), ["y", "x"]);
  assert.deepEqual(search(nodes, " "), []);
});

test("elements keep the API's ids, one collapsed box per team, marks as classes", () => {
  const els = elements(GRAPH, teamSummaries(GRAPH));
  const byId = new Map(els.map((e) => [e.data.id as string, e]));
  for (const n of GRAPH.nodes) assert.ok(byId.has(n.id), n.id);
  for (const e of GRAPH.edges) assert.ok(byId.has(e.id), e.id);
  assert.equal(byId.get(summaryId("web"))?.data.people, 25);
  assert.equal(byId.get(summaryId("web"))?.data.parent, "eng");
  assert.match(String(byId.get("ceo")?.classes), /economic-buyer/);
  assert.match(String(byId.get("ceo")?.classes), /detractor/);
  assert.match(String(byId.get("cto")?.classes), /champion/);
  assert.equal(byId.get("cto")?.data.flag, "CHAMPION_WITHOUT_BACKUP");
  assert.equal(byId.get("w1")?.data.parent, "web");
});

test("the ELK graph: a collapsed team is one box, managers before their reports", () => {
  const elk = elkGraph(GRAPH, new Set(["web"]));
  const ids: string[] = [];
  const walk = (n: { id: string; children?: { id: string }[] }): void => {
    ids.push(n.id);
    for (const c of n.children ?? []) walk(c as never);
  };
  walk(elk);
  assert.ok(ids.includes(summaryId("web")));
  assert.ok(!ids.includes("w0"));
  assert.ok(ids.includes("cto") && ids.includes("sam"));
  const eng = JSON.stringify(elk);
  assert.ok(eng.includes('"sources":["cto"],"targets":["dir"]'));
  // centres add up parents' offsets.
  const laid = { id: "root", x: 0, y: 0, children: [{ id: "t", x: 100, y: 50, children: [{ id: "p", x: 10, y: 20, width: 40, height: 20 }] }] };
  assert.deepEqual(centres(laid).get("p"), { x: 120, y: 80 });
});

test("a view hides collapsed teams' insides and filtered people, and fades all but a focus", () => {
  const collapsed = viewClasses(GRAPH, { collapsed: new Set(["eng"]), filters: NO_FILTERS, focus: null });
  // eng's box, web's box (inside it) and everyone in them; eng's stand-in shows, web's not.
  for (const id of ["eng", "web", "cto", "dir", "w0", summaryId("web"), summaryId("exec")]) {
    assert.ok(collapsed.hidden.has(id), id);
  }
  assert.ok(!collapsed.hidden.has(summaryId("eng")));
  assert.ok(!collapsed.hidden.has("ceo") && !collapsed.hidden.has("sam"));
  const filtered = viewClasses(GRAPH, { collapsed: new Set(), filters: { ...NO_FILTERS, sentiment: "ADVOCATE" }, focus: null });
  assert.ok(filtered.hidden.has("ceo") && !filtered.hidden.has("cto") && !filtered.hidden.has("sam"));
  const focused = viewClasses(GRAPH, { collapsed: new Set(), filters: NO_FILTERS, focus: "ceo" });
  assert.deepEqual(
    GRAPH.nodes.filter((n) => !focused.faded.has(n.id)).map((n) => n.id).sort(),
    ["ceo", "cto", "dir", "sam"],
  );
  assert.ok(focused.faded.has("sam:gone") && !focused.faded.has("sam:cto"));
});

test("the explorer keys everything by the plain id of a dated view's answer", () => {
  const answer = {
    account: {
      id: "gfc@2026-06-01",
      name: "a@b",
      graph: { nodes: [{ id: "s1@2026-06-01", group: "t1" }], edges: [{ id: "m1:s1@2026-06-01", source: "m1" }] },
    },
  };
  // Only `id` keys lose their date; other strings (a name, a reference) stay as they are.
  assert.deepEqual(plainIds(answer), {
    account: {
      id: "gfc",
      name: "a@b",
      graph: { nodes: [{ id: "s1", group: "t1" }], edges: [{ id: "m1:s1", source: "m1" }] },
    },
  });
});

test("after a change only the trend's last day is replaced, in date order", () => {
  const day = (date: string, coverageScore: number, reconstructed = false) =>
    ({ date, coverageScore, engagedCount: 1, championsWithoutBackup: 0, reconstructed });
  const held = [day("2026-12-01", 30, true), day("2026-12-02", 31), day("2026-12-03", 32)];
  // Today's point answered again after a write: 32 becomes 40, the past days stay.
  assert.deepEqual(mergeLastDay(held, [day("2026-12-03", 40)]).map((d) => [d.date, d.coverageScore]), [
    ["2026-12-01", 30],
    ["2026-12-02", 31],
    ["2026-12-03", 40],
  ]);
  // A new day (the page stayed open past midnight) is added at the end; nothing answered keeps all.
  assert.equal(mergeLastDay(held, [day("2026-12-04", 41)]).length, 4);
  assert.deepEqual(mergeLastDay(held, []), held);
});
