"""第二条 verdicts on two things an applicant says of itself (bot/answers/eligibility.py, eligibility_words.yml):

- periods it left unfiled in 商务部“服务外包业务管理和统计系统” (漏报、断报、忘了填、没补报) fail 「及时填报」, even when it is
  registered; filing on time (「按时填报」「每月都填」「从没漏报」) holds;
- what its shareholders are (事业单位、学校、个人) says nothing of its own form: the applicant itself is judged.
"""

import pytest

from bot.answers.eligibility import answer, facts_from, not_defined
from bot.nlu.normalize import normalize, understand

LAPSED = [
    "我们2020年就在系统注册了 但是去年有两个季度的执行数据忘了填 到现在也没补 其他条件都满足 这种算不算满足申报资格",
    "独立法人 郑州注册 统计系统也注册了 不过前年有三个月没报 其他都满足 能申报吗",
    "商务部那个系统有账号 中间断报了大半年 其他条件都没问题 符合条件吗",
    "统计系统注册了 漏报了两个季度 一直没补报 其他都满足 能报吗",
    "系统里注册过 上半年的合同数据一直没录 别的都满足 可以申报不",
    "统计系统是注册了 但是好久没更新过数据了 其他条件都满足 能申报吗",
    "商务部外包统计系统注册了 填报不太及时 经常晚报几个月 其他都满足 行不行",
]

ON_TIME = [
    "注册了，按时填报 其他条件都满足 能申报吗",
    "统计系统注册了 每月都填 其他条件都满足 能申报吗",
    "商务部系统注册了 每个月都按时报 从没漏报过 其他都满足 可以申报吗",
    "统计系统注册了 从来没断过 其他条件都满足 符合吗",
]


@pytest.mark.parametrize("text", LAPSED)
def test_unfiled_periods_fail_timely_filing(text):
    """Registered but periods left unfiled: 不符合, naming 及时填报, never 符合."""
    out = answer(understand(text)).text
    assert out.startswith("结论：不符合"), out
    assert "及时填报" in out.split("依据")[0]
    assert facts_from(understand(text))["mofcom_registered"] is False


@pytest.mark.parametrize("text", ON_TIME)
def test_filing_on_time_holds(text):
    """Filing on time (the lapse words denied) is no lapse: with every other condition met, 符合."""
    out = answer(understand(text)).text
    assert out.startswith("结论：符合"), out


@pytest.mark.parametrize(
    "text",
    [
        "统计系统注册了 去年漏报的两个月后来都补报了 其他都满足 能申报吗",
        "商务部系统有账号 有一个季度忘了填 上个月已经补上了 影响申报不",
    ],
)
def test_made_up_lapse_is_not_decided(text):
    """A lapse filed afterwards: the text does not say whether that is 及时填报 — never 符合, sent to 市商务局."""
    out = answer(understand(text)).text
    assert not_defined(normalize(text)) == ["已补报的漏报期"]
    assert "结论：符合" not in out and "市商务局" in out


@pytest.mark.parametrize(
    "text",
    [
        "想确认个事 我们公司是郑州注册的有限公司 独立法人 但是大股东是学校的资产经营公司 背后是事业单位 第二条对股东性质有没有要求",
        "我们是郑州的软件公司 股东里有两个自然人和一家事业单位 能申报吗",
        "公司控股方是某大学 我们是独立法人 在郑州注册 影响申报吗",
        "我们公司的实际控制人是个人 公司在郑州注册 独立法人 第二条对这个有要求吗",
    ],
)
def test_owners_do_not_make_the_applicant_one(text):
    """Shareholders that are a public institution, a school or people: the applicant stays a legal-person enterprise."""
    assert facts_from(understand(text))["entity_type"] == "legal_person"
    out = answer(understand(text)).text
    assert "不符合" not in out, out


