"""Figures in a message that belong to the policy, not to the user's business: 「技术先进型那个10万是每年都给吗」 (a
figure of the item named, after 那个/这个: estimate_words.yml `quoted_figure`), 「Is the cap 200万 per year?」
「离岸奖励上限是不是200万」 (a figure right after a cap word: `cap_asks`). Such a figure is asked about, never read
as an amount of the user's, and no estimate asks what it is. Read by bot/estimate/session.own_figures and the
estimate's Reader alike, so a question part's policy figure never reaches another part's estimate."""

import re
from functools import lru_cache

from bot.estimate.reading import alternation, estimate_words


@lru_cache(maxsize=1)
def _cap_asked():
    w = estimate_words()["cap_asks"]
    return re.compile(rf"(?:{alternation(w['caps'])})\s*(?:{alternation(w['links'])})?\s*$", re.I)


def asks_cap(text: str, f) -> bool:
    """「上限是不是200万」「the cap 200万」: a money figure right after a cap word is the cap asked about."""
    return (
        f.kind == "money" and bool(_cap_asked().search(text[max(0, f.start - 10) : f.start])) and not granted(text, f)
    )


def granted(text: str, f) -> bool:
    """「境外展会补贴已按上限30万核定」: an award granted (核定/批了/到账 …) at the cap is an amount of the user's."""
    return bool(re.match(r"\s*元?\s*(?:核定|批了|批下来|拿到|到账|发了|发放)", text[f.end : f.end + 8]))


def quotes_item_figure(text: str, f) -> bool:
    """「技术先进型…能拿那10万吗」: a yuan figure after 那/这个 that is one of the policy's own figures of an item the
    message names quotes the policy, not the user's amount."""
    from bot.estimate.items import detect_items
    from knowledge.figures import figures as policy_figures

    if f.kind != "money" or f.currency not in (None, "CNY") or f.value is None:
        return False
    words = estimate_words()["quoted_figure"]
    before = text[max(0, f.start - 8) : f.start].rstrip()
    for between in words.get("between") or ():  # 「那个一次性20万」: the policy's own word of the figure
        if before.endswith(between):
            before = before[: -len(between)]
            break
    if not any(before[-2:].endswith(w) for w in words["before"]):
        return False
    codes = {c.rstrip("ab") for c in detect_items(text)}
    return any(
        p["key"].endswith("_cny") and p["value"] == f.value
        for code in codes
        for p in policy_figures(code.rstrip("ab") if code != "3.8.2" else code)
    )


def quotes_step_figure(text: str, f) -> bool:
    """「外资每1000万美元奖多少」: a money figure right after 每 that is one of the policy's own steps (a figure the
    policy gives per unit, knowledge/figures `bound: 每`) asks what that step earns; it is not the user's amount."""
    from knowledge.figures import all_figures

    if f.kind != "money" or f.value is None or not text[max(0, f.start - 1) : f.start].endswith("每"):
        return False
    return any(p.get("bound") == "每" and p["value"] == f.value for fs in all_figures().values() for p in fs)


RESULT_ASKED = re.compile(r"(能|可以|可|能够)(再|还|又|再次)?(补|拿|领|奖|得)(到)?\s*$")


def asks_result(text: str, f) -> bool:
    """「CMMI那个是不是能补35万」: a money figure right after 能补/能拿 is the award the user guesses and asks about,
    not an amount spent or earned."""
    return f.kind == "money" and bool(RESULT_ASKED.search(text[max(0, f.start - 4) : f.start]))


@lru_cache(maxsize=1)
def _policy_caps() -> frozenset:
    """Every yuan figure the policy bounds with 最高/最多 (item caps and the 500万 yearly total)."""
    from knowledge.figures import all_figures

    return frozenset(
        p["value"]
        for items in all_figures().values()
        for p in items
        if p["key"].endswith("_cny") and p.get("bound") in ("最高", "最多")
    )


def names_cap(text: str, f) -> bool:
    """「这些一起拿会不会超过500万封顶」: a yuan figure of one of the policy's caps, followed by a cap word, names
    the cap; the user's own amount is never followed by 封顶/上限."""
    if f.kind != "money" or f.currency not in (None, "CNY") or f.value not in _policy_caps():
        return False
    words = estimate_words()["cap_named"]
    if granted(text, f):
        return False
    if re.search(rf"(?:{alternation(words.get('before') or [])})\s*$", text[max(0, f.start - 8) : f.start]):
        return True  # 「每项按上限算最多多少 会不会超过500万」: whether the sum reaches that cap
    if _quotes_cap(text, f, words):
        return True  # 「境外每场最高5万是吧」: the cap quoted with the policy's own word, not a cost of the user's
    after = alternation(words["after"])
    # 「平台投入200万 上限是多少」 asks the cap beside the user's own 200万: that figure stays the user's
    return bool(re.match(rf"\s*(元)?\s*(?:{after})(?!\s*(是|为|有)?\s*(多少|几|啥|什么))", text[f.end : f.end + 12]))


