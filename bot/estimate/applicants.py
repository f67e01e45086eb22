"""Several applicants in one message (「A公司…；B公司…两家各能拿多少」): each independent legal entity applies on its
own with its own caps, so its figures are read and estimated apart, never added to another's. Words in
knowledge/data/estimate_words.yml (several_applicants). A group's figure asked for one of its companies
(「集团合并口径1.35亿 郑州子公司能拿多少」) is not that company's: group_figures (group_figure)."""

import re
from typing import List, Tuple

from bot.estimate.reading import estimate_words

SEPARATORS = "。；;\n"


def _name_pattern() -> re.Pattern:
    w = estimate_words()["several_applicants"]
    letters = "".join(sorted(w["letters"]))
    company = "|".join(sorted(map(re.escape, w["company_words"]), key=len, reverse=True))
    mark = re.escape(w["named_entity_mark"])
    english = "|".join(sorted(map(re.escape, w["english_company_words"]), key=len, reverse=True))
    return re.compile(
        rf"(?:{company})[{letters}](?![a-z\d])"  # 子公司甲
        rf"|(?<![a-z])(?:{english})\s?[{letters}](?![a-z\d])"  # company a
        rf"|(?:{company})[{w['ordinals']}](?=\s*[:：,，;；(（]|是|的|在)"  # 子公司一：
        rf"|(?<![a-z\d])[{letters}](?:{company})"  # a公司 甲公司
        rf"|郑州[^\s,，。；;:：()（）\d]{{1,6}}[(（][^()（）]{{0,12}}{mark}",  # 郑州x科技(独立法人)
        re.I,
    )


def split(text: str) -> List[Tuple[str, str]]:
    """(name, that applicant's words) for each applicant a message names, in order; [] when it names fewer than
    two or does not say several are asked about. A closing question with no figure (「两家各能拿多少」) and the
    words before the first name (「今年」) go with every applicant; a name said again (「…A能拿多少 B能不能申报」)
    takes the words after it, up to the next name, as that applicant's too."""
    w = estimate_words()["several_applicants"]
    if not any(g in text for g in w["group"]) or brought_in(text):
        return []
    marks = _named(text)
    if len({n for n, _ in marks}) < 2:
        marks = _bare_letters(text, w)
    if len({n for n, _ in marks}) < 2:
        marks = _in_turn(text, w["in_turn"])
    turn_words = []
    if len(marks) < 2 and (bodies := [g for g in w["bodies_group"] if g in text]):
        marks, turn_words = _bodies_in_turn(text, w["bodies_in_turn"], bodies[0])  # 「两个机构，一个…另一个…」
    if len(marks) < 2:
        marks = _listed(text, w["listed"], w["entity_words"])
    if len(marks) < 2:
        marks = _roles(text, w["roles"])
    if len(marks) < 2:  # 「我们公司…；另外我们下面的培训学校…两个主体各多少」
        marks = _roles(text, w["body_roles"], w["role_openers"], ("money", "count"))
    if len(marks) < 2:
        return []
    marks = [(n, p) for n, p in marks if not _named_as_same(text, n, p)] or marks
    starts = _phrase_starts(text, marks) + [len(text)]
    lead = text[: starts[0]]
    pieces = [(name, text[a:b]) for (name, _), a, b in zip(marks, starts, starts[1:])]
    if turn_words:  # 「一个」「另一个」 tell the bodies apart and count nobody
        pieces = [(name, piece.replace(word, "", 1)) for (name, piece), word in zip(pieces, turn_words)]
    last_name, last = pieces[-1]
    cut = max(last.rfind(c) for c in SEPARATORS)
    tail = ""
    if cut > 0 and not re.search(r"\d", last[cut + 1 :]):
        tail, pieces[-1] = last[cut + 1 :], (last_name, last[: cut + 1])
    else:
        cut = _voice_tail(last, w["said_of_all_marks"])
        if cut > 0:
            tail, pieces[-1] = last[cut:], (last_name, last[:cut])
    shared = _without_mixed_roles(_without_applicant_count(lead), w["roles"]) if not re.search(r"\d", lead) else ""
    names = list(dict.fromkeys(n for n, _ in marks))
    own = {n: " ".join(piece.strip() for m, piece in pieces if m == n) for n in names}
    rates = _shared_rates(lead, pieces)
    own = {n: own[n] + _same_as_other(own[n], names, own) for n in names}
    said_of_all = _said_of_all(pieces, w["combined"]["several"])
    asked = _asked_of_each(tail, names, w["letters"])
    return [
        (
            n,
            (
                shared
                + own[n]
                + "".join(" " + s for s in said_of_all if s not in own[n])
                + _rates_for(own[n], rates)
                + (" " + asked.get(n, tail).strip() if tail.strip() else "")
            ).strip(),
        )
        for n in names
    ]


