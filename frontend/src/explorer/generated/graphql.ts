/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Filter for `accounts`; every field optional, all must hold. */
export type AccountFilter = {
  /** Only accounts with at least one gap of this code (on asOf). */
  hasGap?: GapCode | null | undefined;
  industry?: string | null | undefined;
  maxArr?: number | null | undefined;
  /** Only accounts whose coverage score (on asOf) is at most this. */
  maxCoverageScore?: number | null | undefined;
  /** Only accounts this member is on the account team of. */
  memberId?: string | null | undefined;
  minArr?: number | null | undefined;
  nameContains?: string | null | undefined;
  /** Only accounts renewing between asOf and asOf + this many days. */
  renewalWithinDays?: number | null | undefined;
  tier?: Tier | null | undefined;
};

/** Orders for `accounts`; ties and nulls: by id, nulls last. */
export type AccountSort =
  | 'ARR'
  | 'COVERAGE_SCORE'
  | 'DAYS_TO_RENEWAL'
  | 'ID'
  | 'NAME'
  | 'REACHABLE_WHITESPACE'
  | 'STRATEGIC_SCORE';

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

export type InteractionInput = {
  accountId?: string | null | undefined;
  date?: string | null | undefined;
  id: string;
  memberIds?: Array<string> | null | undefined;
  stakeholderIds?: Array<string> | null | undefined;
  summary?: string | null | undefined;
  type?: InteractionType | null | undefined;
};

export type InteractionType =
  | 'CALL'
  | 'EMAIL'
  | 'EVENT'
  | 'MEETING'
  | 'QBR';

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

export type StakeholderInput = {
  accountId?: string | null | undefined;
  buyingRole?: BuyingRole | null | undefined;
  departedAt?: string | null | undefined;
  email?: string | null | undefined;
  id: string;
  linkedinUrl?: string | null | undefined;
  managerId?: string | null | undefined;
  name?: string | null | undefined;
  seniority?: Seniority | null | undefined;
  sentiment?: Sentiment | null | undefined;
  status?: StakeholderStatus | null | undefined;
  teamId?: string | null | undefined;
  title?: string | null | undefined;
};

export type StakeholderStatus =
  | 'ACTIVE'
  | 'DEPARTED';

export type Tier =
  | 'KEY'
  | 'STANDARD'
  | 'STRATEGIC';

export type ExplorerPortfolioQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
  after?: string | null | undefined;
  sortBy: AccountSort;
  descending: boolean;
}>;


export type ExplorerPortfolioQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, tier: Tier, strategicScore: number, arr: number | null, renewalDate: string | null, renewal: { milestone: RenewalMilestone | null, daysToRenewal: number | null }, coverage: { score: number, gaps: Array<{ code: GapCode, severity: Severity }> } }> } };

export type ExplorerAccountQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type ExplorerAccountQuery = { account: { id: string, name: string, tier: Tier, arr: number | null, renewal: { milestone: RenewalMilestone | null, daysToRenewal: number | null, renewalDate: string | null }, coverage: { score: number, mappedCount: number, engagedCount: number, strongCount: number, threeByThree: boolean, cells: Array<{ band: Band, group: FunctionGroup, engagedCount: number, covered: boolean }>, gaps: Array<{ code: GapCode, severity: Severity, stakeholderId: string | null, band: Band | null, group: FunctionGroup | null }> }, championBackups: Array<{ hasBackup: boolean, scoreIfLost: number, champion: { id: string, name: string }, backups: Array<{ id: string, name: string }> }>, whitespace: { cells: Array<{ teamId: string, productId: string, status: CellStatus, value: number, weightedValue: number }>, totals: { deployedArr: number, pipelineAmount: number, weightedPipeline: number, whitespaceEstimate: number } }, teams: Array<{ id: string, name: string }>, graph: { nodes: Array<{ id: string, kind: GraphNodeKind, label: string, title: string | null, seniority: Seniority | null, group: string | null, functionGroup: FunctionGroup | null, buyingRole: BuyingRole | null, sentiment: Sentiment | null, engagement: number | null, influenceScore: number | null, influenceRank: number | null, status: StakeholderStatus | null, departedAt: string | null, flags: Array<GraphNodeFlag> }>, edges: Array<{ id: string, source: string, target: string, kind: GraphEdgeKind, strength: number | null, effectiveStrength: number | null, overdue: boolean | null, lastContact: string | null }>, groups: Array<{ id: string, label: string, parent: string | null, functionGroup: FunctionGroup | null }> } } | null, products: { nodes: Array<{ id: string, name: string }> } };

