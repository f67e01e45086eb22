"""Figures in Chinese chat text: 150万美元, 一百二十万, 汇率按6.8算, 30名, 1500平米, 去年 …

Plain Python (no Rasa, no cn2an). Three functions:

- `normalize(text)`: full-width ASCII (１５０, ％, ，, ．, －, ＄, Ａ…) → ASCII; U+3000 and
  other odd spaces → " "; ￥ → ¥; the minus sign − → -; 〇 → 零, except that a
  digit-by-digit run (二〇二三, or four Chinese digits before 年: 二零二三年) becomes
  Arabic digits. The result has the same length as the input, so offsets into it are
  offsets into the original text.
- `parse_number(text)`: the whole text as one number, or None. Units are not allowed
  ("150万" → 1500000, "150万元" → None).
- `parse_figures(text, today_year=None)`: every figure in the text, in order.

Numerals
  Arabic (3,000,000, 12.5), Chinese (一百二十万, 两千五百万, 八十万零五千, 三点五万, financial
  壹贰叁…拾佰仟), and mixtures (5千万, 1亿2千万, 12.5万). A colloquial trailing digit takes
  the next lower unit: 三万五 = 35000, 一千二 = 1200, 3万5 = 35000 (but 3万5000 = 35000).
  Multipliers after a number: w/W = 万, k/K = 千, M / million = 百万, billion/bn = 十亿.
  A numeral starts with a digit or 十: 千万, 万一 are words, not numbers.
  A leading - or 负 makes it negative (so the bot can reject it); a - between two numbers
  is a range.

Kinds, decided by the word after the number (spaces allowed) or a cue before it
  money     元 块 块钱 人民币 RMB CNY, or prefix ¥ RMB CNY 人民币      → currency "CNY"
            美元 美金 刀 USD, or prefix $ US$ USD                      → currency "USD"
            no currency word but a magnitude (百/千/万/亿/w/k/M/million) or thousands
            separators, or after a money word (费用, 金额, 租金, 投入 …)  → currency None
            (never guessed: "150万" is 1500000 with currency None).
  percent   70% or 百分之七十 → value 70 (the number as written, not 0.7).
  rate      a plain number after 汇率/中间价/汇价 (汇率7.05, 汇率按6.8算, 汇率是 7.1),
            before (的)汇率 (7.1的汇率), or after 美元兑 (1美元兑7.05人民币; the "1美元" is
            then not reported as money), 一美元等于/能换 (七块一毛二 = 7.12: 块 the point, 毛 the
            tenths), 1USD=7.1RMB, USD/CNY 7.1, 美元对人民币, and the ratio 汇率1:7.12 (the 1 is no rate).
            A quote per 100 dollars (100美元兑689.5元) is 6.895, the 100美元 then no money.
  area      平方米 平米 平方 ㎡ m2 m² 平.
  year      a four-digit number 1900–2100 before 年/年度 (2023年); relative years 今年 本年
            去年 上年 上一年 前年 大前年 明年 have value None and unit the word, or are resolved
            against `today_year` when given.
  duration_years   any other number before 年 (两年, 3年以上, 一年半 = 1.5); 半年 = 0.5.
  duration_months  N个月 (6个月).
  count     名 人 人次 场 个 家 项 位 届 批 次 件 张 套 台 所 户 (not 一次性).

Not figures
  numbers after 第 (第三条第（二）项, 第3点), dotted clause numbers (3.7.2), numbers glued to
  Latin letters (CMMI3, ISO9001, 5G), approximate forms (几十万, 100多万, 二十余人), months
  and days (12月26日), and bare numbers with no unit or cue ("150", "三") — a bare reply is
  for `parse_number`.

Ranges: in 10-30万元, 10—30万元, 3~5年, 20到30人 the first number takes the second's
magnitude and unit when it has none of its own (10-30万元 → 100000 CNY and 300000 CNY).

`bound` records an adjacent 以上/以下/以内/左右/多 after the figure or 超过/不低于/最高/最多/
不超过/至少/低于/不少于/不到/大约/约 before it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import List, Optional

KINDS = ("money", "rate", "count", "area", "year", "percent", "duration_years", "duration_months")


@dataclass(frozen=True)
class Figure:
    """One figure found in a text; start/end index the original text, raw = text[start:end]."""

    kind: str
    value: Optional[Decimal]
    currency: Optional[str]
    unit: str
    start: int
    end: int
    raw: str
    bound: Optional[str] = None


# --- normalize -------------------------------------------------------------------------

_TRANSLATE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_TRANSLATE.update({0x3000: " ", 0x00A0: " ", 0x202F: " ", 0x205F: " ", 0xFFE5: "¥", 0x2212: "-", 0xFE63: "-"})
_TRANSLATE.update({c: " " for c in range(0x2000, 0x200B)})
_DIGITWISE = re.compile(r"[〇零一二三四五六七八九]{2,}")
_DIGIT_OF = {c: str(i) for i, c in enumerate("零一二三四五六七八九")}
_DIGIT_OF["〇"] = "0"


def normalize(text: str) -> str:
    """Full-width → ASCII, odd spaces → " ", 〇 → 零 or a digit-by-digit year; same length."""
    text = text.translate(_TRANSLATE)

    def digitwise(m):
        run = m.group()
        year = len(run) == 4 and text[m.end() : m.end() + 1] == "年"
        if "〇" in run or year:
            return "".join(_DIGIT_OF[c] for c in run)
        return run

    text = _DIGITWISE.sub(digitwise, text).replace("〇", "零")
    # 「2个亿」「两个亿」 = 2亿, 「580个w」「580个万」 = 580万 (chat): the 个 becomes a space (same length), which
    # numerals allow, and a w after it 万
    text = _GE_YI.sub(lambda m: m.group(1) + " " + ("万" if m.group(2) in "wW" else m.group(2)), text)
    # 「按7块的汇率」: 块 names the yuan per dollar of a rate, not an amount of money
    text = _KUAI_RATE.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    # 「按7块钱一美元」「一美元7块钱」: yuan per dollar said in words, a rate (never 7 yuan and 1 dollar); same length
    text = _KUAI_PER_DOLLAR.sub(lambda m: (m.group("n") + "的汇率").ljust(len(m.group(0))), text)
    text = _DOLLAR_KUAI.sub(_dollar_kuai, text)
    # 「七块一毛二」「7块1毛」 = 7.12 / 7.1 yuan: 块 is the decimal point, 毛 (角) the tenths; same length
    text = _KUAI_MAO.sub(_kuai_mao, text)
    # 「汇率1:7.12」「中间价一比七点一」: the 1 of a ratio is the dollar, not a rate of 1
    text = _RATE_RATIO.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    # 「一美元能换七块一」: after a rate's words a bare 块Y is 7.1, not 7 yuan and a stray 一
    return _KUAI_TENTH.sub(lambda m: _kuai_tenth(m, text), text)


_KUAI_PER_DOLLAR = re.compile(
    r"(?<![0-9.])(?P<n>[0-9]{1,2}(?:\.[0-9]+)?)\s*(?:块钱|块|元钱|元)(?:人民币)?\s*(?:换|兑)?\s*(?:一|1|每)\s*个?\s*(?:美元|美金|刀)"
    r"(?![0-9])"
)
_DOLLAR_KUAI = re.compile(
    r"(?<![0-9.])(?P<pre>(?:一|1|每)\s*个?\s*(?:美元|美金|刀)\s*(?:能换|可以换|换|兑|=|等于)?\s*)"
    r"(?P<n>[0-9]{1,2}(?:\.[0-9]+)?)\s*(?:块钱|块)(?![0-9一二三四五六七八九])"
)


def _dollar_kuai(m: "re.Match") -> str:
    """「一美元7块钱」 → 「美元兑7」 with the number where it was typed (the words before it padded), the rest blank."""
    pre = m.group("pre")
    if len(pre) < 3:
        return m.group(0)
    return "美元兑".rjust(len(pre)) + m.group("n") + " " * (len(m.group(0)) - len(pre) - len(m.group("n")))


_RATE_RATIO = re.compile(
    r"((?:汇率|中间价|汇价|美元兑人民币|美元对人民币|美元兑|美元对)\s*(?:是|为|按|约|:|：)?\s*)"
    r"((?:1|一)\s*(?::|：|比)\s*)(?=[0-9一二三四五六七八九])"
)
# 「七块一毛二」「一块二毛五」: yuan, tenths (毛/角) and an optional hundredths digit
_ONE_DIGIT = "[0-9零一二两三四五六七八九]"
_KUAI_MAO = re.compile(
    rf"(?P<yuan>[0-9零一二两三四五六七八九十]{{1,3}})块(?P<jiao>{_ONE_DIGIT})(?:毛|角)(?P<fen>{_ONE_DIGIT})?(?:分)?"
    rf"(?![0-9零一二两三四五六七八九十百千万亿])"
)


# 「七块一」「6块8」「七块零五」「七块一五」: yuan, then one or two decimal digits (零五 = .05, 一五 = .15)
_KUAI_TENTH = re.compile(
    rf"(?P<yuan>[0-9零一二两三四五六七八九十]{{1,2}})块(?P<jiao>零{_ONE_DIGIT}|{_ONE_DIGIT}{{1,2}})"
    rf"(?![0-9零一二两三四五六七八九十百千万亿个块种项])"
)
_RATE_BEFORE_KUAI = re.compile(r"(?:汇率|中间价|美元|美金|刀|USD|usd)[^。，,；;！!？?]{0,8}$")
# 「汇率22年用6.9 23年按七块一」: the rate word heads several years' rates in one clause, so a one-digit 块Y further on
# in the same sentence (no 。！？；) is still a rate; a price like 「每平米45块5」 (two-digit yuan) never is
# the currencies other than the dollar, by name (a number after one is that currency's, never the dollar's)
_FOREIGN_NAMES = "欧元|日元|英镑|港币|港元|澳元|加元|新加坡元|韩元"
_FOREIGN_NAMED_BEFORE = re.compile(rf"(?:{_FOREIGN_NAMES})\s*(?:汇率)?\s*(?:按|兑|[是为:：=])?\s*$")
_RATE_WORD_IN_SENTENCE = re.compile(r"(?:汇率|中间价|汇价)[^。；;！!？?]{0,24}$")
_ONE_YUAN_DIGIT = re.compile(r"[1-9一二两三四五六七八九]")


def _kuai_tenth(m: "re.Match", text: str) -> str:
    before = text[max(0, m.start() - 30) : m.start()]
    near = _RATE_BEFORE_KUAI.search(before[-12:])
    if not near and not (_ONE_YUAN_DIGIT.fullmatch(m.group("yuan")) and _RATE_WORD_IN_SENTENCE.search(before)):
        return m.group()
    return m.group("yuan") + "点" + m.group("jiao")


def _kuai_mao(m: "re.Match") -> str:
    """「七块一毛二」 → 「七点一二元」: the same number of characters, read as one yuan figure."""
    digits = m.group("jiao") + (m.group("fen") or "")
    out = m.group("yuan") + "点" + digits + "元"
    return out + " " * (len(m.group()) - len(out))


_KUAI_RATE = re.compile(r"([0-9.]+)(块钱|块)(?=的?(汇率|中间价))")


_GE_YI = re.compile(r"([0-9一二两三四五六七八九十半.]+)个(亿|万|[wW](?![A-Za-z]))")


# --- numerals --------------------------------------------------------------------------

_CN_DIGITS = {
    **{c: i for i, c in enumerate("零一二三四五六七八九")},
    **{c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")},
    "两": 2,
    "俩": 2,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_DIGIT_CHARS = "".join(_CN_DIGITS)
_UNIT_CHARS = "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_MAGNITUDE_CHARS = set("百佰千仟万萬亿億")

_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_ATOM = rf"(?:{_ARABIC}|[{_DIGIT_CHARS}{_UNIT_CHARS}]|点(?=[{_DIGIT_CHARS}0-9]))"
_NUMERAL = rf"{_ATOM}(?: *[{_UNIT_CHARS}]|{_ATOM})*"
_MULTIPLIER = (
    r"(?: *(?i:million|billion)(?![A-Za-z])| *(?:mn|bn)(?![A-Za-z])"
    r"|[kK][wW](?![A-Za-z])|[wWkK](?![A-Za-z])|M(?![A-Za-z]))"
)
_MULTIPLIERS = {
    "kw": 10**7,
    "w": 10**4,
    "k": 10**3,
    "m": 10**6,
    "million": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
}
_TOKEN = re.compile(rf"{_ARABIC}|[{_DIGIT_CHARS}{_UNIT_CHARS}点]")
_NUMBER_RE = re.compile(rf"(?P<sign>-|负)?(?P<num>{_NUMERAL})(?P<mult>{_MULTIPLIER})?")
_WHOLE_NUMBER = re.compile(rf"\s*(?P<sign>-|负)?\s*(?P<num>{_NUMERAL})(?P<mult>{_MULTIPLIER})?\s*")


def _tidy(d: Decimal) -> Decimal:
    """Drop insignificant zeros: 1.2亿 → Decimal('120000000'), 12.50 → Decimal('12.5')."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def numeral_value(numeral: str) -> Optional[Decimal]:
    """The value of one numeral (no sign, no multiplier), or None when it is not a number."""
    tokens = _TOKEN.findall(numeral.replace(" ", ""))
    if not tokens:
        return None
    result = wan = section = Decimal(0)
    pending, single, zero_gap, seen = None, False, False, False
    last_unit, last_small = None, None
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t[0].isdigit():
            if pending is not None:
                return None
            pending = Decimal(t.replace(",", ""))
            single, seen = len(t) == 1, True
        elif t in _CN_DIGITS:
            value = _CN_DIGITS[t]
            if value == 0 and not (i + 1 < len(tokens) and tokens[i + 1] == "点"):
                if pending is not None:
                    return None
                zero_gap, seen = True, True
            else:
                if pending is not None:
                    return None
                pending, single, seen = Decimal(value), True, True
        elif t == "点":
            frac = ""
            while i + 1 < len(tokens) and (tokens[i + 1] in _CN_DIGITS or tokens[i + 1].isdigit()):
                i += 1
                frac += str(_CN_DIGITS[tokens[i]]) if tokens[i] in _CN_DIGITS else tokens[i]
            if pending is None or not frac or pending != pending.to_integral_value():
                return None
            pending, single = Decimal(f"{int(pending)}.{frac}"), False
        elif t in _SMALL_UNITS:
            unit = _SMALL_UNITS[t]
            if last_small is not None and unit >= last_small:
                return None
            if pending is None:
                if unit != 10:
                    return None
                pending = Decimal(1)
            section += pending * unit
            pending, last_unit, last_small, zero_gap, seen = None, unit, unit, False, True
        else:
            unit = _BIG_UNITS[t]
            if pending is not None:
                section += pending
            if unit == 10**4:
                if section == 0 or wan != 0:
                    return None
                wan = section * unit
            else:
                if section == 0 and wan == 0:
                    return None
                result = (result + wan + section) * unit
                wan = Decimal(0)
            section, pending, last_unit, last_small, zero_gap = Decimal(0), None, unit, None, False
        i += 1
    if not seen:
        return None
    if pending is not None:
        if single and last_unit is not None and not zero_gap:
            pending *= Decimal(last_unit) / 10
        section += pending
    return _tidy(result + wan + section)


