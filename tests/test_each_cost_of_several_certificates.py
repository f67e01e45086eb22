"""「CMMI维护费8万，ITSS PCMM CCRC SAS70都新认证了，每个6万」: a cost said with 每个/各 after several certificates named
since the cost before it is each of theirs (三（六）, at most 3 projects a year), never one certificate called 「每个」."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


@pytest.mark.parametrize(
    "text, names, costs",
    [
        ("CMMI做了维护费8万，ITSS PCMM CCRC SAS70都新认证了，每个6万，这五个全都能补吗", 5, ["80000"] + ["60000"] * 4),
        ("CMMI5认证费40万，ITSS和PCMM每个5万，一共补多少", 3, ["400000", "50000", "50000"]),
        ("CMMI维护费10万 另外ITSS、PCMM、CCRC各花了3万", 4, ["100000", "30000", "30000", "30000"]),
    ],
)
def test_shared_cost_is_each_certificates(text, names, costs):
    certs = read(text).fields["certifications"]
    assert len(certs) == names and [c["cost_cny"] for c in certs] == [Decimal(c) for c in costs]
    assert not any(c["name"] in ("每个", "各") for c in certs)


@pytest.mark.parametrize(
    "text", ["CMMI3认证费20万，ITSS维护费5万，能补多少", "CMMI和ITSS分别是18万、5万", "ITSS PCMM认证费每个5万 能补多少"]
)
def test_one_cost_each_unchanged(text):
    certs = read(text).fields["certifications"]
    assert len(certs) == 2 and all(c["name"] in ("CMMI3", "CMMI", "ITSS", "PCMM") for c in certs)


def test_at_most_three_are_counted():
    result = EstimateSession.start("CMMI做了维护费8万，ITSS PCMM CCRC SAS70都新认证了，每个6万，能补多少").compute()
    assert Decimal(str(result["total_cny"])) == Decimal("140000")
