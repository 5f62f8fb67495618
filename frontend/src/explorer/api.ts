// The explorer's only way to the data: POST /graphql with the caller's key (and the
// accountChanged subscription over graphql-ws). The API applies the key's scope (a
// VIEWER bound to a member sees that member's accounts); the page shows what it answers.
// Every operation and its types come from operations/explorer.graphql through GraphQL
// Code Generator (generated/graphql.ts), so they follow schema.graphql.
import type {
  ExplorerAccountQuery,
  ExplorerAnalysesQuery,
  ExplorerTrendQuery,
  ExplorerPortfolioQuery,
  ExplorerWarmPathsQuery,
  Severity,
  TypedDocumentString,
} from "./generated/graphql";

export type {
  AccountFilter,
  AccountSort,
  Band,
  BuyingRole,
  FunctionGroup,
  GraphNodeFlag,
  Sentiment,
  Severity,
  Tier,
} from "./generated/graphql";
export {
  ExplorerAccountChangedDocument,
  ExplorerAccountDocument,
  ExplorerAnalysesDocument,
  ExplorerTrendDocument,
  ExplorerLogInteractionDocument,
  ExplorerPortfolioDocument,
  ExplorerUpdateStakeholderDocument,
  ExplorerWarmPathsDocument,
} from "./generated/graphql";

export type PortfolioPage = ExplorerPortfolioQuery;
export type AccountRow = ExplorerPortfolioQuery["accounts"]["nodes"][number];
export type AccountAnswer = ExplorerAccountQuery;
export type AccountDetail = NonNullable<ExplorerAccountQuery["account"]>;
export type AccountGraph = AccountDetail["graph"];
export type GraphNode = AccountGraph["nodes"][number];
export type GraphEdge = AccountGraph["edges"][number];
export type GraphGroup = AccountGraph["groups"][number];
export type Analyses = NonNullable<ExplorerAnalysesQuery["account"]>;
export type TrendDay = NonNullable<ExplorerTrendQuery["account"]>["trend"][number];
export type Play = Analyses["plays"][number];
export type WarmPath = NonNullable<NonNullable<ExplorerWarmPathsQuery["account"]>["warmPaths"]>[number];
export type WarmPathsAnswer = ExplorerWarmPathsQuery;
export interface Gap {
  code: string;
  severity: Severity;
  stakeholderId?: string | null;
  band?: string | null;
  group?: string | null;
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

export async function gql<R, V>(
  headers: Record<string, string>,
  document: TypedDocumentString<R, V>,
  variables: V,
): Promise<R> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  let body: GraphQLBody<R>;
  try {
    body = (await response.json()) as GraphQLBody<R>;
  } catch {
    throw new ApiError(`the API answered ${response.status} without a JSON body`, response.status, null);
  }
  const first = body.errors?.[0];
  if (!response.ok || body.data == null) {
    const code = first?.extensions?.code ?? null;
    throw new ApiError(first?.message ?? `the API answered ${response.status}`, response.status, code);
  }
  if (first) console.warn("samgraph explorer: partial answer:", first.message);
  return plainIds(body.data);
}

const DATED_ID = /@\d{4}-\d{2}-\d{2}$/;

/** Under a root field given `asOf`, the API dates every `id` (`s1@2026-06-01`) so that
 * normalised caches keep dates apart. The explorer draws one date at a time and keeps
 * each person's position across dates, so it keys everything by the plain id. */
export function plainIds<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) plainIds(item);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(record)) {
      if (key === "id" && typeof inner === "string") record[key] = inner.replace(DATED_ID, "");
      else if (inner !== null && typeof inner === "object") plainIds(inner);
    }
  }
  return value;
}

const SEVERITY_RANK: Record<Severity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** The most severe gap (the API lists them in its own order; ties keep it). */
export function worstGap<G extends { severity: Severity }>(gaps: G[]): G | null {
  let worst: G | null = null;
  for (const gap of gaps) {
    if (worst === null || SEVERITY_RANK[gap.severity] < SEVERITY_RANK[worst.severity]) worst = gap;
  }
  return worst;
}

export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? 9 : SEVERITY_RANK[severity];
}
