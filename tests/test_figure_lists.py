"""Lists and pairs of figures (bot/estimate/lists.py): each figure is read with the words typed next to it, never
shifted onto a neighbour, never averaged or dropped; names the reader does not know are kept as typed. Wording of
our own; the amounts are the calculator's on the fields the sentence states."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate import lists
from bot.estimate.reading import figures
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand import groups
from bot.understand.facts import read_facts, to_json
from bot.understand.segment import is_question
from calculator import calculate


def session(text: str) -> EstimateSession:
    """A session started the way the action starts one: with the facts of the message."""
    return EstimateSession.start(text, known=to_json(read_facts(text)))


def entries(text: str) -> list:
    norm = normalize(text)
    return [[(e.label, e.figure.raw) for e in lst.entries] for lst in lists.figure_lists(norm, figures(norm))]


def total(s) -> Decimal:
    return Decimal(str(s.compute()["total_cny"]))


class TestFigureLists:
    def test_each_entry_keeps_its_own_label(self):
        """Labels come from the words before each figure, an aside in brackets kept with them."""
        found = entries("培训：老刘（本科 项目经理）3万，小陈（硕士 技术总监）7万，老周（本科 项目经理）2万")
        assert [
            [("老刘(本科 项目经理)", "3万"), ("小陈(硕士 技术总监)", "7万"), ("老周(本科 项目经理)", "2万")]
        ] == found

    def test_words_between_entries_start_another_list(self):
        """「…40万 没领过 另外平台…」: words that are no label of the next figure end the list before it."""
        found = entries("年租金40万 没领过 还建了个公共技术服务平台 买服务器150万")
        assert [[("年租金", "40万")], [("买服务器", "150万")]] == found

    def test_a_latin_name_before_a_space_is_the_label(self):
        assert [[("tmmi认证", "8万"), ("pcmm 3级", "6万")]] == entries("TMMI认证8万 PCMM 3级 6万")

    def test_a_new_statement_starts_another_list(self):
        assert 2 == len(entries("CMMI认证20万，另外展位费3万"))


class TestCertificateNames:
    def test_four_certificates_each_named_as_typed(self):
        """An unknown ISO number is a name of its own; no name shifts onto the next fee (a wrong label)."""
        s = session("今年：CMMI5级新认证费26万、ISO20000维护费4万、ISO27001新认证6万、ITSS认证8万；资质补贴多少")
        typed = [("CMMI5级", 260000), ("ISO20000", 40000), ("ISO27001", 60000), ("ITSS", 80000)]
        assert typed == [(c["name"], c["cost_cny"]) for c in s.inputs["certifications"]]

    def test_a_chinese_name_the_reader_does_not_know_is_kept(self):
        s = session("等保三级测评费5万，CMMI3认证12万，资质补贴多少")
        assert ["等保三级测评", "CMMI3"] == [c["name"] for c in s.inputs["certifications"]]

    def test_names_said_before_respectively_follow_their_order(self):
        s = session("CMMI和ITSS认证费分别是18万、5万，资质补贴多少")
        assert [("CMMI", 180000), ("ITSS", 50000)] == [(c["name"], c["cost_cny"]) for c in s.inputs["certifications"]]


# (not ISO9001: read as not 服务外包相关 and dropped by name, facts.yml certification_related; tests/test_subset_drop.py)
NAMES = ["CMMI3级", "CMMI5级", "ISO20000", "ISO27001", "ITSS", "PCMM", "TMMI", "CCRC"]
FEE_WORDS = ["认证费", "维护费", "新认证", "认证", " "]  # a name ending in digits is typed apart from its fee
SEPARATORS = ["、", "，", " ", "；"]


@settings(max_examples=40, deadline=None)
@given(
    certs=st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from(FEE_WORDS), st.integers(1, 40)),
        min_size=1,
        max_size=4,
        unique_by=lambda c: c[0][:4] if not c[0].startswith("ISO") else c[0],
    ),
    sep=st.sampled_from(SEPARATORS),
)
def test_every_certificate_fee_is_read_with_the_name_typed_beside_it(certs, sep):
    """Whatever the names and separators, each fee used is a typed figure and carries the name typed next to it."""
    said = sep.join(f"{name}{fee}{n}万" for name, fee, n in certs)
    s = session(f"今年{said}，资质认证补贴多少")
    got = [(c["name"], int(c["cost_cny"])) for c in s.inputs["certifications"]]
    assert [(name.upper(), n * 10000) for name, _, n in certs] == got


TITLES = [("项目经理", "本科"), ("项目总监", "硕士"), ("技术总监", "本科"), ("部门经理", "博士")]


@settings(max_examples=30, deadline=None)
@given(people=st.lists(st.tuples(st.sampled_from(TITLES), st.integers(1, 9)), min_size=2, max_size=5))
def test_every_person_listed_under_a_training_header_is_counted(people):
    """「送了N个中高级人才去培训：甲（本科 项目经理）2万，乙（硕士 项目总监）8万…」: every cost typed is one person's,
    whether or not its own label names a 项目经理; the total is the calculator's on those costs."""
    names = "甲乙丙丁戊"
    said = "，".join(f"{names[i]}（{edu} {title}）{n}万" for i, ((title, edu), n) in enumerate(people))
    s = session(f"公司送了{len(people)}个中高级人才去做涉外业务培训：{said}，补贴多少")
    costs = [int(e["cost_cny"]) for e in s.inputs["senior_training"]]
    assert [n * 10000 for _, n in people] == costs
    assert total(s) == Decimal(str(calculate({"senior_training": [{"cost_cny": c} for c in costs]})["total_cny"]))


