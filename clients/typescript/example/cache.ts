// One Apollo Client cache, one account today and on a past date: both answers stay
// correct with the default `new InMemoryCache()`, no type policies. Under a root field
// given `asOf`, samgraph dates every `id` (`gfc@2026-06-01`), so the past view is its own
// cache entry (`Account:gfc@2026-06-01`) beside today's (`Account:gfc`). A dated id can
// be passed back as a variable as it is (`warmPaths(to: "s1@2026-06-01")`): the API
// drops the date. tests/web/test_apollo_cache.py runs this file in chromium.
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client/core";

import {
  AccountOverviewDocument,
  StakeholderOnDocument,
  type AccountOverviewQuery,
  type StakeholderOnQuery,
} from "../src/generated/graphql.ts";

export interface TwoDates {
  today: AccountOverviewQuery["account"];
  past: AccountOverviewQuery["account"];
  /** Today's answer read back from the cache after the past one arrived. */
  todayAgain: AccountOverviewQuery["account"];
  /** A stakeholder's title today and on the past date, then today's read back. */
  titles: [string | null | undefined, string | null | undefined, string | null | undefined];
  /** The normalised cache's keys, for the test to see both entries. */
  keys: string[];
}

export function samgraphClient(uri: string, key: string): ApolloClient<object> {
  return new ApolloClient({
    link: new HttpLink({ uri, headers: { Authorization: `Bearer ${key}` } }),
    cache: new InMemoryCache(),
  });
}

type Person = StakeholderOnQuery["stakeholder"];

export async function twoDates(
  uri: string,
  key: string,
  id: string,
  stakeholderId: string,
  past: string,
): Promise<TwoDates> {
  const client = samgraphClient(uri, key);
  const today = await client.query({ query: AccountOverviewDocument, variables: { id } });
  const before = await client.query({ query: AccountOverviewDocument, variables: { id, asOf: past } });
  const again = client.readQuery({ query: AccountOverviewDocument, variables: { id } });
  const vars = { id: stakeholderId };
  const person: Person = (await client.query({ query: StakeholderOnDocument, variables: vars })).data.stakeholder;
  const then: Person = (await client.query({ query: StakeholderOnDocument, variables: { ...vars, asOf: past } }))
    .data.stakeholder;
  const personAgain = client.readQuery({ query: StakeholderOnDocument, variables: vars })?.stakeholder;
  return {
    titles: [person?.title, then?.title, personAgain?.title],
    today: today.data.account,
    past: before.data.account,
    todayAgain: again?.account ?? null,
    keys: Object.keys(client.cache.extract()),
  };
}
