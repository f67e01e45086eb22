"""calculator.figures_zh: Chinese figures in chat text."""

from decimal import Decimal

import pytest

from calculator.figures_zh import KINDS, Figure, normalize, parse_figures, parse_number

# (text, [(kind, value, currency), …]); values as strings, None for unresolved years
EXPRESSIONS = [
    # money with a currency word
    ("150万美元", [("money", "1500000", "USD")]),
    # a rate before a space and 美元 (「中间价7.1 美元金额没涨」), a money figure after 不是 (「报名费不是8000是6000」)
    ("中间价6.95 美元部分没变", [("rate", "6.95", None)]),
    ("布展费不是9000是7500", [("money", "9000", None), ("money", "7500", None)]),
    ("1.2亿元", [("money", "120000000", "CNY")]),
    ("两百万刀", [("money", "2000000", "USD")]),
    ("执行额60万美刀", [("money", "600000", "USD")]),
    ("3,000,000元", [("money", "3000000", "CNY")]),
    ("1500万人民币", [("money", "15000000", "CNY")]),
    ("$1.5M", [("money", "1500000", "USD")]),
    ("1.5 million美元", [("money", "1500000", "USD")]),
    ("8万元", [("money", "80000", "CNY")]),
    ("一百零五元", [("money", "105", "CNY")]),
    ("一千零五十元", [("money", "1050", "CNY")]),
    ("3万5000元", [("money", "35000", "CNY")]),
    ("一点二亿元", [("money", "120000000", "CNY")]),
    ("壹佰贰拾万元", [("money", "1200000", "CNY")]),
    ("300块", [("money", "300", "CNY")]),
    ("300块钱", [("money", "300", "CNY")]),
    ("¥300万", [("money", "3000000", "CNY")]),
    ("￥300万", [("money", "3000000", "CNY")]),
    ("RMB 300万", [("money", "3000000", "CNY")]),
    ("300万RMB", [("money", "3000000", "CNY")]),
    ("CNY 1000", [("money", "1000", "CNY")]),
    ("人民币300万", [("money", "3000000", "CNY")]),
    ("USD 150万", [("money", "1500000", "USD")]),
    ("US$2M", [("money", "2000000", "USD")]),
    ("150万USD", [("money", "1500000", "USD")]),
    ("150万美金", [("money", "1500000", "USD")]),
    ("20K美元", [("money", "20000", "USD")]),
    ("0元", [("money", "0", "CNY")]),
    ("零元", [("money", "0", "CNY")]),
    ("12,345.67元", [("money", "12345.67", "CNY")]),
    ("1,500万美元", [("money", "15000000", "USD")]),
    ("3 万元", [("money", "30000", "CNY")]),
    ("100 万美元", [("money", "1000000", "USD")]),
    # money without a currency word: currency None, never guessed
    ("150万", [("money", "1500000", None)]),
    ("一百二十万", [("money", "1200000", None)]),
    ("三百万", [("money", "3000000", None)]),
    ("300w", [("money", "3000000", None)]),
    ("300W", [("money", "3000000", None)]),
    ("１５０万", [("money", "1500000", None)]),
    ("5千万", [("money", "50000000", None)]),
    ("八十万零五千", [("money", "805000", None)]),
    ("12.5万", [("money", "125000", None)]),
    ("三万五", [("money", "35000", None)]),
    ("两千五百万", [("money", "25000000", None)]),
    ("一千二", [("money", "1200", None)]),
    ("两百五", [("money", "250", None)]),
    ("一万二", [("money", "12000", None)]),
    ("三千五", [("money", "3500", None)]),
    ("十万", [("money", "100000", None)]),
    ("一亿二千万", [("money", "120000000", None)]),
    ("1亿2千万", [("money", "120000000", None)]),
    ("3万5", [("money", "35000", None)]),
    ("三点五万", [("money", "35000", None)]),
    ("2.5千万", [("money", "25000000", None)]),
    ("20k", [("money", "20000", None)]),
    ("四百五十万零三百", [("money", "4500300", None)]),
    ("费用3000", [("money", "3000", None)]),
    ("租金8000", [("money", "8000", None)]),
    # negative amounts parse as negative so the bot can reject them
    ("-5万", [("money", "-50000", None)]),
    ("负五万", [("money", "-50000", None)]),
    ("-3000元", [("money", "-3000", "CNY")]),
    ("负三千元", [("money", "-3000", "CNY")]),
    # exchange rates
    ("汇率7.05", [("rate", "7.05", None)]),
    ("汇率按6.8算", [("rate", "6.8", None)]),
    ("7.1的汇率", [("rate", "7.1", None)]),
    ("汇率是7.0467", [("rate", "7.0467", None)]),
    ("中间价7.0467", [("rate", "7.0467", None)]),
    ("按6.9的汇率", [("rate", "6.9", None)]),
    ("1美元兑7.05人民币", [("rate", "7.05", None)]),
    ("1美元=7.1元", [("rate", "7.1", None)]),
    # counts
    ("30名", [("count", "30", None)]),
    ("三场", [("count", "3", None)]),
    ("20人", [("count", "20", None)]),
    ("5个", [("count", "5", None)]),
    ("二十名实习生", [("count", "20", None)]),
    ("3个平台", [("count", "3", None)]),
    ("3家企业", [("count", "3", None)]),
    ("2项资质", [("count", "2", None)]),
    ("5位", [("count", "5", None)]),
    ("3场境外展会，每场8万", [("count", "3", None), ("money", "80000", None)]),
    ("3场境外展会，每场8万元", [("count", "3", None), ("money", "80000", "CNY")]),
    # areas
    ("1500平米", [("area", "1500", None)]),
    ("1500㎡", [("area", "1500", None)]),
    ("1500平方米", [("area", "1500", None)]),
    ("1000平方", [("area", "1000", None)]),
    ("1000m2", [("area", "1000", None)]),
    ("1000m²", [("area", "1000", None)]),
    ("800平", [("area", "800", None)]),
    ("一千五百平米", [("area", "1500", None)]),
    # years
    ("2023年", [("year", "2023", None)]),
    ("２０２３年", [("year", "2023", None)]),
    ("二〇二三年", [("year", "2023", None)]),
    ("二零二三年", [("year", "2023", None)]),
    ("一九九八年", [("year", "1998", None)]),
    ("2023年度", [("year", "2023", None)]),
    ("2020年12月26日", [("year", "2020", None)]),
    ("去年", [("year", None, None)]),
    ("今年", [("year", None, None)]),
    ("前年", [("year", None, None)]),
    ("上年度", [("year", None, None)]),
    ("上一年", [("year", None, None)]),
    ("本年度", [("year", None, None)]),
    ("明年", [("year", None, None)]),
    ("大前年", [("year", None, None)]),
    # durations
    ("两年", [("duration_years", "2", None)]),
    ("3年以上", [("duration_years", "3", None)]),
    ("一年半", [("duration_years", "1.5", None)]),
    ("半年", [("duration_years", "0.5", None)]),
    ("6个月", [("duration_months", "6", None)]),
    ("三个月", [("duration_months", "3", None)]),
    ("12个月以上", [("duration_months", "12", None)]),
    # percentages (the number as written)
    ("70%", [("percent", "70", None)]),
    ("百分之七十", [("percent", "70", None)]),
    ("百分之12.5", [("percent", "12.5", None)]),
    ("12.5%", [("percent", "12.5", None)]),
    ("７０％", [("percent", "70", None)]),
    # ranges: the first number takes the second's magnitude and unit
    ("10—30万元", [("money", "100000", "CNY"), ("money", "300000", "CNY")]),
    ("10-30万元", [("money", "100000", "CNY"), ("money", "300000", "CNY")]),
    ("20~30人", [("count", "20", None), ("count", "30", None)]),
    ("3到5年", [("duration_years", "3", None), ("duration_years", "5", None)]),
    ("800-1000平米", [("area", "800", None), ("area", "1000", None)]),
    # not figures
    ("第三条第（二）项", []),
    ("第3点", []),
    ("第（七）项第2点", []),
    ("3.7.2", []),
    ("郑政办〔2020〕58号", []),
    ("CMMI3级", []),
    ("ISO9001认证", []),
    ("5G项目", []),
    ("5km", []),
    ("100多万", []),
    ("几十万", []),
    ("二十余人", []),
    ("十几个", []),
    ("6个多月", []),
    ("上半年", []),
    ("千万不要", []),
    ("万一", []),
    ("统一", []),
    ("三条", []),
    ("四五个", []),
    ("一两个", []),
    ("一次性", []),
    ("150", []),
    ("三", []),
    ("十二", []),
    ("成本年度", []),
    ("说明年度报告", []),
    ("过去年份", []),
    ("", []),
]


