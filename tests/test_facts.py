"""bot.understand.facts: the facts a user states, read with knowledge/data/facts.yml."""

from decimal import Decimal
from functools import lru_cache

import pytest
import yaml

from bot.understand.facts import FACTS_FILE, from_json, merge, read_facts, to_json
from knowledge.conditions import Span

D = Decimal
TOLERANCE = D("1e-4")  # 10个月 is 0.8333… 年


@lru_cache(maxsize=1)
def fact_kinds() -> dict:
    """{fact: kind} of facts.yml."""
    return {name: spec["kind"] for name, spec in yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8")).items()}


# facts.yml's own examples that facts.yml does not read (source bugs): strict xfails, by (fact, text).
# None now: the top_operating_years examples carry their context word (引进的500强…, 那家500强…).
EXAMPLE_BUGS: dict = {}


def example_rows() -> list:
    """Every `examples` pair of facts.yml, as (fact, text, expected)."""
    raw = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
    return [
        pytest.param(
            name,
            text,
            expected,
            id=f"{name}-{text}",
            marks=[pytest.mark.xfail(strict=True, reason=EXAMPLE_BUGS[name, text])]
            if (name, text) in EXAMPLE_BUGS
            else [],
        )
        for name, spec in raw.items()
        for text, expected in spec.get("examples") or []
    ]


def _end(value):
    return None if value is None else pytest.approx(D(str(value)), abs=TOLERANCE)


def expected_form(fact: str, expected):
    """What read_facts should give, in a form compared with `actual_form` (numbers within 1e-4)."""
    if expected is None or fact_kinds().get(fact) != "number":
        return expected
    if isinstance(expected, (dict, Span)):
        s = Span.of(expected)
        return ("span", _end(s.lo), _end(s.hi), s.lo_open, s.hi_open)
    return ("exact", _end(expected))


def actual_form(fact: str, actual):
    """read_facts' value, in the form `expected_form` gives (a number as its exact value, else its bounds)."""
    if not isinstance(actual, Span):
        return actual
    if actual.exact() is not None:
        return ("exact", actual.exact())
    return ("span", actual.lo, actual.hi, actual.lo_open, actual.hi_open)


def row(fact: str, text: str, expected, reason: str = None):
    """A known-answer row; with a reason, a known gap (strict xfail)."""
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(fact, text, expected, id=f"{fact}-{text}", marks=marks)


# Phrasings written for these tests: (fact, text, expected). Numbers as the value or the bound stated.
EXTRA = [
    ("applicant_itself_enterprise", "这个培训中心自己同时是一家软件公司", True),
    ("applicant_type", "我们机构本身也是服务外包企业", None),  # also an enterprise: the type said before stays
    ("outsourcing_unit", "我们机构自己也承接外包业务", True),
    ("social_insurance_months", "社保交了不到半年", Span(hi=D(6), hi_open=True)),
    ("internship_months", "实习了不到半年", Span(hi=D(6), hi_open=True)),
    # colloquial
    ("applicant_type", "我们是一家做培训的", "training_institution"),
    ("applicant_type", "我们是园区的管理方", "park_operator"),
    ("applicant_type", "我们是职业技能培训学校", "training_institution"),
    ("new_enterprise", "公司刚成立半年", True),
    ("new_enterprise", "公司是今年新注册的", True),
    ("new_enterprise", "我们是老企业了", False),
    ("new_enterprise", "我们公司成立好几年了", False),
    ("business_grew", "今年业务下滑得厉害", False),
    ("business_grew", "营收跟去年差不多", False),
    ("offshore_usd", "离岸收入150万美金", 1500000),
    ("offshore_usd", "今年离岸执行额一百万美元", 1000000),
    ("has_offshore_business", "主要做美国客户的项目", True),
    ("has_offshore_business", "我们接欧美的外包", True),
    ("has_offshore_business", "我们只做国内的业务", False),
    ("innovation_patents_two_years", "这两年每年都有新专利", True),
    ("innovation_patents_two_years", "专利连续两年都有新的", True),
    ("innovation_rd_growth_two_years", "研发投入这两年一直在增长", True),
    ("innovation_rd_growth_two_years", "研发投入连续三年增长", True),
    ("innovation_rd_growth_two_years", "研发投入跟去年持平", False),
    ("tech_advanced_new", "技术先进型是今年首次认定的", True),
    ("tech_advanced_new", "刚拿到技术先进型服务企业认定", True),
    ("tech_advanced_new", "技术先进型资格是延续的", False),
    ("tech_advanced_new", "技术先进型已经复审过了", False),
    ("tech_advanced_new", "我们2019年就是技术先进型企业了", False),
    ("fair_designated", "参加的是商务厅组团的展会", True),
    ("fair_designated", "这是商务局指定的展会", True),
    ("fair_designated", "展会是我们自己找的", False),
    ("certification_related", "今年过了CMMI3", True),
    ("certification_related", "我们做的是ISO9001认证", False),
    ("certification_cost_kind", "CMMI年审的费用", "maintenance"),
    ("certification_cost_kind", "首次认证CMMI3级", "new"),
    ("certification_cost_kind", "ITSS续证花了五万", "maintenance"),
    ("certifications_this_year", "资质认证今年有4项", 4),
    ("certifications_this_year", "认证今年做了3个", 3),
    ("runs_outsourcing_training", "我们办服务外包培训班", True),
    ("runs_outsourcing_training", "我们组织服务贸易方面的培训", True),
    ("education_level", "学员大部分是大专", "大专"),
    ("education_level", "学员都是研究生", "研究生"),
    ("education_level", "学员是高中毕业的", "高中"),
    ("education_level", "我们招的实习生都是专科", "专科"),
    ("education_level", "学员都是大专及以上", "大专"),
    ("position_level", "参加培训的是部门经理", "部门经理"),
    ("position_level", "培训对象是主管", "主管"),
    ("position_level", "都是普通员工", "普通员工"),
    ("position_level", "学员是CTO", "cto"),
    ("trainee_passed_exam", "考核不合格", False),
    ("training_foreign_related", "培训的是欧美项目的管理", True),
    ("degree_education", "送员工去读MBA", True),
    ("degree_education", "员工在读在职研究生", True),
    ("fresh_graduate", "都是今年的应届生", True),
    ("fresh_graduate", "招的都是往届毕业生", False),
    ("fresh_graduate", "学生毕业两年了", False),
    ("park_newly_recognized", "园区上个月刚评上市级示范园区", True),
    ("park_newly_recognized", "园区认定好几年了", False),
    ("park_newly_recognized", "园区前年就评上了", False),
    ("park_enterprise_operated", "我们成立了运营公司负责园区", True),
    ("park_enterprise_operated", "管委会直接管理园区", False),
    ("park_level", "园区是国家级的", "国家级"),
    ("park_level", "我们是县级产业园", "县级"),
    ("park_level", "园区是市级示范园区", "市级"),
    ("top_enterprise_introduced", "引进了中国服务外包十大领军企业", True),
    ("top_enterprise_introduced", "引进的都是一般的中小企业", False),
    ("top_operating_years", "引进的500强落地运营两年了", 2),
    ("top_operating_years", "引进的领军企业运营刚满一年", 1),
    ("top_operating_years", "引进的项目入园运营已经十四个月", D(14) / 12),
    ("top_operating_years", "引进的500强入园运营了8个月", D(8) / 12),
    ("top_operating_years", "引进的500强入园运营一年多了", Span(lo=D(1), hi=D(2), lo_open=True, hi_open=True)),
    # context / not_context: a 500强's years are not the applicant's own years in the park, and back
    ("top_operating_years", "那家500强入驻已经一年半了", D("1.5")),
    ("rent_years_in_park", "那家500强入驻已经一年半了", None),
    ("top_operating_years", "我们入驻园区五年了", None),
    ("project_it_industry", "园区落地了一个互联网项目", True),
    ("project_it_industry", "招商引进了一个数据中心", True),
    ("project_it_industry", "引进了一个软件项目", True),
    ("project_it_industry", "引进的是一个制造业项目", False),
    ("park_foreign_investment_usd", "吸引外商投资2000万美元", 20000000),
    ("rent_years_in_park", "我们入驻园区五年了", 5),
    ("rent_years_in_park", "入驻园区两年半", D("2.5")),
    ("rent_years_in_park", "我们在园区待了四年", 4),
    ("rent_contract_amount_cny", "我们在园区，去年合同执行额有800万元", 8000000),
    ("rent_contract_amount_cny", "园区合同执行额达到了600万", 6000000),
    ("rent_years_subsidized", "房租补贴已经享受了两年", 2),
    ("rent_years_subsidized", "租金补贴领了一年", 1),
    ("office_rented", "我们租了一层写字楼", True),
    ("office_rented", "年租金三十万", True),
    ("office_rented", "办公楼是自有的", False),
    ("platform_public", "平台对外开放，面向行业企业", True),
    ("platform_public", "这个平台是公共服务平台，对外开放", True),
    ("platform_public", "这个平台是我们的内部OA系统", False),
    ("platform_public", "这个平台只是自用", False),
    ("labor_contract_years", "劳动合同签了18个月", D("1.5")),
    ("labor_contract_years", "劳动合同签了一年半", D("1.5")),
    ("labor_contract_years", "劳动合同期限为一年", 1),
    ("labor_contract_years", "学员和企业签的劳动合同是两年的", 2),
    ("internship_agreement_years", "和学校签的实训协议是两年的", 2),
    ("internship_agreement_years", "实习协议只签了一年半", D("1.5")),
    ("interns_per_year", "每年实习生有30人", 30),
    ("internship_months", "实习了半年", 6),
    ("internship_months", "实习了一年", 12),
    ("social_insurance_months", "社保交了半年", 6),
    ("social_insurance_months", "五险交了一年", 12),
    ("social_insurance_months", "社保只交了三个月", 3),
    # negated
    ("business_grew", "收入没有增长", False),
    ("has_offshore_business", "我们没有离岸业务也没有海外客户", False),
    ("innovation_patents_two_years", "没有专利也没有软著", False),
    ("innovation_patents_two_years", "去年没申请到专利", False),
    ("new_enterprise", "我们不是新成立的企业", False),
    ("fair_designated", "这个展会不是指定的", False),
    ("institution_recognized", "我们培训机构还没有被认定", False),
    ("trainee_passed_exam", "有人没通过考核", False),
    ("training_foreign_related", "培训内容跟涉外业务没关系", False),
    ("training_foreign_related", "培训只是国内项目", False),
    ("training_foreign_related", "客户都是国内业务", None),  # about the business, not the training
    ("degree_education", "不是学历教育，是技术培训", False),
    ("park_enterprise_operated", "园区没有运营公司", False),
    ("top_enterprise_introduced", "没有引进世界500强", False),
    ("labor_contract_years", "劳动合同不到一年", Span(hi=D(1), hi_open=True)),
    ("interns_per_year", "实习生每年不到20个", Span(hi=D(20), hi_open=True)),
    ("internship_months", "实习期不到三个月", Span(hi=D(3), hi_open=True)),
    ("social_insurance_months", "社保还不到6个月", Span(hi=D(6), hi_open=True)),
    ("rent_years_in_park", "入驻还不到三年", Span(hi=D(3), hi_open=True)),
    ("rent_contract_amount_cny", "租金补贴的事：执行额不到500万", Span(hi=D(5000000), hi_open=True)),
    ("top_operating_years", "那家500强入园运营不到一年", Span(hi=D(1), hi_open=True)),
    ("offshore_usd", "离岸业务不到一百万美元", Span(hi=D(1000000), hi_open=True)),
    # bounds stated upwards
    ("labor_contract_years", "合同期一年以上", Span(lo=D(1))),
    ("internship_agreement_years", "签了两年多的实训协议", Span(lo=D(2), hi=D(3), lo_open=True, hi_open=True)),
    ("internship_agreement_years", "实训协议签了2年以上", Span(lo=D(2))),
    ("social_insurance_months", "社保缴了6个月以上", Span(lo=D(6))),
    ("rent_years_in_park", "搬到园区三年多了", Span(lo=D(3), hi=D(4), lo_open=True, hi_open=True)),
    ("rent_contract_amount_cny", "入驻园区，合同执行额超过500万", Span(lo=D(5000000), lo_open=True)),
    # Chinese numerals
    ("labor_contract_years", "劳动合同签了两年", 2),
    ("labor_contract_years", "跟企业签了三年的劳动合同", 3),
    ("labor_contract_years", "劳动合同签了壹年", 1),
    ("internship_agreement_years", "实训协议签了五年", 5),
    ("interns_per_year", "每年接收二十名实习生", 20),
    ("interns_per_year", "今年来了二十五个实习生", 25),
    ("internship_months", "实习期三个月", 3),
    ("social_insurance_months", "社保连续缴了六个月", 6),
    ("rent_contract_amount_cny", "入驻园区的合同执行额六百万", 6000000),
    ("rent_contract_amount_cny", "办公用房是租赁的，执行额是五百万元整", 5000000),
    ("park_foreign_investment_usd", "引进外资三千万美元", 30000000),
    ("park_foreign_investment_usd", "外资到位一千五百万美元", 15000000),
    ("certifications_this_year", "今年做了两个资质认证", 2),
    ("certifications_this_year", "今年认证了五个资质", 5),
    ("certifications_this_year", "今年拿了三个证书", 3),
    # full-width digits and letters
    ("labor_contract_years", "劳动合同签了１年", 1),
    ("internship_agreement_years", "校企协议签了２年", 2),
    ("interns_per_year", "每年接收２０名实习生", 20),
    ("social_insurance_months", "社保交了８个月", 8),
    ("rent_contract_amount_cny", "入驻园区，合同执行额５００万元", 5000000),
    ("park_foreign_investment_usd", "外资到位８００万美元", 8000000),
    ("certification_related", "拿到了ＩＴＳＳ三级", True),
    # traditional characters
    ("applicant_type", "我们是園區運營方", "park_operator"),
    ("labor_contract_years", "勞動合同簽了一年", 1),
    ("internship_agreement_years", "實訓協議簽了三年", 3),
    ("interns_per_year", "每年接受實習生十八名", 18),
    ("interns_per_year", "實習生每年二十名", 20),
    ("internship_months", "实习期兩個月", 2),
    ("social_insurance_months", "社會保險繳了七個月", 7),
    ("social_insurance_months", "社保交了六個月", 6),
    ("rent_years_in_park", "入駐園區四年了", 4),
    ("rent_years_in_park", "園區入駐滿三年", 3),
    ("rent_contract_amount_cny", "入駐園區，合同額五百萬元", 5000000),
    ("business_grew", "今年業務比去年多了兩成", True),
    ("innovation_patents_two_years", "軟著連續兩年都有", True),
    ("innovation_rd_growth_two_years", "研發費用去年下降了", False),
    ("education_level", "學員是本科學歷", "本科"),
    ("position_level", "學員都是項目經理", "项目经理"),
    ("trainee_passed_exam", "學員都通過了考核", True),
    ("fresh_graduate", "都是應屆畢業生", True),
    ("park_enterprise_operated", "園區由我們公司統一運營", True),
    ("park_level", "園區是省級的", "省级"),
    ("park_level", "我们园区是區級的", "区级"),
    # read since facts.yml / facts.py learnt them (were KNOWN_GAPS)
    ("business_grew", "业务量比去年增加了不少", True),
    ("business_grew", "营收比去年高了不少", True),
    ("labor_contract_years", "劳动合同不满一年", Span(hi=D(1), hi_open=True)),
    ("internship_agreement_years", "实训协议还没到两年", Span(hi=D(2), hi_open=True)),
    ("internship_months", "实习期没满三个月", Span(hi=D(3), hi_open=True)),
    ("rent_years_in_park", "入驻园区不满三年", Span(hi=D(3), hi_open=True)),
    ("rent_years_in_park", "入驻园区快三年了", Span(hi=D(3), hi_open=True)),
    ("social_insurance_months", "社保缴纳不满6个月", Span(hi=D(6), hi_open=True)),
    ("rent_contract_amount_cny", "园区里执行额超过了五百万", Span(lo=D(5000000), lo_open=True)),
    ("interns_per_year", "每年招二十多个实习生", Span(lo=D(20), lo_open=True)),
    ("interns_per_year", "实习生每年有20多个", Span(lo=D(20), lo_open=True)),
    ("labor_contract_years", "学员和企业签了十二个月的合同", 1),
    ("rent_years_subsidized", "租金补贴已经享受满三年了", 3),
    ("rent_years_subsidized", "我们没有拿过租金补贴", 0),
    ("internship_months", "实习生一年二十个左右", None),
    ("training_foreign_related", "离岸业务一百二十万美元", None),
    ("has_offshore_business", "客户都在国内", False),
    ("institution_recognized", "我们已经被认定为服务外包培训机构了", True),
    ("trainee_passed_exam", "考核都合格了", True),
    ("trainee_passed_exam", "学员考核全部通过", True),
    ("park_enterprise_operated", "园区是政府直接管的", False),
    ("office_rented", "办公室是租的", True),
    ("office_rented", "我们的办公室是租来的", True),
    ("office_rented", "每年房租三十万", True),
    # 不得重复申报 (4.3): a claim under another policy of the city
    ("claimed_elsewhere", "已经在别的政策里拿过奖励了", True),
    ("claimed_elsewhere", "这个项目两边都报了", True),
    ("claimed_elsewhere", "两个政策都申请了", True),
    ("claimed_elsewhere", "已經在區裡的政策拿過補貼了", True),
    ("claimed_elsewhere", "我们没有申请其他政策的补贴", False),
    ("claimed_elsewhere", "没拿过别的补贴", False),
    ("claimed_elsewhere", "没有享受其他补贴", False),
]

# What the sources now intend (facts.yml's header; facts.py): one row per behaviour, at/below/above where numeric
INTENDED = [
    # 三（三）'s base said to be neither award (round 15)
    ("base_award", "今年离岸奖励和增量奖励都没拿到 光有软著", False),
    ("base_award", "增量奖励拿了60万", None),
    # context / not_context apply to yes/no, enum and rank facts too, and to numbers: without the words, nothing
    ("project_it_industry", "落地了一个互联网项目", None),  # needs 引进|园区|入园|招商
    ("project_it_industry", "我们是一家软件公司", None),
    ("platform_public", "这是我们的内部OA系统", None),  # needs 平台
    ("platform_public", "系统只是自用", None),
    ("platform_public", "这个平台对外开放", True),
    ("rent_contract_amount_cny", "去年合同执行额有800万元", None),  # needs 园区|租金|房租|入驻|办公用房|租赁
    ("rent_contract_amount_cny", "合同执行额超过500万", None),
    ("rent_contract_amount_cny", "入驻园区，合同执行额499万元", 4990000),  # below, at and above 500万
    ("rent_contract_amount_cny", "入驻园区，合同执行额500万元", 5000000),
    ("rent_contract_amount_cny", "入驻园区，合同执行额501万元", 5010000),
    ("top_operating_years", "落地运营两年了", None),  # needs 500强…|引进
    ("top_operating_years", "运营刚满一年", None),
    ("top_operating_years", "入园运营已经十四个月", None),
    ("rent_years_in_park", "入园运营已经十四个月", D(14) / 12),  # no 500强 said: the applicant's own years
    ("top_operating_years", "入园运营不到一年", None),
    ("rent_years_in_park", "入园运营不到一年", Span(hi=D(1), hi_open=True)),
    ("top_operating_years", "引进的500强入驻园区三年了", 3),
    ("rent_years_in_park", "引进的500强入驻园区三年了", None),  # rent_years_in_park not with those words
    ("rent_years_in_park", "我们入驻园区三年了", 3),
    ("top_operating_years", "我们入驻园区三年了", None),
    ("top_operating_years", "引进的500强入园运营十一个月", D(11) / 12),  # below, at and above one year
    ("top_operating_years", "引进的500强入园运营一年", 1),
    ("top_operating_years", "引进的500强入园运营十三个月", D(13) / 12),
    # applicant_type: the first value stated; a negated one states nothing
    ("applicant_type", "我们是培训机构，和外包企业签约", "training_institution"),
    ("applicant_type", "不是培训机构，我们是一家软件公司", "enterprise"),
    ("applicant_type", "我们不是培训机构", None),
    ("applicant_type", "我们是一家软件企业", "enterprise"),
    ("applicant_type", "我们是园区运营公司", "park_operator"),
    # offshore_usd: dollars must be said (离岸奖励200万 is yuan); at, below and above 100万美元; 没有离岸 is 0
    ("offshore_usd", "离岸执行额100万美元", 1000000),
    ("offshore_usd", "离岸执行额99万美元", 990000),
    ("offshore_usd", "离岸执行额101万美元", 1010000),
    ("offshore_usd", "离岸执行额超过100万美元", Span(lo=D(1000000), lo_open=True)),
    ("offshore_usd", "离岸奖励200万", None),
    ("offshore_usd", "离岸执行额200万元", None),
    ("offshore_usd", "我们没有离岸业务", 0),
    ("offshore_usd", "全部是国内的业务", 0),
    ("offshore_usd", "离岸执行额NaN美元", None),  # NaN is no figure
    # business_year (3.1 自2020年开始): at, below and above 2020
    ("business_year", "2020年业务比上年增长了", 2020),
    ("business_year", "2019年业务比上年增长了", 2019),
    ("business_year", "2021年业务比上年增长了", 2021),
    # tech_award_received (3.4 一次性): said received; a new status says nothing about the award
    ("tech_award_received", "技术先进型去年已经拿过10万奖励了", True),
    ("tech_award_received", "我们已经领过技术先进型的奖励", True),
    ("tech_award_received", "技术先进型今年新认定", None),
    # growth read from yearly amounts (series_cue): the last step for 3.1, the last two for 3.3
    ("business_grew", "2021年执行额300万，2022年280万，2023年350万", True),
    ("business_grew", "2021年执行额300万，2022年380万，2023年350万", False),
    ("business_grew", "去年执行额3200万，今年2800万", False),
    ("innovation_rd_growth_two_years", "研发投入2021年100万，2022年120万，2023年150万", True),
    ("innovation_rd_growth_two_years", "研发投入2021年100万，2022年120万，2023年110万", False),
    ("innovation_rd_growth_two_years", "研发投入2021年100万，2022年90万，2023年150万", False),
    ("innovation_rd_growth_two_years", "研发投入2022年100万，2023年120万", None),  # one step is not two years
    # 「半年多」 is above 6 months (社保不低于6个月, 实习期3个月以上); 半年 itself is 6
    ("social_insurance_months", "社保交了半年多", Span(lo=D(6), lo_open=True)),
    ("internship_months", "实习了半年多", Span(lo=D(6), lo_open=True)),
    ("social_insurance_months", "社保交了半年", 6),
    # claimed_elsewhere: a claim said; a question about the rule states nothing
    ("claimed_elsewhere", "我们已经申请了其他政策的补贴", True),
    ("claimed_elsewhere", "可以重复申报吗", None),
    ("claimed_elsewhere", "能重复享受吗", None),
    ("claimed_elsewhere", "重复申报会怎样", None),
    ("claimed_elsewhere", "能不能重复申报", None),
]

# Phrasings facts.yml (or the figure reader) does not read yet: strict xfails, to turn green when they do
KNOWN_GAPS = [
    # a holds/fails pattern missing
    row(
        "institution_recognized",
        "我们还没被认定",
        False,
        "institution_recognized fails want 机构/学校 before 还没被认定, or 培训机构 after it",
    ),
    row(
        "claimed_elsewhere",
        "这个项目没有在其他政策申报过",
        False,
        "claimed_elsewhere fails want 申请/拿/享受/报 within 4 characters of 没有; 「没有在其他政策申报过」 not read",
    ),
    row(
        "claimed_elsewhere",
        "我们没有重复申报",
        False,
        "claimed_elsewhere: the holds pattern 重复(申报|享受|拿) was dropped (questions about the rule no longer "
        "read), and no fails pattern reads 「没有重复申报」: nothing is read (4.3 met only as assumed)",
    ),
    row(
        "claimed_elsewhere",
        "不会重复申报",
        False,
        "claimed_elsewhere: no fails pattern reads 「不会重复申报」 since 重复(申报|享受|拿) left holds: nothing is read",
    ),
    row(
        "training_foreign_related",
        "只是国内项目的培训",
        False,
        "training_foreign_related fails now want 培训|课程 before 是国内 ('(培训|课程)[^，。；]{0,8}(只|都)?是国内"
        "(业务|项目)'); with 培训 after 「只是国内项目」 nothing is read",
    ),
]


def assert_read(fact: str, text: str, expected) -> None:
    """read_facts(text) gives `expected` for `fact` (None: the fact is not read)."""
    actual = read_facts(text).get(fact)
    assert expected_form(fact, expected) == actual_form(fact, actual)


class TestReadFacts:
    @pytest.mark.parametrize("fact, text, expected", example_rows())
    def test_examples(self, fact, text, expected):
        """Every example of facts.yml reads as it says."""
        assert_read(fact, text, expected)

    @pytest.mark.parametrize("fact, text, expected", [row(*r) for r in EXTRA])
    def test_phrasings(self, fact, text, expected):
        """Colloquial, negated, Chinese-numeral, full-width and traditional phrasings read as meant."""
        assert_read(fact, text, expected)

    @pytest.mark.parametrize("fact, text, expected", [row(*r) for r in INTENDED])
    def test_intended(self, fact, text, expected):
        """Context words for every kind, the first applicant type, dollars said, zero, growth from yearly
        amounts, 「半年多」, the new facts — at, below and above their thresholds."""
        assert_read(fact, text, expected)

    @pytest.mark.parametrize("fact, text, expected", KNOWN_GAPS)
    def test_known_gaps(self, fact, text, expected):
        """Phrasings not read yet (each names the pattern or bound word missing)."""
        assert_read(fact, text, expected)

    def test_every_fact_has_examples(self):
        """Every fact of facts.yml carries at least one example."""
        raw = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
        assert [] == [name for name, spec in raw.items() if not spec.get("examples")]

    def test_phrasings_cover_every_fact(self):
        """The phrasings written here exercise every fact of facts.yml."""
        assert set(fact_kinds()) == {fact for fact, _, _ in EXTRA + INTENDED}

    @pytest.mark.parametrize("text", ["", "你好", "请问政策有哪些"])
    def test_nothing_stated(self, text):
        """A message stating nothing about the user gives no facts."""
        assert {} == read_facts(text)

    def test_several_facts(self):
        """One message can state several facts, each read on its own."""
        facts = read_facts("我们和郑州大学签了三年的实训协议，每年接收25名实习生，都是应届毕业生，社保交了6个月")
        expected = {
            "internship_agreement_years": ("exact", 3),
            "interns_per_year": ("exact", 25),
            "fresh_graduate": True,
            "social_insurance_months": ("exact", 6),
        }
        assert expected == {k: actual_form(k, facts.get(k)) for k in expected}


class TestReadThenEvaluate:
    @pytest.mark.parametrize(
        "text, code, check_id, expected",
        [
            ("离岸执行额101万美元", "3.2", "offshore", "met"),  # 超过100万美元
            ("离岸执行额100万美元", "3.2", "offshore", "not_met"),
            ("离岸执行额99万美元", "3.2", "offshore", "not_met"),
            ("我们没有离岸业务", "3.2", "offshore", "not_met"),  # zero
            ("离岸奖励200万", "3.2", "offshore", "unknown"),  # yuan, not dollars
            ("2020年业务比上年增长了", "3.1", "since", "met"),  # 自2020年开始
            ("2019年业务比上年增长了", "3.1", "since", "not_met"),
            ("2021年业务比上年增长了", "3.1", "since", "met"),
            ("社保交了半年多", "3.7.4", "insurance", "met"),  # 不低于6个月
            ("社保交了5个月", "3.7.4", "insurance", "not_met"),
            ("技术先进型去年已经拿过10万奖励了", "3.4", "once", "not_met"),
            ("我们是一家培训机构", "3.2", "applicant", "unknown"),  # may be a company: to confirm
            ("我们是园区的运营公司", "3.2", "applicant", "unknown"),  # an enterprise too: to confirm, never refused
            ("我们是园区的运营公司", "3.8.3", "applicant", "not_met"),  # its own rent in a park
            ("我们是事业单位性质的培训机构", "3.5", "applicant", "not_met"),  # said to be no enterprise
            ("这个项目已经在区里的政策拿过补贴了", "4.3", "no_double", "not_met"),
            ("可以重复申报吗", "4.3", "no_double", "met"),  # nothing read: assumed not claimed
        ],
    )
    def test_known_answers(self, text, code, check_id, expected):
        """What a message states, through the evaluator: the condition's status as the policy words it."""
        from knowledge.conditions import evaluate

        checks = {c.id: c.status for c in evaluate(code, read_facts(text)).checks}
        assert expected == checks.get(check_id)


class TestToJson:
    def test_round_trip(self):
        """to_json then from_json gives the facts back (spans, booleans, words)."""
        facts = {
            "labor_contract_years": Span(lo=D(1), lo_open=True),
            "fresh_graduate": True,
            "education_level": "大专",
            "interns_per_year": Span(D(20), D(20)),
        }
        assert facts == from_json(to_json(facts))


class TestMerge:
    def test_newer_wins(self):
        """A newer statement of a fact replaces the older one; other facts stay."""
        old = {"education_level": "中专", "fresh_graduate": True}
        assert {"education_level": "大专", "fresh_graduate": True} == merge(old, {"education_level": "大专"})


@pytest.mark.parametrize(
    "text",
    [
        "给银行做客服热线 另外做网站开发 分别算什么",
        "我们做客服外包的",
        "给电商客户提供客服服务，算哪个领域",
        "帮保险公司做电话客服 能申报吗",
    ],
)
def test_a_position_word_naming_a_business_is_no_post(text):
    """「给银行做客服热线」 names the business, not a trainee's post: it had made a catalog question a 三（七）3 不符合."""
    assert "position_level" not in read_facts(text)


@pytest.mark.parametrize("text, level", [("学员都是普通客服岗位", "客服"), ("培训的都是项目经理", "项目经理")])
def test_a_post_said_of_people_still_read(text, level):
    assert read_facts(text).get("position_level") == level
