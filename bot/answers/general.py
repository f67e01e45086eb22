"""第四条 and the document itself: total cap, double claims, validity, interpretation, 文号, dates."""

import re
from typing import Optional

from knowledge.figures import figures as clause_figures
from knowledge.figures import words as figure_words

from knowledge import conditions, query, shapes
from knowledge.text import widen_punctuation

from bot.answers.model import Answer

# (shape of knowledge/data/routes.yml, the answer it gets)
DOC_FIELDS = [
    ("doc_no", lambda d: f"文号：{d['doc_no']}，文件名称《{d['policy_title']}》。"),
    (
        "doc_title",
        lambda d: f"文件名称：《{d['policy_title']}》（{d['doc_no']}），由{d['issuer']}印发。",
    ),
    (
        "doc_published",
        lambda d: f"{d['doc_no']}于{_date(d['published'])}发布，{_date(d['printed'])}印发；本政策自发布之日起执行。",
    ),
    ("doc_printed", lambda d: f"{d['issuer']}{_date(d['printed'])}印发（文件落款日期{_date(d['published'])}）。"),
    (
        "doc_sponsor",
        lambda d: f"本政策主办单位是{d['sponsor']}，督办：{d['supervisor']}；政策以{d['sponsor']}解释为准。",
    ),
    ("doc_issuer", lambda d: f"发文机关：{d['issuer']}（{d['doc_no']}）。"),
    (
        "doc_basis",
        lambda d: (
            "本政策为贯彻落实" + "、".join(f"《{x['title']}》（{x['doc_no']}）" for x in d["implements"]) + "精神制定。"
        ),
    ),
]


def _doc_key(text: str) -> str:
    """A document number with its brackets and spaces taken out (豫商服贸〔2020〕5号 → 豫商服贸20205号)."""
    return re.sub(r"[\s〔〕\[\]【】()（）{}]", "", text or "")


def implemented_named(text: str) -> list:
    """The documents of document.yml's `implements` (the preamble's 贯彻落实) a message names by number."""
    key = _doc_key(text)
    return [x for x in query.document().get("implements") or [] if _doc_key(x["doc_no"]) in key]


def _date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _clause_text(code: str) -> str:
    c = query.clause(code)
    return f"依据{c['label']}：{c['text']}"


