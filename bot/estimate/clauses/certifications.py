"""三（六） 资质认证补贴 in conversation (calculator/items/certifications.py computes it)."""

import re

from bot.estimate.reading import CERT_NAME, FAIR_WORDS, PER_WORDS, TOTAL_WORDS, Clarification

from .base import Clause, Field, wan


def describe(value) -> str:
    return "资质认证" + "、".join(f"{c['name']} {wan(c['cost_cny'])}" for c in value)


def reads_when(reader) -> bool:
    from bot.estimate.understand import CERT_NAME

    return reader.pending == "certifications" or "3.6" in reader.items or bool(CERT_NAME.search(reader.text))


ALIASES = {"信息安全服务资质": "CCRC", "能力成熟度": "CMMI", "信息技术服务标准": "ITSS"}


def _known_name(m) -> str:
    name = re.sub(r"^CMMI(?:LEVEL|LV|ML|L)(?=[1-5])", "CMMI", m.group(0).replace(" ", "").upper())  # CMMI L3 = CMMI3
    return ALIASES.get(name, name)


def name_typed(label: str):
    """The certificate a cost's own words name, as typed: a known one (CMMI3级, ISO27001, ITSS …), else any Latin
    token (「TMMI」「ISO/IEC 20000」), else the Chinese words before the fee (「等保三级测评费」 → 等保三级测评); None
    when the words name none (「认证费」)."""
    from bot.estimate.reading import alternation, estimate_words

    text = (label or "").lower()
    known = list(CERT_NAME.finditer(text))
    if known:
        return _known_name(known[-1])
    latin = re.findall(r"[a-z][a-z0-9]*(?:\s*[/-]\s*[a-z0-9]+)*(?:\s*\d[\d.]*(?:级)?)?", text)
    if latin and all(re.fullmatch(r"(level|lv|ml|l)\s*[1-5]?(级)?", t) for t in latin):
        return None  # 「CMMI Level 5」 split at its level: the level names no certificate; the name said before does
    if latin:
        return latin[-1].replace(" ", "").upper()
    w = estimate_words()["certification_names"]
    words = re.sub(r"[（(][^（）()]*[）)]", "", text)  # an aside says something of the fee, not its name
    words = re.sub(rf"((?:{alternation(w['fee_words'])})|[\s,，、:：])+$", "", words)
    words = re.sub(rf"^((?:{alternation(w['fillers'])})|[\s,，、:：])+", "", words)
    if not words or re.fullmatch(alternation(w["fee_words"]) + "|" + alternation(w["fillers"]), words):
        return None
    if not re.fullmatch(r"[\u4e00-\u9fff0-9a-z]{2,12}", words) or re.search(r"\d{2,}", words):
        return None
    return words


def _same_certificate(a: str, b: str) -> bool:
    """Whether two names read name one certificate: the same stem, and not two different numbers after it
    (ISO27001 and ISO20000 are two; CMMI and CMMI3级 one)."""
    if a[:4] != b[:4]:
        return False
    ta, tb = a[4:], b[4:]
    return not (ta[:1].isdigit() and tb[:1].isdigit() and ta != tb)


def same_certificate(a: str, b: str) -> bool:
    """Whether two names read name one certificate (public: bot/estimate/cert_elsewhere.py)."""
    return _same_certificate(a, b)


def names_in(text: str) -> list:
    """The distinct certificates a message names, in order (CMMI and CMMI3级 one; ISO27001 and ISO20000 two)."""
    named: list = []
    for m in CERT_NAME.finditer(text or ""):
        name = _known_name(m)
        if not any(_same_certificate(n, name) for n in named):
            named.append(name)
    return named


def names_by_cost(r, costs, skip=()) -> list:
    """Each cost's certificate, in order: the name typed in the cost's own entry of its list (bot/estimate/lists.py),
    never one shifted from a neighbour; a cost with no name of its own (「CMMI和ITSS分别是18万、5万」) takes the next
    certificate named in the message and not yet given a cost; else 「资质N」."""
    from bot.estimate import lists

    found = lists.figure_lists(r.text, r.figs)
    own = []
    for f in costs:
        entry = next((e for lst in found for e in lst.entries if e.figure.start == f.start), None)
        own.append(name_typed(entry.label) if entry else None)
    named = []
    for m in CERT_NAME.finditer(r.text):
        name = _known_name(m)
        if not any(_same_certificate(n, name) for n in named):
            named.append(name)  # "CCRC信息安全服务资质" and 「CMMI3级…CMMI两项」 name one; ISO27001 and ISO20000 two
    spare = [n for n in named if n not in own and n not in skip]
    out = []
    for i, name in enumerate(own):
        if name is None and spare:
            name = spare.pop(0)
        out.append(name or f"资质{i + 1}")
    return out, named


