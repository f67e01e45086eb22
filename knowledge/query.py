"""Plain-Python queries over the knowledge database: the document, clauses, catalog domains, search.

Every function takes an optional db_path (default: $KNOWLEDGE_DB or var/knowledge.db). The database
is opened lazily, cached per path, and built automatically when missing or older than the sources.
"""

import json
from functools import lru_cache
import re
import sqlite3
import threading
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from knowledge import other_policies, sources, text
from knowledge.text import normalize_question  # noqa: F401  (part of this module's API)

__all__ = [
    "document",
    "clause",
    "clauses",
    "domain",
    "domains",
    "catalog_summary",
    "certifications",
    "search",
    "classify_business",
    "not_service_outsourcing",
    "other_policy",
    "other_policy_aside",
    "other_policy_context_dropped",
    "classify_question_pattern",
    "business_self_pattern",
    "normalize_question",
    "userdict_path",
    "warm",
]

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SENTENCE_END = re.compile(r"(?<=[。；;])")
_SNIPPET_MAX = 90
_MIN_SCORE = 0.05
_cache = {}
_cache_lock = threading.Lock()


def _loads(value):
    return json.loads(value) if isinstance(value, str) else value


def _cn_number(s: str):
    """一…九十九 → int; None when s is not such a numeral."""
    if not s or any(ch not in _CN_DIGITS for ch in s):
        return None
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[s] if len(s) == 1 else None


