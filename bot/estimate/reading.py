"""The words and shapes every part of the estimate reader shares: what a place, a per-event or total
word, a fair, a certificate is called; a figure as people say it; what to ask when a figure's
role is unclear (Clarification). Plain Python, no reading of its own: understand.py reads the
business amounts, rates and yes/no items, each clause module (bot/estimate/clauses/) its own figures.
"""

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Optional, Dict, List

import yaml

SEGMENT = re.compile(r"[，,。；;！!？?\n]+")
WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "estimate_words.yml"


@lru_cache(maxsize=1)
def estimate_words() -> dict:
    """knowledge/data/estimate_words.yml: places (境内/境外), what fair costs are called, year words …"""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


def _years(which: str) -> str:
    words = sorted(estimate_words()["years"][which], key=len, reverse=True)
    return "|".join(re.escape(str(w)) for w in words)


YEAR_PREV = _years("previous")  # 去年|上年|之前那年 …
YEAR_CUR = _years("current")  # 今年|本年 …
OFFSHORE = r"离岸|境外业务|国际业务|国际服务外包|境外的?执行|国外的?执行|境外合同|对外|境外|国外|海外"
ONSHORE = r"在岸|境内业务|国内业务|境内的?执行|国内的?执行|境内合同|国内合同|境内|国内"
NONE_WORDS = r"没有|没|无|未|不涉及|零"
# amounts that are not the contract execution amount the policy counts (营收, 合同额 …)
OTHER_AMOUNT_WORDS = r"营收|收入|流水|销售额|营业额|合同额"
# the business amounts of 三（一）/三（二）, both years
BUSINESS_KEYS = ("onshore_cny", "offshore_usd", "previous_onshore_cny", "previous_offshore_usd")
PER_WORDS = r"每场|每次|每个|每项|每人|人均|平均每|各|分别|单场|一场"
TOTAL_WORDS = r"合计|总共|一共|共计|总计|共花|总费用|加起来|全部|总额|合起来|加一块|加一起|加在一起|一起花了|算下来一共"
FAIR_WORDS = (
    r"展会|参展|展位|布展|博览会|交易会|广交会|服贸会|进博会|展览|招商|经贸交流|活动|"
    r"(?<![发拓进扩施])展(?![示开望现期])"
)
CERT_NAME = re.compile(
    r"(cmmi\s*(?:(?:level|lv|ml|l)\s*)?(?:[1-5](?![\d.万千wWkK]))?(级)?|itss\s*(?:[一二三四1-4](?![\d.万千wWkK]))?(级)?|"
    r"pcmm\s*(?:[1-5](?![\d.万千wWkK]))?(级)?|sas\s*70|ccrc|iso\s*\d{4,5}|"
    r"信息安全服务资质|能力成熟度|信息技术服务标准)"
)
RATE_HINT = r"汇率|中间价|兑"
# words that give a money figure to an item other than fairs (a fair's cost never follows them)
OTHER_ITEM_WORDS = (
    r"认证|资质|cmmi|itss|pcmm|ccrc|维护费|培训|项目经理|人才|平台|租金|房租|租赁|离岸|在岸|执行额|"
    r"合同额|营收|业务额|实习|外资|外商投资|硬件|软件"
)
FAIR_SEPARATOR = (
    r"另外?一[场个次]|还有一[场个次]|一[场个次](?=在|是|去|花|用|费|大概|约|共|\d|[一二两三四五六七八九十])|"
    r"(?<![第\d])一个(?!月|人)|第[一二三四五六七八九十\d]+[场个]"
)


@lru_cache(maxsize=1)
def _spelled_pattern():
    w = estimate_words()["english_numbers"]
    word = "|".join(sorted(list(w["units"]) + [w["hundred"], w["point"], "and"], key=len, reverse=True))
    after = "|".join(re.escape(x) for x in sorted(w["followed_by"], key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])((?:{word})(?:[\s-]+(?:{word}))*)(?=\s*(?:{after})(?![A-Za-z]))", re.I)