class TestPairsByYear:
    def test_the_fact_reader_never_takes_last_years_figure_as_this_years(self):
        """「去年和今年…分别是80万美元、150万美元」: this year's offshore amount is 150万, not 80万."""
        facts = read_facts("我们去年和今年离岸执行额分别是80万美元、150万美元，今年汇率6.9，离岸奖励多少")
        assert Decimal(1500000) == facts["offshore_usd"].exact()

    def test_the_offshore_award_alone_needs_no_rate_of_last_year(self):
        """Only the asked item is computed: 150万美元 × 6.9 × 10%; last year's rate is not asked for."""
        s = session("我们去年和今年离岸执行额分别是80万美元、150万美元，今年中间价按6.9算，离岸奖励有多少")
        assert "done" == s.status
        assert ["3.2"] == s.items
        assert Decimal("1035000") == total(s)

    @settings(max_examples=25, deadline=None)
    @given(
        prev=st.integers(50, 300),
        cur=st.integers(50, 300),
        this_first=st.booleans(),
        sep=st.sampled_from(["、", "和", "，"]),
    )
    def test_a_pair_in_either_order_gives_this_year_its_own_figure(self, prev, cur, this_first, sep):
        years, values = (("今年", "去年"), (cur, prev)) if this_first else (("去年", "今年"), (prev, cur))
        facts = read_facts(f"离岸{years[0]}和{years[1]}分别是{values[0]}万美元{sep}{values[1]}万美元")
        said = facts.get("offshore_usd")
        assert said is None or Decimal(cur * 10000) == said.exact()


class TestPairsByName:
    def test_each_name_before_respectively_gets_its_own_figure(self):
        """「境内展会和境外展会分别花了3万、8万」: 3万 is the domestic fair's (capped at 2万), 8万 the overseas one's."""
        s = session("境内展会和境外展会分别花了3万、8万 展会补贴多少")
        assert [("domestic", 30000), ("overseas", 80000)] == [(f["region"], f["cost_cny"]) for f in s.inputs["fairs"]]
        assert Decimal(70000) == total(s)

    def test_a_shared_attribute_after_the_last_name_is_both_names(self):
        said = lists.spell_out_respective(normalize("北京展和东京展的展位费分别是2万和6万"))
        assert "北京展的展位费2万，东京展的展位费6万" == said

    def test_more_figures_than_names_are_left_as_said(self):
        text = normalize("a展和b展分别3万、5万、7万")
        assert text == lists.spell_out_respective(text)


class TestPlatformLists:
    def test_costs_listed_under_a_platform_are_not_other_items(self):
        """「平台 投入：硬件…场地房租60万」: the rent is a platform cost 三（九） does not list, named as typed; no rent item."""
        s = session(
            "我们建了服务外包公共技术服务平台 投入：服务器280万 正版软件120万 人员工资90万 场地房租40万 平台补贴多少"
        )
        assert ["3.9"] == s.items
        assert [Decimal(4000000)] == [p["cost_cny"] for p in s.inputs["platforms"]]
        assert any("人员工资90万元、场地房租40万元不在第三条第（九）项" in n for n in s.notes)

    def test_a_fee_that_buys_nothing_is_named_not_added(self):
        s = session("培训服务平台 硬件100万 正版软件30万 讲师费20万 平台补贴多少")
        assert [Decimal(1300000)] == [p["cost_cny"] for p in s.inputs["platforms"]]
        assert any(n.startswith("讲师费20万元不在") for n in s.notes)

    def test_a_whole_investment_asks_for_its_purchase_part(self):
        """「总投入500万」 with no purchase named: never 500万 × 30%; the purchase part is asked, naming the total."""
        s = session("我们建服务外包公共信息服务平台 总投资600万 能补多少")
        assert "platform_breakdown" == s.clarify["kind"] and "600万元" in s.clarify["question"]
        s.handle("服务器和机房设备300万，正版软件100万，剩下200万是人员工资和房租")
        assert Decimal(1200000) == total(s)  # (300万 + 100万) × 30%


NUMERALS = "一二三四五"
FAILING = ["是高中学历", "没通过考核", "是中专学历"]


