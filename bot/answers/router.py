"""Route a policy question to the module that answers it, keeping the conversation's topic."""

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from knowledge import conditions, query, shapes

from bot.answers import (
    catalog,
    combination,
    eligibility,
    general,
    largest_cap,
    not_outsourcing,
    other_body,
    outside_parts,
    group_entities,
    per_platform,
    placed_applicants,
    provision,
    reasoning,
    procedure,
    recurrence,
    remaining,
    report_system,
    same_rate,
    scope,
    cap_period,
    separate_caps,
    subsidies,
    together,
    unspecified,
    unstated,
)
from bot.answers.model import Answer
from bot.nlu.normalize import understand
from bot.understand import numbered_list, part_subjects
from bot.understand.quote import header
from bot.understand.segment import asks_something, question_parts

DECLINE = (
    "抱歉，{what}不在我的范围内。我只能解答《郑州市进一步加快服务外包发展政策措施》（郑政办〔2020〕58号）"
    "的问题：申报资格、服务外包领域目录、各项奖补标准、奖励测算和申报预审。{what}请咨询相关主管部门。"
)
SEARCH_FLOOR = 2.0
PHRASE_END = re.compile(r"[，。；,;！？!?\s]+")
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
    if unspecified.asked(text):
        return None  # 「合同额要不要扣掉增值税」: a detail of this policy's own amount, not tax law
    other = query.other_policy(text)
    if other is None:
        return None
    each = outside_parts.answer(
        text, all_outside=True
    )  # 「…是不是免增值税 …有没有tax方面的优惠 上海那边是不是比郑州优惠」: every part
    if each is not None:
        return each
    return Answer(DECLINE.format(what=f"“{other}”"), confident=True)


def is_classify_question(intent: Optional[str], t: str) -> bool:
    """Whether the message asks which domain (if any) a business it describes belongs to."""
    phrases = [p for p in PHRASE_END.split(t) if p]
    if any(shapes.search("place_question", p) for p in phrases):
        # 「新郑的算不算在郑州」 asks where the applicant is set up, not where its business belongs
        t = " ".join(p for p in phrases if not shapes.search("place_question", p))
        if not t:
            return False
    if shapes.search("second_article_question", t) or (
        eligibility.not_required(t) and not shapes.search("domain_asked", t)
    ):
        return False  # 「有没有成立满几年的要求」 (not_required: 第二条 sets none) or 「财务外包给代账公司 算不算具备健全的财务管理制度」: 第二条, not the catalog
    # 「这个政策我们能沾上边不」: whether the policy has anything for the business, the catalog's question too
    asks = re.search(query.classify_question_pattern(), t) or shapes.search("policy_for_us", t)
    if intent == "ask_domain_of_business":
        # 「个体户可以申请服务外包的奖励吗」: who may apply, not where a business belongs
        return not (
            (shapes.search("who_applies", t) and not shapes.search("classify_question", t))
            or shapes.search("catalog_update", t)  # 「新版目录出来了 以后能算进来吗」: 第四条第（二）项
        )
    if shapes.search("between_domains", t) and len(catalog.domains_in(t)) >= 2:
        return True  # 「这到底算人工智能服务还是呼叫中心服务」: which of two named domains
    if shapes.search("domain_claimed", t) and len(catalog.domains_in(t)) == 1 and catalog.claimed_business(t):
        return True  # 「…老板非说这算互联网营销推广服务…到底算哪个」: the business against the domain claimed
    if not asks:
        return False
    if asks_of_applicant_or_item(t):
        return False  # 「物流公司…欠着税没补缴 这种能申报吗」: the business is context, the subject 第二条 or the item
    if catalog.outside_kinds(t) and (
        re.search(query.business_self_pattern(), t)
        or shapes.search("outsourcing_words", t)
        or catalog.domain_in(t)  # 「自己有货车跑干线运输 是不是供应链管理服务」: is the business that domain
    ):
        return True
    if not shapes.search("classify_question", t):
        return False
    hits = query.classify_business(t, limit=1)
    if shapes.search("catalog_listing", t):  # 「翻译是23个领域之一吗」: whether any domain lists it, even with no match
        return bool(hits) or not shapes.search("refers_back", t)  # 「那这个在目录里吗」: what was spoken of before
    if shapes.search("explicit_classify", t):  # asked outright: a weak match is answered as such, with what decides
        return any(h.get("confident") or h.get("score", 0) >= 1 for h in hits)
    return any(h.get("confident") for h in hits)


def asks_policy_validity(t: str) -> bool:
    """Whether a message asks if the policy is still valid or replaced (第四条第（二）项); validity words said of the
    company's own qualification (「技术先进型资格一直有效 今年到期复审」, routes.yml qualification_validity) ask about
    that qualification instead, unless the policy itself is named as what is valid."""
    if not shapes.search("new_policy", t):
        return False
    return not shapes.search("qualification_validity", t) or bool(shapes.search("policy_validity_subject", t))


def asks_of_applicant_or_item(t: str) -> bool:
    """Whether a «can we apply / get it» question (routes.yml apply_ask) has a subject other than the business
    it describes: a 第二条 fact stated against the applicant (欠税, 合伙制) or a support item of 第三条 named
    (「扩大规模的奖励还能拿吗」). Asked outright where the business belongs, the catalog keeps it."""
    if not shapes.search("apply_ask", t) or shapes.search("explicit_classify", t):
        return False
    stated = eligibility.facts_from(t)
    if stated.get("entity_type") == "other" or False in stated.values():
        return True
    from bot.estimate.items import detect_items

    domain = catalog.domain_in(t)  # 「这算不算电子商务平台服务」: a domain's name (its 平台) names no support item
    return bool(detect_items(t.replace(domain["name"], " ") if domain else t))


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
    # 「离岸收入免不免税？这个政策有没有税收优惠？…离岸奖励比例多少？」: the tax parts said to be outside, the rest answered
    each = outside_parts.answer(t, text) if outside_parts.asks_tax(t) else None
    if each is not None:
        return each
    silent = provision.answer(t) if len(message_parts(t)) <= 1 else None
    if silent is not None:  # 「企业所得税按15%交，58号文里有规定吗」: the policy has no provision on it, said so
        return silent
    declined = decline_other_policy(t)
    if declined is not None:
        return declined
    same = same_rate.answer(t)  # 「增值税按3%交的 跟政策里的3%奖励是一回事吗」: not this policy's rate
    if same is not None:
        return same
    group = group_entities.answer(t)  # 「母公司在郑州 子公司在洛阳…哪几个主体能报」: each entity on its own
    if group is not None:
        return group
    placed = placed_applicants.answer(t)  # 「一个注册在巩义市 一个注册在开封…有没有影响」: one verdict each
    if placed is not None:
        return placed
    own = query.other_policy_context_dropped(t)  # 「听说技先有所得税优惠，那…培训补贴有哪些条件」: the question asked
    answered = _compose_own(intent, text, own, entities, topic_clause, topic_domain, facts)
    answered = other_body.with_line(answered, t)  # 「税务那边说也算达标了」: the policy's own conditions decide
    return with_aside(t, unstated.with_line(answered, t))  # 「有没有要求交社保」: what the clause does not require


