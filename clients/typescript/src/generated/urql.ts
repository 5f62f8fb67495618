/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from 'urql';
import * as Urql from 'urql';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type Band =
  | 'DIRECTOR'
  | 'EXECUTIVE'
  | 'STAFF';

export type BuyingRole =
  | 'BLOCKER'
  | 'BUSINESS_OWNER'
  | 'CHAMPION'
  | 'ECONOMIC_BUYER'
  | 'INFLUENCER'
  | 'NONE'
  | 'TECHNICAL_EVALUATOR'
  | 'USER';

export type CellStatus =
  | 'DEPLOYED'
  | 'IN_PIPELINE'
  | 'PILOT'
  | 'WHITESPACE';

export type DeploymentStatus =
  | 'DEPLOYED'
  | 'PILOT';

export type EdgeKind =
  | 'INFLUENCES'
  | 'KNOWS'
  | 'REPORTS_TO';

export type FunctionGroup =
  | 'ADJACENT'
  | 'BUYING'
  | 'USING';

export type GapCode =
  | 'BELOW_TARGET'
  | 'CHAMPION_WITHOUT_BACKUP'
  | 'DETRACTOR_ECONOMIC_BUYER'
  | 'NO_CHAMPION'
  | 'NO_EXECUTIVE_ENGAGED'
  | 'SINGLE_THREADED'
  | 'UNCOVERED_CELL';

export type GraphEdgeKind =
  | 'INFLUENCES'
  | 'KNOWS'
  | 'MEMBER_OF'
  | 'REPORTS_TO';

export type GraphNodeFlag =
  | 'CHAMPION_WITHOUT_BACKUP'
  | 'DEPARTED'
  | 'DETRACTOR_ECONOMIC_BUYER'
  | 'OVERDUE'
  | 'SOLE_ENGAGED_THROUGH_ONE_MEMBER';

export type GraphNodeKind =
  | 'MEMBER'
  | 'STAKEHOLDER';

export type PathNodeKind =
  | 'MEMBER'
  | 'STAKEHOLDER';

/** What a play does (domain §17): RECONNECT touches a relationship that has decayed (its lastContact becomes asOf); INTRODUCE gets us introduced along the best warm path (KNOWS(member, stakeholder) at strength 3, contacted on asOf). */
export type PlayKind =
  | 'INTRODUCE'
  | 'RECONNECT';

export type RenewalMilestone =
  | 'EXECUTIVE_ALIGNMENT'
  | 'INTERNAL_REVIEW'
  | 'LEGAL_AND_PROCUREMENT'
  | 'NEGOTIATION'
  | 'PROPOSAL'
  | 'RENEWAL'
  | 'SIGNATURE_TARGET';

export type Seniority =
  | 'C_LEVEL'
  | 'DIRECTOR'
  | 'IC'
  | 'MANAGER'
  | 'VP';

export type Sentiment =
  | 'ADVOCATE'
  | 'DETRACTOR'
  | 'NEUTRAL'
  | 'UNKNOWN';

export type Severity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type StakeholderStatus =
  | 'ACTIVE'
  | 'DEPARTED';

export type Tier =
  | 'KEY'
  | 'STANDARD'
  | 'STRATEGIC';

export type AccountOverviewQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type AccountOverviewQuery = { account: { id: string, name: string, tier: Tier, strategicScore: number, renewal: { milestone: RenewalMilestone | null, daysToRenewal: number | null }, coverage: { score: number, threeByThree: boolean, gaps: Array<{ code: GapCode, severity: Severity, stakeholderId: string | null }> } } | null };

export type StakeholderOnQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type StakeholderOnQuery = { stakeholder: { id: string, name: string, title: string | null } | null };

export type AccountPlaysForQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
}>;


export type AccountPlaysForQuery = { account: { id: string, plays: Array<{ kind: PlayKind, scoreGain: number, reachGain: number, stakeholder: { id: string, name: string } | null, member: { id: string, name: string } | null, path: { hops: number, nodes: Array<{ id: string, name: string }> } | null }> } | null };

export type WarmPathsToQueryVariables = Exact<{
  id: string;
  to: string;
  first?: number | null | undefined;
}>;


export type WarmPathsToQuery = { account: { id: string, warmPaths: Array<{ hops: number, weakestLink: number, nodes: Array<{ id: string, name: string }> }> | null } | null };

export type PortfolioPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  memberId?: string | null | undefined;
}>;


