"""Bringing today's Excel in: rosters (委員名簿) and meeting lists (会議一覧) from xlsx / CSV.

No Qt here: the CLI (``kobankyo import-sheet``) and the GUI wizard share every step.

- :mod:`.reader`: a workbook or CSV file as a grid of cells (encoding detected, blank rows gone);
- :mod:`.dates`: dates as officers write them (Excel dates, 2025/4/1, R7.4.1, 令和7年4月1日, spans);
- :mod:`.mapping`: which column holds which field, guessed from the headers, saved as JSON;
- :mod:`.rows`: each row parsed into the services' inputs, with its problems in Japanese;
- :mod:`.importer`: the plan (matches, duplicates, refusals) and its application in one
  transaction; :mod:`.report`: the row-by-row report.
"""
