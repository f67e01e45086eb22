"""三（八）2 园区引进重点企业和项目 in conversation: two awards (calculator/items/park_attraction.py).

Their figures are read in the one park pass of park_recognition.py.
"""

from .base import Clause, Field, figure_count, figure_in

CLAUSES = (
    Clause(
        code="3.8.2a",
        name="园区引进重点企业奖励",
        # 「引进的一家企业，入驻满3年…它的租金」: a firm the park brought in, the subject of other items, is no count of
        # top firms; 「引进了3家企业」「引进重点企业2家」 are
        triggers=r"500强|五百强|100强|领军企业|引进.{0,6}重点企业|引进了?[0-9一二两三四五六七八九十几]+[家个](重点|龙头|头部)?(企业|项目)(?![，,]?\s*(入驻|它|该|这家))",
        fields=(
            Field(
                "park_top_enterprises",
                "引进重点企业",
                "家",
                question="引进的世界500强、国内500强、IAOP全球外包100强或中国服务外包十大领军企业（入园正常运营"
                f"{figure_count('3.8.2', 'operating_years')}年以上）有几家？",
                recognised_by="a count beside 500强/100强/领军/重点企业",
                implies_item=True,
            ),
        ),
        applicant="park_operator",
        checklist="园区引进重点企业奖励",
    ),
    Clause(
        code="3.8.2b",
        name="园区吸引外资奖励",
        # 「外资独资企业」「外资集团的子公司」「给外资银行做」 describe the applicant or a client, not investment attracted
        triggers=r"外资(?!独资|集团|银行|背景|控股|企业|公司)|外商投资(?!企业|公司)",
        fields=(
            Field(
                "park_foreign_investment_usd",
                "吸引外商投资",
                "美元",
                question="引进的信息传输、软件和信息服务业项目吸引外商投资多少美元？",
                recognised_by="a money figure beside 外资/外商/投资 (without 美元 its currency is asked, "
                f"the award counts per {figure_in('3.8.2', 'investment_step_usd', '美元')})",
                from_facts=True,
                implies_item=True,
            ),
        ),
        applicant="park_operator",
        checklist="园区吸引外资奖励",
    ),
)
