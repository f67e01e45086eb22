"""三（七）4 实习实训补贴 in conversation (calculator/items/internships.py computes it)."""

from .base import Clause, Field, figure_in

CLAUSES = (
    Clause(
        code="3.7.4",
        name="实习实训补贴",
        triggers=r"实习|实训|应届|毕业生",
        fields=(
            Field(
                "internship_agreement_years",
                "实训协议",
                "年",
                question="与高校签订的实习生实训协议是几年的？",
                recognised_by="a number of years beside 协议/签/合作",
                from_facts=True,
            ),
            Field(
                "interns_per_year",
                "每年接受实习生",
                "名",
                question="每年接受服务外包实习生多少名？",
                recognised_by="a count after 每年/一年/接收/招了 in a clause about 实习 (not 应届/毕业/符合)",
                from_facts=True,
            ),
            Field(
                "qualified_interns",
                "符合条件的应届毕业生",
                "名",
                question="其中符合条件的应届毕业生有多少名？（大专以上学历、实习期"
                f"{figure_in('3.7.4', 'internship_months', '个月')}以上、在职并连续交纳社保不低于"
                f"{figure_in('3.7.4', 'social_insurance_months', '个月')}）",
                recognised_by="a count beside 应届/毕业生/符合条件",
                implies_item=True,
            ),
        ),
        checklist="实习实训补贴",
        person_conditions=("qualified_interns", "interns_per_year", ("graduate", "education", "months", "insurance")),
        read=lambda reader: reader.read_internship(),
        reads_when=lambda reader: (
            reader.pending in ("internship",) or "3.7.4" in reader.items or reader.has(r"实习|应届")
        ),
    ),
)
