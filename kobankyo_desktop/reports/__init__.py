"""Printed documents: 会議次第, 会議録, 委員名簿, 委嘱状 and 開催通知.

``data`` reads plain data from the database, ``html`` writes it as markup (both without Qt),
``documents`` does both in one call; ``render`` lays a document out on A4 pages with the shipped
``fonts``, and ``pdf`` writes it to a file. The GUI's print actions live in
:mod:`kobankyo_desktop.ui.printing`.
"""
