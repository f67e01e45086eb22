"""附件 (服务外包产业重点发展领域指导目录（2018年版）): domains, categories, classification."""

import re
from functools import lru_cache
from typing import Optional

from knowledge import query, shapes, sources

from bot.answers.model import Answer
from bot.nlu.normalize import normalize

CATALOG = "附件《服务外包产业重点发展领域指导目录（2018年版）》"
CATEGORY_RE = {"ITO": r"ito|信息技术外包", "BPO": r"bpo|业务流程外包", "KPO": r"kpo|知识流程外包"}


@lru_cache(maxsize=1)
def _categories() -> dict:
    """{ITO: (信息技术外包, Information Technology Outsourcing), …} from knowledge/data/catalog.yml."""
    raw = sources.load_cached("catalog")
    return {c: (name, raw["categories_english"][c]) for c, name in raw["categories"].items()}


def category_names_answer(text: str) -> Optional[Answer]:
    """「what do ITO, BPO and KPO stand for」: each abbreviation named, spelled out in Chinese and English, with
    how many domains it has; None when the message does not ask that."""
    cats = categories_in(text)
    if not cats or not shapes.search("asks_category_names", text):
        return None
    s = query.catalog_summary()
    lines = [
        f"{c}：{_categories()[c][0]}（{_categories()[c][1]}），{CATALOG}中有{s[c]}个领域。"
        for c in ("ITO", "BPO", "KPO")
        if c in cats or len(cats) >= 2
    ]
    return Answer("\n".join(lines), clause="annex")


def structure_answer(text: str) -> Optional[Answer]:
    """「目录23个领域里面 ITO BPO KPO 分别是几个」「BPO类的领域有多少个」「23个领域中哪些属于KPO」: how many domains each
    category asked has, and which, counted from catalog.yml (all three when none or several are named); None when
    the message does not ask that, or names a domain or describes a business (asked of them instead)."""
    if not shapes.search("catalog_structure_asked", text) or domains_in(text) or is_business_described(text):
        return None
    from bot.estimate.items import detect_items

    if detect_items(text):  # 「ITO企业离岸奖励一年最多几项」: a support item asked, not the catalog
        return None
    if any(h.get("confident") for h in query.classify_business(_without_categories(text), limit=1)):
        return None
    cats = categories_in(text)
    s = query.catalog_summary()
    asked = ["ITO", "BPO", "KPO"] if len(cats) != 1 else cats
    lines = []
    if len(asked) > 1:
        lines.append(f"{CATALOG}共{s['total']}个重点发展领域：" + "、".join(f"{c} {s[c]}个" for c in asked) + "。")
    else:
        lines.append(f"依据{CATALOG}（共{s['total']}个重点发展领域）：")
    if len(cats) == 2 and s[cats[0]] != s[cats[1]]:  # 「KPO和BPO哪个领域多」
        more, less = sorted(cats, key=lambda c: -s[c])
        lines.append(f"{more}（{s[more]}个）比{less}（{s[less]}个）多{s[more] - s[less]}个。")
    lines += [category_line(c) for c in asked]
    return Answer("\n".join(lines), clause="annex")


def _without_categories(text: str) -> str:
    """The text without the categories' names (ITO, 信息技术外包 …), which name no business."""
    for pat in CATEGORY_RE.values():
        text = re.sub(pat, " ", text)
    return text


def categories_in(text: str) -> list:
    """ITO/BPO/KPO named in the (normalised) text, in order of mention."""
    hits = [(m.start(), cat) for cat, pat in CATEGORY_RE.items() for m in [re.search(pat, text)] if m]
    return [cat for _, cat in sorted(hits)]


def domain_in(text: str) -> Optional[dict]:
    """The catalog domain the text names (full name, or a short form such as 呼叫中心)."""
    best = None
    for d in query.domains():
        names = [d["name"]] + [n for n in d.get("aliases", []) or [] if len(n) >= 2]
        short = re.sub(r"服务$", "", d["name"])
        if len(short) >= 2:
            names.append(short)
        for n in names:
            pos = text.find(normalize(n))
            if pos >= 0 and (best is None or len(n) > best[0]):
                best = (len(n), d)
    return best[1] if best else None


def domains_in(text: str) -> list:
    """Every catalog domain the text names, in order of mention (「算人工智能服务还是呼叫中心服务」: both)."""
    found = {}
    for d in query.domains():
        names = [d["name"]] + [n for n in d.get("aliases", []) or [] if len(n) >= 2]
        short = re.sub(r"服务$", "", d["name"])
        if len(short) >= 2:
            names.append(short)
        spots = [text.find(normalize(n)) for n in names]
        spots = [p for p in spots if p >= 0]
        if spots:
            found[d["name"]] = (min(spots), d)
    return [d for _, d in sorted(found.values(), key=lambda x: x[0])]


def _excl(e) -> str:
    return e["text"] if isinstance(e, dict) else str(e)


def _label(d: dict) -> str:
    return f"第{d['number']}项" if d.get("number") else f"第{d['no']}项"


def domain_label(d: dict) -> str:
    """A domain's place in the catalogue: 第十四项 (public: the pre-screening's report line)."""
    return _label(d)


def summary() -> Answer:
    """How many domains, and which belong to ITO, BPO and KPO."""
    s = query.catalog_summary()
    lines = [f"{CATALOG}共{s['total']}个重点发展领域：ITO {s['ITO']}个、BPO {s['BPO']}个、KPO {s['KPO']}个。"]
    for cat in ("ITO", "BPO", "KPO"):
        lines.append(category_line(cat))
    lines.append("想了解某个领域的定义、业务类型或应用行业，直接问我即可，例如“云计算服务包括哪些业务？”")
    return Answer("\n".join(lines), clause="annex")


def category_line(cat: str) -> str:
    ds = query.domains(cat)
    name = ds[0]["category_name"] if ds else cat
    return f"{cat}（{name}）{len(ds)}个：" + "、".join(d["name"] for d in ds) + "。"


def category_answer(cat: str) -> Answer:
    """The domains of one category."""
    return Answer(f"依据{CATALOG}，" + category_line(cat), clause="annex")


