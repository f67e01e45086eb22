"""The facts a user states about itself, read from a message with knowledge/data/facts.yml.

`read_facts(text)` returns {fact: value}: booleans, enum words, ranks (a scale's word) and
numbers as `knowledge.conditions.Span` (「不到一年」 is below 1, 「一年多」 above it). 第二条's
facts come from bot.answers.eligibility.facts_from. Plain Python, no Rasa.
"""

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bot.nlu.normalize import normalize
from bot.understand.english_negations import chinese_negations
from bot.understand.scoped_facts import scoped
from bot.understand import granted_year, year_history
from calculator.figures_zh import parse_figures
from knowledge import shapes
from knowledge.conditions import Span, scales
from knowledge.text import expand_short_forms

FACTS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "facts.yml"
NEGATION = re.compile(
    # 「一直没变」「没有变化」: unchanged, no denial of what follows (as 不变)
    r"(没有(?!变|改)|没(?!变|改|动|有变|有改)|未(?!变|来)|不是|并非|不(?!过|少|但|仅|管|论|错|久|对|好意思|变)|尚未|还没|无(?!论)"
    # 「没有在岸 连续两年有新发明专利」: a negation's object ends at a space; only spaces may follow the negation itself
    r"|非(?!常))(?:[^，。；,;！？!?\s]{0,3}|\s+)$"
)
# 「由我们公司运营的 不是管委会管」: a failing statement denied right before it (不是…, 并非…) speaks of another subject
# and says nothing against the fact (the fact's own words, read elsewhere, decide)
OTHER_DENIED = re.compile(r"(不是|并非|并不是|而不是|而非|不归|不由|不属于|也不是)\s*(由|归)?\s*$")
PHRASE_END = re.compile(r"[，。；;！？!?\n]|,(?!(?<=\d,)\d)")  # 「1,000,000」: a comma between digits ends no phrase
# a phrase quoting the policy's requirement, not the user's own situation
REQUIREMENT = re.compile(
    r"要求|规定|需要|须|必须|才能|才可以|是否要|是不是要|得满足|门槛|条件是|政策说"
    r"|(政策|文件|条款|原文|奖励|补贴|细则)(里|上|中)?(面)?(说|写|讲)(的|了)?(是)?"  # 「离岸奖励说超过100万美元」
)
# a phrase asking what figure the policy requires (「社保是要求连续交多久？」): the user's own figure may follow in the next
# phrase (「我们有个学生交了4个月了」), as after a quoted requirement
ASKS_FIGURE = re.compile(
    r"多久|多长时间|多少个?月|几个月|几年|多少年|多少名|几名|多少人|几个人|多少个(人|学生|实习生|学员)|多少(万)?美元"
)
UPPER_BOUNDS = {"不到": True, "低于": True, "不足": True, "以下": False, "以内": False, "最多": False, "不超过": False}
LOWER_BOUNDS = {"多": True, "超过": True, "以上": False, "不低于": False, "不少于": False, "至少": False}
APPROXIMATE = {"左右", "大约", "约"}
QUOTED_BEFORE = re.compile(r"(能算|算不算|可以算|算是|能不能算|属不属于|是不是|是否)$")
PEOPLE_COUNT = re.compile(r"([\d一二两三四五六七八九十百几多]+)个人")
# words before a figure that the figure reader leaves unbound: 「不满一年」 is below 1, 「超过了五百万」 above it
# 「社保没交满6个月」「合同没签满一年」「实习还没做满3个月」: a verb between 没 and 满 is still below the figure
BELOW_BEFORE = re.compile(
    r"(不满|没满|未满|(?:没|未|没有)(?:交|缴|签|做|干|待|呆|实习)满|不到|没到|还没到|未到|不够|不足|快|将近|接近|差不多快)(了)?$"
)
# 「够不够100万美元」「超没超过500万」「有没有两年」: the figure is asked about, not said of the applicant
ASKED_BEFORE = re.compile(r"(.)[不没]\1过?$|有没有$|是否(超过|达到|满)?$")
# an A-not-A question right before a fact's words (「够不够离岸奖励的门槛」): its 不 denies nothing
ASKED_RIGHT_BEFORE = re.compile(r"(.)[不没]\1[^，。；,;\s]{0,2}$")
ABOVE_BEFORE = re.compile(r"(超过了|已超过|超出|多于|高于)$")
# words after a figure: 「100万美元出头」「刚过100万美元一点」 are above it, 「差一点100万美元」「不到」 said after (「100万美元不到」) below
ABOVE_AFTER = re.compile(r"\s*(出头|多一点|多一些|多点|挂零|冒头)")
BELOW_AFTER = re.compile(r"\s*(不到|差一点|还差一点|差一些|缺一点)")
# 「二十多个」「20多名」「半年多」: a count or duration given as more than a number
MORE_THAN = re.compile(r"(半年)(多)()|([\d一二两三四五六七八九十百]+)\s*(多|余)\s*(个月|个|名|人|位|年)")
PER_YEAR = re.compile(r"^(每)?(一年|1年|每年)\s*[\d一二两三四五六七八九十]")


def _compile(pattern: str) -> re.Pattern:
    """A facts.yml pattern over normalised text (full-width marks folded: see widen_punctuation)."""
    from knowledge.text import widen_punctuation

    return re.compile(widen_punctuation(pattern))


