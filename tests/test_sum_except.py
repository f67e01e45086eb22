"""A sum asked of every item but the ones named (「除了…那块，另外两项加起来多少」): the sum of the items not named, with
their names, under the estimate (bot/estimate/sum_except.py); no line when nothing is left out or nothing kept."""

from bot.estimate import explain, sum_except
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


def line(text):
    t = normalize(text)
    return sum_except.line(t, EstimateSession.start(t).compute()["items"], explain.item_name)


class TestSumExcept:
    def test_park_items_but_the_one_named(self):
        """20万 (认定) + 30万 (外资, capped) without 引进: 50万."""
        text = line(
            "我们是园区运营方 园区今年新通过市级示范园区认定 由我们公司统一管理和运营 引进了2家世界500强 入园运营一年多 "
            "吸引外资8000万美元 除去引进500强那部分 其余加起来多少"
        )
        assert text is not None and "500,000.00元" in text and "园区引进重点企业奖励" in text

    def test_certificates_without_the_fair(self):
        """CMMI3 20万 × 70% = 14万, the fair left out of the sum."""
        text = line("CMMI3认证费20万 境外展会一场8万 除了展会以外 其他的加起来多少")
        assert text is not None and "140,000.00元" in text and "开拓市场补贴" in text

    def test_no_sum_asked(self):
        """「除了…」 with no sum asked after it: no line."""
        assert line("CMMI3认证费20万 境外展会一场8万 除了展会 认证能补多少") is None

    def test_nothing_left_out(self):
        """The item named is not in the estimate: no line."""
        assert line("CMMI3认证费20万 ITSS 5万 除了租金以外 加起来多少") is None
