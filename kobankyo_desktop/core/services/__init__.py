"""Domain services: validation and writes, taking a session and returning plain data.

Each function works inside the caller's transaction (``Database.transaction()``) and raises
:class:`~kobankyo_desktop.core.errors.ValidationError` with a Japanese message naming the field
before anything is written.
"""