def _spelled_value(words: str) -> Optional[str]:
    """「nine point five」 → "9.5", 「one hundred twenty」 → "120"; None when the words are no number."""
    w = estimate_words()["english_numbers"]
    total, current, decimals, after_point = 0, 0, "", False
    for token in re.split(r"[\s-]+", words.lower().strip()):
        if token == "and":
            continue
        if token == w["point"]:
            if after_point:
                return None
            after_point = True
        elif token == w["hundred"] and not after_point:
            current = (current or 1) * 100
        elif token in w["units"]:
            value = int(w["units"][token])
            if after_point:
                if value > 9:
                    return None
                decimals += str(value)
            else:
                current += value
        else:
            return None
    if after_point and not decimals:
        return None
    if not any(t in w["units"] for t in re.split(r"[\s-]+", words.lower().strip())):
        return None  # 「and USD」: no number word at all
    whole = total + current
    return f"{whole}.{decimals}" if decimals else str(whole)


def spelled_numbers(text: str) -> str:
    """「twelve million yuan」 → 「12 million yuan」: English number words before a scale or currency, as digits."""
    if not re.search(r"[A-Za-z]{3,}", text):
        return text

    def digits(m):
        value = _spelled_value(m.group(1))
        return value if value is not None else m.group(0)

    return _spelled_pattern().sub(digits, text)


def english_to_chinese(text: str) -> str:
    """English words of an estimate message in the Chinese the reader knows (estimate_words.yml), and the policy's
    words typed in pinyin in 汉字 (synonyms.yml: 「zhan wei fei 6w」 → 展位费6w)."""
    from bot.nlu.normalize import pinyin_to_hanzi
    from bot.understand.english_negations import chinese_negations

    text = fiscal_years(pinyin_to_hanzi(text))
    if not re.search(r"[A-Za-z]{3,}", text):
        return text
    # 「…licensed software). Also onshore growth…」: an English full stop ends a sentence, as 。 does (never a decimal
    # point, nor the dot of an abbreviation: vs. approx. e.g.)
    text = ENGLISH_STOP.sub("。", text)
    # 「not 学历教育」「excluding 学历教育」: 不是学历教育、不包括学历教育
    text = chinese_negations(spelled_numbers(text))
    if DOLLAR_WORDS.search(text):  # normalised text is lower case: 「1.6M USD」 came as 「1.6m usd」
        text = MILLION_M.sub(lambda m: f"{m.group(1)} million", text)
    # 「¥4.2M」「RMB 1.3m」「2.5m yuan」: a million
    text = CURRENCY_M.sub(lambda m: f"{m.group(1) or m.group(2)} million", text)
    text = _counted_events().sub(lambda m: f"{_count_digits(m.group(1))}场{m.group(2) or ''}展会", text)  # 「3 fairs」
    # 「actually 2,450万, not 2,350万」: 是2450万不是2350万, as a correction says it
    text = NOT_THE_FIGURE.sub("不是", text)
    glossary = estimate_words().get("english") or {}
    pattern = _english_pattern()
    text = YEAR_COPULA.sub(lambda m: f"{m.group(1)}年", text)  # 「revenue 2024 is 2.3m usd」: 2024 is a year, no amount
    text = POSTPOSED_YEAR.sub(lambda m: f"{m.group(2)} year {m.group(1)}", text)
    text = POSTPOSED_YEAR_NUMBER.sub(lambda m: f"{m.group(2)}年 {m.group(1)}", text)
    text = AMOUNT_CAP.sub(lambda m: f"{m.group(1)}上限", text)  # 「hit the 5m cap」: 500万上限, the policy's figure
    text = GROWTH_PAIR.sub(lambda m: f"{m.group(1)} this year {m.group(2)} vs last year {m.group(3)}", text)
    text = pattern.sub(lambda m: glossary[m.group(0).lower()], text)
    text = _cost_first().sub(lambda m: f"{m.group(2)}{m.group(1)}", text)  # 「RMB 2m on 设备」: 设备RMB 2m
    # 「rate for 2023 is 7.0467」: 2023年汇率7.0467
    text = RATE_FOR_YEAR.sub(lambda m: f"{m.group(2)}年{m.group(1)}", text)
    text = DOLLARS_AT.sub(lambda m: f"{m.group(1)} 汇率", text)  # 「5 million usd at 7.1」: 汇率7.1
    text = RESPECTIVE_RATES.sub(
        lambda m: f"汇率分别{m.group(1)}和{m.group(2)}", text
    )  # 「rates 7.1 and 6.9 respectively」
    return RATE_COPULA.sub("", text)  # 「今年汇率 is 7.1」: 今年汇率7.1


