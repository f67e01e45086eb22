"""A figure the user re-checks in the same message (「是40个……等一下，我再数了一下，是42个」): the figure after the
re-check replaces the one before it, in its place, so a chain of counts reads on with the new one; words that tell
another figure after a look-up (「我查了一下去年是120万」) replace nothing. Also 「培训机购」, 构 typed by its sound.
Wording is our own, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from bot.understand.rechecks import without_rechecked
from bot.understand.retractions import without_retracted


class TestWithoutRechecked:
    def test_a_count_rechecked(self):
        t = normalize("签了合同的40人，我再数了一下，应该是42人，另外3人没签")
        out = without_rechecked(t)
        assert len(t) == len(out)
        assert "42人" in out and "40人" not in out and "另外3人没签" in out

    def test_an_amount_rechecked(self):
        out = without_rechecked(normalize("离岸150万美元，等等 我再查了下 是160万美元，在岸200万"))
        assert "160万美元" in out and "150万" not in out and "在岸200万" in out

    def test_a_look_up_telling_another_figure_replaces_nothing(self):
        t = normalize("今年离岸150万，我查了一下去年是120万")
        assert t == without_rechecked(t)

    def test_a_count_never_replaces_an_amount(self):
        t = normalize("培训费一共30万，核对了一下，是12个人")
        assert t == without_rechecked(t)

    def test_read_through_the_retractions(self):
        assert "68个" in without_retracted(normalize("签了一年以上的是66个……稍等，再核对了一下，是68个"))


class TestChainWithARecheck:
    def test_trainees_chain_reads_the_rechecked_count(self):
        text = (
            "我们是认定的培训机构，今年结业60人，都是大专以上，全部考核通过，签了一年以上劳动合同的是40个……"
            "等一下，我再数了一下，是42个，另外18个还没就业。培训补贴多少"
        )
        assert 42 == read(text, items=["3.7.2"]).fields["institution_trainees"]

    def test_narrowed_chain_with_a_recheck(self):
        text = (
            "已认定的培训机构，学员一共100人都是大专以上，考核通过92人，通过的里面签了1年以上合同的是80个，"
            "我又核对了一下，是83个，另外9个还在找工作。能拿多少"
        )
        assert 83 == read(text, items=["3.7.2"]).fields["institution_trainees"]

    def test_estimate_with_a_rechecked_amount(self):
        session = EstimateSession.start("今年离岸150万美元，等一下 我再确认了一下，是160万美元，汇率7.0。离岸奖励多少")
        assert Decimal("1600000") == session.inputs.get("offshore_usd")


class TestInstitutionTypo:
    def test_gou_typed_by_its_sound(self):
        assert "培训机构" in normalize("我们是认定过的培训机购")
        assert "手机购买" in normalize("手机购买")

    def test_recognised_institution_read_through_the_typo(self):
        text = "我们是已经认定的服务外包培训机购，今年有30个学员都符合条件。能拿多少"
        assert read(text, items=["3.7.2"]).fields.get("institution_recognized") is True
