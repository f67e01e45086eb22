"""The input fields of the contract and their checking.

`validate(inputs)` turns a caller's dict into clean values (Decimal for numbers, int for
counts, bool for flags) or raises CalculatorError naming the field. Rulings:

- Every field is optional; a field whose value is null (None) counts as not given.
- Unknown fields are an error (a misspelt field must never silently drop an award).
- Numbers must be JSON numbers (int, float or Decimal): never bool, never text, never
  NaN/Infinity. Money is ≥ 0 and at most 1e13 (yuan or USD); rates are > 0.
- Fields the contract types as int (trainees, interns, enterprises, years subsidised, year)
  accept an integral number written as 20.0 and reject 20.5.
- Lists hold at most 10,000 objects, each with only the keys its clause defines.
"""

from decimal import Decimal

from .errors import CalculatorError

MAX_MONEY = Decimal("1e13")
MAX_COUNT = 10**7
MAX_LIST = 10000
MAX_YEARS = Decimal(1000)
MAX_AREA = Decimal("1e9")
MAX_RATE = Decimal(1000)
MAX_NAME = 200
YEAR_RANGE = (2000, 2100)

ENTITY_TYPES = ("legal_person", "branch", "other")
REGIONS = ("domestic", "overseas")

LABELS = {
    "entity_type": "主体类型",
    "registered_in_zhengzhou": "在郑州市行政区域内依法设立",
    "pays_tax_in_zhengzhou": "在郑纳税",
    "clear_property_rights": "产权清晰",
    "lawful_operation": "依法经营",
    "lawful_tax": "依法纳税",
    "sound_finance": "财务管理制度健全且规范",
    "mofcom_registered": "在商务部服务外包业务管理和统计系统中注册并及时填报",
    "year": "业务年度",
    "usd_cny_rate": "当年美元兑人民币年平均中间价",
    "previous_usd_cny_rate": "上年美元兑人民币年平均中间价",
    "new_enterprise": "新增企业",
    "onshore_cny": "当年在岸业务合同执行额",
    "offshore_usd": "当年离岸业务合同执行额（美元）",
    "offshore_cny": "当年离岸业务合同执行额（已按当年中间价折成人民币）",
    "previous_onshore_cny": "上年在岸业务合同执行额",
    "previous_offshore_usd": "上年离岸业务合同执行额（美元）",
    "previous_offshore_cny": "上年离岸业务合同执行额（已按上年中间价折成人民币）",
    "onshore_increment_cny": "在岸业务合同执行额比上年增加的部分",
    "increment_cny": "业务增量（离岸已按规定折算为人民币）",
    "innovation_patents_two_years": "连续两年取得新的发明专利、软件著作权",
    "innovation_rd_growth_two_years": "研发投入持续两年保持增长",
    "tech_advanced_new": "新获得技术先进型服务企业资格",
    "fairs": "参加展会等活动",
    "certifications": "资质认证",
    "institution_recognized": "已获认定的本市服务外包培训机构",
    "institution_trainees": "培训并签约的服务外包人才人数",
    "senior_training": "中高级人才培训",
    "internship_agreement_years": "与高校签订的实习生实训协议年限",
    "interns_per_year": "每年接受服务外包实习生人数",
    "qualified_interns": "符合条件的应届毕业生人数",
    "park_newly_recognized": "园区新通过市级或以上服务外包示范园区认定",
    "park_enterprise_operated": "园区由企业统一管理和运营",
    "park_top_enterprises": "园区引进并运营一年以上的重点企业或项目数",
    "park_foreign_investment_usd": "园区信息技术和软件项目吸引外商投资额（美元）",
    "rent_years_in_park": "入驻市级及以上重点园区年限",
    "rent_contract_amount_cny": "企业合同执行额",
    "rent_annual_cny": "办公用房年租金",
    "rent_area_m2": "租赁办公面积（平方米）",
    "rent_years_subsidized": "已享受租金补贴年数",
    "platforms": "公共服务平台",
}

BOOL_FIELDS = (
    "registered_in_zhengzhou",
    "pays_tax_in_zhengzhou",
    "clear_property_rights",
    "lawful_operation",
    "lawful_tax",
    "sound_finance",
    "mofcom_registered",
    "new_enterprise",
    "innovation_patents_two_years",
    "innovation_rd_growth_two_years",
    "tech_advanced_new",
    "institution_recognized",
    "park_newly_recognized",
    "park_enterprise_operated",
)
MONEY_FIELDS = (
    "onshore_cny",
    "offshore_usd",
    "offshore_cny",
    "previous_onshore_cny",
    "previous_offshore_usd",
    "previous_offshore_cny",
    "onshore_increment_cny",
    "increment_cny",
    "park_foreign_investment_usd",
    "rent_contract_amount_cny",
    "rent_annual_cny",
)
RATE_FIELDS = ("usd_cny_rate", "previous_usd_cny_rate")
COUNT_FIELDS = (
    "institution_trainees",
    "interns_per_year",
    "qualified_interns",
    "park_top_enterprises",
    "rent_years_subsidized",
)
DURATION_FIELDS = ("internship_agreement_years", "rent_years_in_park")

