"""第三条 (支持方向和标准): each support item's standard, conditions, caps and eligible costs."""

import re

from knowledge.figures import words as figure_words
from typing import Optional

from knowledge.figures import figures
from knowledge import conditions, query, shapes

from bot.answers import layers
from bot.answers.model import Answer
from bot.answers.named_costs import named_costs_line


def overview() -> Answer:
    """Every support direction and sub-item in one line each, with buttons to the full clauses."""
    return layers.overview()


def _figures_line(code: str, keys=None) -> str:
    figs = [f for f in query.clause(code)["figures"] if keys is None or any(k in f["key"] for k in keys)]
    return "；".join(dict.fromkeys(f["text"] for f in figs))  # 「10—30万元」 is two figures of one text


def clause_answer(code: str, text: str = "") -> Answer:
    """One clause: the asked aspect first, then its full text with the clause label (a few lines)."""
    c = query.clause(code)
    if code == "3":
        return layers.overview()
    if c.get("children"):
        return layers.detail(code)
    focus = aspect_line(code, text)
    body = f"依据{c['label']}（{c['title']}）：{c['text']}"
    extra = []
    if c.get("eligible_costs") and not re.search("费用", c["text"]):
        extra.append("可补贴的费用：" + "、".join(c["eligible_costs"]) + "。")
    if c.get("applicant") and c["applicant"] not in ("企业",):
        extra.append(f"申报主体：{c['applicant']}。")
    if code.startswith("3.") and not figures(code):
        # 三（七）1 names no amount: say so rather than let a neighbouring clause's figure answer
        extra.append(
            f"文件没有规定这一项的具体金额或比例；具体支持方式和标准以市商务局会同市财政局另行制定的实施细则为准"
            f"（{query.clause('4.1')['label']}）。"
        )
    elif code.startswith("3."):
        extra.append("告诉我具体数字，我可以帮您测算。")
    return Answer("\n".join(([focus] if focus else []) + [body] + extra), clause=code)


def once_line(code: str, text: str) -> str:
    """「以后每年都有吗」 of a clause that gives its award once (「一次性给予」): said plainly, quoting the
    clause; empty when the question does not ask it or the clause says no such thing."""
    if not text or not shapes.search("asks_recurrence", text):
        return ""
    c = query.clause(code.rstrip("ab"))
    once = shapes.search("one_off_award", c.get("text") or "")
    if not once:
        return ""
    return f"是一次性奖励，只给一次，不是每年都有：{c['label']}写的是“{once.group(0)}”。"


def whole_or_excess_line(code: str, text: str) -> str:
    """「超过100万美元之后是按全部金额算还是只算超过的那部分」 of a clause with a threshold and a rate: the threshold
    decides who gets the award, the rate is on the base the clause names (the whole amount); empty otherwise."""
    if not shapes.search("whole_or_excess", text):
        return ""
    figs = query.clause(code)["figures"]
    threshold = [f for f in figs if "threshold" in f["key"]]
    rate = [f for f in figs if f["key"] == "rate"]
    base = re.match(r"按([^（(，,%\d]+)", rate[0]["text"]) if rate else None
    if not threshold or not base:  # (三（八）3's 30% is of the rent, not of the amount its threshold is on)
        return ""
    return (
        f"按全部{base.group(1)}算，不是只算超过的那部分：“{threshold[0]['text']}”是能否享受这一项的门槛；"
        f"达到门槛后，{rate[0]['text']}，条款没有“只对超过部分”的说法（{query.clause(code)['label']}）。"
    )


