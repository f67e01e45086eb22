"""One module per clause of 第三条, in the order of the contract's table.

    3.1     三.（一）   business_growth.py        业务规模增量奖励
    3.2     三.（二）   offshore.py               离岸业务奖励
    3.3     三.（三）   innovation.py             创新发展奖励
    3.4     三.（四）   tech_advanced.py          技术先进型服务企业认定奖励
    3.5     三.（五）   market_fairs.py           开拓市场补贴
    3.6     三.（六）   certifications.py         资质认证补贴
    3.7.2   三.（七）2  institution_training.py   培训机构定额培训支持
    3.7.3   三.（七）3  senior_training.py        中高级人才培训补贴
    3.7.4   三.（七）4  internships.py            实习实训补贴
    3.8.1   三.（八）1  park_recognition.py       示范园区认定奖励
    3.8.2a  三.（八）2  park_attraction.py        园区引进重点企业奖励
    3.8.2b  三.（八）2  park_attraction.py        园区吸引外资奖励
    3.8.3   三.（八）3  rent.py                   租金补贴
    3.9     三.（九）   platforms.py              公共服务平台补贴

Each `compute(ctx)` returns an Item, or None when the item's inputs are absent; modules that
convert dollars also say which exchange rates they need (`rates_needed(data)`).
四.（三）, the 500万元 annual total, is applied in calculator/engine.py.
"""

from . import (
    business_growth,
    certifications,
    innovation,
    institution_training,
    internships,
    market_fairs,
    offshore,
    park_attraction,
    park_recognition,
    platforms,
    rent,
    senior_training,
    tech_advanced,
)

COMPUTE = (
    business_growth.compute,
    offshore.compute,
    innovation.compute,
    tech_advanced.compute,
    market_fairs.compute,
    certifications.compute,
    institution_training.compute,
    senior_training.compute,
    internships.compute,
    park_recognition.compute,
    park_attraction.compute_top_enterprises,
    park_attraction.compute_foreign_investment,
    rent.compute,
    platforms.compute,
)

RATES_NEEDED = (business_growth.rates_needed, offshore.rates_needed, rent.rates_needed)