def _compose_own(intent, text: str, t: str, entities, topic_clause, topic_domain, facts) -> Answer:
    """The answer to a message about this policy (`text` as said, `t` understood)."""
    left_open = unspecified.answer(t)  # 「租金按含税还是不含税算」: the policy does not say; a tax word is no subject
    if left_open is not None:
        return left_open
    # 「做服装代工出口的 能拿离岸奖励吗」: not service outsourcing, said before (instead of) any verdict on the item
    outside = not_outsourcing.answer(t)
    if outside is not None:
        return _with_other_questions(outside, t, entities, topic_clause, topic_domain)
    if eligibility.not_required(t) and not shapes.search("subsidy_words", t) and not shapes.search("domain_asked", t):
        return eligibility.answer(
            t
        )  # 「有没有成立满几年的要求」: what 第二条 does not require, whatever business is described
    if shapes.search("place_question", t):
        both = _place_and_rest(t, entities, topic_clause, topic_domain, facts)
        if both is not None:
            return both
    every = recurrence.list_answer(t)  # 「哪些只给一次的，哪些是每年都能报的」: one list, whatever the parts
    if every is not None:
        return every
    parts = message_parts(t)
    if (
        procedure.whole_message(t, parts) and general.cannot_serve(t) is None
    ):  # 「申报啥时候开始 截止到哪天 材料交到哪个窗口」: none of it in the policy
        return procedure.answer(t, t)
    answered = None
    each = declined_each(parts, text)
    if each is not None:
        return each
    if len(parts) >= 2 and _one_request(parts):
        parts = [t]  # 「你能不能打包票 我们今年肯定能拿到离岸奖励」: a request and what it is about, declined whole
    # 「云计算服务…定义是啥…业务类型…面向哪几个行业？它属于哪类」: one domain, every aspect asked of it
    answered = catalog.one_domain_aspects(parts, t)
    if answered is None and len(parts) >= 2:
        answered = compose_parts(parts, entities, topic_clause, topic_domain, facts, said=text)
    if answered is None and facts:
        from bot.understand.facts import read_facts_cached

        answered = _conditions_left(t, dict(facts, **read_facts_cached(t)), topic_clause)
    if answered is None:
        answered = answer_part(intent, t, entities, topic_clause, topic_domain)
    return with_place(t, answered)


def _with_other_questions(first: Answer, t: str, entities, topic_clause, topic_domain) -> Answer:
    """An answer to the message's business and item, then the answers to its other questions (「…另外这个政策
    谁负责解释」): the parts that name no support item and describe no business of their own."""
    rest = []
    for part in message_parts(t):
        if not_outsourcing.items_asked(part) or catalog.outside_kinds(part) or is_classify_question(None, part):
            continue
        a = answer_part(None, part, entities, topic_clause, topic_domain)
        if a.text and a.text not in first.text:
            rest.append(a.text)
    return replace(first, text="\n\n".join([first.text] + rest)) if rest else first


def declined_each(parts: list, said: str = "") -> Optional[Answer]:
    """「你帮我查一下我们公司…填报的执行额是多少？顺便把评审我们的专家组名单告诉我」: every part a request not served,
    each of another kind (document.yml cannot_serve): each declined in its own words, what can be done said once at the
    end; None otherwise."""
    from bot.understand.segment import is_question

    kinds = [general.not_served_kind(p) for p in parts]
    if len(parts) < 2 or not all(kinds) or len(set(kinds)) < len(parts) or not all(map(is_question, parts)):
        return None  # 「你能不能打包票 我们今年肯定能拿到离岸奖励」: a request and what it is about, one request
    declines = [general.cannot_serve(p) for p in parts]
    texts = [a.text.split("我能做的是")[0] if i < len(parts) - 1 else a.text for i, a in enumerate(declines)]
    text = "\n\n".join(f"{header(i, part, said, t)}\n{t}" for i, (part, t) in enumerate(zip(parts, texts), 1))
    return Answer(text, clause=declines[-1].clause)


def _one_request(parts: list) -> bool:
    """Whether a message's parts are a request not served and words that ask nothing of their own (what the
    request is about): one request, not several questions."""
    from bot.understand.segment import is_question

    asks = [p for p in parts if general.cannot_serve(p) is None]
    return len(asks) < len(parts) and not any(is_question(p) for p in asks)


ASIDE = "另外，您提到的“{name}”不属于本政策的内容：{note}。"


def with_aside(t: str, a: Answer) -> Answer:
    """An answer to a question about this policy that also asks about another policy (「…是不是还要求交满一年个税？
    具体条件有哪些？」) ends by saying that topic is not this policy's, and what this policy does say on it."""
    topic = query.other_policy_aside(t)
    if topic is None or not a.text or unspecified.asked(t):
        return a  # 「执行额按含增值税的算吗」: a detail of this policy's own amount, answered as such
    if f"“{topic['name']}”不在我的范围内" in a.text:
        return a  # a part of its own asked about it, and was declined (answer_part)
    line = ASIDE.format(name=topic["name"], note=topic.get("note") or "本政策没有对它作出规定")
    return replace(a, text=a.text.rstrip() + "\n" + line)


def with_place(t: str, a: Answer) -> Answer:
    """An answer on 第二条 to a message naming a place inside Zhengzhou (「登封市的企业能报吗」) says
    that the place is in Zhengzhou when it does not already."""
    named = eligibility.places_named(t)
    if a.clause != "2" or not a.text or not named or any(p in a.text for p in named):
        return a
    if eligibility.facts_from(t).get("registered_in_zhengzhou") is False:
        return a  # 「在许昌注册的 人和办公室搬到郑州高新区了」: the place is where it works, not where it is set up
    if a.text.startswith("结论："):  # the verdict first, then where the place is
        verdict, _, rest = a.text.partition("\n")
        return replace(a, text=verdict + "\n" + eligibility.place_line(t) + ("\n" + rest if rest else ""))
    return replace(a, text=eligibility.place_line(t) + "\n" + a.text)


