"""``python -m bot.reports``: show or list pre-screening reports."""

import sys

from bot.reports.cli import main

sys.exit(main())
