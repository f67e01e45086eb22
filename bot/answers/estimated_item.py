"""A question asked beside an estimate that names no item of its own: about the item just estimated.

「…硬件1200万 软件300万 哪些费用能补 按多少比例 最多能补多少钱」: 按多少比例 finds 三（二）'s words 按…比例 in the
search, but the user asks the rate and the ceiling of the platform it just gave figures for (三（九）). Such a
part carries the estimated item's name when it is answered, so the router answers it about that item. A part
about the policy's money as a whole (「一年所有补贴加起来最多能拿多少」: 第四条第（三）项), one naming an item or a
clause of its own, or one asking nothing the item's clause answers keeps its own words. Plain Python, no Rasa.
"""

from typing import Optional

from knowledge import shapes

from bot.answers import subsidies
from bot.answers.layers import clause_named


def _own_answer(part: str) -> bool:
    """A question with an answer of its own whatever item was estimated (「一年最多能报几个项目」「所有补贴加起来…」)."""
    return bool(
        shapes.search("of_the_whole_policy", part)
        or shapes.search("total_cap_question", part)
        or shapes.search("count_limit", part)
        or shapes.search("article_three_named", part)
        or clause_named(part)
    )


def item_name(code: str) -> Optional[str]:
    """The estimated item's award name (estimate_words.yml stated_awards), the one the router finds it by."""
    from bot.estimate.reading import estimate_words

    names = estimate_words()["stated_awards"]["names"].get(code) or []
    return names[0] if names else None


def asks_of_estimated(part: str, code: Optional[str]) -> bool:
    """Whether a question part beside an estimate of `code` asks that item's own standard (比例、上限、可补费用、
    全部还是超过部分…) without naming an item, a clause or the policy as a whole."""
    from bot.estimate.items import detect_items

    if not code or not code.startswith("3.") or not item_name(code):
        return False
    if detect_items(part) or _own_answer(part):
        return False
    return bool(subsidies.aspect_line(code, part))


def with_estimated_item(part: str, code: Optional[str]) -> str:
    """The part as answered: with the estimated item's name before it when it asks that item's standard."""
    return f"{item_name(code)} {part}" if asks_of_estimated(part, code) else part


def part_verdict(text: str, code: Optional[str]) -> str:
    """「…24个项目经理…每人培训费7万 另外有2个总监在读在职MBA…MBA能不能算」: beside the estimate of item `code`, a
    question about a part of it (the MBA students) that fails the item's conditions is that part's verdict, not the
    enterprise's: 「结论：不符合…，不能申报」 after a 60万 estimate read as if nothing could be applied for (R62Q018)."""
    import re

    from calculator.policy import clause_label

    if not code:
        return text
    head = re.match(rf"结论：不符合({re.escape(clause_label(code))}(?:（[^）]*）)?)的条件，不能申报。", text)
    if head is None:
        return text
    return f"您问的这部分不符合{head.group(1)}的条件，不计入上面的测算。" + text[head.end() :]
