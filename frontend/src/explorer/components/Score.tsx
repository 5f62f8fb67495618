export function Score({ value }: { value: number }): JSX.Element {
  const level = value >= 70 ? "good" : value >= 40 ? "fair" : "poor";
  return (
    <span className={`score score-${level}`}>
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      {value}
    </span>
  );
}