@lru_cache(maxsize=1)
def _cost_first():
    """「spent RMB 0.4m on office rent」 (glossary: 房租): a cost named after its figure with on/for, named first as
    Chinese does; only the cost words of fairs and platforms (estimate_words.yml, conditions.yml not_listed)."""
    from knowledge import conditions

    w = estimate_words()
    words = [*w["platforms"]["parts"], *w["fair_costs"]["eligible"], *w["fair_costs"]["not_covered"]]
    words += [x for code in ("3.5", "3.9") for x in conditions.spec(code).get("not_listed", [])]
    words += ["正版软件", "信息化硬件设备", "配套设施", "人员工资", "人员费用"]
    cost = alternation([x for x in words if re.search(r"[\u4e00-\u9fff]", x)])
    money = r"(?:usd|us\$|\$|rmb|cny|¥|￥)?\s*\d[\d.,]*\s*(?:million|mn|k|thousand|万|元|yuan|rmb|usd)?"
    return re.compile(rf"({money})\s+(?:on|for|in)\s+(?:the\s+|our\s+)?((?:{cost})+)", re.I)


# an English copula left between a rate word and its figure (「the rate for this year is 7.1」 → 今年汇率7.1)
# and the fillers English puts there (「rate: pls use 7.1」「the rate is actually 7.05」 → 汇率7.1, 汇率7.05)
RATE_COPULA = re.compile(
    r"(?<=汇率|间价)\s*(?:[:：=]\s*)?(?:(?:pls|plz|please|actually|really|just|then|now|instead)\s+)*"
    r"(?:is|was|were|are|would be|will be|of|at|=|:|use|用)?\s*(?:(?:actually|really|just)\s+)?(?=\d)",
    re.I,
)
# 「rates 7.1 and 6.9 respectively」 (rates already 汇率): 汇率分别7.1和6.9, each rate in the order the years were named
RESPECTIVE_RATES = re.compile(
    r"汇率\s*(?:is|are|were|was)?\s*([0-9]{1,2}\.[0-9]{1,4})\s*(?:和|and|,|、|&)\s*([0-9]{1,2}\.[0-9]{1,4})"
    r"\s*[,，]?\s*respectively\b",
    re.I,
)
# 「offshore 5 million usd at 7.1」「usd 1.2m @ 6.9」「$1.2M at 7.1」: a dollar figure 「at」 a plain number of the dollar's
# range (no magnitude, no currency after it) is at that rate
DOLLARS_AT = re.compile(
    r"((?:usd|us\$|\$|dollars?|美元|美金)(?:\s*[0-9][0-9.,]*\s*(?:million|mn|k|thousand|万)?)?)\s*(?:at|@)\s*(?:the\s+)?(?:rate\s+)?"
    r"(?=[0-9]{1,2}\.[0-9]{1,4}(?![%\d]|[.,]\d)(?!\s*(?:million|mn|m|k|万|亿|usd|rmb|元)))",
    re.I,
)


def both_kinds_total(text: str) -> str:
    """「合同执行额（在岸+离岸）约1800万」 → 「合同执行额合计约1800万」: words saying an amount holds onshore and offshore
    business together (estimate_words.yml both_kinds) make it the whole amount, not an offshore one."""
    words, rent = estimate_words().get("both_kinds") or [], estimate_words().get("both_kinds_for") or []
    if not words or not re.search("离岸|境外", text) or not re.search(alternation(rent), text):
        return text
    return re.sub(alternation(words), "合计", text)


@lru_cache(maxsize=1)
def _fiscal_patterns():
    w = estimate_words()["fiscal_year"]
    year = r"(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})"
    before = alternation(w["before"]).replace(r"\ ", r"\s+")
    return (
        re.compile(rf"(?<![A-Za-z])(?:{before})\s*['’]?\s*{year}(?![0-9]|\.[0-9])(?:\s*年度?)?", re.I),
        re.compile(rf"(?<![0-9.第个近满])(?<!0\.){year}\s*(?:{alternation(w['after'])})"),
    )


