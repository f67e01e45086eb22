"""第二条's facts stated in English beside the policy's words, put into the Chinese the fact readers read.

「no 违法经营 record, taxes filed and paid on time」 → 「没有违法经营，纳税按时缴纳」: in each phrase (cut at punctuation)
that holds Latin words, the English words of eligibility_words.yml `english.words` become their Chinese, an English
negator becomes 没有 over the Chinese words right after it only, `breaks` (and, but, we …) end a phrase, and the other
Latin words and the spaces between words are dropped. A phrase without Latin words is left as it is. Plain Python.
"""

import re
from functools import lru_cache

import yaml

from bot.answers.eligibility import WORDS_FILE

LATIN = re.compile(r"[a-z]")
PHRASE = re.compile(r"((?:[，。；,;！？!?：:（）()\n]|\.(?!\d))+)")
HAN = r"[\u4e00-\u9fff]"


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["second_article"]["english"]
    fillers = raw["negation_fillers"]
    return {
        "words": [(re.compile(r"(?<![a-z])(?:" + p + r")(?![a-z])"), zh) for p, zh in raw["words"]],
        # a negator, up to three fillers, then the Chinese words it denies (「never been 处罚」「no 违法经营」)
        "negated": re.compile(
            raw["negation"]
            + r"(?:[\s\x00]+(?:"
            + fillers
            + r"))*[\s\x00]*(?P<run>"
            + HAN
            + r"+)(?P<trouble>[\s\x00]+(?:"
            + raw["troubles"]
            + r")(?![a-z]))?"
        ),
        "kept": re.compile(raw["kept"]),
        "breaks": re.compile(r"\s*" + raw["breaks"] + r"(?!['a-z])\s*"),
    }


def _denied(m: re.Match) -> str:
    """「no 违法经营 record」 → 没有违法经营; 「no 依法纳税 problems」 denies the trouble, not the fact: 依法纳税没问题."""
    run = m.group("run")
    if m.group("trouble") and _states_holds(run):
        return run + "没问题，"
    return "没有" + run + "，"


def _states_holds(run: str) -> bool:
    """Whether Chinese words name a 第二条 fact that holds (依法纳税) rather than its failure (欠税)."""
    from bot.answers.eligibility import BOOL_FACTS, words

    w = words()
    specs = [w[f] for f in BOOL_FACTS]
    holds = any(p.search(run) for s in specs for p in s.get("holds") or [])
    return holds and not any(p.search(run) for s in specs for p in s.get("fails") or [])


def _phrase(p: str) -> str:
    """One phrase: English words put into Chinese or dropped, with the spaces beside them (\x00 marks where); a space
    between two Chinese words stays, a phrase end as in a Chinese message."""
    if not LATIN.search(p):
        return p
    w = _words()
    p = re.sub(r"['’]s(?![a-z])", "", p.replace("’", "'"))  # 「MOFCOM's 统计系统」
    for pattern, zh in w["words"]:
        p = pattern.sub("\x00" + zh.replace("\\", "\\\\") + "\x00", p)
    p = w["negated"].sub(_denied, p)
    p = w["breaks"].sub("，", p)
    p = re.sub(
        r"(?<![a-z])[a-z][a-z'\-]*(?![a-z])", lambda m: m.group(0) if w["kept"].fullmatch(m.group(0)) else "\x00", p
    )
    return re.sub(r"\s*\x00[\s\x00]*", "", p)


def chinese_reading(text: str) -> str:
    """The text with its English statements of 第二条's facts put into Chinese (unchanged without Latin words)."""
    if not LATIN.search(text or ""):
        return text or ""
    pieces = PHRASE.split(text)
    return "".join(piece if i % 2 else _phrase(piece) for i, piece in enumerate(pieces))
