"""Where the app's Neo4j is: NEO4J_URI when set, else the managed local one."""

from __future__ import annotations

import logging

from samgraph.config import Settings
from samgraph.db.driver import Connection
from samgraph.localdb import manager

log = logging.getLogger("samgraph.db")


def resolve_connection(settings: Settings, *, autostart: bool = True) -> Connection:
    """NEO4J_URI when set; otherwise the managed local Neo4j (started if needed)."""
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return Connection(
            settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database
        )
    instance = manager.status(settings.neo4j_data_dir)
    if instance is None:
        if not autostart:
            raise manager.LocalNeo4jError(
                "NEO4J_URI is unset and the local Neo4j is not running: run "
                f"`samgraph neo4j start`, {manager.ALTERNATIVES}"
            )
        log.warning("starting the local Neo4j (NEO4J_URI is unset)...")
        instance = manager.start(
            data_dir=settings.neo4j_data_dir,
            port=settings.samgraph_neo4j_port,
            version=settings.samgraph_neo4j_version,
            cache_dir=settings.jar_cache_dir,
            heap=settings.samgraph_neo4j_heap,
            pagecache=settings.samgraph_neo4j_pagecache,
            timeout=settings.samgraph_start_timeout,
        )
    return Connection(instance.uri, instance.user, instance.password, settings.neo4j_database)
