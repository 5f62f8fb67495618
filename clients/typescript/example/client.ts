// A tiny typed client: a page of the portfolio (`query PortfolioPage` in
// operations/app.graphql), sent with fetch. With Node 22.18+ (which runs .ts files):
//   SAMGRAPH_URL=http://127.0.0.1:8000 \
//   SAMGRAPH_API_KEY=$(cat ~/.local/share/samgraph/dev-admin.key) node example/client.ts
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { PortfolioPageDocument } from "../src/generated/graphql.ts";

type Response<TResult> = {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const url = process.env.SAMGRAPH_URL ?? "http://127.0.0.1:8000";
  const key = process.env.SAMGRAPH_API_KEY;
  if (!key) throw new Error("SAMGRAPH_API_KEY is unset");
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as Response<TResult>;
  if (body.errors?.length) {
    throw new Error(body.errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("\n"));
  }
  if (!body.data) throw new Error(`HTTP ${response.status} without data`);
  return body.data;
}

const { accounts } = await request(PortfolioPageDocument, { first: 20 });
console.log(`${accounts.nodes.length} of ${accounts.totalCount} accounts`);
for (const account of accounts.nodes) {
  // account.arr is number | null, account.renewalDate a string (Date) or null: the compiler knows.
  // coverage.score is a number, tier a 'KEY' | 'STANDARD' | 'STRATEGIC': the compiler knows.
  console.log(`${account.id}\t${account.name}\t${account.tier}\tcoverage ${account.coverage.score}`);
}
