"""The Qt-free core: database, domain model, services, rules and dates.

Nothing below this package may import Qt: it is used by the CLI, by tests without a display
and (later) by a shared station database on PostgreSQL.
"""
