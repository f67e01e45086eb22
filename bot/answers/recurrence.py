"""「技术先进型那10万已经领过了 是不是每年都能再领一次」「离岸奖励明年还能再报吗」: whether an award of this policy
comes again in later years, from its clause's own words — 「一次性给予」 (once: 三（四）, 三（八）1), 「年度」「每年」
「全年」 (a yearly award, claimed year by year), 「期限最多N年」 (a term) — and otherwise that the policy does not say.
Asked in routes.yml `asks_recurrence` / `received_again`; another policy or funder named (`other_source`) is
第四条第（三）项's double claim, not this question."""

import re
from typing import Optional

from knowledge import conditions, query, shapes

from bot.answers.model import Answer

YEARLY = re.compile(r"[^，。；]*(年度|每年|全年)[^，。；]*")
TERM = re.compile(r"[^，。；]*期限[^，。；]*")


def asked(t: str) -> bool:
    """Whether the message asks if an award comes again, naming no other policy or funder."""
    if not (shapes.search("asks_recurrence", t) or shapes.search("received_again", t)):
        return False
    return not (shapes.search("other_source", t) or shapes.search("other_policy_context", t))


def received(t: str) -> bool:
    """Whether the message says the award was received already and asks for it again (「已经领过10万了 还能再拿吗」)."""
    return bool(shapes.search("received_again", t))


def _once(code: str) -> Optional[re.Match]:
    return shapes.search("one_off_award", query.clause(code).get("text") or "")


def _clause_of(t: str, topic_clause: Optional[str]) -> Optional[str]:
    from bot.estimate.items import detect_items

    named = [c.rstrip("ab") for c in detect_items(t) if c.startswith("3")]
    if named:
        return named[0]
    if topic_clause and topic_clause.startswith("3."):
        return topic_clause
    return _searched_clause(t)


def _searched_clause(t: str) -> Optional[str]:
    """The one support item the knowledge base finds for words no item reader knows (「示范园区那个20万奖励」): the top
    clause hit over the router's floor and well ahead of any other item; None when unclear."""
    from bot.answers.router import SEARCH_FLOOR

    hits = [h for h in query.search(t, limit=5) if h["kind"] == "clause" and not query.clause(h["key"]).get("children")]
    if not hits or hits[0]["score"] < SEARCH_FLOOR or not hits[0]["key"].startswith("3."):
        return None
    if len(hits) > 1 and hits[1]["score"] * 2 > hits[0]["score"]:
        return None
    return hits[0]["key"]


def items_named(t: str) -> int:
    """How many support items of 第三条 the text names."""
    from bot.estimate.items import detect_items

    return len({c.rstrip("ab") for c in detect_items(t) if c.startswith("3")})


def _new_or_held(c: dict) -> str:
    """「新获得资质的认证费用或已获得资质的维护费用」 of a yearly item: what it pays for a grant new and one held."""
    costs = c.get("eligible_costs") or []
    if not any("新获得" in x for x in costs) or not any("已获得" in x for x in costs):
        return ""
    return f"补贴的是“{'或'.join(costs)}”：新获得时按认证费用申报，已获得的以后按维护费用申报。"


def _new_only(code: str) -> str:
    """The clause's condition that only a new grant is rewarded (「对新获得技术先进型服务企业资格的企业」), quoted."""
    if code not in conditions.clause_codes():
        return ""
    quotes = [leaf.get("quote") or "" for leaf in conditions.leaves(code)]
    new = next((q for q in quotes if "新获得" in q or "新通过" in q), "")
    return f"奖励对象是“{new}”，资格或称号之后仍在有效期内，也不会每年再给。" if new else ""


def answer(t: str, topic_clause: Optional[str] = None) -> Optional[Answer]:
    """Whether the item asked about is given once, year by year, or for a term; None when not asked."""
    if not asked(t):
        return None
    code = _clause_of(t, topic_clause)
    if code is None:
        return None
    c = query.clause(code)
    if not c or c.get("children"):
        return None
    if not shapes.search("asks_recurrence", t) and not _once(code):
        return None  # 「已经报了3个…第4个还能补吗」: of a yearly item, a count or an amount left, not a recurrence
    if not shapes.search("asks_recurrence", t) and items_named(t) >= 2:
        return None  # 「技先领了10万 还能报展会补贴吗」: another item asked after one received, not the same one again
    text = c.get("text") or ""
    where = f"{c['label']}（{c['title']}）"
    once = shapes.search("one_off_award", text)
    yearly = YEARLY.search(text)
    term = TERM.search(text)
    if once:
        line = f"不能，不是每年都能领：{c['label']}是一次性奖励，只给一次，原文是“{once.group(0)}”。" + _new_only(code)
    elif term:
        line = f"{c['label']}有期限，不是一直都有：原文是“{term.group(0)}”。"
    elif yearly:
        line = (
            ("不是一次性的，" if "一次性" in t else "")
            + (
                f"可以按年度申报：{c['label']}按年度计算（原文“{yearly.group(0)}”），以后每年符合条件的，"
                "可以按当年的情况再申报，同一年度不重复领取。"
            )
            + _new_or_held(c)
        )
    else:
        rules = query.clause("4.1")
        line = (
            f"文件没有写明{c['label']}是一次性的还是每年都可以申报；具体以市商务局会同市财政局另行制定的实施细则为准"
            f"（{rules['label']}）。"
        )
    return Answer(f"{line}\n依据{where}：{text}", clause=code)