export type PortfolioPageQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, tier: Tier, coverage: { score: number } }> } };

export type TouchRelationshipMutationVariables = Exact<{
  memberId: string;
  stakeholderId: string;
  strength: number;
  lastContact?: string | null | undefined;
}>;


export type TouchRelationshipMutation = { linkKnows: { id: string, strength: number, effectiveStrength: number } };

export type AccountGraphQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountGraphQuery = { account: { name: string, teams: Array<{ name: string, stakeholders: Array<{ name: string, manager: { name: string } | null, reports: Array<{ name: string }>, relationships: Array<{ strength: number, member: { name: string } | null }>, influences: Array<{ weight: number, to: { name: string } | null }> }>, deployments: Array<{ status: DeploymentStatus, arr: number | null, product: { name: string } | null }>, opportunities: Array<{ name: string, amount: number | null }> }> } | null };

export type AccountHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountHealthQuery = { account: { strategicScore: number, tier: Tier, renewal: { milestone: RenewalMilestone | null, date: string | null, daysToRenewal: number | null }, coverage: { score: number, mappedCount: number, engagedCount: number, strongCount: number, threeByThree: boolean, cells: Array<{ band: Band, group: FunctionGroup, engagedCount: number, covered: boolean }>, gaps: Array<{ code: GapCode, severity: Severity, stakeholderId: string | null, band: Band | null, group: FunctionGroup | null }> }, championBackups: Array<{ hasBackup: boolean, scoreIfLost: number, champion: { name: string }, backups: Array<{ name: string }> }>, influenceMap: { nodes: Array<{ score: number, rank: number, engagement: number, buyingRole: BuyingRole | null, stakeholder: { name: string } }>, edges: Array<{ source: string, target: string, weight: number, kind: EdgeKind }> } } | null };

export type WarmPathsToRobertQueryVariables = Exact<{ [key: string]: never; }>;


export type WarmPathsToRobertQuery = { account: { warmPaths: Array<{ hops: number, weakestLink: number, totalStrength: number, nodes: Array<{ id: string, name: string, kind: PathNodeKind }>, edges: Array<{ source: string, target: string, kind: EdgeKind, strength: number }> }> | null, whitespace: { totals: { deployedArr: number, pipelineAmount: number, weightedPipeline: number, whitespaceEstimate: number }, cells: Array<{ teamId: string, productId: string, status: CellStatus, value: number, weightedValue: number }>, byTeam: Array<{ teamId: string, whitespaceEstimate: number }> } } | null };

export type MemberOverdueTouchesQueryVariables = Exact<{ [key: string]: never; }>;


export type MemberOverdueTouchesQuery = { member: { overdueTouches: Array<{ stakeholderId: string, daysSinceContact: number | null, nextDue: string | null, effectiveStrength: number }> } | null, portfolioGaps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: GapCode, severity: Severity, stakeholderId: string | null, account: { name: string } }> }, accounts: { totalCount: number, nodes: Array<{ name: string, tier: Tier, coverage: { score: number } }> } };

export type MemberAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type MemberAccountsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, arr: number | null, renewalDate: string | null, scores: { currentRevenue: number | null, strategicFit: number | null } }> } };

export type RecordRelationshipAndDepartureMutationVariables = Exact<{ [key: string]: never; }>;


export type RecordRelationshipAndDepartureMutation = { linkKnows: { id: string, effectiveStrength: number }, markDeparted: { id: string, status: StakeholderStatus, departedAt: string | null } };

export type UpdateStakeholderMutationVariables = Exact<{ [key: string]: never; }>;


export type UpdateStakeholderMutation = { upsertStakeholders: Array<{ id: string, title: string | null, manager: { name: string } | null }> };

export type ReachableWhitespaceQueryVariables = Exact<{ [key: string]: never; }>;


export type ReachableWhitespaceQuery = { account: { reachableWhitespace: { teams: Array<{ teamId: string, reach: number, door: Array<{ name: string }>, wayIn: { hops: number, nodes: Array<{ name: string }> } | null }>, totals: { reachableWhitespace: number, reachablePipeline: number } }, memberDependency: Array<{ engagedThrough: number, coverageIfLeaves: number, member: { name: string } | null, soleEngaged: Array<{ name: string }> }> } | null, championMoves: Array<{ formerEngagement: number, engagementNow: number, person: { name: string }, fromAccount: { name: string } | null, toAccount: { name: string } | null }>, accounts: { nodes: Array<{ name: string }> } };

