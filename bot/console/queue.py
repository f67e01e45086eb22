"""What the action side logs for the console: every turn (for usage) and the answers that need review.

``record_action(action_call, response)`` is called by the action server after each action
(``bot/console/hook.py``) with rasa_sdk's request and answer: the tracker's latest message
(text, intent, confidence, message id, input channel) and the messages the action sent. It
writes one ``turns`` row per user message and queues the message for review when

* the action is ``action_default_fallback`` (reason ``fallback``),
* the NLU confidence is below ``LOW_CONFIDENCE`` (``low_confidence``; not for answers a form
  validated, which the form checks itself),
* a reply says 「没有理解」 (``not_understood``).

``note_estimate(sender_id, total)`` is the one call an action makes itself: the total of an estimate
it answered, for the usage page. ``record_feedback`` takes 👍/👎 from the web chat (👎 is queued).
Logging never breaks a turn: every error is logged and swallowed by the caller.
"""

import os
import re
import threading
import time
from datetime import datetime
from decimal import Decimal
from typing import Dict, List, Optional
from zoneinfo import ZoneInfo

from bot.console import store

TIMEZONE = ZoneInfo("Asia/Shanghai")
LOW_CONFIDENCE = float(os.environ.get("CONSOLE_LOW_CONFIDENCE", "0.6") or 0.6)
NOT_UNDERSTOOD = "没有理解"
OUT_OF_SCOPE_MARK = "超出了我的范围"
SKIPPED_CHANNELS = {"warmup"}
MAX_TEXT = 2000

CATALOG_INTENTS = {"ask_catalog", "ask_domain_of_business", "ask_business_scope"}
ESTIMATE_INTENTS = {"estimate_award", "estimate_total"}
PRESCREEN_INTENTS = {"prescreen_start", "query_report"}

# 150万, 7.05, 1,200, ２０ — and Chinese numerals before a unit (三万五, 一百二十万元)
FIGURE = re.compile(
    r"[0-9０-９]+(?:[.,，][0-9０-９]+)*"
    r"|[零〇一二两三四五六七八九十百千]+[万亿][零〇一二两三四五六七八九十百千]*"
    r"|[零〇一二两三四五六七八九十百千]{2,}(?=[元块个人场年])"
)
MASK = "＊"

LOGGING = {"on": False}  # set by hook.install(): without the hook nothing would take the notes
_estimates: Dict[str, Decimal] = {}
_estimates_lock = threading.Lock()


def mask_figures(text: str) -> str:
    """The text with every figure the user typed replaced by ＊ (150万美元 → ＊万美元)."""
    return FIGURE.sub(MASK, text or "")


def local_day(at: float) -> str:
    return datetime.fromtimestamp(at, TIMEZONE).strftime("%Y-%m-%d")


def note_estimate(sender_id: str, total) -> None:
    """Remember the total of the estimate being answered in this conversation's current turn."""
    if not LOGGING["on"]:
        return
    with _estimates_lock:
        _estimates[str(sender_id)] = Decimal(str(total))


def _take_estimate(sender_id: str) -> Optional[Decimal]:
    with _estimates_lock:
        return _estimates.pop(str(sender_id), None)


def topic_of(intent: Optional[str], action: str, events: List[dict]) -> Optional[str]:
    """eligibility, catalog, subsidy:<clause>, rules, estimate, prescreen, or None (not a policy question)."""
    if "prescreen" in action or intent in PRESCREEN_INTENTS or action == "action_query_report":
        return "prescreen"
    if "estimate" in action or intent in ESTIMATE_INTENTS:
        return "estimate"
    if intent == "ask_eligibility":
        return "eligibility"
    if intent in CATALOG_INTENTS:
        return "catalog"
    if intent == "ask_subsidy":
        clause = next(
            (e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == "topic_clause"), None
        )
        return f"subsidy:{clause}" if clause else "subsidy"
    if intent == "ask_general_rules":
        return "rules"
    return None


