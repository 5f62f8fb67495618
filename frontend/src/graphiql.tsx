// GraphiQL at /graphql, bundled with everything it needs (no CDN): queries and
// mutations POST to /graphql, subscriptions go over graphql-transport-ws on the
// same path, with the headers the server put in the page.
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import "graphiql/graphiql.css";
import "@graphiql/plugin-explorer/dist/style.css";

import { readConfig, websocketUrl } from "./config";

const { headers } = readConfig();

const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  subscriptionUrl: websocketUrl("/graphql"),
  headers,
  wsConnectionParams: headers,
});

const plugins = [explorerPlugin()];
const defaultHeaders = Object.keys(headers).length ? JSON.stringify(headers, null, 2) : undefined;

const root = document.getElementById("graphiql");
if (!root) throw new Error("samgraph: the page has no #graphiql element");

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultHeaders={defaultHeaders}
      defaultEditorToolsVisibility={true}
      inputValueDeprecation={true}
    />
  </StrictMode>,
);
