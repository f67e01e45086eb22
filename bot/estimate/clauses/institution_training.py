"""三（七）2 培训机构定额培训支持 in conversation (calculator/items/institution_training.py computes it)."""

import re

from .base import Clause, Field, figure_in


def read(r):
    if re.search(
        r"认定的?[^，。；]{0,10}培训机构|认定机构|培训机构[^，。；]{0,6}(已|已经)(获得|通过)?认定", r.text
    ) and not r.negative("认定"):
        r.out.fields["institution_recognized"] = True
    elif r.negative("认定"):
        r.out.fields["institution_recognized"] = False
    elif r.pending == "institution_recognized":
        b = r.bool_answer()
        if b is not None:
            r.out.fields["institution_recognized"] = b
    for f in r.unused("count"):
        if re.search(r"人|名|个", f.unit or f.raw or "") and (
            r.pending == "institution_trainees"
            or re.search(r"培训|学员|合格|考核", r.text)
            or ("institution_trainees" in r.known and not re.search(r"实习|应届|项目经理", r.text))
        ):
            r.out.fields["institution_trainees"] = int(f.value)
            r.use(f)
            break


CLAUSES = (
    Clause(
        code="3.7.2",
        name="培训机构定额培训支持",
        triggers=r"培训的?机构|定额培训|培训学校|学员",
        fields=(
            Field(
                "institution_recognized",
                "已获认定的本市服务外包培训机构",
                question="贵机构是已获得认定的本市服务外包培训机构吗？（是/否）",
                recognised_by="认定的培训机构 (没有认定: no), or 是/否 to its question",
                from_facts=True,
            ),
            Field(
                "institution_trainees",
                "合格学员",
                "名",
                question="符合条件的学员有多少名？（大专以上学历、通过考核、并与服务外包企业签订"
                f"{figure_in('3.7.2', 'contract_years', '年')}以上劳动合同）",
                recognised_by="a count of people (人/名/个) in a message about 培训/学员/合格/考核",
                implies_item=True,
            ),
        ),
        applicant="training_institution",
        checklist="培训机构定额培训支持",
        person_conditions=("institution_trainees", None, ("education", "exam", "contract")),
        read=read,
        reads_when=lambda reader: (
            reader.pending in ("institution_trainees", "institution_recognized") or "3.7.2" in reader.items
        ),
    ),
)
