"""What-ifs, parts of a fair's cost and pasted tables (hscen): every alternative of a what-if is its own scenario on
its own figure; fairs corrected by name keep the fairs not named and a travel part inside a new cost is taken out of
it; a next-year what-if keeps the figures said unchanged and the items it names; an undivided revenue with an offshore
share asks the currency and the parts; a table's row header gives its cells' currency, its columns their years.
The wording here is the team's own, not the outside cases'."""

from decimal import Decimal

import pytest

from actions.estimate import ActionLooseAnswer
from bot.estimate import fair_fixes, scenarios, tables
from bot.estimate.reading import is_what_if, next_year_supposed
from bot.estimate.session import EstimateSession, items_for_inputs, running_inputs, to_json
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts
from tests.test_estimate_multiturn import conversation

D = Decimal


def amend(inputs: dict, text: str):
    """The running estimate `inputs` amended by `text` as the correction path does: (session, turn)."""
    session = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    session.last_keys = list(inputs)
    session.amending = True
    return session, session.handle(text, "correct_value")


def estimate_of(text: str) -> dict:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    return session.compute()


class TestEveryAlternativeIsItsOwnScenario:
    @pytest.mark.parametrize(
        "text, values",
        [
            ("要是今年离岸做到80万美元、160万美元，或者260万美元，汇率按7.0，各能拿多少", ["80万", "160万", "260万"]),
            ("假设离岸是95万美元，或是140万美元，又或者220万美元，汇率7.2，分别能拿多少", ["95万", "140万", "220万"]),
            ("如果离岸能冲到110万、170万或者230万美元 汇率7.1 三种情况分别多少", ["110万", "170万", "230万"]),
            (
                "假如在岸做到2000万、2600万、3100万还是3900万，去年1800万，增量奖励分别多少",
                ["2000万", "2600万", "3100万", "3900万"],
            ),
        ],
    )
    def test_each_value_said_gets_a_copy_with_only_it(self, text, values):
        cases = scenarios.split(normalize(text))
        assert [v.replace("美元", "") for _, v, _ in cases] == values
        for (_, _, words), value in zip(cases, values):
            others = [v for v in values if v != value]
            assert value in words and not any(o in words for o in others), words

    def test_each_scenario_computed_on_its_own_offshore_figure(self):
        """85万美元 is not over 100万美元: 0; 130万 × 7.0 × 10% = 910,000; 240万 × 7.0 × 10% = 1,680,000."""
        cases = scenarios.split(normalize("假如离岸做到85万美元、130万美元、或者240万美元，汇率都按7.0，分别能拿多少"))
        totals = [estimate_of(words)["total_cny"] for _, _, words in cases]
        assert totals == [0, 910000, 1680000]

    @pytest.mark.parametrize(
        "text",
        [
            "假如离岸做到95万美元、135万美元或者210万美元，汇率7.0，能拿多少",
            "要是离岸是95万美元还是135万美元 汇率7.0 能拿多少",
            "如果今年离岸95万美元或135万美元，汇率按7.0，离岸奖励多少",
        ],
    )
    def test_alternatives_need_no_asking_word(self, text):
        cases = scenarios.split(normalize(text))
        assert [v for _, v, _ in cases][:2] == ["95万美元", "135万美元"]

    def test_a_bare_comma_without_a_closing_join_is_no_run(self):
        cases = scenarios.split(normalize("假如离岸做到130万美元，汇率7.0，能拿多少"))
        assert cases == []


FOUR_FAIRS = [
    {"region": "domestic", "cost_cny": D("22000")},
    {"region": "domestic", "cost_cny": D("34000")},
    {"region": "overseas", "cost_cny": D("70000")},
]


