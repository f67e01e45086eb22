"""A year said to have had no business done at all (「一单业务没做」) counts 0 of both kinds for that year."""

from decimal import Decimal

from bot.estimate.understand import read


def test_no_deal_done_last_year_is_zero_of_both_kinds():
    r = read("公司前年底注册的，去年一笔业务也没做，今年在岸执行额450万", items=("3.1",))
    assert r.fields["previous_onshore_cny"] == Decimal(0)
    assert r.fields["previous_offshore_usd"] == Decimal(0)
    assert r.fields["onshore_cny"] == Decimal(4500000)


def test_one_kind_not_done_leaves_the_other_kind_read():
    r = read("上年离岸业务没做，在岸是320万，今年在岸410万", items=("3.1",))
    assert r.fields["previous_onshore_cny"] == Decimal(3200000)
    assert r.fields["previous_offshore_usd"] == Decimal(0)


def test_increment_over_an_empty_year_says_it_is_the_whole_amount():
    from calculator import calculate

    fields = {"entity_type": "legal_person", "registered_in_zhengzhou": True, "mofcom_registered": True}
    result = calculate(dict(fields, onshore_cny=2400000, previous_onshore_cny=0, previous_offshore_usd=0))
    growth = next(i for i in result["items"] if i["code"] == "3.1")
    assert growth["amount_cny"] == 72000
    assert "全部计为增量" in str(growth)