def _quotes_cap(text: str, f, words: dict) -> bool:
    """「境外每场最高5万是吧」「每人最多补3万」「国内单场最高2万吗」: one of the policy's caps right after its own cap
    word (`quoted`) quotes the cap when the cap word says it is paid (最高补/最多给 …), or a unit or region the policy
    caps by stands before it (每场/每年/境外 …: `quoted_lead`), or a check follows it (是吧/对吧/吗 …: `quoted_tail`).
    「三场展位费最高5万 最低2万」 has none of these: the user's own figures."""
    m = re.search(
        rf"({alternation(words.get('quoted') or [])})\s*(?:是|为|就是)?\s*$", text[max(0, f.start - 8) : f.start]
    )
    if not m:
        return False
    if re.search(r"补|给|奖", m.group(1)):
        return True
    start = max(0, f.start - 8) + m.start()
    if re.search(rf"(?:{alternation(words.get('quoted_lead') or [])})\s*(?:的)?\s*$", text[max(0, start - 6) : start]):
        return True
    return bool(re.match(rf"\s*元?\s*(?:{alternation(words.get('quoted_tail') or [])})", text[f.end : f.end + 8]))


@lru_cache(maxsize=1)
def _policy_thresholds() -> frozenset:
    """(value, currency) of every money figure the policy bounds as a threshold (超过/以上/不低于 …)."""
    from knowledge.figures import all_figures

    return frozenset(
        (p["value"], "USD" if p["key"].endswith("_usd") else "CNY")
        for items in all_figures().values()
        for p in items
        if p["key"].endswith(("_usd", "_cny")) and p.get("bound") not in ("最高", "最多", "每")
    )


def names_threshold(text: str, f) -> bool:
    """「够不够那个100万美元的门槛」「500万那条线」: one of the policy's thresholds, in its own currency, followed by a
    threshold word or after a threshold ask and 那个, names the threshold; it is never the user's amount."""
    if f.kind != "money" or f.value is None or (f.value, f.currency or "CNY") not in _policy_thresholds():
        return False
    words = estimate_words()["threshold_named"]
    if re.match(rf"\s*(?:{alternation(words['after'])})", text[f.end : f.end + 8]):
        return True
    if re.search(r"(超过|超出|达到|到|过)\s*$", text[max(0, f.start - 3) : f.start]) and re.match(
        r"\s*(了)?\s*(吗|么|没有?|不|没)(?![\u4e00-\u9fff]{0,1}(业务|离岸))", text[f.end : f.end + 6]
    ):
        return True  # 「离岸120万 超过100万美元了吗」: whether the amount passes the threshold, asked
    if re.search(r"(超过|超出|达到|过了|超了)\s*$", text[max(0, f.start - 3) : f.start]) and re.match(
        rf"\s*(?:{alternation(words['passed_asks'])})(?![\u4e00-\u9fff]{{0,1}}(业务|离岸))", text[f.end : f.end + 6]
    ):
        return True  # 「1,002,000 USD 这样算超过100万美元了吧」: whether it passes, asked with a tag
    if re.search(rf"(?:{alternation(words['compared_before'])})\s*$", text[max(0, f.start - 4) : f.start]) and re.match(
        rf"\s*(?:{alternation(words['compared_after'])})", text[f.end : f.end + 4]
    ):
        return True  # 「刚好比100万美元多一点点」: the threshold compared against, not the amount
    asks = alternation(estimate_words()["threshold_asks"])
    return bool(
        re.search(rf"(?:{asks})\s*(?:{alternation(words['between'])})\s*$", text[max(0, f.start - 8) : f.start])
    )


def is_policy_figure(text: str, f) -> bool:
    """Whether figure `f` of `text` (normalised) is the policy's, quoted or asked about."""
    return (
        asks_cap(text, f)
        or quotes_item_figure(text, f)
        or quotes_step_figure(text, f)
        or asks_result(text, f)
        or names_cap(text, f)
        or names_threshold(text, f)
    )
