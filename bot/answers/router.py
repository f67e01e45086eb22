"""Route a policy question to the module that answers it, keeping the conversation's topic."""

import re
from typing import Optional

from knowledge import query

from bot.answers import catalog, eligibility, general, scope, subsidies
from bot.answers.model import Answer
from bot.nlu.normalize import understand
from bot.understand.segment import question_parts

ELIGIBILITY_Q = re.compile(
    r"(哪些|什么样?的?|哪类|哪种)(企业|公司|单位|主体)(能|可以|才能|可)(享受|申报|申请|报)|"
    r"谁(能|可以)(享受|申报|申请)|申报(主体|资格|条件)"
)
DECLINE = (
    "抱歉，{what}不在我的范围内。我只能解答《郑州市进一步加快服务外包发展政策措施》（郑政办〔2020〕58号）"
    "的问题：申报资格、服务外包领域目录、各项奖补标准、奖励测算和申报预审。{what}请咨询相关主管部门。"
)
WHO_APPLIES = re.compile(
    r"(个人|个体户|个体工商户|自然人|事业单位|政府|机关|分公司|分支机构|外地企业|外地公司|外资企业|"
    r"事业部)[^，。；]{0,16}(能|可以|可否|能否|是否可以)[^，。；]{0,6}(申请|申报|享受|报|拿)"
)
DOUBLE_CLAIM = re.compile(
    r"两边都|都报|重复|同时申报|同时享受|叠加|兼得|(省|国家|区|其他)[^，。；]{0,8}(也有|还有|类似)"
)
TOGETHER = re.compile(r"(两个|两项|这两|几项|都|一起|同时)[^，。；]{0,4}(拿|享受|申报|申请|报)|只能选一")
CATALOG_UPDATE = re.compile(
    r"目录[^，。；]{0,12}(新版|更新|调整|新发布|变了|换了)|(新版|新的|更新|新发布|出了)[^，。；]{0,16}目录"
)
PROCEDURE = re.compile(
    r"几月份?申报|什么时候(能|可以)?(申报|报)|何时申报|申报时间|申报流程|汇算清缴[^，。；]{0,8}(报|申报)"
)
UNLISTED_CERT = re.compile(r"iso ?\d{4,5}|等保|等级保护|cmmc|tmmi|iatf|ccc认证")
NEW_POLICY = re.compile(r"新政策|以后[^，。；]{0,8}(还|是否|管用|有效)|还管用|还有效|作废|废止|过期")
AMOUNT_BASIS = re.compile(
    r"执行额[^，。；]{0,12}(怎么|如何|按|依据|认定|确定|报的|自己报|算)|(怎么|如何)[^，。；]{0,6}认定执行额|"
    r"按什么口径|什么口径|(发票|开票)[^，。；]{0,8}(算|计算)"
)
SUBSIDY_WORDS = re.compile(r"补贴|奖励|补助|能补|能报|能拿|给钱|资助")
FOLLOW_UP = re.compile(r"^(那|那么|那如果|如果是|还有|另外)?[^，。]{0,8}(呢|吗|多少|是什么|有哪些)?[?？]?$")
SEARCH_FLOOR = 2.0
STRONG_SCORE = 6  # a search hit this strong means the knowledge base clearly knows the question


def family_of(hit: dict) -> str:
    """Which module answers a search hit."""
    if hit["kind"] == "domain":
        return "catalog"
    if hit["kind"] == "document":
        return "catalog" if hit["key"] == "catalog" else "general"
    key = hit["key"]
    if key == "1":
        return "scope"
    if key == "2":
        return "eligibility"
    if key.startswith("3"):
        return "subsidy"
    if key.startswith("4"):
        return "general"
    return "catalog" if key == "annex" else "general"


INTENT_FAMILY = {
    "ask_eligibility": "eligibility",
    "ask_business_scope": "scope",
    "ask_catalog": "catalog",
    "ask_domain_of_business": "classify",
    "ask_subsidy": "subsidy",
    "ask_general_rules": "general",
}


def decline_other_policy(text: str) -> Optional[Answer]:
    """The polite decline when the question's subject is another policy (not a word mentioned in it)."""
    other = query.other_policy(text)
    if other is None:
        return None
    return Answer(DECLINE.format(what=f"“{other}”"), confident=True)


