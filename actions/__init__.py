"""Custom actions: thin wrappers that read slots, call bot/, knowledge/ and calculator/, and reply."""

import re

from bot import action_guard
from bot.console import hook

# The readers use well over re's 512 remembered patterns (many built from word lists): past that, re forgot the
# oldest and compiled them again, turn after turn (about a tenth of the action server's time). Same patterns,
# compiled once.
re._MAXCACHE = max(re._MAXCACHE, 8192)

action_guard.install()  # an action that raises answers an apology (bot/action_guard.py)
hook.install()  # every action's turn is logged for the bureau's console (bot/console/queue.py)
