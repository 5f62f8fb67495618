"""The managed local Neo4j: fetch the Community jars with Maven, start, stop, status."""
