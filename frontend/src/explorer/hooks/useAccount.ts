// One account on one date: its answer (graph with departed people and members, coverage,
// backups, whitespace), its slower analyses (plays, reach, member dependency) and its
// coverage trend, asked side by side so the graph never waits for the others; all asked
// again whenever the account changes (accountChanged over graphql-ws, whoever made it).
import { createClient } from "graphql-ws";
import { useCallback, useEffect, useRef, useState } from "react";

import { websocketUrl } from "../../config";
import {
  type AccountAnswer,
  type Analyses,
  ApiError,
  ExplorerAccountChangedDocument,
  ExplorerAccountDocument,
  ExplorerAnalysesDocument,
  ExplorerTrendDocument,
  type TrendDay,
  gql,
} from "../api";
import { daysBefore, todayIso } from "../format";
import { mergeLastDay } from "../model";
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

export interface AccountState {
  loaded: Loaded | null;
  analyses: Analyses | null;
  trend: TrendDay[] | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

export function useAccount(
  headers: Record<string, string>,
  accountId: string,
  asOf: string,
  onRefused: () => void,
): AccountState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [analyses, setAnalyses] = useState<Analyses | null>(null);
  const [trend, setTrend] = useState<TrendDay[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [slowTick, setSlowTick] = useState(0);
  const version = useRef(0);
  const changed = useRef(false);
  // The next slow round follows a change; the trend held is of this account and window.
  const changedSlow = useRef(false);
  const trendFor = useRef("");
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const started = performance.now();
    gql(headers, ExplorerAccountDocument, { id: accountId, asOf: asOf || null })
      .then((answer) => {
        if (!live) return;
        hook.lastFetchMs = Math.round(performance.now() - started);
        version.current += 1;
        setLoaded({ answer, asOf, version: version.current });
        setLoading(false);
        // The slower analyses next; after a change a moment later, so that every open
        // page's graph (the quick part) is answered first.
        const wait = changed.current ? 1500 : 0;
        changedSlow.current = changed.current;
        changed.current = false;
        window.setTimeout(() => live && setSlowTick((t) => t + 1), wait);
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

  useEffect(() => {
    if (slowTick === 0) return;
    let live = true;
    const vars = { id: accountId, asOf: asOf || null };
    const failed = (exc: unknown): void => {
      if (live) console.warn("samgraph explorer:", exc instanceof Error ? exc.message : exc);
    };
    gql(headers, ExplorerAnalysesDocument, vars)
      .then((data) => live && setAnalyses(data.account ?? null))
      .catch(failed);
    // A write changes today's point of the trend, never a past day's: after a change
    // only the window's last day is asked again (the 90 days are computed once per
    // account and date: at 500 people that is seconds of the server's time, and every
    // open page would ask it on every change).
    const window_ = trendWindow(asOf);
    const onlyLast = changedSlow.current && trendFor.current === `${accountId}|${window_.trendTo}`;
    changedSlow.current = false;
    const vars_ = onlyLast ? { id: accountId, trendFrom: window_.trendTo, trendTo: window_.trendTo } : { id: accountId, ...window_ };
    gql(headers, ExplorerTrendDocument, vars_)
      .then((data) => {
        if (!live) return;
        const days = data.account?.trend ?? [];
        trendFor.current = `${accountId}|${window_.trendTo}`;
        setTrend((before) => (onlyLast && before ? mergeLastDay(before, days) : days));
      })
      .catch(failed);
    return () => {
      live = false;
    };
    // The account's date and id come with the tick that the account's answer set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slowTick]);

  // Any write to the account (from this page or anyone else's) asks it again.
  useEffect(() => {
    const client = createClient({ url: websocketUrl("/graphql"), connectionParams: headers, lazy: false, retryAttempts: 5 });
    const stop = client.subscribe(
      { query: ExplorerAccountChangedDocument.toString(), variables: { id: accountId } },
      {
        next: () => {
          hook.changes += 1;
          hook.changedAt = Date.now();
          changed.current = true;
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

  return { loaded, analyses, trend, loading, error, reload };
}
