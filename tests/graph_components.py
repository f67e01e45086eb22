"""Two tiny Rasa graph components for testing graph runners (tests/test_rasa_speedups.py)."""

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


class _Plus(GraphComponent):
    def __init__(self, plus: int) -> None:
        self.plus = plus

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "_Plus":
        return cls(config["plus"])


class Source(_Plus):
    def give(self, x: int) -> int:
        return x + self.plus


class Add(_Plus):
    def add(self, x: int) -> int:
        return x + self.plus

    def add2(self, x: int, y: int) -> int:
        return x + y + self.plus
