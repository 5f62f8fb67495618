/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from '@apollo/client';
import * as Apollo from '@apollo/client';
const defaultOptions = {} as const;
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

/**
 * __useAccountOverviewQuery__
 *
 * To run a query within a React component, call `useAccountOverviewQuery` and pass it any options that fit your needs.
 * When your component renders, `useAccountOverviewQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAccountOverviewQuery({
 *   variables: {
 *      id: // value for 'id'
 *      asOf: // value for 'asOf'
 *   },
 * });
 */
export function useAccountOverviewQuery(baseOptions: Apollo.QueryHookOptions<AccountOverviewQuery, AccountOverviewQueryVariables> & ({ variables: AccountOverviewQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<AccountOverviewQuery, AccountOverviewQueryVariables>(AccountOverviewDocument, options);
      }
export function useAccountOverviewLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<AccountOverviewQuery, AccountOverviewQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<AccountOverviewQuery, AccountOverviewQueryVariables>(AccountOverviewDocument, options);
        }
// @ts-ignore
export function useAccountOverviewSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<AccountOverviewQuery, AccountOverviewQueryVariables>): Apollo.UseSuspenseQueryResult<AccountOverviewQuery, AccountOverviewQueryVariables>;
export function useAccountOverviewSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountOverviewQuery, AccountOverviewQueryVariables>): Apollo.UseSuspenseQueryResult<AccountOverviewQuery | undefined, AccountOverviewQueryVariables>;
export function useAccountOverviewSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountOverviewQuery, AccountOverviewQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<AccountOverviewQuery, AccountOverviewQueryVariables>(AccountOverviewDocument, options);
        }
export type AccountOverviewQueryHookResult = ReturnType<typeof useAccountOverviewQuery>;
export type AccountOverviewLazyQueryHookResult = ReturnType<typeof useAccountOverviewLazyQuery>;
export type AccountOverviewSuspenseQueryHookResult = ReturnType<typeof useAccountOverviewSuspenseQuery>;
export type AccountOverviewQueryResult = Apollo.QueryResult<AccountOverviewQuery, AccountOverviewQueryVariables>;
export const StakeholderOnDocument = gql`
    query StakeholderOn($id: ID!, $asOf: Date) {
  stakeholder(id: $id, asOf: $asOf) {
    id
    name
    title
  }
}
    `;

/**
 * __useStakeholderOnQuery__
 *
 * To run a query within a React component, call `useStakeholderOnQuery` and pass it any options that fit your needs.
 * When your component renders, `useStakeholderOnQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useStakeholderOnQuery({
 *   variables: {
 *      id: // value for 'id'
 *      asOf: // value for 'asOf'
 *   },
 * });
 */
export function useStakeholderOnQuery(baseOptions: Apollo.QueryHookOptions<StakeholderOnQuery, StakeholderOnQueryVariables> & ({ variables: StakeholderOnQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<StakeholderOnQuery, StakeholderOnQueryVariables>(StakeholderOnDocument, options);
      }
export function useStakeholderOnLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<StakeholderOnQuery, StakeholderOnQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<StakeholderOnQuery, StakeholderOnQueryVariables>(StakeholderOnDocument, options);
        }
// @ts-ignore
export function useStakeholderOnSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<StakeholderOnQuery, StakeholderOnQueryVariables>): Apollo.UseSuspenseQueryResult<StakeholderOnQuery, StakeholderOnQueryVariables>;
export function useStakeholderOnSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<StakeholderOnQuery, StakeholderOnQueryVariables>): Apollo.UseSuspenseQueryResult<StakeholderOnQuery | undefined, StakeholderOnQueryVariables>;
export function useStakeholderOnSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<StakeholderOnQuery, StakeholderOnQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<StakeholderOnQuery, StakeholderOnQueryVariables>(StakeholderOnDocument, options);
        }
export type StakeholderOnQueryHookResult = ReturnType<typeof useStakeholderOnQuery>;
export type StakeholderOnLazyQueryHookResult = ReturnType<typeof useStakeholderOnLazyQuery>;
export type StakeholderOnSuspenseQueryHookResult = ReturnType<typeof useStakeholderOnSuspenseQuery>;
export type StakeholderOnQueryResult = Apollo.QueryResult<StakeholderOnQuery, StakeholderOnQueryVariables>;
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

