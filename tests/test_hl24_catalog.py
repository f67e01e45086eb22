"""Catalog classes of round 24, in our own wording: a business told in English is placed by the catalog's own words
(data labelling is 大数据服务's 数据采集与录入, KPO); whom a business serves (AI companies, 人工智能企业) places nothing;
「按目录怎么划分」 asks to classify the business described; construction (EPC, 总包, 土建) is outside 工程技术服务, whose
definition excludes 具体的施工活动."""

import pytest

from bot.answers import catalog, router
from bot.nlu.normalize import understand
from knowledge import query


def _top(text: str) -> str:
    hits = query.classify_business(understand(text), limit=2)
    return hits[0]["domain"] if hits else ""


@pytest.mark.parametrize(
    "text",
    [
        "We do data labelling and data entry for machine learning startups in Europe",
        "our team handles image annotation with bounding boxes and data cleansing for clients",
        "我们给人工智能企业做图像标注和文本标注",
        "公司为自动驾驶公司提供视频标注和数据采集",
    ],
)
def test_data_labelling_is_big_data_whatever_the_clients_trade(text):
    assert _top(text) == "大数据服务"


def test_ai_solutions_for_clients_stay_artificial_intelligence():
    assert _top("我们为制造企业提供人脸识别和视觉质检的整套解决方案") == "人工智能服务"


def test_a_clients_only_phrase_names_no_business():
    assert query.names_clients_only("for overseas ai companies")
    assert not query.names_clients_only("我们给人工智能企业做图像标注")
    assert not query.names_clients_only("我们是ai公司")


def test_english_description_is_answered_as_one_business():
    text = understand(
        "Our work is data labelling, bounding boxes and data entry for US AI firms. Which domain, ITO or KPO?"
    )
    answer = catalog.classify_answer(text)
    assert answer is not None
    assert "大数据服务" in answer.text and "KPO" in answer.text
    assert "人工智能服务" not in answer.text


@pytest.mark.parametrize("text", ["对照目录我们这几块业务应该怎么归类", "我们做工程咨询和造价咨询，按目录怎么划分"])
def test_how_to_divide_by_the_catalog_is_a_classify_question(text):
    t = understand(text + "，另外也做规划设计")
    assert router.is_classify_question(None, t)


def test_catalog_structure_question_is_not_a_classification():
    assert not router.is_classify_question(None, understand("目录是怎么分类的"))


@pytest.mark.parametrize(
    "text",
    ["我们公司主要承接EPC总承包项目，算服务外包吗", "我们做房建土建和总包，能算工程技术服务吗"],
)
def test_construction_is_outside_engineering_services(text):
    answer = catalog.classify_answer(understand(text))
    assert answer is not None
    assert "不属于" in answer.text and "施工" in answer.text


def test_design_institute_with_epc_projects_split_in_two():
    answer = catalog.classify_answer(
        understand("我们主要做建筑设计和可研报告，也接了一些EPC总包连施工一起做的项目，怎么划分")
    )
    assert answer is not None
    assert "工程技术服务" in answer.text and "KPO" in answer.text
    assert "不属于" in answer.text and "施工" in answer.text
