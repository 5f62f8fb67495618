// One snapshot per account and day (domain §16).
CREATE CONSTRAINT account_snapshot_day IF NOT EXISTS FOR (n:AccountSnapshot) REQUIRE (n.accountId, n.date) IS UNIQUE;
CREATE INDEX account_snapshot_date IF NOT EXISTS FOR (n:AccountSnapshot) ON (n.date);
