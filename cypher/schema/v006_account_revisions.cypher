// One change counter per account, bumped after every committed write that touches it
// (subscriptions poll it; it lives beside the account so exports never carry it).
CREATE CONSTRAINT account_revision_id IF NOT EXISTS FOR (n:AccountRevision) REQUIRE n.accountId IS UNIQUE;