def with_facts(t: str, facts: dict, said: dict, topic_clause: Optional[str] = None) -> Optional[Answer]:
    """Whether the award comes again, with the verdict on the facts the message states of the item first
    (「我们2019年就是技先了 今年还能拿吗 是每年都给还是只给一次」: 不符合, not new, and 一次性); the recurrence answer
    alone when it states none; None when the message asks no such question. `facts` the conversation's, `said`
    this message's."""
    again = answer(t, topic_clause)
    if again is None:
        return None
    code = again.clause
    if code not in conditions.clause_codes() or not set(said) & set(conditions.facts_of(code)):
        return again
    from bot.answers import qualify

    verdict = qualify.verdict_answer([code], facts)
    head = verdict.text.split("\n依据")[0]
    line, _, basis = again.text.partition("\n")
    if verdict.verdict == conditions.MET and _once(code):
        # 「今年刚认定技先 能拿10万吗 以后每年都有吗」: yes this time, and once only
        line = "另外，" + line.replace("不能，不是每年都能领：", "这项奖励不是每年都能领：", 1)
    elif verdict.verdict != conditions.NOT_MET:
        return again  # the facts leave it open or meet it: the question asked is whether it comes again
    return Answer(f"{head}\n{line}\n{basis}", clause=code, verdict=verdict.verdict)


YEARLY_AWARD = re.compile(r"(奖励|补贴|支持|最高|资金)")


def _yearly_words(text: str) -> Optional[str]:
    """The clause's words that make its award a yearly one (「单个企业年度奖励金额最高200万元」「全年最高20万元」): a phrase
    with 年度/每年/全年 that speaks of the award itself, not a yearly condition (「每年接受…实习生20名以上」)."""
    return next((m.group(0) for m in YEARLY.finditer(text) if YEARLY_AWARD.search(m.group(0))), None)


def listed(t: str) -> bool:
    """Whether the message asks which awards come once and which year by year (「哪些奖励是只给一次的 哪些每年都能报」),
    of the policy as a whole: no single item named."""
    from bot.estimate.items import detect_items

    if not shapes.search("recurrence_listed", t):
        return False
    return len({c.rstrip("ab") for c in detect_items(t)}) != 1


def list_answer(t: str) -> Optional[Answer]:
    """Every support item of 第三条 sorted by its own words: 一次性 (once), yearly (its 年度/每年/全年 words), a term
    (期限), and those whose text does not say (the 实施细则 settles); then 第四条第（三）项's yearly total. None when
    the message does not ask this."""
    if not listed(t):
        return None
    once, yearly, term, unsaid = [], [], [], []
    for c in query.clauses():
        code = c["code"]
        if not code.startswith("3.") or c.get("children"):
            continue
        text = c.get("text") or ""
        name = f"{c['label']}（{c['title']}）"
        found = shapes.search("one_off_award", text)
        if found:
            once.append(f"· {name}：“{found.group(0)}”")
        elif TERM.search(text):
            term.append(f"· {name}：“{TERM.search(text).group(0)}”")
        elif _yearly_words(text):
            yearly.append(f"· {name}：“{_yearly_words(text)}”")
        else:
            unsaid.append(name)
    lines = []
    if once:
        lines += ["一、一次性的（只给一次，之后不会每年再给）：", *once]
    if yearly:
        lines += ["二、按年度的（每年符合条件的，可以按当年的情况再申报；同一年度不重复领取）：", *yearly]
    if term:
        lines += ["三、有期限的（按年度给，但有最长年限）：", *term]
    if unsaid:
        lines.append(
            "文件没有写明是一次性还是每年的："
            + "、".join(unsaid)
            + f"，以市商务局会同市财政局另行制定的实施细则为准（{query.clause('4.1')['label']}）。"
        )
    total = query.clause("4.3")
    cap = next((p for p in re.split(r"[。；]", total.get("text") or "") if "年度" in p), "")
    if cap:
        lines.append(f"另外，各项每年合计受{total['label']}限制：“{cap}”。")
    return Answer("\n".join(lines), clause="3")
