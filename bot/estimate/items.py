"""Which award items a user is asking about, and what the conversation calls them.

The names and trigger words are each clause's (bot/estimate/clauses/); this module maps a
user's words to item codes and orders the items for a reply.
"""

import re

from bot.estimate import clauses, lists

ORDER = clauses.ORDER
NAMES = clauses.NAMES
# Words that name an item (checked on normalised text): each clause's trigger words.
ITEM_PATTERNS = [(c.code, c.triggers) for c in clauses.CLAUSES]

NEGATED = re.compile(r"(没有|没|无|不是|并非|非|未)(建|搭建|建设|申请|申报|参加|拿|获得)?$")
# 「没有实习生和人才培训项目」: the denial holds for every word of the list it opens, to its 和/与/及/或 before the item
# 「没有展会、资质认证、培训、园区、平台等其他项目」: the denial holds for each item of a 、 list it opens too
NEGATED_LIST = re.compile(r"(没有|没|无|未)(?:[^，。；,;、！!？?\n\d]{1,8}[、和与及或])+[^，。；,;、！!？?\n\d]{0,3}$")
# "去年的增量先不算" 「离岸10%那个先不用管」: an item named to leave it out (「不算多」「不算在岸」 say something else)
LEFT_OUT = re.compile(
    r"([^，。；,;]{0,4}|[^，。；,;]{0,8}?(那个|这个|那块|这块|那项|这项|部分))\s*"
    r"(先不算|不算(?!多|少|高|低|大|小|在|进|是|入|作)|不用算|不要算|不考虑|不用考虑|先不管|先别管|先别算|别算|除外|不用管|不用看|不需要算|暂不考虑|先放一边|(?:我们|咱们)?(?:下次|以后|回头|改天|之后)再(?:单独)?(?:问|算|说))"
)

# 「其他项目（技术先进型、展会、认证等）都没有」「展会和认证也都没参加」: an item named in a list that 都/也 … 没有 then
# denies as a whole, in the same clause and with no figure between, is declined, not asked about
DENIED_AFTER = re.compile(
    r"[^，。；,;！!？?\n\d]{0,24}?(都|均|全都|全|也都|也)\s*(没有|没|无|不涉及)[^，。；,;！!？?\n\d吗呢]{0,4}(?=[，。；,;！!\n]|$)"
)  # 「展会和认证都没有上限吗？」 asks, declines nothing

GROUPS = {
    "3.8.2": ["3.8.2a", "3.8.2b"],
    "3.7": ["3.7.2", "3.7.3", "3.7.4"],
    "3.8": ["3.8.1", "3.8.2a", "3.8.2b", "3.8.3"],
}


def detect_items(text: str) -> list:
    """Item codes named in `text` (normalised), in policy order; an item named in a claim the message takes back
    (「…连续两年增长——哦不对…这条当我没说」) is not named (bot/understand/retractions.py)."""
    from bot.understand.retractions import without_retracted

    text = without_retracted(text)
    found = {
        code
        for code, pat in ITEM_PATTERNS
        if any(
            not NEGATED.search(text[max(0, m.start() - 6) : m.start()])
            and not NEGATED_LIST.search(text[max(0, m.start() - 40) : m.start()])
            and not LEFT_OUT.match(text, m.end())
            and not DENIED_AFTER.match(text, m.end())
            and not (code != "3.5" and _inside_fair_name(text, m.start(), m.end()))
            for m in re.finditer(pat, text)
        )
    }
    if "3.7.2" in found and "3.7.3" in found and not re.search(r"中高级|高级人才|项目经理", text):
        found.discard("3.7.3")
    if "3.7.2" in found and "3.7.3" in found and not _names_a_training_body(text):
        found.discard("3.7.2")  # 「我们公司搞了个高级研修班 24个学员…项目经理」: an enterprise's trainees, no 培训机构
    if "3.9" in found and re.search(r"电商平台|平台开发|众包平台", text) and not re.search(r"公共|服务平台", text):
        found.discard("3.9")
    if "3.9" in found and "3.8.3" in found and rent_of_platform(text):
        found.discard("3.8.3")
    return [c for c in ORDER if c in found]