def answer(text: str) -> Answer:
    """Answer a question about 第四条 or the document's facts."""
    d = query.document()
    if shapes.search("rate_question", text):
        rule = d["exchange_rate"]
        verdict = ""
        if shapes.search("one_rate", text) and shapes.search("earlier_years", text):
            verdict = "不是。各年度的离岸业务分别按各自执行年度的中间价折算，不能统一用今年的汇率。"
        return Answer(
            verdict + f"{rule['text']}（依据{query.clause(rule['clause'])['label']}）。"
            "也就是说，哪一年执行的业务就用哪一年的美元兑人民币年平均中间价折算。"
            "我不提供汇率数值，测算时请告诉我对应年度的汇率。",
            clause="3.1",
        )
    origin = shapes.search("catalog_origin", text)
    if origin or (shapes.search("catalog_word", text) and shapes.search("changed_words", text)):
        scope, adjust, listed = d["scope"], d["catalog_adjustment"], d["catalog"]
        # 「这23个领域是郑州自己定的吗」: the catalogue's issuers answer it first
        lead = (
            f"不是郑州自己定的，是{listed['issued_by']}的全国目录。"
            if shapes.search("made_locally_asked", text)
            else ""
        )
        return Answer(
            f"{lead}{scope['text']}（{query.clause(scope['clause'])['label']}）"
            f"{adjust['text']}（{query.clause('4.2')['label']}）也就是说，国家发布新目录后，由市商务局决定是否、何时调整"
            "支持目录；调整之前仍按2018年版执行。",
            clause="4.2",
        )
    if shapes.search("policy_start", text):  # 「政策从哪天开始执行」: the policy's own start, not an application window
        return Answer(dict(DOC_FIELDS)["doc_published"](d), clause="4.2")
    if shapes.search("validity", text) and not shapes.search("no_double_claim_phrase", text):
        return Answer(
            _clause_text("4.2") + f"\n发布日期为{_date(d['published'])}，文件未规定截止日期；"
            "新政策出台后原政策自动废止。",
            clause="4.2",
        )
    if shapes.search("double_claim_general", text):
        return Answer(
            _clause_text("4.3").split("单个企业")[0] + "即与本市其他政策交叉或重叠时，由企业自行选择一项，"
            "不得重复申报。" + _beyond_city(text),
            clause="4.3",
        )
    cap = figure_words("4.3", "annual_total_cap_cny")
    if shapes.search("total_cap", text) or cap.rstrip("元") in text:
        return Answer(_clause_text("4.3") + f"\n即各项奖补加起来，单个企业每年最多{cap}。", clause="4.3")
    if shapes.search("procedure_general", text):
        return Answer(
            _clause_text("4.1") + "\n具体的申报时间、材料和流程以市商务局发布的实施细则和通知为准，"
            "我这里没有这些细则。",
            clause="4.1",
        )
    if shapes.search("dates_general", text) and not shapes.search("amount_word", text):
        return Answer(
            _clause_text("4.2")
            + f"\n发布日期为{_date(d['published'])}，文件未规定截止日期，也没有规定每年申报的起止时间，"
            f"所以具体哪天开始、哪天截止我无法告诉您；以{d['sponsor']}发布的申报通知为准"
            f"（{query.clause('4.1')['label']}：实施细则由市商务局会同市财政局另行制定）。",
            clause="4.2",
        )
    if shapes.search("catalog_adjust", text):
        return Answer(_clause_text("4.2"), clause="4.2")
    named = implemented_named(text)
    if named:  # 「豫商服贸〔2020〕5号跟58号文是啥关系」: a document the policy's preamble says it implements
        basis = dict(DOC_FIELDS)["doc_basis"](d)
        return Answer(
            "、".join(f"《{x['title']}》（{x['doc_no']}）" for x in named)
            + f"是本政策开头所列、制定时贯彻落实的文件，见《{d['policy_title']}》开头：{basis}"
            f"申报和奖补按本政策（{d['doc_no']}）的条款执行。",
            clause="document",
        )
    found = [render(d) for shape, render in DOC_FIELDS if shapes.search(shape, text)]
    if found:
        return Answer("".join(dict.fromkeys(found)), clause="document")
    return Answer(
        f"本政策是《{d['policy_title']}》（{d['doc_no']}），{_date(d['published'])}发布，自发布之日起执行，"
        f"由{d['sponsor']}主办并负责解释。\n" + _clause_text("4.3"),
        clause="4",
    )


def human_contact() -> str:
    """Where to turn to for a person: the policy's own bodies, no invented contact details."""
    d = query.document()
    return (
        f"我是自动问答助手，无法转接人工。本政策由{d['sponsor']}主办，并“以{d['sponsor']}解释为准”"
        f"（第四条第（一）项）；具体申报事宜请咨询{d['sponsor']}。政策文件中没有公布联系电话或地址，"
        f"请以{d['sponsor']}官方公布的渠道为准，我不提供未经核实的联系方式。"
    )


# how many 第二条 facts a message states beside a request to promise the award for the verdict to be given too
PROMISE_FACTS = 3

CAN_DO = (
    "我能做的是：依据《{policy_title}》（{doc_no}）解答申报资格、服务外包领域目录、各项奖补标准，"
    "按您给的数字测算奖励，以及做申报预审。"
)


def cannot_serve(text: str, whole_only: bool = False):
    """A polite statement of what cannot be done, for a request outside what the assistant serves, or None.

    The kinds of request and their replies live in document.yml (cannot_serve); nothing is looked up.
    `whole_only`: only the kinds marked `whole` (they decide a message of several parts).
    """
    found = _not_served(text, whole_only)
    return found[1] if found else None


