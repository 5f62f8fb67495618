// Account-scoped lookups: every per-account query starts from one of these.
CREATE INDEX stakeholder_account IF NOT EXISTS FOR (n:Stakeholder) ON (n.accountId);
CREATE INDEX team_account IF NOT EXISTS FOR (n:Team) ON (n.accountId);
CREATE INDEX opportunity_account IF NOT EXISTS FOR (n:Opportunity) ON (n.accountId);
CREATE INDEX interaction_account IF NOT EXISTS FOR (n:Interaction) ON (n.accountId);
CREATE INDEX opportunity_team IF NOT EXISTS FOR (n:Opportunity) ON (n.teamId);
CREATE INDEX account_name IF NOT EXISTS FOR (n:Account) ON (n.name);
