/** What the server puts in the page: `<script id="samgraph-config" type="application/json">`. */
export interface PageConfig {
  /** Sent with every request (in development: the admin key as a bearer token). */
  headers: Record<string, string>;
}

export function readConfig(): PageConfig {
  const text = document.getElementById("samgraph-config")?.textContent ?? "{}";
  const raw = JSON.parse(text) as Partial<PageConfig>;
  return { headers: raw.headers ?? {} };
}

/** The page's origin with ws:// or wss:// (same host, same port). */
export function websocketUrl(path: string): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${path}`;
}