/**
 * __useAccountPlaysForQuery__
 *
 * To run a query within a React component, call `useAccountPlaysForQuery` and pass it any options that fit your needs.
 * When your component renders, `useAccountPlaysForQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAccountPlaysForQuery({
 *   variables: {
 *      id: // value for 'id'
 *      first: // value for 'first'
 *   },
 * });
 */
export function useAccountPlaysForQuery(baseOptions: Apollo.QueryHookOptions<AccountPlaysForQuery, AccountPlaysForQueryVariables> & ({ variables: AccountPlaysForQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<AccountPlaysForQuery, AccountPlaysForQueryVariables>(AccountPlaysForDocument, options);
      }
export function useAccountPlaysForLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<AccountPlaysForQuery, AccountPlaysForQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<AccountPlaysForQuery, AccountPlaysForQueryVariables>(AccountPlaysForDocument, options);
        }
// @ts-ignore
export function useAccountPlaysForSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<AccountPlaysForQuery, AccountPlaysForQueryVariables>): Apollo.UseSuspenseQueryResult<AccountPlaysForQuery, AccountPlaysForQueryVariables>;
export function useAccountPlaysForSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountPlaysForQuery, AccountPlaysForQueryVariables>): Apollo.UseSuspenseQueryResult<AccountPlaysForQuery | undefined, AccountPlaysForQueryVariables>;
export function useAccountPlaysForSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountPlaysForQuery, AccountPlaysForQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<AccountPlaysForQuery, AccountPlaysForQueryVariables>(AccountPlaysForDocument, options);
        }
export type AccountPlaysForQueryHookResult = ReturnType<typeof useAccountPlaysForQuery>;
export type AccountPlaysForLazyQueryHookResult = ReturnType<typeof useAccountPlaysForLazyQuery>;
export type AccountPlaysForSuspenseQueryHookResult = ReturnType<typeof useAccountPlaysForSuspenseQuery>;
export type AccountPlaysForQueryResult = Apollo.QueryResult<AccountPlaysForQuery, AccountPlaysForQueryVariables>;
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

/**
 * __useWarmPathsToQuery__
 *
 * To run a query within a React component, call `useWarmPathsToQuery` and pass it any options that fit your needs.
 * When your component renders, `useWarmPathsToQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useWarmPathsToQuery({
 *   variables: {
 *      id: // value for 'id'
 *      to: // value for 'to'
 *      first: // value for 'first'
 *   },
 * });
 */
export function useWarmPathsToQuery(baseOptions: Apollo.QueryHookOptions<WarmPathsToQuery, WarmPathsToQueryVariables> & ({ variables: WarmPathsToQueryVariables; skip?: boolean; } | { skip: boolean; }) ) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<WarmPathsToQuery, WarmPathsToQueryVariables>(WarmPathsToDocument, options);
      }
export function useWarmPathsToLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<WarmPathsToQuery, WarmPathsToQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<WarmPathsToQuery, WarmPathsToQueryVariables>(WarmPathsToDocument, options);
        }
// @ts-ignore
export function useWarmPathsToSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<WarmPathsToQuery, WarmPathsToQueryVariables>): Apollo.UseSuspenseQueryResult<WarmPathsToQuery, WarmPathsToQueryVariables>;
export function useWarmPathsToSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<WarmPathsToQuery, WarmPathsToQueryVariables>): Apollo.UseSuspenseQueryResult<WarmPathsToQuery | undefined, WarmPathsToQueryVariables>;
export function useWarmPathsToSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<WarmPathsToQuery, WarmPathsToQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<WarmPathsToQuery, WarmPathsToQueryVariables>(WarmPathsToDocument, options);
        }
export type WarmPathsToQueryHookResult = ReturnType<typeof useWarmPathsToQuery>;
export type WarmPathsToLazyQueryHookResult = ReturnType<typeof useWarmPathsToLazyQuery>;
export type WarmPathsToSuspenseQueryHookResult = ReturnType<typeof useWarmPathsToSuspenseQuery>;
export type WarmPathsToQueryResult = Apollo.QueryResult<WarmPathsToQuery, WarmPathsToQueryVariables>;
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

/**
 * __usePortfolioPageQuery__
 *
 * To run a query within a React component, call `usePortfolioPageQuery` and pass it any options that fit your needs.
 * When your component renders, `usePortfolioPageQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = usePortfolioPageQuery({
 *   variables: {
 *      first: // value for 'first'
 *      after: // value for 'after'
 *      memberId: // value for 'memberId'
 *   },
 * });
 */