export type AccountPlaysQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountPlaysQuery = { account: { plays: Array<{ kind: PlayKind, scoreGain: number, reachGain: number, stakeholder: { name: string } | null, member: { name: string } | null, path: { hops: number, nodes: Array<{ name: string }> } | null, gapsClosed: Array<{ code: GapCode, severity: Severity, band: Band | null, group: FunctionGroup | null }> }> } | null, plays: { totalCount: number, nodes: Array<{ kind: PlayKind, scoreGain: number, account: { name: string }, stakeholder: { name: string } | null }> } };

export type CoverageTrendsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoverageTrendsQuery = { account: { trend: Array<{ date: string, coverageScore: number, reachableWhitespace: number, tier: Tier }> } | null, portfolioTrend: Array<{ date: string, accounts: number, meanCoverageScore: number, accountsWithCriticalGaps: number }>, recent: { trend: Array<{ date: string, coverageScore: number, reconstructed: boolean }> } | null };

export type AccountDrawingQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountDrawingQuery = { account: { graph: { nodes: Array<{ id: string, kind: GraphNodeKind, label: string, title: string | null, group: string | null, seniority: Seniority | null, sentiment: Sentiment | null, engagement: number | null, influenceScore: number | null, influenceRank: number | null, flags: Array<GraphNodeFlag> }>, edges: Array<{ id: string, source: string, target: string, kind: GraphEdgeKind, strength: number | null, effectiveStrength: number | null, overdue: boolean | null }>, groups: Array<{ id: string, label: string, parent: string | null, functionGroup: FunctionGroup | null }> } } | null };

export type DryRunOrgChartSyncMutationVariables = Exact<{ [key: string]: never; }>;


export type DryRunOrgChartSyncMutation = { syncOrgChart: { added: Array<{ id: string }>, updated: Array<{ id: string, changes: Array<{ field: string, old: string | null, new: string | null }> }>, departed: Array<{ id: string, buyingRole: string | null }>, impact: { departingChampions: Array<string>, coverageBefore: number, coverageAfter: number, gapsAdded: Array<GapCode> } } };

export type LogCallMutationVariables = Exact<{ [key: string]: never; }>;


export type LogCallMutation = { logInteraction: { id: string, members: Array<{ name: string }>, stakeholders: Array<{ name: string, relationships: Array<{ strength: number, lastContact: string | null }> }> } };

export type CreateWebhookMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateWebhookMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string } } };

export type SaveBigAccountsQueryMutationVariables = Exact<{ [key: string]: never; }>;


export type SaveBigAccountsQueryMutation = { saveQuery: { name: string, url: string } };


export const AccountOverviewDocument = gql`
    query AccountOverview($id: ID!, $asOf: Date) {
  account(id: $id, asOf: $asOf) {
    id
    name
    tier
    strategicScore
    renewal {
      milestone
      daysToRenewal
    }
    coverage {
      score
      threeByThree
      gaps {
        code
        severity
        stakeholderId
      }
    }
  }
}
    `;

export function useAccountOverviewQuery(options: Omit<Urql.UseQueryArgs<AccountOverviewQueryVariables>, 'query'>) {
  return Urql.useQuery<AccountOverviewQuery, AccountOverviewQueryVariables>({ query: AccountOverviewDocument, ...options });
};
export const StakeholderOnDocument = gql`
    query StakeholderOn($id: ID!, $asOf: Date) {
  stakeholder(id: $id, asOf: $asOf) {
    id
    name
    title
  }
}
    `;

export function useStakeholderOnQuery(options: Omit<Urql.UseQueryArgs<StakeholderOnQueryVariables>, 'query'>) {
  return Urql.useQuery<StakeholderOnQuery, StakeholderOnQueryVariables>({ query: StakeholderOnDocument, ...options });
};
export const AccountPlaysForDocument = gql`
    query AccountPlaysFor($id: ID!, $first: Int = 5) {
  account(id: $id) {
    id
    plays(first: $first) {
      kind
      stakeholder {
        id
        name
      }
      member {
        id
        name
      }
      scoreGain
      reachGain
      path {
        hops
        nodes {
          id
          name
        }
      }
    }
  }
}
    `;

