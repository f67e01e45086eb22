"""A cost of the running estimate's item in the years after it (「那以后每年的维护费大概10万 也能补吗」 after CMMI's
认证费) is that later year's own estimate of the clause just talked about: computed on its own (7万), never added to
this year's, and the time words are no certificate's name."""

from decimal import Decimal

from bot.estimate.session import EstimateSession, calculator_inputs


def running():
    return EstimateSession.start("ITSS认证费 20万 能补多少").inputs


def later(text):
    return EstimateSession.start(text, running=running(), topic="3.6")


class TestLaterYearCost:
    def test_later_maintenance_fee_is_estimated_alone(self):
        """Only the later year's fee is in the estimate, not this year's certificate."""
        for text in ("今后每年的维护费8万左右 这个也能补吗", "往后每年维护费大约12万 能补多少"):
            s = later(text)
            certs = calculator_inputs(s.inputs)["certifications"]
            assert ["3.6"] == s.items and 1 == len(certs) and not s.extends, text

    def test_time_words_name_no_certificate(self):
        """「以后每年」 is when, not which certificate."""
        certs = calculator_inputs(later("那以后每年的维护费大概9万 也能补吗").inputs)["certifications"]
        assert Decimal("90000") == certs[0]["cost_cny"]
        assert "以后" not in certs[0]["name"] and "每年" not in certs[0]["name"]

    def test_without_later_words_the_running_estimate_is_kept(self):
        """A bare fee with no item named and no later time still does not start a new estimate by itself."""
        assert [] == later("维护费10万 也能补吗").items
