"""The knowledge base's source files (knowledge/data/*.yml): paths, loading and validation."""

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge.figures import FIGURES_FILE

DATA_DIR = Path(__file__).parent / "data"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "var" / "knowledge.db"
USERDICT_NAME = "jieba_userdict.txt"

SOURCE_FILES = {
    "document": DATA_DIR / "document.yml",
    "clauses": DATA_DIR / "clauses.yml",
    "catalog": DATA_DIR / "catalog.yml",
    "synonyms": DATA_DIR / "synonyms.yml",
    "discrepancies": DATA_DIR / "discrepancies.yml",
    "search": DATA_DIR / "search.yml",
    "places": DATA_DIR / "places.yml",
    "figures": FIGURES_FILE,
}


def db_path(path=None) -> Path:
    """The database path: the argument, else $KNOWLEDGE_DB, else var/knowledge.db under the project root."""
    if path:
        return Path(path)
    if os.environ.get("KNOWLEDGE_DB"):
        return Path(os.environ["KNOWLEDGE_DB"])
    return DEFAULT_DB


def userdict_path_for(db: Path) -> Path:
    """The jieba user dictionary that belongs to a database (written beside it)."""
    return Path(db).parent / USERDICT_NAME


def sources_digest() -> str:
    """A sha256 over every source file, stored in the database to notice stale builds."""
    digest = hashlib.sha256()
    for name, path in sorted(SOURCE_FILES.items()):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(name: str):
    """One source file, parsed (a fresh copy each call)."""
    return yaml.load(SOURCE_FILES[name].read_text(encoding="utf-8"), Loader=_Loader)


@lru_cache(maxsize=None)
def load_cached(name: str):
    """One source file, parsed once per process (callers must not mutate it)."""
    return load(name)


def synonym_rows(synonyms: dict) -> list:
    """The synonyms file flattened to rows {term, canonical, kind, note}."""
    rows = []
    for kind in ("abbreviations", "certifications", "aliases", "domains", "typos"):
        for item in synonyms.get(kind) or []:
            rows.append(
                {
                    "term": str(item["term"]),
                    "canonical": str(item["canonical"]),
                    "kind": kind.rstrip("s") if kind != "aliases" else "alias",
                    "note": item.get("note"),
                }
            )
    return rows


class SourceError(ValueError):
    """The source files contradict themselves (a key, code or name that does not resolve)."""


def validate(document: dict, clauses: list, catalog: dict, synonyms: dict, figures: dict) -> None:
    """Raise SourceError unless the source files agree with one another."""
    codes = [c["code"] for c in clauses]
    if len(codes) != len(set(codes)):
        raise SourceError("duplicate clause codes")
    for code in codes:
        if "." in code and code.rsplit(".", 1)[0] not in codes:
            raise SourceError(f"clause {code} has no parent")
    for code, items in figures.items():
        if str(code) not in codes:
            raise SourceError(f"figures.yml clause {code} is not in clauses.yml")
    for c in clauses:
        listed = list(c.get("figures") or [])
        actual = [f["key"] for f in figures.get(c["code"], [])]
        if listed != actual:
            raise SourceError(f"clause {c['code']} lists figures {listed}, figures.yml has {actual}")
    ref = document["annual_total_cap"]
    if ref["figure"] not in [f["key"] for f in figures.get(ref["clause"], [])]:
        raise SourceError("document annual_total_cap points to no figure")
    names = [d["name"] for d in catalog["domains"]]
    if [d["no"] for d in catalog["domains"]] != list(range(1, len(names) + 1)):
        raise SourceError("domains are not numbered 1..n in order")
    for d in catalog["domains"]:
        if d["category"] not in catalog["categories"]:
            raise SourceError(f"domain {d['no']} has unknown category {d['category']}")
        unknown = set(d.get("business_type_examples") or {}) - set(d["business_types"])
        if unknown:
            raise SourceError(f"domain {d['no']} has examples for unknown types {unknown}")
    for item in synonyms.get("domains") or []:
        if item["canonical"] not in names:
            raise SourceError(f"synonym {item['term']} points to unknown domain {item['canonical']}")
