"""Round-13 estimate fixes: a column's unit in brackets, two years named with 都, a negation that covers only
what it names, awards listed under an award heading, and awards added to a check just made.
New wording, not the case files'."""

from decimal import Decimal

import pytest

from bot.estimate import stated_awards
from bot.estimate.reading import each_of_two_years, estimate_words
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from calculator.figures_zh import parse_figures


def _money(text: str) -> list:
    return [(f.value, f.currency) for f in parse_figures(text) if f.kind == "money"]


class TestHeaderUnit:
    def test_bracketed_unit_after_a_label_is_the_next_figures(self):
        """「境外合同执行额（USD）： 2,450,000」 is dollars, 「国内执行额(RMB)\\t812,000」 yuan."""
        assert [(Decimal("2450000"), "USD")] == _money("境外合同执行额（USD）： 2,450,000")
        assert [(Decimal("812000"), "CNY")] == _money("国内执行额(RMB)\t812,000")

    def test_bracketed_magnitude_multiplies(self):
        """「在岸(万元) 812」 is 8,120,000 yuan."""
        assert [(Decimal("8120000"), "CNY")] == _money("在岸(万元) 812")

    def test_brackets_after_a_figure_are_not_the_next_figures(self):
        """「离岸88万(美元) 95万」: the brackets belong to 88万; 95万 keeps no currency."""
        assert (Decimal("950000"), None) == _money("离岸88万(美元) 95万")[-1]

    def test_a_rate_after_a_bracketed_unit_stays_no_amount(self):
        """「汇率(元)：7.1」 is no amount of 7.1 yuan."""
        assert [] == _money("汇率(元)：7.1")

    def test_next_lines_rate_word_does_not_take_the_figure(self):
        """A table row ending a line before 「汇率」 keeps its column's unit."""
        assert (Decimal("4300000"), "CNY") == _money("上年国内(RMB)\t4,300,000.00\n汇率\t7.1")[0]

    def test_pasted_table_needs_no_currency_question(self):
        """The dollar columns of a pasted table are read as dollars, the yuan columns as yuan, nothing asked."""
        r = read(
            normalize("表格如下\n离岸(USD)\t2,050,000.00\n在岸(RMB)\t3,900,000.00\n上年离岸(USD)\t1,800,000.00"),
            items=["3.1", "3.2"],
        )
        assert Decimal("2050000") == r.fields["offshore_usd"]
        assert Decimal("3900000") == r.fields["onshore_cny"]
        assert Decimal("1800000") == r.fields["previous_offshore_usd"]
        assert not [c for c in r.clarifications if c.kind == "currency"]


class TestEachOfTwoYears:
    def test_consecutive_years_with_each_word(self):
        """Two years next to each other, then 都/均, say the thing held in both."""
        assert each_of_two_years("21跟22年均取得新发明专利") is True
        assert each_of_two_years("前年和去年都拿了新软著") is True
        assert each_of_two_years("2022、2023年分别登记了软件著作权") is True

    def test_years_apart_are_not_consecutive(self):
        """「2020和2022年都拿过」 is not 连续两年."""
        assert each_of_two_years("2020和2022年都拿过软著") is False

    def test_a_range_of_years_spans_them(self):
        """「前年至今年都有增长」 and 「21到23年都拿了」 cover two years or more."""
        assert each_of_two_years("研发经费前年至今年都有增长") is True
        assert each_of_two_years("21到23年都拿了新软著") is True

    def test_no_two_years_no_statement(self):
        """One year, or no 都, states nothing here."""
        assert each_of_two_years("22年拿了一个新专利") is None
        assert each_of_two_years("22和23年的执行额") is None

    def test_patents_condition_read_met(self):
        """The 三（三） patent condition is met, and the two awards kept as its base."""
        r = read(normalize("增量奖励42万 离岸奖励18万，21跟22年均有新发明专利授权，创新奖多少"), items=["3.3"])
        assert r.fields["innovation_patents_two_years"] is True
        assert Decimal("420000") == r.fields["_award_3.1"]
        assert Decimal("180000") == r.fields["_award_3.2"]

    def test_patents_condition_years_apart_not_met(self):
        r = read(normalize("增量奖励42万，2020和2022年都有新软著，创新奖多少"), items=["3.3"])
        assert r.fields["innovation_patents_two_years"] is False

    def test_said_outright_wins_over_a_range(self):
        """「连续两年」 said outright stays met whatever the years named."""
        r = read(normalize("增量奖励10万，研发支出前年到今年连续两年都在增加，创新奖呢"), items=["3.3"])
        assert r.fields["innovation_rd_growth_two_years"] is True

    def test_fact_reader_reads_the_years_too(self):
        """The conditions' fact reader (facts.yml each_year_cue) agrees with the estimate's reader."""
        from bot.understand.facts import read_facts

        assert read_facts("我们21跟22年都登记了新的软著")["innovation_patents_two_years"] is True
        assert read_facts("我们2019和2021年都登记了新的软著")["innovation_patents_two_years"] is False

    def test_rd_growth_read_met(self):
        """「去年和今年研发费用都有提高」 is 研发投入持续两年保持增长."""
        r = read(normalize("增量奖励10万，去年和今年研发费用都有提高，创新奖呢"), items=["3.3"])
        assert r.fields["innovation_rd_growth_two_years"] is True