def fiscal_years(text: str) -> str:
    """「FY2023」「fiscal year 23」「2023财年」「23财年」「2023财务年度」「23年度」 → 「2023年度」: a fiscal year is that calendar
    year, read like 「2023年度」 (estimate_words.yml fiscal_year); a two-digit year only 15–35 (「满12年度」 stays)."""

    def calendar(m):
        y = m.group("y")
        if len(y) == 2 and not 15 <= int(y) <= 35:
            return m.group(0)
        return f"{'20' + y if len(y) == 2 else y}年度"

    for pattern in _fiscal_patterns():
        text = pattern.sub(calendar, text)
    return text


# 「offshore今年1.6m usd 去年0.9m」: a lower-case M after a small figure is million when dollars are spoken of (never
# 「1600m²」「1000m2」, an area)
DOLLAR_WORDS = re.compile(r"usd|us\$|美元|美金|dollars?|offshore|离岸", re.I)
# 「servers ¥4.2M」「RMB 1.3m」「0.8m yuan」: an M right after a figure with a currency sign or code beside it is a million
CURRENCY_M = re.compile(
    r"(?<![a-z])((?:¥|￥|rmb|cny|usd|us\$|\$)\s*\d{1,4}(?:\.\d+)?)\s*m(?![a-z²2³3\d平米])"
    r"|(?<![\d.,])(\d{1,4}(?:\.\d+)?)\s*m(?=\s*(?:yuan|rmb|cny|元|人民币)(?![a-z]))",
    re.I,
)
MILLION_M = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s*m(?![a-z²2³3\d平米])", re.I)

# 「…is actually 2,450万, not 2,350万」「2,450万 instead of 2,350万」: the figure replaced, as 「不是2350万」 names it
NOT_THE_FIGURE = re.compile(r"\s*[,，]?\s*\b(?:not|instead of|rather than)\s+(?=(?:usd|rmb|cny|us\$|\$|¥)?\s*\d)", re.I)

# an English full stop ending a sentence (never after a digit or an abbreviation)
ENGLISH_STOP = re.compile(
    r"(?<![0-9])(?<!\bvs)(?<!\bapprox)(?<!\be\.g)(?<!\bi\.e)(?<!\bno)(?<!\bcorp)(?<!\bco)(?<!\bltd)(?<!\binc)\.\s+(?=[a-z\u4e00-\u9fff])",
    re.I,
)

# 「3 overseas fairs」「two trade shows」: the count of events, as the reader counts them (3场)
COUNTED_EVENTS = (
    r"\s+((?:overseas|international|foreign|domestic)\s+)?(?:fairs|exhibitions|expos|trade\s+shows|shows|events)\b"
)


@lru_cache(maxsize=1)
def _counted_events():
    """「3 overseas fairs」「two domestic fairs」: a count of fairs, in digits or a spelled number (english_numbers)."""
    units = alternation(estimate_words()["english_numbers"]["units"])
    return re.compile(rf"(?<![\d.A-Za-z])(\d+|{units}){COUNTED_EVENTS}", re.I)


def _count_digits(said: str) -> str:
    return said if said.isdigit() else (_spelled_value(said) or said)


# 「USD 1.8 million last year」「6.95 last year」: English puts the year after the figure, Chinese before it; a figure
# never ends in its punctuation (「rate 6.9, this year rate 7.1」: 「this year」 belongs to 7.1, not to 6.9), and a year
# followed at once by a figure heads that figure (「offshore 2.5m usd last year 1.9m」: 1.9m is last year's)
POSTPOSED_YEAR = re.compile(
    r"((?:(?:usd|us\$|\$|rmb|cny|¥)\s*)?[0-9](?:[0-9.,]*[0-9])?\s*(?:billion|bn|million|mn|m|k|thousand|万|亿|w)?"
    r"(?:\s*(?:usd|rmb|cny|dollars?))?)"
    r"\s+(?:(?:for|in|of)\s+)?(?:the\s+)?(last|this|previous|current)\s+(?:year|yr)(?![a-z])"
    r"(?!\s*[:：]?\s*(?:(?:was|is|were)\s+)?(?:usd|us\$|\$|rmb|cny|¥)?\s*[0-9])",  # 「2.5m usd last year 1.9m」: a heading
    re.I,
)