export function useAccountPlaysForQuery(options: Omit<Urql.UseQueryArgs<AccountPlaysForQueryVariables>, 'query'>) {
  return Urql.useQuery<AccountPlaysForQuery, AccountPlaysForQueryVariables>({ query: AccountPlaysForDocument, ...options });
};
export const WarmPathsToDocument = gql`
    query WarmPathsTo($id: ID!, $to: ID!, $first: Int = 3) {
  account(id: $id) {
    id
    warmPaths(to: $to, first: $first) {
      hops
      weakestLink
      nodes {
        id
        name
      }
    }
  }
}
    `;

export function useWarmPathsToQuery(options: Omit<Urql.UseQueryArgs<WarmPathsToQueryVariables>, 'query'>) {
  return Urql.useQuery<WarmPathsToQuery, WarmPathsToQueryVariables>({ query: WarmPathsToDocument, ...options });
};
export const PortfolioPageDocument = gql`
    query PortfolioPage($first: Int = 50, $after: String, $memberId: ID) {
  accounts(
    first: $first
    after: $after
    filter: {memberId: $memberId}
    sortBy: COVERAGE_SCORE
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      tier
      coverage {
        score
      }
    }
  }
}
    `;

export function usePortfolioPageQuery(options?: Omit<Urql.UseQueryArgs<PortfolioPageQueryVariables>, 'query'>) {
  return Urql.useQuery<PortfolioPageQuery, PortfolioPageQueryVariables>({ query: PortfolioPageDocument, ...options });
};
export const TouchRelationshipDocument = gql`
    mutation TouchRelationship($memberId: ID!, $stakeholderId: ID!, $strength: Int!, $lastContact: Date) {
  linkKnows(
    memberId: $memberId
    stakeholderId: $stakeholderId
    strength: $strength
    lastContact: $lastContact
  ) {
    id
    strength
    effectiveStrength
  }
}
    `;

export function useTouchRelationshipMutation() {
  return Urql.useMutation<TouchRelationshipMutation, TouchRelationshipMutationVariables>(TouchRelationshipDocument);
};
export const AccountGraphDocument = gql`
    query AccountGraph {
  account(id: "gfc") {
    name
    teams {
      name
      stakeholders {
        name
        manager {
          name
        }
        reports {
          name
        }
        relationships {
          strength
          member {
            name
          }
        }
        influences {
          weight
          to {
            name
          }
        }
      }
      deployments {
        status
        arr
        product {
          name
        }
      }
      opportunities {
        name
        amount
      }
    }
  }
}
    `;

export function useAccountGraphQuery(options?: Omit<Urql.UseQueryArgs<AccountGraphQueryVariables>, 'query'>) {
  return Urql.useQuery<AccountGraphQuery, AccountGraphQueryVariables>({ query: AccountGraphDocument, ...options });
};
export const AccountHealthDocument = gql`
    query AccountHealth {
  account(id: "gfc") {
    strategicScore
    tier
    renewal {
      milestone
      date
      daysToRenewal
    }
    coverage {
      score
      mappedCount
      engagedCount
      strongCount
      threeByThree
      cells {
        band
        group
        engagedCount
        covered
      }
      gaps {
        code
        severity
        stakeholderId
        band
        group
      }
    }
    championBackups {
      champion {
        name
      }
      hasBackup
      scoreIfLost
      backups {
        name
      }
    }
    influenceMap {
      nodes {
        stakeholder {
          name
        }
        score
        rank
        engagement
        buyingRole
      }
      edges {
        source
        target
        weight
        kind
      }
    }
  }
}
    `;

export function useAccountHealthQuery(options?: Omit<Urql.UseQueryArgs<AccountHealthQueryVariables>, 'query'>) {
  return Urql.useQuery<AccountHealthQuery, AccountHealthQueryVariables>({ query: AccountHealthDocument, ...options });
};
export const WarmPathsToRobertDocument = gql`
    query WarmPathsToRobert {
  account(id: "gfc") {
    warmPaths(to: "rmartinez", maxHops: 4, first: 3) {
      hops
      weakestLink
      totalStrength
      nodes {
        id
        name
        kind
      }
      edges {
        source
        target
        kind
        strength
      }
    }
    whitespace {
      totals {
        deployedArr
        pipelineAmount
        weightedPipeline
        whitespaceEstimate
      }
      cells {
        teamId
        productId
        status
        value
        weightedValue
      }
      byTeam {
        teamId
        whitespaceEstimate
      }
    }
  }
}
    `;