def read(r):
    costs = r.item_costs(
        "certifications",
        r"认证|资质|cmmi|itss|pcmm|sas|ccrc|iso|维护费",
        FAIR_WORDS + "|租|平台|培训|离岸|在岸|执行额",
    )
    counts = [
        f for f in r.unused("count") if re.search(r"个|项", f.unit or f.raw or "") and re.search(r"认证|资质", r.text)
    ]
    from bot.estimate import cert_elsewhere

    elsewhere = cert_elsewhere.named_elsewhere(r.text)  # 「PCMM…已经用市里另一个政策报过」: 第四条第（三）项
    from bot.understand.received_awards import certificates_received

    # 「去年CMMI3已经补过了，今年新拿了CMMI5，认证费25万」: the certificate subsidised before is no certificate of this
    # estimate when another is named beside it
    before = [n for n in certificates_received(r.text) if n not in elsewhere]
    by_cost, names = names_by_cost(r, costs, elsewhere + before)
    if not costs:
        if names and r.pending == "certifications":
            r.out.clarifications.append(
                Clarification("cert_cost", f"{'、'.join(names)}的认证（或维护）费用各是多少？", {"names": names})
            )
        return
    names = _named_with_the_one_cost(r.text, costs, names)
    if elsewhere and [n for n in names if n not in elsewhere]:
        told = [n for n in names if n not in elsewhere]
        names = told if len(told) >= len(costs) or len(costs) > 1 else names
    if before and [n for n in names if n not in before]:
        names = [n for n in names if n not in before]
        r.out.notes.append(f"您说{'、'.join(before)}此前已经补贴过，不计入这次测算；按{'、'.join(names)}计算")
    n = len(names) or (int(counts[0].value) if counts else None)
    per = "each" if re.search(PER_WORDS, r.text) else "total" if re.search(TOTAL_WORDS, r.text) else None
    for f in costs:
        r.use(f)
    values = r.spread(costs, n if n and n > 1 else None, per, "项", "资质认证", "cert")
    if values is None:
        return
    shared = _each_of_several(r.text, costs) if len(values) == len(costs) > 1 else None
    if shared is not None:  # 「CMMI维护费8万，ITSS PCMM CCRC SAS70都新认证了，每个6万」: 1 + 4 certificates
        certs = [{"name": name, "cost_cny": v} for names_of, v in zip(shared, values) for name in names_of]
        r.out.fields["certifications"] = cert_elsewhere.left_out(r, certs, elsewhere)
        return
    certs = []
    for i, v in enumerate(values):
        if len(costs) == 1 and len(values) > 1:  # one cost for each of the certificates named
            name = names[i] if i < len(names) else f"资质{i + 1}"
        else:
            name = by_cost[i]
        certs.append({"name": name, "cost_cny": v})
    if len(values) == len(costs) > 1:
        certs = _related_only(r, certs, costs)
    certs = cert_elsewhere.left_out(r, certs, elsewhere)
    r.out.fields["certifications"] = certs
    if re.search(r"维护", r.text) and not re.search(r"新(获得|拿|取得|通过|认证)|认证费", r.text):
        r.out.notes.append(maintenance_note())


def _each_of_several(text: str, costs):
    """「CMMI维护费8万，ITSS PCMM CCRC SAS70都新认证了，每个6万」: several costs, one of them said with 每个/各 after two or
    more certificates named since the cost before it: that cost is each of those certificates'. The names each cost
    stands for, in order; None when no cost is shared so (each cost is then one certificate's)."""
    out, shared = [], False
    for i, f in enumerate(costs):
        start = costs[i - 1].end if i else 0
        window = text[start : f.start]
        names: list = []
        for m in CERT_NAME.finditer(window):
            name = _known_name(m)
            if not any(_same_certificate(n, name) for n in names):
                names.append(name)
        if len(names) >= 2 and re.search(r"(每个|每项|每一个|每一项|各(?!项)|都是)[^，。；,;0-9]{0,8}$", window):
            out.append(names)
            shared = True
        elif len(names) <= 1:
            out.append(names or [f"资质{sum(len(x) for x in out) + 1}"])
        else:
            return None  # several names before one cost with no 每个: whose cost it is stays as read
    return out if shared else None


