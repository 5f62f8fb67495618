// True when no Account exists (used to load the demo on first run).
// mode: read
// params:
// scope: internal
RETURN NOT EXISTS { MATCH (:Account) } AS empty