def _multiplier(text: Optional[str]) -> int:
    if not text:
        return 1
    word = text.strip()
    return _MULTIPLIERS["m" if word == "M" else word.lower()]


def parse_number(text: str) -> Optional[Decimal]:
    """The whole text as one number ("一百二十万", "300w", "-5万", "3,000,000"), else None."""
    m = _WHOLE_NUMBER.fullmatch(normalize(text))
    if not m:
        return None
    value = numeral_value(m.group("num"))
    if value is None:
        return None
    value = _tidy(value * _multiplier(m.group("mult")))
    return -value if m.group("sign") and value else value


# --- figures ---------------------------------------------------------------------------

_RELATIVE_YEARS = {
    "大前年": -3,
    "前年": -2,
    "去年": -1,
    "上一年度": -1,
    "上一年": -1,
    "上年度": -1,
    "上年": -1,
    "今年": 0,
    "本年度": 0,
    "本年": 0,
    "明年": 1,
}
_RELATIVE_RE = re.compile("(?:" + "|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True)) + ")(?![纪龄代份轻])")
# 成本年度, 说明年度, 以上年度, 过去年份 … are words, not relative years
_RELATIVE_BLOCKED = {
    "本": "成资基根样账版文课剧书脚日原范标副",
    "明": "说证声表透发聪光文照简阐标注鲜",
    "上": "以之线网马早晚向北路而加往班台",
    "去": "过失离出回进上下",
    "前": "提目此之空",
    "今": "如至古迄当",
    "大": "",
}
_HALF_YEAR = re.compile(r"(?<![上下前后多])半年(?![度底初])")
# masked: ordinals (第三条), dotted versions (1.2.3), 一 in words that count nothing (「汇率一样」「一共」), and the
# numbers of a list's items at the start of a part (「问两个补贴：1）…；2）…」「1. 培训…」): marks, no amounts
_MASKS = re.compile(
    rf"第\s*[(（]?\s*(?:{_NUMERAL})\s*[)）]?|[0-9]+(?:\.[0-9]+){{2,}}|(?<![0-9零一二三四五六七八九十百千万两])一(?=[样些下起直共般定致旦律切])"
    r"|(?:^|(?<=[:：;；,，。！!？?\s]))[0-9]{1,2}\s*(?:[)）]|\.(?![0-9]))"
)
_SUFFIX = re.compile(
    r"""\s*(?:
      (?P<usd>美元|美金|美刀|刀|USD|usd|US\$)
    | (?P<foreign>欧元|欧|日元|日币|英镑|港币|港元|澳元|加元|新加坡元|新币|韩元|eur(?:o|os)?|EUR|JPY|jpy|GBP|gbp|HKD|hkd)
    | (?P<cny>元|块钱|块|人民币|RMB|rmb|CNY)
    | (?P<percent>%)
    | (?P<area>个平方米|个平米|个平方|平方米|平米|平方|㎡|m2(?![0-9])|m²|平(?![台均时安常衡行方面]))
    | (?P<approx_months>个多月)
    | (?P<months>个月)
    | (?P<year>年度|年)
    | (?P<count>名|人次|人|场|个|家|项|位|届|批|次(?!性)|件|张|套|台|所|户)
    | (?P<rate>的?(?:汇率|中间价|汇价))
)""",
    re.X,
)
FOREIGN = {
    "欧元": "EUR",
    "欧": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "日元": "JPY",
    "日币": "JPY",
    "英镑": "GBP",
    "港币": "HKD",
    "港元": "HKD",
    "澳元": "AUD",
    "加元": "CAD",
    "新加坡元": "SGD",
    "新币": "SGD",
    "韩元": "KRW",
    "jpy": "JPY",
    "gbp": "GBP",
    "hkd": "HKD",
    "aud": "AUD",
    "cad": "CAD",
    "sgd": "SGD",
    "krw": "KRW",
}
FOREIGN_NAMES = {
    "EUR": "欧元",
    "JPY": "日元",
    "GBP": "英镑",
    "HKD": "港币",
    "AUD": "澳元",
    "CAD": "加元",
    "SGD": "新加坡元",
    "KRW": "韩元",
}
_PREFIX_CURRENCY = re.compile(
    r"(?P<word>US\$|\$|USD|usd|¥|RMB|rmb|CNY|cny|人民币|EUR|eur|€|JPY|jpy|GBP|gbp|HKD|hkd|SGD|sgd)\s*$"
)
# 「离岸执行额(USD)\t1,320,000.00」「在岸执行额（万元）: 560」: a column's unit in brackets after its label is the unit
# of the figure after it; brackets right after a figure (「120万(美元)」) belong to that figure
_HEADER_UNIT = re.compile(
    r"[(（]\s*(?P<mag>万|千)?\s*(?P<word>美元|美金|US\$|USD|usd|元|人民币|RMB|rmb|CNY|cny)\s*[)）][\s:：=]*$"
)
_RATE_YEAR = r"(?:[0-9]{4}年度?|今年|去年|上年度?|上一年度?|本年度?|前年|两年|两个年度|每年)"
_RATE_CUE = re.compile(
    r"(?:汇率|中间价|汇价|(?<![A-Za-z])rate|美元兑换?(?:人民币)?|美元=|美元折合"
    r"|(?:美元|美金|刀|USD|usd|US\$)\s*(?:=|等于|可以换|能换|换|兑|折)\s*(?:人民币|RMB|rmb|CNY|cny)?"
    r"|(?:USD|usd|美元)\s*/\s*(?:CNY|cny|RMB|rmb|人民币)?|USDCNY|usdcny|美元对(?:人民币)?)"
    rf"(?:[是为按取用约在都就均:=，,\s你您先暂|]|大约|大概|差不多|按照|约为|算|(?:年度?)?(?:均值|平均值?|平均数)|年均值?|全年|咱们?|我们|统一|直接|{_RATE_YEAR}|的"
    r"|[(（]\s*(?:年度?|年均值?|全年|平均值?|均值|平均数)+\s*[)）])*$"  # 「中间价（年均）7.05」
)
# "汇率2022年按6.7261、2023年按7.0467", "汇率今年7.1、去年6.9": a plain number after a rate, linked by a year
_RATE_NEXT = re.compile(rf"\s*[、，,;；/和及与]?\s*{_RATE_YEAR}(?:的|是|为|按|取|用|都|\s|:)*$")
# "离岸500万美元(7.05)": a plain number in brackets right after a dollar figure
_RATE_BRACKET = re.compile(r"(?:美元|美金|刀|USD)\s*[(（]\s*(?:汇率)?\s*$")
_MONEY_CUE = re.compile(
    r"(?:金额|费用|租金|成本|花了|花费|投入|执行额|合同额|营收|收入|业务额"
    r"|投资额|投资|补贴|奖励|资金|预算|报价|离岸额|在岸额"
    r"|费|展位|布展|特装|搭建|宣传推广|机票|酒店|住宿|签证|差旅|餐饮|用餐|吃饭|伙食)"
    r"(?:[是为约达共计了有:\s]|大约|一共|总共|合计|大概|其实|实际上?|应该|分别|不是"
    r"|不是\s*[\d.,]+\s*[万千]?元?\s*[,，、]?)*$"  # 「报名费不是8000是6000」: 6000 is money too
)
_RATE_LINK = re.compile(r"\s*(?:兑换?|=|等于|可以换|能换|换|折合)\s*")
# 「汇率按100美元兑689.5元人民币」: a rate quoted per 100 dollars (as banks print it) — the 100美元 is the unit quoted, no
# amount, and the number after it is yuan per 100 dollars (689.5 → 6.895); only a yuan number of 200–2000 is read so
_PER_HUNDRED_LINK = re.compile(
    r"\s*(?:兑换?|=|等于|可以换|能换|换|折合)\s*(?:人民币|RMB|rmb|CNY|cny)?\s*(?P<n>[0-9]{3}(?:\.[0-9]+)?)(?![0-9万亿千])"
)
_PER_HUNDRED_BEFORE = re.compile(
    r"(?:100|一百)\s*(?:美元|美金|刀|USD|usd)\s*(?:兑换?|=|等于|可以换|能换|换|折合)\s*(?:人民币|RMB|rmb|CNY|cny)?\s*$"
)