def not_served_kind(text: str) -> Optional[str]:
    """The key of the cannot_serve kind (document.yml) a request is of, or None."""
    found = _not_served(text)
    return found[0].get("key") if found else None


def _not_served(text: str, whole_only: bool = False):
    """(the cannot_serve kind a request is of, its polite statement), or None."""
    d = query.document()
    for kind in d.get("cannot_serve") or []:
        if whole_only and not kind.get("whole"):
            continue
        if kind.get("unless") and re.search(widen_punctuation(kind["unless"]), text):
            continue
        if re.search(widen_punctuation(kind["pattern"]), text):
            fields = {k: d[k] for k in ("sponsor", "doc_no", "policy_title")}
            fields["published"] = _date(d["published"])
            return kind, Answer(kind["reply"].format(**fields) + CAN_DO.format(**fields), clause="4.1")
    return None


def promise_beside_facts(text: str) -> Optional[Answer]:
    """「郑州注册的独立法人，财务税务都合规…你就说一句保证能拿到」: a request to guarantee the award (cannot_serve
    `promise`) beside the applicant's 第二条 facts: the decline to promise, then the verdict on those facts; None
    when the message is no such request or states fewer than three facts (then the decline alone answers)."""
    from bot.answers import eligibility

    found = _not_served(text)
    if not found or found[0].get("key") != "promise":
        return None
    stated = [k for k in eligibility.facts_from(text) if k != "entity_type"]
    if len(stated) < PROMISE_FACTS:
        return None
    verdict = eligibility.stated_answer(text, {})
    decline = found[1].text.split("我能做的是")[0]
    return Answer(
        decline + "\n按您说的情况，申报资格（第二条）的判断是：\n" + verdict.text, clause="2", verdict=verdict.verdict
    )


def not_served_aside(text: str):
    """(the decline of a request not served, the message's other clauses) when the request stands in a point of
    its own (a run of clauses that a lead of document.yml aside_leads starts: 「…维护费50万。顺便问下商务局在哪办公
    电话多少 另外…」), of a kind marked `aside`; None when there is no such request or nothing else is said. A
    request in the message's first point is an aside when a new point follows it (「帮我看看明天大盘涨不涨 顺便问个
    正经的 …」). The caller decides whether the rest asks or gives anything."""
    from bot.understand.segment import clauses, is_question

    found = _not_served(text)
    if not found or not found[0].get("aside"):
        return None
    leads = tuple(query.document().get("aside_leads") or ())
    points = aside_points(clauses(text), leads)
    rest, declined = [], False
    for i, point in enumerate(points):
        refused = [c for c in point if _not_served(c) is not None]
        if not refused:
            rest += point
            continue
        if not (point[0].startswith(leads) or (i == 0 and len(points) > 1)):
            return None  # 「…拿到奖励了 各拿了多少钱」: no new point starts the request, it is the message's own
        declined = True
        # the point's other clauses are the request's own words (「顺便问下」), unless they give figures or ask
        # something the request does not (「另外离岸奖励最高多少 电话多少」)
        rest += [c for c in point if c not in refused and (re.search(r"\d", c) or is_question(c))]
    if not declined or not rest:
        return None
    return found[1], " ".join(rest)


def aside_points(parts: list, leads: tuple) -> list:
    """The message's clauses in points: a new point at each clause starting with a lead (顺便、另外、对了…)."""
    points: list = []
    for clause in parts:
        if not points or clause.startswith(leads):
            points.append([clause])
        else:
            points[-1].append(clause)
    return points