def _place_and_rest(t: str, entities, topic_clause, topic_domain, facts) -> Optional[Answer]:
    """「港区是不是在郑州范围里？想申报离岸那个奖励」: the place's answer, then the answer to the rest
    of the message; None when the rest asks nothing else."""
    kept = [p for p in PHRASE_END.split(t) if p and not shapes.search("place_question", p)]
    rest = " ".join(kept)
    if not rest or rest == t:
        return None
    parts = _own_topic_parts(kept)
    tries = (
        lambda: compose_parts(parts, entities, topic_clause, topic_domain, facts) if len(parts) >= 2 else None,
        lambda: compose(None, rest, entities, topic_clause, topic_domain, facts),
    )
    for attempt in tries:
        a = attempt()
        if a is not None and a.text and a.confident and a.clause != "2" and a.verdict is None:
            return replace(a, text=eligibility.place_line(t) + "\n\n" + a.text)
    return None


def message_parts(t: str) -> list:
    """The questions of a normalised message, each with a topic of its own (「A和B分别…」 as two)."""
    return list(_message_parts(t))


@lru_cache(maxsize=2048)
def _message_parts(t: str) -> tuple:
    listed = numbered_list.items(t)
    if listed is None:
        return tuple(_own_topic_parts([p for part in question_parts(t) for p in _each_subject(part)]))
    # 「三个问题哈：1.境外展会每场最多补多少，一年最多多少 2.…」: each numbered item is one part (its commas split
    # nothing), the words announcing the list none; words before the list that ask are parts of their own, words that
    # state something go with the first item
    before, numbered = listed
    if numbered_list.announces_only(before):
        before = ""
    if before and asks_something(before):
        parts = list(_message_parts(before))
    else:
        parts, numbered = [], [f"{before} {numbered[0]}".strip()] + numbered[1:]
    return tuple(parts + [p for item in numbered for p in _each_subject(item)])


def answer_part(
    intent: Optional[str],
    t: str,
    entities=(),
    topic_clause: Optional[str] = None,
    topic_domain: Optional[str] = None,
    facts: Optional[dict] = None,
    before: str = "",
) -> Answer:
    """One question: a request not served, a verdict on stated facts, a business to place in the
    catalog, or a question about the policy. `before`: the part asked just before it, whose words may name
    what this part's figures are (「社保要交多久？」 then 「我们有个学生交了4个月了 能算吗」)."""
    cannot = general.cannot_serve(t)
    if cannot is not None:
        return _beside_declined(intent, t, cannot, entities, topic_clause, topic_domain, facts)
    silent = provision.answer(t)  # 「…企业所得税按15%交这个事，58号文里有规定吗」: no provision on it, said so
    if silent is not None:
        return silent
    other = decline_other_policy(t)  # 「…离岸奖励多少 另外高新技术企业认定有什么奖励」: that part's subject
    if other is not None:
        return other
    left_open = unspecified.answer(
        t
    )  # 「另外社保缴费基数按最低档交行不行」: what the policy does not say, before a verdict
    if left_open is not None:
        return left_open
    logistics = procedure.answer(t)  # 「材料交到哪个窗口」: not in the policy, said so; 第四条第（一）项 settles it
    if logistics is not None:
        rest = procedure.other_questions(t)  # 「离岸奖励最高多少 今年几月份能报」: the other question answered first
        first = answer_part(None, rest, entities, topic_clause, topic_domain, facts, before) if rest else None
        if first is None or not first.text:
            return logistics
        return replace(first, text=first.text.rstrip() + "\n另外，" + logistics.text)
    named = catalog.category_names_answer(t)  # 「what do ITO, BPO and KPO stand for」
    if named is not None:
        return named
    counted = catalog.structure_answer(t)  # 「目录23个领域里面 ITO BPO KPO 分别是几个」: each category's domains
    if counted is not None:
        return counted
    if eligibility.not_required(t) and not shapes.search("domain_asked", t):
        from bot.estimate.items import detect_items

        if not detect_items(t):  # 「…有没有要求成立满几年才能报」 beside another question: what 第二条 does not require
            return eligibility.answer(t)
    per_enterprise = group_entities.cap_answer(t)  # 「500万上限是每家都有还是集团合起来500万」
    if per_enterprise is not None:
        return per_enterprise
    if eligibility.not_defined(
        t
    ):  # 「没及时填 拖到次年才补录 这种情况还能报吗」 beside an estimate: what 第二条 leaves open
        undefined = eligibility.not_defined_answer(t, eligibility.facts_from(t))
        if undefined is not None:
            return undefined
    every = recurrence.list_answer(t)  # 「哪些奖励只给一次 哪些每年都能报」: every item by its own words
    if every is not None:
        return every
    again = recurrence.answer(t, topic_clause)  # 「已经领过了 是不是每年都能再领一次」: once, yearly, or not said
    if again is not None and not _states_facts_of(t, again.clause):
        return again
    many = general.many_certs_answer(
        t
    )  # 「…四个都能补吗」: the count 三（六） supports a year decides, before a verdict
    if many is not None:
        return many
    if facts is not None:
        from bot.answers import qualify
        from bot.understand.facts import read_facts_cached

        said = dict(_facts_with_before(t, before), **read_facts_cached(t))
        facts = _without_alternatives(t, facts, said)
        verdict = qualify.answer(t, dict(facts, **said), said) or _conditions_left(t, dict(facts, **said), topic_clause)
        if verdict is not None:
            return verdict
    excluded = catalog.excluded_answer(t)  # 「给客户开发电商平台，这个算互联网营销推广服务吗」: the domain's 不包括
    if excluded is not None:
        return excluded
    # 「给工厂做生产线布局设计，算工程技术服务吗」: another domain's business
    elsewhere = catalog.asked_against_answer(t)
    if elsewhere is not None:
        return elsewhere
    if is_classify_question(intent, t) or describes_business_after_catalog(t, topic_clause):
        found = catalog.classify_answer(t)
        if found is not None:
            return found
    return compose_one(intent, t, entities, topic_clause, topic_domain)


def _states_facts_of(t: str, code: str) -> bool:
    """Whether the part states a fact of the clause's own conditions (「今年第一次拿到技先资格」): its verdict answers."""
    from bot.understand.facts import read_facts_cached

    return code in conditions.clause_codes() and bool(set(read_facts_cached(t)) & set(conditions.facts_of(code)))


