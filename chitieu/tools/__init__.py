"""Tools for journalists and dashboards, on the tables ``chitieu extract`` wrote.

``check`` (a claim against the targets), ``conflicts`` (contradictions and a timeline),
``report`` (one HTML page to review every extraction) and ``publish`` (SQLite for datasette,
typed Parquet); ``cli`` adds them to the ``chitieu`` command line. They read the tables only
through :mod:`chitieu.tools.tables` and run the extraction only through
:func:`chitieu.pipeline.run.process_document`.
"""