def count_limit_answer(text: str, topic_clause=None) -> Answer:
    """「一年最多能报几个项目」: the one count of projects the policy caps (三（六）: 每个企业每年支持项目最多3个);
    said alone when the question is about certifications, else beside the rule that the directions of 第三条
    are not counted, only held to 第四条第（三）项's yearly total."""
    from bot.estimate.items import detect_items

    max_items = next(f for f in clause_figures("3.6") if f["key"] == "max_items")
    cert = query.clause("3.6")
    line = f"依据{cert['label']}（{cert['title']}）：{max_items['text']}，即资质认证补贴一年最多{max_items['value']}个项目。"
    if topic_clause == "3.6" or "3.6" in detect_items(text) or shapes.search("cert_words", text):
        return Answer(line, clause="3.6")
    cap = figure_words("4.3", "annual_total_cap_cny")
    return Answer(
        f"政策没有限制一个企业一年申报第三条的几个支持方向：条件分别满足就分别计算，合计最高{cap}"
        f"（{query.clause('4.3')['label']}）。对项目个数有限制的只有资质认证补贴——" + line,
        clause="3.6",
    )


def many_certs_answer(text: str) -> Optional[Answer]:
    """「CMMI ITSS PCMM 还有ISO27001 四个都能补吗」: more certificates named than 三（六） supports a year, asked whether all
    can be: the count first (每个企业每年支持项目最多3个), then the clause as asked; None otherwise."""
    from bot.answers import subsidies
    from bot.estimate.clauses.certifications import names_in
    from bot.understand.segment import is_question

    names = names_in(text)
    max_items = next(f for f in clause_figures("3.6") if f["key"] == "max_items")
    if len(names) <= int(max_items["value"]) or not is_question(text) or not shapes.search("asks_all_of_them", text):
        return None
    cert = query.clause("3.6")
    line = (
        f"依据{cert['label']}（{cert['title']}）：{max_items['text']}。您说的{len(names)}项（{'、'.join(names)}）"
        f"同一年最多只能有{max_items['value']}项获得补贴，不能{len(names)}项都补。"
    )
    return Answer(line + "\n" + subsidies.clause_answer("3.6", text).text, clause="3.6")


def together_answer(codes=()) -> Answer:
    """Two support items of this policy in one year: each is computed on its own, within the annual total."""
    cap = query.document()["annual_total_cap"]
    lines = [
        "可以同时申报。第三条的各项是不同的支持方向，条件分别满足就分别计算；文件只规定与本市其他政策"
        "交叉或重叠时由企业自行选择、不得重复申报，并规定"
        + cap["text"].rstrip("。")
        + f"（{query.clause('4.3')['label']}）。所以本政策内的几项可以一起拿，但合计不超过这个总额。"
    ]
    for code in codes:
        c = query.clause(code)
        lines.append(f"· {c['label']}（{c['title']}）：{c['text']}")
    base = _base_of_items(codes)
    if base:
        lines.append(base)
    return Answer("\n".join(lines), clause="4.3")


def _base_of_items(codes) -> str:
    """When the items paired are the base of another item (三（三）'s 15% of 三（一）+三（二）, conditions.yml `basis`
    over `clauses`), that item is said: the two are not exclusive, a third even adds them up."""
    for code in conditions.clause_codes():
        for leaf in conditions.leaves(code):
            of = leaf.get("clauses") or []
            if leaf.get("basis") and of and set(of) <= set(codes):
                c = query.clause(code)
                return f"而且{c['label']}（{c['title']}）正是以这几项奖励的合计为基数计算：{c['text']}"
            if leaf.get("basis") and code in codes and set(of) & set(codes):
                # 「离岸奖和创新奖会不会冲突」: the one is computed on top of the other, so they are had together
                c = query.clause(code)
                base = "、".join(query.clause(o)["label"] for o in of)
                return f"而且{c['label']}本身就是在{base}的奖励之上另给的：{leaf['quote']}。"
    return ""


def _beyond_city(text: str) -> str:
    """「省里补过一次 市里还能补吗」: 第四条第（三）项 speaks of 我市其他政策; for a province's or the state's funds the
    policy is silent, said so (document.yml no_double_claim `beyond_city`); "" when no such funder is named."""
    from knowledge.sources import load_cached

    rule = load_cached("document")["no_double_claim"]
    if not any(w in text for w in rule.get("beyond_city") or []):
        return ""
    return "\n" + rule["beyond_city_text"]
