"""Custom actions: thin wrappers that read slots, call bot/, knowledge/ and calculator/, and reply."""

from bot.console import hook

hook.install()  # every action's turn is logged for the bureau's console (bot/console/queue.py)
