"""samgraph: a relationship-graph backend for strategic account management."""

__version__ = "0.1.0"
