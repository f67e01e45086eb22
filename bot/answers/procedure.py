"""「今年的申报啥时候开始啊 截止到哪天 材料交到哪个窗口」: when applications open, until when, where and with which
documents — none of it is in the policy. The answer says so plainly (本政策未规定…, naming what was asked), and who
settles it: 第四条第（一）项, the 实施细则 that 市商务局 makes with 市财政局, and 市商务局's notices. No date, place, window
or list of documents is made up. The words are routes.yml `logistics_*`; the policy's own dates (发布、执行、有效期) stay
general.py's."""

from typing import List, Optional

from knowledge import query, shapes

from bot.answers.model import Answer
from bot.understand.segment import clauses, is_question


def aspects(t: str) -> List[str]:
    """What of the application's logistics the text asks, in the answer's words (empty when none)."""
    found = (
        ("每年申报的开始时间", shapes.search("logistics_start", t)),
        ("截止日期", shapes.search("logistics_deadline", t)),
        ("受理窗口和提交地点", shapes.search("logistics_place", t)),
        ("需要提交的申报材料", shapes.search("logistics_materials", t)),
    )
    return [name for name, hit in found if hit]


def asked(t: str, context: str = "") -> bool:
    """Whether `t` asks when, until when, where or with what to apply: an aspect asked in a clause that asks (「申报材料里
    要写清楚领域」 says where something goes, it asks nothing of the application), and the text (or the message it is
    part of, `context`) speaks of applying."""
    if not _asked_aspects(t):
        return False
    return bool(shapes.search("logistics_subject", t) or shapes.search("logistics_subject", context))


def _asked_aspects(t: str) -> List[str]:
    return list(dict.fromkeys(a for c in clauses(t) if is_question(c) for a in aspects(c)))


def whole_message(t: str, parts: list) -> bool:
    """Whether every question of the message asks the application's logistics (「啥时候开始 截止到哪天 交到哪个窗口」):
    one answer for all of them."""
    return (
        bool(parts)
        and shapes.search("logistics_subject", t) is not None
        and all(aspects(p) and not other_questions(p) for p in parts)
    )


def other_questions(t: str) -> str:
    """The clauses of `t` that ask something other than the application's logistics (「离岸奖励最高多少 今年几月份能报」
    → 「离岸奖励最高多少」), with the statements before them; empty when every question is about the logistics."""
    kept, pending = [], []
    for c in clauses(t):
        if aspects(c):
            pending = []
            continue
        pending.append(c)
        if is_question(c):
            kept += pending
            pending = []
    return " ".join(kept)


def answer(t: str, context: str = "") -> Optional[Answer]:
    """本政策未规定 what was asked, and where it is settled; None when the text asks no such thing."""
    if not asked(t, context):
        return None
    asked_here = _asked_aspects(t)
    d = query.document()
    rules = query.clause("4.1")
    return Answer(
        f"本政策（{d['doc_no']}）没有规定{'、'.join(asked_here)}，我不能替您给出具体日期、地点或材料清单。\n"
        f"依据{rules['label']}：{rules['text']}\n"
        f"具体以{d['sponsor']}会同市财政局制定的实施细则和{d['sponsor']}发布的年度申报通知为准，"
        "请留意这些通知或直接向其咨询。",
        clause="4.1",
    )