def _per_hundred_rate(norm: str, end: int) -> bool:
    """A 100美元 right before 兑/= and a yuan number of 200–2000 (「100美元兑689.5元」): the quote's unit, not money."""
    m = _PER_HUNDRED_LINK.match(norm, end)
    return bool(m) and Decimal(200) <= Decimal(m.group("n")) <= Decimal(2000)


# 「按7.1折人民币」「按7.2换算成人民币」: a plain number right before the words that convert to yuan is a rate
# (「7折」 alone is a discount: the yuan word must follow)
_RATE_AFTER = re.compile(
    r"\s*(?:的汇率)?\s*(?:折合|折算|折成|折|换算|换成|兑换|兑)(?:成|为)?\s*(?:人民币|rmb|cny|元)", re.I
)
# 「离岸3000万美元，按7.0折算就是2.1亿」「150万美元，按7.0折了1050万」: a plain number after 按/用/以 and right before a
# converting verb, with a dollar amount earlier in its sentence, is that amount's rate (「打7折」 never: no dollars, no 按)
_RATE_BY = re.compile(r"(?:按|用|以|按照)\s*$")
_RATE_CONVERTS = re.compile(
    r"\s*(?:的汇率)?\s*(?:折合|折算|折成|换算|换成|兑换|兑成)|\s*折了?\s*(?:就是|是|为|成)?\s*[0-9０-９一二三四五六七八九两]"
)
_DOLLARS_BEFORE = re.compile(r"(?:美元|美金|刀|usd|us\$|\$)[^。！？!?；;\n]*$", re.I)
_PREFIX_BOUND = re.compile(
    r"(超过|不低于|不少于|不超过|不到|低于|高于|最高|最多|至少|大约|约|大于|小于)"
    r"\s*$"
)
# a bound word on the next line is no bound of the figure (「…0.9\n以上12场都是指定的」: 以上 is "the above")
_SUFFIX_BOUND = re.compile(r"[ \t]*(及以上|及以下|以上|以下|以内|左右|多)")
_RANGE_LINK = re.compile(r"\s*(?:-|—|–|~|至|到)\s*")
# 「一个培训费18600 一个33250」「培训费分别18600、33250」: a plain number listed after a plain money figure
_LIST_LINK = re.compile(
    r"\s*(?:[、,，/]|和|及|与|跟|以及|还有|另外)?\s*"
    r"(?:(?:另|另外|还有|第[二三四五六七八九十])?\s*(?:一|1)?\s*(?:个|位|名)(?:人)?(?:是|的)?)?\s*"
)
_TRAILING_MAGNITUDE = re.compile(r"(千万|百万|万|亿|千|百)\s*$")
_NUMERAL_CHARS = set(_DIGIT_CHARS) | set(_UNIT_CHARS) | set("0123456789")
_APPROX_AFTER = ("几", "多", "余", "来")
# nouns after N块 that make 块 a measure of parts, not 块 = 元 (「两块业务」「这三块儿内容」)
_PARTS_AFTER_KUAI = re.compile(r"业务|服务|内容|工作|领域|方向|板块|部分|产品|项目|儿|区域|是|：|:")
_PARTS_BEFORE_KUAI = re.compile(r"(分|分成|拆成|分为)$")


