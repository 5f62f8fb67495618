// Every stakeholder with a LinkedIn URL, with the KNOWS edges into them: what champion
// moves (§15) join on. Rows of accounts outside the caller's scope are dropped, so a
// move shows only when both of its accounts are visible.
// mode: read
// params:
// scope: account accountId
MATCH (s:Stakeholder)
WHERE s.linkedinUrl IS NOT NULL
RETURN s {.id, .accountId, .name, .status, .buyingRole, .sentiment, .seniority, .departedAt,
          .linkedinUrl,
          knows: COLLECT { MATCH (:Member)-[k:KNOWS]->(s) RETURN k {.strength, .lastContact} }
         } AS item
