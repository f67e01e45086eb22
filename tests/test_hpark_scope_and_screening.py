"""Round 37's classes in own wordings: a negation said of another subject (「并非管委会管理」) does not deny the
condition stated beside it; each brought-in firm's time in the park is read on its own (「1年3个月」 is one length);
a park run by a 管委会 / government body is not run by an enterprise (三（八）1); a request to check the applicant
against 第二条 item by item, or to say what is still to confirm, opens the guided check."""

import pytest

from bot.answers import eligibility
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession, calculator_inputs
from bot.estimate.understand import read
from bot.nlu.normalize import normalize, understand
from bot.prescreen.session import PrescreenSession
from bot.understand.durations import joined
from bot.understand.facts import read_facts
from calculator import calculate
from calculator.figures_zh import parse_figures
from knowledge import shapes

# -- negation scope ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "示范园区今年新认定，园区由一家运营公司统一管理，并非管委会直接管理，一次性奖励多少",
        "我们园区刚被评为市级服务外包示范园区 是集团下属公司统一运营和管理的 不归管委会管 能奖多少",
        "园区今年首次认定为省级示范园区，日常运营管理是平台公司负责，而不是政府管理，奖励是多少",
    ],
)
def test_another_subject_denied_leaves_enterprise_operation(text):
    est = EstimateSession.start(text)
    inputs = calculator_inputs(est.inputs)
    assert inputs.get("park_enterprise_operated") is True
    assert inputs.get("park_newly_recognized") is True
    result = calculate(inputs)
    item = next(i for i in result["items"] if i["code"] == "3.8.1")
    assert item["qualified"] and item["amount_cny"] == 200000


@pytest.mark.parametrize(
    "text, value",
    [
        ("统计系统没开户、没填过数据", False),
        ("商务部那个外包统计平台没有注册、没有报送过", False),
        ("部里的服务外包统计系统未注册、未填报", False),
        ("统计系统早就注册了 一直按时填报", True),
    ],
)
def test_two_failures_listed_are_both_failures(text, value):
    assert eligibility.facts_from(normalize(text)).get("mofcom_registered") is value


# -- per-firm durations ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, months",
    [("入园运营了2年4个月", 28), ("落地一年零两个月了", 14), ("已经运营三年又六个月", 42)],
)
def test_years_and_months_are_one_length(text, months):
    durations = [f for f in joined(parse_figures(text), text) if f.kind.startswith("duration")]
    assert len(durations) == 1 and durations[0].kind == "duration_months" and durations[0].value == months


@pytest.mark.parametrize(
    "text, firms",
    [
        ("示范园区引进全球500强一家 入驻运营了1年5个月；另有服务外包领军企业一家 入园才7个月 园区奖励多少", 1),
        ("我们省级示范园区引进国内500强一家，运营2年零1个月；领军企业一家，入园运营10个月，能奖多少", 1),
        ("市级示范园区 引进世界500强一家 运营1年2个月 又引进中国服务外包领军企业一家 运营1年8个月 奖多少", 2),
    ],
)
def test_each_firm_time_read_apart(text, firms):
    fields = read(text, items=detect_items(normalize(text))).fields
    assert fields.get("park_top_enterprises") == firms
    years = read_facts(normalize(text)).get("top_operating_years")
    assert years is not None and years.lo >= 1  # the firms counted ran a year or more


# -- park operator not an enterprise ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我们是高新区管委会，园区一直由我们自己管理，能不能申请示范园区认定奖励",
        "本单位属于政府派出机构 不是公司 园区新认定为市级示范园区 这20万我们能报吗",
        "我们就是园区管委会 事业单位性质 第三条第（八）项第1点的奖励我们能拿吗",
    ],
)
def test_park_run_by_a_government_body_is_not_enterprise_operated(text):
    assert read_facts(normalize(text)).get("park_enterprise_operated") is False


def test_park_entrusted_to_a_company_is_enterprise_operated():
    text = "我们是管委会 园区已委托一家运营公司统一运营"
    assert read_facts(normalize(text)).get("park_enterprise_operated") is True


# -- guided check asked for ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我们是郑州的软件公司 麻烦按第二条的申报条件一条一条帮我们核对下",
        "想问问我们有没有申报资格，公司在金水区注册，还差哪些信息你问我",
        "能申报吗？我们在郑州注册的 你看下还要我补充些什么",
        "We are a Zhengzhou-registered firm, could you check us against Article 2 item by item?",
        "Please run a pre-screening for our branch",
    ],
)
def test_screening_requests_open_the_guided_check(text):
    assert shapes.search("prescreen_invitation", text)


@pytest.mark.parametrize(
    "text",
    [
        "第二条的条件逐条解释一下",
        "离岸120万美元 还需要确认什么",
        "申报资格还需要准备哪些材料",
        "Where do I find my pre-screening report?",
    ],
)
def test_other_questions_do_not(text):
    assert not shapes.search("prescreen_invitation", text)


def test_english_branch_tax_paid_by_head_office_fails_in_the_guided_check():
    s = PrescreenSession.start(
        "We are the Zhengzhou branch (分公司) of a Beijing firm, please go through 第二条 one by one"
    )
    assert s.facts.get("entity_type") == "branch" and s.pending == "pays_tax_in_zhengzhou"
    s.handle("No tax is paid in Zhengzhou; our taxes are handled by the head office in Beijing.")
    assert s.facts.get("pays_tax_in_zhengzhou") is False
    assert s.step == "done"


@pytest.mark.parametrize(
    "text",
    [
        "we don't pay any tax in Zhengzhou",
        "Taxes are paid centrally by our parent company.",
        "our HQ pays all the taxes",
    ],
)
def test_english_tax_elsewhere(text):
    assert eligibility.facts_from(understand(text)).get("pays_tax_in_zhengzhou") is False


@pytest.mark.parametrize("answer", ["在郑州高新区独立纳税", "一直在郑州交税", "税都在郑州这边缴纳"])
def test_tax_paid_in_zhengzhou_answers_the_lawful_tax_question(answer):
    s = PrescreenSession.start("我们是郑州注册的独立法人 产权清晰 依法经营 想问申报资格 你看还需要确认什么")
    assert s.pending == "lawful_tax"
    s.handle(answer)
    assert s.facts.get("lawful_tax") is True and s.pending != "lawful_tax"
