// The explorer's only way to the data: POST /graphql with the caller's key. The API
// applies the key's scope (a VIEWER bound to a member sees that member's accounts);
// the page shows what it answers.

export type Tier = "STRATEGIC" | "KEY" | "STANDARD";
export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
export type Sentiment = "ADVOCATE" | "NEUTRAL" | "DETRACTOR" | "UNKNOWN";
export type Band = "EXECUTIVE" | "DIRECTOR" | "STAFF";
export type FunctionGroup = "BUYING" | "USING" | "ADJACENT";
export type AccountSort = "ID" | "NAME" | "ARR" | "COVERAGE_SCORE" | "STRATEGIC_SCORE" | "DAYS_TO_RENEWAL";
export type GraphNodeFlag =
  | "CHAMPION_WITHOUT_BACKUP"
  | "DETRACTOR_ECONOMIC_BUYER"
  | "OVERDUE"
  | "DEPARTED"
  | "SOLE_ENGAGED_THROUGH_ONE_MEMBER";
export type GraphEdgeKind = "KNOWS" | "REPORTS_TO" | "INFLUENCES" | "MEMBER_OF";

export interface Gap {
  code: string;
  severity: Severity;
  stakeholderId?: string | null;
  band?: Band | null;
  group?: FunctionGroup | null;
}

export interface AccountRow {
  id: string;
  name: string;
  tier: Tier;
  strategicScore: number;
  arr: number | null;
  renewalDate: string | null;
  renewal: { milestone: string | null; daysToRenewal: number | null };
  coverage: { score: number; gaps: Gap[] };
}

export interface GraphNode {
  id: string;
  kind: "STAKEHOLDER" | "MEMBER";
  label: string;
  title: string | null;
  seniority: string | null;
  group: string | null;
  functionGroup: FunctionGroup | null;
  buyingRole: string | null;
  sentiment: Sentiment | null;
  engagement: number | null;
  influenceScore: number | null;
  influenceRank: number | null;
  status: "ACTIVE" | "DEPARTED" | null;
  departedAt: string | null;
  flags: GraphNodeFlag[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  strength: number | null;
  effectiveStrength: number | null;
  overdue: boolean | null;
  lastContact: string | null;
}

export interface GraphGroup {
  id: string;
  label: string;
  parent: string | null;
  functionGroup: FunctionGroup | null;
}

export interface AccountGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
}

export interface AccountDetail {
  id: string;
  name: string;
  tier: Tier;
  arr: number | null;
  renewal: { milestone: string | null; daysToRenewal: number | null; renewalDate: string | null };
  coverage: {
    score: number;
    mappedCount: number;
    engagedCount: number;
    strongCount: number;
    threeByThree: boolean;
    cells: { band: Band; group: FunctionGroup; engagedCount: number; covered: boolean }[];
    gaps: Gap[];
  };
  championBackups: {
    champion: { id: string; name: string };
    hasBackup: boolean;
    scoreIfLost: number;
    backups: { id: string; name: string }[];
  }[];
  whitespace: {
    cells: { teamId: string; productId: string; status: string; value: number; weightedValue: number }[];
    totals: { deployedArr: number; pipelineAmount: number; weightedPipeline: number; whitespaceEstimate: number };
  };
  teams: { id: string; name: string }[];
  graph: AccountGraph;
  trend: TrendDay[];
}

/** One day of the account's record (its daily snapshot). */
export interface TrendDay {
  date: string;
  coverageScore: number;
  engagedCount: number;
  championsWithoutBackup: number;
}

export interface WarmPath {
  hops: number;
  weakestLink: number;
  totalStrength: number;
  nodes: { id: string; name: string }[];
  edges: { id: string; source: string; target: string; kind: string; strength: number; forward: boolean }[];
}

/** A refusal: HTTP status and the API's error code (UNAUTHENTICATED: ask for a key again). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`the API answered ${response.status} without a JSON body`, response.status, null);
  }
  const first = body.errors?.[0];
  if (!response.ok || body.data == null) {
    const code = first?.extensions?.code ?? null;
    throw new ApiError(first?.message ?? `the API answered ${response.status}`, response.status, code);
  }
  if (first) console.warn("samgraph explorer: partial answer:", first.message);
  return body.data;
}

export const PORTFOLIO = `
query ExplorerPortfolio($filter: AccountFilter, $after: String, $sortBy: AccountSort!, $descending: Boolean!) {
  accounts(filter: $filter, first: 100, after: $after, sortBy: $sortBy, descending: $descending) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name tier strategicScore arr renewalDate
      renewal { milestone daysToRenewal }
      coverage { score gaps { code severity } }
    }
  }
}`;

export interface PortfolioPage {
  accounts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: AccountRow[];
  };
}

export const ACCOUNT = `
query ExplorerAccount($id: ID!, $asOf: Date, $include: [GraphInclude!], $trendFrom: Date!, $trendTo: Date!) {
  account(id: $id, asOf: $asOf) {
    id name tier arr
    renewal { milestone daysToRenewal renewalDate }
    coverage {
      score mappedCount engagedCount strongCount threeByThree
      cells { band group engagedCount covered }
      gaps { code severity stakeholderId band group }
    }
    championBackups { champion { id name } hasBackup scoreIfLost backups { id name } }
    whitespace {
      cells { teamId productId status value weightedValue }
      totals { deployedArr pipelineAmount weightedPipeline whitespaceEstimate }
    }
    teams { id name }
    graph(include: $include) {
      nodes {
        id kind label title seniority group functionGroup buyingRole sentiment engagement
        influenceScore influenceRank status departedAt flags
      }
      edges { id source target kind strength effectiveStrength overdue lastContact }
      groups { id label parent functionGroup }
    }
    trend(from: $trendFrom, to: $trendTo) { date coverageScore engagedCount championsWithoutBackup }
  }
  products(first: 100) { nodes { id name } }
}`;

export interface AccountAnswer {
  account: AccountDetail | null;
  products: { nodes: { id: string; name: string }[] } | null;
}

export const WARM_PATHS = `
query ExplorerWarmPaths($id: ID!, $to: ID!, $asOf: Date) {
  account(id: $id, asOf: $asOf) {
    warmPaths(to: $to, first: 3) {
      hops weakestLink totalStrength
      nodes { id name }
      edges { id source target kind strength forward }
    }
  }
}`;

export interface WarmPathsAnswer {
  account: { warmPaths: WarmPath[] | null } | null;
}

const SEVERITY_RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** The most severe gap (the API lists them in its own order; ties keep it). */
export function worstGap(gaps: Gap[]): Gap | null {
  let worst: Gap | null = null;
  for (const gap of gaps) {
    if (worst === null || SEVERITY_RANK[gap.severity] < SEVERITY_RANK[worst.severity]) worst = gap;
  }
  return worst;
}

export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? 9 : SEVERITY_RANK[severity];
}