# 「$3.5M in 2023, and $2.8M in 2022」「use 7.05 for 2023 and 6.73 for 2022」: a figure then in/for/during a four-digit
# year is that year's, put first as Chinese says it (2023年 $3.5 million, 2022年 6.73); never a year heading a figure
# after it (「in 2023 we did $3M」 has no figure before 「in」)
POSTPOSED_YEAR_NUMBER = re.compile(
    r"((?:(?:usd|us\$|\$|rmb|cny|¥)\s*)?[0-9](?:[0-9.,]*[0-9])?\s*(?:billion|bn|million|mn|m|k|thousand|万|亿|w)?"
    r"(?:\s*(?:usd|rmb|cny|dollars?|yuan))?)"
    r"\s+(?:in|for|during)\s+(?:the\s+)?(?:year\s+)?((?:19|20)[0-9]{2})(?:年度?)?(?![0-9.,]?[0-9])",
    re.I,
)
# 「avg 中间价 for 2023 is 7.0467」「rate in 2024: 7.12」: the rate of a year named after the rate word, as Chinese says it
# (2023年中间价7.0467); only a four-digit year 19xx/20xx
RATE_FOR_YEAR = re.compile(
    r"(汇率|中间价|rate)\s*(?:for|in|of)\s+((?:19|20)[0-9]{2})(?![0-9.,])\s*(?:年度?)?"
    r"\s*(?:is|was|=|:|：|of|at|would be)?\s*(?=[0-9])",
    re.I,
)
# 「onshore growth: 0.31bn vs 0.26bn RMB」: a growth said as two amounts 「vs」, no year named: this year's first, the
# previous year's second (as 「this year vs last year」 says it); nothing else, and never with a year word near
_AMOUNT_EN = r"(?:(?:usd|us\$|\$|rmb|cny|¥)\s*)?[0-9][0-9.,]*\s*(?:billion|bn|million|mn|m|k|thousand|万|亿|w)?(?:\s*(?:usd|rmb|cny|yuan))?"
GROWTH_PAIR = re.compile(
    rf"\b(growth|grew|increase|increased)\s*[:：]?\s*({_AMOUNT_EN})\s+(?:vs\.?|versus)\s+({_AMOUNT_EN})"
    r"(?!\s*(?:[0-9]|(?:for|in)?\s*(?:the\s+)?(?:this|last|previous|current)\s+y))",
    re.I,
)
# 「do they hit the 5m cap」「the 2 million limit」: a figure named as a cap is the policy's limit, no amount of theirs
AMOUNT_CAP = re.compile(rf"(?<![A-Za-z0-9.])({_AMOUNT_EN})\s*(?:-\s*)?(?:cap|ceiling|limit|maximum)(?![a-z])", re.I)
# 「offshore revenue 2024 is 2.3m usd」: a year (2010–2039) before an English copula names the year, never an amount
YEAR_COPULA = re.compile(r"(?<![0-9.,$¥￥])(20[1-3][0-9])(?=\s+(?:is|was|were|are|will be)\s)", re.I)


@lru_cache(maxsize=1)
def _english_pattern():
    words = sorted(estimate_words().get("english") or {}, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z])", re.I)


def alternation(words) -> str:
    """A regex alternation of words (escaped, longest first): the one used for every word list."""
    return _alternation_of(tuple(str(w) for w in words))


def plausible_rate(value) -> bool:
    """Whether a figure can be a dollar → yuan rate the user states (0.5–20); nothing outside it is taken as one."""
    return Decimal("0.5") <= Decimal(value) <= Decimal(20)


@lru_cache(maxsize=512)
def _alternation_of(words: tuple) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def next_year_supposed(text: str) -> Optional[bool]:
    """A what-if about next year: True when it says the figures it does not restate stay as they are
    (「在岸不变」「其他不变」), False when it does not, None when it is no next-year what-if."""
    w = estimate_words()["years"]
    t = (text or "").lower()
    if not is_what_if(t) or not re.search(alternation(w["next"]), t):
        return None
    return bool(re.search(alternation(w["unchanged"]), t))