class TestNegationScope:
    def test_not_a_new_enterprise_leaves_the_status_alone(self):
        """「并非新成立的公司」 says nothing of a 技术先进型 status already said to be new."""
        r = read(normalize("我们并非新成立的公司，研发投入也没有增长"), known={"tech_advanced_new": True})
        assert "tech_advanced_new" not in r.fields
        assert r.fields.get("new_enterprise") is False

    def test_not_newly_set_up_leaves_the_status_alone(self):
        """「公司不是新注册的」 is about the enterprise too."""
        r = read(normalize("本年度是2024年，公司不是新注册的"), known={"tech_advanced_new": True})
        assert "tech_advanced_new" not in r.fields

    def test_status_said_not_new_still_read(self):
        """「技术先进型不是新认定的」 still says the status is not new."""
        r = read(normalize("技术先进型不是新认定的，是复审"), known={"tech_advanced_new": True})
        assert r.fields["tech_advanced_new"] is False


class TestHeadedAwards:
    TEXT = "去年拿到的奖励：增量 5.2万 + 离岸 41.3万，那创新发展奖励能有多少"

    def test_short_names_under_an_award_heading_are_awards(self):
        r = read(normalize(self.TEXT), items=["3.3"])
        assert Decimal("52000") == r.fields["_award_3.1"]
        assert Decimal("413000") == r.fields["_award_3.2"]
        assert "onshore_cny" not in r.fields and "offshore_usd" not in r.fields
        assert not r.clarifications

    def test_innovation_is_fifteen_percent_of_them(self):
        s = EstimateSession.start(self.TEXT + "；研发投入连续两年增长")
        result = s.compute()
        assert Decimal("69750") == Decimal(str(result["total_cny"]))  # (52,000 + 413,000) × 15%
        assert Decimal("413000") != Decimal(str(result["total_cny"]))

    def test_a_dollar_amount_under_the_heading_is_business(self):
        """「离岸30万美元」 is an amount of business even after 「奖励：」."""
        listed = stated_awards.headed(normalize("奖励：增量12万，离岸30万美元，创新奖励多少"))
        assert [("3.1", Decimal("120000"))] == list(listed.values())


class TestAwardsAdded:
    EARLIER = [normalize("增量奖励120万 离岸奖励80万 创新奖励30万 加起来多少")]

    def test_added_award_joins_the_check(self):
        """「再算上认证补贴25万 总共呢」 after a check: 120万 + 80万 + 30万 + 25万."""
        reply = stated_awards.answer_added(self.EARLIER, normalize("再算上认证补贴25万 总共呢"))
        assert "合计2,550,000.00元" in reply
        assert "合计250,000.00元" not in reply

    def test_no_addition_word_is_no_addition(self):
        assert stated_awards.answer_added(self.EARLIER, normalize("认证补贴25万是多少")) is None

    def test_no_check_before_is_no_addition(self):
        earlier = [normalize("今年离岸执行额300万美元 汇率7.1")]
        assert stated_awards.answer_added(earlier, normalize("再算上认证补贴25万 总共呢")) is None


class TestWordLists:
    """Every word of the lists added to estimate_words.yml does what its comment says."""

    WORDS = estimate_words()

    @pytest.mark.parametrize("head", WORDS["stated_awards"]["list_heads"])
    def test_each_list_head_makes_short_names_awards(self, head):
        listed = stated_awards.headed(normalize(f"今年{head}增量 3万 + 离岸 9万"))
        assert [("3.1", Decimal("30000")), ("3.2", Decimal("90000"))] == list(listed.values())

    @pytest.mark.parametrize("word", WORDS["stated_awards"]["adds"])
    def test_each_add_word_adds_to_the_check(self, word):
        reply = stated_awards.answer_added(TestAwardsAdded.EARLIER, normalize(f"{word}认证补贴25万 总共呢"))
        assert reply is not None and "合计2,550,000.00元" in reply

    @pytest.mark.parametrize("join", WORDS["every_year"]["joins"])
    def test_each_join_lists_two_years(self, join):
        assert each_of_two_years(f"22{join}23年都拿了新软著") is True
        assert each_of_two_years(f"20{join}23年都拿了新软著") is False

    @pytest.mark.parametrize("span", WORDS["every_year"]["ranges"])
    def test_each_range_word_spans_years(self, span):
        assert each_of_two_years(f"20{span}23年都拿了新软著") is True

    @pytest.mark.parametrize("each", WORDS["every_year"]["each"])
    def test_each_each_word_says_both_years(self, each):
        assert each_of_two_years(f"22和23年{each}拿了新软著") is True
