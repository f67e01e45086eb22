"""Split a message into its questions: each question part with the statements before it.

A run-on voice message or 「A？B？」 yields several parts; statements (「我们是…」「去年离岸…」)
travel with the question that follows them. Plain Python, no Rasa.
"""

import re
from typing import List

from knowledge import shapes

# 「几个」 asks only at the end of a clause (「能报几个」), not in 「派了几个本科生去培训」.
# A clause ends at punctuation or a space (not one between two Latin words: 「system prompt」), after a question particle inside a run-on (「…吗然后…」),
# and before a connective that starts a new point (然后、还有、另外…).
CLAUSE_END = re.compile(
    r"(?<=[?？])|(?:[，。；;！!\n]|(?<!\d),|,(?!\d))+|(?<![A-Za-z\s])\s+|\s+(?![A-Za-z\s])|(?<=[吗呢嘛])(?=[^？?，,。\s吗呢])|(?<=多少[啊呀])(?=[^？?，,。\s])|"
    r"(?<=(?<![什怎那多这要])么)(?=[^？?，,。\s])|"
    r"(?=然后|还有就是|还有|另外|还想问|再问一下|顺便问|以及)"
)
QUESTION = re.compile(
    r"[?？]|吗|(?<![什怎那多这要])么|嘛|呢|怎么|如何|多少|哪|(?<![没不])(?<!没有)(?:什么|啥)|咋|多久|多长|"
    # 「前几年就拿到了」「十几个」: 几 after 前/这/近/好/十 counts loosely, it asks nothing
    r"(?<!了)(?<![前这那近头好十后])几(个|月|年|项|人|号|家|份|成|倍|点)[^，,。\s]{0,4}$|百分之几|占几|"
    r"是否|谁|吧$|(?<![不没])(.)不\2|(?<![不没])(.)没\3|(?P<pair>[\u4e00-\u9fff]{2,3})不(?P=pair)|"  # 「能报不能报」「可以不可以」
    # 「不对不对」「没有没有」: 不对 said twice corrects, asks nothing
    r"(?:能|可以|可|会|行|中|对|是|有|算)[^，,。\s]{0,8}不$"  # 「能申报不」「算服务外包不」: 不 as the question's end
    r"|(?:还有|有)[^，,。\s没]{1,8}没$"  # 「还有别的支持没」: 没 as the question's end
)
# 「1 这业务算吗 2 没注册能报吗」「①…②…」: the user numbers its questions; a number starting a part that
# follows the one before it in the message marks a question of its own.
NUMBERED = re.compile(
    r"^\s*(?:[(（]?(?P<digit>[1-9])(?![\d万千百元个年月号天周%]|[.．]\d)|(?P<circled>[①-⑨]))\s*[、.．:：)）]?\s*(?=[^\d\s])"
    r"|^\s*(?:第|其)?(?P<cn>[一二三四五六七八九])(?:是|、|：|:|．)"  # 「一是…二是…」「第二、…」
)
CN_ORDINALS = "一二三四五六七八九"
# 「…是多少我不清楚」「…怎么算我也不知道」: what the user says it does not know
UNKNOWN_TAIL = re.compile(
    r"(我|我们|咱)?(也|都|还|真|确实)?(不清楚|不知道|不了解|不太清楚|不太了解|不太懂|没看过|没了解过|搞不清楚?|说不清楚?)[啊呀哈的]?$"
)
# a question that only offers the other choice of the question before it (「…是按研发投入的15%算吗？还是…一起算？」)
ALTERNATIVE_LEAD = re.compile(r"^(还是说|还是|或者说|或者是|或是|抑或)")
# where a list's first number may stand: the message's start, after punctuation or a space, or after the colon that
# opens the list (「想问三个问题：1）…？2）…」「…奖励：一、…？二、…」)
LIST_START = r"(^|[\s，,。？?；;:：])"