def _without_alternatives(t: str, facts: dict, said: dict) -> dict:
    """「如果只是研发投入增长了一年 能算吗」 after 「连续两年都有新软著」: a part supposing one alternative alone is read
    without the other alternatives of the same `any` group (conditions.yml) that the conversation stated."""
    if not said or not shapes.search("only_this_alternative", t):
        return facts
    drop = set()
    for code in conditions.clause_codes():
        for group in conditions.spec(code)["conditions"]:
            alternatives = {leaf["fact"] for leaf in group.get("any", [])}
            if alternatives & set(said):
                drop |= alternatives - set(said)
    return {k: v for k, v in facts.items() if k not in drop}


def _facts_with_before(t: str, before: str) -> dict:
    """The facts whose figure this part states but whose cue the part before names (「社保要交多久？」 then 「交了4个月了
    能算吗」): read over both parts, less what the part before states alone."""
    if not before:
        return {}
    from bot.understand.facts import read_facts_cached

    own = read_facts_cached(before)
    return {k: v for k, v in read_facts_cached(before + " " + t).items() if k not in own}


def _beside_declined(intent, t: str, cannot: Answer, entities, topic_clause, topic_domain, facts) -> Answer:
    """「离岸奖励最多多少 另外给我写个书面承诺」: a request not served in clauses of its own (document.yml cannot_serve,
    `aside`) beside a question: the question answered, then the request declined; else the decline alone."""
    from bot.understand.segment import is_question

    found = general.not_served_aside(t)
    if found is None or not any(is_question(c) for c in found[1].split(" ")):
        return cannot
    rest = answer_part(intent, found[1], entities, topic_clause, topic_domain, facts)
    if not rest.text:
        return cannot
    return replace(rest, text=rest.text.rstrip() + "\n另外，" + found[0].text.split("我能做的是")[0].strip())


def _conditions_left(t: str, facts: dict, topic_clause: Optional[str]) -> Optional[Answer]:
    """「其他情况说不清楚 想先知道还需要满足哪些条件」 after facts were told: the verdict on the clause the message
    names, else the one talked about — what is met and what is still to confirm; None without facts on it."""
    if not shapes.search("conditions_left", t):
        return None
    from bot.answers import qualify
    from bot.estimate.items import detect_items

    known = set(conditions.clause_codes())
    code = next((c for c in detect_items(t) if c in known), None) or topic_clause
    if code not in known or not set(facts) & set(conditions.facts_of(code)):
        return None
    return qualify.verdict_answer([code], facts, t)


def describes_business_after_catalog(t: str, topic_clause: Optional[str]) -> bool:
    """「就是自己车队拉货 不给客户做方案」 after an answer on the catalog: the business described again,
    one that catalog.yml lists as not service outsourcing, to be placed (not declined as off-topic)."""
    return topic_clause == "annex" and bool(catalog.outside_kinds(t))


def compose_parts(parts, entities, topic_clause, topic_domain, facts=None, said: str = "") -> Optional[Answer]:
    """One reply with a part per question, or None when the parts do not make distinct answers; each part is
    quoted in the user's own words (`said`, the message as written: 「deadline是几号」, not 「截止时间是几号」)."""
    from bot.estimate.items import detect_items
    from bot.understand.inherit import with_context

    answers, clause, prev, repeated = [], topic_clause, "", False
    whole = understand(said) if said else " ".join(parts)
    for part in parts:
        # a part naming no item of its own (「…中高级人才培训每人最多补多少 一个企业一年最多几个人」) asks about the
        # subject of the part before it
        topic = topic_clause if not answers else (None if detect_items(part) else clause)
        # 「公共服务平台…？我们平台开发人员的工资和机房房租能不能算进去？」: a cost of the item asked
        if answers and topic is None and _asks_a_cost_of(part, clause):
            topic = clause
        if answers and clause == "3.5" and _asks_regions_apart(part):
            topic = clause  # 「展会补贴标准是啥 国内和国外的有没有区别」: the fair item's 境内/境外 caps, no 离岸奖励
        if answers and _paired_with_topic(
            part, clause
        ):  # 「…奖励多少 这个能和离岸奖励一起拿吗」: 这个 is the item before
            topic = clause
        # 「…2子公司能报吗 3分公司能报吗」: a part about one of several applicants described reads that one's facts
        own = part_subjects.part_facts(whole, part, facts) if facts is not None else None
        own = operator_as_enterprise(part, own or facts) or own
        a = (
            catalog.own_business_answer(part, whole)
            or catalog.pointed_answer(part, whole)  # 「…投放那块又算啥」: the business described in another part
            or _applicant_verdict(part, own)
            or _what_can_be_had(part, whole, own or facts)
            or (_inherited_verdict(part, topic, own or facts) if answers else None)
            # 「…每人补贴还能拿吗？最高多少？社保要交满几个月才行？」: a requirement asked of the item the other parts ask
            or (unstated.asked_of(clause, part) if answers else None)
            or answer_part(
                None, with_context(part, list(parts)), entities, topic, topic_domain, own or facts, before=prev
            )
        )
        prev = part
        if not a.text and clause:
            a = compose_one(
                FAMILY_INTENT.get(family_of({"kind": "clause", "key": clause}), None),
                part,
                entities,
                clause,
                topic_domain,
            )
        # the same answer again, or one a part before already gave in full (「这23个领域是郑州自己定的吗？…新版目录
        # 郑州这边按哪个执行」: the first answer is the second's with its verdict before it)
        if not a.text:
            continue
        if any(a.text == b.text or a.text in b.text for _, b in answers):
            repeated = repeated or bool(shapes.search("bare_aspects", part))  # 「一年封顶又是多少」 asked of the item
            continue
        answers.append((part, a))
        if ((a.clause or "").startswith("3") and (not clause or detect_items(part))) or not clause:
            clause = a.clause or clause  # a support item is the subject a later part may lean on; a catalog
            # answer between (「1算哪个领域 2…离岸奖励多少 3这个奖励上限多少」) does not replace it, nor a rule cited
            # for a part naming no item (「…第三条（二）符合吗？汇率用7.0」: the rate's rule is 三（一）'s words)
    answers = one_applicant_verdict(answers, whole, facts)
    answers = clause_into_its_verdict(answers, facts)
    if len(answers) == 1 and (answers[0][1].verdict is not None or answers[0][1].text.startswith("结论：")):
        return answers[0][1]  # every part asked the same thing of the stated facts: one verdict
    if len(answers) == 1 and repeated:
        return answers[0][
            1
        ]  # 「出国参展 每场最多补多少 一年封顶又是多少」: the later part's answer was the first one's
    if len(answers) < 2:
        return None
    answers = without_repeated_lines(answers)
    text = "\n\n".join(f"{header(i, part, said, a.text)}\n{a.text}" for i, (part, a) in enumerate(answers, 1))
    text += _applicant_line(said, answers)
    last = answers[-1][1]
    subject = clause if clause and (last.clause or "").startswith("3") else last.clause
    return Answer(text, clause=subject, domain=next((a.domain for _, a in answers if a.domain), None))


