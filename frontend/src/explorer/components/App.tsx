import { configuredKey, useKey } from "../hooks/useKey";
import { routeHash, useRoute } from "../hooks/useRoute";
import { todayIso } from "../format";
import { AccountView } from "./AccountView";
import { KeyForm } from "./KeyForm";
import { Portfolio } from "./Portfolio";

export function App(): JSX.Element {
  const key = useKey();
  const [route, go] = useRoute();

  if (!key.hasKey) return <KeyForm refused={key.refused} onKey={key.use} />;

  const asOf = route.asOf ?? todayIso();
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <a href="#" className="brand" onClick={() => go({ accountId: null, asOf: null })}>
          samgraph <span>explorer</span>
        </a>
        {route.accountId && (
          <a href={routeHash({ accountId: null, asOf: null })} className="back" data-testid="back">
            ← Portfolio
          </a>
        )}
        <span className="spacer" />
        {configuredKey ? (
          <span className="muted small">Development key</span>
        ) : (
          <button type="button" className="ghost" onClick={key.forget}>
            Forget key
          </button>
        )}
      </header>
      <div id="content">
        {route.accountId ? (
          <AccountView
            key={route.accountId}
            headers={key.headers}
            accountId={route.accountId}
            asOf={asOf}
            onRefused={key.onRefused}
            onAsOf={(value) => go({ accountId: route.accountId, asOf: value || null })}
          />
        ) : (
          <Portfolio headers={key.headers} onRefused={key.onRefused} onOpen={(id) => go({ accountId: id, asOf: null })} />
        )}
      </div>
    </>
  );
}