def is_what_if(text: str) -> bool:
    """「那如果离岸是200万美元呢」「那200万美元呢」: a follow-up supposing another figure (estimate_words.yml)."""
    w = estimate_words()["what_if"]
    t = (text or "").strip().lower()
    if w.get("lead_ins"):  # 「好的 那如果明年呢」: the acknowledgement before it goes
        t = re.sub(rf"^(?:(?:{alternation(w['lead_ins'])})[\s，,。.!！~]*)+", "", t).strip()
    follow = alternation(w["follow_up"])
    when = alternation(estimate_words()["years"]["next"] + ["以后", "将来", "后面"])  # 「那明年如果…」
    if re.match(rf"^({follow})?\s*({when})?\s*({alternation(w['openers'])})", t) or re.search(
        alternation(w["anywhere"]), t
    ):
        return True
    if re.match(rf"^({follow})\s*({alternation(estimate_words()['years']['next'])})", t) and re.search(r"\d", t):
        return True  # 「那明年在岸1500万 离岸120万美元 汇率7.2」: next year's figures, supposed
    years = estimate_words()["years"]
    nxt = rf"^({follow})?\s*(?:{alternation(years['next'])})"
    if re.match(rf"{nxt}\s*(?:的话)?\s*(?:{alternation(w['endings'])}|的话)", t) or (
        re.match(nxt, t) and re.search(alternation(years["unchanged"]), t)
    ):
        return True  # 「那明年呢 明年入驻就满3年了…」「明年的话，租金面积不变…」: the year after the one estimated
    return bool(re.match(rf"^({follow})", t) and re.search(rf"({alternation(w['endings'])})\s*[?？。!！]*$", t))


@lru_cache(maxsize=1)
def word_patterns() -> dict:
    """Compiled alternations of estimate_words.yml: domestic, overseas, eligible, not_covered."""
    w = estimate_words()
    return {
        "domestic": re.compile(_fair_place(w["places"]["domestic"]), re.I),
        "overseas": re.compile(_fair_place(w["places"]["overseas"]), re.I),
        "eligible": re.compile(alternation(w["fair_costs"]["eligible"]), re.I),
        "not_covered": re.compile(alternation(w["fair_costs"]["not_covered"]), re.I),
    }


def _fair_place(places) -> str:
    """The places of a list where a fair may be held: not one said of the company (「郑州注册的」「税在郑州交」,
    estimate_words.yml places.company_place)."""
    c = estimate_words()["places"]["company_place"]
    before = "".join(f"(?<!{re.escape(b)})" for b in c["before"])
    between = alternation(c["between"])
    after = alternation(c["after"])  # 「吉隆坡注册费」: a fee, the fair's place all the same
    return rf"{before}(?:{alternation(places)})(?!(?:{between}){{0,2}}(?:{after})(?!费))"


@dataclass
class Clarification:
    """Something the user must settle before the arithmetic: what to ask and what it holds."""

    kind: str  # currency | per_or_total | region | business_kind | executed | part
    question: str
    data: dict = field(default_factory=dict)


@dataclass
class Reading:
    """What one message says: calculator fields, things to ask, assumptions to restate."""

    fields: Dict[str, object] = field(default_factory=dict)
    clarifications: List[Clarification] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    regions_none: List[str] = field(default_factory=list)
    vague: List[str] = field(default_factory=list)  # rough amounts said (「硬件设备投了「小两百万」」), no figures

    def empty(self) -> bool:
        return not (self.fields or self.clarifications or self.problems or self.regions_none)


NUMBER_AFTER_COST = r"[是为:：\s]*(?=[0-9０-９])"


def _number_before_rate_word(f, text: str) -> bool:
    """「离岸今年180 汇率7」: a number before the word 汇率 that cannot be a rate, while the rate follows the word, is
    some other figure of the message (an amount without its unit, asked about), not a rate of 180."""
    if f.kind != "rate" or plausible_rate(f.value) or not re.match(r"\s*(的)?(汇率|中间价)", text[f.end :]):
        return False
    return not re.search(r"(汇率|中间价)\s*(是|为|按|:|：)?\s*$", text[max(0, f.start - 6) : f.start])