@lru_cache(maxsize=1)
def fact_specs() -> dict:
    """facts.yml, with its patterns compiled."""
    raw = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
    out = {}
    for name, spec in raw.items():
        s = dict(spec)
        for key in ("holds", "fails"):
            s[key] = [_compile(p) for p in spec.get(key) or []]
        if spec["kind"] == "enum":
            s["values"] = {v: [_compile(p) for p in ps] for v, ps in spec["values"].items()}
        for key in (
            "cue",
            "context",
            "not_context",
            "series_cue",
            "each_year_cue",
            "not_followed_by",
            "not_preceded_by",
            "measure_words",
            "rough_before",
            "rough_after",
        ):
            if spec.get(key):
                s[key] = _compile(spec[key])
        s["zero"] = [_compile(p) for p in spec.get("zero") or []]
        elsewhere = spec.get("elsewhere") or {}
        s["elsewhere_one"] = _compile(elsewhere["one"]) if elsewhere.get("one") else None
        s["elsewhere"] = [_compile(p) for p in elsewhere.get("employer") or []]
        s["short"] = [_compile(p) for p in (spec.get("short") or {}).get("patterns") or []]
        s["short_of"] = (spec.get("short") or {}).get("figure")
        out[name] = s
    return out


def names_threshold(t: str, f) -> bool:
    """A figure that names one of the policy's thresholds (bot/estimate/policy_figures.py)."""
    from bot.estimate.policy_figures import names_threshold as named

    return named(t, f)


def _quoted(t: str, pos: int, bound: Optional[str] = None) -> bool:
    """Whether the words just before `pos` (same phrase) quote a requirement: 「要求两年以上」. A figure with a
    bound (不低于, 以上) quotes one said anywhere before it in its phrase, up to a space (「补贴要求在职连续交社保
    不低于6个月 我们有个应届生社保刚交了5个月」: 6 is the policy's, 5 the user's)."""
    if _inside_quotes(t, pos):
        return True  # 「offshore award says "more than 1M USD"」: the rule quoted word for word, not the user's figure
    start = max(_phrase_start(t, pos), pos - 8)
    if bound in UPPER_BOUNDS or bound in LOWER_BOUNDS:
        start = max(_phrase_start(t, pos), t.rfind(" ", 0, pos) + 1)
    return bool(REQUIREMENT.search(t[start:pos]))


def _inside_quotes(t: str, pos: int) -> bool:
    """Whether `pos` stands inside quotation marks ("…", “…”, 「…」, 『…』)."""
    if t.count('"', 0, pos) % 2 == 1 and '"' in t[pos:]:
        return True
    for opening, closing in (("“", "”"), ("「", "」"), ("『", "』")):
        if t.rfind(opening, 0, pos) > t.rfind(closing, 0, pos) and closing in t[pos:]:
            return True
    return False


REACH = 16  # the most characters between a numeric fact's cue and its figure
ENGLISH_REACH = 40  # 「offshore award says "more than 1M USD" - we did exactly USD 1,000,000」


def _phrase_start(text: str, pos: int) -> int:
    ends = [m.end() for m in PHRASE_END.finditer(text, 0, pos)]
    return ends[-1] if ends else 0


def _next_phrase(text: str, start: int) -> int:
    """Where the phrase after the one starting at `start` starts (-1 when none)."""
    m = PHRASE_END.search(text, start)
    return m.end() if m else -1


def _phrase(text: str, pos: int) -> str:
    start = _phrase_start(text, pos)
    m = PHRASE_END.search(text, pos)
    return text[start : m.start() if m else len(text)]


def bool_fact(spec: dict, t: str) -> Optional[bool]:
    """The last statement about a yes/no fact: True, False or None."""
    found: List[Tuple[int, bool]] = []
    for p in spec["fails"]:
        found += [
            (m.start(), False)
            for m in p.finditer(t)
            if not _earlier_year(spec, t, m.start()) and not OTHER_DENIED.search(t[max(0, m.start() - 6) : m.start()])
        ]
    for p in spec["holds"]:
        for m in p.finditer(t):
            if _earlier_year(spec, t, m.start()):
                continue
            if any(s <= m.start() < s + 12 and not v for s, v in found):
                continue
            if QUOTED_BEFORE.search(t[max(0, m.start() - 4) : m.start()]):
                continue  # 「能算公共服务平台吗」 asks about the term, it states nothing
            before = t[_phrase_start(t, m.start()) : m.start()]
            if ASKED_RIGHT_BEFORE.search(before):
                continue  # 「够不够离岸奖励的门槛」「能不能拿离岸奖励」: asked, neither stated nor denied
            found.append((m.start(), not NEGATION.search(before)))
    if not found:
        return None
    return max(found)[1]


def _enum(spec: dict, t: str) -> Optional[str]:
    """The value stated first (the speaker names itself first: 「我们是培训机构…和外包企业签约」);
    「不是培训机构」 (or 「不是 独立法人」, a space between) states nothing about being one."""
    best = None
    for value, patterns in spec["values"].items():
        for p in patterns:
            for m in p.finditer(t):
                if re.search(r"(不是|并非|非|不属于)\s*$", t[max(0, m.start() - 8) : m.start()]):
                    continue
                if best is None or m.start() < best[0]:
                    best = (m.start(), value)
    return best[1] if best else None


