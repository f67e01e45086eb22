"""Own wording: a figure the user gives as the sum of parts already read is no further amount.
Fairs: 「展位费…、布展费…，合计…」 — the 合计 equal to the listed costs is not added again (三（五）).
Trainees: 「签了一年以上合同的N人 这N人里有M个是中专 其余大专本科」 — the signed count less the part below 大专 (三（七）2)."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize


def _fields(text):
    return read(text, items=detect_items(normalize(text))).fields


@pytest.mark.parametrize(
    "text, cost",
    [
        ("去新加坡参加了商务部门指定的服务外包展（境外），展位费3万、特装费2万，合计5万元，开拓市场补贴是多少", 50000),
        ("境外参加迪拜的服务贸易展会：注册费0.5万、展位费4万、宣传推广费1.5万，共计6万元，能补多少", 60000),
        ("国内参加了一场指定展会，展位费1.2万，布展费0.8万，总计2万，开拓市场补贴多少", 20000),
    ],
)
def test_a_restated_sum_of_one_fair_is_not_added(text, cost):
    fairs = _fields(text)["fairs"]
    assert len(fairs) == 1
    assert fairs[0]["cost_cny"] == cost


@pytest.mark.parametrize(
    "text, trainees",
    [
        (
            "我们是已认定的服务外包培训机构，今年培训80人，考核合格70人，其中与外包企业签订一年以上劳动合同的60人，这60人里有4个是高中学历，其余是大专和本科，定额支持多少",
            56,
        ),
        (
            "认定过的培训机构 培训了45人 通过40人 其中签了1年以上劳动合同的有30人 30人中有2个中专 其他都是本科 能拿多少",
            28,
        ),
        (
            "本市认定的培训机构，学员100人全部考核通过，其中签一年以上合同的90人，这90名当中10名是中专，剩下的都是大专以上，培训支持多少",
            80,
        ),
    ],
)
def test_signed_trainees_less_the_part_below_college(text, trainees):
    assert _fields(text)["institution_trainees"] == trainees


@pytest.mark.parametrize(
    "text, batch, other",
    [
        (
            "境内参加了5场指定展会，每场展位费3万，后来又去了一趟东京的，展位费6万，开拓市场补贴多少",
            ("domestic", 5),
            "overseas",
        ),
        ("参加了3场国内的服务外包展 每场布展费2万 还去了一次德国的 展位费8万 能补多少", ("domestic", 3), "overseas"),
        ("境外参加了2场展会 每场展位费4万 另外去了一趟深圳的 展位费2万 补贴多少", ("overseas", 2), "domestic"),
    ],
)
def test_a_place_said_after_a_batch_starts_a_fair_there(text, batch, other):
    fairs = _fields(text)["fairs"]
    assert [x["region"] for x in fairs] == [batch[0]] * batch[1] + [other]


@pytest.mark.parametrize(
    "text",
    [
        "离岸执行额260万美元，美元兑人民币中间价（年均）7.12，离岸奖励多少",
        "今年离岸业务300万美元，汇率（全年平均）7.1，能拿多少离岸奖励",
        "| 指标 | 数值 |\n|---|---|\n| 离岸执行额 | 150万美元 |\n| 中间价(年平均) | 7.08 |\n离岸奖励多少",
    ],
)
def test_a_rate_with_a_bracketed_average_word_is_read(text):
    rate = _fields(text)["usd_cny_rate"]
    assert str(rate) in text


@pytest.mark.parametrize(
    "text, expect",
    [
        (
            "帮我算增量奖励：\n| 指标 | 2023 | 2024 |\n|---|---|---|\n| 在岸执行额 | 1.2亿 | 1.5亿 |\n| 离岸执行额 | 200万美元 | 260万美元 |\n| 中间价 | 7.05 | 7.12 |",
            {
                "previous_onshore_cny": 120000000,
                "onshore_cny": 150000000,
                "previous_usd_cny_rate": "7.05",
                "usd_cny_rate": "7.12",
            },
        ),
        (
            "数据如下\n| 项目 | 2024年 |\n| :--- | ---: |\n| 离岸合同额 | USD 2,400,000 |\n| 2024年美元兑人民币中间价（年均） | 7.12 |\n离岸奖励多少",
            {"offshore_usd": 2400000, "usd_cny_rate": "7.12"},
        ),
        (
            "| 年度 | 在岸(万元) | 离岸(万美元) | 汇率 |\n|----|----|----|----|\n| 2023 | 3000 | 150 | 7.05 |\n| 2024 | 3600 | 180 | 7.12 |\n增量奖励多少",
            {
                "previous_onshore_cny": 30000000,
                "onshore_cny": 36000000,
                "offshore_usd": 1800000,
                "usd_cny_rate": "7.12",
            },
        ),
    ],
)
def test_a_markdown_table_rule_is_no_cell(text, expect):
    fields = _fields(text)
    for key, value in expect.items():
        assert str(fields.get(key)) == str(value) or fields.get(key) == value, key


@pytest.mark.parametrize(
    "text, before, now",
    [
        ("帮忙算下：\n- 2023年 在岸执行额：900万\n- 2024年 在岸执行额：1,300万\n增量奖励多少", 9000000, 13000000),
        ("增量：\n* 2023年 在岸 800万\n* 2024年 在岸 1,100万\n* 离岸都没有\n增量奖励多少", 8000000, 11000000),
        ("• 去年在岸执行额：2,000万\n• 今年在岸执行额：2,600万\n增量奖励多少", 20000000, 26000000),
    ],
)
def test_bullet_marks_are_no_sign_or_range(text, before, now):
    fields = _fields(text)
    assert fields["previous_onshore_cny"] == before
    assert fields["onshore_cny"] == now


@pytest.mark.parametrize(
    "text, costs",
    [
        (
            "涉外业务中高级人才培训，本科以上的项目经理共8人：5人每人培训费4万，3人每人2万；另外有1个大专学历的项目经理，培训费3万。补贴多少",
            [20000] * 3 + [40000] * 5,
        ),
        (
            "中高级人才涉外业务培训，符合条件的（本科+项目经理）一共6人：4人每人5万，2人每人1万；还有3个专科学历的项目经理每人2万。能补多少",
            [10000] * 2 + [50000] * 4,
        ),
        (
            "涉外中高级人才培训 满足本科和项目经理条件的共7个人 其中3人每人6万 4人每人1.5万 另外2个高中学历的项目经理每人2万 补贴多少",
            [15000] * 4 + [60000] * 3,
        ),
    ],
)
def test_a_head_count_of_the_qualified_leaves_the_lower_group_out(text, costs):
    fields = _fields(text)
    assert sorted(int(x["cost_cny"]) for x in fields["senior_training"]) == costs


def test_a_head_count_matching_neither_is_asked():
    text = "涉外业务培训，项目经理一共9人：4人每人5万，3人每人2万；还有3个大专学历的项目经理每人2万。能补多少"
    out = read(text, items=detect_items(normalize(text)))
    assert "senior_training" not in out.fields
    assert [c.kind for c in out.clarifications] == ["each_cost"]
    assert not any("不计入" in n for n in out.notes)