class _Knowledge:
    """One opened database, with its rows loaded into memory and a tokenizer for full-text queries."""

    def __init__(self, path: Path):
        self.path = path
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.lock = threading.Lock()
        self.config = sources.load_cached("search")
        self.stopwords = frozenset(self.config.get("stopwords") or [])
        self._tokenizer = None
        self._term_index = None
        self._search_tokens = {}
        self._plans = {}
        self._load()

    def _rows(self, sql, params=()):
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def _load(self):
        self.document = {r["key"]: _loads(r["value"]) for r in self._rows("select key, value from document")}
        self.document_built = None  # document(): the document with its figures resolved, built once, read-only
        self.document_keywords = {
            r["key"]: [text.normalize(str(kw)) for kw in _loads(r["keywords"])]
            for r in self._rows("select key, keywords from document")
        }
        figures = {}
        for r in self._rows("select * from figures order by clause, position"):
            figures.setdefault(r["clause"], []).append(
                {"key": r["key"], "value": Decimal(r["value"]), "bound": r["bound"], "text": r["text"]}
            )
        self.figures = figures
        self.clauses = {}
        for r in self._rows("select * from clauses order by position"):
            c = {
                "code": r["code"],
                "label": r["label"],
                "title": r["title"],
                "text": r["text"],
                "applicant": r["applicant"],
                "applicant_detail": r["applicant_detail"],
                "conditions": _loads(r["conditions"]),
                "eligible_costs": _loads(r["eligible_costs"]),
                "not_eligible_costs": _loads(r["not_eligible_costs"]),
                "certifications": _loads(r["certifications"]),
                "exclusions": _loads(r["exclusions"]),
                "keywords": _loads(r["keywords"]),
                "figures": figures.get(r["code"], []),
                "parent": r["parent"],
                "children": _loads(r["children"]),
            }
            c["_own_text"] = r["own_text"]
            c["_keywords"] = [text.normalize(str(kw)) for kw in c["keywords"]]
            self.clauses[c["code"]] = c
        self.labels = {c["label"]: code for code, c in self.clauses.items()}
        types = {}
        for r in self._rows("select * from business_types order by domain_no, position"):
            types.setdefault(r["domain_no"], []).append((r["name"], _loads(r["examples"])))
        industries = {}
        for r in self._rows("select * from industries order by domain_no, position"):
            industries.setdefault(r["domain_no"], []).append(r["name"])
        self.domains = {}
        for r in self._rows("select * from domains order by no"):
            d = {
                "no": r["no"],
                "number": r["number"],
                "name": r["name"],
                "category": r["category"],
                "category_name": r["category_name"],
                "definition": r["definition"],
                "business_types": [name for name, _ in types.get(r["no"], [])],
                "business_type_count": r["business_type_count"],
                "business_type_count_listed": r["business_type_count_listed"],
                "industries": industries.get(r["no"], []),
                "industry_count_stated": r["industry_count_stated"],
                "industry_count_listed": r["industry_count_listed"],
                "exclusions": _loads(r["exclusions"]),
                "examples": _loads(r["examples"]),
            }
            d["_terms"] = self._domain_terms(d, _loads(r["domain_examples"]), types.get(r["no"], []))
            d["_exclusions"] = [
                (
                    exc["text"],
                    [text.normalize(t) for t in exc.get("triggers") or []],
                    [text.normalize(t) for t in exc.get("unless") or []],
                    [[text.normalize(w) for w in group] for group in exc.get("together") or []],
                )
                for exc in d["exclusions"]
            ]
            self.domains[d["no"]] = d
        self.by_name = {d["name"]: no for no, d in self.domains.items()}
        self.synonyms = [dict(r) for r in self._rows("select * from synonyms")]
        self.expansions = [
            (s["term"], s["canonical"])
            for s in self.synonyms
            if s["kind"] in ("abbreviation", "certification", "alias")
        ]
        self.domain_synonyms = {}
        for s in self.synonyms:
            if s["kind"] == "domain":
                self.domain_synonyms.setdefault(self.by_name[s["canonical"]], []).append(s["term"])
        for no, terms in self.domain_synonyms.items():
            self.domains[no]["_terms"].extend((text.normalize(t), None) for t in terms)

    @staticmethod
    def _domain_terms(d, domain_examples, types) -> list:
        """(term, business type or None) pairs that point to a domain."""
        name = d["name"]
        terms = [(text.normalize(name), None)]
        if name.endswith("服务") and len(name) > 4:
            terms.append((text.normalize(name[:-2]), None))
        terms.extend((text.normalize(str(e)), None) for e in domain_examples)
        for bt, examples in types:
            terms.append((text.normalize(bt), bt))
            if bt.endswith("服务") and len(bt) > 4:
                terms.append((text.normalize(bt[:-2]), bt))
            terms.extend((text.normalize(str(e)), bt) for e in examples)
        return terms

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            userdict = sources.userdict_path_for(self.path)
            self._tokenizer = text.tokenizer(userdict if userdict.exists() else None)
        return self._tokenizer

    @property
    def term_index(self) -> text.TermIndex:
        """Every keyword part and domain term that search() looks for, to find them in a question in one pass."""
        if self._term_index is None:
            parts = [p for c in self.clauses.values() for kw in c["_keywords"] for p in text.keyword_parts(kw)]
            parts += [p for kws in self.document_keywords.values() for kw in kws for p in text.keyword_parts(kw)]
            parts += [term for d in self.domains.values() for term, _ in d["_terms"]]
            self._term_index = text.TermIndex(parts)
        return self._term_index

    def plan(self, terms) -> tuple:
        """(every part as a set, whether all of them are in term_index, [(a keyword's parts, its weight, whether
        they are all indexed)]) of a keyword list of this knowledge base, worked out once per list."""
        got = self._plans.get(id(terms))
        if got is None or got[0] is not terms:
            indexed = self.term_index.terms
            rows = []
            for kw in terms:
                parts = text.keyword_parts(kw)
                rows.append((parts, self.weight(kw), all(p in indexed for p in parts)))
            every = frozenset(p for parts, _, _ in rows for p in parts)
            got = (terms, (every, all(r[2] for r in rows), rows))
            self._plans[id(terms)] = got
        return got[1]

    def domain_plan(self, terms) -> tuple:
        """(its terms in term_index as a set, the others) of a domain's (term, business type) list."""
        got = self._plans.get(id(terms))
        if got is None or got[0] is not terms:
            every = {term for term, _ in terms}
            indexed = frozenset(every & self.term_index.terms)
            got = (terms, (indexed, tuple(sorted(every - indexed))))
            self._plans[id(terms)] = got
        return got[1]

    def search_tokens(self, question: str) -> list:
        """The question's full-text tokens (stopwords left out, each once), remembered for the last questions:
        one search looks up the same question in two tables."""
        tokens = self._search_tokens.get(question)
        if tokens is None:
            tokens = []
            for tok in text.segment(question, self.tokenizer):
                if tok not in self.stopwords and tok not in tokens:
                    tokens.append(tok)
            if len(self._search_tokens) >= 256:
                self._search_tokens.clear()
            self._search_tokens[question] = tokens
        return tokens

    def weight(self, term: str) -> float:
        return text.keyword_weight(term, self.config["keyword_base"], self.config["keyword_per_char"])

    def expand(self, question: str) -> str:
        """The question plus the policy words its synonyms stand for."""
        extra = [canonical for term, canonical in self.expansions if text.contains(question, term)]
        return question + (" " + " ".join(extra) if extra else "")

    def fts(self, table: str, key: str, question: str) -> dict:
        """{key: -bm25} for rows of `table` matching the question's tokens (stopwords left out)."""
        tokens = self.search_tokens(question)
        if not tokens:
            return {}
        match = " OR ".join('"' + tok.replace('"', '""') + '"' for tok in tokens)
        sql = (
            f"select t.{key} as key, bm25({table}_fts) as rank from {table}_fts "
            f"join {table} t on t.rowid = {table}_fts.rowid where {table}_fts match ?"
        )
        try:
            rows = self._rows(sql, (match,))
        except sqlite3.OperationalError:
            return {}
        return {r["key"]: -r["rank"] for r in rows}

    def fts_score(self, raw: float, weight: float) -> float:
        return weight * min(max(raw, 0.0), self.config["fts_cap"])


