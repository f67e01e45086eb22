"""A park's items said in English (knowledge/data/estimate_words.yml english): 「newly recognised as a municipal
service-outsourcing demo park, run by their own company」 is 三（八）1, 「brought in 2 Fortune Global 500 firms」 two
firms of 三（八）2, 「45m USD FDI」 its foreign investment."""

from decimal import Decimal

from bot.estimate.session import EstimateSession


def _amounts(text):
    s = EstimateSession.start(text)
    assert s.status == "done", s.question()
    return s, {i["code"]: Decimal(str(i["amount_cny"])) for i in s.compute()["items"]}


def test_a_park_in_english():
    s, amounts = _amounts(
        "Our park was newly recognised as a provincial demonstration park this year, operated by our company. "
        "We brought in 3 Fortune 500 companies, operating in the park for over a year, and 12m USD foreign investment."
    )
    assert s.inputs["park_top_enterprises"] == 3
    assert amounts == {"3.8.1": Decimal(200000), "3.8.2a": Decimal(300000), "3.8.2b": Decimal(100000)}


def test_one_firm_said_with_an_article():
    s = EstimateSession.start(
        "Demo park run by a company: we brought in a Fortune Global 500 firm, running in the park for over a year. "
        "How much?"
    )
    assert s.inputs.get("park_top_enterprises") == 1