def _pieces(f, text: str) -> bool:
    """「今年两块想申请」: a small count before 块 with no money word next to it names parts, not yuan
    (estimate_words.yml `pieces`); one beside a price per square metre's words is yuan (「每平每天2块」「2块一平」)."""
    p = estimate_words()["pieces"]
    if (
        f.kind != "money"
        or f.unit != p["unit"]
        or not re.fullmatch(rf"[一二两三四五六七八九十几1-9]{p['unit']}", f.raw or "")
    ):
        return False
    after, before = text[f.end : f.end + 1], text[max(0, f.start - 2) : f.start]
    if re.search(p["price_before"], text[max(0, f.start - 12) : f.start]) or re.match(p["price_after"], text[f.end :]):
        return False  # 「租金每平每天2块」「2块一平」: a rent's price per square metre
    return not (after and after in p["money_after"]) and not any(w in before for w in p["money_before"])


def figures(text: str) -> list:
    """The parser's figures of `text` (calculator.figures_zh), and a bare number right after a fair's cost word of
    estimate_words.yml (「宣传册2500」「交通800」) read as the money it is: the parser alone knows only some cost
    words, and a figure it drops would be neither used nor named."""
    from calculator.figures_zh import copies

    return copies(_figures(text))


@lru_cache(maxsize=2048)
def _figures(text: str) -> tuple:
    """figures() of a text, remembered: the readers of one turn ask for the same text's figures many times (the
    figures' copies are handed out: readers tell figures apart by identity)."""
    from calculator.figures_zh import parse_figures

    from bot.estimate import fair_names

    found = [f for f in parse_figures(text) if not _pieces(f, text) and not _number_before_rate_word(f, text)]
    found = _with_colloquial_counts(text, found)
    w = word_patterns()
    cost = re.compile(f"(?P<word>{w['eligible'].pattern}|{w['not_covered'].pattern}){NUMBER_AFTER_COST}", re.I)
    starts = {f.start for f in found if f.kind != "count"}  # 「宣传册1000 人员补助500」: 人 starts the next words
    cued = list(text)
    for m in re.finditer(estimate_words()["rent_price"]["bare_price"], text):  # 「每平每月40」: 40元 a square metre
        if m.end() not in starts and not re.match(r"[0-9０-９.,]*\s*[个人场次家项年%％]", text[m.end() :]):
            cued[m.end("word") - 1] = "费"
    for m in re.finditer(estimate_words()["rent_price"]["bare_price_before"], text):  # 「租金48一平一个月」
        if m.start() > 0 and m.start() not in starts and not re.match(r"[0-9０-９.,]", text[m.start() - 1]):
            cued[m.start() - 1] = "费"
        if text[m.end()] == "一":  # 「48一平」 is no numeral 48 and 一: the 一 of the square metre, read as 每
            cued[m.end()] = "每"
    for m in cost.finditer(text):
        word_end = m.end("word")
        things = re.match(
            r"[0-9０-９.,]*\s*[份本张册套页件盒箱]", text[m.end() :]
        )  # 「宣传册500本」: how many, not money
        if m.end() not in starts and not things and not re.match(r"[A-Za-z]", text[word_end - 1]):
            cued[word_end - 1] = "费"  # same length: every figure keeps its place
    for i in fair_names.bare_cost_cues(text):  # 「文博会8000」: the named fair's cost
        cued[i] = "费"
    if cued == list(text):
        return tuple(_without_unit_areas(found, text))
    again = _with_colloquial_counts(text, [f for f in parse_figures("".join(cued)) if not _pieces(f, text)])
    again = [f if text[f.start : f.end] == f.raw else replace(f, raw=text[f.start : f.end]) for f in again]
    return tuple(_without_unit_areas(again, text))


def _without_unit_areas(found: list, text: str) -> list:
    """The figures less the 「一平」 of a price per square metre (「60块一平一个月」: no area rented of 1 m²)."""
    from bot.estimate.rent_price import unit_areas

    units = unit_areas(found, text)
    return [f for f in found if id(f) not in units]


def _with_colloquial_counts(text: str, found: list) -> list:
    """`found` and the counts 仨/俩 say (bot/estimate/colloquial_counts.py), in order."""
    from bot.estimate.colloquial_counts import colloquial_counts

    extra = colloquial_counts(text, found)
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def wan(d: Decimal, unit: str = "元") -> str:
    """A figure as people say it: 150万美元, 8,000元."""
    from calculator.text import amount

    return amount(Decimal(d), unit)


