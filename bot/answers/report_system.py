"""Where the business is registered and reported (routes.yml `report_system`): 「在哪个系统填报」「which system do we
report in」. The answer is 第二条's own condition (注册并及时填报 in the system the policy names), and 第一条's sentence
that the 执行额 is read from that system's 当年填报情况 — both quoted from knowledge/, never a URL or an account."""

import re
from typing import Optional

from knowledge import query, shapes

from bot.answers.model import Answer

SYSTEM = re.compile(r"商务部“[^”]*系统”")


def asked(text: str) -> bool:
    """Whether a question asks in which system (or where) the business is registered and reported."""
    return bool(shapes.search("report_system", text or ""))


def _sentence(code: str, word: str) -> str:
    """The sentence of a clause's text that contains `word`."""
    return next((s + "。" for s in query.clause(code)["text"].split("。") if word in s), "")


def answer(text: str) -> Optional[Answer]:
    """The system named by 第二条 and what 第一条 reads from it; None when the question does not ask it."""
    if not asked(text):
        return None
    second, first = query.clause("2"), query.clause("1")
    condition = _sentence("2", "注册")
    system = SYSTEM.search(condition).group(0)
    return Answer(
        f"在{system}中注册并填报。依据{second['label']}（{second['title']}）：{condition}"
        f"这是申报资格的条件之一：没有注册、或没有及时填报的，不符合申报资格。\n"
        f"依据{first['label']}：{_sentence('1', '执行额')}"
        f"也就是说，各年度的合同执行额以该系统中当年的填报为准。系统的网址和账号开通办法，政策原文没有写，"
        f"请以市商务局的通知为准。",
        clause="2",
    )