COUNT_BEFORE = re.compile(r"([\d一二两三四五六七八九十百]+)\s*(个|名|位|人)?(是)?$")
# 「4个是本科学历的项目经理」「1个本科但是普通开发」: the count that opens the phrase the level word is in
PHRASE_COUNT = re.compile(
    r"(?<![\d一二两三四五六七八九十百])([\d一二两三四五六七八九十百]+)\s*(?:个|名|位)[^\s，。；,;、：:都全均\d一二两三四五六七八九十百]{0,12}$"
)


@lru_cache(maxsize=None)
def _scale_words(scale: str) -> tuple:
    """({level word: rank}, one pattern over the words, longest first) of a scale of conditions.yml."""
    words = {str(w).lower(): rank for rank, level in enumerate(scales()[scale]) for w in level}
    return words, re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def counted_levels(t: str, scale: str = "education") -> List[Tuple[int, str, int]]:
    """Groups counted by level, 「其中20个大专 10个中专」: [(count, level word, rank)] in order."""
    from calculator.figures_zh import parse_number

    words, pattern = _scale_words(scale)
    out = []
    for m in pattern.finditer(t):
        before = COUNT_BEFORE.search(t[max(0, m.start() - 8) : m.start()]) or PHRASE_COUNT.search(
            t[max(0, m.start() - 16) : m.start()]
        )
        count = parse_number(before.group(1)) if before else None
        if count is not None and count == int(count) and count > 0:
            out.append((int(count), m.group(0), words[m.group(0)]))
    return out


LIST_JOIN = re.compile(r"^(的|学历)?\s*(也有|还有|有|、|和|跟|与|或|及|加)\s*$")


def listed_levels(t: str, scale: str = "education") -> List[Tuple[str, int]]:
    """Levels listed for one group without counts, 「有大专有本科也有高中毕业的」: [(word, rank)] in order when two
    or more ranks are joined by 有/也有/、/和; else []. The group's lowest level is the one its conditions see."""
    words, pattern = _scale_words(scale)
    found = [m for m in pattern.finditer(t) if not _quoted(t, m.start())]
    run: list = []
    for m in found:
        if run and not LIST_JOIN.match(t[run[-1].end() : m.start()]):
            if len({words[x.group(0)] for x in run}) >= 2:
                break
            run = []
        run.append(m)
    if len({words[x.group(0)] for x in run}) < 2:
        return []
    return [(m.group(0), words[m.group(0)]) for m in run]


@lru_cache(maxsize=4096)
def mixed_levels(t: str, scale: str = "education") -> bool:
    """Whether a message counts people at two or more levels, or lists people each with a level of their own at two
    or more levels (「张经理（本科 项目经理）2万，李总监（硕士 项目总监）8万」): no single level is stated for all."""
    return (
        len({rank for _, _, rank in counted_levels(t, scale)}) >= 2
        or len(set(entry_levels(t, scale))) >= 2
        or (scale == "education" and _degree_groups_straddle(t))
    )


def _degree_groups_straddle(t: str) -> bool:
    """Whether the counts of people said each with its own degree (bot/understand/degree_groups.py: 「本科12人 硕士3人
    大专6人；另外还有中专4人」) lie on both sides of a clause's degree floor (knowledge/data/conditions.yml): some
    groups count and some do not, so no one level is everyone's (「本科11名 研究生4名」 all clear every floor: 本科)."""
    from bot.understand.degree_groups import bare_list, placed, rank
    from calculator.figures_zh import parse_figures
    from knowledge import conditions

    ranks = [rank(g.degree) for g in placed(t, parse_figures(t))]
    if len(set(ranks)) < 2:  # 「培训了80人：本科35、大专30、高中15」: bare counts adding up to the people said
        ranks = [rank(g.degree) for g in bare_list(t) or []]
    if len(set(ranks)) < 2:
        return False
    floors = {
        rank(leaf["at_least"])
        for code in conditions.clause_codes()
        for leaf in conditions.leaves(code)
        if leaf.get("scale") == "education" and leaf.get("at_least")
    }
    return any(min(ranks) < f <= max(ranks) for f in floors)


def entry_levels(t: str, scale: str = "education") -> List[int]:
    """The rank each entry of a list of figures names in its own words (bot/estimate/lists.py), for lists whose
    entries name one: a level said of one person's cost is that person's, not everyone's."""
    from bot.estimate.lists import figure_lists
    from bot.estimate.reading import figures

    words, pattern = _scale_words(scale)
    ranks = []
    for lst in figure_lists(t, figures(t)):
        named = [[words[m.group(0)] for m in pattern.finditer(e.label.lower())] for e in lst.entries]
        if len(lst.entries) >= 2 and sum(1 for n in named if n) >= 2:
            ranks += [min(n) for n in named if n]
    return ranks


# a position word that names a business, not a person's post (「客服热线」「客服外包」「给银行做客服」)
POSITION_AS_BUSINESS_AFTER = re.compile(r"\s*(热线|外包|中心|系统|业务|电话|平台|软件|坐席服务|服务(?!外包企业))")
POSITION_AS_BUSINESS_BEFORE = re.compile(r"(给|为|帮|替)[^，。；,;\s]{0,10}(做|提供|承接|接)[^，。；,;\s]{0,2}$")


