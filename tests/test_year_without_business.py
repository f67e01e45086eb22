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