def is_classify_question(intent: Optional[str], t: str) -> bool:
    """Whether the message asks which domain (if any) a business it describes belongs to."""
    asks = re.search(query.classify_question_pattern(), t)
    if intent == "ask_domain_of_business":
        return True
    if not asks:
        return False
    if query.not_service_outsourcing(t) and (
        re.search(query.business_self_pattern(), t) or re.search(r"服务外包|领域|目录|属于|归", t)
    ):
        return True
    return bool(re.search(r"属于|归|哪个领域|哪一类|哪类|算不算|算服务外包|是服务外包吗", t)) and any(
        h.get("confident") for h in query.classify_business(t, limit=1)
    )


def compose(
    intent: Optional[str],
    text: str,
    entities=(),
    topic_clause: Optional[str] = None,
    topic_domain: Optional[str] = None,
    facts: Optional[dict] = None,
) -> Answer:
    """The answer to a message: one part per question it asks, each from knowledge/ naming its clause.

    `facts`: what the conversation has stated about the user; with them, a part that asks whether
    a condition is met gets the verdict (bot/answers/qualify.py) on that part's own facts.
    """
    t = understand(text or "")
    if not t:
        return Answer("", confident=False)
    declined = decline_other_policy(t)
    if declined is not None:
        return declined
    parts = message_parts(t)
    if len(parts) >= 2:
        joined = _compose_parts(parts, entities, topic_clause, topic_domain, facts)
        if joined is not None:
            return joined
    return answer_part(intent, t, entities, topic_clause, topic_domain)


def message_parts(t: str) -> list:
    """The questions of a normalised message, each with a topic of its own (「A和B分别…」 as two)."""
    return _own_topic_parts([p for part in question_parts(t) for p in _each_subject(part)])


def answer_part(
    intent: Optional[str],
    t: str,
    entities=(),
    topic_clause: Optional[str] = None,
    topic_domain: Optional[str] = None,
    facts: Optional[dict] = None,
) -> Answer:
    """One question: a request not served, a verdict on stated facts, a business to place in the
    catalog, or a question about the policy."""
    cannot = general.cannot_serve(t)
    if cannot is not None:
        return cannot
    if facts is not None:
        from bot.answers import qualify
        from bot.understand.facts import read_facts_cached

        said = read_facts_cached(t)
        verdict = qualify.answer(t, dict(facts, **said), said)
        if verdict is not None:
            return verdict
    if is_classify_question(intent, t):
        found = catalog.classify_answer(t)
        if found is not None:
            return found
    return compose_one(intent, t, entities, topic_clause, topic_domain)


def _compose_parts(parts, entities, topic_clause, topic_domain, facts=None) -> Optional[Answer]:
    """One reply with a part per question, or None when the parts do not make distinct answers."""
    answers, clause = [], topic_clause
    for part in parts:
        a = answer_part(None, part, entities, topic_clause if not answers else None, topic_domain, facts)
        if not a.text and clause:
            a = compose_one(
                FAMILY_INTENT.get(family_of({"kind": "clause", "key": clause}), None),
                part,
                entities,
                clause,
                topic_domain,
            )
        if not a.text or any(a.text == b.text for _, b in answers):
            continue
        answers.append((part, a))
        clause = a.clause or clause
    if len(answers) < 2:
        return None
    text = "\n\n".join(f"{i}. 关于“{part}”：\n{a.text}" for i, (part, a) in enumerate(answers, 1))
    last = answers[-1][1]
    return Answer(text, clause=last.clause, domain=next((a.domain for _, a in answers if a.domain), None))


EACH = re.compile(
    r"^(?P<a>[^，。；\s]{2,12}?)(?:和|跟|与|、|以及)(?P<b>[^，。；\s]{2,12}?)(?P<ask>(?:分别|各自|各).*)$"
)


def _each_subject(part: str) -> list:
    """「A和B分别…」 asks the same of two subjects: one part each, when both have a topic of their own."""
    m = EACH.match(part)
    if not m:
        return [part]
    pieces = [m.group("a") + m.group("ask"), m.group("b") + m.group("ask")]
    if all((query.search(p, limit=1) or [{"score": 0}])[0]["score"] >= SEARCH_FLOOR for p in pieces):
        return pieces
    return [part]


def _own_topic_parts(parts: list) -> list:
    """Question parts that have a topic of their own; a part without one («有哪些业务类型», «一年能报几个»)
    belongs to the question before it."""
    merged = []
    for part in parts:
        hits = query.search(part, limit=1)
        own = bool(hits) and hits[0]["score"] >= SEARCH_FLOOR
        if (
            merged
            and own
            and catalog.domain_in(merged[-1])
            and not catalog.domain_in(part)
            and hits[0]["kind"] != "domain"
        ):
            own = False
        if merged and not own:
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


