"""「再建第二个平台 是不是又可以再补」: whether a further public service platform is subsidised again. 三（九）'s cap is
each platform's own (单个平台), so each platform is reckoned on its own purchases; what all awards share is
第四条第（三）项's annual total for one enterprise. Asked in routes.yml's `another_platform` words."""

from typing import Optional

from knowledge import query, shapes

from bot.answers.model import Answer


def answer(t: str) -> Optional[Answer]:
    """The answer on a further platform, or None when the message does not ask it."""
    if not shapes.search("another_platform", t):
        return None
    clause = query.clause("3.9")
    figures = {f["key"]: f["text"] for f in clause["figures"]}
    total = query.document()["annual_total_cap"]
    text = (
        f"每个平台分别计算，另建的平台也按它自己的购置费用申请。依据{clause['label']}（{clause['title']}）：{figures['rate']}，"
        f"{figures['platform_cap_cny']}——这是每个平台各自的上限，第二个平台按它自己的购置费用另算、另有自己的上限，"
        f"不占用第一个平台的额度。但所有奖补加起来另有年度总额上限：{total['text'].rstrip('。')}"
        f"（{query.clause(total['clause'])['label']}）。"
    )
    return Answer(text, clause="3.9")