export function useWarmPathsToRobertQuery(options?: Omit<Urql.UseQueryArgs<WarmPathsToRobertQueryVariables>, 'query'>) {
  return Urql.useQuery<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>({ query: WarmPathsToRobertDocument, ...options });
};
export const MemberOverdueTouchesDocument = gql`
    query MemberOverdueTouches {
  member(id: "mrodriguez") {
    overdueTouches {
      stakeholderId
      daysSinceContact
      nextDue
      effectiveStrength
    }
  }
  portfolioGaps(minSeverity: HIGH, first: 20) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      account {
        name
      }
      code
      severity
      stakeholderId
    }
  }
  accounts(filter: {maxCoverageScore: 50}, sortBy: COVERAGE_SCORE) {
    totalCount
    nodes {
      name
      tier
      coverage {
        score
      }
    }
  }
}
    `;

export function useMemberOverdueTouchesQuery(options?: Omit<Urql.UseQueryArgs<MemberOverdueTouchesQueryVariables>, 'query'>) {
  return Urql.useQuery<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>({ query: MemberOverdueTouchesDocument, ...options });
};
export const MemberAccountsDocument = gql`
    query MemberAccounts {
  accounts(filter: {memberId: "mrodriguez"}, first: 10) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      arr
      renewalDate
      scores {
        currentRevenue
        strategicFit
      }
    }
  }
}
    `;

export function useMemberAccountsQuery(options?: Omit<Urql.UseQueryArgs<MemberAccountsQueryVariables>, 'query'>) {
  return Urql.useQuery<MemberAccountsQuery, MemberAccountsQueryVariables>({ query: MemberAccountsDocument, ...options });
};
export const RecordRelationshipAndDepartureDocument = gql`
    mutation RecordRelationshipAndDeparture {
  linkKnows(
    memberId: "vpsales"
    stakeholderId: "rmartinez"
    strength: 2
    lastContact: "2026-01-20"
  ) {
    id
    effectiveStrength
  }
  markDeparted(stakeholderId: "dpark", date: "2026-02-01") {
    id
    status
    departedAt
  }
}
    `;

export function useRecordRelationshipAndDepartureMutation() {
  return Urql.useMutation<RecordRelationshipAndDepartureMutation, RecordRelationshipAndDepartureMutationVariables>(RecordRelationshipAndDepartureDocument);
};
export const UpdateStakeholderDocument = gql`
    mutation UpdateStakeholder {
  upsertStakeholders(
    input: [{id: "dpark", title: "Senior Director", email: null}]
  ) {
    id
    title
    manager {
      name
    }
  }
}
    `;

export function useUpdateStakeholderMutation() {
  return Urql.useMutation<UpdateStakeholderMutation, UpdateStakeholderMutationVariables>(UpdateStakeholderDocument);
};
export const ReachableWhitespaceDocument = gql`
    query ReachableWhitespace {
  account(id: "gfc") {
    reachableWhitespace {
      teams {
        teamId
        door {
          name
        }
        reach
        wayIn {
          hops
          nodes {
            name
          }
        }
      }
      totals {
        reachableWhitespace
        reachablePipeline
      }
    }
    memberDependency {
      member {
        name
      }
      engagedThrough
      soleEngaged {
        name
      }
      coverageIfLeaves
    }
  }
  championMoves {
    person {
      name
    }
    fromAccount {
      name
    }
    toAccount {
      name
    }
    formerEngagement
    engagementNow
  }
  accounts(sortBy: REACHABLE_WHITESPACE, descending: true, first: 5) {
    nodes {
      name
    }
  }
}
    `;

export function useReachableWhitespaceQuery(options?: Omit<Urql.UseQueryArgs<ReachableWhitespaceQueryVariables>, 'query'>) {
  return Urql.useQuery<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>({ query: ReachableWhitespaceDocument, ...options });
};
export const AccountPlaysDocument = gql`
    query AccountPlays {
  account(id: "gfc") {
    plays(first: 3) {
      kind
      stakeholder {
        name
      }
      member {
        name
      }
      path {
        hops
        nodes {
          name
        }
      }
      scoreGain
      reachGain
      gapsClosed {
        code
        severity
        band
        group
      }
    }
  }
  plays(memberId: "mrodriguez", first: 5) {
    totalCount
    nodes {
      account {
        name
      }
      kind
      stakeholder {
        name
      }
      scoreGain
    }
  }
}
    `;

