// What tests (and curious SAMs in the console) can read: the graph, what the view shows
// and its timings.
import type { Core } from "cytoscape";

import type { Filters } from "./model";

export interface ExplorerHook {
  cy: Core | null;
  ready: boolean;
  /** Drawings so far (a new answer, departed people shown or not, a new view). */
  renders: number;
  accountId: string | null;
  asOf: string | null;
  /** From asking for the account to the first drawing (fetch, layout, render), ms. */
  firstRenderMs: number | null;
  lastRenderMs: number | null;
  lastLayoutMs: number | null;
  lastFetchMs: number | null;
  /** The last drawing's parts, ms: layout (0 when known), elements synced, view, fit. */
  lastSteps: { layoutMs: number; syncMs: number; viewMs: number; fitMs: number } | null;
  highlighted: string[];
  collapsed: string[];
  focus: string | null;
  filters: Filters | null;
  /** Subscription events received (accountChanged). */
  changes: number;
  /** When (Date.now()) this page's last write was answered, and its last drawing ended. */
  lastWriteAt: number | null;
  drawnAt: number | null;
  /** When (Date.now()) the last accountChanged event arrived. */
  changedAt: number | null;
}

declare global {
  interface Window {
    samgraphExplorer: ExplorerHook;
  }
}

export const hook: ExplorerHook = {
  cy: null,
  ready: false,
  renders: 0,
  accountId: null,
  asOf: null,
  firstRenderMs: null,
  lastRenderMs: null,
  lastLayoutMs: null,
  lastFetchMs: null,
  lastSteps: null,
  highlighted: [],
  collapsed: [],
  focus: null,
  filters: null,
  changes: 0,
  lastWriteAt: null,
  drawnAt: null,
  changedAt: null,
};
window.samgraphExplorer = hook;
