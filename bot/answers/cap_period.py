"""「那个50万上限是每年50万还是总共50万」: whether a support item's own cap, named by its figure, is a yearly one or a
total. Answered from the cap's own words (knowledge/data/figures.yml): 「补贴总额最高为50万元」 says 总额 and no year,
「单个企业年度奖励金额最高200万元」 says 年度. The 500万 annual total of 第四条第（三）项 is named beside it, never in
its place. Asked in routes.yml's `cap_period` words, with the cap's figure said (else None: another answer takes it)."""

import re
from decimal import Decimal
from typing import List, Optional

from knowledge import query, shapes

from bot.answers.model import Answer

YEARLY = re.compile(r"每年|年度|全年|一年")
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*万")


def _caps_named(t: str) -> List[tuple]:
    """(clause, figure) of each support item's cap whose amount the question names (「50万」)."""
    said = {Decimal(m.group(1)) * 10000 for m in AMOUNT.finditer(t)}
    out = []
    for c in query.clauses():
        for f in c.get("figures") or ():
            if ("cap" in f["key"] or "max" in f["key"]) and f.get("bound") == "最高" and Decimal(f["value"]) in said:
                if c["code"] != "4.3":
                    out.append((c, f))
    return out


def answer(t: str, topic_clause: Optional[str] = None, named: Optional[List[str]] = None) -> Optional[Answer]:
    """The cap's own words and whether they say a year; None when not asked or no item's cap is named by its figure.
    Of several items with that figure, the ones the question names (`named`), else the item talked about."""
    if not shapes.search("cap_period", t):
        return None
    found = _caps_named(t)
    for codes in (named or [], [topic_clause] if topic_clause else []):
        if any(c["code"] in codes for c, _ in found):
            found = [(c, f) for c, f in found if c["code"] in codes]
            break
    if not found:
        return None
    lines = []
    for c, f in found:
        amount = f"{Decimal(f['value']) / 10000:g}万元"
        said = f"依据{c['label']}（{c['title']}）：原文为“{f['text']}”。"
        if YEARLY.search(f["text"]):
            said += f"条文写明这是年度上限，即每年最高{amount}。"
        else:
            what = "写的是“总额”，" if "总额" in f["text"] else ""
            said += (
                f"条文{what}没有写“每年”，按条文字面这是这一项补贴的{'总额' if what else ''}上限，不是每年{amount}；"
                "如何按年度核定，以市商务局会同市财政局另行制定的实施细则为准。"
            )
        lines.append(said)
    total = query.document()["annual_total_cap"]
    lines.append(
        f"另外，各项奖补加起来另有年度总额上限：{total['text'].rstrip('。')}（{query.clause(total['clause'])['label']}）。"
    )
    return Answer("\n".join(lines), clause=found[0][0]["code"])