@dataclass
class _Hit:
    start: int
    end: int
    num_start: int
    value: Decimal
    magnitude: bool
    unit_kind: Optional[str] = None
    unit: str = ""
    currency: Optional[str] = None
    kind: Optional[str] = None
    bound: Optional[str] = None
    plain_year: bool = False
    numeral: str = ""
    num_end: int = 0
    mult: Optional[str] = None


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


_MEASURE_AFTER = set("场个次名人家位项笔间套")
# a lower-case m right after a number (normalised text is lower case) and no letter, digit or square after it
_LOWER_M = re.compile(r" ?[mM](?![A-Za-z0-9²³])")
# (a code or English word next to it — 「more than 1m usd」 — is left to the estimate reader's English pass)
_DOLLAR_AFTER = re.compile(r" ?(?:美元|美金|美刀|刀)")


_DOLLAR_BEFORE = re.compile(r"(美元|美金|美刀)[:：]?\s*$")


def _dollar_million(norm: str, start: int, end: int, prefix) -> bool:
    """「1.3m美金」「1.1m usd」「usd 2.5m」「离岸(usd)\t1.2m」: m is a million when dollars are named next to it
    (alone, a lower-case m may be metres, so it is read only then)."""
    m_unit = _LOWER_M.match(norm, end)
    if m_unit is None:
        return False
    if _DOLLAR_AFTER.match(norm, m_unit.end()):
        return True
    if prefix is not None and prefix.group("word").lower() in ("$", "us$", "usd"):
        return True  # 「$11m」「usd 2.5m」 (normalised text is lower case): a dollar sign before it
    if prefix is None and _DOLLAR_BEFORE.search(norm, max(0, start - 6), start):
        return True
    header = _HEADER_UNIT.search(norm, max(0, start - 12), start) if prefix is None else None
    return header is not None and header.group("word").lower() in ("美元", "美金", "us$", "usd")