def domain_answer(d: dict, text: str) -> Answer:
    """One domain: the aspect asked for first, then the essentials."""
    head = f"{d['name']}属于{d['category_name']}（{d['category']}），是{CATALOG}{_label(d)}。"
    types = "、".join(d["business_types"])
    n_types = d.get("business_type_count") or len(d["business_types"])
    parts = [head]
    asked_types = shapes.search("domain_types_asked", text)
    asked_ind = re.search(r"行业|应用领域|应用于|应用在|用在|面向", text) or shapes.search(
        "domain_industries_asked", text
    )
    asked_excl = shapes.search("domain_exclusions_asked", text)
    asked_def = shapes.search("domain_definition_asked", text)
    categories = categories_in(text)
    if len(categories) == 1 and not (asked_types or asked_ind or asked_def):
        verdict = "是的，" if d["category"] in categories else "不是，"
        parts = [f"{verdict}{head}"]
    if asked_def or not (asked_types or asked_ind or asked_excl or categories):
        parts.append(f"定义和范围：{d['definition']}")
    if asked_types or not (asked_ind or asked_excl or asked_def or categories):
        parts.append(f"主要业务类型（{n_types}个）：{types}。")
    if asked_ind:
        parts.append(industries_line(d))
    excl = d.get("exclusions") or []
    if excl:
        parts.append("注意：" + "；".join(_excl(e) for e in excl) + "。")
    elif asked_excl:
        parts.append("目录对该领域没有列出“不包括”的内容。")
    return Answer("\n".join(parts), clause="annex", domain=d["name"])


def industries_list(names) -> str:
    """Industries as a list no reader misparses: each name whole in 「」, since names hold 、 themselves
    (「信息传输、软件和信息技术服务业」 is one industry, not two)."""
    return "、".join(f"「{n}」" for n in names)


def industries_line(d: dict) -> str:
    """A domain's 主要应用领域: the national-economy industries the catalog names for it."""
    return f"主要应用行业（{len(d['industries'])}个国民经济行业）：{industries_list(d['industries'])}。"


def _aspect_asked(part: str) -> bool:
    """Whether a question part asks an aspect of a catalog domain: its definition, business types, industries,
    exclusions or category (「它属于ito/bpo/kpo哪类」)."""
    return bool(
        shapes.search("domain_definition_asked", part)
        or shapes.search("domain_types_asked", part)
        or shapes.search("domain_industries_asked", part)
        or shapes.search("domain_exclusions_asked", part)
        or (categories_in(part) and shapes.search("asks_category_of_domain", part))
    )


def _aspects_count(part: str) -> int:
    """How many aspects of a domain one part asks (definition, types, industries, category)."""
    return sum(
        bool(found)
        for found in (
            shapes.search("domain_definition_asked", part),
            shapes.search("domain_types_asked", part),
            shapes.search("domain_industries_asked", part),
            categories_in(part) and shapes.search("asks_category_of_domain", part),
        )
    )


def one_domain_aspects(parts: list, t: str) -> Optional[Answer]:
    """「云计算服务给我讲讲：定义是啥，有哪几种业务类型，重点面向哪几个行业？它属于ito/bpo/kpo哪类」: every question
    part asks an aspect of the one domain the message names (the later parts name none of their own): one answer
    with every aspect asked, not a catalog overview for a part that names no domain. None otherwise."""
    from bot.estimate.items import detect_items

    named = domains_in(t)
    if not parts or len(named) != 1 or detect_items(t):
        return None
    if len(parts) == 1 and _aspects_count(parts[0]) < 2:
        return None  # one question of one aspect: the usual paths answer it
    if any(is_business_described(p) for p in parts):
        return None
    if not all(_aspect_asked(p) for p in parts if domain_in(p) is None):
        return None
    if not any(_aspect_asked(p) for p in parts if domain_in(p) is not None):
        return None
    return domain_answer(named[0], t)


def is_business_described(part: str) -> bool:
    """Whether a part describes a business of the asker's to place (「我们做…」), not a domain's aspect."""
    return bool(shapes.search("own_business_told", part))


def compared_answer(t: str) -> Optional[Answer]:
    """「人工智能服务的重点应用行业跟软件研发服务一模一样吗 差的是哪个行业」: two or more named domains compared on an
    aspect (industries, business types, category): each domain's count, what they share and what one has that the
    other has not; a count the user states (「都是18个」) is checked against them. None when no comparison is asked."""
    named = domains_in(t)
    if len(named) < 2 or not shapes.search("domains_compared", t) or shapes.search("between_domains", t):
        return None
    ask_types = shapes.search("domain_types_asked", t) and not shapes.search("domain_industries_asked", t)
    ask_ind = bool(re.search(r"行业|应用领域", t)) or not ask_types
    lines = []
    if ask_ind:
        lines += _compared(named, "industries", "重点应用行业", "个国民经济行业", t)
    if ask_types:
        lines += _compared(named, "business_types", "主要业务类型", "种业务类型", t)
    cats = {d["category"] for d in named}
    if len(cats) > 1 or categories_in(t):
        lines.append(
            "类别：" + "；".join(f"{d['name']}属于{d['category_name']}（{d['category']}）" for d in named) + "。"
        )
    where = "、".join(f"{d['name']}是{_label(d)}" for d in named)
    lines.append(f"依据{CATALOG}（{where}）。")
    return Answer("\n".join(lines), clause="annex", domain=named[0]["name"])


def _compared(named: list, key: str, what: str, unit: str, t: str) -> list:
    """The lines comparing the domains' lists under `key` (industries or business types)."""
    lists = [(d["name"], list(d.get(key) or [])) for d in named]
    same = all(set(v) == set(lists[0][1]) for _, v in lists[1:])
    counts = f"{what}，" + "，".join(f"{n}{len(v)}个" for n, v in lists) + f"（{unit.lstrip('个')}）"
    stated = [int(n) for n in re.findall(r"(\d+)\s*个", t)]
    wrong = [n for n in stated if any(len(v) != n for _, v in lists)]
    head = "一样" if same else "不一样"
    if wrong and not same:
        head = f"不是，不一样，也不都是{wrong[0]}个"
    lines = [f"{head}。{counts}。"]
    if same:
        return lines + [f"两者{what}相同：{industries_list(lists[0][1])}。"]
    for name, v in lists:
        for other, w in lists:
            extra = [x for x in v if x not in w]
            if other != name and extra:
                lines.append(f"{name}有、{other}没有的：{industries_list(extra)}。")
    common = [x for x in lists[0][1] if all(x in v for _, v in lists[1:])]
    if common:
        lines.append(f"共同的{len(common)}个：{industries_list(common)}。")
    return lines


