"""Which award items a user is asking about, and what the conversation calls them.

The policy's figures and rules live in knowledge/ and calculator/; this module only maps a
user's words to item codes and orders the items for a reply.
"""

import re

ORDER = [
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "3.5",
    "3.6",
    "3.7.2",
    "3.7.3",
    "3.7.4",
    "3.8.1",
    "3.8.2a",
    "3.8.2b",
    "3.8.3",
    "3.9",
]

NAMES = {
    "3.1": "业务规模增量奖励",
    "3.2": "离岸业务奖励",
    "3.3": "创新发展奖励",
    "3.4": "技术先进型服务企业认定奖励",
    "3.5": "开拓市场补贴（展会等活动）",
    "3.6": "资质认证补贴",
    "3.7.2": "培训机构定额培训支持",
    "3.7.3": "中高级人才培训补贴",
    "3.7.4": "实习实训补贴",
    "3.8.1": "示范园区认定奖励",
    "3.8.2a": "园区引进重点企业奖励",
    "3.8.2b": "园区吸引外资奖励",
    "3.8.3": "租金补贴",
    "3.9": "公共服务平台补贴",
}

# Words that name an item (checked on normalised text). Order matters only for display.
ITEM_PATTERNS = [
    ("3.3", r"创新|专利|软著|软件著作权|研发投入"),
    ("3.1", r"增量|规模奖|业务规模|比上年|比去年|增长部分"),
    ("3.2", r"离岸奖|离岸业务奖|国际服务外包|离岸[^，。,；;]{0,8}(奖|能拿|拿多少|多少钱)|境外业务"),
    ("3.4", r"技术先进型|技先"),
    (
        "3.5",
        r"展会|参展|展位|布展|博览会|交易会|广交会|服贸会|招商引资|经贸交流|开拓市场|境内外活动|(境内|境外|国内|国外)(的)?活动",
    ),
    ("3.6", r"认证|资质|cmmi|itss|pcmm|sas70|ccrc|iso\s?\d"),
    ("3.7.2", r"培训的?机构|定额培训|培训学校|学员"),
    (
        "3.7.3",
        r"中高级|高级人才|项目经理.{0,8}培训|培训.{0,8}项目经理|人才培训|员工培训|培训费|"
        r"涉外业务.{0,4}培训|(业务|专业|技术|高级)培训|培训花了",
    ),
    ("3.7.4", r"实习|实训|应届|毕业生"),
    (
        "3.8.1",
        r"示范园区.{0,4}认定|(新|刚)被?认定.{0,12}园区|认定为.{0,12}示范园区|园区认定|(评为|评上|获评).{0,10}示范园区",
    ),
    ("3.8.2a", r"500强|五百强|100强|领军企业|引进.{0,6}(重点)?企业"),
    ("3.8.2b", r"外资|外商投资"),
    ("3.8.3", r"租金|房租|租赁|办公用房"),
    ("3.9", r"平台"),
]

NEGATED = re.compile(r"(没有|没|无|不是|并非|非)$")
# "去年的增量先不算": an item named to leave it out
LEFT_OUT = re.compile(r"[^，。；,;]{0,4}(先不算|不算|不用算|不要算|不考虑|先不管|除外|不用管)")

GROUPS = {
    "3.8.2": ["3.8.2a", "3.8.2b"],
    "3.7": ["3.7.2", "3.7.3", "3.7.4"],
    "3.8": ["3.8.1", "3.8.2a", "3.8.2b", "3.8.3"],
}


def detect_items(text: str) -> list:
    """Item codes named in `text` (normalised), in policy order."""
    found = {
        code
        for code, pat in ITEM_PATTERNS
        if any(
            not NEGATED.search(text[max(0, m.start() - 4) : m.start()]) and not LEFT_OUT.match(text, m.end())
            for m in re.finditer(pat, text)
        )
    }
    if "3.7.2" in found and "3.7.3" in found and not re.search(r"中高级|高级人才|项目经理", text):
        found.discard("3.7.3")
    if "3.9" in found and re.search(r"电商平台|平台开发|众包平台", text) and not re.search(r"公共|服务平台", text):
        found.discard("3.9")
    return [c for c in ORDER if c in found]


def sort_items(codes) -> list:
    """Codes in the policy's order, without duplicates."""
    codes = set(codes)
    return [c for c in ORDER if c in codes]


def fair_caps_note() -> str:
    """（境内每场最高补贴2万元，境外每场最高5万元）, from knowledge/data/figures.yml."""
    from knowledge.figures import words

    return (
        f"（境内每场最高补贴{words('3.5', 'domestic_event_cap_cny')}，"
        f"境外每场最高{words('3.5', 'overseas_event_cap_cny')}）"
    )
