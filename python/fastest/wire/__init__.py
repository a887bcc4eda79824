"""fastest's wire protocol: msgpack frames between workers and the parent."""
