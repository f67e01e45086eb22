"""The one place the action server calls the console: after each action, ``queue.record_action``.

``install()`` wraps rasa_sdk's ``ActionExecutor.run`` (rasa-sdk 3.6) so that every action's
request and answer are logged without any action knowing about it. It is called from
``actions/__init__.py``, so it works under ``python -m bot.action_server`` and
``rasa run actions`` alike. ``CONSOLE_LOG=0`` turns it off. A logging error never changes the
answer: it is logged and the action's response is returned as it was.
"""

import logging
import os

logger = logging.getLogger(__name__)
_INSTALLED_FLAG = "_console_logged"


def install() -> bool:
    """Wrap ActionExecutor.run once; returns whether logging is on."""
    if os.environ.get("CONSOLE_LOG", "1") == "0":
        return False
    from rasa_sdk import __version__ as sdk_version
    from rasa_sdk.executor import ActionExecutor

    if not sdk_version.startswith("3."):
        logger.warning("console logging off: rasa-sdk %s is not 3.x", sdk_version)
        return False
    original = ActionExecutor.run
    if getattr(original, _INSTALLED_FLAG, False):
        return True

    async def run(self, action_call):
        response = await original(self, action_call)
        try:
            from bot.console import queue

            queue.record_action(action_call, response)
        except Exception as exc:  # noqa: BLE001 - logging must never break a turn
            logger.error("console: could not log the turn: %s: %s", type(exc).__name__, exc)
        return response

    setattr(run, _INSTALLED_FLAG, True)
    ActionExecutor.run = run
    from bot.console import queue

    queue.LOGGING["on"] = True
    return True
