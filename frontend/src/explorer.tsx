// The graph explorer at /explorer: the portfolio a key may see, then one account's
// relationship graph (Cytoscape.js, laid out by ELK) with its analyses, all read from
// /graphql with the caller's key (the API applies its scope). The page's parts live in
// explorer/components, its state in explorer/hooks, the pure graph logic in explorer/model.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import "./explorer.css";

import { App } from "./explorer/components/App";

const root = document.getElementById("explorer");
if (!root) throw new Error("samgraph: the page has no #explorer element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