def summary(figures):
    """[(kind, value, currency), …] of parsed figures."""
    return [(f.kind, f.value, f.currency) for f in figures]


def expected_summary(rows):
    """The table's rows with values as Decimals."""
    return [(k, None if v is None else Decimal(v), c) for k, v, c in rows]


class TestParseFigures:
    def test_table_is_large(self):
        """The known-answer table has at least 80 expressions."""
        assert len(EXPRESSIONS) >= 80

    @pytest.mark.parametrize("text, expected", EXPRESSIONS)
    def test_known_answers(self, text, expected):
        """Each expression yields exactly the expected figures."""
        assert expected_summary(expected) == summary(parse_figures(text))

    @pytest.mark.parametrize("text, _", EXPRESSIONS)
    def test_offsets_index_the_original(self, text, _):
        """start/end index the original text and raw is that slice."""
        for f in parse_figures(text):
            assert text[f.start : f.end] == f.raw

    @pytest.mark.parametrize("text, _", EXPRESSIONS)
    def test_kinds(self, text, _):
        """Every kind is one of the documented kinds."""
        assert set() == {f.kind for f in parse_figures(text)} - set(KINDS)

    def test_money_without_currency_is_none(self):
        """ "150万" is money with currency None, never guessed."""
        assert [Figure("money", Decimal(1500000), None, "", 0, 4, "150万")] == parse_figures("150万")

    def test_year_is_not_money(self):
        """ "2023年" is a year, not money."""
        assert ["year"] == [f.kind for f in parse_figures("2023年离岸")]

    @pytest.mark.parametrize(
        "word, year",
        [("去年", 2023), ("今年", 2024), ("前年", 2022), ("明年", 2025), ("上年度", 2023), ("大前年", 2021)],
    )
    def test_relative_years_resolved(self, word, year):
        """Relative years resolve against today_year, keeping the word as unit."""
        figure = parse_figures(word, today_year=2024)[0]
        assert ("year", Decimal(year), word) == (figure.kind, figure.value, figure.unit)

    def test_relative_year_unresolved(self):
        """Without today_year a relative year has value None and the word as unit."""
        figure = parse_figures("去年")[0]
        assert (None, "去年") == (figure.value, figure.unit)

    @pytest.mark.parametrize(
        "text, bound",
        [
            ("3年以上", "以上"),
            ("超过100万美元", "超过"),
            ("最高200万元", "最高"),
            ("不低于6个月", "不低于"),
            ("20名以上", "以上"),
            ("约50万", "约"),
            ("3年多", "多"),
            ("150万美元", None),
        ],
    )
    def test_bound(self, text, bound):
        """Adjacent bound words are recorded."""
        assert bound == parse_figures(text)[0].bound

    def test_sentence(self):
        """A whole sentence yields its figures in order."""
        text = "我们公司去年离岸执行额150万美元，今年在岸1200万元，汇率按7.05算"
        expected = [
            ("year", Decimal(2023), None),
            ("money", Decimal(1500000), "USD"),
            ("year", Decimal(2024), None),
            ("money", Decimal(12000000), "CNY"),
            ("rate", Decimal("7.05"), None),
        ]
        assert expected == summary(parse_figures(text, today_year=2024))

    def test_policy_text(self):
        """The policy's own wording parses: 超过 100 万美元, 最高 200 万元 (spaces and all)."""
        text = "对年度离岸服务外包业务超过 100 万美元的企业，单个企业年度奖励金额最高 200 万元。"
        expected = [("money", Decimal(1000000), "USD"), ("money", Decimal(2000000), "CNY")]
        assert expected == summary(parse_figures(text))

    def test_units(self):
        """unit records the word as written."""
        assert ["美元", "刀", "平米", "名", "个月", "%"] == [
            f.unit for f in parse_figures("5万美元 3万刀 100平米 4名 6个月 7%")
        ]


