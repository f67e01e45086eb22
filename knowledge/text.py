"""Chinese text handling shared by the build and the queries: normalising, matching, segmenting."""

import logging
import os
import re
import threading
from functools import lru_cache

from knowledge import sources

_ASCII_TERM = re.compile(r"[a-z0-9 .+\-]+")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"^[\W_]+$")
_tokenizers = {}
_tokenizer_lock = threading.Lock()


# Normalising folds full-width punctuation to ASCII (，→ , ；→ ;), so a character class written with the
# full-width marks of Chinese text (「[^，。；]」) must hold their ASCII forms too.
_WIDTH_PAIRS = (("，", ","), ("；", ";"), ("？", "?"), ("！", "!"), ("：", ":"), ("（", "("), ("）", ")"))
_CHAR_CLASS = re.compile(r"\[(\^?)((?:\\.|[^\]\\])*)\]")


@lru_cache(maxsize=4096)
def widen_punctuation(pattern: str) -> str:
    """`pattern` with every character class that names a full-width mark also naming its ASCII form."""

    def widen(m):
        body = m.group(2)
        extra = "".join(re.escape(a) for f, a in _WIDTH_PAIRS if f in body and a not in body)
        return f"[{m.group(1)}{body}{extra}]"

    return _CHAR_CLASS.sub(widen, pattern)


def fold_width(text: str) -> str:
    """Full-width ASCII forms (Ａ１，（) → half-width; the ideographic space → a space."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif code == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _typos() -> tuple:
    rows = sources.load_cached("synonyms").get("typos") or []
    return tuple((str(r["term"]), str(r["canonical"])) for r in rows)


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Fold width, convert traditional to simplified, lower-case Latin, collapse spaces."""
    text = _t2s().convert(fold_width(text or "")).lower()
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _typo_patterns() -> tuple:
    """(compiled pattern, its mend) for synonyms.yml's typo_patterns: a key term typed by its sound or shape in any of
    several ways (技术现金型、技术鲜进型 → 技术先进型)."""
    from knowledge import places

    rows = sources.load_cached("synonyms").get("typo_patterns") or []
    # a Zhengzhou place typed by sound (巩意 → 巩义, places.yml typos), mended only where a place is said
    return tuple((re.compile(str(r["pattern"])), str(r["canonical"])) for r in rows) + places.typo_patterns()


def mend_pattern_typos(text: str) -> str:
    """synonyms.yml's typo_patterns mended where the mend has the typo's length (so positions hold)."""
    for pattern, right in _typo_patterns():
        if pattern.search(text):
            text = pattern.sub(lambda m: right if len(m.group(0)) == len(right) else m.group(0), text)
    return text


def mend_typos_in_place(text: str) -> str:
    """The known typos of synonyms.yml whose mend has the same length mended (离案 → 离岸): a figure's place in the
    text is kept, so readers that hold positions (the estimate's figures) can read the mended text."""
    for wrong, right in _typos():
        if len(wrong) == len(right):
            text = text.replace(wrong, right)
    return mend_pattern_typos(text)


def fix_typos(text: str) -> str:
    """The known typos of synonyms.yml mended (服务外抱 → 服务外包), the literal ones and typo_patterns."""
    for wrong, right in _typos():
        text = text.replace(wrong, right)
    for pattern, right in _typo_patterns():
        text = pattern.sub(right, text)
    return text


@lru_cache(maxsize=1)
def _short_forms() -> tuple:
    rows = sources.load_cached("synonyms").get("short_forms") or []
    return tuple(sorted(((str(r["term"]), str(r["canonical"])) for r in rows), key=lambda r: -len(r[0])))


def expand_short_forms(text: str) -> str:
    """The Chinese short forms of synonyms.yml (技先 → 技术先进型服务企业) written out, so the patterns written
    with the full name read them (「技先新认定了」 states 新获得技术先进型服务企业资格). Not length-preserving."""
    for short, full in _short_forms():
        text = text.replace(short, full)
    return text


def normalize_question(text: str) -> str:
    """A user's question made comparable: width folded, t2s, Latin lower-cased, known typos fixed."""
    return fix_typos(normalize(text))


