"""Rasa NLU components: a jieba tokenizer that normalises text and knows the knowledge
base's words, and the rule-based policy entity extractor (spaCy + figure parser)."""

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.rasa_speedups  # noqa: F401  (see its docstring)
from bot.nlu import entity_ruler
from bot.nlu.normalize import nlu_text


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class PolicyJiebaTokenizer(JiebaTokenizer):
    """Jieba with the knowledge base's dictionary, on normalised text (offsets unchanged)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**JiebaTokenizer.get_default_config(), "dictionary_path": None}

    @classmethod
    def create(cls, config, model_storage, resource, execution_context):
        entity_ruler.load_user_dictionary()
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs):
        entity_ruler.load_user_dictionary()
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        return self._resource

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        import jieba

        text = message.get(attribute) or ""
        norm = nlu_text(text)
        tokens = [Token(word, start) for word, start, _ in jieba.tokenize(norm) if word.strip()]
        return self._apply_token_pattern(tokens)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class PolicyEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Domains, clauses, certifications, regions and figures, found by rules, never guessed."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PolicyEntityExtractor":
        entity_ruler.pipeline()
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = entity_ruler.extract(message.get(TEXT) or "")
            entities = [
                {"entity": e["entity"], "value": e["value"], "start": e["start"], "end": e["end"], "confidence": 1.0}
                for e in found
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities), add_to_output=True)
        return messages
