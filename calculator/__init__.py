"""Award calculator for 郑政办〔2020〕58号 (郑州市进一步加快服务外包发展政策措施).

    from calculator import calculate, CalculatorError, required_rates

The interface is fixed by /work/shared/spec/calculator-contract.md; `python -m calculator`
is a thin wrapper (calculator/cli.py). Clause rules live one per module in
calculator/items/ (see its docstring for the index); every figure comes from
knowledge/data/figures.yml. No Rasa import anywhere in this package.
"""

from .engine import calculate, innovation_from_awards, required_rates
from .errors import CalculatorError

__all__ = ["calculate", "innovation_from_awards", "required_rates", "CalculatorError"]