def aspect_line(code: str, text: str) -> str:
    """A direct answer to 上限/比例/条件/境内外 questions, from the clause's figures."""
    if not text:
        return ""
    once = once_line(code, text)
    if once:
        return once
    whole = whole_or_excess_line(code, text)
    if whole:
        return whole
    costs = query.clause(code).get("eligible_costs") or []
    if costs and shapes.search("travel_costs", text):
        return (
            "政策列明的可补贴费用是：" + "、".join(costs) + "等；差旅（机票、酒店等）费用不在列明范围内，"
            "是否可以计入以市商务局的实施细则为准（" + query.clause("4.1")["label"] + "）。"
        )
    explained = (
        [leaf["explain"] for leaf in conditions.leaves(code) if leaf.get("explain")]
        if code in conditions.clause_codes()
        else []
    )
    if explained and shapes.search("asks_basis", text):
        return explained[0]
    if shapes.search("cost_included", text) or shapes.search("asks_which_costs", text):
        listed = named_costs_line(code, text)  # 「硬件、配套、正版软件，还有人工费，哪些能拿补贴」: each cost sorted
        if listed:
            return listed
    left_out = [
        item["why"]
        for item in query.clause(code).get("not_eligible_costs") or []
        if any(w in text for w in item["words"])
    ]
    if left_out and shapes.search("cost_included", text):
        return f"不能算：{'；'.join(dict.fromkeys(left_out))}，不在{query.clause(code)['label']}的补贴范围内（列明的是：{'、'.join(costs)}）。"
    named = [c for c in costs if c in text]
    if named and shapes.search("cost_included", text):
        return f"算，可以补：{'、'.join(named)}在政策列明的可补贴费用内（列明的是：{'、'.join(costs)}等），可以计入补贴的费用基数。"
    if code == "3.6":
        other = shapes.search("unlisted_cert", text)
        if other:
            listed = "、".join(c["code"] for c in query.clause("3.6")["certifications"])
            return (
                f"第三条第（六）项列举的是{listed}等服务外包相关行业资质，没有列出{other.group(0).upper()}；"
                "它是否算“等服务外包相关行业资质”，文件没有写明，以市商务局的实施细则和认定为准"
                f"（{query.clause('4.1')['label']}）。"
            )
    scope = query.document().get("increment_scope") or {}
    if code == scope.get("about_clause") and shapes.search("domestic", text):  # 「境内业务能算增量吗」
        return scope["text"] + "（" + query.clause(code)["label"] + "）。"
    if (
        code == "3.5"
        and shapes.search("overseas", text)
        and shapes.search("domestic", text)
        and shapes.search("regions_apart", text)
    ):  # 「国内和国外的有没有区别」: both, side by side
        return (
            "有区别，上限不同。境内活动："
            + _figures_line(code, ["domestic"])
            + "；境外活动："
            + _figures_line(code, ["overseas"])
            + f"（补贴比例都是最高{figure_words('3.5', 'rate')}）。"
        )
    if code == "3.5" and shapes.search("overseas", text) and not shapes.search("domestic", text):
        return "境外活动：" + _figures_line(code, ["overseas"]) + f"（补贴比例最高{figure_words('3.5', 'rate')}）。"
    if code == "3.5" and shapes.search("domestic", text) and not shapes.search("overseas", text):
        return "境内活动：" + _figures_line(code, ["domestic"]) + f"（补贴比例最高{figure_words('3.5', 'rate')}）。"
    rate_asked = shapes.search("asks_rate", text)
    cap_asked = shapes.search("asks_cap", text) or (not rate_asked and shapes.search("asks_how_much", text))
    lines = []
    currency = shapes.search("clause_currency", query.clause(code).get("text") or "")
    if currency and shapes.search("asks_currency", text):  # 「执行额按什么币种算」: the clause's own words
        lines.append(f"币种：原文是“{currency.group(0)}”。")
    if shapes.search("asks_threshold", text) and _figures_line(code, ["threshold"]):
        lines.append(f"门槛：{_figures_line(code, ['threshold'])}（“超过”不包含本数）。")
    if rate_asked and _figures_line(code, ["rate"]):
        lines.append(f"比例：{_figures_line(code, ['rate'])}。")
    if cap_asked and _figures_line(code, ["cap", "max", "award"]):
        word = "上限" if _figures_line(code, ["cap", "max"]) else "标准"
        lines.append(f"{word}：{_figures_line(code, ['cap', 'max', 'award'])}。")
    if lines:
        return "".join(lines)
    if shapes.search("asks_conditions", text):
        conds = query.clause(code).get("conditions") or []
        return ("条件：" + "；".join(conds) + "。") if conds else ""
    return ""


NAMED_OVER_SEARCH = 6  # a search hit this strong (router.STRONG_SCORE) outweighs an item's own trigger words


def _one_item_named(text: str) -> Optional[str]:
    """The one support item of 第三条 the text names by its own words (bot/estimate/items), or None."""
    from bot.estimate.items import detect_items

    codes = {c.rstrip("ab") for c in detect_items(text) if c.startswith("3")}
    return codes.pop() if len(codes) == 1 else None


def find_clause(text: str, entities=(), context: Optional[str] = None) -> Optional[str]:
    """The support clause a question is about: entity, then search, then the conversation's topic."""
    codes = [e["value"] for e in entities if e.get("entity") == "clause" and str(e.get("value", "")).startswith("3")]
    hits = [h for h in query.search(text, limit=5) if h["kind"] == "clause" and h["key"].startswith("3")]
    named = _one_item_named(text)
    if named and hits and hits[0]["key"] != named and hits[0]["score"] < NAMED_OVER_SEARCH:
        # 「我们去年拿了CMMI5级 今年想申报 能补多少比例」: the item its own words name (CMMI → 三（六）), not the
        # clause a word like 去年 leans the search to
        return named
    if hits and hits[0]["score"] > 0:
        return _asked_sibling(text, hits[0]["key"]) or hits[0]["key"]
    if codes:
        return codes[0]
    return context


ASKED_POINT_SCORE = 2  # a search hit of the questions alone this strong names the point they ask


def _asked_sibling(text: str, top: str) -> Optional[str]:
    """The point of `top`'s item that the message's questions ask about, when the statements before them lean the
    search to another point of that item (h58subj: 「我们是企业统一运营的示范园区，引进外资项目每1000万美元奖多少」 asks
    三（八）2; the speaker's own words 统一运营、示范园区 are 三（八）1's), or None."""
    from bot.understand.segment import clauses, is_question

    if top.count(".") != 2:
        return None
    parts = clauses(text)
    asked = "".join(c for c in parts if is_question(c))
    if not asked or len(asked) == len("".join(parts)):
        return None
    family = top.rsplit(".", 1)[0] + "."
    hits = [h for h in query.search(asked, limit=5) if h["kind"] == "clause"]
    if any(h["key"] == top for h in hits):
        return None  # the questions name the point the whole message leans to as well
    for h in hits:
        if h["key"].startswith(family):
            # 「要签几年 每人补多少」 names no point of its own: the statement before it decides
            return h["key"] if h["score"] >= ASKED_POINT_SCORE else None
    return None


def answer(text: str, entities=(), context: Optional[str] = None) -> Answer:
    """Questions about support items; follow-ups use the clause last talked about."""
    code = find_clause(text, entities, None)
    if code is None and context and context.startswith("3"):
        code = context
    if code is None:
        return overview()
    return clause_answer(code, text)