def asked_aspects(d: dict, text: str, said: str) -> str:
    """「…在目录里是哪个领域？主要应用在哪些行业」「…具体指什么」: the aspects of the domain a classification question
    also asks (its industries, its definition) that the answer `said` does not give yet; "" when none."""
    lines = []
    if shapes.search("domain_definition_asked", text) and d["definition"] not in said:
        lines.append(f"定义和范围：{d['definition']}")
    if shapes.search("domain_industries_asked", text):
        lines.append(industries_line(d))
    return "".join(lines)


# (a space parts Chinese phrases, not the words of an English one: 「for overseas ai companies」 stays one part)
BUSINESS_SPLIT = re.compile(
    # 「给医院做CT、核磁这些设备的维修保养」: a 、 list closed by 这些/这类…的 names the objects of one business
    r"[，,。；;—–：:]+|、(?![^，,。；;、\s]{1,8}?(?:这些|这几种|这几类|这类|之类|等等)[^，,。；;、\s]{0,4}?(?:的|做|搞|进行|提供))|[①-⑳]|(?<![0-9.])[1-9][.．)）](?![0-9])|[（(][1-9一二三四五六七八九][)）]"
    r"|(?:(?<![a-z0-9])\s+|\s+(?![a-z0-9]))(?![^，,。；;、\s]{1,8}?(?:这些|这几种|这几类|这类|之类|等等)[^，,。；;、\s]{0,4}?(?:的|做|搞|进行|提供))"
    r"|(?:另一个是|另一块是|另一个|另外一块|一个是|一块是|一是|二是|三是|其一|其二|还有|以及|然后)"
    # 「业务一半是强制检测一半是委托食品检测」「一部分是…另一部分是…」: the halves of a business said without a stop
    r"|(?:另外|另)?一半(?:业务)?是|(?:另外|另)?一部分(?:业务)?是"
)
HALVES = re.compile(r"(?:另外|另)?一半(?:业务)?是|(?:另外|另)?一部分(?:业务)?是")
SERVES_CLIENT = re.compile(
    r"(给|为|帮|替)[^，。；\s]{0,10}(做|提供|开发|定制|设计|搭建|运营|运维|维护|托管|接听|处理|代办|负责)"
)
QUESTION_PART = re.compile(
    r"吗|么|嘛|呢|哪|算不算|能不能|是不是|属不属于|归不归|在不在|是否|分别|什么|啥|[?？]|(?<![清核结计预测估运演精换打])算$|不$"
)


# 「…给游戏公司做动漫和网游角色设计这三块分别算哪个领域」: the question said on after the last business, with no stop
QUESTION_TAIL = re.compile(
    r"(?:这|那|以上|上面|上述)(?:几|两|三|四|五|俩|仨|些)?(?:块|个|项|种|类|部分)?(?:业务)?"
    r"(?=分别|各自|各|都|到底|应该|算|属于|归|能|可以|是不是|是否)"
)


def _question_cut(part: str) -> str:
    """The business said before a question run on after it, or the part as it was."""
    m = QUESTION_TAIL.search(part)
    if m and m.start() >= 4 and QUESTION_PART.search(part[m.start() :]):
        return part[: m.start()]
    return part


def business_parts(text: str) -> list:
    """The parts of a description that each name a business (statements before questions)."""
    halves = HALVES.search(text)
    if halves and len(HALVES.findall(text)) >= 2:
        # 「我们检测中心业务一半是…一半是…」: the words before the halves name what is split, no business of their own
        head = [p for p in BUSINESS_SPLIT.split(text[: halves.start()]) if p and p.strip()]
        text = text[: halves.start() - len(head[-1]) if head else halves.start()] + text[halves.start() :]
    parts = [_question_cut(p.strip()) for p in BUSINESS_SPLIT.split(text) if p and len(p.strip()) >= 2]
    parts = [half for p in parts for half in _joined_businesses(p)]
    statements = [p for p in parts if not QUESTION_PART.search(p)]
    return statements or parts


# 「呼叫中心（语音加在线客服）和给零售商做数据分析挖掘」: two businesses joined by 和/以及/跟 outside brackets
JOINED_BY = re.compile(r"和|跟|与|加上")


def _joined_businesses(part: str) -> list:
    """The two businesses of a part joined by 和 when each half is placed, confidently, in a different domain (the
    whole had been placed in the first half's domain alone); the part as it was otherwise (「CT和核磁的维修」 is one)."""
    depth, cuts = 0, []
    for i, ch in enumerate(part):
        depth += ch in "（(" and 1 or ch in ")）" and -1 or 0
        if depth == 0 and JOINED_BY.match(part, i):
            cuts.append((i, JOINED_BY.match(part, i).end()))
    for start, end in cuts:
        left, right = part[:start].strip(), part[end:].strip()
        if len(left) < 2 or len(right) < 2:
            continue
        a, b = judge_part(left), judge_part(right)
        if a and b and a[0] == b[0] == "domain" and a[1].get("domain") != b[1].get("domain"):
            # 「云主机租用和SaaS」: a half that could also be the other's domain leaves the whole one business
            if b[1]["domain"] not in _confident_domains(left) and a[1]["domain"] not in _confident_domains(right):
                return [left, right]
    return [part]


def _confident_domains(part: str) -> set:
    return {h["domain"] for h in query.classify_business(part, limit=3) if h.get("confident")}


def judge_part(part: str) -> Optional[tuple]:
    """("none", kind) when a part is outside all 23 domains, ("domain", hit) when a term places it."""
    # the kind named first is the business (「二手房买卖和租房中介」: real estate, not 买卖 of goods)
    if query.names_clients_only(part):
        return None  # 「for overseas AI companies」: whom the business serves, no business of its own
    outside = outside_kinds(part)
    hits = [h for h in query.classify_business(part, limit=3) if h.get("confident")]
    if hits and (hits[0].get("excluded") or SERVES_CLIENT.search(part)):
        return ("domain", hits[0])
    if outside:
        return ("none", outside[0])
    if hits:
        return ("domain", hits[0])
    return None


