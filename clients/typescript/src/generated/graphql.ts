/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type AccountQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountQuery = { account: { name: string, teams: Array<{ name: string, stakeholders: Array<{ name: string, manager: { name: string } | null, reports: Array<{ name: string }>, relationships: Array<{ strength: number, member: { name: string } | null }>, influences: Array<{ weight: number, to: { name: string } | null }> }>, deployments: Array<{ status: DeploymentStatus, arr: number | null, product: { name: string } | null }>, opportunities: Array<{ name: string, amount: number | null }> }> } | null };

export type Account2QueryVariables = Exact<{ [key: string]: never; }>;


export type Account2Query = { account: { strategicScore: number, tier: Tier, renewal: { milestone: RenewalMilestone | null, date: string | null, daysToRenewal: number | null }, coverage: { score: number, mappedCount: number, engagedCount: number, strongCount: number, threeByThree: boolean, cells: Array<{ band: Band, group: FunctionGroup, engagedCount: number, covered: boolean }>, gaps: Array<{ code: GapCode, severity: Severity, stakeholderId: string | null, band: Band | null, group: FunctionGroup | null }> }, championBackups: Array<{ hasBackup: boolean, scoreIfLost: number, champion: { name: string }, backups: Array<{ name: string }> }>, influenceMap: { nodes: Array<{ score: number, rank: number, engagement: number, buyingRole: BuyingRole | null, stakeholder: { name: string } }>, edges: Array<{ source: string, target: string, weight: number, kind: EdgeKind }> } } | null };

export type Account3QueryVariables = Exact<{ [key: string]: never; }>;


export type Account3Query = { account: { warmPaths: Array<{ hops: number, weakestLink: number, totalStrength: number, nodes: Array<{ id: string, name: string, kind: PathNodeKind }>, edges: Array<{ source: string, target: string, kind: EdgeKind, strength: number }> }> | null, whitespace: { totals: { deployedArr: number, pipelineAmount: number, weightedPipeline: number, whitespaceEstimate: number }, cells: Array<{ teamId: string, productId: string, status: CellStatus, value: number, weightedValue: number }>, byTeam: Array<{ teamId: string, whitespaceEstimate: number }> } } | null };

export type MemberQueryVariables = Exact<{ [key: string]: never; }>;


export type MemberQuery = { member: { overdueTouches: Array<{ stakeholderId: string, daysSinceContact: number | null, nextDue: string | null, effectiveStrength: number }> } | null, portfolioGaps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: GapCode, severity: Severity, stakeholderId: string | null, account: { name: string } }> }, accounts: { totalCount: number, nodes: Array<{ name: string, tier: Tier, coverage: { score: number } }> } };

export type AccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, arr: number | null, renewalDate: string | null, scores: { currentRevenue: number | null, strategicFit: number | null } }> } };

export type LinkKnowsMutationVariables = Exact<{ [key: string]: never; }>;


export type LinkKnowsMutation = { linkKnows: { id: string, effectiveStrength: number }, markDeparted: { id: string, status: StakeholderStatus, departedAt: string | null } };

export type UpsertStakeholdersMutationVariables = Exact<{ [key: string]: never; }>;


export type UpsertStakeholdersMutation = { upsertStakeholders: Array<{ id: string, title: string | null, manager: { name: string } | null }> };

export type Account4QueryVariables = Exact<{ [key: string]: never; }>;


export type Account4Query = { account: { graph: { nodes: Array<{ id: string, kind: GraphNodeKind, label: string, title: string | null, group: string | null, seniority: Seniority | null, sentiment: Sentiment | null, engagement: number | null, influenceScore: number | null, influenceRank: number | null, flags: Array<GraphNodeFlag> }>, edges: Array<{ id: string, source: string, target: string, kind: GraphEdgeKind, strength: number | null, effectiveStrength: number | null, overdue: boolean | null }>, groups: Array<{ id: string, label: string, parent: string | null, functionGroup: FunctionGroup | null }> } } | null };

export type SyncOrgChartMutationVariables = Exact<{ [key: string]: never; }>;


export type SyncOrgChartMutation = { syncOrgChart: { added: Array<{ id: string }>, updated: Array<{ id: string, changes: Array<{ field: string, old: string | null, new: string | null }> }>, departed: Array<{ id: string, buyingRole: string | null }>, impact: { departingChampions: Array<string>, coverageBefore: number, coverageAfter: number, gapsAdded: Array<GapCode> } } };

export type LogInteractionMutationVariables = Exact<{ [key: string]: never; }>;


export type LogInteractionMutation = { logInteraction: { id: string, members: Array<{ name: string }>, stakeholders: Array<{ name: string, relationships: Array<{ strength: number, lastContact: string | null }> }> } };

export type SaveQueryMutationVariables = Exact<{ [key: string]: never; }>;


export type SaveQueryMutation = { saveQuery: { name: string, url: string } };