class TestFairsCorrectedByName:
    @pytest.mark.parametrize(
        "text, costs",
        [
            # the letter label numbers the fairs as told; the one overseas fair's new cost less the travel inside it
            (
                "不好意思记错了：B展其实是3.8万；国外那场是10万，其中2.5万是机票和酒店。其余不变",
                ["22000", "38000", "75000"],
            ),
            # the old cost names the fair; the rest stays without being said so
            ("3.4万那场写错了，应该是2.9万；境外那个展里头有1万是差旅费，别的都不变", ["22000", "29000", "60000"]),
            # an ordinal, then a part of the overseas fair's old cost taken out
            ("更正一下：第一场实际是1.6万，海外那场里面有0.5万是住宿费，其他不变", ["16000", "34000", "65000"]),
            ("乙展搞错了 是4万 其余的不变", ["22000", "40000", "70000"]),
        ],
    )
    def test_only_the_named_fairs_change(self, text, costs):
        fixed = fair_fixes.correct_fairs(FOUR_FAIRS, normalize(text))
        assert fixed is not None
        assert [str(e["cost_cny"]) for e in fixed[0]] == costs
        assert [e["region"] for e in fixed[0]] == ["domestic", "domestic", "overseas"]

    def test_a_fair_that_cannot_be_told_apart_is_not_guessed(self):
        assert fair_fixes.correct_fairs(FOUR_FAIRS, normalize("境内那场其实是4万，其他不变")) is None

    @pytest.mark.parametrize(
        "text", ["境内那场其实是4万，其他不变", "国内的写错了 应该是3万 别的不变", "不对，境内展是2.8万，其余不变"]
    )
    def test_an_unplaced_cost_asks_the_regions_fairs(self, text):
        s, turn = amend({"fairs": FOUR_FAIRS}, text)
        assert turn.understood and s.status == "collecting"
        question = s.question()
        assert "哪一场" in question and "2.2万元、3.4万元" in question
        assert [str(e["cost_cny"]) for e in s.inputs["fairs"]] == ["22000", "34000", "70000"]
        s.handle("2.2万和3.6万", "inform")
        assert s.status == "done" and D("84400") == s.compute()["total_cny"]  # 15,400 + 20,000 (cap) + 49,000

    def test_a_bare_number_is_never_dropped(self):
        assert (
            fair_fixes.correct_fairs(FOUR_FAIRS, normalize("第一场其实是1.6万，海外那场里面有5000是住宿费，其他不变"))
            is None
        )

    def test_a_new_fair_added_is_no_correction(self):
        assert fair_fixes.correct_fairs(FOUR_FAIRS, normalize("不对，境外的其实是8万，另外又去了一场成都展3万")) is None

    def test_through_the_session(self):
        """22,000 → 15,400; 38,000 → 26,600 → 20,000; overseas (100,000 − 25,000) × 70% = 52,500 → 50,000."""
        s, turn = amend(
            {"fairs": FOUR_FAIRS},
            "刚才说错了两个：B展其实是3.8万；境外那场10万，里面有2.5万是机票酒店。其他不变，重算一下",
        )
        assert turn.understood and s.status == "done"
        assert D("85400") == s.compute()["total_cny"]
        assert any("其余1场不变" in n and "10万元 − 2.5万元 = 7.5万元" in n for n in s.notes)


RENT_AND_PLATFORM = "我们在市级服务外包重点园区入驻2年 今年合同执行额820万 办公室1100平 年租金88万；今年还建了公共技术服务平台 硬件软件共200万。这两项多少"