def applicant_noun(names: List[str]) -> Tuple[str, str]:
    """(the counted noun, the word for each one) naming the applicants in a reply: 「家企业」「每家企业」, or 「个申报主体」
    「每个主体」 when one of them is a training body (「甲机构」「A校」「培训学校」: estimate_words.yml body_marks)."""
    marks = estimate_words()["several_applicants"]["body_marks"]
    if any(m in n for n in names for m in marks):
        return "个申报主体", "每个主体"
    return "家企业", "每家企业"


def _phrase_starts(text: str, marks: list) -> List[int]:
    """Where each applicant's words begin: at the start of the phrase its name stands in (「郑州还有个分公司C在郑州纳税」
    「上海还有个子公司B离岸300万美元」: the place said before the name is that applicant's, not the one before's),
    when no figure stands between that start and the name."""
    out, floor = [], 0
    for name, p in marks:
        cut = max(text.rfind(c, floor, p) for c in " \t，,。；;\n") + 1
        start = cut if cut > floor and not re.search(r"\d", text[cut:p]) else p
        out.append(start)
        floor = p + len(name)
    return out


def _voice_tail(last: str, marks: list) -> int:
    """Where the words said of every applicant begin in the last applicant's words of a voice message with no full
    stops (「…B公司今年刚成立 第一年做了400万 都是在岸 两家的增量奖励各多少 加起来多少」): the first phrase after its last
    figure that opens with a word of several (都, 两家, 各, 加起来: estimate_words.yml said_of_all_marks), when no figure
    follows; -1 when there is none (the words stay that applicant's: 「…B公司离岸50万美元 还没认定技术先进型」)."""
    figures = list(re.finditer(r"\d", last))
    if not figures:
        return -1
    start = figures[-1].end()
    opens = "|".join(sorted(map(re.escape, marks), key=len, reverse=True))
    for m in re.finditer(r"[\s，,]+", last[start:]):
        at = start + m.end()
        if re.search(r"[A-Za-z]$", last[: start + m.start()]):
            continue  # 「rate 7.1 for both」: an English phrase goes on
        if re.match(rf"(?:{opens})(?![A-Za-z])", last[at:], re.I):
            return at
    return -1


def _asked_of_each(tail: str, names: list, letters: list) -> dict:
    """「A的增量奖励和B的离岸奖励各多少」: a closing question naming each applicant's own items gives each only the
    words after its name (up to the next name); {} when it names fewer than two of them (it is everyone's)."""
    found = []
    for n in names:
        letter = next((c for c in n if c in letters), None)
        forms = [re.escape(n)] + ([rf"(?<![a-z]){re.escape(letter)}(?![a-z])"] if letter else [])
        m = re.search("|".join(forms), tail)
        if m:
            found.append((m.start(), n))
    if len(found) < 2:
        return {}
    found.sort()
    bounds = [p for p, _ in found] + [len(tail)]
    return {n: tail[a:b] for (a, n), b in zip(found, bounds[1:])}


def _said_of_all(pieces: list, several: list) -> List[str]:
    """Sentences with no figure that say something of every applicant (「两家都是郑州注册的独立法人。」「每家都在商务部
    系统里填报了」) standing after the sentence naming one of them: each applicant's."""
    return [
        s.strip()
        for _, piece in pieces
        for s in _sentences(piece)[1:]
        if not re.search(r"\d", s) and any(w in s for w in several)
    ]


