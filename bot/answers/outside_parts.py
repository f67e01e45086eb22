"""A message of several questions, some about what this policy does not provide (「offshore外包的收入是不是免增值税啊 郑州这个
政策里面有没有什么tax方面的优惠 上海那边是不是比郑州优惠」): every part gets its own answer — a tax asked about is said to be
outside the policy (document.yml not_provided `asked_reply`: the policy's measures are awards and subsidies, tax is only
第二条's condition), another city's policy is said to be unknown to the assistant (other_policies regions `aside_note`), and
a part about this policy is answered as usual. Never one decline for the whole message, nor a part left unanswered.
Plain Python, no Rasa.
"""

import re
from typing import Optional

from knowledge import query

from bot.answers.model import Answer

QUESTION = re.compile(r"吗|么|嘛|呢|啊|是不是|是否|有没有|能不能|可不可以|多少|怎么|如何|哪|什么|啥|几|(.)不\1")
APPLYING = re.compile(r"申报|申请|报不报|能报|能拿|影响|资格|条件|符合|奖励|补贴")


def _tax_reply(part: str) -> str:
    """The reply to a part asking how a tax is treated (document.yml not_provided `asked`), or ""."""
    for entry in query.document().get("not_provided") or []:
        asked = entry.get("asked")
        if not asked:
            continue
        # the tax asked in the clause that asks (「增值税是免税的，这块我们清楚。想问下…门槛是多少」 states it, asks nothing of it)
        said = [
            c for c in re.split(r"[，,。；;？?！!\s]+", part) if re.search(entry["words"], c) and re.search(asked, c)
        ]
        if any(QUESTION.search(c) for c in said):
            # 「享受免税会影响申报吗」 asks about applying: 第二条's reading, not a tax question
            if APPLYING.search(re.sub(entry["words"], "", part)) and not re.search("政策", part):
                return ""
            return entry["asked_reply"] + "。"
    return ""


def _other_reply(part: str) -> str:
    """The reply to a part about another policy or city (knowledge/other_policies.py), or ""."""
    name = query.other_policy(part)
    if not name:
        return ""
    if "其他城市" in name or "的相关政策" in name:
        return _city_note()
    topic = next((t for t, _ in _topics() if t["name"] == name), {})
    return f"“{name}”不属于本政策的内容：{topic.get('note') or '本政策没有对它作出规定'}。"


def _city_note() -> str:
    regions = (query.document().get("other_policies") or {}).get("regions") or {}
    return f"{regions.get('aside_note', '我只有郑州市这项政策的内容，无法比较')}。"


def _topics():
    from knowledge import other_policies

    return other_policies.topics()


def asks_tax(t: str) -> bool:
    """Whether a question part of a message of several asks how a tax is treated (「离岸收入免不免税」)."""
    from bot.understand.segment import is_question, question_parts

    parts = [p for p in question_parts(t) if p.strip()]
    return len(parts) >= 2 and any(is_question(p) and _tax_reply(p) for p in parts)


def answer(t: str, said: str = "", all_outside: bool = False) -> Optional[Answer]:
    """One answer per question part when at least one is about what the policy does not provide and the parts are
    not all one subject; None otherwise. `all_outside` (a message otherwise declined whole): only when a part compares
    another city, whose decline would swallow the other parts (「技先认定要什么条件 去哪个部门申请」 stays one decline)."""
    from bot.answers import router
    from bot.understand.quote import header
    from bot.understand.segment import is_question, question_parts

    parts = [p for p in question_parts(t) if p.strip()]
    if len(parts) < 2:
        return None
    replies = [(p, (_tax_reply(p) if is_question(p) else "") or _other_reply(p)) for p in parts]
    outside = [r for _, r in replies if r]
    if not outside or (len(outside) == len(parts) and len(set(outside)) == 1):
        return None
    city = _city_note()
    if not all_outside and len(outside) == len(parts) and city not in outside:
        return None  # every part outside and no city compared: the message's one decline (「技先所得税优惠 出口退税怎么办」)
    if all_outside and city not in outside:
        return None  # 「技先认定要什么条件 去哪个部门申请」「增值税怎么报 能不能做税务筹划」: one decline
    out = []
    for part, reply in replies:
        if not reply:
            continue
        same = next((i for i, (_, r) in enumerate(out) if r == reply), None)
        if same is not None:  # 「是不是免增值税 …有没有tax方面的优惠」: one reply answers both, both quoted
            out[same] = (out[same][0].rstrip("?？") + "；" + part, reply)
        else:
            out.append((part, reply))
    # the parts about this policy are answered together, as one message (「…门槛多少、比例多少」 asks of the item before)
    rest = " ".join(part for part, reply in replies if not reply)
    if rest and rest != t:
        a = router.compose(None, rest)
        if a is not None and a.text and "不在我的范围内" not in a.text:
            out.append((rest, a.text))
    if len(out) < 2:
        return None
    text = "\n\n".join(f"{header(i, part, said or t, r)}\n{r}" for i, (part, r) in enumerate(out, 1))
    return Answer(text, confident=True)
