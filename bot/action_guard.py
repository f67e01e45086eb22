"""An action that raises still answers: the user gets a plain Chinese apology instead of the channel's "busy"
reply, the conversation keeps every slot it had (no slot events), and the failure is logged with its traceback.
The apology ends the turn (a follow-up `action_listen`): with nothing else said, the policies would go on predicting
fallbacks after it until Rasa's circuit breaker stopped them, ten apologies in one reply.

``install()`` wraps rasa_sdk's ``ActionExecutor.run`` (rasa-sdk 3.x) once; it is called from ``actions/__init__.py``
before the console hook, so the console records the apology and queues the message for staff (the apology says
「没有理解」, the console's not-understood mark). ``ACTION_GUARD=0`` turns it off (tests of the raw failure path).
"""

import logging
import os

from bot.guard import FAILED_ACTION_TEXT

logger = logging.getLogger(__name__)
_INSTALLED_FLAG = "_failure_guarded"


def failed_response() -> dict:
    """The executor's answer for an action that raised: one apology, then listening; no slot is changed."""
    return {"events": [{"event": "followup", "name": "action_listen"}], "responses": [{"text": FAILED_ACTION_TEXT}]}


def install() -> bool:
    if os.environ.get("ACTION_GUARD", "1") == "0":
        return False
    from rasa_sdk.executor import ActionExecutor, ActionNotFoundException

    original = ActionExecutor.run
    if getattr(original, _INSTALLED_FLAG, False):
        return True

    async def run(self, action_call):
        try:
            return await original(self, action_call)
        except ActionNotFoundException:
            raise
        except Exception:  # noqa: BLE001 - any failure of an action's own code is answered, not passed on
            logger.exception("action %s failed; answered with an apology", action_call.get("next_action"))
            return failed_response()

    setattr(run, _INSTALLED_FLAG, True)
    ActionExecutor.run = run
    return True
