"""fastest's pytest mode: glue between the real pytest and fastest's events."""
