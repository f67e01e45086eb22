"""Length-preserving normalisation of a user's Chinese text, for tokenizing and matching.

Every character maps to exactly one character, so token offsets found on the normalised
text are valid on the original: full-width forms become ASCII, traditional characters
become simplified (character by character), Latin letters become lower case, and a few
common typos of policy words are mended (将励 → 奖励).
"""

import re
from functools import lru_cache

TYPOS = {
    "将励": "奖励",
    "奖厉": "奖励",
    "补帖": "补贴",
    "补站": "补贴",
    "申保": "申报",
    "伸报": "申报",
    "离按": "离岸",
    "资值": "资质",
    "汇律": "汇率",
    "展汇": "展会",
    # 构 typed by its sound (gòu): 「认定过的培训机购」; the whole word only (手机购买 stays)
    "培训机购": "培训机构",
    "培训机够": "培训机构",
    # 技术先进型 misspelt by sound or shape (「技术先进形服务企业」): not 先进形 alone, which is also 先进形象
    "技术先进形": "技术先进型",
    "先进形服务": "先进型服务",
    "先进形企业": "先进型企业",
    "技术先近型": "技术先进型",
    "技术先进性服务": "技术先进型服务",
    "技术先进行服务": "技术先进型服务",
    # a year word half typed in pinyin before the IME turned it into 汉字 (「qu年国内接单600w」): spaces before the word
    # keep the length (the NLU's normalisation is length-preserving)
    "qu年": " 去年",
    "jin年": "  今年",
    "qian年": "   前年",
    "ming年": "   明年",
    "shang年": "    上年",
}


@lru_cache(maxsize=1)
def _t2s():
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - opencc is in requirements
        return None
    return OpenCC("t2s")


def _fullwidth_to_ascii(ch: str) -> str:
    code = ord(ch)
    if code == 0x3000:
        return " "
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return ch


@lru_cache(maxsize=4096)
def _simplify_char(ch: str) -> str:
    cc = _t2s()
    if cc is None or ch.isascii():
        return ch
    out = cc.convert(ch)
    return out if len(out) == 1 else ch


def normalize(text: str) -> str:
    """Return `text` normalised character by character (same length as the input)."""
    return _normalized(text or "")


@lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    """normalize() of a text, remembered: the readers of a turn normalise the same message many times."""
    chars = [_simplify_char(_fullwidth_to_ascii(c)) for c in text or ""]
    out = "".join(chars).lower()
    if len(out) != len(text or ""):  # lower() can change length for a few scripts
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in chars)
    for wrong, right in TYPOS.items():
        out = out.replace(wrong, right)
    from knowledge.text import mend_pattern_typos

    return mend_pattern_typos(out)  # synonyms.yml typo_patterns of the same length (技术现金型 → 技术先进型)


@lru_cache(maxsize=1)
def _glossary():
    """(one regex over every English term, term → policy word, filler regexes) from synonyms.yml."""
    from knowledge import sources

    data = sources.load_cached("synonyms")
    words = {str(g["term"]).lower(): str(g["canonical"]) for g in data.get("glossary") or []}
    terms = sorted(words, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(t).replace(r"\ ", r"\s*") for t in terms) + r")(?![a-z0-9])")
        if terms
        else None
    )
    fillers = [re.compile(f) for f in data.get("fillers") or []]
    return pattern, words, fillers


@lru_cache(maxsize=1)
def _urgency():
    """synonyms.yml `urgency`: the regexes of urgency and emotion said beside a question."""
    from knowledge import sources

    return [re.compile(f) for f in sources.load_cached("synonyms").get("urgency") or []]


def without_urgency(text: str) -> str:
    """`text` without 「快点告诉我」「领导催呢」「急急急」: they ask nothing, so they never decide the route. A message
    that is nothing but urgency is kept as it is."""
    out = text
    for pattern in _urgency():
        out = pattern.sub(" ", out)
    out = re.sub(r"[ \t]{2,}", " ", out)
    out = re.sub(r"(?:(?<=[，,。！!？?])|^)[ \t]*[，,。！!]+", "", out).strip(" \t，,")
    return out if re.search(r"[\u4e00-\u9fffA-Za-z0-9]", out) else text