def _unplaced(part: str, listed: bool = False) -> Optional[tuple]:
    """("unplaced", closest hit) for a part that describes a service to a client (「帮两个品牌做…」), or an item of
    a list the user announced (`listed`: 「提供三种服务：…、医院信息系统的运维」), which no term places: it still gets
    its line beside the businesses placed, never dropped; None otherwise."""
    if not (listed or SERVES_CLIENT.search(part)) or query.names_clients_only(part):
        return None
    hits = query.classify_business(part, limit=1)
    if not hits and listed:  # 「给车企做汽车设计」 in the list: no term near it, still its line
        return ("unplaced", {"key": ("unplaced", part)})
    return ("unplaced", {**hits[0], "key": ("unplaced", part)}) if hits else None


# a list's sentence ends at 。！？ or a full stop that ends no decimal; its items are parted by 、，；, or 「and」
LIST_SENTENCE_END = re.compile(r"[。！？?!\n]|\.(?!\d)")
LIST_LEAD = re.compile(r"^\s*(?P<lead>[^：:，,。]+?)\s*[：:，,]\s*(?P<items>.+)$")
LIST_ITEM_SPLIT = re.compile(r"[、，,；;]+\s*(?:and\s+|以及|还有)?|\s+and\s+|以及")
# 「一是…，二是…」「①…②…」「1. …」: the number an item is told with is no part of it
LIST_ITEM_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九]|第[一二三四五六七八九十](?:块|项|个|种)?是?|[①-⑳]|[1-9][.．、)）])\s*"
)


def listed_items(text: str) -> Optional[tuple]:
    """(the lead-in, the items) of a list of businesses the user announces (routes.yml `business_list_lead`:
    「我们给医院提供三种服务：CT和核磁设备的维修保养、病理标本的第三方医学检测、医院HIS信息系统的运维」, 「we provide
    three services to banks: call center, software testing, and data center hosting」): every item up to the
    sentence's end, a question after the last one cut off; None without such a lead-in or with fewer than two items."""
    from bot.understand.segment import is_question

    for sentence in LIST_SENTENCE_END.split(text or ""):
        m = LIST_LEAD.match(sentence)
        if not m or not shapes.search("business_list_lead", m.group("lead").strip()):
            continue
        items = [
            _question_cut(LIST_ITEM_NUMBER.sub("", i.strip(" ."))) for i in LIST_ITEM_SPLIT.split(m.group("items"))
        ]
        items = [i.strip() for i in items if len(i.strip()) >= 2 and not QUESTION_PART.search(i) and not is_question(i)]
        if len(items) >= 2:
            return m.group("lead").strip(), items
    return None


def listed_heading(lead: Optional[str], found: int) -> str:
    """The first line over the businesses judged one by one; when the user's lead-in counted them (「提供三种服务」)
    and another number were read, it says so and asks for the one missed."""
    said = _listed_count(lead) if lead else None
    if said is None or said == found:
        return "您说的几项业务分别看："
    return f"您说有{said}项业务，我从消息里读出了{found}项，分别看如下（如有漏读或多读，请把每项业务再逐条说一下）："


def _listed_count(lead: str) -> Optional[int]:
    """The number of items a lead-in says (「三种服务」「4类服务」「three services」), or None (「几块」「以下」)."""
    from bot.understand.people_counts import whole

    m = re.search(r"(\d{1,2}|[两二三四五六七八九十]+)\s*(种|项|块|类|个|大块|部分|方面|条线|条)", lead)
    if m:
        return whole(m.group(1))
    m = re.search(r"\b(two|three|four|five|six)\b", lead, re.I)
    return ("two", "three", "four", "five", "six").index(m.group(1).lower()) + 2 if m else None


def _unplaced_line(who: str, hit: dict) -> str:
    return (
        f"{who}在目录23个领域里没有找到直接对应的领域或业务类型，我不能确定它属于服务外包；"
        "请再说说这项业务具体为客户做什么，我再帮您对照。"
    )


def described_kinds(text: str) -> list:
    """The kinds outside the 23 domains that the statements of a description name (each statement on its own)."""
    return [k for part in business_parts(text) for k in outside_kinds(part)]


def absorbed(part: str, kinds: list) -> bool:
    """Whether a statement names its business only by general words of a kind described beside it (catalog.yml
    `absorbs`: 「我们做跨境电商」 beside 「卖自己采购的家居用品」): without those words no term places it."""
    words = [w for k in kinds for w in k.get("absorbs") or []]
    if not words or not any(w in part for w in words) or SERVES_CLIENT.search(part):
        return False
    rest = part
    for w in sorted(words, key=len, reverse=True):
        rest = rest.replace(w, " ")
    return not any(h.get("confident") for h in query.classify_business(rest, limit=3))


def sells_own_goods(part: str, kinds: list) -> bool:
    """Whether a statement says the goods it sells are the company's own (catalog.yml `own_goods`: 「卖自己采购的」)."""
    return any(w in part for k in kinds for w in k.get("own_goods") or [])


def outside_kinds(text: str) -> list:
    """The kinds of business outside all 23 domains that the text names as the business (catalog.yml), the one
    named first first (「二手房买卖和租房中介」: real estate before 买卖 of goods); a word that only says where the
    company itself works (「在高新区租房办公」, routes.yml `own_premises`) names no business."""
    premises = [m.span() for m in shapes.pattern("own_premises").finditer(text)]
    kinds = [
        k
        for k in query.not_service_outsourcing(text)
        if not any(a <= _position(text, k["trigger"]) < b for a, b in premises)
    ]
    return sorted(kinds, key=lambda k: _position(text, k["trigger"]))


def _position(text: str, trigger: str) -> int:
    """Where a kind's trigger word stands in the text (its end when not found as written)."""
    at = text.find(normalize(str(trigger)))
    return at if at >= 0 else len(text)


def _elsewhere(d: dict, text: str) -> Optional[dict]:
    """The domain a business excluded from `d` belongs to instead (catalog.yml exclusions' `elsewhere`), or None."""
    for exc in d.get("exclusions") or []:
        for other in exc.get("elsewhere") or []:
            if any(normalize(t) in text for t in other.get("triggers") or []) or query.words_together(
                text, other.get("together")
            ):
                return query.domain(other["domain"])
    return None


