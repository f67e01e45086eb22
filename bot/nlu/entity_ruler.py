"""The rule-based Chinese entity layer: a blank spaCy `zh` pipeline with jieba and the
knowledge base's dictionary, an EntityRuler over the policy vocabulary, and figures from
the calculator's parser. Plain Python: the Rasa component in `components.py` wraps it.
"""

import re
from functools import lru_cache
from typing import Dict, List

from bot.nlu.normalize import normalize
from bot.nlu.vocabulary import vocabulary

FIGURE_LABELS = {"money", "rate", "count", "area", "year", "percent", "duration_years", "duration_months"}


def load_user_dictionary() -> None:
    """Teach jieba the knowledge base's words (domain names, business types, keywords)."""
    import jieba

    from knowledge import query

    if getattr(jieba, "_policy_dict_loaded", False):
        return
    jieba.setLogLevel(60)
    jieba.load_userdict(str(query.userdict_path()))
    jieba._policy_dict_loaded = True


@lru_cache(maxsize=1)
def pipeline():
    """Build the blank zh pipeline (jieba segmenter) with an EntityRuler of the vocabulary."""
    import spacy

    load_user_dictionary()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": label, "pattern": phrase, "id": value} for label, phrase, value in vocabulary()])
    return nlp


@lru_cache(maxsize=1)
def _phrases_by_start():
    """Vocabulary positions by each phrase's first two characters (one for one-character
    phrases): only phrases whose start occurs in a message can occur in it."""
    index: Dict[str, List[int]] = {}
    for position, (_, phrase, _) in enumerate(vocabulary()):
        if phrase:
            index.setdefault(phrase[:2], []).append(position)
    return index


def _candidates(norm: str) -> List[tuple]:
    """The vocabulary entries that may occur in `norm`, in vocabulary order."""
    index = _phrases_by_start()
    found = set()
    for i in range(len(norm)):
        found.update(index.get(norm[i : i + 2], ()))
        found.update(index.get(norm[i], ()))
    entries = vocabulary()
    return [entries[position] for position in sorted(found)]


def _figure_entities(text: str) -> List[Dict]:
    from calculator.figures_zh import parse_figures

    out = []
    for f in parse_figures(text):
        value = str(f.value) if f.value is not None else (f.unit or "")
        if f.kind == "money":
            value = f"{f.value}|{f.currency or ''}"
        out.append({"entity": f.kind, "value": value, "start": f.start, "end": f.end, "text": text[f.start : f.end]})
    return out


def _inside_latin_word(norm: str, phrase: str, start: int) -> bool:
    """Whether a phrase that begins or ends with a Latin letter is found inside a longer Latin word (the 「ai」 of
    「mainly」 is no 人工智能)."""
    end = start + len(phrase)
    latin = re.compile(r"[a-z]")
    return bool(
        (latin.match(phrase[0]) and start > 0 and latin.match(norm[start - 1]))
        or (latin.match(phrase[-1]) and end < len(norm) and latin.match(norm[end]))
    )


def extract(text: str) -> List[Dict]:
    """Entities of `text`: [{entity, value, start, end, text}], policy words then figures."""
    if not text or not text.strip():
        return []
    norm = normalize(text[:2000])
    doc = pipeline()(norm)
    found = []
    covered = set()
    for ent in doc.ents:
        if _inside_latin_word(norm, ent.text, ent.start_char):
            continue  # jieba cuts 「mainland」 as m/ai/nland when 「ai」 is a word it knows
        found.append(
            {
                "entity": ent.label_,
                "value": ent.ent_id_,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": text[ent.start_char : ent.end_char],
            }
        )
        covered.update(range(ent.start_char, ent.end_char))
    # jieba may cut a phrase differently in context ("做软件测试" → 做软件/测试); catch those.
    for label, phrase, value in _candidates(norm):
        start = norm.find(phrase)
        while start >= 0:
            span = range(start, start + len(phrase))
            if not covered.intersection(span) and not _inside_latin_word(norm, phrase, start):
                found.append(
                    {
                        "entity": label,
                        "value": value,
                        "start": start,
                        "end": start + len(phrase),
                        "text": text[span.start : span.stop],
                    }
                )
                covered.update(span)
            start = norm.find(phrase, start + 1)
    found.sort(key=lambda e: e["start"])
    return found + _figure_entities(text[:2000])