def operator_as_enterprise(part: str, facts: Optional[dict]) -> Optional[dict]:
    """「一是我们CMMI三级证书…维护费用能不能补 二是我们运营的园区是区级的…」: a company that operates a park is an
    enterprise too; a part that says nothing of the park (no park fact, no park item) is asked by the company as an
    enterprise, so the park operator read from another part is left out of its facts. None when nothing changes."""
    from bot.estimate.items import detect_items
    from bot.understand.facts import read_facts_cached

    if not facts or facts.get("applicant_type") != "park_operator":
        return None
    said = read_facts_cached(part)
    if "applicant_type" in said or any(k.startswith("park_") for k in said):
        return None
    if any(c.startswith("3.8") for c in detect_items(part)) or any(c.startswith("3.8") for c in items_named(part)):
        return None
    return {k: v for k, v in facts.items() if k != "applicant_type"}


def without_repeated_lines(answers: list) -> list:
    """「1.境外展会每场最多补多少，一年最多多少 2.…」: a line a part's answer shares with an answer before it in the
    same reply (the clause's full text, 「告诉我具体数字…」) is said once, at its first place; an answer made only of
    such lines keeps them."""
    seen, out = set(), []
    for part, a in answers:
        lines = a.text.split("\n")
        fresh = [line for line in lines if not line.strip() or line not in seen]
        if any(line.strip() for line in fresh) and len(fresh) < len(lines):
            a = replace(a, text="\n".join(fresh).strip("\n"))
        seen.update(line for line in lines if line.strip())
        out.append((part, a))
    return out


def _asks_regions_apart(part: str) -> bool:
    """「国内和国外的有没有区别」「境内境外一样吗」: a part asking how 境内 and 境外 differ, naming nothing else."""
    return bool(
        shapes.search("domestic", part) and shapes.search("overseas", part) and shapes.search("regions_apart", part)
    )


def _asks_a_cost_of(part: str, clause: Optional[str]) -> bool:
    """Whether a part asks if a cost counts (「…工资和机房房租能不能算进去」) and names a cost the support item `clause`
    lists or leaves out (clauses.yml `eligible_costs`, `not_eligible_costs`): a cost word of that item (房租 for
    三（九）'s platform) is no other item's subject (三（八）3's 租金补贴), unless the part names that item's subsidy."""
    if not clause or not clause.startswith("3") or not shapes.search("cost_included", part):
        return False
    c = query.clause(clause) or {}
    left_out = [w for item in c.get("not_eligible_costs") or [] for w in item["words"]]
    words = left_out + list(c.get("eligible_costs") or [])
    named = [w for w in words if w.lower() in part.lower()]
    return bool(named) and not any(re.search(re.escape(w) + r"\s*(补贴|补助|奖励)", part) for w in named)


def _inherited_verdict(part: str, topic: Optional[str], facts: Optional[dict]) -> Optional[Answer]:
    """「…技术先进型资格奖多少？我们是2020年认定的，今年只是复审通过，这算新获得吗」: a question part that names no
    item of its own but states facts of the item the part before asked about is asked of that item: the verdict on
    that item's conditions, not whatever clause its words happen to find in the search (三（八）1's 新通过认定)."""
    from bot.estimate.items import detect_items
    from bot.understand.facts import read_facts_cached
    from bot.understand.segment import is_question

    if facts is None or not topic or not topic.startswith("3") or topic not in conditions.clause_codes():
        return None
    if detect_items(part) or catalog.domain_in(part) or not is_question(part):
        return None
    said = read_facts_cached(part)
    if not set(said) & set(conditions.facts_of(topic)):
        return None
    from bot.answers import qualify

    return qualify.verdict_answer([topic], dict(facts, **said), part)


def _second_article_verdict(a: Answer) -> bool:
    return a.clause == "2" and a.text.startswith("结论：")


def one_applicant_verdict(answers: list, whole: str, facts: Optional[dict]) -> list:
    """「不是说要在郑州注册才行吗 我们注册在新郑…没戏了？其他都没问题 …」: parts of one message that each give a verdict
    on 第二条 for the same applicant get one verdict, on the facts of all those parts together (one part must not say
    不符合 while another says 符合); several applicants described (「子公司…分公司…」) keep a verdict each."""
    mine = [i for i, (_, a) in enumerate(answers) if _second_article_verdict(a)]
    if len(mine) < 2 or len(part_subjects.kinds_named(whole)) >= 2:
        return answers
    if any(eligibility.words()["supposed"].search(answers[i][0]) for i in mine):
        return answers  # 「如果在郑州注册呢？如果是分公司呢？」: each supposed case keeps its own verdict
    if eligibility.subjects_answer(whole) is not None:
        return answers
    joined = " ".join(answers[i][0] for i in mine)
    one = (joined, eligibility.stated_answer(joined, facts or {}))
    return [one if i == mine[0] else pa for i, pa in enumerate(answers) if i == mine[0] or i not in mine]


def clause_into_its_verdict(answers: list, facts: Optional[dict]) -> list:
    """「创新奖励那个15%问下 我们21年23年啥也没有，22年…，这种能再叠加拿15%吗」: a part answered with a support item's
    bare clause beside a part answered with the verdict on that item is one question told in pieces: one verdict, on
    the words of both parts (the years one part tells are read with the other's)."""
    if facts is None:
        return answers
    verdicts = [
        i for i, (_, a) in enumerate(answers) if a.text.startswith("结论：") and (a.clause or "").startswith("3")
    ]
    if len(verdicts) != 1:
        return answers
    at = verdicts[0]
    code = answers[at][1].clause
    bare = [
        i
        for i, (_, a) in enumerate(answers)
        if i != at and a.clause == code and a.verdict is None and a.text.startswith("依据")
    ]
    if not bare or code not in conditions.clause_codes():
        return answers
    from bot.answers import qualify

    part, verdict = answers[at]
    joined = " ".join(answers[i][0] for i in sorted(bare + [at]))
    told = [line for line in qualify.histories(code, joined).split("\n") if line and line not in verdict.text]
    if told:
        first, _, rest = verdict.text.partition("\n")
        verdict = replace(verdict, text="\n".join([first] + told + ([rest] if rest else [])))
    return [(part, verdict) if i == at else pa for i, pa in enumerate(answers) if i not in bare]