class TestParseNumber:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("一百二十万", "1200000"),
            ("三百万", "3000000"),
            ("两百万", "2000000"),
            ("300w", "3000000"),
            ("300W", "3000000"),
            ("3,000,000", "3000000"),
            ("１５０万", "1500000"),
            ("5千万", "50000000"),
            ("八十万零五千", "805000"),
            ("12.5万", "125000"),
            ("三万五", "35000"),
            ("两千五百万", "25000000"),
            ("1.2亿", "120000000"),
            ("-5万", "-50000"),
            ("负五万", "-50000"),
            ("零", "0"),
            ("十二", "12"),
            ("二十", "20"),
            ("一百零五", "105"),
            ("150", "150"),
            ("7.0467", "7.0467"),
            ("三点一四", "3.14"),
            ("二〇二三", "2023"),
            ("1.5M", "1500000"),
            ("  42 ", "42"),
            ("一万亿", "1000000000000"),
        ],
    )
    def test_numbers(self, text, expected):
        """A whole text that is one number gives its value."""
        assert Decimal(expected) == parse_number(text)

    @pytest.mark.parametrize(
        "text", ["150万元", "百分之七十", "千万", "万", "一二三", "abc", "", "五百三千", "3.7.2", "汇率7.05", "1,2345"]
    )
    def test_not_numbers(self, text):
        """Units, words and malformed numerals give None."""
        assert None is parse_number(text)


