// The portfolio's play index (domain §17): one PlayEntry per play of each account's newest
// snapshot, keyed in the portfolio's order (scoreGain, most severe gap closed, reachGain,
// strategic score: each negated where it sorts descending; account id; the account's own
// order), so that the first page of today's plays is an index range read.
CREATE INDEX play_entry_order IF NOT EXISTS FOR (n:PlayEntry) ON (n.date, n.ng, n.sev, n.nr, n.ns, n.accountId, n.order);
CREATE INDEX play_entry_account IF NOT EXISTS FOR (n:PlayEntry) ON (n.accountId);
CREATE INDEX play_entry_member IF NOT EXISTS FOR (n:PlayEntry) ON (n.memberId, n.date);