def _same_as_other(words: str, names: list, own: dict) -> str:
    """「乙学校还在申请认定…培训了30个本科生，情况跟甲一样」: the other applicant's statements this one's words do not
    speak to themselves (no count or money of the other's, no fact this one states), taken as this one's too; ""
    when it names no other as the same (estimate_words.yml several_applicants same_as)."""
    w = estimate_words()["several_applicants"]
    links, same = "|".join(w["same_as"]["links"]), "|".join(w["same_as"]["same"])
    me = _lead_name(words, names)
    other = None
    for n in (n for n in names if n != me):
        # the name or its letter alone (「跟甲一样」 of 甲学校)
        said = [n] + [c for c in n if c in w["letters"] and n.count(c) == 1 and c not in me]
        if any(re.search(rf"(?:{links}){re.escape(a)}\S{{0,4}}?(?:{same})", words, re.I) for a in said):
            other = n
            break
    if other is None:
        return ""
    from bot.estimate.session import own_figures
    from bot.understand.facts import read_facts

    stated = set(read_facts(words))
    taken = []
    for clause in re.split(r"[，,。；;！!？?]", own[other]):
        if not clause.strip() or other in clause:
            continue
        if any(f.kind in ("money", "count") for f in own_figures(clause)):
            continue
        facts = set(read_facts(clause))
        if facts and not facts & stated:
            taken.append(clause.strip())
    return (" " + "，".join(taken) + "。") if taken else ""


def _named_as_same(text: str, name: str, at: int) -> bool:
    """Whether the name said at `at` is the one another applicant is said to be like (「其余情况跟甲校一样」): not
    where this applicant's own words start."""
    w = estimate_words()["several_applicants"]["same_as"]
    before = text[max(0, at - 1) : at]
    after = text[at + len(name) : at + len(name) + 6]
    return before in w["links"] and bool(re.match(rf"\S{{0,4}}?(?:{'|'.join(w['same'])})", after))


def _lead_name(words: str, names: list) -> str:
    """The applicant whose words these are: the name said first in them."""
    found = [(words.find(n), n) for n in names if n in words]
    return min(found)[1] if found else ""


def _without_applicant_count(lead: str) -> str:
    """The shared opening words less the count of applicants they name (「集团在郑州有两个主体：」): that count is
    of the applicants, never of an item's events or people (estimate_words.yml applicant_count)."""
    w = estimate_words()["several_applicants"]["applicant_count"]
    nouns = "|".join(sorted(map(re.escape, w["nouns"]), key=len, reverse=True))
    return re.sub(rf"[{w['numbers']}]+\s*(?:{w['measures']})?\s*(?:{nouns})", "", lead)


def _without_mixed_roles(lead: str, roles: list) -> str:
    """The shared opening words less the roles they list when they name several (「我们有一个子公司和一个分公司，
    分别算：」): each role is one applicant's, never every applicant's (a subsidiary is not a branch); one role said
    of all (「两个子公司都是郑州注册的独立法人」) stays."""
    pattern = re.compile("|".join(sorted(map(re.escape, roles), key=len, reverse=True)))
    if len(set(pattern.findall(lead))) < 2:
        return lead
    return pattern.sub("", lead)


def _sentences(text: str) -> List[str]:
    """The sentences of `text`, each with its closing mark (an English full stop too: 「… 60,000 yuan. Exchange rate
    7.1.」)."""
    return [
        s for s in re.split(rf"(?<=[{SEPARATORS}])|(?<=[a-z\d]\.)(?=\s)|(?<=[!?！？])", text, flags=re.I) if s.strip()
    ]


def _rate_only(sentence: str) -> bool:
    """A sentence that states exchange rates and nothing else (「汇率今年7.1、去年6.9。」)."""
    from calculator.figures_zh import parse_figures

    figs = parse_figures(sentence)
    return _states_rate(sentence) and all(
        f.kind in ("rate", "year")
        or (f.kind == "count" and f.unit == "家")
        or (f.kind == "duration_years" and f.value == 2 and re.search(r"两\s*年\s*(?:都|均|一律|统一)", sentence))
        for f in figs
    )  # 「汇率两年都按7算」: 两年 says which years, no figure of its own


def _states_rate(text: str) -> bool:
    """Whether a phrase of `text` states an exchange rate (「汇率7.1」「汇率两家都按7.1」「rate 7.1」)."""
    from calculator.figures_zh import parse_figures

    from bot.estimate.reading import plausible_rate

    for phrase in re.split(r"[，,。；;\n]", text):
        if any(f.kind == "rate" for f in parse_figures(phrase)):
            return True
        numbers = re.findall(r"(?<![\d.])\d{1,2}(?:\.\d+)?(?![\d.%])", phrase)
        if re.search(r"汇率|中间价|rate", phrase, re.I) and any(plausible_rate(n) for n in numbers):
            return True
    return False


