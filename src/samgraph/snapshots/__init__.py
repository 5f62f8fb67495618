"""Account snapshots (domain §16): how each account stood each day, kept fresh for today."""