export const AccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"gfc","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strength"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"influences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"arr"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountQuery, AccountQueryVariables>;
export const Account2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"gfc","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategicScore"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"renewal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"milestone"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"daysToRenewal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"mappedCount"}},{"kind":"Field","name":{"kind":"Name","value":"engagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"strongCount"}},{"kind":"Field","name":{"kind":"Name","value":"threeByThree"}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"engagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"covered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholderId"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"group"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"championBackups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"champion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hasBackup"}},{"kind":"Field","name":{"kind":"Name","value":"scoreIfLost"}},{"kind":"Field","name":{"kind":"Name","value":"backups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"influenceMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stakeholder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"buyingRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<Account2Query, Account2QueryVariables>;
export const Account3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account3"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"gfc","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warmPaths"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"StringValue","value":"rmartinez","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"maxHops"},"value":{"kind":"IntValue","value":"4"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hops"}},{"kind":"Field","name":{"kind":"Name","value":"weakestLink"}},{"kind":"Field","name":{"kind":"Name","value":"totalStrength"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"strength"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"whitespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployedArr"}},{"kind":"Field","name":{"kind":"Name","value":"pipelineAmount"}},{"kind":"Field","name":{"kind":"Name","value":"weightedPipeline"}},{"kind":"Field","name":{"kind":"Name","value":"whitespaceEstimate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weightedValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byTeam"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"whitespaceEstimate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<Account3Query, Account3QueryVariables>;
export const MemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"mrodriguez","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overdueTouches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stakeholderId"}},{"kind":"Field","name":{"kind":"Name","value":"daysSinceContact"}},{"kind":"Field","name":{"kind":"Name","value":"nextDue"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveStrength"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"portfolioGaps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minSeverity"},"value":{"kind":"EnumValue","value":"HIGH"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholderId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"maxCoverageScore"},"value":{"kind":"IntValue","value":"50"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"EnumValue","value":"COVERAGE_SCORE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MemberQuery, MemberQueryVariables>;
export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"memberId"},"value":{"kind":"StringValue","value":"mrodriguez","block":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arr"}},{"kind":"Field","name":{"kind":"Name","value":"renewalDate"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentRevenue"}},{"kind":"Field","name":{"kind":"Name","value":"strategicFit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const LinkKnowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkKnows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkKnows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"StringValue","value":"vpsales","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"stakeholderId"},"value":{"kind":"StringValue","value":"rmartinez","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"strength"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"lastContact"},"value":{"kind":"StringValue","value":"2026-01-20","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveStrength"}}]}},{"kind":"Field","name":{"kind":"Name","value":"markDeparted"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stakeholderId"},"value":{"kind":"StringValue","value":"dpark","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"StringValue","value":"2026-02-01","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"departedAt"}}]}}]}}]} as unknown as DocumentNode<LinkKnowsMutation, LinkKnowsMutationVariables>;
export const UpsertStakeholdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertStakeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertStakeholders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"dpark","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"title"},"value":{"kind":"StringValue","value":"Senior Director","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"NullValue"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertStakeholdersMutation, UpsertStakeholdersMutationVariables>;
export const Account4Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account4"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"gfc","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"graph"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"include"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"MEMBERS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"seniority"}},{"kind":"Field","name":{"kind":"Name","value":"sentiment"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"}},{"kind":"Field","name":{"kind":"Name","value":"influenceScore"}},{"kind":"Field","name":{"kind":"Name","value":"influenceRank"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"strength"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveStrength"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"parent"}},{"kind":"Field","name":{"kind":"Name","value":"functionGroup"}}]}}]}}]}}]}}]} as unknown as DocumentNode<Account4Query, Account4QueryVariables>;
export const SyncOrgChartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncOrgChart"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncOrgChart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"StringValue","value":"gfc","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"EnumValue","value":"CSV"}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"EnumValue","value":"FULL"}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"content"},"value":{"kind":"StringValue","value":"id,name,title,seniority,team,managerId\\njwu,Jennifer Wu,CTO,C_LEVEL,Technology,\\n","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"added"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"old"}},{"kind":"Field","name":{"kind":"Name","value":"new"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"buyingRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departingChampions"}},{"kind":"Field","name":{"kind":"Name","value":"coverageBefore"}},{"kind":"Field","name":{"kind":"Name","value":"coverageAfter"}},{"kind":"Field","name":{"kind":"Name","value":"gapsAdded"}}]}}]}}]}}]} as unknown as DocumentNode<SyncOrgChartMutation, SyncOrgChartMutationVariables>;
export const LogInteractionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogInteraction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logInteraction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"gfc-call-1","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"accountId"},"value":{"kind":"StringValue","value":"gfc","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"date"},"value":{"kind":"StringValue","value":"2026-01-19","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"CALL"}},{"kind":"ObjectField","name":{"kind":"Name","value":"memberIds"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"mrodriguez","block":false}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"stakeholderIds"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"jwu","block":false},{"kind":"StringValue","value":"rmartinez","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stakeholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strength"}},{"kind":"Field","name":{"kind":"Name","value":"lastContact"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LogInteractionMutation, LogInteractionMutationVariables>;
export const SaveQueryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveQuery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveQuery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"big-accounts","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"StringValue","value":"ARR over 300k","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"StringValue","value":"query($minArr: Float) { accounts(filter: {minArr: $minArr}, sortBy: ARR, descending: true) { nodes { id name arr tier } } }","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"variables"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"minArr"},"value":{"kind":"IntValue","value":"300000"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<SaveQueryMutation, SaveQueryMutationVariables>;