def _domain_line(who: str, top: dict, hits=(), text: str = "") -> str:
    d = query.domain(top["domain"])
    if top.get("excluded"):
        other = _elsewhere(d, text)
        if other is not None:  # 「商城小程序…这算互联网营销推广吗」: not that domain, but the one it names
            there = next((h for h in query.classify_business(text, limit=30) if h["domain"] == other["name"]), {})
            kinds = there.get("business_types") or []
            bt = f"（业务类型：{'、'.join(kinds)}）" if kinds else ""
            return (
                f"{who}不算{d['name']}：{d['name']}（{d['category']}）的范围明确{top['exclusion']}"
                f"（{CATALOG}{_label(d)}）。它属于{other['name']}{bt}，即{other['category_name']}（{other['category']}），"
                f"见{CATALOG}{_label(other)}：{other['definition']}"
            )
        return (
            f"{who}不属于服务外包支持目录：{d['name']}（{d['category']}）的范围明确{top['exclusion']}"
            f"（{CATALOG}{_label(d)}）。{_covers(d)}"
        )
    types = top.get("business_types") or ([top["business_type"]] if top.get("business_type") else [])
    bt = f"（业务类型：{'、'.join(types)}）" if types else ""
    msg = f"{who}可归入{d['name']}{bt}，属于{d['category_name']}（{d['category']}），见{CATALOG}{_label(d)}。"
    if (
        len(hits) > 1
        and hits[1].get("confident")
        and hits[1]["score"] >= 0.8 * top["score"]
        and not hits[1].get("excluded")
    ):
        msg += f"也可能涉及{hits[1]['domain']}（{hits[1]['category']}），要看具体业务内容。"
    if not top.get("business_type"):
        msg += f"目录的定义：{d['definition']}"
    if d.get("exclusions"):
        msg += "注意：该领域" + "；".join(_excl(e) for e in d["exclusions"]) + "。"
    return msg


def _covers(d: dict) -> str:
    """What a domain does cover, said after an exclusion (「工程技术服务包括的是工程咨询、规划设计…」)."""
    types = "、".join(d.get("business_types") or [])
    return (
        f"{d['name']}包括的是{types}等服务。目录的定义：{d['definition']}"
        if types
        else f"目录的定义：{d['definition']}"
    )


def _outside_line(who: str, kind: dict, text: str = "") -> str:
    msg = f"{who}属于{kind['label']}，不属于服务外包，不在目录23个领域内：{kind['why']}"
    if kind.get("decides"):
        msg += kind["decides"]
    cited = _industries_cited(text)
    if cited:
        msg += (
            f"目录里出现的“{'、'.join(cited)}”是各领域服务外包的应用行业（客户所在的国民经济行业），"
            "不是说这个行业本身的经营属于服务外包。"
        )
    return msg


def apply_line(text: str) -> str:
    """「…这算不算电子商务平台服务？能申报服务外包补贴吗？」: the second question, whether the business not in the catalog
    may be applied for, answered in a part of its own from 第一条; "" when the message asks no such thing."""
    if not shapes.search("apply_ask", text):
        return ""
    scope = query.clause("1")
    return (
        f"\n\n关于能否申报：这项业务不是服务外包，不能按本政策申报服务外包的奖补。依据{scope['label']}"
        f"（{scope['title']}），本政策所指的服务外包业务范围按照{CATALOG.removeprefix('附件')}执行。"
        "企业如另有为客户提供的、属于目录领域的服务外包业务，可就那部分业务申报。"
    )


def _industries_cited(text: str) -> list:
    """The catalog's industry names (国民经济行业, the clients' industries) the message quotes."""
    names = {name for d in query.domains() for name in d.get("industries", [])}
    return sorted(n for n in names if n and n in (text or ""))


