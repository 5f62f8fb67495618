// Champion moves (domain §15) read the stakeholders who carry a LinkedIn URL.
CREATE INDEX stakeholder_linkedin IF NOT EXISTS FOR (n:Stakeholder) ON (n.linkedinUrl);