def _shared_rates(lead: str, pieces: list) -> List[str]:
    """The sentences stating only exchange rates that stand apart from every applicant's own figures: in the opening
    words, or a sentence of its own after the one naming an applicant (「子公司B：…平台投入700万。汇率今年7.1、去年
    6.9。每个公司各能拿多少」). A year's average central parity is the same for every enterprise, so it serves each
    applicant that states none of its own; so is a phrase saying it is every applicant's (「汇率两家都按7.1」,
    estimate_words.yml shared_rate_marks). [] when such words stand in more than one place (which holds for whom is
    then not clear, and a missing rate is asked)."""
    marks = estimate_words()["several_applicants"]["shared_rate_marks"]
    found = {}
    for where, words in [("lead", lead)] + [(i, piece) for i, (_, piece) in enumerate(pieces)]:
        sentences = _sentences(words)
        own = sentences if where == "lead" else sentences[1:]
        said = [s.strip() for s in own if _rate_only(s)]
        # 「…B公司离岸120万美元，汇率两家都按7.1」: a phrase saying the rate is every applicant's, wherever it stands
        # in the last applicant's words of a voice message with no commas (「…B公司在岸去年800万 今年1100万 汇率两年都按7算
        # 两家…」), a phrase after a space too: said after every applicant's figures
        split_at = r"[，,]|\s+(?=[\u4e00-\u9fff])" if where == len(pieces) - 1 else r"[，,]"
        said += [
            p.strip()
            for s in sentences[: 1 if where != "lead" else 0]
            for p in re.split(split_at, s)
            if _rate_only(p) and any(m in p.lower() for m in marks)
        ]
        if said:
            found[where] = said
    return next(iter(found.values())) if len(found) == 1 else []


def _rates_for(words: str, rates: List[str]) -> str:
    """The shared rate sentences for an applicant with a dollar amount whose own words state no rate ("" when they
    state one, or it has no dollar amount)."""
    from calculator.figures_zh import parse_figures

    figs = parse_figures(words)
    if not rates or _states_rate(words):
        return ""
    if not any(f.kind == "money" and re.search(r"美元|美金|刀|usd|\$|dollar", str(f.unit or ""), re.I) for f in figs):
        return ""  # no dollar amount of its own: a rate serves it nothing
    return " " + " ".join(rates)


def _named(text: str) -> list:
    """(name, start) of each place an applicant is named with a company word (「A公司」「子公司乙」「郑州X科技(独立法人)」)."""
    out = []
    for m in _name_pattern().finditer(text):
        out.append((re.sub(r"[(（].*$", "", m.group(0)).lower(), m.start()))
    return out


def _bare_letters(text: str, w: dict) -> list:
    """(name, start) of each place a bare letter names an applicant at the start of a phrase (「A在…园区入驻4年…；B入驻…」
    「甲是郑州注册的…乙是…」): only letters one after another in their series (a, b …; 甲, 乙 …), each named at least
    once; none followed by a word that makes it something else (甲方, B类, A展: bare_letter_not_before); only in a
    message saying it is about several entities (两家, 两个子公司: combined.several)."""
    if not any(s in text for s in w["combined"]["several"]):
        return []
    not_before = "|".join(map(re.escape, w["bare_letter_not_before"]))
    found = [
        (m.group(1).lower(), m.start(1))
        for m in re.finditer(
            rf"(?:^|(?<=[\s，,。；;:：!！?？]))([{''.join(w['bare_letter_series'])}])(?=[\u4e00-\u9fff]|\s*[:：])(?!{not_before})",
            text,
            re.I,
        )
    ]
    for series in w["bare_letter_series"]:
        named = [n for n, _ in found if n in series]
        firsts = list(dict.fromkeys(named))
        if len(firsts) >= 2 and "".join(sorted(firsts, key=series.index)) == series[: len(firsts)]:
            return [(n, at) for n, at in found if n in series]
    return []