export type ExplorerAnalysesQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type ExplorerAnalysesQuery = { account: { plays: Array<{ kind: PlayKind, scoreGain: number, reachGain: number, gapsClosed: Array<{ code: GapCode, severity: Severity }>, stakeholder: { id: string, name: string } | null, member: { id: string, name: string } | null, path: { hops: number, weakestLink: number, nodes: Array<{ id: string, name: string }>, edges: Array<{ id: string, source: string, target: string }> } | null }>, reachableWhitespace: { teams: Array<{ teamId: string, reach: number, door: Array<{ id: string, name: string }>, wayIn: { hops: number, weakestLink: number, nodes: Array<{ id: string, name: string }>, edges: Array<{ id: string }> } | null }>, cells: Array<{ teamId: string, productId: string, status: CellStatus, value: number, reachableValue: number | null }>, totals: { reachableWhitespace: number, reachablePipeline: number } }, memberDependency: Array<{ memberId: string, engagedThrough: number, coverageIfLeaves: number, member: { id: string, name: string } | null, soleEngaged: Array<{ id: string, name: string }> }> } | null };

export type ExplorerTrendQueryVariables = Exact<{
  id: string;
  trendFrom: string;
  trendTo: string;
}>;


export type ExplorerTrendQuery = { account: { trend: Array<{ date: string, coverageScore: number, engagedCount: number, championsWithoutBackup: number, reconstructed: boolean }> } | null };

export type ExplorerWarmPathsQueryVariables = Exact<{
  id: string;
  to: string;
  asOf?: string | null | undefined;
}>;


export type ExplorerWarmPathsQuery = { account: { warmPaths: Array<{ hops: number, weakestLink: number, totalStrength: number, nodes: Array<{ id: string, name: string }>, edges: Array<{ id: string, source: string, target: string, kind: EdgeKind, strength: number, forward: boolean }> }> | null } | null };

export type ExplorerLogInteractionMutationVariables = Exact<{
  input: InteractionInput;
}>;


export type ExplorerLogInteractionMutation = { logInteraction: { id: string, date: string | null } };

export type ExplorerUpdateStakeholderMutationVariables = Exact<{
  input: StakeholderInput;
}>;


export type ExplorerUpdateStakeholderMutation = { upsertStakeholders: Array<{ id: string, title: string | null, sentiment: Sentiment | null, buyingRole: BuyingRole | null }> };

export type ExplorerAccountChangedSubscriptionVariables = Exact<{
  id: string;
}>;