def classify_answer(text: str) -> Optional[Answer]:
    """Which domain each business described belongs to, or that it is none of the 23, and why."""
    if shapes.search("in_house_only", text):  # 「只给自己公司用 不对外卖」: no client, no service outsourcing
        return Answer(shapes.routes()["in_house_only"]["answer"], clause="annex")
    named_only = _domain_named_only(text)
    if named_only is not None:  # 「顺便问下大数据服务是属于哪一类的」: the domain itself asked about, no business
        return domain_answer(named_only, text)
    judged = []
    described = described_kinds(text)
    parts = business_parts(text)
    # 「我们给医院提供三种服务：A、B、C」: the lead-in names no business; each item of the list after it is one, said
    # even when no term places it
    announced = listed_items(text)
    if announced is not None:
        parts = announced[1]
    # 「…商城开发运维那块能算互联网营销推广服务吗」: the business the question points at, not the others — unless the
    # message also asks of each (「分别属于哪个领域 卖货那块能算吗」)
    pointed = [] if shapes.search("asks_of_each", text) else pointed_statements(text, text)
    if pointed:
        parts = [p for p in parts if p in pointed] or parts
        text = _without_phrases(text, [p for p in business_parts(text) if p not in pointed])
    asked_domain = _asked_domain(text)
    pieces = [p.strip() for p in BUSINESS_SPLIT.split(text) if p and len(p.strip()) >= 2]
    asked = [p for p in pieces if _names_domains_asked(p)]
    # 「…这到底算人工智能服务还是呼叫中心服务」: the question names the domains, the rest is the business
    parts = [p for p in parts if p not in asked] or parts
    # 「我们呼叫中心公司最近拓展了一块业务」: says a business follows, names none
    parts = [p for p in parts if not shapes.search("business_intro", p)]
    listed = announced is not None
    for part in parts:
        verdict = judge_part(part) or _unplaced(part, listed)
        if verdict is None or (verdict[0] == "domain" and absorbed(part, described)):
            continue  # 「我们做跨境电商」 beside 「自己在亚马逊上卖自己采购的家居用品」: the same business, selling goods
        # 「一半是…强制检测，一半是…委托食品检测」: a business the domain excludes is another business than its own
        key = verdict[1].get("key") or (
            verdict[1].get("domain"),
            verdict[1].get("business_type"),
            verdict[1].get("exclusion") if verdict[1].get("excluded") else None,
        )
        if listed:
            key = (key, part)  # an item of the list the user counted: a line of its own
        if key not in [k for k, _, _ in judged]:
            judged.append((key, part, verdict))
    typed = {j[2][1]["domain"] for j in judged if j[2][0] == "domain" and j[2][1].get("business_type")}
    # 「call center … answering after-sales calls」: the domain named whole beside one of its business types is one
    judged = [
        j
        for j in judged
        if not (
            j[2][0] == "domain"
            and not j[2][1].get("business_type")
            and not j[2][1].get("excluded")
            and j[2][1]["domain"] in typed
        )
    ]
    if sum(j[2][0] != "unplaced" for j in judged) < 2 and not listed:
        # an unplaced service is said only beside two businesses placed: with one, the parts may be pieces of one
        # business (「帮企业做招聘流程外包 员工入离职手续 薪酬核算」), which the whole message places
        judged = [j for j in judged if j[2][0] != "unplaced"]
    businesses = [j for j in judged if not shapes.search("company_identity", j[1])]
    if len(businesses) >= 2:  # 「我们是医疗器械公司 一块是给医院的CT做维保…」: the company, not one of its businesses
        judged = businesses
    if len(judged) >= 2 or (listed and judged):
        lines = [listed_heading(announced[0] if listed else None, len(judged))]
        for i, (_, part, (kind, item)) in enumerate(judged, 1):
            who = f"{i}. “{_shown(part)}”"
            if kind == "unplaced":
                lines.append(_unplaced_line(who, item))
            elif kind == "domain" and _excluded_from(asked_domain, item, part):
                lines.append(_excluded_line(who, asked_domain, part) + _domain_line("它", item, (), normalize(part)))
            else:
                lines.append(
                    _outside_line(who, item) if kind == "none" else _domain_line(who, item, (), normalize(part))
                )
        lines.append("具体归类以市商务局认定为准。")
        first = next((item["domain"] for _, _, (kind, item) in judged if kind == "domain"), None)
        return Answer("\n".join(lines), clause="annex", domain=first)
    if not judged and outside_kinds(text):  # 「开了几家便利店 这种零售算吗」: named in the question
        judged.append((None, text, ("none", outside_kinds(text)[0])))
    subject = _shown(parts[0]) if pointed and len(parts) == 1 else _subject(text)
    statements = [p for p in parts if not QUESTION_PART.search(p)]
    if not subject and len(statements) == 1 and len(statements[0]) <= 30:
        # 「我们给客户开发电商平台，这个算…吗」: the business the pointer (这个) stands for
        subject = _shown(statements[0])
    who = f"“{subject}”" if subject else "这项业务"
    if judged and judged[0][2][0] == "none":
        return Answer(
            _outside_line(who, judged[0][2][1], text) + "具体以市商务局认定为准。" + apply_line(text), clause="annex"
        )
    hits = query.classify_business(text, limit=3)
    business = _without_phrases(text, asked)
    own = query.classify_business(business, limit=3) if asked else []
    if own and own[0].get("confident"):  # the domains named in the question do not place the business
        hits = own
    if not hits and not shapes.search("catalog_listing", text):
        return None
    top = hits[0] if hits else {}
    if not top.get("confident"):
        # 「翻译本身是23个领域之一吗」 with nothing close, or a weak match: not listed, and what decides
        d = query.domain(top["domain"]) if hits else None
        closest = f"从字面看最接近的是{d['name']}（{d['category']}）：{d['definition']}" if d else ""
        return Answer(
            f"目录23个领域里没有单独列出和{who}直接对应的领域或业务类型，我不能确定它属于服务外包。"
            "判断的关键是：是否为客户（发包方）提供信息技术、业务流程或知识服务（如软件研发、运维、"
            "呼叫中心、设计、检测、研发等），而不是自己生产、销售商品或直接面向个人消费者。"
            f"{closest}请再说说具体为客户做什么，我再帮您对照；最终归类以市商务局认定为准。",
            clause="annex",
        )
    d = query.domain(top["domain"])
    named = [
        n for p in asked if not shapes.search("domain_claimed", p) for n in domains_in(p) if n["name"] != d["name"]
    ]
    if named and top.get("business_type"):
        hits = [h for h in hits if h["domain"] not in {n["name"] for n in named}]  # the type decides between them
    line = _domain_line(who, top, hits, normalize(business))
    line = _claimed_line(asked, d, business) + line + "".join(_not_named_line(n, top) for n in named)
    line += asked_aspects(d, text, line)
    return Answer(line + "具体归类以市商务局认定为准。", clause="annex", domain=d["name"])


def _asked_domain(text: str) -> Optional[dict]:
    """The one domain the question pieces of a message name (「…这个能算互联网营销推广服务吗」), or None."""
    pieces = [p for p in BUSINESS_SPLIT.split(text) if p and QUESTION_PART.search(p)]
    named = {d["name"]: d for p in pieces for d in domains_in(p)}
    return next(iter(named.values())) if len(named) == 1 else None


def _excluded_from(d: Optional[dict], item: dict, part: str) -> bool:
    """Whether a business placed in another domain (`item`) is one that domain `d`'s own 「不包括…」 names."""
    if d is None or item.get("domain") == d["name"]:
        return False
    return _exclusion_hit(d, part) is not None


def _exclusion_hit(d: dict, part: str) -> Optional[dict]:
    """The classification of `part` against domain `d` when it hits d's 「不包括…」 (its words, not d's name)."""
    rest = _without_domain_names(part, d)
    return next(
        (h for h in query.classify_business(rest, limit=30) if h["domain"] == d["name"] and h.get("excluded")), None
    )


def _excluded_line(who: str, d: dict, part: str) -> str:
    hit = _exclusion_hit(d, part) or {}
    return f"{who}不属于{d['name']}：{d['name']}（{d['category']}）的范围明确{hit.get('exclusion', '')}（{CATALOG}{_label(d)}）。"


def _domain_names(d: dict) -> list:
    """A domain's names as users write them: the full name, its aliases, and the name without 服务, longest first."""
    names = [d["name"]] + [n for n in d.get("aliases", []) or [] if len(n) >= 2]
    short = re.sub(r"服务$", "", d["name"])
    if len(short) >= 2:
        names.append(short)
    return sorted({normalize(n) for n in names}, key=len, reverse=True)


