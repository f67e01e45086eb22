"""Answers in layers, for a phone: the overview first (every support direction and sub-item in one
line with its key figure, from knowledge/data/summaries.yml), the full clause on request.

A request for details is read here without the NLU: a number or 「第5个」 picks one of the choices the
last answer offered, 「详细说说第五项」「第三条第（七）项第2点具体是什么」 name a clause, 「展开」 expands
what was just answered.
"""

import re
from typing import List, Optional

from knowledge import query
from knowledge.summaries import summary

from bot.answers.model import Answer
from bot.answers.qualify import is_shape

# the overview's choices, numbered as the policy numbers 第三条's items; the tenth is 第四条
OVERVIEW_CODES = ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "4"]
CN_DIGITS = "一二三四五六七八九十"
NUMBER = r"(\d{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九]十?[一二三四五六七八九]?)"
FULL_REF = re.compile(
    r"第?([一二三四1-4])条(?:第?[（(]?([一二三四五六七八九1-9])[）)]?(?:项|款)?)?"
    r"(?:第?[（(]?([一二三四1-4])[）)]?点)?"
)
ITEM_REF = re.compile(r"第[（(]?([一二三四五六七八九1-9])[）)]?(?:项|款|个)(?:第?[（(]?([一二三四1-4])[）)]?点)?")
SHORT_REF = re.compile(r"([三四])[（(]([一二三四五六七八九])[）)]([1-4])?")
CHOICE = re.compile(r"^(?:第|选|选择)?" + NUMBER + r"(?:个|项|号|点)?$")  # 第四条 is an article, not a choice
FILLERS = re.compile(
    r"[\s，。,.!！?？、]|请|麻烦|我要|我想|看看|看一下|详细说说|详细说|说说|讲讲|具体|详细|展开|是什么|吧|呢"
)


def number(word: str) -> Optional[int]:
    """12 or 十二 → 12; None when the word is no number."""
    if word.isdigit():
        return int(word)
    if not word or any(ch not in CN_DIGITS for ch in word):
        return None
    if word == "十":
        return 10
    if "十" in word:
        tens, _, ones = word.partition("十")
        return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)
    return CN_DIGITS.index(word) + 1 if len(word) == 1 else None


def short_ref(code: str) -> str:
    """三（二）, 三（七）2, 第四条, 四（三） — the clause reference a phone line ends with."""
    parts = code.split(".")
    if len(parts) == 1:
        return query.clause(code)["label"]
    out = CN_DIGITS[int(parts[0]) - 1] + "（" + CN_DIGITS[int(parts[1]) - 1] + "）"
    return out + (parts[2] if len(parts) > 2 else "")


def detail_payload(code: str) -> str:
    """What a button for a clause sends: a plain request any channel can also type."""
    return "详细说说" + query.clause(code)["label"]


def button(code: str) -> dict:
    """A quick reply that brings the clause in full."""
    return {"title": summary(code)["short"], "payload": detail_payload(code)}


def summary_line(code: str) -> str:
    """「离岸业务：年度离岸业务超过100万美元的，……（三（二））」."""
    s = summary(code)
    return f"{s['short']}：{s['summary']}（{short_ref(code)}）"


def overview() -> Answer:
    """Every support direction of 第三条 and every sub-item, then 第四条's total, one line each."""
    items = query.clause("3")[
        "children"
    ]  # 「第三条一共有几个支持方向」: the count is said, from the clause's own items
    first, last = (short_ref(code).removeprefix("三") for code in (items[0], items[-1]))
    lines = [
        f"支持方向和标准：第三条共{len(items)}项支持方向（{first}至{last}），另附第四条的总额与申报规则，每项一行："
    ]
    for n, code in enumerate(OVERVIEW_CODES, 1):
        children = query.clause(code)["children"] if code.startswith("3") else []
        if children:
            lines.append(f"{n}. {summary(code)['short']}（{short_ref(code)}），分{len(children)}点：")
            lines.extend(
                f"  {i}) {summary(child)['short']}：{summary(child)['summary']}" for i, child in enumerate(children, 1)
            )
        else:
            lines.append(f"{n}. {summary_line(code)}")
    lines.append("回复编号看完整条款、条件和可补贴费用；给我数字可帮您测算。")
    return Answer("\n".join(lines), clause="3", buttons=[button(code) for code in OVERVIEW_CODES])