@lru_cache(maxsize=1)
def _pinyin():
    """(one regex over every pinyin word, syllables joined → 汉字) from synonyms.yml's pinyin list. A word's
    syllables may be typed apart, together or with an apostrophe (shen bao, shenbao, lian'an); only a whole run
    of letters is read (「lianan」 but not the 「an」 of 「an award」)."""
    from knowledge import sources

    words, alternatives = _spelled(sources.load_cached("synonyms").get("pinyin") or [])
    if not alternatives:
        return None, words
    return re.compile(r"(?<![a-z0-9'])(" + alternatives + r")(?!'?[a-z0-9])"), words


def _spelled(rows: list) -> tuple:
    """(syllables joined → 汉字, one regex alternation over the words, longest first, syllables typed apart, together
    or with an apostrophe) for synonyms.yml rows of `pinyin` and `canonical`."""
    words = {"".join(str(r["pinyin"]).lower().split()): str(r["canonical"]) for r in rows}
    spelled = sorted((str(r["pinyin"]).lower().split() for r in rows), key=lambda s: -len("".join(s)))
    return words, "|".join(r"[\s']*".join(re.escape(s) for s in syllables) for syllables in spelled)


@lru_cache(maxsize=1)
def _pinyin_units():
    """(one regex over the units typed in pinyin right after a figure, syllables joined → 汉字) from synonyms.yml."""
    from knowledge import sources

    units, alternatives = _spelled(sources.load_cached("synonyms").get("pinyin_units") or [])
    if not alternatives:
        return None, units
    return re.compile(r"(?<=\d)\s*(" + alternatives + r")(?!'?[a-z0-9])"), units


def _pinyin_key(found: str) -> str:
    return re.sub(r"[\s']+", "", found)


def pinyin_to_hanzi(text: str) -> str:
    """`text` (already normalised) with the policy's words typed in pinyin written in 汉字 (「能shenbao butie吗」 →
    「能申报补贴吗」); the spaces that only separated pinyin words go with them."""
    pattern, words = _pinyin()
    if pattern is None or not re.search(r"[a-z]", text):
        return text
    units, unit_words = _pinyin_units()
    if units is not None:  # 「150 wan meiyuan」: a unit after a figure first, so 「wan mei yuan」 is one unit
        text = units.sub(lambda m: unit_words.get(_pinyin_key(m.group(1)), m.group(1)), text)
    out = pattern.sub(lambda m: "\x00" + words.get(_pinyin_key(m.group(1)), m.group(1)) + "\x00", text)
    if "\x00" not in out:
        return text
    out = re.sub(r"\x00\s*\x00|\x00\s*(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s*\x00", "", out)
    return _particles(out.replace("\x00", ""))


@lru_cache(maxsize=1)
def _particle_words() -> dict:
    from knowledge import sources

    return {str(k): str(v) for k, v in (sources.load_cached("synonyms").get("pinyin_particles") or {}).items()}


def _particles(text: str) -> str:
    """Single pinyin syllables of synonyms.yml's pinyin_particles between 汉字 (or between 汉字 and the message's edge
    or punctuation) in 汉字, with the spaces around them: 「都是国内 de」 → 「都是国内的」."""
    particles = _particle_words()
    if not particles:
        return text
    hanzi, edge = r"[\u4e00-\u9fff]", r"(?:^|$|[，。；,;!?！？:：()（）])"
    one = "|".join(sorted(map(re.escape, particles), key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?<={hanzi})|(?<={hanzi}\s)|(?<=^)|(?<=[，。；,;!?！？:：]\s)|(?<=[，。；,;!?！？:：]))({one})(?=\s*(?:{hanzi}|{edge}))"
    )
    for _ in range(3):  # 「shi de hai mei you」: a syllable beside another read in the previous pass
        new = pattern.sub(lambda m: "\x00" + particles[m.group(1)] + "\x00", text)
        new = re.sub(r"\s*\x00\s*", "\x00", new)
        new = re.sub(r"(?<=[a-z0-9])\x00|\x00(?=[a-z0-9])", " ", new).replace("\x00", "")
        if new == text:
            break
        text = new
    return text


def hanzi_of_pinyin(text: str) -> str:
    """A message with the policy's words typed in pinyin (synonyms.yml) as the Chinese readers read it: normalised,
    its pinyin in 汉字 (「meiyou liean yewu dou shi guonei de」 → 没有离岸业务都是国内的); any other message as it
    came (English words are read where the readers use understand())."""
    if not re.search(r"[A-Za-z]{2}", text or ""):
        return text or ""
    norm = normalize(text)
    out = pinyin_to_hanzi(norm)
    return out if out != norm else text