export function usePortfolioPageQuery(baseOptions?: Apollo.QueryHookOptions<PortfolioPageQuery, PortfolioPageQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<PortfolioPageQuery, PortfolioPageQueryVariables>(PortfolioPageDocument, options);
      }
export function usePortfolioPageLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<PortfolioPageQuery, PortfolioPageQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<PortfolioPageQuery, PortfolioPageQueryVariables>(PortfolioPageDocument, options);
        }
// @ts-ignore
export function usePortfolioPageSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<PortfolioPageQuery, PortfolioPageQueryVariables>): Apollo.UseSuspenseQueryResult<PortfolioPageQuery, PortfolioPageQueryVariables>;
export function usePortfolioPageSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<PortfolioPageQuery, PortfolioPageQueryVariables>): Apollo.UseSuspenseQueryResult<PortfolioPageQuery | undefined, PortfolioPageQueryVariables>;
export function usePortfolioPageSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<PortfolioPageQuery, PortfolioPageQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<PortfolioPageQuery, PortfolioPageQueryVariables>(PortfolioPageDocument, options);
        }
export type PortfolioPageQueryHookResult = ReturnType<typeof usePortfolioPageQuery>;
export type PortfolioPageLazyQueryHookResult = ReturnType<typeof usePortfolioPageLazyQuery>;
export type PortfolioPageSuspenseQueryHookResult = ReturnType<typeof usePortfolioPageSuspenseQuery>;
export type PortfolioPageQueryResult = Apollo.QueryResult<PortfolioPageQuery, PortfolioPageQueryVariables>;
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
export type TouchRelationshipMutationFn = Apollo.MutationFunction<TouchRelationshipMutation, TouchRelationshipMutationVariables>;

/**
 * __useTouchRelationshipMutation__
 *
 * To run a mutation, you first call `useTouchRelationshipMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useTouchRelationshipMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [touchRelationshipMutation, { data, loading, error }] = useTouchRelationshipMutation({
 *   variables: {
 *      memberId: // value for 'memberId'
 *      stakeholderId: // value for 'stakeholderId'
 *      strength: // value for 'strength'
 *      lastContact: // value for 'lastContact'
 *   },
 * });
 */
export function useTouchRelationshipMutation(baseOptions?: Apollo.MutationHookOptions<TouchRelationshipMutation, TouchRelationshipMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<TouchRelationshipMutation, TouchRelationshipMutationVariables>(TouchRelationshipDocument, options);
      }
export type TouchRelationshipMutationHookResult = ReturnType<typeof useTouchRelationshipMutation>;
export type TouchRelationshipMutationResult = Apollo.MutationResult<TouchRelationshipMutation>;
export type TouchRelationshipMutationOptions = Apollo.BaseMutationOptions<TouchRelationshipMutation, TouchRelationshipMutationVariables>;
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

/**
 * __useAccountGraphQuery__
 *
 * To run a query within a React component, call `useAccountGraphQuery` and pass it any options that fit your needs.
 * When your component renders, `useAccountGraphQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAccountGraphQuery({
 *   variables: {
 *   },
 * });
 */
export function useAccountGraphQuery(baseOptions?: Apollo.QueryHookOptions<AccountGraphQuery, AccountGraphQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<AccountGraphQuery, AccountGraphQueryVariables>(AccountGraphDocument, options);
      }
export function useAccountGraphLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<AccountGraphQuery, AccountGraphQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<AccountGraphQuery, AccountGraphQueryVariables>(AccountGraphDocument, options);
        }
// @ts-ignore
export function useAccountGraphSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<AccountGraphQuery, AccountGraphQueryVariables>): Apollo.UseSuspenseQueryResult<AccountGraphQuery, AccountGraphQueryVariables>;
export function useAccountGraphSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountGraphQuery, AccountGraphQueryVariables>): Apollo.UseSuspenseQueryResult<AccountGraphQuery | undefined, AccountGraphQueryVariables>;
export function useAccountGraphSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountGraphQuery, AccountGraphQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<AccountGraphQuery, AccountGraphQueryVariables>(AccountGraphDocument, options);
        }
export type AccountGraphQueryHookResult = ReturnType<typeof useAccountGraphQuery>;
export type AccountGraphLazyQueryHookResult = ReturnType<typeof useAccountGraphLazyQuery>;
export type AccountGraphSuspenseQueryHookResult = ReturnType<typeof useAccountGraphSuspenseQuery>;
export type AccountGraphQueryResult = Apollo.QueryResult<AccountGraphQuery, AccountGraphQueryVariables>;
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

