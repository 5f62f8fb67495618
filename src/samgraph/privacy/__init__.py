"""Personal data requests about one stakeholder (access and erasure)."""