def _rank(spec: dict, t: str) -> Optional[str]:
    """The scale word the user states (a word quoted with 以上 as a requirement counts last); none
    when the people are counted at several levels (「20个大专 10个中专」: each group is its own)."""
    scale = spec["scale"]
    if mixed_levels(t, scale):
        return None
    listed = listed_levels(t, scale)
    if listed:  # 「有大专有本科也有高中毕业的」: the group's lowest level
        return min(listed, key=lambda w: w[1])[0]
    words = [w for level in scales()[scale] for w in level]
    if scale == "position":
        words += scales().get("position_unsettled", [])
    found = []
    for w in sorted(words, key=len, reverse=True):
        for m in re.finditer(re.escape(str(w).lower()), t):
            if any(a <= m.start() < b for a, b, _, _ in found):
                continue
            if re.search(
                r"(其中|[人个名位](里面?|中|当中|之中))[^，。；,;]{0,3}[一二两三四五六七八九十\d]+\s*(个|名|位|人)[^，。；,;]{0,3}$",
                t[max(0, m.start() - 12) : m.start()],
            ):
                continue  # 「其中有一个是大专」: a part of the group, not everyone's level
            if scale == "position" and (
                POSITION_AS_BUSINESS_AFTER.match(t, m.end())
                or POSITION_AS_BUSINESS_BEFORE.search(t[_phrase_start(t, m.start()) : m.start()])
            ):
                continue  # 「给银行做客服热线」「客服外包」: a business done for clients, no person's position
            quoted = _quoted(t, m.start()) or t[m.end() : m.end() + 3].startswith(("以上", "及以上"))
            negated = bool(NEGATION.search(t[_phrase_start(t, m.start()) : m.start()]))
            found.append((m.start(), m.end(), str(w), quoted or negated))
    if not found:
        return None
    own = [f for f in found if not f[3]]
    level = {str(w).lower(): i for i, lv in enumerate(scales()[scale]) for w in lv}
    if not own and len({level.get(f[2].lower(), f[2]) for f in found}) > 1:
        return None  # 「实习生大专以上…另有2个本科以上的项目经理」: levels said of different groups, none is everyone's
    return (own or found)[0][2]


def _span(fig, spec: dict, t: str = "") -> Optional[Span]:
    if fig.value is None or fig.bound in APPROXIMATE or fig.value < 0:
        return None
    if (spec.get("rough_before") and spec["rough_before"].search(t[max(0, fig.start - 6) : fig.start])) or (
        spec.get("rough_after") and spec["rough_after"].match(t, fig.end)
    ):
        return None  # 「差不多500万」「500万上下」: a rough figure, as 「500万左右」, states no exact value
    value = Decimal(fig.value)
    before = t[max(0, fig.start - 5) : fig.start]
    want = spec["figure"]
    if want == "duration_years" and fig.kind == "duration_months":
        value = value / 12
    elif want == "duration_months" and fig.kind == "duration_years":
        value = value * 12
    if ASKED_BEFORE.search(before):
        return None
    if BELOW_BEFORE.search(before):
        return Span(hi=value, hi_open=True)
    if (
        fig.bound == "多"
        and fig.kind in ("duration_years", "duration_months")
        and fig.value >= 1
        and fig.value % 1 == 0
        and "半" not in fig.raw
    ):
        # 「两年多」「7个月多」: more than the number, short of the next one (两年多 is under 三年)
        return Span(lo=value, hi=value + value / Decimal(fig.value), lo_open=True, hi_open=True)
    if ABOVE_BEFORE.search(before) or ABOVE_AFTER.match(t, fig.end):
        return Span(lo=value, lo_open=True)
    if BELOW_AFTER.match(t, fig.end):
        return Span(hi=value, hi_open=True)
    if fig.bound in UPPER_BOUNDS:
        return Span(hi=value, hi_open=UPPER_BOUNDS[fig.bound])
    if fig.bound in LOWER_BOUNDS:
        return Span(lo=value, lo_open=LOWER_BOUNDS[fig.bound])
    return Span(value, value)


def _kind_fits(fig, spec: dict) -> bool:
    want = spec["figure"]
    if want in ("duration_years", "duration_months"):
        return fig.kind in ("duration_years", "duration_months")
    if want == "year":
        return fig.kind == "year" and fig.value is not None
    if want == "money":
        if spec.get("currency") == "USD":  # 「离岸奖励200万」 is yuan: dollars must be said
            return fig.kind == "money" and fig.currency == "USD"
        return fig.kind == "money" and fig.currency in (None, spec.get("currency"))
    if want == "count" and spec.get("measure_words") and fig.unit and not spec["measure_words"].fullmatch(fig.unit):
        return False  # 「跟三所高校签了协议」: 三所 counts universities, not interns
    return fig.kind == want