/**
 * __useAccountHealthQuery__
 *
 * To run a query within a React component, call `useAccountHealthQuery` and pass it any options that fit your needs.
 * When your component renders, `useAccountHealthQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAccountHealthQuery({
 *   variables: {
 *   },
 * });
 */
export function useAccountHealthQuery(baseOptions?: Apollo.QueryHookOptions<AccountHealthQuery, AccountHealthQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<AccountHealthQuery, AccountHealthQueryVariables>(AccountHealthDocument, options);
      }
export function useAccountHealthLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<AccountHealthQuery, AccountHealthQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<AccountHealthQuery, AccountHealthQueryVariables>(AccountHealthDocument, options);
        }
// @ts-ignore
export function useAccountHealthSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<AccountHealthQuery, AccountHealthQueryVariables>): Apollo.UseSuspenseQueryResult<AccountHealthQuery, AccountHealthQueryVariables>;
export function useAccountHealthSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountHealthQuery, AccountHealthQueryVariables>): Apollo.UseSuspenseQueryResult<AccountHealthQuery | undefined, AccountHealthQueryVariables>;
export function useAccountHealthSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountHealthQuery, AccountHealthQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<AccountHealthQuery, AccountHealthQueryVariables>(AccountHealthDocument, options);
        }
export type AccountHealthQueryHookResult = ReturnType<typeof useAccountHealthQuery>;
export type AccountHealthLazyQueryHookResult = ReturnType<typeof useAccountHealthLazyQuery>;
export type AccountHealthSuspenseQueryHookResult = ReturnType<typeof useAccountHealthSuspenseQuery>;
export type AccountHealthQueryResult = Apollo.QueryResult<AccountHealthQuery, AccountHealthQueryVariables>;
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

/**
 * __useWarmPathsToRobertQuery__
 *
 * To run a query within a React component, call `useWarmPathsToRobertQuery` and pass it any options that fit your needs.
 * When your component renders, `useWarmPathsToRobertQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useWarmPathsToRobertQuery({
 *   variables: {
 *   },
 * });
 */
export function useWarmPathsToRobertQuery(baseOptions?: Apollo.QueryHookOptions<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>(WarmPathsToRobertDocument, options);
      }
export function useWarmPathsToRobertLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>(WarmPathsToRobertDocument, options);
        }
// @ts-ignore
export function useWarmPathsToRobertSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>): Apollo.UseSuspenseQueryResult<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>;
export function useWarmPathsToRobertSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>): Apollo.UseSuspenseQueryResult<WarmPathsToRobertQuery | undefined, WarmPathsToRobertQueryVariables>;
export function useWarmPathsToRobertSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>(WarmPathsToRobertDocument, options);
        }
export type WarmPathsToRobertQueryHookResult = ReturnType<typeof useWarmPathsToRobertQuery>;
export type WarmPathsToRobertLazyQueryHookResult = ReturnType<typeof useWarmPathsToRobertLazyQuery>;
export type WarmPathsToRobertSuspenseQueryHookResult = ReturnType<typeof useWarmPathsToRobertSuspenseQuery>;
export type WarmPathsToRobertQueryResult = Apollo.QueryResult<WarmPathsToRobertQuery, WarmPathsToRobertQueryVariables>;
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

/**
 * __useMemberOverdueTouchesQuery__
 *
 * To run a query within a React component, call `useMemberOverdueTouchesQuery` and pass it any options that fit your needs.
 * When your component renders, `useMemberOverdueTouchesQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMemberOverdueTouchesQuery({
 *   variables: {
 *   },
 * });
 */
export function useMemberOverdueTouchesQuery(baseOptions?: Apollo.QueryHookOptions<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>(MemberOverdueTouchesDocument, options);
      }
export function useMemberOverdueTouchesLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>(MemberOverdueTouchesDocument, options);
        }
// @ts-ignore
export function useMemberOverdueTouchesSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>): Apollo.UseSuspenseQueryResult<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>;
export function useMemberOverdueTouchesSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>): Apollo.UseSuspenseQueryResult<MemberOverdueTouchesQuery | undefined, MemberOverdueTouchesQueryVariables>;
export function useMemberOverdueTouchesSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>(MemberOverdueTouchesDocument, options);
        }