export function useAccountPlaysQuery(options?: Omit<Urql.UseQueryArgs<AccountPlaysQueryVariables>, 'query'>) {
  return Urql.useQuery<AccountPlaysQuery, AccountPlaysQueryVariables>({ query: AccountPlaysDocument, ...options });
};
export const CoverageTrendsDocument = gql`
    query CoverageTrends {
  account(id: "gfc") {
    trend(from: "2026-01-01", to: "2027-12-31") {
      date
      coverageScore
      reachableWhitespace
      tier
    }
  }
  portfolioTrend {
    date
    accounts
    meanCoverageScore
    accountsWithCriticalGaps
  }
  recent: account(id: "gfc") {
    trend(reconstruct: true) {
      date
      coverageScore
      reconstructed
    }
  }
}
    `;

export function useCoverageTrendsQuery(options?: Omit<Urql.UseQueryArgs<CoverageTrendsQueryVariables>, 'query'>) {
  return Urql.useQuery<CoverageTrendsQuery, CoverageTrendsQueryVariables>({ query: CoverageTrendsDocument, ...options });
};
export const AccountDrawingDocument = gql`
    query AccountDrawing {
  account(id: "gfc") {
    graph(include: [MEMBERS]) {
      nodes {
        id
        kind
        label
        title
        group
        seniority
        sentiment
        engagement
        influenceScore
        influenceRank
        flags
      }
      edges {
        id
        source
        target
        kind
        strength
        effectiveStrength
        overdue
      }
      groups {
        id
        label
        parent
        functionGroup
      }
    }
  }
}
    `;

export function useAccountDrawingQuery(options?: Omit<Urql.UseQueryArgs<AccountDrawingQueryVariables>, 'query'>) {
  return Urql.useQuery<AccountDrawingQuery, AccountDrawingQueryVariables>({ query: AccountDrawingDocument, ...options });
};
export const DryRunOrgChartSyncDocument = gql`
    mutation DryRunOrgChartSync {
  syncOrgChart(
    accountId: "gfc"
    format: CSV
    mode: FULL
    dryRun: true
    content: "id,name,title,seniority,team,managerId\\njwu,Jennifer Wu,CTO,C_LEVEL,Technology,\\n"
  ) {
    added {
      id
    }
    updated {
      id
      changes {
        field
        old
        new
      }
    }
    departed {
      id
      buyingRole
    }
    impact {
      departingChampions
      coverageBefore
      coverageAfter
      gapsAdded
    }
  }
}
    `;

export function useDryRunOrgChartSyncMutation() {
  return Urql.useMutation<DryRunOrgChartSyncMutation, DryRunOrgChartSyncMutationVariables>(DryRunOrgChartSyncDocument);
};
export const LogCallDocument = gql`
    mutation LogCall {
  logInteraction(
    input: {id: "gfc-call-1", accountId: "gfc", date: "2026-01-19", type: CALL, memberIds: ["mrodriguez"], stakeholderIds: ["jwu", "rmartinez"]}
  ) {
    id
    members {
      name
    }
    stakeholders {
      name
      relationships {
        strength
        lastContact
      }
    }
  }
}
    `;

export function useLogCallMutation() {
  return Urql.useMutation<LogCallMutation, LogCallMutationVariables>(LogCallDocument);
};
export const CreateWebhookDocument = gql`
    mutation CreateWebhook {
  createWebhookEndpoint(
    url: "https://hooks.example.com/samgraph"
    events: [STAKEHOLDER_DEPARTED, GAP_OPENED, GAP_CLOSED]
  ) {
    secret
    endpoint {
      id
    }
  }
}
    `;

export function useCreateWebhookMutation() {
  return Urql.useMutation<CreateWebhookMutation, CreateWebhookMutationVariables>(CreateWebhookDocument);
};
export const SaveBigAccountsQueryDocument = gql`
    mutation SaveBigAccountsQuery {
  saveQuery(
    name: "big-accounts"
    description: "ARR over 300k"
    document: "query($minArr: Float) { accounts(filter: {minArr: $minArr}, sortBy: ARR, descending: true) { nodes { id name arr tier } } }"
    variables: {minArr: 300000}
  ) {
    name
    url
  }
}
    `;

export function useSaveBigAccountsQueryMutation() {
  return Urql.useMutation<SaveBigAccountsQueryMutation, SaveBigAccountsQueryMutationVariables>(SaveBigAccountsQueryDocument);
};