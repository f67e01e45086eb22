"""What a reply to one pre-screening question of 第二条 answers, and the business a message describes.

A yes or no answers the condition asked only when the reply is a bare answer (「是的」「没问题」「都满足」), opens
with one, or says it in a phrase naming that condition (「产权没问题 不过…」); 「不是新成立企业，财务制度健全」 to
「企业产权清晰吗」 speaks of 新成立 and 财务, not of 产权: its facts are kept and 产权 stays to be confirmed
(words in knowledge/data/eligibility_words.yml `answer_topics`, `bare_answer`).
"""

import re
from typing import Optional

YES = re.compile(r"^(是|是的|对|对的|有|嗯|满足|符合|已经?|已注册|已填报|没问题|好的|可以|yes|y|ok)")
ALL = re.compile(
    r"^(都|全都|全部|也都|也)(?=是|满足|符合|有|可以|ok|不|没|未)"
)  # 「都满足」「都不满足」: read as 满足, 不满足
NO_PROBLEM = re.compile(r"^(都|全都|全部)?(没(啥|什么|有)?问题|没毛病|不成问题)")  # a yes, though it starts with 没
NO = re.compile(r"^(否|不是|不对|没有|没|未|无|不满足|不符合|还没|尚未|no|n)")
UNSURE = re.compile(r"不确定|不清楚|不知道|不太清楚|说不好|跳过|不好说")
FILLER = re.compile(r"^(这块|这一块|这方面|方面|这边|上面?|的|也|都|我们|一直|是)+")


def reading(text: str, intent: Optional[str] = None) -> Optional[str]:
    """ "yes", "no" or "unsure" for an answer read as a whole (its first words, or the NLU's affirm/deny), else None."""
    t = ALL.sub("", text.strip())
    if UNSURE.search(t) or intent == "dont_know":
        return "unsure"
    if NO_PROBLEM.match(t) or intent == "affirm" or YES.match(t):
        return "yes"
    if intent == "deny" or NO.match(t):
        return "no"
    return None


def _phrases(text: str) -> list:
    from bot.answers.eligibility import words

    return [p for p in words()["phrase_end"].split(text) if p and p.strip()]


def answer_to(key: str, text: str, intent: Optional[str] = None, says_more: bool = False) -> Optional[str]:
    """The answer a reply gives to the condition `key` it was asked ("yes", "no", "unsure"), or None when it gives
    none. A reply that says nothing else is read whole, as before; one that also states other facts or figures
    (`says_more`) answers only by a bare opening phrase or by a phrase naming the asked condition."""
    from bot.answers.eligibility import words

    if not says_more:
        return reading(text, intent)
    w = words()
    phrases = _phrases(text)
    if phrases and w["bare_answer"].match(phrases[0].strip()):
        return reading(phrases[0])
    topic = w["answer_topics"].get(key)
    for phrase in phrases if topic is not None else ():
        m = topic.search(phrase)
        if not m:
            continue
        rest = FILLER.sub("", phrase[m.end() :])
        said = reading(rest) if rest and w["bare_answer"].match(rest) else None
        if said:
            return said
    return None


def business_line(text: str) -> Optional[str]:
    """The catalog domain of the business a message describes (「主要给日本客户做软件测试外包」 → 软件研发服务, ITO),
    as one line naming its place in the 附件; None when no phrase describes a business the catalog places. Only a
    phrase saying what the applicant does is read (knowledge/data/catalog.yml `business_statement`), never its
    finance or tax (「账是找代账公司做的」)."""
    from bot.answers.catalog import CATALOG, domain_label, judge_part
    from knowledge import query, sources

    pattern = sources.load_cached("catalog").get("business_statement")
    if not pattern:
        return None
    for phrase in _phrases(text):
        if not re.search(pattern, phrase):
            continue
        found = judge_part(phrase)
        if not found or found[0] != "domain" or found[1].get("excluded"):
            continue
        hit = found[1]
        d = query.domain(hit["domain"])
        types = hit.get("business_types") or ([hit["business_type"]] if hit.get("business_type") else [])
        kind = f"（业务类型：{'、'.join(types)}）" if types else ""
        return (
            f"业务领域：您说的「{phrase.strip()}」可归入{d['name']}{kind}，属于{d['category_name']}（{d['category']}），"
            f"见{CATALOG}{domain_label(d)}。"
        )
    return None
