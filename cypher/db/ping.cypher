// Readiness probe.
// mode: read
// params:
// scope: internal
RETURN 1 AS ok