export type MemberOverdueTouchesQueryHookResult = ReturnType<typeof useMemberOverdueTouchesQuery>;
export type MemberOverdueTouchesLazyQueryHookResult = ReturnType<typeof useMemberOverdueTouchesLazyQuery>;
export type MemberOverdueTouchesSuspenseQueryHookResult = ReturnType<typeof useMemberOverdueTouchesSuspenseQuery>;
export type MemberOverdueTouchesQueryResult = Apollo.QueryResult<MemberOverdueTouchesQuery, MemberOverdueTouchesQueryVariables>;
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

/**
 * __useMemberAccountsQuery__
 *
 * To run a query within a React component, call `useMemberAccountsQuery` and pass it any options that fit your needs.
 * When your component renders, `useMemberAccountsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useMemberAccountsQuery({
 *   variables: {
 *   },
 * });
 */
export function useMemberAccountsQuery(baseOptions?: Apollo.QueryHookOptions<MemberAccountsQuery, MemberAccountsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<MemberAccountsQuery, MemberAccountsQueryVariables>(MemberAccountsDocument, options);
      }
export function useMemberAccountsLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<MemberAccountsQuery, MemberAccountsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<MemberAccountsQuery, MemberAccountsQueryVariables>(MemberAccountsDocument, options);
        }
// @ts-ignore
export function useMemberAccountsSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<MemberAccountsQuery, MemberAccountsQueryVariables>): Apollo.UseSuspenseQueryResult<MemberAccountsQuery, MemberAccountsQueryVariables>;
export function useMemberAccountsSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MemberAccountsQuery, MemberAccountsQueryVariables>): Apollo.UseSuspenseQueryResult<MemberAccountsQuery | undefined, MemberAccountsQueryVariables>;
export function useMemberAccountsSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<MemberAccountsQuery, MemberAccountsQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<MemberAccountsQuery, MemberAccountsQueryVariables>(MemberAccountsDocument, options);
        }
export type MemberAccountsQueryHookResult = ReturnType<typeof useMemberAccountsQuery>;
export type MemberAccountsLazyQueryHookResult = ReturnType<typeof useMemberAccountsLazyQuery>;
export type MemberAccountsSuspenseQueryHookResult = ReturnType<typeof useMemberAccountsSuspenseQuery>;
export type MemberAccountsQueryResult = Apollo.QueryResult<MemberAccountsQuery, MemberAccountsQueryVariables>;
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
export type RecordRelationshipAndDepartureMutationFn = Apollo.MutationFunction<RecordRelationshipAndDepartureMutation, RecordRelationshipAndDepartureMutationVariables>;

/**
 * __useRecordRelationshipAndDepartureMutation__
 *
 * To run a mutation, you first call `useRecordRelationshipAndDepartureMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useRecordRelationshipAndDepartureMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [recordRelationshipAndDepartureMutation, { data, loading, error }] = useRecordRelationshipAndDepartureMutation({
 *   variables: {
 *   },
 * });
 */
export function useRecordRelationshipAndDepartureMutation(baseOptions?: Apollo.MutationHookOptions<RecordRelationshipAndDepartureMutation, RecordRelationshipAndDepartureMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<RecordRelationshipAndDepartureMutation, RecordRelationshipAndDepartureMutationVariables>(RecordRelationshipAndDepartureDocument, options);
      }
export type RecordRelationshipAndDepartureMutationHookResult = ReturnType<typeof useRecordRelationshipAndDepartureMutation>;
export type RecordRelationshipAndDepartureMutationResult = Apollo.MutationResult<RecordRelationshipAndDepartureMutation>;
export type RecordRelationshipAndDepartureMutationOptions = Apollo.BaseMutationOptions<RecordRelationshipAndDepartureMutation, RecordRelationshipAndDepartureMutationVariables>;
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
export type UpdateStakeholderMutationFn = Apollo.MutationFunction<UpdateStakeholderMutation, UpdateStakeholderMutationVariables>;

/**
 * __useUpdateStakeholderMutation__
 *
 * To run a mutation, you first call `useUpdateStakeholderMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useUpdateStakeholderMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [updateStakeholderMutation, { data, loading, error }] = useUpdateStakeholderMutation({
 *   variables: {
 *   },
 * });
 */
export function useUpdateStakeholderMutation(baseOptions?: Apollo.MutationHookOptions<UpdateStakeholderMutation, UpdateStakeholderMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<UpdateStakeholderMutation, UpdateStakeholderMutationVariables>(UpdateStakeholderDocument, options);
      }