class TestNormalize:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("１５０万", "150万"),
            ("７０％", "70%"),
            ("３，０００", "3,000"),
            ("１．５", "1.5"),
            ("－５万", "-5万"),
            ("＄１", "$1"),
            ("￥３", "¥3"),
            ("二〇二三年", "2023年"),
            ("二零二三年", "2023年"),
            ("一百〇五", "一百05"),
            ("八十万零五千", "八十万零五千"),
            ("五六年", "五六年"),
            ("a\u3000b", "a b"),
            ("ＣＭＭＩ", "CMMI"),
        ],
    )
    def test_known(self, text, expected):
        """Full-width forms become ASCII; 〇 and digit-by-digit years are handled."""
        assert expected == normalize(text)

    @pytest.mark.parametrize("text, _", EXPRESSIONS)
    def test_length_preserved(self, text, _):
        """normalize keeps the length, so offsets carry over."""
        assert len(text) == len(normalize(text))


class TestWordsThatLookLikeNumbers:
    """A lone 一 after a money word is a word (一共, 一下), not a figure."""

    @pytest.mark.parametrize("text", ["资质认证补贴一共多少", "补贴一下", "奖励一共能拿多少"])
    def test_no_figure(self, text):
        """No money figure is read."""
        from calculator.figures_zh import parse_figures

        assert [] == [f for f in parse_figures(text) if f.kind == "money"]


@pytest.mark.parametrize(
    "text,value", [("在岸800万两年都一样", "8000000"), ("租金三万两年", "30000"), ("1万2", "12000")]
)
def test_a_numeral_after_wan_before_a_year_counts_the_years(text, value):
    """「800万两年」 is 800万 and two years, never 8,002,000."""
    assert [value] == [str(f.value) for f in parse_figures(text) if f.kind == "money"]