def segment_of(spans, pos):
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return 0, 0


def region_mentions(text: str) -> list:
    """(start, end, region) of every 境内/境外 word or place in `text`, in order."""
    w = word_patterns()
    out = [(m.start(), m.end(), "domestic") for m in re.finditer(r"境内|国内|省内", text)]
    out += [(m.start(), m.end(), "overseas") for m in re.finditer(r"境外|国外|海外", text)]
    out += [(m.start(), m.end(), key) for key in ("domestic", "overseas") for m in w[key].finditer(text)]
    return sorted(out)


REGION_WORDS = {"domestic": "境内", "overseas": "境外"}


def each_cost_question(
    kind: str, count: int, total: Decimal, unit: str, what: str, region: Optional[str] = None
) -> Clarification:
    """A total over several events/people/platforms: each one's cost is asked, never averaged. The fairs'
    region said with the total (「3场境内展会…一共9.6万」) is kept with the question, not asked again."""
    return Clarification(
        "each_cost",
        f"{REGION_WORDS.get(region, '')}{count}{unit}{what}合计{wan(total)}。每{unit}的补贴单独计算、各有上限，不能按平均数估算；"
        f"请问每{unit}的费用分别是多少？（例如“{'、'.join(['X万'] * min(count, 3))}”）",
        {"kind": kind, "count": count, "total": str(total), **({"region": region} if region else {})},
    )


def each_of_two_years(part: str) -> Optional[bool]:
    """Whether `part` says something held in each of two years named together (estimate_words.yml every_year):
    True for two years next to each other (「22和23年都拿了新软著」「去年跟今年都涨了」) or a range of two years or
    more (「前年到今年都在涨」), False for two years listed apart (「21和23年都有」: not 连续), None when no two
    years are named with an `each` word after them."""
    words = estimate_words()["every_year"]
    # 「22年23年都…」: two years listed with no join word between them
    relative = {str(k): int(v) for k, v in words["relative"].items()}
    rel = "|".join(re.escape(w) for w in sorted(relative, key=len, reverse=True))
    # 「22年23年都…」「去年今年都…」: two years listed with no join word between them
    part = re.sub(rf"((?:20)?[0-9]{{2}}年|{rel})\s*(?=(?:20)?[0-9]{{2}}年|{rel})", r"\1和", part)
    joins, ranges = alternation(words["joins"]), alternation(words["ranges"])
    year = rf"(20[0-9]{{2}}|[0-9]{{2}}(?=年|\s*(?:{joins}|{ranges})\s*[0-9]{{2}}年)|{rel})年?度?"
    each = alternation(words["each"])
    m = re.search(rf"{year}\s*(?:({joins})|{ranges})\s*{year}[^，。；,;！？!?\n]{{0,12}}?(?:{each})", part)
    if not m:
        return None
    first, listed, second = m.groups()
    if re.match(r"\s*(没有|没|无|未|不)", part[m.end() :]):
        return False  # 「前年去年都没有」: neither year had it
    if (first in relative) != (second in relative):
        return None  # 「去年和2024年」: which year 去年 is is not known here
    a, b = _year_number(first, relative), _year_number(second, relative)
    return abs(a - b) == 1 if listed else abs(a - b) >= 1


def only_one_year(part: str) -> bool:
    """Whether `part` limits what it says to one year (「发明专利只有22年拿了2个」「软著仅今年有」「就2023年新拿了」):
    「22年」 is the year 2022, never two years, and one year alone breaks a run of two (连续两年)."""
    words = estimate_words()["every_year"]
    rel = "|".join(re.escape(w) for w in sorted(words["relative"], key=len, reverse=True))
    year = rf"(?:(?:20)?[0-9]{{2}}年度?|{rel})"
    joins, ranges = alternation(words["joins"]), alternation(words["ranges"])
    only = alternation(words["only"])
    return bool(re.search(rf"(?:{only})\s*(?:在|是)?\s*{year}(?!\s*(?:{joins}|{ranges})\s*{year})(?![0-9])", part))


def _year_number(said: str, relative: dict) -> int:
    """A year as a number: 2023 and 23 alike; 去年 as -1 from this year (0)."""
    if said in relative:
        return relative[said]
    return int(said) % 100