def _numbers(specs: Dict[str, dict], t: str) -> dict:
    """Each numeric fact's figure: cue-figure pairs assigned nearest first, one figure each."""
    more = _more_than(t)
    from bot.understand.durations import joined

    # 「1年3个月」: one length of time, not 1 year and 3 months apart
    plain = [f for f in joined(parse_figures(t), t) if not any(m.start <= f.start < m.end for m in more)]
    figs = [
        f
        for f in plain + more
        if not _quoted(t, f.start, f.bound)
        and not (f.kind == "duration_years" and PER_YEAR.match(t[f.start : f.end + 3]))
        and not names_threshold(t, f)  # 「够不够那个100万美元的门槛」: the policy's threshold, not the user's figure
    ]
    quoted = [f for f in plain + more if f not in figs]
    pairs = []
    out, used = {}, set()
    earlier = _earlier_figures(t, figs)
    from bot.understand.segment import LATIN_WORD, is_english

    reach = ENGLISH_REACH if is_english(t) else REACH  # English says more words between a cue and its figure
    for name, spec in specs.items():
        if spec["kind"] != "number":
            continue
        if (spec.get("context") and not spec["context"].search(t)) or (
            spec.get("not_context") and spec["not_context"].search(t)
        ):
            continue

        for cue in spec["cue"].finditer(t):
            phrase = _phrase_start(t, cue.start())
            # 「离岸奖励要求超过100万美元，我们今年正好100万美元」: the cue of a quoted requirement names the figure of
            # the user's own in the next phrase too
            quotes = any(_kind_fits(q, spec) and _phrase_start(t, q.start) == phrase for q in quoted) or (
                _asked_topic(specs, t, cue.start())
            )
            for i, f in enumerate(figs):
                at = _phrase_start(t, f.start)
                if not _kind_fits(f, spec) or (at != phrase and not (quotes and at == _next_phrase(t, phrase))):
                    continue
                if spec.get("this_year") and f.start in earlier:
                    continue  # 「去年和今年离岸分别是80万美元、150万美元」: 80万 is last year's, not this year's
                if f.kind == "count" and f.value == 1 and shapes.pattern("per_head_asked").match(t, f.end):
                    continue  # 「实习生一个人补多少」: the unit of the rate asked, no headcount
                if spec.get("not_followed_by") and spec["not_followed_by"].match(t, f.end):
                    continue  # 「接了18个实习生 有15个应届生」: 15 counts the graduates, not the interns
                if spec.get("not_preceded_by") and spec["not_preceded_by"].search(t[max(0, f.start - 8) : f.start]):
                    continue  # 「合格的还是15个」
                if spec["figure"] == "year":
                    gap = 0 if abs(f.start - cue.start()) <= 16 else 99  # 「2019年比2018年」: the later year
                elif at != phrase:
                    # the quoted cue's next phrase: after any figure of the cue's own phrase (spaces opening it not counted)
                    gap = 8 + len(t[at : f.start].lstrip())
                elif f.start >= cue.start() and f.end <= cue.end():
                    gap = 0
                elif f.start >= cue.end():
                    gap = f.start - cue.end()
                else:
                    gap = 2 * (cue.start() - f.end) + 6  # a figure after its cue is the usual order
                between = t[min(cue.end(), f.end) : max(cue.start(), f.start)]
                # English words between a cue and its figure (「离岸 奖励 说… we did exactly 1,000,000 美元」, a part of a
                # message read through the glossary) are English's many words too
                far = ENGLISH_REACH if len(LATIN_WORD.findall(between)) >= 2 else reach
                if at != phrase:
                    far += 8  # the next phrase's figure ranks after the cue's own, reaching as far into its phrase
                if gap < 0 or gap > far:
                    continue
                # 「2019年执行额600万 2020年一千万」: of the years as near their cue, the latest is the business year
                # (the one estimated, against the year before it), whatever order they are told in
                later = -f.value if spec["figure"] == "year" and f.value is not None else 0
                pairs.append((gap, name, later, i))
    for gap, name, _, i in sorted(pairs):
        if name in out or i in used:
            continue
        span = _span(figs[i], specs[name], t)
        if span is not None:
            out[name] = span
            used.add(i)
    out.update(_short(specs, t, out))  # 「社保没交满」: below the requirement (never 「没交」's 0)
    for name, spec in specs.items():  # 「没有离岸业务」: 0, unless a figure says otherwise
        if (
            spec["kind"] == "number"
            and name not in out
            and any(m for p in spec["zero"] for m in p.finditer(t) if not _earlier_year(spec, t, m.start()))
            and not (
                (spec.get("context") and not spec["context"].search(t))
                or (spec.get("not_context") and spec["not_context"].search(t))
            )
        ):
            out[name] = Span(Decimal(0), Decimal(0))
    out.update(_elsewhere(specs, t, out))
    return out


def _elsewhere(specs: Dict[str, dict], t: str, read: dict) -> dict:
    """「有个学员考核过了 但最后去了一家餐馆当店长 签了三年合同」: the one person asked about works for an employer
    outside service outsourcing (facts.yml `elsewhere`), so the contract of whatever length is none with a 服务外包企业:
    0. Only of one person: a group's parts that went elsewhere are the subgroup readers' (bot/understand/subgroups)."""
    out = {}
    for name, spec in specs.items():
        one, employers = spec.get("elsewhere_one"), spec.get("elsewhere") or []
        if name in read and one is not None and one.search(t) and any(p.search(t) for p in employers):
            out[name] = Span(Decimal(0), Decimal(0))
    return out


def _short(specs: Dict[str, dict], t: str, read: dict) -> dict:
    """「社保没交满」「实习期还不够」: a number fact said to fall short of its clause's requirement with no figure of its
    own is below that requirement (facts.yml `short`: the figures.yml key it falls short of), unless a figure says more."""
    from knowledge.figures import figure

    out = {}
    for name, spec in specs.items():
        if spec["kind"] != "number" or name in read or not spec["short"]:
            continue
        if any(p.search(t) for p in spec["short"]):
            code, key = spec["short_of"].split("/")
            out[name] = Span(hi=Decimal(str(figure(code, key))), hi_open=True)
    return out