def _numbers(norm: str, masked: List[range]):
    """Raw numeric hits: value, sign, multiplier and the unit word after them."""
    hits = []
    for m in _NUMBER_RE.finditer(norm):
        num_start, num_end = m.start("num"), m.end("num")
        if any(num_start < r.stop and r.start < num_end for r in masked):
            continue
        numeral = m.group("num")
        end = m.end()
        if (
            not m.group("mult")
            and len(numeral) > 2
            and numeral[-1] in _CN_DIGITS
            and numeral[-2] in "万千百亿"
            and (norm[end : end + 1] in _MEASURE_AFTER or norm[end : end + 1] == "年")
        ):
            numeral, end = (
                numeral[:-1],
                end - 1,
            )  # 「一场1.8万一场3万」「600万两年都一样」: that 一/两 counts what follows
        value = numeral_value(numeral)
        if value is None:
            continue
        before = norm[num_start - 1] if num_start else ""
        after = norm[end : end + 1]
        if before in ("几", "数") or after in _APPROX_AFTER:
            continue
        if before in ("这", "那", "哪") and after == "块" and not norm[end : end + 2] == "块钱":
            continue  # 「这两块奖励」: two parts, not 2 yuan
        if after == "块" and (_PARTS_AFTER_KUAI.match(norm, end + 1) or _PARTS_BEFORE_KUAI.search(norm[:num_start])):
            continue  # 「两块业务」「一块是检测」「分两块：」: parts of something, not yuan
        start = num_start
        negative = False
        sign = m.group("sign")
        if sign:
            prev = norm[m.start() - 1] if m.start() else ""
            if sign == "负" or not (prev in _NUMERAL_CHARS or _is_ascii_letter(prev)):
                negative, start = True, m.start()
        prefix = _PREFIX_CURRENCY.search(norm, max(0, start - 8), start)
        if prefix is not None and norm[: prefix.start()].rstrip()[-1:] in _NUMERAL_CHARS:
            prefix = None  # 300万人民币 200万, 「1,000,000 USD 一分不多」: that unit belongs to the figure before
        if (
            prefix is None
            and _is_ascii_letter(before)
            and not (_MAGNITUDE_CHARS & set(numeral) or norm[end : end + 1] in ("元", "块"))
        ):
            continue  # CMMI3, ISO9001 are names; "PCMM8万" is a name and then a figure
        mult = m.group("mult")
        if mult is None and _dollar_million(norm, start, end, prefix):
            mult, end = (
                "m",
                _LOWER_M.match(norm, end).end(),
            )  # 「1.3m美金」「usd 2.5m」: lower-cased M next to a dollar word is a million
            after = norm[end : end + 1]
        value = _tidy(value * _multiplier(mult))
        magnitude = bool(mult) or bool(_MAGNITUDE_CHARS & set(numeral)) or "," in numeral
        hit = _Hit(start, end, num_start, -value if negative and value else value, magnitude)
        hit.plain_year = bool(re.fullmatch(r"[0-9]{4}", numeral)) and not mult
        hit.numeral, hit.mult, hit.num_end = numeral, mult, end
        suffix = _SUFFIX.match(norm, end)
        if suffix is not None and suffix.lastgroup != "approx_months":
            hit.unit_kind, hit.unit = suffix.lastgroup, suffix.group(suffix.lastgroup)
            if hit.unit_kind != "rate":
                hit.end = suffix.end()
        elif suffix is not None:
            continue
        elif _is_ascii_letter(after):
            continue
        header = _HEADER_UNIT.search(norm, max(0, start - 12), start) if prefix is None else None
        if (
            header is not None
            and hit.unit_kind in (None, "rate")  # 「…(rmb)\t510万\n汇率…」: the next line's 汇率 is not this figure's
            and norm[header.start() - 1 : header.start()] not in _NUMERAL_CHARS
            and not re.search(
                r"(汇率|中间价|汇价|rate)\s*$", norm[: header.start()]
            )  # 「汇率(美元兑人民币)」 is a rate
        ):
            word = header.group("word")
            hit.unit_kind, hit.unit = ("usd" if word in ("美元", "美金", "US$", "USD", "usd") else "cny"), word
            if header.group("mag") and not mult and not (_MAGNITUDE_CHARS & set(numeral)):
                hit.value, hit.magnitude = _tidy(hit.value * {"万": 10000, "千": 1000}[header.group("mag")]), True
        dollar_word = _DOLLAR_BEFORE.search(norm, max(0, start - 6), start) if prefix is None else None
        if (
            dollar_word is not None
            and hit.unit_kind in (None, "rate")  # 「美元1.1m 汇率7」: a figure with a magnitude is no rate
            and magnitude
            and norm[dollar_word.start() - 1 : dollar_word.start()] not in _NUMERAL_CHARS
        ):  # 「离岸美元1.3m」「美金 1,450k」: the dollar word said before an amount with its magnitude
            hit.unit_kind, hit.unit = "usd", dollar_word.group(1)
        named = _FOREIGN_NAME_BEFORE.search(norm, max(0, start - 6), start) if prefix is None else None
        if (
            named is not None
            and hit.unit_kind is None
            and (magnitude or hit.value >= 50)
            and norm[named.start() - 1 : named.start()] not in _NUMERAL_CHARS
        ):  # 「展位费欧元8000」: the currency's name before an amount (a small number there is its rate: 「欧元7.8」)
            hit.unit_kind, hit.unit = "foreign", named.group(1)
        if prefix is not None and hit.unit_kind == "rate" and norm[end : end + 1].isspace():
            hit.unit_kind, hit.unit = None, ""  # 「USD 100 汇率按6.9」: a dollar amount, then the rate
        if prefix is not None:
            if hit.unit_kind in (None, "usd", "cny"):
                word = prefix.group("word")
                if hit.unit_kind is None:
                    code = "EUR" if word == "€" else FOREIGN.get(word.lower())
                    hit.unit_kind = "usd" if word in ("US$", "$", "USD", "usd") else "foreign" if code else "cny"
                    hit.unit = "eur" if word == "€" else word
                hit.start = prefix.start()
        hits.append(hit)
    return hits


