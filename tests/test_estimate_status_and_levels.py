"""A new grant and a certificate's level as people type them (own wording): 「新拿技术先进型」「newly obtained …
技术先进型」 are 新获得; 「CMMI L3」「CMMI ML4」「cmmi level 2」 name the CMMI level, the level never taken for a
certificate of its own; an English 「fee」 after 认证 is the fee."""

from decimal import Decimal

import pytest

from bot.estimate.understand import read


@pytest.mark.parametrize(
    "text",
    [
        "今年新拿技术先进型 还有ITSS认证费6万",
        "we newly gained 技术先进型服务企业 status this year",
        "技术先进型 newly granted in March, how much",
    ],
)
def test_new_grant_of_the_status(text):
    assert read(text).fields.get("tech_advanced_new") is True


@pytest.mark.parametrize(
    "text, name, cost",
    [
        ("CMMI L4 认证fee 33万", "CMMI4", 330000),
        ("今年拿了cmmi ml2 认证费12万", "CMMI2", 120000),
        ("CMMI level 3 certification fee 28万", "CMMI3", 280000),
    ],
)
def test_cmmi_level_forms_name_the_level(text, name, cost):
    certs = read(text).fields.get("certifications")
    assert certs == [{"name": name, "cost_cny": Decimal(cost)}]