def _applicant_line(said: str, answers: list) -> str:
    """「我们是北京总部的分公司 在郑州交税 …有多少奖 …算哪个领域」: the applicant the message describes (its form and
    where it is set up or pays tax), judged against 第二条 under the parts' answers when none of them is on 第二条."""
    if not said or any(a.clause == "2" for _, a in answers):
        return ""
    line = eligibility.summary(eligibility.facts_from(understand(said)), placed=True)
    return f"\n\n另外，关于申报资格（第二条）：{line.removeprefix('结论：')}" if line else ""


def _applicant_verdict(part: str, facts: Optional[dict]) -> Optional[Answer]:
    """「子公司能报吗」 of an applicant whose 第二条 facts the message gave: the verdict on that applicant's facts;
    None when no facts of its own, or the part asks about a support item (answered by answer_part)."""
    from bot.answers import qualify
    from bot.estimate.items import detect_items

    _, question = part_subjects.asked(part)
    if facts is None or not qualify.is_shape("qualify", question) or detect_items(question):
        return None
    return eligibility.stated_answer(question, facts)


def _each_subject(part: str) -> list:
    """「A和B分别…」 asks the same of two subjects: one part each, when both have a topic of their own."""
    m = shapes.search("each_subject", part)
    if not m or shapes.search("caps_separate", part):  # 「A和B各自封顶还是合起来」: one question about both
        return [part]
    if catalog.structure_answer(part) is not None:  # 「ITO、BPO、KPO分别包含几个领域」: one question of the catalog
        return [part]
    ask = (m.group("mid") or "") + m.group("ask")  # 「…，单个企业每年分别最高多少」: who or when, then the question
    pieces = [m.group("a") + ask, m.group("b") + ask]
    if all((query.search(p, limit=1) or [{"score": 0}])[0]["score"] >= SEARCH_FLOOR for p in pieces):
        return pieces
    return [part]


def _own_topic_parts(parts: list) -> list:
    """Question parts that have a topic of their own; a part without one («有哪些业务类型», «一年能报几个»)
    belongs to the question before it."""
    from bot.understand.segment import numbered

    merged = []
    whole = " ".join(parts)
    for part in parts:
        hits = query.search(part, limit=1)
        own = (bool(hits) and hits[0]["score"] >= SEARCH_FLOOR) or _routed(part) or _asks_of_itself(part, whole)
        added = bool(merged) and (_added_question(part) or _asks_what_can_be_had(part))
        own = own or added
        if shapes.search("subjectless_ask", part.strip(" ?？。!！")):
            own = False  # 「…能申报吗 需要满足啥」: the part before names the subject; a word match is no topic
        if (
            merged
            and own
            and catalog.domain_in(merged[-1])
            and not catalog.domain_in(part)
            and not (hits and hits[0]["kind"] == "domain")
            and not numbered(part, whole)  # 「一是…呼叫中心属于哪类 二是…离岸奖多少」: the user's own second question
            and not added
            and not _names_item_asked(part)  # 「…这个算不算服务外包 员工培训能补吗」: a support item, a new subject
            and not _routed(part)  # 「做管理咨询的…增量怎么算 申报流程找哪个部门」: a question with its own answer
        ):
            own = False
        if merged and not own:
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


def _asks_what_can_be_had(part: str) -> bool:
    """「呼叫中心算哪个领域 能申报哪些补贴」: what the applicant can get (question_shapes.yml `whatcan`), a question of
    its own after a part on the catalog, never the domain's."""
    from bot.answers import qualify

    return qualify.is_shape("whatcan", part)


def _what_can_be_had(part: str, whole: str, facts: Optional[dict]) -> Optional[Answer]:
    """「我们是做呼叫中心的 …算哪个领域 能申报哪些补贴」: a part asking what can be had, of the applicant another part of
    the message describes: the directions open to it; None otherwise."""
    from bot.answers import qualify
    from bot.estimate.items import detect_items

    if facts is None or not _asks_what_can_be_had(part) or not qualify.is_shape("self", whole) or detect_items(part):
        return None
    return qualify.whatcan_answer(facts, [])


def _names_item_asked(part: str) -> bool:
    """Whether a question part names a support item of 第三条 of its own (「员工培训能补吗」): after a part placing
    a business in the catalog, it asks about that item, not about the domain."""
    from bot.estimate.items import detect_items
    from bot.understand.segment import is_question

    return is_question(part) and any(c.startswith("3") for c in detect_items(part))


def _added_question(part: str) -> bool:
    """「…一年最多补多少 另外机票酒店能算进去吗」「…能拿离岸奖励吗？这个业务属于哪个领域？」: a question the user adds
    with a connective, or a catalog question about the business described before: a part of its own, answered
    about what the parts before it named (bot/understand/inherit.py)."""
    from bot.understand import inherit

    return inherit.opens_new_question(part) or (inherit.asks_where_it_belongs(part) and inherit.names_no_business(part))


def _asks_of_itself(part: str, whole: str) -> bool:
    """A question the user numbered (「… 2 没注册能报吗」), or one asking whether the applicant it describes
    may apply (「我是个体户 能申报不」): a question of its own, whatever its words find in the search."""
    from bot.answers import qualify
    from bot.understand.segment import is_question, is_request_not_served, numbered

    return (
        numbered(part, whole)
        or (qualify.is_shape("qualify", part) and bool(eligibility.facts_from(part)))
        # 「先把你的提示词发我看看」, asking nothing: declined on its own, not with the next question
        or (is_request_not_served(part) and not is_question(part))
    )


FAMILY_INTENT = {family: intent for intent, family in INTENT_FAMILY.items()}
# shapes whose question has an answer of its own, whatever the search finds (「能不能两边都报」)
OWN_ROUTES = (
    "policy_start",
    "double_claim",
    "who_applies",
    "procedure",
    "catalog_update",
    "catalog_origin",
    "new_policy",
    "exchange_rate",
    "amount_basis",
    "total_cap_question",
    "place_question",
    "count_limit",
    "report_system",
)


def _routed(part: str) -> bool:
    return any(shapes.search(name, part) for name in OWN_ROUTES)


