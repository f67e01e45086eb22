"""`python -m calculator [--jsonl] [FILE]`: see calculator/cli.py."""

import sys

from .cli import main

sys.exit(main())
