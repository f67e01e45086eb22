"""The linear intent model blended with DIET's ranking (bot/nlu/linear_intent.py)."""
import pytest

pytest.importorskip("rasa")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (  # noqa: E402
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from bot.nlu.components import PolicyJiebaTokenizer  # noqa: E402
from bot.nlu.linear_intent import (  # noqa: E402
    LinearIntentBlender, LinearScorer, blend, sentence_vector,
)

EXAMPLES = {
    "greet": ["你好", "您好", "你好呀", "在吗", "有人吗"],
    "thank": ["谢谢", "多谢", "谢谢你", "感谢", "辛苦了谢谢"],
    "ask_subsidy": ["离岸奖励怎么给", "培训补贴标准是什么", "展会补贴多少", "认证补贴有哪些",
                    "园区有什么支持"],
}


class TestBlend:
    def test_weighted_average_best_first(self):
        diet = [{"name": "a", "confidence": 0.6}, {"name": "b", "confidence": 0.4}]
        ranking = blend(diet, {"a": 0.2, "b": 0.8}, weight=0.5)
        assert [r["name"] for r in ranking] == ["b", "a"]
        assert ranking[0]["confidence"] == pytest.approx(0.6)
        assert ranking[1]["confidence"] == pytest.approx(0.4)

    def test_weight_zero_keeps_diet_and_one_keeps_linear(self):
        diet = [{"name": "a", "confidence": 0.9}, {"name": "b", "confidence": 0.1}]
        linear = {"a": 0.3, "b": 0.7}
        assert blend(diet, linear, 0.0)[0]["name"] == "a"
        assert blend(diet, linear, 1.0)[0]["name"] == "b"

    def test_intent_missing_from_diet_counts_as_zero(self):
        ranking = blend([{"name": "a", "confidence": 1.0}], {"a": 0.0, "c": 1.0}, 0.5)
        assert {r["name"]: r["confidence"] for r in ranking} == {"a": 0.5, "c": 0.5}


@pytest.fixture()
def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    tokenizer = PolicyJiebaTokenizer.create(
        PolicyJiebaTokenizer.get_default_config(), storage, Resource("tok"), context)
    featurizer = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "max_ngram": 3},
        storage, Resource("cvf"), context)
    data = TrainingData([Message(data={TEXT: t, INTENT: i})
                         for i, texts in EXAMPLES.items() for t in texts])
    tokenizer.process_training_data(data)
    featurizer.train(data)
    featurizer.process_training_data(data)
    blender = LinearIntentBlender.create(
        LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
    blender.train(data)

    def classify(text, diet_ranking, model=blender):
        message = Message(data={TEXT: text})
        tokenizer.process([message])
        featurizer.process([message])
        message.set(INTENT, diet_ranking[0])
        message.set(INTENT_RANKING_KEY, diet_ranking)
        model.process([message])
        return message

    return classify, storage, context


class TestComponent:
    def test_confident_linear_model_overrules_an_unsure_diet(self, trained):
        classify, _, _ = trained
        unsure = [{"name": "greet", "confidence": 0.4}, {"name": "ask_subsidy", "confidence": 0.35},
                  {"name": "thank", "confidence": 0.25}]
        message = classify("培训补贴有多少", unsure)
        assert message.get(INTENT)["name"] == "ask_subsidy"
        ranking = message.get(INTENT_RANKING_KEY)
        assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
        assert [r["confidence"] for r in ranking] == sorted(
            (r["confidence"] for r in ranking), reverse=True)

    def test_saved_model_loads_and_gives_the_same_answer(self, trained):
        classify, storage, context = trained
        loaded = LinearIntentBlender.load(
            LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
        unsure = [{"name": "thank", "confidence": 0.34}, {"name": "greet", "confidence": 0.33},
                  {"name": "ask_subsidy", "confidence": 0.33}]
        for text in ("您好啊", "谢谢啦", "离岸补贴怎么算"):
            fresh = classify(text, unsure).get(INTENT_RANKING_KEY)
            again = classify(text, unsure, model=loaded).get(INTENT_RANKING_KEY)
            assert fresh == again

    def test_fast_paths_equal_rasa_and_sklearn(self, trained):
        """sentence_vector is Rasa's combined sentence row; LinearScorer is predict_proba."""
        classify, storage, context = trained
        model = LinearIntentBlender.load(
            LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)._model
        scorer = LinearScorer(model)
        diet = [{"name": "greet", "confidence": 1.0}]
        for text in ("您好啊", "谢谢啦", "离岸补贴怎么算", "2024年CMMI补贴多少"):
            message = classify(text, diet)
            row = sentence_vector(message)
            assert (row != message.get_sparse_features(TEXT)[1].features).nnz == 0
            assert scorer.probabilities(row) == pytest.approx(model.predict_proba(row)[0], abs=1e-12)

    def test_without_features_diet_answer_stays(self, trained):
        _, storage, context = trained
        blender = LinearIntentBlender.load(
            LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
        message = Message(data={TEXT: "你好"})
        diet = {"name": "greet", "confidence": 0.9}
        message.set(INTENT, diet)
        blender.process([message])
        assert message.get(INTENT) == diet
