"""A correction word after an item with its figure, followed by a replacement figure, drops the item said first."""

from bot.understand.retractions import without_retracted


def test_item_said_wrong_gives_way_to_the_replacement():
    text = "帮我算资质 ITSS认证费18万 哦不对 我说错了 是CMMI3认证费20万 另外PCMM维护费5万"
    out = without_retracted(text)
    assert "18万" not in out and "ITSS" not in out
    assert "CMMI3认证费20万" in out and "PCMM维护费5万" in out and "帮我算资质" in out
    assert len(out) == len(text)


def test_item_in_its_own_clause_only_is_blanked():
    out = without_retracted("展位费5万，布展2万 搞错了 布展是3万")
    assert "展位费5万" in out and "2万" not in out and "布展是3万" in out


def test_old_figure_named_is_left_to_the_estimate_corrections():
    text = "境外那场特装1万，说错了，特装是2万不是1万"
    assert without_retracted(text) == text


def test_correction_without_replacement_figure_keeps_the_item():
    text = "认证费30万 说错了 那个是维护"
    assert "30万" in without_retracted(text)


def test_one_more_group_after_a_list_of_groups_is_counted():
    from bot.understand.groups import read

    g = read("春季两个班结业签约的分别有21人、19人，秋季一个班17人，学历都是本科")
    assert g is not None and g.counts == (21, 19, 17) and g.total == 57
    g = read("两期分别是30人和26人，另外还有一期12人")
    assert g is not None and g.total == 68


def test_a_part_of_a_listed_group_is_not_one_more_group():
    from bot.understand.groups import read

    g = read("两个班分别30人和25人，其中一班有3个是中专")
    assert g is not None and g.total == 55


def test_numbered_fairs_each_sum_their_costs_when_asked_per_fair():
    from decimal import Decimal as D

    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(
        "今年参加的展会：\n1、上海交易会（国内）：注册费5000，展位费1.5万，酒店4000\n"
        "2、新加坡科技展：展位费3万，宣传推广6000，机票9000\n每场补多少 一共多少"
    )
    fairs = s.inputs["fairs"]
    assert [(f["region"], f["cost_cny"]) for f in fairs] == [("domestic", D("20000")), ("overseas", D("36000"))]


def test_cost_said_per_fair_is_still_read_with_the_count():
    from bot.estimate.clauses.market_fairs import _per_fair_cost
    from calculator.figures_zh import parse_figures

    for text, per in (("境外3场，每场展位费2万", True), ("两场展，每场能补多少", False), ("每场都一样", True)):
        moneys = [f for f in parse_figures(text) if f.kind == "money"]
        assert _per_fair_cost(text, moneys) is per, text


def test_fair_named_without_cost_is_asked_by_name_and_added():
    from decimal import Decimal as D

    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(
        "参加了三场指定展会：成都一场，展位费1万；新加坡一场，展位费4万 布展1万；还有武汉一场。能补多少"
    )
    assert "武汉" in s.clarify["question"]
    assert len(s.inputs["fairs"]) == 2
    s.handle("武汉那场展位费8000，特装2000。哦对了说错了，新加坡那场布展是2万不是1万")
    costs = sorted((f["region"], f["cost_cny"]) for f in s.inputs["fairs"])
    assert costs == [("domestic", D("10000")), ("domestic", D("10000")), ("overseas", D("60000"))]