export type UpdateStakeholderMutationHookResult = ReturnType<typeof useUpdateStakeholderMutation>;
export type UpdateStakeholderMutationResult = Apollo.MutationResult<UpdateStakeholderMutation>;
export type UpdateStakeholderMutationOptions = Apollo.BaseMutationOptions<UpdateStakeholderMutation, UpdateStakeholderMutationVariables>;
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

/**
 * __useReachableWhitespaceQuery__
 *
 * To run a query within a React component, call `useReachableWhitespaceQuery` and pass it any options that fit your needs.
 * When your component renders, `useReachableWhitespaceQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useReachableWhitespaceQuery({
 *   variables: {
 *   },
 * });
 */
export function useReachableWhitespaceQuery(baseOptions?: Apollo.QueryHookOptions<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>(ReachableWhitespaceDocument, options);
      }
export function useReachableWhitespaceLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>(ReachableWhitespaceDocument, options);
        }
// @ts-ignore
export function useReachableWhitespaceSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>): Apollo.UseSuspenseQueryResult<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>;
export function useReachableWhitespaceSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>): Apollo.UseSuspenseQueryResult<ReachableWhitespaceQuery | undefined, ReachableWhitespaceQueryVariables>;
export function useReachableWhitespaceSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>(ReachableWhitespaceDocument, options);
        }
export type ReachableWhitespaceQueryHookResult = ReturnType<typeof useReachableWhitespaceQuery>;
export type ReachableWhitespaceLazyQueryHookResult = ReturnType<typeof useReachableWhitespaceLazyQuery>;
export type ReachableWhitespaceSuspenseQueryHookResult = ReturnType<typeof useReachableWhitespaceSuspenseQuery>;
export type ReachableWhitespaceQueryResult = Apollo.QueryResult<ReachableWhitespaceQuery, ReachableWhitespaceQueryVariables>;
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

/**
 * __useAccountPlaysQuery__
 *
 * To run a query within a React component, call `useAccountPlaysQuery` and pass it any options that fit your needs.
 * When your component renders, `useAccountPlaysQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAccountPlaysQuery({
 *   variables: {
 *   },
 * });
 */
export function useAccountPlaysQuery(baseOptions?: Apollo.QueryHookOptions<AccountPlaysQuery, AccountPlaysQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<AccountPlaysQuery, AccountPlaysQueryVariables>(AccountPlaysDocument, options);
      }
export function useAccountPlaysLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<AccountPlaysQuery, AccountPlaysQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<AccountPlaysQuery, AccountPlaysQueryVariables>(AccountPlaysDocument, options);
        }
// @ts-ignore
export function useAccountPlaysSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<AccountPlaysQuery, AccountPlaysQueryVariables>): Apollo.UseSuspenseQueryResult<AccountPlaysQuery, AccountPlaysQueryVariables>;
export function useAccountPlaysSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountPlaysQuery, AccountPlaysQueryVariables>): Apollo.UseSuspenseQueryResult<AccountPlaysQuery | undefined, AccountPlaysQueryVariables>;
export function useAccountPlaysSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountPlaysQuery, AccountPlaysQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<AccountPlaysQuery, AccountPlaysQueryVariables>(AccountPlaysDocument, options);
        }
export type AccountPlaysQueryHookResult = ReturnType<typeof useAccountPlaysQuery>;
export type AccountPlaysLazyQueryHookResult = ReturnType<typeof useAccountPlaysLazyQuery>;
export type AccountPlaysSuspenseQueryHookResult = ReturnType<typeof useAccountPlaysSuspenseQuery>;
export type AccountPlaysQueryResult = Apollo.QueryResult<AccountPlaysQuery, AccountPlaysQueryVariables>;
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

/**
 * __useCoverageTrendsQuery__
 *
 * To run a query within a React component, call `useCoverageTrendsQuery` and pass it any options that fit your needs.
 * When your component renders, `useCoverageTrendsQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useCoverageTrendsQuery({
 *   variables: {
 *   },
 * });
 */
export function useCoverageTrendsQuery(baseOptions?: Apollo.QueryHookOptions<CoverageTrendsQuery, CoverageTrendsQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<CoverageTrendsQuery, CoverageTrendsQueryVariables>(CoverageTrendsDocument, options);
      }
