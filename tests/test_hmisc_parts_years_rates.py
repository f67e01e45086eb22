"""Round 39 readings (bot/understand/subgroups.py, bot/estimate/clauses/internships.py, bot/estimate/understand.py
full_years, bot/estimate/applicants.py _shared_rates, bot/estimate/converted_totals.py take_previous):
parts failing a condition said right after the graduates counted drop out of them; the others named by count that
fail a condition keep their words to themselves; a two-digit year before 「做到/达到 + amount」 is a year; a rate said
for both years after every applicant's figures serves each; last year's yuan total said to hold its offshore part
already converted is taken as it stands."""

from decimal import Decimal

import pytest

from bot.estimate.applicants import split
from bot.estimate.session import EstimateSession
from bot.estimate.understand import full_years
from bot.understand.facts import normalize


def start(text):
    return EstimateSession.start(text)


class TestPartsOfTheGraduatesCounted:
    @pytest.mark.parametrize(
        "text, counted",
        [
            (
                "签了3年实训协议 今年接收实习生35名 应届毕业的30个都是大专以上 但是有4个只实习了两个月 "
                "还有3个社保才交了5个月 其他的都符合 实习补贴多少",
                23,
            ),
            (
                "签了两年实训协议 每年收实习生40个 今年应届本科的有25个 不过有3个社保只交了4个月 另外2个实习才一个月 "
                "别的都满足条件 能补多少",
                20,
            ),
            (
                "和高校签了4年协议 今年来了50个实习生 应届大专以上的28个 可是有5个实习不到三个月 其余都满足 补贴多少",
                23,
            ),
        ],
    )
    def test_parts_said_after_the_graduates_are_taken_from_them(self, text, counted):
        assert counted == start(text).inputs["qualified_interns"]

    def test_no_part_leaves_the_graduates_as_said(self):
        """Negative: nothing said to fail, the 25 graduates are counted."""
        est = start("签了两年实训协议 每年收实习生40个 今年应届本科的有25个 实习都满3个月 社保都交满6个月 能补多少")
        assert 25 == est.inputs["qualified_interns"]


class TestOthersFailingKeepTheirWords:
    @pytest.mark.parametrize(
        "text, counted",
        [
            (
                "跟河南工业大学签了两年的实训协议 今年收了22个实习生 其中18个是应届大专本科 实习都超过3个月 "
                "留下来社保也交满6个月了 另外4个是往届的 实习补贴多少",
                18,
            ),
            (
                "签了3年实训协议 今年接收30名实习生 其中24个是应届本科 实习3个月以上 社保交满半年 剩下6个是往届生 能补多少",
                24,
            ),
        ],
    )
    def test_the_others_failing_do_not_fail_the_item(self, text, counted):
        est = start(text)
        assert counted == est.inputs["qualified_interns"]
        checks = {c.id: c.status for c in est.verdicts()["3.7.4"].checks}
        assert checks["graduate"] != "not_met"
        assert Decimal(counted * 5000) == Decimal(str(est.compute()["total_cny"]))

    def test_the_others_meeting_keep_their_words_for_the_group(self):
        """Negative: 「其他28个都交满半年以上了」 is said of those counted, never blanked."""
        from bot.understand import subgroups

        t = normalize("接了35个实习生 不过有7个人社保才交了4个月 其他28个都交满半年以上了")
        assert "交满半年" in subgroups.without_parts(t)

    def test_the_others_failing_are_blanked(self):
        from bot.understand import subgroups

        t = normalize("今年收了22个实习生 其中18个是应届本科 另外4个是往届的")
        assert "往届" not in subgroups.without_parts(t)


class TestYearBeforeAReachedAmount:
    @pytest.mark.parametrize(
        "text, years",
        [
            ("纯境内 22年合同执行额1500万 23年做到1.2亿了", ("2022年", "2023年")),
            ("只做在岸 22年执行额800万 23年达到1000万", ("2022年", "2023年")),
            ("我们23年干到2000万", ("2023年",)),
        ],
    )
    def test_two_digit_years_read_as_years(self, text, years):
        out = full_years(text)
        assert all(y in out for y in years)

    @pytest.mark.parametrize("text", ["在园区入驻23年做到1000万", "公司成立了23年做到1亿", "干了23年做到1亿"])
    def test_durations_stay(self, text):
        assert "2023" not in full_years(text)

    def test_last_years_amount_is_not_asked_again(self):
        est = start(
            "没有离岸业务纯境内 22年合同执行额1.5kw 23年做到1.2亿了 研发投入21 22 23年连续在涨 增量奖励能拿多少"
        )
        assert Decimal("15000000") == est.inputs["previous_onshore_cny"]
        assert Decimal("120000000") == est.inputs["onshore_cny"]
        assert 2023 == est.inputs["year"]


class TestRateForBothYearsAfterEveryApplicant:
    def test_rate_said_last_serves_every_applicant(self):
        t = normalize(
            "我和我哥各有一家公司 A公司去年今年离岸都是两百万刀 没有在岸 B公司去年今年离岸都是90万美元 "
            "在岸去年800万 今年1100万 汇率两年都按7算 两家今年的增量奖励加离岸奖励一共多少"
        )
        pieces = dict(split(t))
        assert all("汇率两年都按7算" in words for words in pieces.values())

    def test_rate_inside_the_first_applicants_words_stays_its_own(self):
        """Negative: said among A's figures, before B is named: not said after every applicant's figures."""
        t = normalize("两家公司 A公司今年离岸150万美元 汇率两年都按7算 B公司今年离岸120万美元 两家离岸奖励各多少")
        pieces = dict(split(t))
        assert "汇率" not in pieces["b公司"]

    def test_plain_rate_at_the_end_stays_the_last_applicants(self):
        """Negative: no word saying it is every applicant's (都/两家): the first applicant's rate is asked."""
        t = normalize("两家公司 A公司今年离岸150万美元 B公司今年离岸120万美元 汇率7.1 两家离岸奖励各多少")
        pieces = dict(split(t))
        assert "汇率" not in pieces["a公司"]


class TestLastYearsConvertedTotal:
    @pytest.mark.parametrize(
        "text, previous",
        [
            (
                "去年合同执行额合计1.5亿元（离岸已经按当年汇率折好了）今年离岸500万美元 汇率按7.0 在岸1.85亿 增量奖励多少",
                "150000000",
            ),
            (
                "上年度执行额一共8000万，离岸部分已折算成人民币在里面了；今年在岸7000万 离岸200万美元 汇率7.1 增量奖励多少",
                "80000000",
            ),
        ],
    )
    def test_the_total_is_taken_as_it_stands(self, text, previous):
        est = start(text)
        assert Decimal(previous) == est.inputs["previous_onshore_cny"]
        assert Decimal(0) == est.inputs["previous_offshore_usd"]

    def test_a_total_with_no_converted_words_is_not_read_so(self):
        """Negative: nothing says the offshore part is inside it."""
        est = start("去年执行额8000万 今年在岸7000万 离岸200万美元 汇率7.1 增量奖励多少")
        assert "previous_offshore_usd" not in est.inputs

    def test_offshore_in_yuan_is_still_asked(self):
        """Negative: 「去年离岸1.5亿元」 is an offshore amount of its own in yuan, never a total."""
        est = start("去年离岸1.5亿元 已经按汇率折好了 今年离岸2000万美元 汇率7 离岸奖励多少")
        assert "previous_onshore_cny" not in est.inputs