def _without_domain_names(text: str, d: dict) -> str:
    for n in _domain_names(d):
        text = text.replace(n, " ")
    return text


def excluded_answer(text: str) -> Optional[Answer]:
    """「我们给客户开发电商平台，这个算互联网营销推广服务吗」: a business asked against the one domain the question
    names, which that domain's own 「不包括…」 names (catalog.yml exclusions): classified — 不属于 that domain, and
    where it belongs when the catalog has a domain for it (`elsewhere`) — instead of the domain described. None
    when the business described hits no exclusion of the domain asked."""
    d = _asked_domain(text)
    if d is None or not d.get("exclusions") or _names_domains_asked(text):
        return None
    pointed = pointed_statements(text, text)
    parts = pointed or business_parts(_without_domain_names(text, d))
    if not any(_exclusion_hit(d, p) for p in parts):
        return None
    return classify_answer(text)


def asked_against_answer(text: str) -> Optional[Answer]:
    """「我们给工厂做生产线布局设计，算工程技术服务吗」: a business asked against the one domain the question names,
    which the catalog places in another domain (by one of that domain's business types, or its name): 不算 the
    domain asked, what that domain is, and where the business belongs. None when the business could be the domain
    asked (the classifier finds it there too), when no business is described, or when its place is unsure."""
    d = _asked_domain(text)
    if d is None or _names_domains_asked(text):
        return None
    rest = _without_domain_names(text, d)
    if not (shapes.search("own_business_told", rest) or SERVES_CLIENT.search(rest)) or outside_kinds(rest):
        return None
    hits = query.classify_business(rest, limit=30)
    top = hits[0] if hits else {}
    if not top.get("confident") or top["domain"] == d["name"] or top.get("excluded"):
        return None
    if not (top.get("business_type") or (domain_in(rest) or {}).get("name") == top["domain"]):
        return None  # placed by a loose word only: the named domain's description answers
    if any(h["domain"] == d["name"] for h in hits):
        return None  # 「做SaaS客服系统 算呼叫中心服务吗」: both could hold it
    statements = [p for p in business_parts(rest) if not QUESTION_PART.search(p)]
    subject = _subject(text) or (_shown(statements[0]) if len(statements) == 1 and len(statements[0]) <= 30 else "")
    who = f"“{subject}”" if subject else "这项业务"
    asked = f"{d['name']}是{CATALOG}{_label(d)}，目录的定义是：{d['definition']}"
    return Answer(
        f"不算{d['name']}。"
        + _domain_line(who, top, hits[:3], normalize(rest))
        + asked
        + "具体归类以市商务局认定为准。",
        clause="annex",
        domain=top["domain"],
    )


def pointed_statements(part: str, whole: str) -> list:
    """The statements of `whole` that a question part points at by a word of theirs (routes.yml points_to_business:
    「投放那块又算啥」 → 「另外还帮他们做抖音信息流投放的营销方案和效果监测」): those sharing most two-character pieces
    of that word; [] when the part points at none or no statement shares any."""
    m = shapes.search("points_to_business", part)
    if not m or not m.groupdict().get("x"):
        return []
    x = _without_fillers(m.group("x"))
    grams = {x[i : i + 2] for i in range(len(x) - 1)}
    said = m.group(0)  # the question's own words (「天猫代运营那部分」, cut from its question) are not a statement
    statements = [p for p in business_parts(whole) if not QUESTION_PART.search(p) and p not in said]
    scored = [(sum(g in p for g in grams), p) for p in statements]
    best = max((n for n, _ in scored), default=0)
    return [p for n, p in scored if n == best] if best else []


def pointed_answer(part: str, whole: str) -> Optional[Answer]:
    """「…另外还帮他们做抖音信息流投放… 投放那块又算啥」: a question part pointing at a business described in another
    part of the message: that business classified; None when the part points at none, or holds it itself."""
    statements = pointed_statements(part, whole)
    if not statements or any(s in part for s in statements):
        return None
    return classify_answer("，".join(statements) + "，" + part)


@lru_cache(maxsize=1)
def _fillers() -> re.Pattern:
    words = sorted(sources.load_cached("catalog").get("subject_fillers") or [], key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, words)) + ")+") if words else re.compile(r"(?!x)x")


@lru_cache(maxsize=1)
def _tail_fillers() -> re.Pattern:
    words = sorted(sources.load_cached("catalog").get("subject_tail_fillers") or [], key=len, reverse=True)
    return re.compile("(?<=.{2})(?:" + "|".join(map(re.escape, words)) + ")+$") if words else re.compile(r"(?!x)x")


def _without_fillers(s: str) -> str:
    """A phrase without the words that only open a question (catalog.yml subject_fillers: 顺便问下、另外…)."""
    return _fillers().sub("", s.strip()).strip()


def _domain_named_only(text: str) -> Optional[dict]:
    """「顺便问下大数据服务是属于哪一类的」: the one domain a classification question names, with no business of its
    own beside the name (no term places the rest, no kind outside the catalog), or None."""
    named = domains_in(text)
    if len(named) != 1 or shapes.search("refers_back", text) or shapes.search("points_back_business", text):
        return None
    rest = _without_domain_names(text, named[0])
    if shapes.search("describes_business", rest) or SERVES_CLIENT.search(rest) or outside_kinds(rest):
        return None  # 「我们门店给消费者修笔记本电脑，这算维修维护服务吗」: a business of its own beside the name
    pieces = [_without_fillers(p) for p in BUSINESS_SPLIT.split(rest) if p and not QUESTION_PART.search(p)]
    if any(len(p) >= 2 for p in pieces) or any(h.get("confident") for h in query.classify_business(rest, limit=1)):
        return None
    return named[0]


PART_OPENER = re.compile(r"^(?:另外|此外|同时|并且|而且|然后|以及|还有)?(?:也|还)?(?=.{4})")


def _shown(part: str) -> str:
    """A business part as quoted in the reply, without the words that only join it to the one before (「另外还…」)."""
    return PART_OPENER.sub("", _without_fillers(part)).rstrip(".!?;:") or part