@lru_cache(maxsize=64)
def _resolved(path: Path) -> Path:
    return path.resolve()


def _open(db_path=None) -> _Knowledge:
    path = _resolved(sources.db_path(db_path))
    with _cache_lock:
        k = _cache.get(path)
        if k is not None:
            return k
        if not path.exists() or _stale(path):
            from knowledge.build import build

            build(path)
        k = _Knowledge(path)
        _cache[path] = k
        return k


def _stale(path: Path) -> bool:
    """Whether the database was built from other source files than the current ones."""
    try:
        conn = sqlite3.connect(str(path))
        try:
            row = conn.execute("select value from meta where key = 'sources_sha256'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return True
    return row is None or row[0] != sources.sources_digest()


def _public(item: dict) -> dict:
    return {k: v for k, v in item.items() if not k.startswith("_")}


def document(db_path=None):
    """The document: 文号, titles, dates, offices, the documents it implements, and rules of 四.

    Built once per database and read-only (mappings and tuples): every caller shares it.
    """
    k = _open(db_path)
    built = k.document_built
    if built is None:
        doc = json.loads(json.dumps(k.document, ensure_ascii=False))
        cap = doc.get("annual_total_cap")
        if cap:
            for f in k.figures.get(cap["clause"], []):
                if f["key"] == cap["figure"]:
                    cap["value"] = f["value"]
                    cap["bound"] = f["bound"]
        built = k.document_built = _frozen(doc)
    return built


def _frozen(value):
    """A read-only copy: dicts as MappingProxyType, lists as tuples."""
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(v) for key, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def clause(code, db_path=None):
    """One clause by code ("3.2") or label ("第三条第（二）项"); None when there is none."""
    k = _open(db_path)
    code = str(code).strip()
    code = k.labels.get(code, code)
    c = k.clauses.get(code)
    return _public(c) if c else None


def clauses(db_path=None) -> list:
    """Every clause in the order of the text."""
    return [_public(c) for c in _open(db_path).clauses.values()]


def _domain_no(k: _Knowledge, key):
    if isinstance(key, int):
        return key if key in k.domains else None
    s = text.normalize(str(key)).strip()
    if not s:
        return None
    if s.isdigit():
        return int(s) if int(s) in k.domains else None
    s_num = s[1:] if s.startswith("第") else s
    s_num = s_num.rstrip("、.个项")
    n = _cn_number(s_num)
    if n is not None:
        return n if n in k.domains else None
    if s in k.by_name:
        return k.by_name[s]
    for no, terms in k.domain_synonyms.items():
        if s in (text.normalize(t) for t in terms):
            return no
    for no, d in k.domains.items():
        core = d["name"][:-2] if d["name"].endswith("服务") else d["name"]
        if s == core or s == d["name"] + "类":
            return no
    owners = {no for no, d in k.domains.items() for term, _ in d["_terms"] if term == s}
    return owners.pop() if len(owners) == 1 else None


def domain(name_or_synonym_or_number, db_path=None):
    """One catalog domain by name, synonym (「芯片设计」), example or business type («SaaS», «代账»)
    or number (5, "5", "五", "第五"); None when nothing or more than one domain answers to it."""
    k = _open(db_path)
    no = _domain_no(k, name_or_synonym_or_number)
    return _public(k.domains[no]) if no else None


def _category(k: _Knowledge, category):
    if category is None:
        return None
    c = str(category).strip()
    for d in k.domains.values():
        if c.upper() == d["category"] or c == d["category_name"]:
            return d["category"]
    raise ValueError(f"unknown category {category!r} (ITO, BPO, KPO)")


def domains(category=None, db_path=None) -> list:
    """The catalog's domains in order, optionally of one category (ITO/BPO/KPO or its Chinese name)."""
    k = _open(db_path)
    cat = _category(k, category)
    return [_public(d) for d in k.domains.values() if cat is None or d["category"] == cat]


def catalog_summary(db_path=None) -> dict:
    """How many domains the catalog has, in all and per category."""
    k = _open(db_path)
    summary = {"total": len(k.domains)}
    for d in k.domains.values():
        summary[d["category"]] = summary.get(d["category"], 0) + 1
    return summary


def certifications(db_path=None) -> list:
    """三（六）'s certifications: [{code, name, aliases, note}] (aliases in lower case, as users type them)."""
    k = _open(db_path)
    out = []
    for cert in k.clauses["3.6"]["certifications"]:
        code = text.normalize(cert["code"])
        rows = [s for s in k.synonyms if s["kind"] == "certification" and s["term"] == code]
        aliases = [s["term"] for s in k.synonyms if s["kind"] == "alias" and s["canonical"] == code]
        out.append({**cert, "aliases": [code] + aliases, "note": rows[0]["note"] if rows else None})
    return out


def warm(db_path=None) -> None:
    """Open the database and load jieba now (about a second), so the first question is answered fast."""
    _open(db_path).tokenizer


def userdict_path(db_path=None) -> Path:
    """The jieba user dictionary generated with the database (built if missing)."""
    path = sources.db_path(db_path)
    userdict = sources.userdict_path_for(path)
    if not userdict.exists():
        from knowledge.build import build

        build(path)
        with _cache_lock:
            _cache.pop(path.resolve(), None)
    return userdict


def _keyword_score(k: _Knowledge, keywords, question: str, has=None):
    """(score, the parts hit) of a keyword list in a normalised question; `has`, a TermIndex matcher of the question,
    for a list held by `k` (its clauses' and the document's keywords)."""
    if has is not None:
        every, all_indexed, rows = k.plan(keywords)
        if all_indexed and every.isdisjoint(has.found):
            return 0.0, []
        score, hits = 0.0, []
        for parts, weight, indexed in rows:
            if has.found.issuperset(parts) if indexed else all(map(has, parts)):
                score += weight
                hits.extend(parts)
        return score, hits
    score, hits = 0.0, []
    for kw in keywords:
        if text.keyword_matches(question, kw, has):
            score += k.weight(kw)
            hits.extend(text.keyword_parts(kw))
    return score, hits


def _snippet(body: str, hits: list, fallback: str) -> str:
    sentences = [s for s in _SENTENCE_END.split(body or "") if s.strip()]
    best, best_hits = None, 0
    for s in sentences:
        n = sum(1 for h in hits if h in text.normalize(s))
        if n > best_hits:
            best, best_hits = s, n
    s = (best or (sentences[0] if sentences else fallback)).strip()
    return s if len(s) <= _SNIPPET_MAX else s[: _SNIPPET_MAX - 1] + "…"


def _domain_matches(k: _Knowledge, d: dict, question: str, has=None):
    """(score, per-business-type scores, hits) of a domain's terms in a normalised text (`has`: a matcher of it)."""
    score, by_type, hits, seen = 0.0, {}, [], set()
    if has is None:
        has = lambda term: text.contains(question, term)  # noqa: E731
    else:
        indexed, others = k.domain_plan(d["_terms"])
        if indexed.isdisjoint(has.found) and not any(map(has, others)):
            return score, by_type, hits
    for term, bt in d["_terms"]:
        if (term, bt) in seen or not has(term):
            continue
        seen.add((term, bt))
        w = k.weight(term)
        if term not in hits:
            score += w
            hits.append(term)
        if bt:
            by_type[bt] = by_type.get(bt, 0.0) + w
    return score, by_type, hits


def _document_value(value) -> str:
    if isinstance(value, list):
        return "；".join(_document_value(v) for v in value)
    if isinstance(value, dict):
        if "doc_no" in value:
            return f"{value.get('issuer', '')}《{value.get('title', '')}》（{value['doc_no']}）"
        return str(value.get("text") or value.get("title") or value)
    return str(value)


def search(question: str, limit: int = 5, db_path=None) -> list:
    """Clauses, domains and document facts that answer a question, best first.

    Each result is {"kind": "clause"|"domain"|"document", "key": code|name|field, "score", "snippet"}.
    The same question is asked several times a turn (parts, routes, verdicts): answers are cached per
    process for the default knowledge base, which does not change while it runs.
    """
    if db_path is None:
        return [dict(hit) for hit in _search_cached(question or "", limit)]
    return _search(question, limit, db_path)


@lru_cache(maxsize=4096)
def _search_cached(question: str, limit: int) -> tuple:
    return tuple(_search(question, limit, None))


def _search(question: str, limit: int = 5, db_path=None) -> list:
    k = _open(db_path)
    q = k.expand(normalize_question(question))
    if not q.strip():
        return []
    cfg = k.config
    results = []
    has = k.term_index.matcher(q)

    fts = k.fts("clauses", "code", q)
    for code, c in k.clauses.items():
        kw, hits = _keyword_score(k, c["_keywords"], q, has)
        score = kw + k.fts_score(fts.get(code, 0.0), cfg["fts_weight"])
        if score >= _MIN_SCORE:
            body = c["_own_text"] or "；".join(k.clauses[ch]["title"] for ch in c["children"])
            snippet = f"{c['label']} {c['title']}：{_snippet(body, hits, c['title'])}"
            results.append({"kind": "clause", "key": code, "score": score, "snippet": snippet, "_kw": kw})

    fts = k.fts("domains", "no", q)
    for no, d in k.domains.items():
        matched, _, hits = _domain_matches(k, d, q, has)
        if text.normalize(d["name"]) in q:
            matched += cfg["domain_name_bonus"]
        score = cfg["domain_weight"] * matched + k.fts_score(fts.get(no, 0.0), cfg["fts_weight"])
        if score >= _MIN_SCORE:
            snippet = f"{d['name']}（{d['category_name']}）：{_snippet(d['definition'], hits, d['name'])}"
            results.append({"kind": "domain", "key": d["name"], "score": score, "snippet": snippet, "_kw": matched})

    for key, keywords in k.document_keywords.items():
        kw, _ = _keyword_score(k, keywords, q, has)
        if kw > 0:
            snippet = _document_value(k.document[key])
            results.append({"kind": "document", "key": key, "score": kw, "snippet": snippet, "_kw": kw})

    # Keyword hits outrank full-text-only hits of equal score; then a word the user typed outranks one
    # only a synonym brought in (「境外」 read as 离岸 beside 「展会」 typed); ties keep the text's order.
    typed = normalize_question(question)
    has_typed = k.term_index.matcher(typed) if any(r["kind"] == "clause" for r in results) else None
    for r in results:
        if r["kind"] == "clause":
            r["_typed"] = _keyword_score(k, k.clauses[r["key"]]["_keywords"], typed, has_typed)[0]
    results.sort(key=lambda r: (-round(r["score"], 6), -r["_kw"], -r.get("_typed", r["_kw"])))
    return [{k_: v for k_, v in r.items() if k_ not in ("_kw", "_typed")} for r in results[:limit]]


def classify_business(description: str, limit: int = 3, db_path=None) -> list:
    """The catalog domains a business description most likely belongs to, best first.

    Each result is {"domain", "category", "business_type", "score", "excluded", "exclusion"}; excluded is
    True when the description hits the domain's 「不包括…」 (exclusion then quotes it).
    """
    k = _open(db_path)
    q = normalize_question(description)
    if not q:
        return []
    whole, q = q, _without_clients(k, q)  # 「给笔记本厂商做保修维修」: the client's product still says what is repaired
    q = _without_software_purpose(k, q)  # 「给银行开发清算系统」: software built for 清算, not 清算服务
    cfg = k.config
    fts = k.fts("domains", "no", q)
    results = []
    for no, d in k.domains.items():
        score, by_type, _ = _domain_matches(k, d, q)
        for bt, groups in _type_together().get(d["name"], ()):
            found = _together_hit(q, groups)
            if found and bt not in by_type:  # 「代运维…线上商城平台」: the words apart still name the business type
                w = k.weight("+".join(found))  # weighed as one keyword of those parts (「商城+开发」)
                score += w
                by_type[bt] = w
        exclusion = None
        for exc_text, triggers, unless, together in d["_exclusions"]:
            hit = [t for t in triggers if _affirmed(q, t)] or _together_hit(whole, together)
            if hit and not any(text.contains(q, u) for u in unless):
                exclusion = exc_text
                score += cfg["exclusion_trigger_share"] * max(k.weight(t) for t in hit)
                break
        matched = score
        score += k.fts_score(fts.get(no, 0.0), cfg["classify_fts_weight"])
        if score < _MIN_SCORE:
            continue
        business_types = sorted(by_type, key=lambda bt: -by_type[bt])  # 「扫描录入…再做统计分析」: both
        business_type = business_types[0] if business_types else None
        results.append(
            {
                "domain": d["name"],
                "category": d["category"],
                "business_type": business_type,
                "business_types": business_types,
                "score": round(score, 4),
                "excluded": exclusion is not None,
                "exclusion": exclusion,
                "confident": matched > 0,
            }
        )
    results.sort(key=lambda r: (-r["confident"], -r["score"]))
    return results[:limit]


@lru_cache(maxsize=1)
def _type_together() -> dict:
    """{domain name: ((business type, word groups), …)} from catalog.yml `business_type_together`: a business type
    named by words apart (「帮品牌代运维他们自己的线上商城平台」), each group having one of its words in the text."""
    return {
        d["name"]: tuple(
            (bt, [[text.normalize(str(w)) for w in group] for group in groups])
            for bt, groups in (d.get("business_type_together") or {}).items()
        )
        for d in sources.load_cached("catalog")["domains"]
    }


@lru_cache(maxsize=1)
def _client_patterns() -> tuple:
    return tuple(re.compile(p) for p in sources.load_cached("catalog").get("client_phrases") or [])


def _without_clients(k: "_Knowledge", q: str) -> str:
    """`q` without the words saying whom the business serves (catalog.yml client_phrases: 「给人工智能企业做图像标注」
    is 图像标注 whatever its clients' trade), when what remains still places the business; else `q` as it is."""
    masked = _masked(q)
    if masked == q:
        return q
    return masked if any(_domain_matches(k, d, masked)[0] > 0 for d in k.domains.values()) else q


@lru_cache(maxsize=1)
def _software_build():
    pattern = sources.load_cached("catalog").get("software_build")
    return re.compile(pattern) if pattern else None


def _without_software_purpose(k: "_Knowledge", q: str) -> str:
    """`q` with what a piece of software built for a client is for (catalog.yml software_build) replaced by the
    catalog's term for custom software (software_build_term): 「开发清算系统」 is software development whatever the
    system does, unless those words name an ITO business themselves."""
    pattern = _software_build()
    if pattern is None:
        return q

    def drop(m):
        span, purpose = m.group(0), m.group("object")
        without = span.replace(purpose, " ", 1)
        for d in k.domains.values():
            if d["category"] != "ITO":
                continue
            together = [g for _, g in _type_together().get(d["name"], ())]
            if _domain_matches(k, d, span)[0] > _domain_matches(k, d, without)[0] or any(
                _together_hit(span, g) and not _together_hit(without, g) for g in together
            ):
                return span  # 「开发人脸识别系统」「开发商城系统」: the purpose names an ITO business
        term = sources.load_cached("catalog").get("software_build_term") or ""
        return f"{without} {term} "  # what is built is software: its catalog term, in place of the purpose

    return pattern.sub(drop, q)


def names_clients_only(description: str) -> bool:
    """Whether a part of a description only says whom the business serves (「for overseas AI companies」): the words
    that place a business are all in its client phrases, so it names no business of its own."""
    k = _open(None)
    q = normalize_question(description)
    masked = _masked(q)
    return bool(q) and masked != q and _without_clients(k, q) == q and len(re.sub(r"\W|_", "", masked)) <= 2


def _masked(q: str) -> str:
    for p in _client_patterns():
        q = p.sub(" ", q)
    return q


def not_service_outsourcing(description: str) -> list:
    """The kinds of business outside all 23 domains that a description names (catalog.yml), in order.

    Each result is {"key", "label", "why", "decides", "trigger", "absorbs", "own_goods"}; a kind is left out when one of its
    `unless` words (a service that points back to a domain) occurs in the same description.
    """
    return [dict(f) for f in _not_service_outsourcing(description)]


@lru_cache(maxsize=1)
def _not_outsourcing_kinds() -> tuple:
    """catalog.yml's not_service_outsourcing kinds, each with its triggers and unless words normalised once."""
    return tuple(
        (kind, tuple((t, text.normalize(str(t))) for t in kind["triggers"]),
         tuple(text.normalize(str(u)) for u in kind.get("unless") or []),
         tuple(re.compile(p) for p in kind.get("patterns") or []))
        for kind in sources.load_cached("catalog").get("not_service_outsourcing") or []
    )  # fmt: skip


def _pattern_hit(clause: str, patterns: tuple) -> "str | None":
    """The words of a clause that one of a kind's `patterns` matches other than negated (「开了个店」), or None."""
    for pattern in patterns:
        for m in pattern.finditer(clause):
            if not _NEGATED.search(clause[max(0, m.start() - 5) : m.start()]):
                return m.group(0)
    return None


@lru_cache(maxsize=1024)
def _not_service_outsourcing(description: str) -> tuple:
    found = []
    for clause in _CLAUSES.split(normalize_question(description)):
        for kind, triggers, unless, patterns in _not_outsourcing_kinds():
            hit = next((t for t, normal in triggers if _affirmed(clause, normal)), None) or _pattern_hit(
                clause, patterns
            )
            if (
                hit
                and not any(text.contains(clause, u) for u in unless)
                and kind["key"] not in [f["key"] for f in found]
            ):
                found.append(
                    {
                        "key": kind["key"],
                        "label": kind["label"],
                        "why": kind["why"],
                        "decides": kind.get("decides") or "",
                        "trigger": hit,
                        "absorbs": list(kind.get("absorbs") or []),  # general words naming the same business
                        "own_goods": list(kind.get("own_goods") or []),  # words saying the goods are one's own
                    }
                )
    return tuple(found)


_CLAUSES = re.compile(r"[，,。；;！!？?、\s]+")
_NEGATED = re.compile(r"(不|没|没有|不是|并不|从不)[^不没，,\s]{0,3}$")


def words_together(description: str, groups: list) -> list:
    """The words of catalog.yml word groups (`together`) when each group has one in the description, affirmed
    (「开发小程序商城平台…代运维」: 商城 and 开发), else []."""
    q = normalize_question(description)
    return _together_hit(q, [[text.normalize(str(w)) for w in group] for group in groups or []]) if q else []


def _together_hit(q: str, groups: list) -> list:
    """The words of an exclusion's `together` groups when each group has one in q (「给手机品牌做售后维修」: a
    consumer product and a repair word apart, catalog.yml), else []."""
    found = [next((w for w in group if _affirmed(q, w)), None) for group in groups]
    return found if groups and all(found) else []


def _affirmed(q: str, term: str) -> bool:
    """Whether a term occurs in q other than negated (「不卖货」「不自己跑运输」 do not say it)."""
    if not text.contains(q, term):
        return False
    if text.is_ascii_term(term):
        return True
    start = q.find(term)
    while start >= 0:
        if not _NEGATED.search(q[max(0, start - 5) : start]):
            return True
        start = q.find(term, start + 1)
    return False


@lru_cache(maxsize=1)
def clause_phrases() -> tuple:
    """The clauses' titles and conditions (4 characters or more), normalised once."""
    k = _open()
    return tuple(
        text.normalize(phrase)
        for c in k.clauses.values()
        for phrase in [c["title"]] + list(c["conditions"] or [])
        if phrase and len(phrase) >= 4
    )


# The other policy a question is about (its name), or None when its subject may be this policy; and the
# other-policy topic a question about this policy also asks about (knowledge/other_policies.py).
other_policy = other_policies.subject
other_policy_aside = other_policies.aside
other_policy_context_dropped = other_policies.without_context


def classify_question_pattern() -> str:
    """The regex (catalog.yml, classify_question) of a question asking whether or where a business belongs."""
    return sources.load_cached("catalog").get("classify_question") or r"(?!x)x"


def business_self_pattern() -> str:
    """The regex (catalog.yml, business_self) of a message describing the asker's own business."""
    return sources.load_cached("catalog").get("business_self") or r"(?!x)x"
