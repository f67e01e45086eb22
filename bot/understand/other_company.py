"""Statements about another company than the applicant (「上海的兄弟公司去年做了3000多万，跟我们不是一个法人」
「我们集团另一家公司今年离岸500万美元，不在郑州」「母公司在北京，执行额2亿」).

Each 独立法人 applies on its own (第二条), so another company's figures and facts are never the applicant's: not its
business, not its 法人 status (「跟我们不是一个法人」 says the other company is another legal body, nothing about the
applicant). A clause whose subject is such a company, with the clauses after it up to the sentence's end or a clause
about the applicant again (我们、本公司), is taken out of the message every reader reads (actions/common.user_text) and
named in a note. A part that asks something of the other company is a question and is left to the question readers;
a message asking for several applicants (bot/estimate/applicants.py), one whose other words do not speak of the
applicant (我们), one that discusses a group's bodies (子公司、母公司、哪家报) and a company named as a heading
(「另一家子公司：…」) are left whole. Words in estimate_words.yml
(`other_company`). Plain Python, no Rasa.
"""

import re
from functools import lru_cache
from typing import List, Tuple

_SENTENCE_END = "。！!？?；;\n"
_CLAUSE = "，,、 "
# the words a clause may open with before the other company's name, which is then its subject: 「另外」「上海的」
# 「我们集团(的)」「北京那家」
_SUBJECT_LEAD = re.compile(
    r"(?:另外|还有|而|但是?|不过|对了|顺便说一下|顺便说下)?(?:我们|我司|咱们|本公司)?的?(?:集团)?的?"
    r"(?:[\u4e00-\u9fff]{1,4}(?:的|那家|那个))?"
)


@lru_cache(maxsize=1)
def _patterns() -> Tuple[re.Pattern, re.Pattern, re.Pattern]:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["other_company"]
    subject = re.compile(
        rf"(?:{alternation(w['names'])})|(?:{alternation(w['pointers'])})[^，,。；;！!？?\s\d]{{0,2}}?"
        rf"(?:{alternation(w['entities'])})"
    )
    own = re.compile(rf"^\s*(?:{alternation(w['own'])})")
    asks = re.compile(alternation(w["asks"]))
    return subject, own, asks


@lru_cache(maxsize=1)
def _outside_patterns() -> Tuple[re.Pattern, re.Pattern]:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["other_company"]
    return re.compile(alternation(w["own"])), re.compile(alternation(w["group"]))


def _statement_span(text: str, start: int) -> Tuple[int, int]:
    """The other company's statement around `start`: from its clause's start to the sentence's end, or to the start
    of a clause about the applicant again."""
    _, own, _ = _patterns()
    begin = max([text.rfind(c, 0, start) for c in _SENTENCE_END + _CLAUSE] + [-1]) + 1
    end = start
    while end < len(text):
        nxt = min([i for i in (text.find(c, end) for c in _SENTENCE_END + _CLAUSE) if i != -1] + [len(text)])
        if nxt >= len(text) or text[nxt] in _SENTENCE_END:
            end = nxt + (1 if nxt < len(text) else 0)
            break
        end = nxt + 1
        if own.match(text[end:]):
            break
    return begin, end


def statements(text: str) -> List[Tuple[int, int]]:
    """Where the statements about another company stand in `text` (start, end), in order."""
    subject, _, asks = _patterns()
    from bot.estimate import applicants

    if not text or not subject.search(text) or applicants.split(text):
        return []
    spans: List[Tuple[int, int]] = []
    for m in subject.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        before = text[max([text.rfind(c, 0, m.start()) for c in _SENTENCE_END + _CLAUSE] + [-1]) + 1 : m.start()]
        if not _SUBJECT_LEAD.fullmatch(before.strip()):
            continue  # 「我们是集团的子公司」「我们给别的公司做外包」: not the clause's subject
        if re.match(r"\s*[:：]", text[m.end() :]):
            continue  # 「另一家老子公司：去年境内2000万…」: a heading, the company the message is about
        begin, end = _statement_span(text, m.start())
        if asks.search(text[begin:end]):
            continue  # 「兄弟公司的业绩能不能算进来」: a question about it, answered as one
        spans.append((begin, end))
    rest = "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))
    own, group = _outside_patterns()
    if not own.search(rest) or group.search(subject.sub(" ", text)):
        return []  # the applicant not spoken of apart from it, or a group's bodies discussed: left whole
    return spans


def without_other_company(text: str) -> str:
    """The message without its statements about another company (see the module)."""
    spans = statements(text)
    if not spans:
        return text
    out, pos = [], 0
    for begin, end in spans:
        out.append(text[pos:begin])
        pos = end
    out.append(text[pos:])
    kept = "".join(out).strip(" ，,")
    return kept or text


def note(text: str) -> str:
    """What was set aside, in the user's words: 「上海的兄弟公司去年做了3000多万…」 is that company's, not counted."""
    spans = statements(text)
    if not spans:
        return ""
    said = "；".join(text[b:e].strip(" ，,。；;") for b, e in spans)
    return f"您提到的“{said}”是另一家公司（另一个法人）的情况，各法人分别申报，不计入贵公司的测算和条件判断"