def _asked_topic(specs: Dict[str, dict], t: str, pos: int) -> bool:
    """Whether the cue at `pos` is the topic of a phrase asking what figure the policy requires: the first numeric cue
    of that phrase (「社保是要求实习生连续交多久？」 asks of 社保, not of 实习)."""
    phrase = _phrase(t, pos)
    if not ASKS_FIGURE.search(phrase):
        return False
    start = _phrase_start(t, pos)
    cues = [
        m.start()
        for spec in specs.values()
        if spec["kind"] == "number" and spec.get("cue")
        for m in spec["cue"].finditer(t, start, start + len(phrase))
    ]
    return bool(cues) and min(cues) == pos


def _earlier_figures(t: str, figs) -> set:
    """Starts of the money figures said of an earlier year when the message gives this year's too (a 分别 pair, or
    去年/今年 before them in their sentence), read by the estimate's one reader of lists and pairs
    (bot/estimate/lists.py); a message about last year alone (「去年离岸做了80万美元 离岸奖励够格吗」) speaks of the year
    it asks about, so nothing is set apart."""
    from bot.estimate.lists import year_roles

    roles = year_roles(t, figs)
    if "current" not in roles.values() and not _compares_years(t):
        return set()
    return {start for start, role in roles.items() if role == "previous"}


def _compares_years(t: str) -> bool:
    """「那增量奖励呢 去年离岸是90万美元」: a message about 三（一） (this year against the last) speaks of last year as
    the year compared with, so a figure said of last year is never this year's."""
    from bot.estimate.items import detect_items

    return "3.1" in detect_items(t)


EARLIER_YEAR = re.compile(r"(去年|上年|上一年|前年|往年|以前|之前)[^，,。；;]{0,3}$")


def _earlier_year(spec: dict, t: str, pos: int) -> bool:
    """For a fact about this year (facts.yml `this_year`), a statement about an earlier year
    (「去年没有离岸」) says nothing of it."""
    if not spec.get("this_year"):
        return False
    from bot.estimate.year_label import earlier_label

    # 「去年的：境内2000万 没离岸」: a year heading speaks of that year up to the next year word
    return EARLIER_YEAR.search(t[max(0, pos - 6) : pos]) is not None or earlier_label(t, pos)


def _more_than(t: str) -> list:
    """Figures the figure reader skips as approximate: 「二十多个」 is a count above 20."""
    from calculator.figures_zh import Figure, parse_number

    out = []
    for m in MORE_THAN.finditer(t):
        unit = m.group(6) or ""
        if m.group(1) == "半年":
            value, kind = Decimal(6), "duration_months"
        else:
            value = parse_number(m.group(4))
            kind = {"个月": "duration_months", "年": "duration_years"}.get(unit, "count")
        if value is not None:
            out.append(Figure(kind, Decimal(value), None, unit, m.start(), m.end(), m.group(0), "多"))
    return out


def _series(t: str, cue) -> Optional[bool]:
    """Growth read from yearly amounts (「2021年300万，2022年280万，2023年350万」; 「去年3200万…今年2800万」).

    None unless the message names the cue and gives at least two years' amounts in one currency.
    The last step decides a one-year question; the caller asks for the steps it needs.
    """
    from datetime import date

    if not cue.search(t):
        return None
    figs = parse_figures(t, today_year=date.today().year)
    short = _short_years(figs)
    points, year = [], None
    for f in figs:
        if f.kind == "year" and f.value is not None:
            year = (int(f.value), f.end)
        elif id(f) in short:
            year = (2000 + int(f.value), f.end)
        elif f.kind == "money" and year and 0 <= f.start - year[1] <= 12:
            points.append((year[0], f.currency, Decimal(f.value)))
            year = None
    if len(points) < 2 or len({c for _, c, _ in points}) > 1 or len({y for y, _, _ in points}) < len(points):
        return None
    currency = points[0][1]
    if any(f.kind == "money" and f.currency and f.currency != currency for f in figs):
        return None  # 「在岸800万；今年在岸800万，离岸160万美元」: amounts in another currency add to a year's total
    values = [v for _, _, v in sorted(points)]
    return values


def _short_years(figs) -> set:
    """ids of two-digit years read as durations (「21年300w 22年420w 23年510w」): two or more consecutive ones, each
    followed at once by an amount."""
    runs = [
        f
        for f, g in zip(figs, figs[1:])
        if f.kind == "duration_years"
        and f.value is not None
        and 10 <= f.value <= 99
        and int(f.value) == f.value
        and g.kind == "money"
        and 0 <= g.start - f.end <= 1
    ]
    values = sorted(int(f.value) for f in runs)
    if len(runs) < 2 or values != list(range(values[0], values[0] + len(values))):
        return set()
    return {id(f) for f in runs}


def _each_year(cue, t: str) -> Optional[bool]:
    """「22和23年都拿了新软著」: two years named together with 都, in the phrase where the cue stands."""
    from bot.estimate.reading import each_of_two_years

    m = cue.search(t)
    if not m:
        return None
    start = max(t.rfind(c, 0, m.start()) for c in "，。；,;！!？?\n") + 1
    end = re.search(r"[，。；,;！!？?\n]|$", t[m.end() :])
    return each_of_two_years(t[start : m.end() + end.start()])


