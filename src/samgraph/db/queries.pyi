# Generated from cypher/ by `make generate` (samgraph.db.cypher.render_stub): do not edit.
# Plain classes (no __getattr__), so mypy rejects a query name that has no file.
from collections.abc import Iterator, Mapping

from samgraph.db.cypher import CypherQuery

class _Q_accounts:
    account_names: CypherQuery
    account_trees: CypherQuery
    count_accounts: CypherQuery
    delete_account: CypherQuery
    get_accounts: CypherQuery
    list_accounts: CypherQuery
    page_accounts: CypherQuery
    page_trees: CypherQuery
    sorted_accounts: CypherQuery
    sorted_by_snapshot: CypherQuery
    upsert_accounts: CypherQuery

class _Q_analyses:
    account_drawing: CypherQuery
    account_graphs: CypherQuery
    whitespace_inputs: CypherQuery

class _Q_auth:
    accounts_of_nodes: CypherQuery
    create_api_key: CypherQuery
    get_api_key: CypherQuery
    list_api_keys: CypherQuery
    member_accounts: CypherQuery
    revoke_api_key: CypherQuery

class _Q_bundle:
    existing_ids: CypherQuery
    export_account_team: CypherQuery
    export_accounts: CypherQuery
    export_deployments: CypherQuery
    export_history: CypherQuery
    export_influences: CypherQuery
    export_interactions: CypherQuery
    export_members: CypherQuery
    export_opportunities: CypherQuery
    export_products: CypherQuery
    export_relationships: CypherQuery
    export_stakeholders: CypherQuery
    export_teams: CypherQuery
    owning_accounts: CypherQuery

class _Q_db:
    applied_migrations: CypherQuery
    count_snapshots: CypherQuery
    graph_is_empty: CypherQuery
    list_constraints: CypherQuery
    ping: CypherQuery
    record_migration: CypherQuery
    wipe_nodes: CypherQuery
    wipe_relationships: CypherQuery

class _Q_interactions:
    delete_interaction: CypherQuery
    get_interactions: CypherQuery
    interactions_by_account: CypherQuery
    link_member_attendees: CypherQuery
    link_stakeholder_attendees: CypherQuery
    meet_knows: CypherQuery
    touch_knows: CypherQuery
    upsert_interactions: CypherQuery

class _Q_live:
    accounts_touched: CypherQuery
    all_accounts: CypherQuery
    bump_revisions: CypherQuery
    revisions: CypherQuery

class _Q_members:
    delete_member: CypherQuery
    get_members: CypherQuery
    list_members: CypherQuery
    upsert_members: CypherQuery

class _Q_opportunities:
    delete_opportunity: CypherQuery
    get_opportunities: CypherQuery
    opportunities_by_account: CypherQuery
    opportunities_by_team: CypherQuery
    upsert_opportunities: CypherQuery

class _Q_persisted:
    count_documents: CypherQuery
    evict_documents: CypherQuery
    get_document: CypherQuery
    put_document: CypherQuery
    touch_document: CypherQuery

class _Q_privacy:
    erase_person: CypherQuery
    export_person: CypherQuery

class _Q_products:
    delete_product: CypherQuery
    get_products: CypherQuery
    list_products: CypherQuery
    upsert_products: CypherQuery

class _Q_relationships_account_team:
    by_account: CypherQuery
    by_member: CypherQuery
    sams_by_account: CypherQuery
    unlink: CypherQuery
    upsert: CypherQuery

class _Q_relationships_deployments:
    by_product: CypherQuery
    by_team: CypherQuery
    unlink: CypherQuery
    upsert: CypherQuery

class _Q_relationships_influences:
    incoming: CypherQuery
    outgoing: CypherQuery
    unlink: CypherQuery
    upsert: CypherQuery

class _Q_relationships_knows:
    by_member: CypherQuery
    by_stakeholder: CypherQuery
    overdue_after: CypherQuery
    overdue_count: CypherQuery
    overdue_head: CypherQuery
    unlink: CypherQuery
    upsert: CypherQuery

class _Q_relationships:
    account_team: _Q_relationships_account_team
    deployments: _Q_relationships_deployments
    influences: _Q_relationships_influences
    knows: _Q_relationships_knows

class _Q_reports:
    delete_saved_query: CypherQuery
    get_saved_query: CypherQuery
    list_saved_queries: CypherQuery
    save_query: CypherQuery

class _Q_snapshots:
    claim_accounts: CypherQuery
    fresh_plays: CypherQuery
    fresh_today: CypherQuery
    fresh_values: CypherQuery
    gap_page: CypherQuery
    last_change: CypherQuery
    overdue_total: CypherQuery
    play_page: CypherQuery
    portfolio_days: CypherQuery
    release_accounts: CypherQuery
    snapshots_between: CypherQuery
    stale_accounts: CypherQuery
    store_snapshots: CypherQuery

class _Q_stakeholders:
    add_source_ids: CypherQuery
    create_stakeholders: CypherQuery
    delete_stakeholder: CypherQuery
    get_stakeholders: CypherQuery
    history_by_stakeholder: CypherQuery
    import_history: CypherQuery
    link_stakeholder_managers: CypherQuery
    link_stakeholder_teams: CypherQuery
    manager_cycles: CypherQuery
    mark_departed: CypherQuery
    reports_by_stakeholder: CypherQuery
    stakeholder_names: CypherQuery
    stakeholder_plain_names: CypherQuery
    stakeholder_titles: CypherQuery
    stakeholders_by_account: CypherQuery
    stakeholders_by_team: CypherQuery
    upsert_stakeholders: CypherQuery
    with_linkedin: CypherQuery

class _Q_teams:
    children_by_team: CypherQuery
    create_teams: CypherQuery
    delete_team: CypherQuery
    get_teams: CypherQuery
    link_team_accounts: CypherQuery
    link_team_parents: CypherQuery
    parent_cycles: CypherQuery
    team_trees: CypherQuery
    teams_by_account: CypherQuery
    upsert_teams: CypherQuery

class _Q_webhooks:
    claim_deliveries: CypherQuery
    create_endpoint: CypherQuery
    delete_endpoint: CypherQuery
    deliveries_of_endpoint: CypherQuery
    emit_events: CypherQuery
    endpoint_of_delivery: CypherQuery
    finish_delivery: CypherQuery
    list_endpoints: CypherQuery
    previous_snapshots: CypherQuery
    prune_deliveries: CypherQuery
    redeliver: CypherQuery

class _Q(Mapping[str, CypherQuery]):
    accounts: _Q_accounts
    analyses: _Q_analyses
    auth: _Q_auth
    bundle: _Q_bundle
    db: _Q_db
    interactions: _Q_interactions
    live: _Q_live
    members: _Q_members
    opportunities: _Q_opportunities
    persisted: _Q_persisted
    privacy: _Q_privacy
    products: _Q_products
    relationships: _Q_relationships
    reports: _Q_reports
    snapshots: _Q_snapshots
    stakeholders: _Q_stakeholders
    teams: _Q_teams
    webhooks: _Q_webhooks
    def __getitem__(self, name: str, /) -> CypherQuery: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...

queries: _Q