# 「2023年7.05，2022年6.73」 (answering which rate each year had): a number of the dollar's range with two to four
# decimals said right after a year, with no unit, is that year's rate
_YEAR_BEFORE = re.compile(rf"{_RATE_YEAR}(?:的|是|为|按|取|用|:|：|\s)*$")


# 「去年的汇率我填错了 应该是6.7261」: a rate word, a few words, then the corrected number
# 「汇率说错了 今年是7.1」「中间价写错了，应按7.05」: a rate said wrong, then a year or a copula, then the right number
_RATE_CORRECTED = re.compile(
    r"(?:汇率|中间价)[^。；;\d]{0,10}(?:应该是|应为|改成|改为|更正为|实际是|其实是|正确的是)\s*$"
    rf"|(?:汇率|中间价)[^。；;\d]{{0,4}}(?:说|写|填|打|弄|搞|记)错了?[^。；;\d]{{0,6}}(?:{_RATE_YEAR}|是|为|按|应该|应)\s*$"
)
# 「7.1是今年的 去年按7.05」: a number of the dollar's range said to be a year's (是今年的) is that year's rate
_YEAR_AFTER = re.compile(rf"\s*(?:是|为|算)\s*{_RATE_YEAR}的(?!\s*[0-9])")


def _converting_rate(hit: "_Hit", norm: str, cue_before: str) -> bool:
    """「…3000万美元，按7.0折算就是2.1亿」: 按 + a number + a converting verb, dollars said before it in its sentence;
    「…折合人民币1.42亿元，按7.1换算成美元」: 按 + a number + a verb converting to dollars."""
    return bool(
        _RATE_BY.search(cue_before)
        and (
            (_RATE_CONVERTS.match(norm, hit.num_end) and _DOLLARS_BEFORE.search(norm[: hit.start]))
            or _TO_DOLLARS.match(norm, hit.num_end)
        )
    )


_TO_DOLLARS = re.compile(
    r"\s*(?:的汇率)?\s*(?:折合|折算|折成|换算|换成|兑换|兑成|折)(?:成|为)?\s*(?:美元|美金|usd)", re.I
)


def _year_rate(hit: "_Hit", cue_before: str) -> bool:
    return bool(
        re.fullmatch(r"[0-9]\.[0-9]{2,4}", getattr(hit, "numeral", "") or "")
        and Decimal(5) <= hit.value <= Decimal(9)
        and _YEAR_BEFORE.search(cue_before)
    )


def _year_rate_after(hit: "_Hit", norm: str) -> bool:
    return bool(
        re.fullmatch(r"[0-9]\.[0-9]{1,4}", getattr(hit, "numeral", "") or "")
        and Decimal(5) <= hit.value <= Decimal(9)
        and _YEAR_AFTER.match(norm, hit.num_end)
    )


