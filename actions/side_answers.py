"""The side questions of a message that its main answer left out (bot/prescreen/side_questions.py): who an item meant
for another kind of applicant supports (「入驻企业的房租补贴能不能直接给我们园区」), what an item with no figure pays
(「政府购买培训服务 这个标准是多少钱一个人」). Said after the main answer, unless it already names that item."""

import re


def _said_this_turn(tracker) -> list:
    """The bot's texts since the user's last message (an action before this one in the same turn)."""
    out = []
    for e in reversed(getattr(tracker, "events", None) or []):
        if e.get("event") == "user":
            break
        if e.get("event") == "bot" and e.get("text"):
            out.append(e["text"])
    return out


def side_answers(dispatcher, tracker) -> None:
    """Utter each side question's line whose clause no message of this turn names."""
    from actions.common import user_text
    from bot.nlu.normalize import normalize
    from bot.prescreen.session import PrescreenSession
    from bot.prescreen.side_questions import no_amount_lines, recipient_lines

    text = normalize(user_text(tracker) or "")
    if not text:
        return
    s = PrescreenSession()
    s._read_applicant(text, by_items=False)
    said = "\n".join(m.get("text") or "" for m in getattr(dispatcher, "messages", []) or [])
    said += "\n".join(_said_this_turn(tracker))
    # who an item supports is said even beside its 0 (「租金补贴：不符合条件，0元——申报主体须为企业」 names no one who can)
    for line in recipient_lines(s.applicant, text):
        if line not in said:
            dispatcher.utter_message(text=line)
    for line in no_amount_lines(text):
        label = re.match(r"另外，您问的(第[^（]*?(?:（[一二三四五六七八九十]）项)?(?:第\d点)?)（", line)
        if "实施细则" not in said and (not label or label.group(1) not in said):
            dispatcher.utter_message(text=line)
