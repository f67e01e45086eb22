"""「增量奖励的200万上限和离岸奖励的200万上限是分开算的吗」「is the 200万 cap … separate from …」: whether the caps of
two support items are each item's own or shared. Each item of 第三条 is held to its own cap (figures.yml), none
takes from another's; what they share is 第四条第（三）项's annual total for one enterprise. Asked in routes.yml's
`caps_separate` words."""

from typing import List, Optional

from knowledge import query, shapes

from bot.answers.model import Answer


def _cap_line(code: str) -> str:
    caps = [f["text"] for f in query.clause(code)["figures"] if "cap" in f["key"] or "max" in f["key"]]
    return "；".join(caps)


def answer(t: str, named: List[str]) -> Optional[Answer]:
    """The items `named` (router.items_named): their own caps, said to be separate, and the annual total they share;
    None when not asked."""
    if not shapes.search("caps_separate", t):
        return None
    codes = [c for c in dict.fromkeys(named) if _cap_line(c)]
    if len(codes) < 2:
        return None
    total = query.document()["annual_total_cap"]
    lines = ["分开算，各项分别单独封顶，互不占用对方的额度："]
    for code in codes:
        c = query.clause(code)
        lines.append(f"· {c['label']}（{c['title']}）：{_cap_line(code)}。")
    lines.append(
        f"两项都符合条件时各自按自己的上限计算，可以同时拿到。所有奖补加起来另有年度总额上限："
        f"{total['text'].rstrip('。')}（{query.clause(total['clause'])['label']}）。"
    )
    return Answer("\n".join(lines), clause=codes[0])