def _derived(name: str, spec: dict, t: str) -> Optional[bool]:
    values = _series(t, spec["series_cue"]) if spec.get("series_cue") else None
    if not values:
        return None
    steps = [b > a for a, b in zip(values, values[1:])]
    if name == "innovation_rd_growth_two_years":
        if not all(steps[-2:]):
            return False
        return True if len(steps) >= 2 else None
    return steps[-1]


# the readers that read a part's words again with read_facts, each guarding itself with a flag while it reads: a
# part's facts depend on which of them are reading, so a reading is remembered per (text, flags) and only for the
# length of the outermost read (one message's parts are read dozens of times: 259 reads of 37 texts for one batch)
REENTRY_FLAGS = (
    "bot.understand.batches._busy",
    "bot.understand.condition_groups._busy",
    "bot.understand.ledger_rows._busy",
    "bot.understand.narrowing._busy",
    "bot.understand.people_chain._busy",
    "bot.understand.subgroups._reading",
    "bot.understand.vague_parts._busy",
)
_outer_memo: list = []


def _reentry_state() -> tuple:
    import importlib

    out = []
    for path in REENTRY_FLAGS:
        module, name = path.rsplit(".", 1)
        out.append(bool(getattr(importlib.import_module(module), name)[0]))
    return tuple(out)


def read_facts(text: str) -> dict:
    """Every fact the message states: {fact: bool | str | Span}."""
    if not _outer_memo:
        _outer_memo.append({})
        try:
            return _read_facts(text)
        finally:
            _outer_memo.pop()
    key = (text, _reentry_state())
    memo = _outer_memo[-1]
    if key not in memo:
        memo[key] = _read_facts(text)
    return dict(memo[key])


def _read_facts(text: str) -> dict:
    from bot.answers.eligibility import facts_from

    from bot.understand.retractions import closed_up
    from bot.understand.subgroups import without_parts

    # 「…不对不对，…在郑州纳税」: the later statement wins, next to the words that name it (「离岸执行额 是102万美元」);
    # 「技先」 is read as the name the patterns are written with; 「not 学历教育」: 不是学历教育
    whole = closed_up(expand_short_forms(chinese_negations(normalize(text or ""))))
    t = without_parts(whole)  # 「不过里面有8个是高中学历」: a part's facts are not the group's
    specs = fact_specs()
    # 「3个人参加培训」 counts people: it says nothing about being an individual (个人)
    out = dict(facts_from(PEOPLE_COUNT.sub(lambda m: m.group(1) + "名员工", t)))
    for name, spec in specs.items():
        kind = spec["kind"]
        value = None
        if kind != "number" and (
            (spec.get("context") and not spec["context"].search(t))
            or (spec.get("not_context") and spec["not_context"].search(t))
        ):
            continue
        if kind == "bool":
            value = _derived(name, spec, t) if spec.get("series_cue") else None
            if value is None and spec.get("year_history"):
                # 「21年23年啥也没有，22年拿了2个软著，24年…」: each year's own phrase, before the message's words at large
                value = year_history.consecutive(t, spec)
            if value is None:
                value = bool_fact(spec, t)
            if value is None and spec.get("granted_year"):
                value = granted_year.old_grant(spec, t)  # 「我们技术先进型是2016年拿的」: an old grant
            if value is None and spec.get("each_year_cue"):
                value = _each_year(spec["each_year_cue"], t)
        elif kind == "enum":
            value = _enum(spec, t)
        elif kind == "rank":  # 「其中有20个大专 10个中专」: groups at several levels state no one level
            value = None if mixed_levels(whole, spec["scale"]) else _rank(spec, t)
            if value is not None and whole != t and _rank(spec, whole) is None:
                value = None  # 「学员大专以上… 另外有2个本科以上的项目经理」: each group its own level, none everyone's
        if value is not None:
            out[name] = value
    out.update(_numbers(specs, t))
    if "rent_years_in_park" not in out:
        out.update(_entry_year_in_park(t))
    out.update(scoped(t, out))  # 「应届生10个（大专以上…）」: the interns' 学历, not the project managers'
    for key, value in _segment_scoped(t, specs).items():
        out.pop(key.split("@")[0] + "@*", None)  # said of one item's people, never everyone's
        out[key] = value
    if out.get("fair_designated") is False:
        _fairs_left_out(t, out)
    return out


def _entry_year_in_park(t: str) -> dict:
    """「我们2018年就进了市级重点园区」「入驻时间是2019年」: the years in the park counted from the entry year to the year
    asked for (said, else this year), as the estimate counts them (bot/estimate/rent_years.py); a difference of
    exactly the clause's years is left unknown (the month decides it), a future year says nothing."""
    from calculator.policy import fig as policy_figure

    from bot.estimate import rent_years

    found = rent_years.entry_year(t)
    if not found:
        return {}
    years, _ = rent_years.years_since(found[0], t)
    if years < 0 or years == policy_figure("3.8.3", "years_in_park"):
        return {}
    return {"rent_years_in_park": Span(Decimal(years), Decimal(years))}


def _fairs_left_out(t: str, out: dict) -> None:
    """「指定的境内展会三场…另外还去了一个行业协会自己办的交流会 花了3万 那个不是商务部门指定的」: one fair singled out as
    not designated, by its own phrase, beside others is that fair's fact (it is left out of the estimate,
    bot/estimate/fair_designation.py); the message's fact is the rest's (True, or unsaid)."""
    from bot.estimate.fair_designation import message_verdict

    singled, rest = message_verdict(t)
    if not singled:
        return
    if rest is True:
        out["fair_designated"] = True
    else:
        out.pop("fair_designated", None)