def reply_texts(responses: List[dict]) -> List[str]:
    """The texts an action sent (a response template by its name in brackets)."""
    out = []
    for r in responses or []:
        if r.get("text"):
            out.append(str(r["text"]))
        elif r.get("response") or r.get("template"):
            out.append(f"[{r.get('response') or r.get('template')}]")
    return out


def review_reasons(action: str, intent: Optional[str], confidence: Optional[float], replies: List[str]) -> List[str]:
    """Why this answer needs a look from staff (empty when it does not)."""
    reasons = []
    if action == "action_default_fallback":
        reasons.append("fallback")
    if confidence is not None and confidence < LOW_CONFIDENCE and not action.startswith("validate_"):
        reasons.append("low_confidence")
    if any(NOT_UNDERSTOOD in r for r in replies):
        reasons.append("not_understood")
    return reasons


def _message_id(tracker: dict) -> str:
    latest = tracker.get("latest_message") or {}
    if latest.get("message_id"):
        return str(latest["message_id"])
    for event in reversed(tracker.get("events") or []):
        if event.get("event") == "user":
            return f"{event.get('timestamp')}"
    return ""


def record_action(action_call: dict, response: Optional[dict], now: Optional[float] = None) -> None:
    """Log one action's turn (see the module docstring)."""
    tracker = action_call.get("tracker") or {}
    channel = tracker.get("latest_input_channel") or "rest"
    sender = tracker.get("sender_id") or action_call.get("sender_id") or ""
    if channel in SKIPPED_CHANNELS or not sender or sender.startswith("__"):
        return
    latest = tracker.get("latest_message") or {}
    text = (latest.get("text") or "")[:MAX_TEXT]
    if not text.strip():
        return
    action = action_call.get("next_action") or ""
    intent_info = latest.get("intent") or {}
    intent = intent_info.get("name")
    confidence = intent_info.get("confidence")
    confidence = float(confidence) if isinstance(confidence, (int, float)) else None
    response = response or {}
    replies = reply_texts(response.get("responses"))
    now = time.time() if now is None else now
    conversation = store.conversation_hash(sender)
    message_id = _message_id(tracker)
    total = _take_estimate(sender)
    answered = not any(NOT_UNDERSTOOD in r or OUT_OF_SCOPE_MARK in r for r in replies)
    store.record_turn(
        {
            "conversation": conversation,
            "message_id": message_id,
            "at": now,
            "day": local_day(now),
            "channel": channel,
            "intent": intent,
            "confidence": confidence,
            "topic": topic_of(intent, action, response.get("events") or []),
            "answered": 1 if answered else 0,
            "estimate_total": str(total) if total is not None else None,
        }
    )
    reasons = review_reasons(action, intent, confidence, replies)
    if reasons:
        store.queue_question(
            {
                "conversation": conversation,
                "message_id": message_id,
                "at": now,
                "day": local_day(now),
                "channel": channel,
                "reasons": ",".join(reasons),
                "text": text,
                "reply": "\n".join(replies)[:MAX_TEXT],
                "intent": intent,
                "confidence": confidence,
            }
        )


def record_feedback(sender: str, rating: str, question: str, answer: str, now: Optional[float] = None) -> None:
    """👍 (``up``) or 👎 (``down``) under an answer in the web chat; 👎 queues the question."""
    if rating not in ("up", "down"):
        raise ValueError("rating must be up or down")
    now = time.time() if now is None else now
    conversation = store.conversation_hash(sender)
    store.add_feedback({"conversation": conversation, "at": now, "day": local_day(now), "rating": rating})
    if rating == "down" and question.strip():
        store.queue_question(
            {
                "conversation": conversation,
                "message_id": "feedback:" + store.conversation_hash(question + "\x00" + answer),
                "at": now,
                "day": local_day(now),
                "channel": "web",
                "reasons": "thumbs_down",
                "text": question[:MAX_TEXT],
                "reply": answer[:MAX_TEXT],
                "intent": None,
                "confidence": None,
            }
        )