FAMILY_INTENT = {family: intent for intent, family in INTENT_FAMILY.items()}


def _items_named(t: str) -> list:
    """The support items of 第三条 a question names (strong search hits), in the order found."""
    hits = [h for h in query.search(t, limit=5) if h["kind"] == "clause" and h["key"].startswith("3.")]
    floor = max([SEARCH_FLOOR] + [0.5 * h["score"] for h in hits[:1]])
    return list(dict.fromkeys(h["key"] for h in hits if h["score"] >= floor))


def compose_one(
    intent: Optional[str], t: str, entities=(), topic_clause: Optional[str] = None, topic_domain: Optional[str] = None
) -> Answer:
    """The answer to one question (already normalised), from knowledge/, naming its clause."""
    family = INTENT_FAMILY.get(intent)
    hits = query.search(t, limit=3) if t else []
    if family in ("subsidy", "general", None) and ELIGIBILITY_Q.search(t) and not re.search(r"补贴|奖励|补助", t):
        family = "eligibility"
    if WHO_APPLIES.search(t):
        family = "eligibility"
    if CATALOG_UPDATE.search(t):
        return general.answer(t)
    if PROCEDURE.search(t):
        return general.answer(t)
    if UNLISTED_CERT.search(t) and re.search(r"资质|认证|补", t):
        return subsidies.clause_answer("3.6", t)
    if (
        TOGETHER.search(t)
        and not DOUBLE_CLAIM.search(t)
        and not re.search(r"(两个|别的|其他|那边的?|省里的?|国家的?)政策|省|国家|区里|两边|那边", t)
        and len(_items_named(t)) >= 2
    ):
        return general.together_answer(_items_named(t))
    if family is None and len(eligibility.facts_from(t)) >= 3:
        family = "eligibility"  # the applicant describes itself against 第二条
    if DOUBLE_CLAIM.search(t) and re.search(r"报|申请|享受|拿", t):
        return general.answer("不得重复申报 " + t)
    if NEW_POLICY.search(t) and family in ("general", "subsidy", "eligibility", None):
        return general.answer("有效期 " + t)
    if re.search(r"汇率|中间价|折算人民币|折合人民币|折成人民币", t) and family not in ("catalog", "classify"):
        return general.answer(t)
    if AMOUNT_BASIS.search(t):
        return scope.answer(t)
    if (
        family in ("classify", "catalog")
        and SUBSIDY_WORDS.search(t)
        and not re.search(r"属于|归|哪个领域|哪一类|算不算|哪类", t)
    ):
        clause_hits = [h for h in hits if h["kind"] == "clause" and h["key"].startswith("3")]
        if clause_hits and clause_hits[0]["score"] >= 3:
            return subsidies.clause_answer(clause_hits[0]["key"], t)
    top = hits[0] if hits else None
    short_follow_up = len(t) <= 12 and FOLLOW_UP.match(t) is not None
    if family is None:
        if top is None or top["score"] < SEARCH_FLOOR:
            return Answer("", confident=False)
        family = family_of(top)
    asks_all = top is not None and top["kind"] == "clause" and top["key"] == "3" and top["score"] >= SEARCH_FLOOR
    if (
        family in ("subsidy", "general")
        and short_follow_up
        and not asks_all  # 「有哪些奖励和补贴」 asks for the overview, whatever was talked about before
        and topic_clause
        and topic_clause.startswith("3")
    ):
        strong = [h for h in hits if h["kind"] == "clause" and h["key"].startswith("3") and h["score"] >= STRONG_SCORE]
        if subsidies.aspect_line(topic_clause, t) or not strong:
            return subsidies.clause_answer(topic_clause, t)
    if (
        family == "catalog"
        and topic_domain
        and re.search(r"它|这个|该领域|那个|其", t)
        and catalog.domain_in(t) is None
    ):
        return catalog.domain_answer(query.domain(topic_domain), t)
    if family == "classify":
        if catalog.domain_in(t) and not re.search(r"我们|我司|公司|做|从事|业务", t):
            return catalog.answer(t, topic_domain)
        found = catalog.classify_answer(t)
        return found or catalog.answer(t, topic_domain)
    if family == "catalog":
        return catalog.answer(t, topic_domain)
    if family == "eligibility":
        return eligibility.answer(t)
    if family == "scope":
        return scope.answer(t)
    if family == "general":
        return general.answer(t)
    return subsidies.answer(t, entities, topic_clause)