def _named_with_the_one_cost(text: str, costs, names: list) -> list:
    """「CMMI Level 3 新认证 认证费大概40w 能补多少 另外…想同时搞CMMI ITSS PCMM 还有ISO27001 四个都能补吗」: one cost,
    one certificate named before it and the others only in a later question (after the cost's own question ends):
    the cost is that certificate's, not a total of all those named; else the names as they are."""
    from bot.understand.segment import clauses, is_question

    if len(costs) != 1 or len(names) < 2:
        return names
    f = costs[0]
    end, pos = len(text), 0
    for c in clauses(text):  # where the question the cost is said in ends
        at = text.find(c, pos)
        if at < 0:
            break
        pos = at + len(c)
        if at >= f.end and is_question(c):
            end = pos
            break
    before = [_known_name(m) for m in CERT_NAME.finditer(text[: f.start])]
    inside = list(CERT_NAME.finditer(text[f.end : end]))
    later = list(CERT_NAME.finditer(text[end:]))
    own = [n for n in names if any(_same_certificate(n, b) for b in before)]
    return own if len(own) == 1 and not inside and later else names


def _related_only(r, certs: list, costs) -> list:
    """「CMMI3级认证费20万、ITSS认证费8万、还有ISO9001认证费3万，ISO9001不是服务外包相关的」: a certificate whose own
    words (its name, the words before its fee, a later phrase naming it) say it is no 服务外包相关行业资质 (facts.yml
    certification_related fails, estimate_words.yml certification_names not_related) is left out and named; the
    others are counted and the item stands on them. When every one is such, all are kept (the item fails whole)."""
    verdicts = [
        _related(r.text, c["name"], r.text[(costs[i - 1].end if i else 0) : costs[i].start])
        for i, c in enumerate(certs)
    ]
    kept = [c for c, v in zip(certs, verdicts) if v is not False]
    if len(kept) in (0, len(certs)):
        return certs
    from knowledge import conditions

    leaf = next(x for x in conditions.leaves("3.6") if x.get("id") == "related")
    names = [_shown(c["name"], r.text[(costs[i - 1].end if i else 0) : costs[i].start]) for i, c in enumerate(certs)]
    left = "、".join(f"“{n}”" for n, v in zip(names, verdicts) if v is False)
    r.out.notes.append(f"{left}不属于“{leaf['label']}”，不计入；按其余{len(kept)}项计算")
    held = all(v for c, v in zip(certs, verdicts) if v is not False)
    r.out.fields["_fact_certification_related@3.6"] = True if held else None  # the ones counted decide, not those left
    return kept


def _shown(name: str, before: str) -> str:
    """A certificate's name as the user typed it: 「资质2」 (none read) shows its own words' unrelated one instead."""
    from bot.estimate.reading import alternation, estimate_words

    if not re.fullmatch(r"资质\d+", name):
        return name
    m = re.search(
        alternation(estimate_words()["certification_names"]["not_related"]) + r"[^，,。；;、（(\d]{0,4}", before
    )
    return m.group(0) if m else name


def _related(text: str, name: str, before: str):
    """Whether one certificate is a 服务外包相关行业资质: False when its name or the words right before its fee name an
    unrelated one (facts.yml certification_related fails, estimate_words.yml not_related) or a phrase naming it says it
    is not related (「ISO9001不是服务外包相关的」); True when its name is a listed one; else None. A bare 不 (「哦不 ITSS
    是10万」, a correction) says nothing of it."""
    from bot.estimate.reading import alternation, estimate_words
    from bot.understand.facts import fact_specs

    spec = fact_specs()["certification_related"]
    own = re.split(r"[，,。；;、\n]", before)[-1]
    unrelated = alternation(estimate_words()["certification_names"]["not_related"])
    low = name.lower()
    if any(re.search(unrelated, x) or any(p.search(x) for p in spec["fails"]) for x in (low, own)):
        return False
    denied = re.compile(r"(不是|不属于|不算|并非|非)[^，,。；;\d]{0,4}(服务外包|外包|相关|资质)|(无关|不相关|没关系)")
    if any(low in p and denied.search(p) for p in re.split(r"[，,。；;！!？?\n]", text)):
        return False
    return True if any(p.search(low) for p in spec["holds"]) else None


def maintenance_note() -> str:
    """What the policy says of a maintenance fee, quoted from knowledge/data/conditions.yml."""
    from knowledge import conditions

    leaf = next(leaf for leaf in conditions.leaves("3.6") if leaf.get("id") == "cost_kind")
    return f"按已获得资质的维护费用计算（{leaf['label']}均可补贴）"


CLAUSES = (
    Clause(
        code="3.6",
        name="资质认证补贴",
        triggers=r"认证|资质|cmmi|itss|pcmm|sas70|ccrc|iso\s?\d",
        fields=(
            Field(
                "certifications",
                "资质认证",
                question="获得或维护了哪些资质认证（如CMMI、ITSS、PCMM），每项的认证或维护费用是多少元？",
                recognised_by="the certificates named (CMMI, ITSS, PCMM, CCRC, ISO…) and the yuan figures in a "
                "clause about 认证/资质/维护费, one per certificate, in order",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="资质认证补贴（CMMI、ITSS等）",
        read=read,
        reads_when=reads_when,
    ),
)
