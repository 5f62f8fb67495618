import { useCallback, useEffect, useState } from "react";


export interface Route {
  accountId: string | null;
  asOf: string | null;
}

export function readRoute(): Route {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  return { accountId: params.get("account"), asOf: params.get("asOf") };
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.accountId) params.set("account", route.accountId);
  if (route.accountId && route.asOf) params.set("asOf", route.asOf);
  const text = params.toString();
  return text ? `#${text}` : "#";
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(() => {
    const onHash = (): void => setRoute(readRoute());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, go];
}