def detail(code: str) -> Answer:
    """A clause in full: its text, who applies, its conditions, eligible costs and exclusions."""
    c = query.clause(code)
    children = c.get("children") or []
    if code == "3":
        leaves = [leaf for child in children for leaf in (query.clause(child)["children"] or [child])]
        lines = [f"{c['label']}（{c['title']}）全文："]
        lines += [
            f"{query.clause(leaf)['label']}（{query.clause(leaf)['title']}）：{query.clause(leaf)['text']}"
            for leaf in leaves
        ]
        return Answer("\n".join(lines), clause="3")
    if children:
        lines = [f"{c['label']}（{c['title']}）共{len(children)}点："]
        for i, child in enumerate(children, 1):
            cc = query.clause(child)
            lines.append(f"{i}. {cc['title']}（{short_ref(child)}）：{cc['text']}")
        lines.append("回复编号看某一点的条件和可补贴费用。")
        return Answer("\n".join(lines), clause=code, buttons=[button(child) for child in children])
    lines = [f"{c['label']}（{c['title']}）全文：{c['text']}"]
    if c.get("applicant") and c["applicant"] != "企业":
        lines.append(f"申报主体：{c.get('applicant_detail') or c['applicant']}。")
    if c.get("conditions"):
        lines.append("条件：" + "；".join(c["conditions"]) + "。")
    if c.get("eligible_costs"):
        lines.append("可补贴的费用：" + "、".join(c["eligible_costs"]) + "。")
    if c.get("exclusions"):
        lines.append("不包括：" + "、".join(c["exclusions"]) + "。")
    if code.startswith("3.") and c.get("figures"):
        lines.append("告诉我具体数字，我可以帮您测算。")
    return Answer("\n".join(lines), clause=code)


def clause_named(text: str, topic: Optional[str] = None) -> Optional[str]:
    """The clause a message names: 第三条第（七）项第2点 → 3.7.2, 三（五） → 3.5, 第五项 → 3.5
    (第四条's items when the conversation is about 第四条); None when it names none."""
    code = None
    m = FULL_REF.search(text)
    if m and number(m.group(1)) in (3, 4):
        code = ".".join(str(number(g)) for g in m.groups() if g)
    if code is None:
        m = SHORT_REF.search(text)
        if m:
            code = ".".join(str(number(g)) for g in m.groups() if g)
    if code is None:
        m = ITEM_REF.search(text)
        if m:
            base = "4" if (topic or "").startswith("4") else "3"
            code = ".".join([base] + [str(number(g)) for g in m.groups() if g])
    return code if code and query.clause(code) else None


def choice_number(text: str) -> Optional[int]:
    """「5」「第5个」「详细说说第五项」 → 5: a choice among those just offered; None otherwise."""
    core = FILLERS.sub("", text)
    m = CHOICE.match(core)
    return number(m.group(1)) if m else None


def requested(text: str, topic: Optional[str] = None, offered: Optional[List[dict]] = None) -> Optional[str]:
    """The clause a request for details asks for, or None when the message is no such request.

    `topic`: the clause last answered (for 「展开」); `offered`: the buttons of the last answer
    (a number picks one)."""
    t = (text or "").strip()
    if not t or len(t) > 40:
        return None
    n = choice_number(t)
    if n is not None and offered and 1 <= n <= len(offered):
        return clause_named(str(offered[n - 1].get("payload") or ""))
    bare = re.sub(r"[\s，。,.!！?？]", "", t)
    if any(p.fullmatch(bare) for p in _shape("expand")):
        return topic if topic and (topic == "3" or topic.startswith(("3.", "4"))) else None
    code = clause_named(t, topic)
    if code and is_shape("detail", t) and not is_shape("amount", t) and not is_shape("qualify", t):
        return article_titled(t) or code
    return None


ARTICLES = ("1", "2", "3", "4")


def article_titled(text: str) -> Optional[str]:
    """The article whose own title the message names (「项目申报资格」 → 2), or None: the subject, not the
    number, decides which article a request is about."""
    named = [code for code in ARTICLES if query.clause(code)["title"] in (text or "")]
    return named[0] if len(named) == 1 else None


def number_correction(text: str, code: str) -> str:
    """「第三条规定的项目申报资格」: the number the user remembers names another article than its subject;
    the line that corrects it (empty when the number is right or none is given)."""
    said = clause_named(text)
    if not said or said.split(".")[0] == code.split(".")[0]:
        return ""
    c, other = query.clause(code), query.clause(said.split(".")[0])
    return f"更正：“{c['title']}”是{c['label']}，不是{other['label']}（{other['label']}是“{other['title']}”）。"


def _shape(name: str):
    from bot.answers.qualify import shapes

    return shapes()[name]


def answer(code: str) -> Answer:
    """The layer a request asks for: the overview for 第三条 as a whole, else the clause in full."""
    return detail(code)