def _roles(text: str, roles: list, openers: tuple = (), kinds: tuple = ("money",)) -> list:
    """(role, start) of each place a role names an applicant at the start of a phrase (「母公司在郑州注册，今年在岸…；
    分公司在郑州纳税，ITSS认证费8万」), after opening words when `openers` are given (「另外我们下面的培训学校…」): two
    roles at least, each with a figure of its own (of `kinds`) before the next is named; [] otherwise (「总部在北京，
    分公司今年…」: the head office only says where the branch belongs)."""
    from calculator.figures_zh import parse_figures

    role = "|".join(sorted(map(re.escape, roles), key=len, reverse=True))
    opening = "|".join(sorted(map(re.escape, openers), key=len, reverse=True))
    lead = rf"(?:(?:{opening})\s*){{0,3}}" if openers else ""
    listing = (
        rf"\s*(?:和|与|及|跟|以及|、|还有)\s*(?:一个|一家)?\s*(?:{role})"  # 「母公司和分公司分别问」: named together
    )
    found = [
        (m.group(1), m.start(1))
        for m in re.finditer(rf"(?:^|(?<=[\s，,。；;:：])){lead}({role})", text)
        if not re.match(listing, text[m.end() :])
    ]
    if len({n for n, _ in found}) < 2:
        return []
    ends = [at for _, at in found[1:]] + [len(text)]
    figured = {n for (n, at), end in zip(found, ends) if any(f.kind in kinds for f in parse_figures(text[at:end]))}
    return found if figured >= {n for n, _ in found} else []


def brought_in(text: str) -> bool:
    """「园区引进了两家十大领军企业 一家入园运营了一年半 另一家…」: the enterprises a park brings in are what it is rewarded
    for (第三条第（八）项第2点), counted for the park, not applicants of their own (estimate_words.yml brought_in)."""
    w = estimate_words()["several_applicants"]["brought_in"]
    return any(b in text for b in w["brings"]) and any(p in text for p in w["park"])


def _in_turn(text: str, pairs: list) -> list:
    """「一家…另一家…」: (第1家, start), (第2家, start) when the second word follows the first, else []."""
    for first, second in pairs:
        later = text.find(second)
        earlier = text.find(first)
        if later > 0 and 0 <= earlier < later and text.rfind(first, 0, later) == earlier:
            return [("第1家", earlier), ("第2家", later)]
    return []


def _bodies_in_turn(text: str, pairs: list, group: str) -> Tuple[list, list]:
    """「两个培训机构，一个已认定…；另一个还没认定…」: ((第1个机构, start), (第2个机构, start)) and the two words that
    told them apart, when the second follows the first; ([], []) otherwise. The noun is the group word's (机构, 学校)."""
    noun = re.sub(r"^[两三]?[个家所]", "", group)
    for first, second in pairs:
        found = _in_turn(text, [[first, second]])
        if found:
            return [(f"第{i}个{noun}", at) for i, (_, at) in enumerate(found, 1)], [first, second]
    return [], []


def _listed(text: str, pairs: list, entities: list) -> list:
    """「一是我们培训学校…；二是合作的一家外包企业…」: (第1家, start), (第2家, start) when each mark is followed soon by
    an entity word (a school, an enterprise …), else [] (「一是ITSS…二是CCRC…」 lists one applicant's items)."""
    entity = "|".join(map(re.escape, entities))
    for first, second in pairs:
        earlier, later = text.find(first), text.rfind(second)
        if 0 <= earlier < later and all(
            re.match(rf"[^，,。；;\d]{{0,12}}?(?:{entity})", text[at + len(mark) :])
            for at, mark in ((earlier, first), (later, second))
        ):
            return [("第1家", earlier), ("第2家", later)]
    return []


PHRASE_END = "。；;，,\n"


def asks_sum(text: str) -> bool:
    """「两家分别多少 集团合计多少」「加起来一共能拿多少」: the user asks for the applicants' sum (a sum word then a question
    word with no figure between)."""
    w = estimate_words()["several_applicants"]["sum_asked"]
    sums = "|".join(map(re.escape, w["sums"]))
    asks = "|".join(map(re.escape, w["asks"]))
    return any(
        not any(n in m.group(0) for n in w["not_between"])
        for m in re.finditer(rf"(?:{sums})[^\d，,。；;]{{0,8}}?(?:{asks})", text)
    )


MONEY = r"\d+(?:\.\d+)?\s*(?:亿|万|千)?(?:元|美元|块)?"


