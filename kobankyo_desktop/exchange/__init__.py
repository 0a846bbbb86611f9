"""Headquarters exchange (本部への報告): the annual report as xlsx or CSV, and the JSON
submission bundle that rebuilds a station's records in another database.

No Qt here: the GUI runs these functions on a worker thread, the CLI runs them directly.
Long work reports through a :data:`~kobankyo_desktop.exchange.progress.Progress` callback
and stops with :class:`~kobankyo_desktop.exchange.progress.Cancelled` when asked to.
"""
