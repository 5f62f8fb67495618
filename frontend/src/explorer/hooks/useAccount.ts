// One account on one date: its answer (graph with departed people and members, the
// analyses), asked again whenever the account changes (accountChanged over graphql-ws,
// whoever made the change).
import { createClient } from "graphql-ws";
import { useCallback, useEffect, useRef, useState } from "react";

import { websocketUrl } from "../../config";
import { type AccountAnswer, ApiError, ExplorerAccountChangedDocument, ExplorerAccountDocument, gql } from "../api";
import { daysBefore, todayIso } from "../format";
import { hook } from "../hook";

export const TREND_DAYS = 90;

export interface Loaded {
  answer: AccountAnswer;
  asOf: string;
  /** The answer's number: it grows with every answer (a change, a new date). */
  version: number;
}

/** The 90 days of the trend: ending on a past as-of date, else today. */
export function trendWindow(asOf: string): { trendFrom: string; trendTo: string } {
  const today = todayIso();
  const trendTo = asOf && asOf < today ? asOf : today;
  return { trendFrom: daysBefore(trendTo, TREND_DAYS), trendTo };
}

export function useAccount(
  headers: Record<string, string>,
  accountId: string,
  asOf: string,
  onRefused: () => void,
): { loaded: Loaded | null; loading: boolean; error: string | null; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const version = useRef(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const started = performance.now();
    gql(headers, ExplorerAccountDocument, { id: accountId, asOf: asOf || null, ...trendWindow(asOf) })
      .then((answer) => {
        if (!live) return;
        hook.lastFetchMs = Math.round(performance.now() - started);
        version.current += 1;
        setLoaded({ answer, asOf, version: version.current });
        setLoading(false);
      })
      .catch((exc: unknown) => {
        if (!live) return;
        setLoading(false);
        if (exc instanceof ApiError && exc.status === 401) onRefused();
        else setError(exc instanceof Error ? exc.message : String(exc));
      });
    return () => {
      live = false;
    };
  }, [headers, accountId, asOf, onRefused, tick]);

  // Any write to the account (from this page or anyone else's) asks it again.
  useEffect(() => {
    const client = createClient({ url: websocketUrl("/graphql"), connectionParams: headers, lazy: false, retryAttempts: 5 });
    const stop = client.subscribe(
      { query: ExplorerAccountChangedDocument.toString(), variables: { id: accountId } },
      {
        next: () => {
          hook.changes += 1;
          reload();
        },
        error: (exc) => console.warn("samgraph explorer: accountChanged:", exc),
        complete: () => undefined,
      },
    );
    return () => {
      stop();
      void client.dispose();
    };
  }, [headers, accountId, reload]);

  return { loaded, loading, error, reload };
}