_FOREIGN_NAME_BEFORE = re.compile(rf"({_FOREIGN_NAMES})\s*$")
# 「汇率：欧元7.8，美元7.1」「美元按7.1」: a plain number right after the dollar word, in a list of rates (a rate word
# earlier in its sentence) or linked by 按/兑, is the dollar's rate; a number after another currency's name is that
# currency's rate (bot/estimate/foreign_costs.py), never the dollar's
_DOLLAR_NAMED_RATE = re.compile(r"(?:美元|美金|usd|USD)\s*(?P<link>按|兑人民币|兑|折人民币|折|[是为:：=])?\s*$")
_CURRENCY_NAMED_BEFORE = re.compile(rf"(?:美元|美金|usd|USD|{_FOREIGN_NAMES})\s*(?:按|兑|[是为:：=])?\s*$")
# a rate word earlier in the sentence of a list of rates (「汇率：欧元7.8，美元7.1」)
_RATE_CUE_IN_SENTENCE = re.compile(
    r"(?:汇率|中间价|汇价|比价|换算|折算|(?:欧元|日元|英镑|港币|港元|澳元|加元|韩元)\s*(?:=|兑|按|折))[^。！？!?\n]*$"
)


def _dollar_named_rate(hit: "_Hit", norm: str) -> bool:
    m = _DOLLAR_NAMED_RATE.search(norm, max(0, hit.start - 8), hit.start)
    if m is None or hit.magnitude or not (Decimal("0.5") <= hit.value <= Decimal(20)):
        return False
    return bool(
        m.group("link") in ("按", "兑人民币", "兑", "折人民币", "折")
        or _RATE_CUE_IN_SENTENCE.search(norm, 0, m.start())
    )


def _classify(hit: _Hit, norm: str) -> None:
    """Set kind/currency/unit of a hit from its unit word and the cues around it."""
    cue_before = norm[max(0, hit.start - 12) : hit.start]
    if (  # 「汇率 美元7.05 欧元7.7」: 欧元 after a space names the next rate, not this number's unit
        hit.unit_kind in ("foreign", "usd")
        and norm[hit.num_end : hit.num_end + 1].isspace()
        and not hit.magnitude
        and _CURRENCY_NAMED_BEFORE.search(cue_before)
    ):
        hit.unit_kind, hit.unit, hit.end = None, "", hit.num_end
    kind = hit.unit_kind
    if kind in (None, "rate") and _FOREIGN_NAMED_BEFORE.search(cue_before) and not hit.magnitude and hit.value < 50:
        return  # 「欧元7.8的汇率」: that currency's rate to yuan (bot/estimate/foreign_costs.py), no dollar rate
    if kind is None and _dollar_named_rate(hit, norm):
        hit.kind, hit.unit, hit.end = "rate", "汇率", hit.num_end
        return
    plain_number = not hit.magnitude and hit.value > 0
    spaced_usd = (  # 「中间价7.1 美元金额没涨」: 美元 after a space starts the next words
        kind == "usd" and norm[hit.num_end : hit.num_end + 1].isspace() and Decimal("0.5") <= hit.value <= 20
    )
    if (
        (kind in (None, "cny") or spaced_usd)
        and plain_number
        and (
            _RATE_CUE.search(cue_before)
            or (kind is None and Decimal("0.5") <= hit.value <= Decimal(20) and _RATE_BRACKET.search(cue_before))
            or (kind is None and Decimal("0.5") <= hit.value <= Decimal(20) and _RATE_AFTER.match(norm, hit.num_end))
            or (kind is None and _year_rate(hit, cue_before))
            or (kind is None and Decimal("0.5") <= hit.value <= Decimal(20) and _RATE_CORRECTED.search(cue_before))
            or (kind is None and Decimal("0.5") <= hit.value <= Decimal(20) and _converting_rate(hit, norm, cue_before))
            or (kind is None and _year_rate_after(hit, norm))
        )
    ):
        hit.kind, hit.unit, hit.end = "rate", "汇率", hit.num_end
        if Decimal(200) <= hit.value <= Decimal(2000) and _PER_HUNDRED_BEFORE.search(
            norm[max(0, hit.start - 16) : hit.start]
        ):
            hit.value = _tidy(hit.value / 100)  # 「100美元兑689.5元」 = 6.895 yuan per dollar
        return
    if kind == "rate":
        if plain_number:
            hit.kind, hit.unit = "rate", "汇率"
            return
        kind, hit.unit_kind, hit.unit = None, None, ""  # "今年320万 汇率都按7": 汇率 starts the next part
    if kind == "usd":
        if hit.value == 1 and _RATE_LINK.match(norm, hit.end) and not hit.magnitude:
            return
        if hit.value == 100 and not hit.magnitude and _per_hundred_rate(norm, hit.end):
            return
        hit.kind, hit.currency = "money", "USD"
    elif kind == "cny":
        hit.kind, hit.currency = "money", "CNY"
    elif kind == "foreign":  # 80万欧元: neither dollars nor yuan; converting it needs the user's rate
        hit.kind, hit.currency = "money", FOREIGN.get(hit.unit.lower(), hit.unit.upper())
    elif kind == "percent":
        hit.kind = "percent"
    elif kind == "area":
        hit.kind = "area"
    elif kind == "months":
        hit.kind = "duration_months"
    elif (
        kind == "count"
        and norm[hit.num_end : hit.num_end + 1].isspace()
        and ((hit.magnitude and hit.value >= 10000) or _MONEY_CUE.search(cue_before))
    ):
        # "展位费3万 人员补助1万": after a space, 人 starts the next words
        hit.kind, hit.unit, hit.unit_kind, hit.end = "money", "", None, hit.num_end
    elif kind == "count":
        hit.kind = "count"
    elif kind == "year" and hit.magnitude and hit.value >= 10000:
        # "执行额3000万 年租金60万": 年 starts the next words; no one counts 3000万 years
        hit.kind, hit.unit, hit.unit_kind, hit.end = "money", "", None, hit.num_end
    elif kind == "year":
        if hit.plain_year and 1900 <= hit.value <= 2100:
            hit.kind = "year"
        else:
            hit.kind = "duration_years"
            if norm[hit.end : hit.end + 1] == "半" and hit.unit == "年":
                hit.value += Decimal("0.5")
                hit.end += 1
                hit.unit = "年"
    elif norm[max(0, hit.start - 3) : hit.start] == "百分之":
        hit.kind, hit.unit, hit.start = "percent", "百分之", hit.start - 3
    elif hit.magnitude or _MONEY_CUE.search(cue_before):
        if not hit.magnitude and len(hit.numeral) == 1 and not hit.numeral.isdigit():
            return  # "补贴一共多少": a lone 一 after a money word is a word, not a figure
        hit.kind = "money"