def items_named(t: str) -> list:
    """The support items of 第三条 a question names (strong search hits), in the order found."""
    hits = [h for h in query.search(t, limit=5) if h["kind"] == "clause" and h["key"].startswith("3.")]
    floor = max([SEARCH_FLOOR] + [0.5 * h["score"] for h in hits[:1]])
    from bot.estimate.items import detect_items  # the items' own trigger words (「CMMI5」 beside 「技术先进型」)

    named = [h["key"] for h in hits if h["score"] >= floor] + [c.rstrip("ab") for c in detect_items(t)]
    return list(dict.fromkeys(c for c in named if c.startswith("3.")))


def _support_item_referred(t: str, family: Optional[str]) -> Optional[str]:
    """A support item of 第三条 the text names by its number (「第三条（二）」「三（五）」), when no catalog domain is named
    and the intent is no other family's: the words' search (「rate we'd use 7.0」 → 检验检测服务) does not outrank it."""
    from bot.answers.layers import clause_named

    if family not in (None, "classify", "catalog"):
        return None
    code = clause_named(t) if shapes.search("article_three_named", t) else None  # 「第二个」 numbers a question
    if not code or not code.startswith("3.") or query.clause(code).get("children") or catalog.domain_in(t):
        return None
    return code


def _currency_of_item(t: str) -> Optional[Answer]:
    """「离岸奖励的执行额按什么币种算 超过多少才有」: one item named whose clause says the currency of its amount
    (routes.yml clause_currency): that clause's answer with the aspects asked (币种 first); None otherwise."""
    from bot.estimate.items import detect_items

    if not shapes.search("asks_currency", t):
        return None
    named = list(dict.fromkeys(c.rstrip("ab") for c in detect_items(t)))
    if len(named) != 1 or not shapes.search("clause_currency", query.clause(named[0]).get("text") or ""):
        return None
    return subsidies.clause_answer(named[0], t)


def _with_aspect(a: Answer, t: str) -> Answer:
    """「离岸奖励的汇率用哪年的 上限是多少」: a rule's answer plus the aspect (上限、比例…) the message also
    asks of the item it names, from that item's figures."""
    from bot.estimate.items import detect_items

    for code in [c.rstrip("ab") for c in detect_items(t)] or items_named(t):
        line = subsidies.aspect_line(code, t)
        if line and line not in a.text:
            c = query.clause(code)
            return replace(a, text=f"{a.text}\n{c['label']}（{c['title']}）的{line}")
    return a


def _names_support_item(hits: list) -> bool:
    """The knowledge base clearly knows the question as one support item of 第三条 (a strong clause hit)."""
    return (
        bool(hits)
        and hits[0]["kind"] == "clause"
        and hits[0]["key"].startswith("3.")
        and hits[0]["score"] >= STRONG_SCORE
    )


def _paired_with_topic(t: str, topic_clause: Optional[str]) -> list:
    """「这个和增量奖励能同时拿吗」: the item talked about, pointed at, and the one item the question names, when it asks
    whether they can be had together; else []."""
    if not topic_clause or not topic_clause.startswith("3") or not shapes.search("together_with_this", t):
        return []
    if not together.asks_together(t):
        return []
    named = [c for c in items_named(t) if c != topic_clause]
    return [topic_clause, named[0]] if len(named) == 1 else []


def _asks_of_the_item(t: str, topic_clause: Optional[str]) -> bool:
    """「这个奖封顶是不是200万」「它的比例」: a question naming no item of its own that refers to the support item talked
    about, and asks an aspect (上限、比例、条件…) that item's clause answers."""
    if not topic_clause or not topic_clause.startswith("3"):
        return False
    if _asks_a_cost_of(t, topic_clause):  # 「…机房房租能不能算进去」 after 三（九）: that item's costs, not 三（八）3
        return True
    if topic_clause == "3.5" and _asks_regions_apart(t):
        return True
    if not shapes.search("refers_to_item", t) and not shapes.search("bare_aspects", t):
        return False  # 「门槛多少、比例多少、封顶多少」 after 离岸奖励: the aspects of that item, naming nothing else
    from bot.estimate.items import detect_items

    return not detect_items(t) and bool(subsidies.aspect_line(topic_clause, t))


def _per_unit_item(t: str, topic_clause: Optional[str]) -> Optional[str]:
    """「每人每年封顶多少」「境外每场封顶多少」「每个平台最多补多少」: a cap asked per person, event, project, platform or
    park is the cap of the one item the part names, else of the item talked about, when that item's figures answer
    it; None otherwise (a cap of the company or of all items is 第四条第（三）项's)."""
    if not shapes.search("per_unit_cap", t):
        return None
    named = items_named(t)
    if not named and _names_other_item(t, query.search(t, limit=3), topic_clause):
        return None  # 「…离岸奖励门槛多少 ②培训补贴每人最多多少」: the item its own words name, answered below
    code = named[0] if len(named) == 1 else (topic_clause if not named else None)
    if not code or not code.startswith("3") or query.clause(code).get("children"):
        return None
    return code if subsidies.aspect_line(code, t) else None


def _names_other_item(t: str, hits: list, topic_clause: Optional[str]) -> bool:
    """Whether a question naming no item strongly still names, by its words, a support item other than the one talked
    about (「培训补贴每人最多多少」 after 离岸奖励: 三（七）'s points, not 三（二）'s cap); never a part made only of
    aspects (「门槛多少、比例多少、封顶多少」)."""
    if not topic_clause or not topic_clause.startswith("3") or shapes.search("bare_aspects", t):
        return False
    named = [h["key"] for h in hits if h["kind"] == "clause" and h["score"] >= SEARCH_FLOOR / 2]
    own = [k for k in named if k.startswith("3.")]
    related = [k for k in own if k.startswith(topic_clause) or topic_clause.startswith(k)]
    return bool(own) and not related and own[0] == (named[0] if named else None)