def combined_figures(text: str) -> List[str]:
    """The figures (as said: 「合计5000万」) a message about several entities gives as their total, with no entity's own
    figures named; [] when it names the applicants apart or gives no such total (estimate_words.yml combined)."""
    w = estimate_words()["several_applicants"]["combined"]
    if not any(s in text for s in w["several"]) or split(text):
        return []
    sums = "|".join(map(re.escape, sorted(w["sums"], key=len, reverse=True)))
    return [
        m.group(0).strip()
        for m in re.finditer(rf"(?:{sums})\s*(?:是|为|有|达到|约)?\s*({MONEY})", text)
        if not any(text[m.end() : m.end() + 6].lstrip().startswith(n) for n in w["not_after"])
        and not _named_as_cap(text, m.group(1).strip())
    ]


def _named_as_cap(text: str, figure: str) -> bool:
    """Whether the message names the same figure as a cap elsewhere (「那个500万上限是每家都有还是集团合起来500万」): the
    total asked about is the cap, no figure of the entities' (estimate_words.yml combined `not_after`)."""
    w = estimate_words()["several_applicants"]["combined"]
    return any(
        text[m.end() : m.end() + 6].lstrip().startswith(n)
        for m in re.finditer(re.escape(figure), text)
        for n in w["not_after"]
    )


def group_figures(text: str, figs) -> List[Tuple[object, str]]:
    """(figure, the company asked about) for each money figure of `figs` said of a whole group while `text`
    asks for one of its companies (estimate_words.yml group_figure): the applicant is that company, whose own figures
    are needed; [] when the message names no such company."""
    w = estimate_words()["group_figure"]
    member = re.compile(r"(?:郑州)?(?:" + "|".join(map(re.escape, w["member"])) + ")")
    group = re.compile("|".join(map(re.escape, sorted(w["group"], key=len, reverse=True))))
    named = member.search(text)
    if not named:
        return []
    out = []
    for f in figs:
        if getattr(f, "kind", None) != "money":
            continue
        start = max(text.rfind(c, 0, f.start) for c in PHRASE_END) + 1
        before = text[start : f.start]
        said_of_group = [m.end() for m in group.finditer(before)]
        said_of_member = [m.end() for m in member.finditer(before)]
        if said_of_group and (not said_of_member or said_of_member[-1] < said_of_group[-1]):
            out.append((f, named.group(0)))
    return out


def combined_reply(figures: List[str]) -> str:
    """The answer to a total said of several entities: it is no one enterprise's, so nothing is estimated from it and
    it is never split; each entity's own figures are asked, naming the totals."""
    said = "、".join(f"「{f}」" for f in figures)
    return (
        f"您说的{said}是几家企业加在一起的数字。每家独立法人企业各自申报、各自测算（增量、离岸等都按每家自己的本年与上年"
        "执行额计算，各项上限也按每家分别计），合计数不能当作一家企业的数字，也不能拆分或平均后代替各家的数字。"
        "请分别告诉我每家企业自己的数字（例如：A公司今年多少、去年多少；B公司今年多少、去年多少），我逐家为您测算。"
    )


def sum_line(totals: list) -> str:
    """「两家分别多少 集团合计多少」: the arithmetic sum of each applicant's own total (already within its own 第四条第（三）项
    cap), labelled as the group's sum; `totals` is (name, calculator result or None for one not eligible)."""
    from decimal import Decimal

    from bot.estimate.explain import money, total_cap_figure
    from calculator.text import grouped

    low = high = Decimal(0)
    terms = []
    for name, result in totals:
        if result is None:
            terms.append(f"{name.upper()} 0元（不符合条件）")
            continue
        a, b = Decimal(str(result["total_cny"])), Decimal(str(result.get("total_cny_max", result["total_cny"])))
        low, high = low + a, high + b
        capped = "（已按单个企业年度总额上限计）" if result.get("total_capped") else ""
        terms.append(f"{name.upper()} {money(a)}{capped}" if a == b else f"{name.upper()} {money(a)}至{money(b)}")
    whole = money(low) if low == high else f"{money(low)}至{money(high)}"
    cap = grouped(total_cap_figure() / 10000)  # 500, never 「5」 (a stripped trailing zero)
    return (
        f"【合计】各家金额的算术和：{' + '.join(terms)} = {whole}。这是各家分别申报所得金额相加的数，不是一家企业可获得的"
        f"金额：各家各自申报，单个企业年度总额上限{cap}万元按每家分别适用。"
    )
