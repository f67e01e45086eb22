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
