// Remember the ids other systems give a stakeholder (`SCIM:<guid>`, `SALESFORCE:<id>`,
// `ext:<externalId>`), so the next org-chart sync matches them exactly.
// mode: write
// params: rows
// scope: checked
UNWIND $rows AS row
MATCH (s:Stakeholder {id: row.id})
SET s.sourceIds = coalesce(s.sourceIds, []) + [x IN row.sourceIds WHERE NOT x IN coalesce(s.sourceIds, [])]
RETURN count(s) AS updated