@settings(max_examples=30, deadline=None)
@given(
    counts=st.lists(st.integers(20, 90), min_size=2, max_size=4),
    style=st.sampled_from(["第{n}期{c}人", "{n}期{c}人", "第{n}批{c}", "{n}班{c}人"]),
    part=st.one_of(st.none(), st.tuples(st.integers(0, 3), st.integers(1, 9), st.sampled_from(FAILING))),
    among=st.sampled_from(["里有", "里头有", "中有", "有"]),
)
def test_trainees_in_batches_are_the_batches_typed_less_the_part_said(counts, style, part, among):
    """Every batch count typed is added once; a part said of one batch that fails a condition is taken out of it;
    nothing is guessed (the property behind 「一期60人 二期45人 二期里有5个…」)."""
    said = " ".join(style.format(n=NUMERALS[i], c=c) for i, c in enumerate(counts))
    text = f"我们是认定的服务外包培训机构 今年培训了{len(counts)}批 {said}"
    expected = sum(counts)
    if part is not None:
        which, n, why = part
        which = min(which, len(counts) - 1)
        label = style.format(n=NUMERALS[which], c="").rstrip("人")
        text += f" {label}{among}{n}个{why}"
        expected -= n
    s = session(text + " 其他都是大专以上 考核都通过了 都签了一年以上劳动合同 能拿多少定额支持")
    assert expected == s.inputs["institution_trainees"]


class TestGroupsAndKinds:
    def test_batches_named_by_a_numeral_alone_are_added(self):
        assert (55, 40) == groups.read(normalize("办了两期 一期55人 二期40人")).counts

    def test_one_batch_then_another_with_bare_counts(self):
        """「两批 一批50 一批70」: each 一批 is another batch; the batch word says the bare numbers count people."""
        assert (50, 70) == groups.read(normalize("今年培训了两批学员 一批50 一批70")).counts

    def test_a_part_of_a_batch_told_in_a_later_message(self):
        """「第二期里有3个是中专」 after the batches were counted: taken out of the running count (40 − 3)."""
        s = session("已认定培训机构 办了两期 分别25 15个人 都考核通过签了一年合同 定额支持多少")
        s.handle("对了第二期里有3个是中专学历的 其他人都是大专以上 重新算一下")
        assert 37 == s.inputs["institution_trainees"]

    def test_a_batch_counted_with_you_is_no_part(self):
        assert (40, 35) == groups.read(normalize("第一期有40人 第二期有35人")).counts

    def test_batches_that_do_not_match_their_count_are_no_total(self):
        assert groups.read(normalize("办了三期 一期20人 二期30人")) is None

    def test_a_part_of_one_batch_is_taken_out(self):
        s = session(
            "我们是认定的服务外包培训机构 今年三批 第一批30人 第二批25人 第三批40人 第三批里头有4个是中专学历 "
            "其他都是大专以上 考核都过了 都签了一年以上劳动合同 能拿多少"
        )
        assert 91 == s.inputs["institution_trainees"]  # 30 + 25 + 40 − 4

    def test_last_year_with_one_kind_only_had_none_of_the_other(self):
        s = session("今年在岸500万 离岸120万美元 汇率7.0 去年只有在岸300万 增量奖励多少")
        assert Decimal(0) == s.inputs["previous_offshore_usd"]
        assert "done" == s.status

    def test_an_answer_saying_no_offshore_settles_the_kind_of_its_figure(self):
        s = session("今年合同执行额3,000,000元 增量奖励多少")
        s.handle("去年是250万 不是新公司 没有离岸")
        assert Decimal(2500000) == s.inputs["previous_onshore_cny"]
        assert Decimal(15000) == total(s)  # (300万 − 250万) × 3%

    def test_an_answer_naming_no_offshore_of_its_own_kind(self):
        """「去年180万 离岸没做」「没有海外业务」: 离岸 said to be none names no figure; the figure is onshore."""
        for answer in ("去年220万 离岸没做", "去年的话220万左右 没有海外业务"):
            s = session("今年合同执行额3,000,000元 增量奖励多少")
            s.handle(answer)
            assert Decimal(2200000) == s.inputs["previous_onshore_cny"], answer
            assert Decimal(24000) == total(s)  # (300万 − 220万) × 3%

    def test_no_onshore_in_an_answer_about_last_year_is_last_years(self):
        s = session("今年合同执行额3,000,000元 增量奖励多少")
        s.handle("去年150万美元 在岸没有")
        assert (Decimal(3000000), Decimal(0)) == (s.inputs["onshore_cny"], s.inputs["previous_onshore_cny"])

    def test_two_years_in_a_rent_message_are_the_business_amounts(self):
        """The contract amount of 三（八）3 is this year's; last year's amount is used by 三（一）."""
        s = session(
            "入驻市级重点园区4年 今年执行额1800万 去年1500万 全是在岸 年租金60万 面积800平 没拿过租金补贴 能拿哪些"
        )
        assert {"3.1", "3.8.3"} <= set(s.items)
        assert (Decimal(18000000), Decimal(15000000)) == (s.inputs["onshore_cny"], s.inputs["previous_onshore_cny"])

    def test_a_question_ending_in_mei(self):
        assert is_question("还有别的支持没")
        assert not is_question("我们还没")