def _segment_scoped(t: str, specs: dict) -> dict:
    """「1 …实习生…应届毕业生16名（大专以上…）；2 派了25个项目经理参加…培训」: a message naming several items' people
    whose 学历 is said in a sentence naming one item's people only: that level is that item's (education_level@3.7.4 =
    大专), never the others'. Nothing when a sentence naming no one item states a level too (then it is everyone's)."""
    from bot.understand.scoped_facts import ALL, person_scopes, item_of

    names, _ = person_scopes()
    if item_of(t) != ALL:
        return {}
    out: dict = {}
    for name in names:
        spec = specs.get(name)
        if not spec or spec.get("kind") != "rank":
            continue
        own: dict = {}
        for segment in re.split(r"[。；;！!？?\n]", t):
            value = _rank(spec, segment)
            if value is None:
                continue
            item = item_of(segment)
            if item == ALL or item in own:
                own = {}
                break
            own[item] = value
        out.update({f"{name}@{item}": value for item, value in own.items()})
    return out


@lru_cache(maxsize=8192)
def _read_cached(text: str) -> tuple:
    return tuple(read_facts(text).items())


def read_facts_cached(text: str) -> dict:
    """read_facts, remembered per text (a conversation's earlier messages are read again each turn)."""
    return dict(_read_cached(text or ""))


def glossary_facts(text: str, said: Optional[dict] = None) -> dict:
    """The yes/no and kind facts a message with English or pinyin words states once synonyms.yml's glossary and
    pinyin put them in the policy's Chinese (「we are registered in 郑州」 → 注册在郑州; 「status expired … we got
    re-certified」 → 到期 … 重新认定: not 新获得) that its own words did not state (`said`); {} for a message
    without such words. Figures are read from the message's own words only."""
    from bot.nlu.normalize import glossary_words, understand

    if not glossary_words(text or ""):
        return {}
    read = read_facts_cached(understand(text))
    said = said or {}
    return {k: v for k, v in read.items() if isinstance(v, (bool, str)) and k not in said}


def message_facts(text: str) -> dict:
    """Every fact a message states: its own words (read_facts), then what its English or pinyin words state."""
    from bot.estimate.several_parks import focus
    from bot.understand.other_company import without_other_company

    text = without_other_company(
        text or ""
    )  # 「兄弟公司…跟我们不是一个法人」: that company's facts, not the applicant's
    focused, left_out = focus(normalize(text or ""))
    if left_out:  # 「A园…市级…；B园是区级的」: B's level is B's alone, the parks that remain are judged
        text = focused
    said = read_facts_cached(text)
    said.update(glossary_facts(text, said))
    return _of_the_whole(text, _negated_in_english(text, _claimed_of_the_whole(text, said)))


def _claimed_of_the_whole(text: str, said: dict) -> dict:
    """`said` without claimed_elsewhere when the message says it of one fair or certificate among several (「第二场迪拜的
    一共10万，但迪拜这场已经用市里另一个会展政策拿过补贴了」): that one is left out of the estimate (第四条第（三）项), the
    others are still the applicant's to claim, so no verdict on the whole message."""
    if said.get("claimed_elsewhere") is not True:
        return said
    from bot.estimate import cert_elsewhere, fair_elsewhere

    if fair_elsewhere.partly(text) or cert_elsewhere.partly(text):
        return {k: v for k, v in said.items() if k != "claimed_elsewhere"}
    return said


def _of_the_whole(text: str, said: dict) -> dict:
    """`said` without the yes/no facts that the glossary's reading puts in a part of a group (「3 project managers …
    one of them is also doing an MBA」 → 其中一个 … mba): that person's fact, not everyone's (bot/understand/subgroups.py)."""
    from bot.nlu.normalize import glossary_words, understand
    from bot.understand.subgroups import parts

    if not glossary_words(text or ""):
        return said
    read = understand(text)
    if not parts(normalize(read)):
        return said
    whole = read_facts_cached(read)
    return {k: v for k, v in said.items() if not (isinstance(v, bool) and k not in whole)}


def _negated_in_english(text: str, said: dict) -> dict:
    """`said` with the yes/no facts its own words hold that the glossary's reading negates (「training not counting the
    MBA」 → 培训不包括 the mba: no 学历教育): the English negation is part of the statement."""
    from bot.nlu.normalize import glossary_words, understand

    if not glossary_words(text or ""):
        return said
    read = read_facts_cached(understand(text))
    return {k: (False if v is True and read.get(k) is False else v) for k, v in said.items()}


def to_json(facts: dict) -> dict:
    """Facts as JSON-able values (spans as dicts), for a Rasa slot."""
    return {
        k: (v.to_json() if isinstance(v, Span) else str(v) if isinstance(v, Decimal) else v) for k, v in facts.items()
    }


def from_json(facts: Optional[dict]) -> dict:
    """The inverse of to_json."""
    out = {}
    for k, v in (facts or {}).items():
        if isinstance(v, dict) and "lo" in v:
            out[k] = Span.of(v)
        else:
            out[k] = v
    return out


def merge(old: Optional[dict], new: dict) -> dict:
    """Facts of the conversation so far, updated by a new message (the newer statement wins)."""
    out = dict(old or {})
    out.update(new)
    return out
