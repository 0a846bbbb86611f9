"""The Qt user interface. It reaches the database only through the core services."""
