// What the graph shows of an account: departed people or not, the filters, the focused
// person, the collapsed teams (large ones to start with), the selected person and the
// ids lit by a path or a play.
import { useCallback, useState } from "react";

import type { AccountGraph } from "../api";
import { type Filters, NO_FILTERS, defaultCollapsed } from "../model";

export interface GraphView {
  showDeparted: boolean;
  setShowDeparted: (show: boolean) => void;
  filters: Filters;
  setFilters: (filters: Filters) => void;
  focus: string | null;
  setFocus: (id: string | null) => void;
  collapsed: Set<string> | null;
  /** The large teams collapsed, the first time an account's graph arrives. */
  initCollapsed: (graph: AccountGraph) => void;
  toggleTeam: (teamId: string) => void;
  setCollapsed: (teams: Set<string>) => void;
  selected: string | null;
  setSelected: (id: string | null) => void;
  lit: string[];
  setLit: (ids: string[]) => void;
}

export function useGraphView(): GraphView {
  const [showDeparted, setShowDeparted] = useState(false);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [focus, setFocus] = useState<string | null>(null);
  const [collapsed, setCollapsedState] = useState<Set<string> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [lit, setLit] = useState<string[]>([]);
  const initCollapsed = useCallback((graph: AccountGraph) => {
    setCollapsedState((now) => now ?? defaultCollapsed(graph));
  }, []);
  const toggleTeam = useCallback((teamId: string) => {
    setCollapsedState((now) => {
      const next = new Set(now ?? []);
      if (next.has(teamId)) next.delete(teamId);
      else next.add(teamId);
      return next;
    });
  }, []);
  const setCollapsed = useCallback((teams: Set<string>) => setCollapsedState(new Set(teams)), []);
  return {
    showDeparted,
    setShowDeparted,
    filters,
    setFilters,
    focus,
    setFocus,
    collapsed,
    initCollapsed,
    toggleTeam,
    setCollapsed,
    selected,
    setSelected,
    lit,
    setLit,
  };
}