# list field → {entry key: (kind, required)}
LIST_FIELDS = {
    "fairs": {"region": ("region", True), "cost_cny": ("money", True)},
    "certifications": {"name": ("name", False), "cost_cny": ("money", True)},
    "senior_training": {"cost_cny": ("money", True)},
    "platforms": {"cost_cny": ("money", True)},
}
ENTRY_LABELS = {"region": "活动地区", "cost_cny": "费用", "name": "资质名称"}

FIELDS = frozenset(LABELS)


def field_type(key: str) -> str:
    """The contract's type of a field: flag, money, rate, count, duration, list, area, year or choice."""
    for kind, keys in (
        ("flag", BOOL_FIELDS),
        ("money", MONEY_FIELDS),
        ("rate", RATE_FIELDS),
        ("count", COUNT_FIELDS),
        ("duration", DURATION_FIELDS),
        ("list", tuple(LIST_FIELDS)),
        ("area", ("rent_area_m2",)),
        ("year", ("year",)),
        ("choice", ("entity_type",)),
    ):
        if key in keys:
            return kind
    raise KeyError(f"no field {key!r} in the calculator's contract")


def _fail(field, message):
    raise CalculatorError(message, field)


def _named(field, label=None):
    return f"{label or LABELS.get(field, field)}（{field}）"


def number(value, field, label=None) -> Decimal:
    """A finite JSON number as a Decimal; never a bool, a string or NaN."""
    if isinstance(value, bool):
        _fail(field, f"{_named(field, label)}应为数字，不能是 true/false")
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            _fail(field, f"{_named(field, label)}不能是 NaN 或无穷大")
        d = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            _fail(field, f"{_named(field, label)}不能是 NaN 或无穷大")
        d = value
    elif isinstance(value, str):
        _fail(field, f"{_named(field, label)}应为数字，不能是文本“{value[:20]}”")
    else:
        _fail(field, f"{_named(field, label)}应为数字")
    return Decimal(0) if d == 0 else d


def money(value, field, label=None) -> Decimal:
    """Money (yuan or USD): 0 ≤ value ≤ 1e13."""
    d = number(value, field, label)
    if d < 0:
        _fail(field, f"{_named(field, label)}不能为负数")
    if d > MAX_MONEY:
        _fail(field, f"{_named(field, label)}超出合理范围（不超过10万亿）")
    return d


def rate(value, field) -> Decimal:
    """An exchange rate: 0 < value ≤ 1000."""
    d = number(value, field)
    if d <= 0:
        _fail(field, f"{_named(field)}必须大于0")
    if d > MAX_RATE:
        _fail(field, f"{_named(field)}超出合理范围")
    return d


def integer(value, field, low=0, high=MAX_COUNT, label=None) -> int:
    """A whole number in [low, high]; 20.0 is accepted as 20, 20.5 is not."""
    d = number(value, field, label)
    if d != d.to_integral_value():
        _fail(field, f"{_named(field, label)}应为整数")
    if d < low:
        _fail(
            field, f"{_named(field, label)}不能为负数" if low == 0 else f"{_named(field, label)}应在{low}到{high}之间"
        )
    if d > high:
        _fail(field, f"{_named(field, label)}超出合理范围（不超过{high}）")
    return int(d)


def duration(value, field) -> Decimal:
    """A number of years: 0 ≤ value ≤ 1000."""
    d = number(value, field)
    if d < 0:
        _fail(field, f"{_named(field)}不能为负数")
    if d > MAX_YEARS:
        _fail(field, f"{_named(field)}超出合理范围")
    return d


def area(value, field) -> Decimal:
    """An area in m²: 0 < value ≤ 1e9."""
    d = number(value, field)
    if d <= 0:
        _fail(field, f"{_named(field)}必须大于0")
    if d > MAX_AREA:
        _fail(field, f"{_named(field)}超出合理范围")
    return d


def flag(value, field) -> bool:
    """A JSON boolean."""
    if not isinstance(value, bool):
        _fail(field, f"{_named(field)}应为 true 或 false")
    return value


