// The caller's API key: the development key the server put in the page, else one typed
// into the key form, kept in this tab's session storage only.
import { useCallback, useMemo, useState } from "react";

import { readConfig } from "../../config";

const KEY_STORAGE = "samgraph.explorer.key";
const config = readConfig();
export const configuredKey = Boolean(config.headers.Authorization);

function storage(action: (s: Storage) => string | null | void): string | null {
  try {
    return action(window.sessionStorage) ?? null;
  } catch {
    return null; // storage unavailable: the key lives in memory only
  }
}

export interface Key {
  /** Headers for every request; empty when there is no key yet. */
  headers: Record<string, string>;
  hasKey: boolean;
  refused: boolean;
  use: (key: string) => void;
  forget: () => void;
  onRefused: () => void;
}

export function useKey(): Key {
  const [key, setKey] = useState<string | null>(() => (configuredKey ? null : storage((s) => s.getItem(KEY_STORAGE))));
  const [refused, setRefused] = useState(false);
  const headers = useMemo<Record<string, string>>(
    () => (configuredKey ? config.headers : key ? { ...config.headers, Authorization: `Bearer ${key}` } : {}),
    [key],
  );
  const onRefused = useCallback(() => {
    if (configuredKey) return;
    storage((s) => s.removeItem(KEY_STORAGE));
    setKey(null);
    setRefused(true);
  }, []);
  const use = useCallback((value: string) => {
    storage((s) => s.setItem(KEY_STORAGE, value));
    setRefused(false);
    setKey(value);
  }, []);
  const forget = useCallback(() => {
    storage((s) => s.removeItem(KEY_STORAGE));
    setKey(null);
  }, []);
  return { headers, hasKey: configuredKey || key !== null, refused, use, forget, onRefused };
}