class TestNextYearKeepsTheFiguresSaid:
    @pytest.mark.parametrize(
        "text",
        [
            "那明年呢 明年入驻就满三年了 合同额还是820万 面积和租金都不变 租金补贴多少",
            "明年的话入驻满3年，其他照旧，房租补贴能拿多少",
            "那下一年呢？满三年了，执行额、租金、面积不变，租金补贴是多少",
        ],
    )
    def test_rent_next_year_from_the_figures_told(self, text):
        """30% × 880,000 × 1000/1100 = 240,000; the platform built this year is no figure of next year."""
        assert is_what_if(text) and next_year_supposed(normalize(text)) is not None
        first = EstimateSession.start(RENT_AND_PLATFORM)
        s, turn = amend(running_inputs(first.inputs), text)
        assert turn.understood and s.status == "done", s.question()
        s.keep_named_items(text)
        assert s.items == ["3.8.3"] and "platforms" not in s.inputs
        assert D("240000") == s.compute()["total_cny"]

    def test_business_figures_are_never_narrowed_away(self):
        """Next year 1,500万 + 160万 × 7.0 = 26,200,000 against 23,400,000: 84,000; offshore 1,120,000."""
        first = EstimateSession.start(
            "今年在岸1,500万 去年1,300万，离岸今年120万美元 汇率7.0 去年没有离岸 算一下今年的"
        )
        text = "如果明年离岸做到160万美元 汇率还是7.0 在岸不变 明年增量和离岸一共多少"
        s, turn = amend(running_inputs(first.inputs), text)
        s.keep_named_items(text)
        assert s.status == "done" and D("1600000") == s.inputs["offshore_usd"]
        assert D("1204000") == s.compute()["total_cny"]

    @pytest.mark.parametrize(
        "text", ["面积租金不变 明年租金补贴多少", "租金和面积都不变，租金补贴呢", "明年房租不变 能补多少"]
    )
    def test_unchanged_is_no_negation(self, text):
        from bot.understand import facts as fact_reader

        assert fact_reader.message_facts(text).get("office_rented") is not False

    async def test_through_the_loose_answer(self):
        first = EstimateSession.start(RENT_AND_PLATFORM)
        tracker = conversation(
            "那明年呢 入驻就满3年了 执行额预计还是820万 面积租金不变 明年租金补贴能有多少",
            "correct_value",
            {"estimate_inputs": to_json(running_inputs(first.inputs))},
            earlier=[RENT_AND_PLATFORM],
        )
        d, _ = await run(ActionLooseAnswer(), tracker)
        out = texts(d)
        assert "240,000" in out and "租年租金是多少" not in out and "年租金是多少元" not in out
        assert "840,000" not in out  # 240,000 + 600,000 of this year's platform: not next year's


class TestUndividedRevenueWithAnOffshoreShare:
    @pytest.mark.parametrize(
        "text, said",
        [
            ("我们公司this year revenue约1.8 million，offshore占大头，能拿多少", "1.8 million"),
            ("revenue this year about 4 million, mostly offshore, how much can we get", "4 million"),
            ("今年营收大概3.5 million 离岸为主 能申请多少奖励", "3.5 million"),
        ],
    )
    def test_currency_parts_and_previous_year_asked(self, text, said):
        session = EstimateSession.start(text)
        assert session.status != "done"
        question = session.question()
        assert said in question and "美元还是人民币" in question
        assert "离岸" in question and "上年度" in question
        assert "54,000" not in question and "120,000" not in question

    def test_a_chinese_amount_keeps_the_yuan_convention(self):
        question = EstimateSession.start("今年营收差不多900万，境外业务占大部分，能拿多少").question()
        assert "900万" in question and "也没有说是美元还是人民币" not in question


class TestTableRowHeaderAndColumnYears:
    @pytest.mark.parametrize(
        "table, said",
        [
            (
                "| 项目 | 2022 | 2023 |\n|---|---|---|\n| 离岸执行额（美元） | 110万 | 150万 |\n| 中间价 | 6.9 | 7.0 |",
                "2022年离岸执行额110万美元，中间价6.9；2023年离岸执行额150万美元，中间价7.0。",
            ),
            (
                "| 指标 | 去年 | 今年 |\n|---|---|---|\n| 在岸执行额（元） | 1,900万 | 2,400万 |",
                "去年在岸执行额1,900万元；今年在岸执行额2,400万元。",
            ),
            (
                "指标 2023 2024\n在岸合同额(亿元) 1.1 1.4\n离岸合同额(万美元) 90 130",
                "2023年在岸合同额1.1亿元，离岸合同额90万美元；2024年在岸合同额1.4亿元，离岸合同额130万美元。",
            ),
        ],
    )
    def test_cells_read_with_the_row_unit_and_column_year(self, table, said):
        text, problems = tables.read_tables(table)
        assert said in text and problems == []

    def test_the_whole_table_estimated_without_a_currency_question(self):
        """3.1: (2,400万 + 150万 × 7.0) − (1,900万 + 110万 × 6.9) = 34,500,000 − 26,590,000 = 7,910,000 × 3%."""
        message = (
            "测算一下：\n| 项目 | 2022 | 2023 |\n|---|---|---|\n| 在岸执行额（元） | 1,900万 | 2,400万 |\n"
            "| 离岸执行额（美元） | 110万 | 150万 |\n| 年均中间价 | 6.9 | 7.0 |"
        )
        session = EstimateSession.start(message)
        assert session.status == "done", session.question()
        items = {i["code"]: i["amount_cny"] for i in session.compute()["items"]}
        assert items["3.1"] == 237300 and items["3.2"] == 1050000
