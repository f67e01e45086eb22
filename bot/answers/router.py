"""Route a policy question to the module that answers it, keeping the conversation's topic."""
import re
from typing import Optional

from knowledge import query

from bot.answers import catalog, eligibility, general, scope, subsidies
from bot.answers.model import Answer
from bot.nlu.normalize import normalize

ELIGIBILITY_Q = re.compile(r"(哪些|什么样?的?|哪类|哪种)(企业|公司|单位|主体)(能|可以|才能|可)(享受|申报|申请|报)|"
                           r"谁(能|可以)(享受|申报|申请)|申报(主体|资格|条件)")
OTHER_POLICIES = re.compile(r"高新技术企业|高企认定|专精特新|小巨人|瞪羚|独角兽|科技型中小企业|研发费用加计扣除|"
                            r"人才公寓|落户|个税|个人所得税|社保|公积金|增值税|留抵|贷款贴息|上市奖励")
DECLINE = ("抱歉，{what}不在我的范围内。我只能解答《郑州市进一步加快服务外包发展政策措施》（郑政办〔2020〕58号）"
           "的问题：申报资格、服务外包领域目录、各项奖补标准、奖励测算和申报预审。{what}请咨询相关主管部门。")
WHO_APPLIES = re.compile(r"(个人|个体户|个体工商户|自然人|事业单位|政府|机关|分公司|分支机构|外地企业|外地公司|外资企业|"
                         r"事业部)[^，。；]{0,16}(能|可以|可否|能否|是否可以)[^，。；]{0,6}(申请|申报|享受|报|拿)")
DOUBLE_CLAIM = re.compile(r"两边都|都报|重复|同时申报|同时享受|叠加|兼得|(省|国家|区|其他)[^，。；]{0,8}(也有|还有|类似)")
NEW_POLICY = re.compile(r"新政策|以后[^，。；]{0,8}(还|是否|管用|有效)|还管用|还有效|作废|废止|过期")
AMOUNT_BASIS = re.compile(r"执行额[^，。；]{0,12}(怎么|如何|按|依据|认定|确定|报的|自己报|算)|(怎么|如何)[^，。；]{0,6}认定执行额")
SUBSIDY_WORDS = re.compile(r"补贴|奖励|补助|能补|能报|能拿|给钱|资助")
FOLLOW_UP = re.compile(r"^(那|那么|那如果|如果是|还有|另外)?[^，。]{0,8}(呢|吗|多少|是什么|有哪些)?[?？]?$")
SEARCH_FLOOR = 2.0
STRONG_SCORE = 6  # a search hit this strong means the knowledge base clearly knows the question


def family_of(hit: dict) -> str:
    """Which module answers a search hit."""
    if hit["kind"] == "domain":
        return "catalog"
    if hit["kind"] == "document":
        return "general"
    key = hit["key"]
    if key == "1":
        return "scope"
    if key == "2":
        return "eligibility"
    if key.startswith("3"):
        return "subsidy"
    if key.startswith("4"):
        return "general"
    return "catalog" if key == "annex" else "general"


INTENT_FAMILY = {
    "ask_eligibility": "eligibility", "ask_business_scope": "scope", "ask_catalog": "catalog",
    "ask_domain_of_business": "classify", "ask_subsidy": "subsidy", "ask_general_rules": "general",
}


def compose(intent: Optional[str], text: str, entities=(), topic_clause: Optional[str] = None,
            topic_domain: Optional[str] = None) -> Answer:
    """The answer to a policy question, from knowledge/, naming its clause."""
    t = normalize(text or "").strip()
    family = INTENT_FAMILY.get(intent)
    hits = query.search(t, limit=3) if t else []
    other = OTHER_POLICIES.search(t)
    if other and not re.search(r"技术先进型|服务外包", t):
        what = other.group(0)
        what = "高新技术企业认定" if what in ("高新技术企业", "高企认定") else what
        return Answer(DECLINE.format(what=f"“{what}”相关政策"), confident=True)
    if family in ("subsidy", "general", None) and ELIGIBILITY_Q.search(t) and not re.search(r"补贴|奖励|补助", t):
        family = "eligibility"
    if WHO_APPLIES.search(t):
        family = "eligibility"
    if family is None and len(eligibility.facts_from(t)) >= 3:
        family = "eligibility"  # the applicant describes itself against 第二条
    if DOUBLE_CLAIM.search(t) and re.search(r"报|申请|享受|拿", t):
        return general.answer("不得重复申报 " + t)
    if NEW_POLICY.search(t) and family in ("general", "subsidy", "eligibility", None):
        return general.answer("有效期 " + t)
    if re.search(r"汇率|中间价|折算人民币|折合人民币|折成人民币", t) and family not in ("catalog", "classify"):
        return general.answer(t)
    if AMOUNT_BASIS.search(t):
        return scope.answer(t)
    if family in ("classify", "catalog") and SUBSIDY_WORDS.search(t) and not re.search(r"属于|归|哪个领域|哪一类|算不算|哪类", t):
        clause_hits = [h for h in hits if h["kind"] == "clause" and h["key"].startswith("3")]
        if clause_hits and clause_hits[0]["score"] >= 3:
            return subsidies.clause_answer(clause_hits[0]["key"], t)
    top = hits[0] if hits else None
    short_follow_up = len(t) <= 12 and FOLLOW_UP.match(t) is not None
    if family is None:
        if top is None or top["score"] < SEARCH_FLOOR:
            return Answer("", confident=False)
        family = family_of(top)
    if family in ("subsidy", "general") and short_follow_up and topic_clause and topic_clause.startswith("3"):
        strong = [h for h in hits if h["kind"] == "clause" and h["key"].startswith("3") and h["score"] >= STRONG_SCORE]
        if subsidies.aspect_line(topic_clause, t) or not strong:
            return subsidies.clause_answer(topic_clause, t)
    if family == "catalog" and topic_domain and re.search(r"它|这个|该领域|那个|其", t) and \
            catalog.domain_in(t) is None:
        return catalog.domain_answer(query.domain(topic_domain), t)
    if family == "classify":
        if catalog.domain_in(t) and not re.search(r"我们|我司|公司|做|从事|业务", t):
            return catalog.answer(t, topic_domain)
        found = catalog.classify_answer(t)
        return found or catalog.answer(t, topic_domain)
    if family == "catalog":
        return catalog.answer(t, topic_domain)
    if family == "eligibility":
        return eligibility.answer(t)
    if family == "scope":
        return scope.answer(t)
    if family == "general":
        return general.answer(t)
    return subsidies.answer(t, entities, topic_clause)