export function useCoverageTrendsLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<CoverageTrendsQuery, CoverageTrendsQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<CoverageTrendsQuery, CoverageTrendsQueryVariables>(CoverageTrendsDocument, options);
        }
// @ts-ignore
export function useCoverageTrendsSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<CoverageTrendsQuery, CoverageTrendsQueryVariables>): Apollo.UseSuspenseQueryResult<CoverageTrendsQuery, CoverageTrendsQueryVariables>;
export function useCoverageTrendsSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<CoverageTrendsQuery, CoverageTrendsQueryVariables>): Apollo.UseSuspenseQueryResult<CoverageTrendsQuery | undefined, CoverageTrendsQueryVariables>;
export function useCoverageTrendsSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<CoverageTrendsQuery, CoverageTrendsQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<CoverageTrendsQuery, CoverageTrendsQueryVariables>(CoverageTrendsDocument, options);
        }
export type CoverageTrendsQueryHookResult = ReturnType<typeof useCoverageTrendsQuery>;
export type CoverageTrendsLazyQueryHookResult = ReturnType<typeof useCoverageTrendsLazyQuery>;
export type CoverageTrendsSuspenseQueryHookResult = ReturnType<typeof useCoverageTrendsSuspenseQuery>;
export type CoverageTrendsQueryResult = Apollo.QueryResult<CoverageTrendsQuery, CoverageTrendsQueryVariables>;
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

/**
 * __useAccountDrawingQuery__
 *
 * To run a query within a React component, call `useAccountDrawingQuery` and pass it any options that fit your needs.
 * When your component renders, `useAccountDrawingQuery` returns an object from Apollo Client that contains loading, error, and data properties
 * you can use to render your UI.
 *
 * @param baseOptions options that will be passed into the query, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options;
 *
 * @example
 * const { data, loading, error } = useAccountDrawingQuery({
 *   variables: {
 *   },
 * });
 */
export function useAccountDrawingQuery(baseOptions?: Apollo.QueryHookOptions<AccountDrawingQuery, AccountDrawingQueryVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useQuery<AccountDrawingQuery, AccountDrawingQueryVariables>(AccountDrawingDocument, options);
      }
export function useAccountDrawingLazyQuery(baseOptions?: Apollo.LazyQueryHookOptions<AccountDrawingQuery, AccountDrawingQueryVariables>) {
          const options = {...defaultOptions, ...baseOptions}
          return Apollo.useLazyQuery<AccountDrawingQuery, AccountDrawingQueryVariables>(AccountDrawingDocument, options);
        }
// @ts-ignore
export function useAccountDrawingSuspenseQuery(baseOptions?: Apollo.SuspenseQueryHookOptions<AccountDrawingQuery, AccountDrawingQueryVariables>): Apollo.UseSuspenseQueryResult<AccountDrawingQuery, AccountDrawingQueryVariables>;
export function useAccountDrawingSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountDrawingQuery, AccountDrawingQueryVariables>): Apollo.UseSuspenseQueryResult<AccountDrawingQuery | undefined, AccountDrawingQueryVariables>;
export function useAccountDrawingSuspenseQuery(baseOptions?: Apollo.SkipToken | Apollo.SuspenseQueryHookOptions<AccountDrawingQuery, AccountDrawingQueryVariables>) {
          const options = baseOptions === Apollo.skipToken ? baseOptions : {...defaultOptions, ...baseOptions}
          return Apollo.useSuspenseQuery<AccountDrawingQuery, AccountDrawingQueryVariables>(AccountDrawingDocument, options);
        }
export type AccountDrawingQueryHookResult = ReturnType<typeof useAccountDrawingQuery>;
export type AccountDrawingLazyQueryHookResult = ReturnType<typeof useAccountDrawingLazyQuery>;
export type AccountDrawingSuspenseQueryHookResult = ReturnType<typeof useAccountDrawingSuspenseQuery>;
export type AccountDrawingQueryResult = Apollo.QueryResult<AccountDrawingQuery, AccountDrawingQueryVariables>;
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
export type DryRunOrgChartSyncMutationFn = Apollo.MutationFunction<DryRunOrgChartSyncMutation, DryRunOrgChartSyncMutationVariables>;

/**
 * __useDryRunOrgChartSyncMutation__
 *
 * To run a mutation, you first call `useDryRunOrgChartSyncMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useDryRunOrgChartSyncMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [dryRunOrgChartSyncMutation, { data, loading, error }] = useDryRunOrgChartSyncMutation({
 *   variables: {
 *   },
 * });
 */