@pytest.mark.parametrize(
    "text",
    ["我们是事业单位 能报吗", "股东是两个自然人 我们自己是事业单位 能报吗", "我是个人 接外包单子 能申报吗"],
)
def test_the_applicant_itself_still_judged(text):
    """The applicant's own form still decides: a 事业单位 or a person is no enterprise of 第二条."""
    assert facts_from(understand(text))["entity_type"] == "other"
    out = answer(understand(text)).text
    assert out.startswith("结论：不符合")


def test_owner_persons_not_explained_as_the_applicant():
    """「股东是两个自然人 我们自己是事业单位」: the explanation speaks of a 事业单位, not of a person applying."""
    out = answer(understand("股东是两个自然人 我们自己是事业单位 能报吗")).text
    assert "事业单位" in out and "个人和个体工商户不是法人企业" not in out


@pytest.mark.parametrize(
    "text",
    [
        "他们公司当初是在许昌注册的，不过人和办公室都搬到郑州高新区来了，在郑州租的写字楼，也没有在郑州另外办分公司，"
        "税还是在许昌交的。能不能申报郑州的这个服务外包政策呢？",
        "公司注册在洛阳 在郑州经开区租了办公室 税在洛阳交 这样有资格申报吗",
    ],
)
def test_registered_elsewhere_with_a_rented_office_is_judged_on_second_article(text):
    """An applicant set up outside Zhengzhou, working from a rented office in it, asking whether it may apply: the verdict
    is 第二条's (not the rent subsidy's), and the district of its office is not said to meet 在郑州依法设立."""
    from bot.answers import qualify, router
    from bot.understand.facts import read_facts

    t = normalize(text)
    facts = read_facts(understand(text))
    a = qualify.answer(t, facts, facts)
    assert a.clause == "2" and a.text.startswith("结论：不符合第二条"), a.text
    assert "在郑州市行政区域内依法设立" in a.text.split("\n")[0]
    placed = router.with_place(understand(text), a)
    assert "满足第二条“在郑州市行政区域内依法设立”这一条" not in placed.text


def test_rent_subsidy_asked_keeps_its_clause():
    """Naming the rent subsidy keeps its own clause's verdict (第二条 blocking it)."""
    from bot.answers import qualify
    from bot.understand.facts import read_facts

    text = "公司在开封注册 在郑州租了写字楼 能拿租金补贴吗"
    facts = read_facts(understand(text))
    a = qualify.answer(normalize(text), facts, facts)
    assert a.clause.startswith("3.8") and "在郑州市行政区域内依法设立" in a.text


def test_place_line_kept_for_an_applicant_set_up_there():
    """「我们在登封注册的独立法人 能申报吗」: the place line still says 登封 is in Zhengzhou."""
    from bot.answers import router

    text = understand("我们在登封注册的独立法人 统计系统也注册了 能申报吗")
    a = router.with_place(text, answer(text))
    assert "登封属于郑州市行政区域" in a.text


@pytest.mark.parametrize(
    "text", ["wo shi ge ren jie dan de neng shen bao ma", "women shi ge ti hu", "wo shi zi you zhi ye"]
)
def test_a_person_typed_in_pinyin_is_no_enterprise(text):
    """「wo shi ge ren jie dan」 (synonyms.yml pinyin): a person or 个体户 typed in pinyin is read as one."""
    assert facts_from(understand(text))["entity_type"] == "other"


@pytest.mark.parametrize(
    "text,topic",
    [
        ("去年刚从杭州迁过来 要在郑州满几年才能报吗", "在郑年限"),
        ("我们大股东是一所大学 这个影响申报吗", "股东性质"),
        ("学员签了合同以后 是不是还要求在郑州交满一年个税", ""),
    ],
)
def test_topics_not_required(text, topic):
    """How long in Zhengzhou and who the shareholders are: not conditions of 第二条 (a person's tax is neither)."""
    from bot.answers.eligibility import not_required

    assert not_required(normalize(text)) == topic
