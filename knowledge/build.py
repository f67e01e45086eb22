"""Build the knowledge database (SQLite + FTS5) and the jieba user dictionary from knowledge/data/*.yml.

    python -m knowledge.build [--db PATH]

The default database is var/knowledge.db under the project root ($KNOWLEDGE_DB overrides); the
user dictionary is written beside it as jieba_userdict.txt. Every run rebuilds from scratch into a
temporary file and renames it into place, so readers never see a half-built database.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from knowledge import sources, text

USERDICT_FREQ = 200000
USERDICT_TAG = "nz"
FTS_TOKENIZE = "unicode61"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _children(codes: list, code: str) -> list:
    return [c for c in codes if c.rsplit(".", 1)[0] == code and "." in c]


def _parent(code: str):
    return code.rsplit(".", 1)[0] if "." in code else None


def clause_rows(clauses: list, figures: dict, tk) -> list:
    """Rows of the clauses table; a parent without text of its own indexes only title and keywords."""
    codes = [c["code"] for c in clauses]
    by_code = {c["code"]: c for c in clauses}
    rows = []
    for position, c in enumerate(clauses):
        children = _children(codes, c["code"])
        own_text = c.get("text") or ""
        full_text = own_text or "\n".join(
            f"{by_code[k]['label']} {by_code[k]['title']}：{by_code[k].get('text') or ''}" for k in children
        )
        keywords = [str(k) for k in c.get("keywords") or []]
        indexed = " ".join([c["title"], own_text, " ".join(p for k in keywords for p in text.keyword_parts(k))])
        rows.append(
            {
                "code": c["code"],
                "position": position,
                "label": c["label"],
                "title": c["title"],
                "text": full_text,
                "own_text": own_text,
                "applicant": c.get("applicant"),
                "applicant_detail": c.get("applicant_detail") or c.get("applicant"),
                "conditions": _json(c.get("conditions") or []),
                "eligible_costs": _json(c.get("eligible_costs") or []),
                "not_eligible_costs": _json(c.get("not_eligible_costs") or []),
                "certifications": _json(c.get("certifications") or []),
                "exclusions": _json(c.get("exclusions") or []),
                "keywords": _json(keywords),
                "figure_keys": _json([f["key"] for f in figures.get(c["code"], [])]),
                "parent": _parent(c["code"]),
                "children": _json(children),
                "segmented": " ".join(text.segment(text.normalize(indexed), tk)),
            }
        )
    return rows


def domain_rows(catalog: dict, tk) -> tuple:
    """Rows of the domains, business_types and industries tables."""
    domains, types, industries = [], [], []
    for d in catalog["domains"]:
        bt_examples = d.get("business_type_examples") or {}
        examples = list(d.get("examples") or []) + [e for bt in d["business_types"] for e in bt_examples.get(bt, [])]
        indexed = " ".join([d["name"], d["definition"], " ".join(d["business_types"]), " ".join(map(str, examples))])
        domains.append(
            {
                "no": d["no"],
                "number": d["number"],
                "name": d["name"],
                "category": d["category"],
                "category_name": catalog["categories"][d["category"]],
                "definition": d["definition"],
                "business_type_count": d["business_type_count"],
                "business_type_count_listed": len(d["business_types"]),
                "industry_count_stated": d["industry_count"],
                "industry_count_listed": len(d["industries"]),
                "exclusions": _json(d.get("exclusions") or []),
                "examples": _json([str(e) for e in examples]),
                "domain_examples": _json([str(e) for e in d.get("examples") or []]),
                "segmented": " ".join(text.segment(text.normalize(indexed), tk)),
            }
        )
        for position, bt in enumerate(d["business_types"]):
            types.append(
                {
                    "domain_no": d["no"],
                    "position": position,
                    "name": bt,
                    "examples": _json([str(e) for e in bt_examples.get(bt, [])]),
                }
            )
        for position, name in enumerate(d["industries"]):
            industries.append({"domain_no": d["no"], "position": position, "name": name})
    return domains, types, industries


def discrepancy_rows(discrepancies: list) -> list:
    """Rows of the discrepancies table."""
    rows = []
    for position, d in enumerate(discrepancies):
        where = d.get("where") or {}
        rows.append(
            {
                "id": d["id"],
                "position": position,
                "kind": d["kind"],
                "domain_no": where.get("domain"),
                "clause": where.get("clause"),
                "document_field": where.get("document"),
                "scope": where.get("scope"),
                "field": where.get("field"),
                "literal": d.get("literal"),
                "clean": d.get("clean"),
                "stated": d.get("stated"),
                "listed": d.get("listed"),
                "applied": bool(d.get("applied")),
                "note": d.get("note"),
            }
        )
    return rows


def userdict_words(document: dict, clauses: list, catalog: dict, synonyms: dict) -> list:
    """Every word jieba should keep whole: domain names, types, examples, keywords, synonyms."""
    words = []
    for d in catalog["domains"]:
        words.append(d["name"])
        words.extend(d["business_types"])
        words.extend(d.get("examples") or [])
        for items in (d.get("business_type_examples") or {}).values():
            words.extend(items)
        for exc in d.get("exclusions") or []:
            words.extend(exc.get("triggers") or [])
            words.extend(exc.get("items") or [])
    words.extend(catalog["categories"].values())
    for c in clauses:
        words.append(c["title"])
        for k in c.get("keywords") or []:
            words.extend(text.keyword_parts(str(k)))
        words.extend(c.get("eligible_costs") or [])
        for cert in c.get("certifications") or []:
            words.extend([cert["code"], cert["name"]])
    for row in sources.synonym_rows(synonyms):
        words.extend([row["term"], row["canonical"]])
    for items in (document.get("search_keywords") or {}).values():
        words.extend(items)
    seen, out = set(), []
    for w in words:
        w = text.normalize(str(w))
        if len(w) >= 2 and " " not in w and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build(db=None) -> Path:
    """Rebuild the database and its jieba user dictionary; return the database path."""
    db = sources.db_path(db)
    digest = sources.sources_digest()
    document = sources.load("document")
    clauses = sources.load("clauses")
    catalog = sources.load("catalog")
    synonyms = sources.load("synonyms")
    discrepancies = sources.load("discrepancies")
    figures = {str(k): v for k, v in sources.load("figures").items()}
    sources.validate(document, clauses, catalog, synonyms, figures)

    userdict = sources.userdict_path_for(db)
    words = userdict_words(document, clauses, catalog, synonyms)
    _write_atomic(userdict, "".join(f"{w} {USERDICT_FREQ} {USERDICT_TAG}\n" for w in words).encode("utf-8"))
    tk = text.tokenizer(userdict)

    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=db.name + ".", suffix=".tmp", dir=db.parent)
    os.close(fd)
    try:
        conn = sqlite_utils.Database(tmp, recreate=True)
        search_keywords = document.get("search_keywords") or {}
        conn["document"].insert_all(
            (
                {"key": k, "value": _json(v), "keywords": _json(search_keywords.get(k, []))}
                for k, v in document.items()
                if k != "search_keywords"
            ),
            pk="key",
        )
        conn["clauses"].insert_all(clause_rows(clauses, figures, tk), pk="code")
        conn["figures"].insert_all(
            (
                {
                    "clause": code,
                    "key": f["key"],
                    "position": i,
                    "value": str(f["value"]),
                    "bound": f.get("bound"),
                    "text": f["text"],
                }
                for code, items in figures.items()
                for i, f in enumerate(items)
            ),
            pk=("clause", "key"),
            foreign_keys=[("clause", "clauses", "code")],
        )
        domains, types, industries = domain_rows(catalog, tk)
        conn["domains"].insert_all(domains, pk="no")
        conn["business_types"].insert_all(
            types, pk=("domain_no", "position"), foreign_keys=[("domain_no", "domains", "no")]
        )
        conn["industries"].insert_all(
            industries, pk=("domain_no", "position"), foreign_keys=[("domain_no", "domains", "no")]
        )
        conn["synonyms"].insert_all(sources.synonym_rows(synonyms), pk=("term", "kind"))
        conn["discrepancies"].insert_all(discrepancy_rows(discrepancies), pk="id")
        conn["meta"].insert_all(
            [
                {"key": "sources_sha256", "value": digest},
                {"key": "built_at", "value": time.strftime("%Y-%m-%dT%H:%M:%S%z")},
                {"key": "userdict", "value": userdict.name},
            ],
            pk="key",
        )
        conn["clauses"].enable_fts(["segmented"], tokenize=FTS_TOKENIZE, create_triggers=False)
        conn["domains"].enable_fts(["segmented"], tokenize=FTS_TOKENIZE, create_triggers=False)
        conn.conn.commit()
        conn.close()
        os.replace(tmp, db)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return db


def main(argv=None) -> int:
    """Command line: build, then print where and how long it took."""
    parser = argparse.ArgumentParser(prog="python -m knowledge.build", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database path (default: $KNOWLEDGE_DB or var/knowledge.db)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    db = build(args.db)
    elapsed = time.perf_counter() - started
    print(f"built {db} and {sources.userdict_path_for(db)} in {elapsed:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