export type ExplorerAccountChangedSubscription = { accountChanged: { accountId: string, revision: number, changedAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ExplorerPortfolioDocument = new TypedDocumentString(`
    query ExplorerPortfolio($filter: AccountFilter, $after: String, $sortBy: AccountSort!, $descending: Boolean!) {
  accounts(
    filter: $filter
    first: 100
    after: $after
    sortBy: $sortBy
    descending: $descending
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
      strategicScore
      arr
      renewalDate
      renewal {
        milestone
        daysToRenewal
      }
      coverage {
        score
        gaps {
          code
          severity
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPortfolioQuery, ExplorerPortfolioQueryVariables>;
export const ExplorerAccountDocument = new TypedDocumentString(`
    query ExplorerAccount($id: ID!, $asOf: Date) {
  account(id: $id, asOf: $asOf) {
    id
    name
    tier
    arr
    renewal {
      milestone
      daysToRenewal
      renewalDate
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
        id
        name
      }
      hasBackup
      scoreIfLost
      backups {
        id
        name
      }
    }
    whitespace {
      cells {
        teamId
        productId
        status
        value
        weightedValue
      }
      totals {
        deployedArr
        pipelineAmount
        weightedPipeline
        whitespaceEstimate
      }
    }
    teams {
      id
      name
    }
    graph(include: [MEMBERS, DEPARTED]) {
      nodes {
        id
        kind
        label
        title
        seniority
        group
        functionGroup
        buyingRole
        sentiment
        engagement
        influenceScore
        influenceRank
        status
        departedAt
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
        lastContact
      }
      groups {
        id
        label
        parent
        functionGroup
      }
    }
  }
  products(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerAccountQuery, ExplorerAccountQueryVariables>;
export const ExplorerAnalysesDocument = new TypedDocumentString(`
    query ExplorerAnalyses($id: ID!, $asOf: Date) {
  account(id: $id, asOf: $asOf) {
    plays(first: 10) {
      kind
      scoreGain
      reachGain
      gapsClosed {
        code
        severity
      }
      stakeholder {
        id
        name
      }
      member {
        id
        name
      }
      path {
        hops
        weakestLink
        nodes {
          id
          name
        }
        edges {
          id
          source
          target
        }
      }
    }
    reachableWhitespace {
      teams {
        teamId
        reach
        door {
          id
          name
        }
        wayIn {
          hops
          weakestLink
          nodes {
            id
            name
          }
          edges {
            id
          }
        }
      }
      cells {
        teamId
        productId
        status
        value
        reachableValue
      }
      totals {
        reachableWhitespace
        reachablePipeline
      }
    }
    memberDependency {
      memberId
      engagedThrough
      coverageIfLeaves
      member {
        id
        name
      }
      soleEngaged {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerAnalysesQuery, ExplorerAnalysesQueryVariables>;
export const ExplorerTrendDocument = new TypedDocumentString(`
    query ExplorerTrend($id: ID!, $trendFrom: Date!, $trendTo: Date!) {
  account(id: $id) {
    trend(from: $trendFrom, to: $trendTo, reconstruct: true) {
      date
      coverageScore
      engagedCount
      championsWithoutBackup
      reconstructed
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerTrendQuery, ExplorerTrendQueryVariables>;
export const ExplorerWarmPathsDocument = new TypedDocumentString(`
    query ExplorerWarmPaths($id: ID!, $to: ID!, $asOf: Date) {
  account(id: $id, asOf: $asOf) {
    warmPaths(to: $to, first: 3) {
      hops
      weakestLink
      totalStrength
      nodes {
        id
        name
      }
      edges {
        id
        source
        target
        kind
        strength
        forward
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerWarmPathsQuery, ExplorerWarmPathsQueryVariables>;
export const ExplorerLogInteractionDocument = new TypedDocumentString(`
    mutation ExplorerLogInteraction($input: InteractionInput!) {
  logInteraction(input: $input) {
    id
    date
  }
}
    `) as unknown as TypedDocumentString<ExplorerLogInteractionMutation, ExplorerLogInteractionMutationVariables>;
export const ExplorerUpdateStakeholderDocument = new TypedDocumentString(`
    mutation ExplorerUpdateStakeholder($input: StakeholderInput!) {
  upsertStakeholders(input: [$input]) {
    id
    title
    sentiment
    buyingRole
  }
}
    `) as unknown as TypedDocumentString<ExplorerUpdateStakeholderMutation, ExplorerUpdateStakeholderMutationVariables>;
export const ExplorerAccountChangedDocument = new TypedDocumentString(`
    subscription ExplorerAccountChanged($id: ID!) {
  accountChanged(id: $id) {
    accountId
    revision
    changedAt
  }
}
    `) as unknown as TypedDocumentString<ExplorerAccountChangedSubscription, ExplorerAccountChangedSubscriptionVariables>;