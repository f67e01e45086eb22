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
    LinearIntentBlender,
    LinearScorer,
    blend,
    char_text,
    sentence_vector,
)

EXAMPLES = {
    "greet": ["你好", "您好", "你好呀", "在吗", "有人吗"],
    "thank": ["谢谢", "多谢", "谢谢你", "感谢", "辛苦了谢谢"],
    "ask_subsidy": ["离岸奖励怎么给", "培训补贴标准是什么", "展会补贴多少", "认证补贴有哪些", "园区有什么支持"],
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

    def test_character_model_takes_its_share_first(self):
        """0.4 × char + 0.6 × (0.6 × linear + 0.4 × DIET), worked out by hand."""
        diet = [{"name": "a", "confidence": 0.9}, {"name": "b", "confidence": 0.1}]
        ranking = blend(diet, {"a": 0.5, "b": 0.5}, 0.6, {"a": 0.0, "b": 1.0}, 0.4)
        # a: 0.4·0 + 0.6·(0.3 + 0.36) = 0.396; b: 0.4·1 + 0.6·(0.3 + 0.04) = 0.604
        assert [(r["name"], round(r["confidence"], 6)) for r in ranking] == [("b", 0.604), ("a", 0.396)]

    def test_without_character_probabilities_the_two_way_blend_stays(self):
        diet = [{"name": "a", "confidence": 0.7}, {"name": "b", "confidence": 0.3}]
        linear = {"a": 0.2, "b": 0.8}
        assert blend(diet, linear, 0.6, {}, 0.4) == blend(diet, linear, 0.6)
        assert blend(diet, linear, 0.6, {"a": 0.9, "b": 0.1}, 0.0) == blend(diet, linear, 0.6)


class TestCharText:
    def test_normalised_and_marked_at_both_ends(self):
        """Full-width, traditional and upper case are folded as for jieba; the marks make
        「没得」 as a whole message differ from 「没得」 inside one."""
        assert char_text("  ＣＭＭＩ補貼 ") == "\x02cmmi补贴\x03"
        assert char_text(None) == char_text("") == "\x02\x03"


@pytest.fixture()
def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    tokenizer = PolicyJiebaTokenizer.create(
        PolicyJiebaTokenizer.get_default_config(), storage, Resource("tok"), context
    )
    featurizer = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "max_ngram": 3},
        storage,
        Resource("cvf"),
        context,
    )
    data = TrainingData([Message(data={TEXT: t, INTENT: i}) for i, texts in EXAMPLES.items() for t in texts])
    tokenizer.process_training_data(data)
    featurizer.train(data)
    featurizer.process_training_data(data)
    blender = LinearIntentBlender.create(LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
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
        unsure = [
            {"name": "greet", "confidence": 0.4},
            {"name": "ask_subsidy", "confidence": 0.35},
            {"name": "thank", "confidence": 0.25},
        ]
        message = classify("培训补贴有多少", unsure)
        assert message.get(INTENT)["name"] == "ask_subsidy"
        ranking = message.get(INTENT_RANKING_KEY)
        assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
        assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)

    def test_saved_model_loads_and_gives_the_same_answer(self, trained):
        classify, storage, context = trained
        loaded = LinearIntentBlender.load(LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
        unsure = [
            {"name": "thank", "confidence": 0.34},
            {"name": "greet", "confidence": 0.33},
            {"name": "ask_subsidy", "confidence": 0.33},
        ]
        for text in ("您好啊", "谢谢啦", "离岸补贴怎么算"):
            fresh = classify(text, unsure).get(INTENT_RANKING_KEY)
            again = classify(text, unsure, model=loaded).get(INTENT_RANKING_KEY)
            assert fresh == again

    def test_fast_paths_equal_rasa_and_sklearn(self, trained):
        """sentence_vector is Rasa's combined sentence row; LinearScorer is predict_proba."""
        classify, storage, context = trained
        model = LinearIntentBlender.load(
            LinearIntentBlender.get_default_config(), storage, Resource("lin"), context
        )._model
        scorer = LinearScorer(model)
        diet = [{"name": "greet", "confidence": 1.0}]
        for text in ("您好啊", "谢谢啦", "离岸补贴怎么算", "2024年CMMI补贴多少"):
            message = classify(text, diet)
            row = sentence_vector(message)
            assert (row != message.get_sparse_features(TEXT)[1].features).nnz == 0
            assert scorer.probabilities(row) == pytest.approx(model.predict_proba(row)[0], abs=1e-12)

    def test_character_model_saved_and_scored_like_sklearn(self, trained):
        """The loaded blender has the character model; its fast scorer equals predict_proba."""
        classify, storage, context = trained
        loaded = LinearIntentBlender.load(LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
        for text in ("您好啊", "谢谢啦", "离岸补贴怎么算"):
            row = loaded._char_features.transform([char_text(text)])
            expected = dict(zip(loaded._char_model.classes_, loaded._char_model.predict_proba(row)[0]))
            assert loaded.char_probabilities(text) == pytest.approx(expected, abs=1e-12)
        assert max(loaded.char_probabilities("谢谢你啊").items(), key=lambda kv: kv[1])[0] == "thank"

    def test_character_share_changes_the_ranking_as_configured(self, trained):
        """The ranking is exactly blend() of the three opinions with the configured shares."""
        classify, storage, context = trained
        config = LinearIntentBlender.get_default_config()
        loaded = LinearIntentBlender.load(config, storage, Resource("lin"), context)
        diet = [
            {"name": "greet", "confidence": 0.5},
            {"name": "thank", "confidence": 0.3},
            {"name": "ask_subsidy", "confidence": 0.2},
        ]
        message = classify("补贴多少", diet, model=loaded)
        vector = sentence_vector(message)
        linear = dict(zip(loaded._scorer.classes, loaded._scorer.probabilities(vector).tolist()))
        expected = blend(diet, linear, config["weight"], loaded.char_probabilities("补贴多少"), config["char_weight"])
        assert message.get(INTENT_RANKING_KEY) == pytest.approx(expected)
        assert config["char_weight"] > 0

    def test_without_features_diet_answer_stays(self, trained):
        _, storage, context = trained
        blender = LinearIntentBlender.load(LinearIntentBlender.get_default_config(), storage, Resource("lin"), context)
        message = Message(data={TEXT: "你好"})
        diet = {"name": "greet", "confidence": 0.9}
        message.set(INTENT, diet)
        blender.process([message])
        assert message.get(INTENT) == diet
