"""What every channel checks before a message reaches the NLU, and the replies it gives instead.

Standard library only (the web server imports it too). One place for the limits and the
Chinese texts, so the REST channel (bot/channels/rest.py), WeChat (bot/channels/wechat.py) and
the web chat server (bot/webserver.py) answer bad input the same way:

* a message that is not text (a number, null, a list, an object, true/false) → what was wrong;
* lone UTF-16 surrogates (``"\\ud800"``: a half emoji) and NUL characters are dropped, with a
  note in the reply; a message of nothing else is answered like an empty one;
* a message longer than ``MAX_MESSAGE_CHARS`` never reaches the NLU: a polite reply says so.

Environment: ``MAX_MESSAGE_CHARS`` (default 2000).
"""

import os
import re
from typing import Any, Optional, Tuple


def _env_int(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


MAX_MESSAGE_CHARS = _env_int("MAX_MESSAGE_CHARS", 2000)
MAX_SENDER_CHARS = 128

# Lone surrogates cannot be encoded as UTF-8 (the entity ruler, SQLite and every HTTP reply
# fail on them); NUL ends strings in C libraries. Valid pairs are one character after JSON
# decoding, so only halves are left to match here.
_UNREADABLE = re.compile("[\ud800-\udfff\x00]")

EXAMPLE = "例如“我们能申报吗？”或“离岸执行额150万美元能拿多少？”"
EMPTY_TEXT = "消息是空的。请直接输入您的问题，" + EXAMPLE
UNREADABLE_ONLY_TEXT = "消息里只有无法识别的字符（可能是表情符号没有完整发送）。请重新输入文字，" + EXAMPLE
UNREADABLE_NOTE = "（您的消息中有无法识别的字符，已忽略。）"
BUSY_TEXT = "助手正忙，请稍后重试：刚才这条消息还没有处理，请过一会儿重新发送。"
FAILED_ACTION_TEXT = (
    "抱歉，这条消息我没有理解完整，没能给出答复（已记录，工作人员会查看）。"
    "请把问题拆开、换个说法再问一次，您之前告诉我的信息都还在。"
)
KIND_NAMES = {
    bool: "真假值（true/false）",
    int: "数字",
    float: "数字",
    list: "列表",
    dict: "对象",
    type(None): "空值（null）",
}


def too_long_text(length: int, limit: int = MAX_MESSAGE_CHARS) -> str:
    return (
        f"您的消息有{length}字，超过了{limit}字的上限，我没有处理。"
        f"请只发送问题本身（{limit}字以内），或分成几条较短的消息发送。"
    )


def not_text_text(value: Any) -> str:
    kind = KIND_NAMES.get(type(value), "非文字内容")
    return f"消息内容应为文字，收到的是{kind}，无法处理。请直接输入您的问题，" + EXAMPLE


def clean_text(text: str) -> Tuple[str, bool]:
    """(text without lone surrogates and NULs, whether anything was dropped)."""
    cleaned = _UNREADABLE.sub("", text)
    return cleaned, len(cleaned) != len(text)


def check_message(value: Any, limit: int = MAX_MESSAGE_CHARS) -> Tuple[Optional[str], Optional[str], Optional[str]]:
    """Decides what to do with a message as it arrived (any JSON value).

    Returns (text, reply, note):
    * text: what goes to the NLU (stripped, cleaned), or None when nothing should;
    * reply: the reply to give instead when text is None;
    * note: a line to put before the assistant's answer (characters were dropped), or None.
    """
    if not isinstance(value, str):
        return None, not_text_text(value), None
    if len(value) > limit * 4:  # far too long: do not even clean it
        return None, too_long_text(len(value), limit), None
    text, dropped = clean_text(value)
    text = text.strip()
    if not text:
        return None, (UNREADABLE_ONLY_TEXT if dropped else EMPTY_TEXT), None
    if len(text) > limit:
        return None, too_long_text(len(text), limit), None
    return text, None, (UNREADABLE_NOTE if dropped else None)


def check_sender(value: Any) -> Optional[str]:
    """The conversation id as text, or None when `value` cannot be one (missing, empty, too long,
    not text or a whole number, or unencodable)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_SENDER_CHARS or _UNREADABLE.search(value):
        return None
    return value