def _inherit_ranges(hits: List[_Hit], norm: str) -> None:
    """In 10-30万元 the 10 takes 30万元's magnitude and unit."""
    for a, b in zip(hits, hits[1:]):
        bare = a.kind is None or (a.kind == "money" and a.currency is None)
        if a.unit_kind is not None or not bare or b.kind in (None, "rate"):
            continue
        link = _RANGE_LINK.match(norm, a.end)
        if link is None or link.end() != b.num_start:
            continue
        if not a.magnitude:
            factor = Decimal(_multiplier(b.mult))
            m = _TRAILING_MAGNITUDE.search(b.numeral)
            if m is not None:
                factor *= numeral_value("一" + m.group(1))
            a.value = _tidy(a.value * factor)
        a.kind, a.currency, a.unit = b.kind, b.currency, b.unit
        if b.kind == "year" and not (a.plain_year and 1900 <= a.value <= 2100):
            a.kind = "duration_years"


def _inherit_lists(hits: List[_Hit], norm: str) -> None:
    """「一个培训费18600 一个33250」「培训费分别18600、33250」: a plain number with no unit listed right after a
    plain money figure (a comma, 和, 另一个 between) is a money figure like it, never dropped. After a yuan figure with
    a magnitude (「分别是2万 4万 15000」) only a whole number of 1000 or more, within 20 times of it either way, is so
    read (yuan as typed): 「150万 1200」 may mean 1200万 and stays no figure."""
    money = None
    for b in hits:
        if b.kind == "money" and b.currency in (None, "CNY") and b.value and b.value > 0:
            money = b
            continue
        if money is None:
            continue
        # after a 万 figure the bare number must end the list entry (「2万 4万 15000 还有…」), never run into words
        # (「25万 27001今年是维护费」: ISO 27001 named, no yuan)
        ends = re.match(r"\s|$|[，,、。；;！？?!元块和及]", norm[b.end : b.end + 1])
        near = not money.magnitude or (
            b.value >= 1000 and money.value / 20 <= b.value <= money.value * 20 and ends is not None
        )
        if (
            b.kind is None
            and b.unit_kind is None
            and not b.magnitude
            and b.value >= 100
            and b.numeral.isdigit()
            and near
        ):
            link = _LIST_LINK.match(norm, money.end)
            if link is not None and link.end() == b.num_start:
                b.kind, b.currency, b.unit = "money", money.currency, money.unit
                money = b
                continue
        if b.kind != "count":
            money = None


def _bound(hit: _Hit, norm: str) -> Optional[str]:
    after = _SUFFIX_BOUND.match(norm, hit.end)
    if after:
        return after.group(1)
    before = _PREFIX_BOUND.search(norm, max(0, hit.start - 4), hit.start)
    if before is None and re.search(
        r"(会不会|是否|有没有|能不能)?超(了|出)?\s*$", norm[max(0, hit.start - 5) : hit.start]
    ):
        return "超过"  # 「加起来会不会超500万」: the policy's ceiling quoted, not an amount
    return before.group(1) if before else None


def parse_figures(text: str, today_year: Optional[int] = None) -> List[Figure]:
    """Every figure in `text`, in order of appearance (see the module docstring for the rules)."""
    return copies(_parse_figures(text, today_year))


def copies(figures) -> List[Figure]:
    """New Figure objects equal to `figures`, as a list: a remembered parse hands out objects no earlier caller
    holds (readers tell figures apart by identity, `g is not f`, `id(f) in used`)."""
    out = []
    for f in figures:
        g = object.__new__(Figure)
        g.__dict__.update(f.__dict__)
        out.append(g)
    return out


@lru_cache(maxsize=4096)
def _parse_figures(text: str, today_year: Optional[int]) -> tuple:
    """parse_figures(), remembered: a pure function of the text and the year (each caller gets copies)."""
    norm = normalize(text)
    figures = []
    masked = [range(m.start(), m.end()) for m in _MASKS.finditer(norm)]
    for m in _RELATIVE_RE.finditer(norm):
        if m.start() and norm[m.start() - 1] in _RELATIVE_BLOCKED[m.group()[0]]:
            continue
        masked.append(range(m.start(), m.end()))
        offset = _RELATIVE_YEARS[m.group()]
        value = None if today_year is None else Decimal(today_year + offset)
        figures.append(Figure("year", value, None, m.group(), m.start(), m.end(), text[m.start() : m.end()]))
    for m in _HALF_YEAR.finditer(norm):
        if any(m.start() < r.stop and r.start < m.end() for r in masked):
            continue
        masked.append(range(m.start(), m.end()))
        figures.append(
            Figure("duration_years", Decimal("0.5"), None, "年", m.start(), m.end(), text[m.start() : m.end()])
        )
    hits = _numbers(norm, masked)
    for hit in hits:
        _classify(hit, norm)
    last_rate = None
    for b in hits:
        if b.kind == "year":
            continue
        if (
            last_rate is not None
            and b.kind is None
            and b.unit_kind is None
            and not b.magnitude
            and b.value > 0
            and _RATE_NEXT.fullmatch(norm, last_rate.end, b.start)
        ):
            b.kind, b.unit = "rate", "汇率"
        last_rate = b if b.kind == "rate" else None
    _inherit_ranges(hits, norm)
    _inherit_lists(hits, norm)
    for hit in hits:
        if hit.kind is None:
            continue
        figures.append(
            Figure(
                hit.kind,
                hit.value,
                hit.currency,
                hit.unit,
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                _bound(hit, norm),
            )
        )
    figures.sort(key=lambda f: f.start)
    return tuple(figures)


__all__ = ["Figure", "KINDS", "normalize", "numeral_value", "parse_figures", "parse_number"]
