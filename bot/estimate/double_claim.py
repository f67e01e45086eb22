"""An estimate asked beside a double claim (「郑州另一个科技政策已经给我们补过这笔钱了 还能再按服务外包政策报一遍吗 如果
我们放弃那边选这边 能补多少」): the amount is estimated, and 第四条第（三）项's rule is said under it in its own words
(不得重复申报, 由申报企业自行选择), never lost in the estimate. Words in knowledge/data/document.yml (`no_double_claim`)
and routes.yml (`double_claim_outright`, `claimed_elsewhere`)."""

from typing import Optional

from knowledge import shapes


def asks_double_claim(text: str) -> bool:
    """Whether the text says one expense was paid by another policy or asks to claim it twice."""
    return bool(shapes.search("double_claim_outright", text) or shapes.search("claimed_elsewhere", text))


def note(text: str, noted=()) -> Optional[str]:
    """「关于重复申报：依据第四条第（三）项，“…不得重复申报”；…」 for an estimate's text that says or asks it; None when it
    does not, or when a note already quotes the rule (a fair left out as claimed elsewhere, fair_elsewhere.py)."""
    from knowledge import query
    from knowledge.sources import load_cached

    if not asks_double_claim(text):
        return None
    rule = load_cached("document")["no_double_claim"]
    words = str(rule["text"]).rstrip("。")
    if any(words in (n or "") for n in noted):
        return None
    label = query.clause(rule["clause"])["label"]
    return f"关于重复申报，依据{label}：“{words}”；{rule['beside_estimate']}"
