import { type FormEvent, useState } from "react";

export function KeyForm({ refused, onKey }: { refused: boolean; onKey: (key: string) => void }): JSX.Element {
  const [value, setValue] = useState("");
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (value.trim()) onKey(value.trim());
  };
  return (
    <main className="key-page">
      <form className="card key-form" onSubmit={submit} data-testid="key-form">
        <h1>samgraph explorer</h1>
        <p>Enter your samgraph API key. It stays in this browser tab only (session storage) and is sent with every request.</p>
        {refused && (
          <p className="error" role="alert">
            The API refused that key (unknown, revoked or expired). Try another.
          </p>
        )}
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="sgk_…"
          autoFocus
        />
        <button type="submit" className="primary" disabled={!value.trim()}>
          Open the explorer
        </button>
      </form>
    </main>
  );
}