def _entry(value, field, index, spec):
    where = f"{field}[{index}]"
    if not isinstance(value, dict):
        _fail(where, f"{LABELS[field]}（{field}）第{index + 1}项应为对象，如 {_example(spec)}")
    for key in value:
        if key not in spec:
            _fail(f"{where}.{key}", f"{LABELS[field]}第{index + 1}项含未知字段“{key}”，只接受：{'、'.join(spec)}")
    clean = {}
    for key, (kind, required) in spec.items():
        path = f"{where}.{key}"
        label = f"{LABELS[field]}第{index + 1}项的{ENTRY_LABELS[key]}"
        raw = value.get(key)
        if raw is None:
            if required:
                _fail(path, f"{label}（{path}）缺失")
            continue
        if kind == "money":
            clean[key] = money(raw, path, label)
        elif kind == "region":
            if raw not in REGIONS:
                _fail(path, f"{label}（{path}）应为 domestic（境内）或 overseas（境外）")
            clean[key] = raw
        elif kind == "name":
            if not isinstance(raw, str):
                _fail(path, f"{label}（{path}）应为文本")
            if len(raw) > MAX_NAME:
                _fail(path, f"{label}（{path}）过长（不超过{MAX_NAME}字）")
            clean[key] = raw
    return clean


def _example(spec):
    parts = {"region": '"region": "domestic"', "cost_cny": '"cost_cny": 12345', "name": '"name": "CMMI"'}
    return "{" + ", ".join(parts[k] for k in spec) + "}"


def entries(value, field) -> list:
    """A list field: at most 10,000 objects with only the keys the clause defines."""
    if not isinstance(value, (list, tuple)):
        _fail(field, f"{_named(field)}应为列表，如 [{_example(LIST_FIELDS[field])}]")
    if len(value) > MAX_LIST:
        _fail(field, f"{_named(field)}条目过多（不超过{MAX_LIST}项）")
    spec = LIST_FIELDS[field]
    return [_entry(v, field, i, spec) for i, v in enumerate(value)]


def validate(inputs) -> dict:
    """Check a caller's input object; return its given fields as clean values."""
    if not isinstance(inputs, dict):
        _fail(None, "输入应为一个 JSON 对象（{…}）")
    for key in inputs:
        if key not in FIELDS:
            _fail(str(key), f"未知字段“{str(key)[:60]}”（字段名请对照接口说明，拼写错误的字段不会被忽略）")
    data = {}
    for field, value in inputs.items():
        if value is None:
            continue
        if field in MONEY_FIELDS:
            data[field] = money(value, field)
        elif field in BOOL_FIELDS:
            data[field] = flag(value, field)
        elif field in RATE_FIELDS:
            data[field] = rate(value, field)
        elif field in COUNT_FIELDS:
            data[field] = integer(value, field)
        elif field in DURATION_FIELDS:
            data[field] = duration(value, field)
        elif field in LIST_FIELDS:
            data[field] = entries(value, field)
        elif field == "rent_area_m2":
            data[field] = area(value, field)
        elif field == "year":
            data[field] = integer(value, field, *YEAR_RANGE)
        elif field == "entity_type":
            if value not in ENTITY_TYPES:
                _fail(
                    field,
                    f"{_named(field)}应为 legal_person（独立法人企业）、branch（法人企业分支机构）或 other（其他）",
                )
            data[field] = value
    if "onshore_increment_cny" in data:
        # the onshore increment stands for both years' onshore amounts: never beside them, never for a new enterprise
        for other in ("onshore_cny", "previous_onshore_cny"):
            if other in data:
                _fail(other, f"给出了在岸增量（onshore_increment_cny）时，不能再给{_named(other)}")
        if data.get("new_enterprise") is True:
            _fail("onshore_increment_cny", "新增企业按本年度执行额全额计算，不能给在岸增量（onshore_increment_cny）")
    if "increment_cny" in data:
        # the whole increment, already converted: never beside the years' amounts or another increment
        for other in ("onshore_cny", "previous_onshore_cny", "previous_offshore_usd", "onshore_increment_cny"):
            if other in data:
                _fail(other, f"给出了业务增量（increment_cny）时，不能再给{_named(other)}")
        if data.get("new_enterprise") is True:
            _fail("increment_cny", "新增企业按本年度执行额全额计算，不能给业务增量（increment_cny）")
    for usd in ("offshore_usd", "previous_offshore_usd"):
        # a year's offshore business in yuan (converted by the user) stands for its dollars in 三（一） only: never both
        if usd in data and usd.replace("_usd", "_cny") in data:
            _fail(usd.replace("_usd", "_cny"), f"给出了{_named(usd)}时，不能再给同一年折成人民币的离岸执行额")
    if "rent_annual_cny" in data and "rent_area_m2" not in data:
        _fail("rent_area_m2", "提供了办公用房年租金（rent_annual_cny）时，须同时提供租赁面积（rent_area_m2，平方米）")
    return data
