"""「单项奖励最高是多少」「哪一项奖励的上限最高」: the largest cap any one support item of 第三条 has, read from
knowledge/data/figures.yml (money figures bounded 最高), the items that share it, and 第四条第（三）项's yearly total
beside it. Asked in routes.yml's `largest_item_cap` words."""

from typing import Optional

from knowledge import figures, query, shapes

from bot.answers.layers import short_ref
from bot.answers.model import Answer


def _item_caps() -> list:
    """(clause code, figure) for every money cap of a 第三条 item, largest first."""
    caps = [
        (code, f)
        for code, items in figures.all_figures().items()
        for f in items
        if code.startswith("3") and f["bound"] == "最高" and f["key"].endswith("_cny")
    ]
    return sorted(caps, key=lambda cf: -cf[1]["value"])


def answer(t: str) -> Optional[Answer]:
    """The largest single-item cap, or None when the question does not ask it."""
    from bot.estimate.items import detect_items

    if not shapes.search("largest_item_cap", t) or detect_items(t):
        return None  # 「展会补贴单项最高多少」: that item's own cap
    caps = _item_caps()
    top = caps[0][1]["value"]
    shared = [(code, f) for code, f in caps if f["value"] == top]
    amount = figures.words(shared[0][0], shared[0][1]["key"])
    where = "；".join(f"{query.clause(code)['label']}：“{f['text']}”" for code, f in shared)
    refs = "、".join(short_ref(code) for code, _ in shared)
    total = figures.words("4.3", "annual_total_cap_cny")
    text = (
        f"单项奖励的上限最高是{amount}（{refs}）：{where}。"
        f"其他各项的上限都更低。另外，单个企业一年各项合计最高{total}（第四条第（三）项）。"
    )
    return Answer(text, clause=shared[0][0])
