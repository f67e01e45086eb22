"""A statement of 第二条's facts after this conversation saved a pre-screening report (bot/prescreen/after_report.py)."""

from typing import Optional

from actions.common import user_text
from bot.reports import get_report


def fact_after_report(dispatcher, tracker) -> Optional[list]:
    """「财务制度健全规范」 after a saved report: the latest report is said to stand, or how it differs; None when
    no report was saved here or the message states no 第二条 fact."""
    from bot.prescreen import after_report

    refs = tracker.get_slot("report_refs") or []
    if not refs or not after_report.stated_facts(user_text(tracker)):
        return None
    text = after_report.reply(user_text(tracker), get_report(refs[-1], tracker.sender_id))
    if text is None:
        return None
    dispatcher.utter_message(text=text)
    return []