def _inside_fair_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is inside a fair's own name (「中国国际服务外包交易博览会」): the fair's words, naming no
    other item (国际服务外包 there is no offshore business)."""
    from bot.estimate.fair_names import fair_names

    return any(a <= start and end <= b for a, b, _ in fair_names(text))


def rent_of_platform(text: str) -> bool:
    """Whether every rent word of `text` (normalised) is one of a platform's costs, no park rent: said inside the
    platform's cost (「平台总投入500万 里面包括人员工资和场地租金」), listed among its costs (「平台 投入：硬件320万 …
    场地房租60万」), or after the platform with nothing of a park, an office or the rent subsidy said
    (「…平台团队一年工资150万、场地租金30万」)."""
    rents = list(re.finditer(clauses.BY_CODE["3.8.3"].triggers, text))
    if not rents or "平台" not in text:
        return False
    return (
        all(INSIDE_A_COST.search(text[max(0, m.start() - 12) : m.start()]) for m in rents)
        or all(lists.in_list_about(text, m.start(), r"平台") for m in rents)
        or _platform_rent_only(text)
    )


def _names_a_training_body(text: str) -> bool:
    """Whether 三（七）2 is named by more than the word 学员 (a company's course has 学员 too): a training body, its
    recognition, or its per-head support."""
    pattern = clauses.BY_CODE["3.7.2"].triggers
    return any(m.group(0) != "学员" for m in re.finditer(pattern, text)) or "认定" in text


def _platform_rent_only(text: str) -> bool:
    """Whether every rent word of `text` follows a mention of 平台 and the message says nothing of a park, an office or
    the rent subsidy (estimate_words.yml platforms `park_rent`): that rent is one of the platform's costs."""
    from bot.estimate.reading import alternation, estimate_words

    first = text.find("平台")
    if first < 0 or re.search(alternation(estimate_words()["platforms"]["park_rent"]), text):
        return False
    return all(m.start() > first for m in re.finditer(clauses.BY_CODE["3.8.3"].triggers, text))


# a word after these, inside a cost's description, names part of that cost, not an item of its own
# (「里面包括人员工资和场地租金」; 「180万是平台人员工资和房租」: the platform's own staff and rent)
INSIDE_A_COST = re.compile(
    r"(包括|包含|含有?|里面有|其中有|其余|剩下)[^，。；,;0-9]{0,10}$|平台的?[^，。；,;0-9\s]{0,8}$"
)


def set_aside(text: str) -> list:
    """Items the message names only to leave them out (「离岸奖励先不用管，只算增量」): every mention followed by
    LEFT_OUT; they are neither computed into the total nor shown (bot/estimate/session.py compute)."""
    from bot.understand.retractions import without_retracted

    from bot.estimate.reading import estimate_words

    text = without_retracted(text)
    out = []
    for code, pat in ITEM_PATTERNS:
        marks = [bool(LEFT_OUT.match(text, m.end())) for m in re.finditer(pat, text)]
        if marks and all(marks):
            out.append(code)
    for code, names in (estimate_words().get("set_aside_names") or {}).items():
        for name in names:
            at = text.find(name)
            if at >= 0 and LEFT_OUT.match(text, at + len(name)):
                out.append(str(code))
    return [c for c in ORDER if c in out]


def sort_items(codes) -> list:
    """Codes in the policy's order, without duplicates."""
    codes = set(codes)
    return [c for c in ORDER if c in codes]


def fair_caps_note() -> str:
    """The fair caps per event, from knowledge/data/figures.yml (clauses/market_fairs.py)."""
    return clauses.market_fairs.caps_note()