def _names_domains_asked(part: str) -> bool:
    """A phrase that names catalog domains as the question, not the business: 「算工业设计服务还是工程技术服务」, or
    someone's claim 「老板非说这算互联网营销推广服务」 (routes.yml between_domains, domain_claimed)."""
    named = domains_in(part)
    return (shapes.search("between_domains", part) and len(named) >= 2) or (
        shapes.search("domain_claimed", part) and len(named) == 1
    )


def claimed_business(text: str) -> bool:
    """Whether a message naming someone's claim of a domain (「老板非说这算互联网营销推广服务」) also describes a
    business that the catalog places without that claim's words."""
    pieces = [p.strip() for p in BUSINESS_SPLIT.split(text) if p and len(p.strip()) >= 2]
    rest = _without_phrases(text, [p for p in pieces if _names_domains_asked(p)])
    return rest != text and any(h.get("confident") for h in query.classify_business(rest, limit=1))


def _without_phrases(text: str, phrases: list) -> str:
    for p in phrases:
        text = text.replace(p, "，")
    return text


def _claimed_line(asked: list, d: dict, business: str) -> str:
    """「老板非说这算互联网营销推广服务」 when the business belongs elsewhere: not the domain claimed, and why — the
    claimed domain's own 「不包括…」 when the business hits it, else what that domain is."""
    claimed = [n for p in asked if shapes.search("domain_claimed", p) for n in domains_in(p)]
    if not claimed or claimed[0]["name"] == d["name"]:
        return ""
    c = claimed[0]
    hit = next((h for h in query.classify_business(business, limit=30) if h["domain"] == c["name"]), {})
    why = f"它的范围明确{hit['exclusion']}" if hit.get("excluded") else f"目录的定义是：{c['definition']}"
    return f"不算{c['name']}：{why}（{CATALOG}{_label(c)}）。"


def _not_named_line(other: dict, top: dict) -> str:
    """「…算工业设计服务还是工程技术服务」 decided by a business type: the other domain named, and what it covers."""
    if not top.get("business_type"):
        return ""
    return (
        f"不是{other['name']}：目录把“{top['business_type']}”列为{top['domain']}的业务类型；"
        f"{other['name']}的业务类型是{'、'.join(other['business_types'])}，{other['definition']}"
    )


SUBJECT_ASKED = re.compile(
    r"(?:的业务|业务)?(?:算|属于|归|是|能算|可以算|应该算|在)(?:哪个|哪一|什么|哪类|哪种|服务外包|目录|ito|bpo|kpo)"
)
SUBJECT_START = re.compile(r"^(?:我们|我司|公司|我|主要|就|也|还|是|做|搞|从事|提供|开展|承接|接)+")
# a word that points back at businesses said before (「这两块」「这个」「上面这些」) names none itself
POINTER = re.compile(r"^(?:这|那|此|该|上述|上面|以上|它|其|前者|后者|前一|后一|第[一二三四五1-5])")
# a question's words (「吗 分别」), a category named in it (「ito还是bpo」) or the 「还」 of 「还是」: the question, not the business
NOT_SUBJECT = re.compile(r"ito|bpo|kpo|还$|或$|还是|吗|么|嘛|呢|哪|算不算|能不能|是不是|是否|分别|什么|啥|[?？]")


def _subject(text: str) -> str:
    """The business a one-business question names right before asking where it belongs (「做游戏美术外包算哪个领域」
    → 游戏美术外包), or "" — never a piece of a question (「吗 分别」), a pointer back (「这两块」) or a cut phrase."""
    for m in SUBJECT_ASKED.finditer(text):
        before = re.split(r"[，,。；;！!？?、\s]+", text[: m.start()].rstrip(" ，,"))
        s = SUBJECT_START.sub("", _tail_fillers().sub("", _without_fillers(before[-1])) if before else "").strip(
            "，, 的"
        )
        # 「数据标注属不属于服务外包」「代账是不是服务外包」: the first half of an A-not-A question, no business
        s = re.sub(r"(?<=.{2})(?:算不|是不|属不|归不|在不|能不|可不|不)$", "", s)
        s = re.sub(r"(?<=.{2})(?:是|就是|这个|这种|这块)$", "", s)  # 「大数据服务是属于哪一类」: 是 joins the question
        s = _tail_fillers().sub(
            "", s
        )  # 「数据标注到底算不算」: 到底 stresses the question, it is no part of the business
        if (
            2 <= len(s) <= 14
            and re.search(r"[\u4e00-\u9fff]", s)  # not 「i cant find it」 of an English aside
            and not POINTER.search(s)
            and not NOT_SUBJECT.search(s)
            and not re.fullmatch(
                r"(?:算|是|属|归|在|能|可)不", s
            )  # 「…年检站 算不算目录里的…」: the question's A-not-A
        ):
            return s
    return ""


def answer(text: str, context_domain: Optional[str] = None) -> Answer:
    """Questions about the catalog: counts, categories, a domain's details."""
    t = normalize(text)
    compared = compared_answer(t)
    if compared is not None:
        return compared
    d = domain_in(t)
    cats = categories_in(t)
    if d is None and context_domain and shapes.search("refers_back", t):
        d = query.domain(context_domain)
    if d is not None:
        return domain_answer(d, t)
    if shapes.search("catalog_overview", t) and not (len(cats) == 1):
        return summary()
    if len(cats) == 1 and not re.search(r"属于|归|算", t):
        return category_answer(cats[0])
    classified = classify_answer(t)
    if classified is not None:
        return classified
    if len(cats) == 1:
        return category_answer(cats[0])
    return summary()


def own_business_answer(part: str, whole: str) -> Optional[Answer]:
    """「…做财务外包和HR外包的公司…顺便问下我们这业务在目录里算哪一类」: a part asking where the asker's own business
    belongs (routes.yml own_business_asked) names none itself; the statements of the message that describe the
    company's business (business_self: 「我们是…做…的公司」) are classified instead. None when the part names a
    business of its own or the message describes none."""
    if not shapes.search("own_business_asked", part):
        return None
    if any(h.get("confident") for h in query.classify_business(part, limit=1)):
        return None
    own = re.compile(query.business_self_pattern())
    described = [
        p for p in business_parts(whole) if own.search(p) and (judge_part(p) or ("",))[0] in ("domain", "none")
    ]
    return classify_answer("，".join(described) + "，" + part) if described else None
