"""The bureau's web console (issue 17), served by bot/webserver.py under /console/.

Small modules: ``store`` (the one place with SQL: accounts, sessions, sign-in failures, turns and
the review queue), ``auth`` (password hashing, signed session cookies, CSRF tokens, sign-in rate
limit), ``queue`` (what the action side logs: every turn for usage, the answers that need review),
``hook`` (the one line that makes the action server call ``queue``), ``usage`` (the charts' numbers),
``export`` (CSV, .xlsx, Rasa NLU YAML), ``markdown`` (the report's Markdown as HTML), ``views``
(pages and routes) and ``cli`` (``make console-user``, ``make purge``).
"""
