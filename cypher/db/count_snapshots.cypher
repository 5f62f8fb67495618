// How many snapshots of $today there are (benchmarks and operators).
// mode: read
// params: today
// scope: internal
MATCH (s:AccountSnapshot {date: $today})
RETURN count(s) AS snapshots
