// What a React app gets from the generated hooks: src/generated/apollo.ts for Apollo
// Client 3, src/generated/urql.ts for urql, one hook per operation of operations/*.graphql
// (`use<Name>Query`, `use<Name>LazyQuery`, `use<Name>Mutation`...). Their results and
// variables are typed from the schema: `tsc --strict` (the tests) checks this file; it
// is not run.
import { useAccountOverviewQuery as useApolloOverview } from "../src/generated/apollo.ts";
import { useTouchRelationshipMutation } from "../src/generated/apollo.ts";
import { useAccountOverviewQuery as useUrqlOverview } from "../src/generated/urql.ts";

/** An account's coverage score through Apollo Client (undefined while loading). */
export function useCoverageApollo(id: string, asOf?: string): number | undefined {
  const { data } = useApolloOverview({ variables: { id, asOf } });
  return data?.account?.coverage.score;
}

/** The same through urql. */
export function useCoverageUrql(id: string): number | undefined {
  const [{ data }] = useUrqlOverview({ variables: { id } });
  return data?.account?.coverage.score;
}

/** A mutation hook: the variables are checked (strength is a number, ids strings). */
export function useTouch(): (memberId: string, stakeholderId: string) => Promise<unknown> {
  const [touch] = useTouchRelationshipMutation();
  return (memberId, stakeholderId) =>
    touch({ variables: { memberId, stakeholderId, strength: 3, lastContact: "2026-01-20" } });
}

export function wrongOnPurpose(): void {
  // @ts-expect-error: `id` is required by the query's variables.
  useApolloOverview({ variables: { asOf: "2026-01-20" } });
  const [{ data }] = useUrqlOverview({ variables: { id: "gfc" } });
  // @ts-expect-error: a tier is a string union, never a number.
  const tier: number | undefined = data?.account?.tier;
  void tier;
}
