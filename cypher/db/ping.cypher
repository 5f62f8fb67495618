// Readiness probe.
// mode: read
// params:
RETURN 1 AS ok