@lru_cache(maxsize=8192)
def is_ascii_term(term: str) -> bool:
    """Whether a term is Latin/digits only (matched on word boundaries, not as a substring)."""
    return bool(_ASCII_TERM.fullmatch(term))


@lru_cache(maxsize=4096)
def _ascii_pattern(term: str):
    return re.compile(r"(?<![a-z0-9])" + re.escape(term) + r"(?![a-z0-9])")


def contains(text: str, term: str) -> bool:
    """Whether normalised `text` contains `term`; Latin terms must stand alone (ux ≠ linux)."""
    if not term:
        return False
    if is_ascii_term(term):
        return bool(_ascii_pattern(term).search(text))
    return term in text


class TermIndex:
    """Many terms looked up in one text at once: `contains(text, term)` for each term of a fixed list, answered
    from the terms found in one pass over the text (terms indexed by their first two characters) instead of one
    substring search per term. Latin terms, which must stand alone, and terms not indexed go to contains()."""

    def __init__(self, terms):
        self.index = {}
        self.terms = set()
        for term in terms:
            if term and not is_ascii_term(term) and term not in self.terms:
                self.terms.add(term)
                self.index.setdefault(term[:2], []).append(term)

    def matcher(self, text: str) -> "TermMatcher":
        """contains(text, ·) for this text."""
        found = set()
        index, startswith = self.index, text.startswith
        for i in range(len(text)):
            for key in (text[i : i + 2], text[i]):
                for term in index.get(key, ()):
                    if startswith(term, i):
                        found.add(term)
        return TermMatcher(text, found, self.terms)


class TermMatcher:
    """contains(text, term) of one text as a call, `found` the indexed terms the text contains."""

    __slots__ = ("text", "found", "indexed")

    def __init__(self, text: str, found: set, indexed: set):
        self.text, self.found, self.indexed = text, found, indexed

    def __call__(self, term: str) -> bool:
        if term in self.found:
            return True
        return term not in self.indexed and contains(self.text, term)


@lru_cache(maxsize=8192)
def keyword_parts(keyword: str) -> tuple:
    """A keyword's parts: "合同执行额+认定" → ("合同执行额", "认定"); a plain word → (word,)."""
    if "+" in keyword and not is_ascii_term(keyword):
        return tuple(p for p in keyword.split("+") if p)
    return (keyword,)


def keyword_matches(text: str, keyword: str, has=None) -> bool:
    """Whether every part of a keyword occurs in the text (`has`: a TermIndex matcher of the text)."""
    if has is not None:
        return all(has(part) for part in keyword_parts(keyword))
    return all(contains(text, part) for part in keyword_parts(keyword))


def keyword_weight(keyword: str, base: float, per_char: float) -> float:
    """A keyword's weight: base + per_char × the length of its parts."""
    return base + per_char * sum(len(p.replace(" ", "")) for p in keyword_parts(keyword))


@lru_cache(maxsize=1)
def _base_tokenizer():
    """jieba's default dictionary, loaded once per process (the slow part: ~0.5 s)."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def tokenizer(userdict=None):
    """A jieba tokenizer with a user dictionary, cached per dictionary file until the file changes.

    Each one starts from a copy of the default dictionary, so words of an older build never linger.
    """
    base = _base_tokenizer()
    if not userdict:
        return base
    stat = os.stat(userdict)
    stamp = (stat.st_mtime_ns, stat.st_size)
    key = str(userdict)
    with _tokenizer_lock:
        cached = _tokenizers.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        import jieba

        tk = jieba.Tokenizer()
        tk.FREQ, tk.total, tk.initialized = dict(base.FREQ), base.total, True
        tk.load_userdict(str(userdict))
        _tokenizers[key] = (stamp, tk)
        return tk


def segment(text: str, tk) -> list:
    """The search tokens of normalised text (jieba's search mode: long words and their parts)."""
    tokens = []
    for tok in tk.cut_for_search(text):
        tok = tok.strip()
        if tok and not _PUNCT.match(tok):
            tokens.append(tok)
    return tokens