def glossary_words(text: str) -> list:
    """The policy words synonyms.yml's English glossary and pinyin list find in a message (「offshore … award」 →
    [离岸, 奖励]; 「shenbao butie」 → [申报, 补贴]), in order, each once."""
    pattern, words, _ = _glossary()
    low = normalize(text or "")
    if not re.search(r"[a-z]", low):
        return []
    found = []
    if pattern is not None:
        found = [
            (m.start(), words.get(m.group(1), words.get(re.sub(r"\s+", " ", m.group(1)))))
            for m in pattern.finditer(low)
        ]
    spelled, hanzi = _pinyin()
    if spelled is not None:
        found += [(m.start(), hanzi.get(_pinyin_key(m.group(1)))) for m in spelled.finditer(low)]
    return list(dict.fromkeys(w for _, w in sorted(found, key=lambda f: f[0]) if w))


def joined_hanzi(text: str) -> str:
    """`text` with the spaces between two 汉字 dropped: English words read through the glossary one by one
    (「growth award」 → 「增量 奖励」) then read as the policy's one term (增量奖励)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text or "")


def _attached(word: str, pinyin: bool) -> str:
    """A glossary word marked to join the 汉字 written beside it: one that ends in a preposition (注册在, 税交在) joins
    the place after it, a negation (「not a 分公司」 → 不是分公司) the word it negates; in a message typed in pinyin, where spaces only part words, every one joins both sides."""
    after = "\x01" if pinyin or re.search(r"[在于到]$|^(不是|不|没有|没)$", word) else ""
    return ("\x04" if pinyin else "") + word + after


# a currency code written before an amount (「we did USD 1,000,000」): Chinese puts the unit after the figure
CODE_BEFORE_AMOUNT = re.compile(
    r"(?<![a-z])(usd|us\$)\s*(\d[\d,]*(?:\.\d+)?(?:\s*(?:million|mn|m|k|thousand|万|亿)(?![a-z]))?)"
)


def understand(text: str) -> str:
    """The message as the answers read it: normalise(), pinyin and English glossary words put into the policy's
    Chinese, synonyms.yml's typos mended (服务外抱), spoken filler dropped. Not length-preserving
    (the NLU uses normalize() alone)."""
    return _understood(text or "")


@lru_cache(maxsize=4096)
def _understood(text: str) -> str:
    """understand() of a text, remembered (a pure function of the text and synonyms.yml, read once)."""
    from knowledge.text import fix_typos

    norm = normalize(text or "")
    out = pinyin_to_hanzi(norm)
    pinyin = out != norm  # 「women zai zhengzhou zhuce de youxian gongsi」: spaces part words, not phrases
    out = fix_typos(out)
    out = CODE_BEFORE_AMOUNT.sub(
        r"\2 \1", out
    )  # 「USD 1,000,000」 read as 「1,000,000 美元」, the unit after the figure
    pattern, words, fillers = _glossary()
    if pattern is not None and re.search(r"[a-z]", out):
        out = pattern.sub(
            lambda m: _attached(words.get(m.group(1), words.get(re.sub(r"\s+", " ", m.group(1)), m.group(1))), pinyin),
            out,
        )
        # 「registered in 郑州」 → 「注册在郑州」: a word that ends in a preposition keeps its place, one phrase with it
        out = re.sub(r"\x01\s*(?:(?:the|a|an)\s+)?(?=[\u4e00-\u9fff])", "", out)
        out = re.sub(r"(?<=[\u4e00-\u9fff])\s*\x04", "", out).replace("\x01", "").replace("\x04", "")
        if pinyin:
            out = _particles(out)  # 「我们 zai 郑州」: a syllable beside a place the glossary read
    for _ in range(3):
        before = out
        for filler in fillers:
            out = filler.sub("", out)
        if out == before:
            break
    return without_urgency(out).strip()


def nlu_text(text: str) -> str:
    """What the intent models read: normalize(), and for a message with Latin letters (English or pinyin words)
    also understand()'s glossary and pinyin put into the policy's Chinese, so 「are we eligible to apply」 is read
    as 「符合条件 申报」 by the same models that learnt the Chinese. Offsets are not kept (entities are found
    on the raw text)."""
    return _nlu_text(text or "")


@lru_cache(maxsize=1024)
def _nlu_text(text: str) -> str:
    """nlu_text() of a text, remembered: the tokenizer and the character model both read it."""
    norm = normalize(text)
    return understand(text) if re.search(r"[a-z]{2}", norm) else without_urgency(norm)