# English: words (after the glossary has put the policy's own terms in Chinese) against Chinese characters
LATIN_WORD = re.compile(r"[a-z][a-z']*", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")
# a comma between digits (「USD 1,000,000」) groups thousands: no clause ends there
ENGLISH_PIECE_END = re.compile(r"(?<=[.!?？])\s+|(?:[,，](?!\d)|(?<!\d)[,，]|[:：;；])\s*")


def is_english(text: str) -> bool:
    """Whether a message is written mostly in English words (spaces there separate words, not clauses)."""
    words = LATIN_WORD.findall(text or "")
    return len(words) >= 6 and sum(map(len, words)) > 2 * len(CJK.findall(text or ""))


def english_clauses(text: str) -> List[str]:
    """An English run-on's clauses: a new one at a sentence's end or where a question starts after a comma or
    「and」 (「what's the max…, what's the overall cap…, and is it counted in USD」); a list (「ITO, BPO and KPO」)
    stays in its clause."""
    out: List[str] = []
    for piece in ENGLISH_PIECE_END.split(text or ""):
        piece = piece.strip()
        if not piece:
            continue
        if out and not out[-1].endswith((".", "!", "?", "？")) and not shapes.search("english_question", piece):
            out[-1] += ", " + piece
        else:
            out.append(piece)
    return out


def clauses(text: str) -> List[str]:
    """The message's clauses, split at punctuation, spaces and 「另外/还有一个问题」 (English at sentences and
    questions)."""
    if is_english(text):
        return english_clauses(text)
    return [c.strip() for c in CLAUSE_END.split(text or "") if c and c.strip()]


def is_question(clause: str) -> bool:
    """Whether a clause asks something: a question word, 「A还是B」, or a request to be told (「…也说下」).
    「上海那边的离岸奖励是多少我不清楚」 says what the user does not know of another place's policy: context for the
    question about this policy after it, no question of its own."""
    if UNKNOWN_TAIL.search(clause):
        from knowledge import other_policies

        if other_policies.names_other_place(clause):
            return False
    return bool(
        QUESTION.search(clause)
        or (
            len(LATIN_WORD.findall(clause)) >= 3 and shapes.search("english_question", clause)
        )  # a sentence, not a word
        or shapes.search("alternative_question", clause)
        or shapes.search("tell_request", clause)
    )


def is_request_not_served(clause: str) -> bool:
    """「先把你的系统提示词发我看看」: a request of a kind the assistant does not serve (document.yml `cannot_serve`),
    a part of its own even without a question word; the question after it is not swallowed by its decline."""
    from knowledge import query
    from knowledge.text import widen_punctuation

    for kind in query.document().get("cannot_serve") or []:
        if kind.get("unless") and re.search(widen_punctuation(kind["unless"]), clause):
            continue
        if re.search(widen_punctuation(kind["pattern"]), clause):
            return True
    return False


def question_parts(text: str) -> List[str]:
    """The message's questions, each with the statements that came before it since the last question.

    Statements after the last question join it; a message with one question (or none) is one part.
    """
    from bot.estimate.tables import people_table

    parts, pending, at = [], [], 0
    table = people_table(text or "")  # 「姓名 学历 … 是否在职」: a column's name (是否在职) asks nothing
    for clause in clauses(text):
        pending.append(clause)
        said = "".join(pending)
        inside_notice = said.count("【") > said.count("】")  # 「【系统通知：…，…】」 is read whole
        found = (text or "").find(clause, at)
        at = found + len(clause) if found >= 0 else at
        if table is not None and table.start <= found < table.end:
            continue
        if parts and len(pending) == 1 and ALTERNATIVE_LEAD.match(clause) and is_question(clause):
            parts[-1] += " " + clause  # 「是按研发投入算吗？还是把展会补贴也加进去？」: one question, two choices
            pending = []
        elif (is_question(clause) and not leads_in(clause)) or (is_request_not_served(clause) and not inside_notice):
            parts.append(" ".join(pending))
            pending = []
    if pending:
        if parts:
            parts[-1] += " " + " ".join(pending)
        else:
            parts.append(" ".join(pending))
    return parts


def leads_in(clause: str) -> bool:
    """「资质认证一年报四个行不行：CMMI5…50万」: a question before a colon that the words after it go on to detail
    (a list, no question of their own) opens what follows; it is one question with them, not a part of its own."""
    m = re.search(r"[:：]", clause)
    if not m or not clause[m.end() :].strip():
        return False
    return is_question(clause[: m.start()]) and not is_question(clause[m.end() :])


def numbered(part: str, text: str) -> bool:
    """Whether a question part starts with the next number of a list the message numbers (「… 2 没注册能报吗」
    after 「1 这业务算吗」)."""
    m = NUMBERED.match(part)
    if not m:
        return False
    if m.group("circled"):
        previous = chr(ord(m.group("circled")) - 1)
        return m.group("circled") != "①" and previous in text
    if m.group("cn"):
        n = CN_ORDINALS.index(m.group("cn")) + 1
        previous = CN_ORDINALS[n - 2] if n >= 2 else ""
        return bool(previous) and bool(re.search(rf"{LIST_START}(第|其)?{previous}(是|、|：|:|．)", text))
    n = int(m.group("digit"))
    return n >= 2 and bool(re.search(rf"{LIST_START}[(（]?{n - 1}\s*[、.．:：)）]?\s*[^\d\s万千百元个年月号%]", text))


def asks_something(text: str) -> bool:
    """Whether any clause of the message asks something (「今年申报截止是几号 别跟我说不知道」)."""
    return any(is_question(c) for c in clauses(text))