export function useDryRunOrgChartSyncMutation(baseOptions?: Apollo.MutationHookOptions<DryRunOrgChartSyncMutation, DryRunOrgChartSyncMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<DryRunOrgChartSyncMutation, DryRunOrgChartSyncMutationVariables>(DryRunOrgChartSyncDocument, options);
      }
export type DryRunOrgChartSyncMutationHookResult = ReturnType<typeof useDryRunOrgChartSyncMutation>;
export type DryRunOrgChartSyncMutationResult = Apollo.MutationResult<DryRunOrgChartSyncMutation>;
export type DryRunOrgChartSyncMutationOptions = Apollo.BaseMutationOptions<DryRunOrgChartSyncMutation, DryRunOrgChartSyncMutationVariables>;
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
export type LogCallMutationFn = Apollo.MutationFunction<LogCallMutation, LogCallMutationVariables>;

/**
 * __useLogCallMutation__
 *
 * To run a mutation, you first call `useLogCallMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useLogCallMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [logCallMutation, { data, loading, error }] = useLogCallMutation({
 *   variables: {
 *   },
 * });
 */
export function useLogCallMutation(baseOptions?: Apollo.MutationHookOptions<LogCallMutation, LogCallMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<LogCallMutation, LogCallMutationVariables>(LogCallDocument, options);
      }
export type LogCallMutationHookResult = ReturnType<typeof useLogCallMutation>;
export type LogCallMutationResult = Apollo.MutationResult<LogCallMutation>;
export type LogCallMutationOptions = Apollo.BaseMutationOptions<LogCallMutation, LogCallMutationVariables>;
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
export type CreateWebhookMutationFn = Apollo.MutationFunction<CreateWebhookMutation, CreateWebhookMutationVariables>;

/**
 * __useCreateWebhookMutation__
 *
 * To run a mutation, you first call `useCreateWebhookMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useCreateWebhookMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [createWebhookMutation, { data, loading, error }] = useCreateWebhookMutation({
 *   variables: {
 *   },
 * });
 */
export function useCreateWebhookMutation(baseOptions?: Apollo.MutationHookOptions<CreateWebhookMutation, CreateWebhookMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<CreateWebhookMutation, CreateWebhookMutationVariables>(CreateWebhookDocument, options);
      }
export type CreateWebhookMutationHookResult = ReturnType<typeof useCreateWebhookMutation>;
export type CreateWebhookMutationResult = Apollo.MutationResult<CreateWebhookMutation>;
export type CreateWebhookMutationOptions = Apollo.BaseMutationOptions<CreateWebhookMutation, CreateWebhookMutationVariables>;
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
export type SaveBigAccountsQueryMutationFn = Apollo.MutationFunction<SaveBigAccountsQueryMutation, SaveBigAccountsQueryMutationVariables>;

/**
 * __useSaveBigAccountsQueryMutation__
 *
 * To run a mutation, you first call `useSaveBigAccountsQueryMutation` within a React component and pass it any options that fit your needs.
 * When your component renders, `useSaveBigAccountsQueryMutation` returns a tuple that includes:
 * - A mutate function that you can call at any time to execute the mutation
 * - An object with fields that represent the current status of the mutation's execution
 *
 * @param baseOptions options that will be passed into the mutation, supported options are listed on: https://www.apollographql.com/docs/react/api/react-hooks/#options-2;
 *
 * @example
 * const [saveBigAccountsQueryMutation, { data, loading, error }] = useSaveBigAccountsQueryMutation({
 *   variables: {
 *   },
 * });
 */
export function useSaveBigAccountsQueryMutation(baseOptions?: Apollo.MutationHookOptions<SaveBigAccountsQueryMutation, SaveBigAccountsQueryMutationVariables>) {
        const options = {...defaultOptions, ...baseOptions}
        return Apollo.useMutation<SaveBigAccountsQueryMutation, SaveBigAccountsQueryMutationVariables>(SaveBigAccountsQueryDocument, options);
      }
export type SaveBigAccountsQueryMutationHookResult = ReturnType<typeof useSaveBigAccountsQueryMutation>;
export type SaveBigAccountsQueryMutationResult = Apollo.MutationResult<SaveBigAccountsQueryMutation>;
export type SaveBigAccountsQueryMutationOptions = Apollo.BaseMutationOptions<SaveBigAccountsQueryMutation, SaveBigAccountsQueryMutationVariables>;