import { FLAG_MARK, FLAG_TEXT, MEMBER_COLOUR, SENTIMENT_COLOURS } from "../elements";
import { words } from "../format";

export function Legend(): JSX.Element {
  return (
    <ul className="legend" aria-label="Legend">
      {Object.entries(SENTIMENT_COLOURS).map(([name, colour]) => (
        <li key={name}>
          <span className="dot" style={{ background: colour }} aria-hidden="true" />
          {words(name)}
        </li>
      ))}
      <li>
        <span className="diamond" style={{ background: MEMBER_COLOUR }} aria-hidden="true" />
        Our member
      </li>
      <li>
        <span className="star" aria-hidden="true">
          ★
        </span>
        Champion
      </li>
      <li>
        <span className="hexagon" aria-hidden="true">
          ⬡
        </span>
        Economic buyer
      </li>
      <li>
        <span className="dot detractor" aria-hidden="true" />
        Detractor (dark ring)
      </li>
      {Object.entries(FLAG_MARK).map(([flag, mark]) => (
        <li key={flag}>
          <span className="flag-mark" style={{ background: mark.colour }} aria-hidden="true">
            {mark.letter}
          </span>
          {words(FLAG_TEXT[flag])}
        </li>
      ))}
      <li>
        <span className="box" aria-hidden="true" />
        Collapsed team (tap to open; double-tap an open team to close it)
      </li>
      <li>
        <span className="line knows" aria-hidden="true" />
        Knows (width: strength)
      </li>
      <li>
        <span className="line knows overdue" aria-hidden="true" />
        Overdue
      </li>
      <li>
        <span className="line reports" aria-hidden="true" />
        Reports to
      </li>
      <li>
        <span className="line influences" aria-hidden="true" />
        Influences
      </li>
    </ul>
  );
}
