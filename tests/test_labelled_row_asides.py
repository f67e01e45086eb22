"""Rows of a labelled table (bot/estimate/tables.py _labelled_row): the word cells describing a row's first cell go in
brackets after it (「法兰克福服务贸易展（境外）」: a fair abroad, not an offshore amount), a count column's cells are that
many people (「人数 5」 → 「5人」), and a cost column named 「可补贴费用」 is a cost, not a certificate called 可补贴."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.tables import read_labelled_rows


def test_word_cells_are_an_aside_of_the_first_cell():
    rows = read_labelled_rows("名称\t类型\t可补贴费用(元)\n软交会\t境内\t24,000\n东京展\t境外\t80,000").split("\n")
    assert rows[1:] == ["软交会（境内） 费用24,000元", "东京展（境外） 费用80,000元"]


def test_a_count_column_is_people():
    rows = read_labelled_rows("岗位 | 学历 | 人数 | 每人培训费\n交付经理 | 硕士 | 4 | 2万").split("\n")
    assert rows[1] == "交付经理（硕士） 4人 每人培训费2万"


def test_cells_with_figures_keep_their_words_and_a_figure_first_row_is_unchanged():
    assert (
        read_labelled_rows("展会 | 展位费 | 特装\n服贸会 | 3.5万 | 特装1万").split("\n")[1]
        == "服贸会 展位费3.5万 特装1万"
    )
    assert read_labelled_rows("展位费 | 特装\n3.5万 | 1万").split("\n")[1] == "展位费3.5万 特装1万"


def test_fairs_and_certifications_in_one_table_are_each_costed():
    s = EstimateSession.start(
        "台账：\n项目\t类型\t可补贴费用(元)\n数字贸易博览会\t境内\t40,000\n新加坡亚洲科技展\t境外\t60,000\n"
        "ITSS认证\t资质(新获得)\t100,000\n展会都是指定的 两项补贴分别多少"
    )
    assert s.status == "done", s.question()
    amounts = {i["code"]: Decimal(str(i["amount_cny"])) for i in s.compute()["items"]}
    assert amounts == {"3.5": Decimal(20000 + 42000), "3.6": Decimal(70000)}  # 境内 cap 2万, 境外 70% 4.2万


def test_people_counted_in_a_table_are_each_trained():
    s = EstimateSession.start(
        "中高级人才培训 都是涉外业务培训 不是学历教育\n职位 | 学历 | 人数 | 每人培训费\n"
        "项目经理 | 本科 | 2 | 5万\n交付总监 | 硕士 | 1 | 4万\n能补多少"
    )
    assert s.status == "done", s.question()
    assert len(s.inputs["senior_training"]) == 3
    assert Decimal(str(s.compute()["total_cny"])) == Decimal(2 * 25000 + 20000)  # 50% of each person's fee