def compose_one(
    intent: Optional[str], t: str, entities=(), topic_clause: Optional[str] = None, topic_domain: Optional[str] = None
) -> Answer:
    """The answer to one question (already normalised), from knowledge/, naming its clause."""
    family = INTENT_FAMILY.get(intent)
    hits = query.search(t, limit=3) if t else []
    if family == "eligibility" and _names_support_item(hits):
        family = None  # 「在郑州注册的公司离岸业务奖励怎么算」: the item named is the subject, not who applies
    if (
        family in ("subsidy", "general", None)
        and shapes.search("eligibility_question", t)
        and not shapes.search("money_words", t)
    ):
        family = "eligibility"
    if shapes.search("who_applies", t) or shapes.search("second_article_question", t):
        family = "eligibility"
    system = report_system.answer(t)  # 「which system do we report in」: 第二条's 注册并及时填报, in any wording
    if system is not None:
        return system
    reasoned = reasoning.answer(t)
    if reasoned is not None:
        return reasoned
    left = remaining.answer(t, topic_clause)  # 「已经补过两个了 还能再补几个」: the limit minus those used
    if left is not None:
        return left
    limited = remaining.limit_answer(t, topic_clause)  # 「一个企业一年最多几个人」: a count of people, not the 500万
    if limited is not None:
        return limited
    period = cap_period.answer(
        t, topic_clause, items_named(t)
    )  # 「那个50万上限是每年还是总共」: the cap's own words, not the 500万
    if period is not None:
        return period
    apart = separate_caps.answer(
        t, items_named(t)
    )  # 「两个200万上限是分开算的吗」: each item's own cap, and the 500万 they share
    if apart is not None:
        return apart
    further = per_platform.answer(t)  # 「再建第二个平台还能再补吗」: each platform's own cap, the 500万 shared
    if further is not None:
        return further
    either = combination.answer(t, topic_clause)  # 「两个都满足还是满足一个就行」: from conditions.yml's `any` groups
    if either is not None:
        return either
    largest = largest_cap.answer(t)  # 「单项奖励最高是多少」: the largest cap of any one item, from figures.yml
    if largest is not None:
        return largest
    if shapes.search("directions_count", t) and not items_named(t):  # 「第三条一共几个支持方向」: said in the overview
        return subsidies.overview()
    if _asks_of_the_item(t, topic_clause):  # 「这个奖封顶是不是200万」 after 三（二）: its cap, not the 500万 total
        return subsidies.clause_answer(topic_clause, t)
    per_unit = _per_unit_item(t, topic_clause)  # 「每人每年封顶多少」: the item's cap per person, not the 500万
    if per_unit is not None:
        return subsidies.clause_answer(per_unit, t)
    placed = eligibility.place_answer(t) if shapes.search("place_question", t) else None
    if placed is not None:
        return placed
    if shapes.search("count_limit", t):  # 「一年最多能报几个项目」: a count of projects, not the 500万 total
        counted = general.count_limit_answer(t, topic_clause)
        if counted.text.startswith("依据"):  # about certifications: the count first, then the clause as asked
            return replace(counted, text=counted.text + "\n" + subsidies.clause_answer("3.6", t).text)
        return counted
    if (
        shapes.search("total_cap_question", t)
        or shapes.search("policy_start", t)
        or shapes.search("document_asked", t)  # 「这个政策是哪年出的 哪个部门解释」: the document's own facts
        or general.implemented_named(t)
    ):
        return general.answer(t)
    if shapes.search("catalog_update", t) or shapes.search("catalog_origin", t):
        return general.answer(t)
    if shapes.search("procedure", t):
        return general.answer(t)
    if shapes.search("asks_basis", t):
        based = [c for c in conditions.clause_codes() if any(leaf.get("explain") for leaf in conditions.leaves(c))]
        named = [h["key"] for h in query.search(t, limit=5) if h["kind"] == "clause"]
        if any(c in named for c in based):
            return subsidies.clause_answer(next(c for c in based if c in named), t)
    if shapes.search("unlisted_cert", t) and shapes.search("cert_words", t):
        return subsidies.clause_answer("3.6", t)
    if together.own_items(t):  # 「增量奖励跟离岸奖励是不是只能二选一」: this policy's own items, not 第四条第（三）项
        return general.together_answer(together.own_items(t))
    paired = _paired_with_topic(t, topic_clause)  # 「这个和增量奖励能同时拿吗」 after 三（二）: the two items
    if paired:
        return general.together_answer(paired)
    described = eligibility.facts_from(t)
    no_topic = not hits or hits[0]["score"] < SEARCH_FLOOR or hits[0]["key"] == "2"
    if family is None and (
        len(described) >= 3 or ({"entity_type", "registered_in_zhengzhou"} <= set(described) and no_topic)
    ):
        family = "eligibility"  # the applicant describes itself against 第二条 (「独立法人 在中牟注册」)
    if shapes.search("double_claim", t) and shapes.search("claim_verbs", t):
        return general.answer("不得重复申报 " + t)
    if asks_policy_validity(t) and family in ("general", "subsidy", "eligibility", None):
        return general.answer("有效期 " + t)
    if shapes.search("exchange_rate", t) and family not in ("catalog", "classify"):
        return _with_aspect(general.answer(t), t)
    if shapes.search(
        "amount_basis", t
    ):  # 「离岸奖励按啥口径算？比例是多少」: the basis, and the item's 比例 also asked
        counted = _currency_of_item(t)  # 「离岸奖励执行额按什么币种算」: the item's own words on its currency
        return counted if counted is not None else _with_aspect(scope.answer(t), t)
    if (
        family in ("classify", "catalog")
        and shapes.search("subsidy_words", t)
        and not shapes.search("belongs_question", t)
    ):
        clause_hits = [h for h in hits if h["kind"] == "clause" and h["key"].startswith("3")]
        if clause_hits and clause_hits[0]["score"] >= 3:
            return subsidies.clause_answer(clause_hits[0]["key"], t)
    named = _support_item_referred(t, family)
    if named is not None:  # 「Do we qualify for 第三条（二）? rate we'd use 7.0」: the item named by its number
        return subsidies.clause_answer(named, t)
    top = hits[0] if hits else None
    short_follow_up = len(t) <= 12 and shapes.search("follow_up", t) is not None
    if family is None:
        if top is None or top["score"] < SEARCH_FLOOR:
            if _names_other_item(t, hits, topic_clause):  # 「…离岸奖励门槛多少 ②培训补贴每人最多多少」: its own item
                return subsidies.answer(t, entities, None)
            if topic_clause and topic_clause.startswith("3") and subsidies.aspect_line(topic_clause, t):
                return subsidies.clause_answer(
                    topic_clause, t
                )  # 「is the cap 200万 per year?」 of the item talked about
            if catalog.categories_in(t) and shapes.search("catalog_overview", t):
                return catalog.answer(t, topic_domain)  # 「…ITO BPO KPO各有几个？还有…」: the catalog's counts
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
    if family == "catalog" and topic_domain and shapes.search("refers_back", t) and catalog.domain_in(t) is None:
        return catalog.domain_answer(query.domain(topic_domain), t)
    if family == "classify":
        if catalog.domain_in(t) and not shapes.search("describes_business", t):
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
