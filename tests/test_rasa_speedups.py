"""bot/rasa_speedups.py: each replacement gives what Rasa's own code gives (kept beside it as
`_rasa_…` / `_dask_run`), on generated and on real inputs. The tests marked `model` compare
both on the trained model; `make test` runs them after training."""

import asyncio
import json
import math
from pathlib import Path

import pytest

pytest.importorskip("rasa")

import numpy as np  # noqa: E402
import scipy.sparse  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from jsonschema import ValidationError  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402
from rasa.engine.runner.dask import DaskGraphRunner  # noqa: E402
from rasa.shared.core import events as rasa_events  # noqa: E402
from rasa.shared.nlu.training_data.features import Features  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.utils.common import all_subclasses  # noqa: E402
from rasa.utils.endpoints import ClientResponseError, EndpointConfig  # noqa: E402

from bot import rasa_speedups  # noqa: E402

rasa_speedups.install(honour_switch=False)  # installed here whatever RASA_SPEEDUPS says: compared both ways

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "policy-assistant.tar.gz"
SPEC = RemoteAction.action_response_format_spec()


def rasa_verdict(result) -> bool:
    """Rasa's own check: True if valid, False if it raises ValidationError."""
    try:
        RemoteAction._rasa_validate_action_result(RemoteAction, result)
        return True
    except ValidationError:
        return False


def our_verdict(result) -> bool:
    try:
        RemoteAction._validate_action_result(RemoteAction, result)
        return True
    except ValidationError as e:
        assert "Failed to validate Action server response" in e.message
        return False


# --- 1. action-server responses ------------------------------------------------------------------


def real_responses():
    """Responses as our action server sends them (rasa_sdk events)."""
    from rasa_sdk import events as sdk

    return [
        {"events": [], "responses": []},
        {
            "events": [sdk.SlotSet("estimate_answer", None), sdk.SlotSet("n", 3.5)],
            "responses": [{"text": "依据第三条第（二）项……", "buttons": [{"title": "是", "payload": "/affirm"}]}],
        },
        {
            "events": [
                sdk.ActiveLoop("estimate_form"),
                sdk.FollowupAction("action_listen"),
                sdk.BotUttered("好的"),
                sdk.AllSlotsReset(),
                sdk.Restarted(),
                sdk.SessionStarted(),
                sdk.ActionExecuted("action_listen"),
                sdk.UserUttered("你好", {"intent": {"name": "greet", "confidence": 0.9}, "entities": []}),
                sdk.ConversationPaused(),
                sdk.ConversationResumed(),
                sdk.UserUtteranceReverted(),
                sdk.ActionReverted(),
                {"event": "entities", "entities": [{"entity": "money", "value": "1|USD"}]},
            ],
            "responses": [{"custom": {"report": "r1"}}],
        },
        {"responses": [{"text": "只有回复"}]},
        {"events": [sdk.SlotSet("x", {"nested": [1, 2]})]},
    ]


def test_real_responses_pass_both_and_take_the_quick_path():
    quick = rasa_speedups.response_checker(SPEC)
    assert quick is not None
    for response in real_responses():
        assert rasa_verdict(response) and our_verdict(response)
        assert quick(response), response


@pytest.mark.parametrize(
    "response",
    [
        [],  # not an object
        {"events": {}},  # events not a list
        {"responses": ["text"]},  # a response that is not an object
        {"events": ["slot"]},  # an event that is not an object
        {"events": [{"name": "x", "value": 1}]},  # no event name
        {"events": [{"event": "no_such_event"}]},  # unknown kind
        {"events": [{"event": "slot", "value": 1}]},  # slot without its name
        {"events": [{"event": "slot", "name": 7, "value": 1}]},  # name not a string
        {"events": [{"event": "user", "text": 5}]},  # text not a string
        {"events": [{"event": "bot", "timestamp": "now"}]},  # timestamp not a number
        {"events": [{"event": "entities"}]},  # entities missing
        {"events": [{"event": "action", "name": "x"}, {"event": 3}]},
    ],
)
def test_invalid_responses_fail_both(response):
    assert not rasa_verdict(response)
    assert not our_verdict(response)


KINDS = [kind["properties"]["event"]["const"] for kind in SPEC["properties"]["events"]["items"]["oneOf"]]
FIELDS = sorted(
    {name for kind in SPEC["properties"]["events"]["items"]["oneOf"] for name in kind.get("properties", {})}
    | {"timestamp", "metadata"}
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)
events = st.one_of(
    st.builds(
        lambda kind, fields: {"event": kind, **fields},
        st.sampled_from(KINDS + ["nonsense"]),
        st.dictionaries(st.sampled_from([f for f in FIELDS if f != "event"]), json_values, max_size=4),
    ),
    json_values,
)
responses = st.dictionaries(
    st.sampled_from(["events", "responses", "other"]),
    st.one_of(
        st.lists(events, max_size=4),
        st.lists(st.dictionaries(st.text(max_size=3), json_values, max_size=2), max_size=2),
        json_values,
    ),
    max_size=3,
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(responses)
def test_same_verdict_as_rasa_on_generated_responses(response):
    assert our_verdict(response) == rasa_verdict(response)


def test_a_schema_of_another_shape_keeps_the_full_validator():
    assert rasa_speedups.response_checker({"type": "object"}) is None
    unpinned = json.loads(json.dumps(SPEC))
    unpinned["properties"]["events"]["items"]["oneOf"].append({"properties": {}})
    assert rasa_speedups.response_checker(unpinned) is None


# --- 2. event classes by type name ---------------------------------------------------------------


def test_every_event_kind_resolves_to_rasas_class():
    for cls in all_subclasses(rasa_events.Event):
        name = cls.type_name
        assert rasa_events.Event.resolve_by_type(name) is rasa_events.Event._rasa_resolve_by_type(name)
        assert rasa_events.Event.resolve_by_type(name) is rasa_events.Event.resolve_by_type(name)


def test_unknown_event_names_behave_as_in_rasa():
    assert rasa_events.Event.resolve_by_type("no_such", rasa_events.SlotSet) is rasa_events.SlotSet
    assert rasa_events.Event.resolve_by_type("topic") is None
    with pytest.raises(ValueError):
        rasa_events.Event.resolve_by_type("no_such")
    # a default is not remembered as the class of that name
    with pytest.raises(ValueError):
        rasa_events.Event.resolve_by_type("no_such")


# --- 3. one HTTP session per event loop ----------------------------------------------------------


def test_requests_share_a_connection_and_keep_rasas_answers():
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    peers = []

    async def echo(request):
        peers.append(request.transport.get_extra_info("peername"))
        if request.path == "/missing":
            return web.Response(status=404, text="no")
        if request.path == "/plain":
            return web.Response(text="not json")
        return web.json_response({"got": await request.json(), "token": request.query.get("token")})

    async def scenario():
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", echo)
        async with TestServer(app) as server:
            endpoint = EndpointConfig(url=str(server.make_url("/webhook")), token="t1")
            first = await endpoint.request(json={"text": "离岸奖励", "n": 1.5})
            second = await endpoint.request(json={"text": "第二次"})
            plain = await EndpointConfig(url=str(server.make_url("/plain"))).request(json={})
            with pytest.raises(ClientResponseError) as missing:
                await EndpointConfig(url=str(server.make_url("/missing"))).request(json={})
            return first, second, plain, missing.value

    first, second, plain, missing = asyncio.run(scenario())
    assert first == {"got": {"text": "离岸奖励", "n": 1.5}, "token": "t1"}
    assert second["got"] == {"text": "第二次"}
    assert plain is None
    assert missing.status == 404
    assert peers[0] == peers[1]  # the second request came over the same connection


# --- 4. graph runs without dask ------------------------------------------------------------------


class TestSequentialGraphRuns:
    def runner(self, tmp_path):
        from rasa.engine.graph import ExecutionContext, GraphSchema, SchemaNode
        from rasa.engine.storage.local_model_storage import LocalModelStorage

        from tests.graph_components import Add, Source

        schema = GraphSchema(
            {
                "a": SchemaNode(
                    needs={"x": "__x__"}, uses=Source, fn="give", constructor_name="create", config={"plus": 1}
                ),
                "b": SchemaNode(needs={"x": "a"}, uses=Add, fn="add", constructor_name="create", config={"plus": 10}),
                "c": SchemaNode(
                    needs={"x": "a", "y": "b"},
                    uses=Add,
                    fn="add2",
                    constructor_name="create",
                    config={"plus": 100},
                    is_target=True,
                ),
                "d": SchemaNode(
                    needs={"x": "__x__"},
                    uses=Add,
                    fn="add",
                    constructor_name="create",
                    config={"plus": 1000},
                    is_target=True,
                ),
            }
        )
        storage = LocalModelStorage(tmp_path)
        return DaskGraphRunner(schema, storage, ExecutionContext(schema, "test"))

    def both(self, runner, **kwargs):
        def outcome(run):
            try:
                return run(runner, **kwargs)
            except Exception as e:  # noqa: BLE001
                return type(e).__name__

        return outcome(DaskGraphRunner.run), outcome(DaskGraphRunner._dask_run)

    def test_same_results_as_dask(self, tmp_path):
        runner = self.runner(tmp_path)
        for kwargs in (
            {"inputs": {"__x__": 1}},
            {"inputs": {"__x__": 2}, "targets": ["b"]},
            {"inputs": {"__x__": 2}, "targets": ["c", "a"]},
            {"inputs": {"__x__": 3, "a": 50}, "targets": ["c"]},  # an input replaces a node
            {"inputs": {"__x__": 3}, "targets": ["__x__", "d"]},  # an input as a target
            {"inputs": {"__x__": "a"}},  # clashes with a node name
            {"inputs": {}, "targets": ["d"]},  # missing input
            {"inputs": {"__x__": 1}, "targets": ["nowhere"]},
        ):  # unknown target
            ours, dask = self.both(runner, **kwargs)
            assert ours == dask, kwargs
        assert self.both(runner, inputs={"__x__": 1})[0] == {"c": 1 + 1 + (1 + 1 + 10) + 100, "d": 1001}

    def test_runs_with_hooks_keep_dask(self, tmp_path, monkeypatch):
        calls = []
        monkeypatch.setattr(
            DaskGraphRunner, "_dask_run", lambda self, inputs=None, targets=None: calls.append(targets) or {}
        )
        runner = self.runner(tmp_path)
        DaskGraphRunner.run(runner, inputs={"__x__": 1})
        assert calls == []
        runner._has_hooks = True  # as in training, with its caching and fingerprint hooks
        DaskGraphRunner.run(runner, inputs={"__x__": 1}, targets=["d"])
        assert calls == [["d"]]


# --- 5. sparse features side by side -------------------------------------------------------------

coo = st.builds(
    lambda rows, cols, density, seed, dtype: scipy.sparse.random(
        rows, cols, density=density, format="coo", dtype=dtype, random_state=seed
    ),
    st.just(1),
    st.integers(0, 40),
    st.floats(0, 1),
    st.integers(0, 2**31),
    st.sampled_from([np.float32, np.float64, np.int64]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(coo, min_size=1, max_size=4))
def test_coo_hstack_equals_scipy(blocks):
    ours, theirs = rasa_speedups.coo_hstack(blocks), scipy.sparse.hstack(blocks)
    assert ours.format == theirs.format == "coo"
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert np.array_equal(ours.row, theirs.row) and np.array_equal(ours.col, theirs.col)
    assert np.array_equal(ours.data, theirs.data)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 2**31)), min_size=1, max_size=4))
def test_combined_features_equal_rasas(shapes):
    features = [
        Features(
            scipy.sparse.random(3, cols, density=0.3, format="coo", random_state=seed), "sentence", "text", f"f{i}"
        )
        for i, (cols, seed) in enumerate(shapes)
    ]
    before = [f.features.toarray().copy() for f in features]
    ours = Message._combine_features(features, ["all"])
    patched = Features._combine_sparse_features
    Features._combine_sparse_features = Features._rasa_combine_sparse_features
    try:
        theirs = Message._rasa_combine_features(features, ["all"])
    finally:
        Features._combine_sparse_features = patched
    assert (ours.type, ours.attribute, ours.origin) == (theirs.type, theirs.attribute, theirs.origin)
    assert ours.features.format == theirs.features.format
    assert np.array_equal(ours.features.toarray(), theirs.features.toarray())
    ours.features.data[:] = -1  # the result is a copy: the message's own features are untouched
    assert all(np.array_equal(f.features.toarray(), b) for f, b in zip(features, before))


def test_other_sparse_formats_and_mismatches_keep_rasas_behaviour():
    a = Features(scipy.sparse.csr_matrix(np.eye(2)), "sequence", "text", "a")
    a.combine_with_features(Features(scipy.sparse.coo_matrix(np.ones((2, 1))), "sequence", "text", "b"))
    assert a.features.toarray().tolist() == [[1, 0, 1], [0, 1, 1]]
    with pytest.raises(ValueError, match="sequence dimensions do not match"):
        a.combine_with_features(Features(scipy.sparse.coo_matrix(np.ones((3, 1))), "sequence", "text", "c"))


# --- JSON ----------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
        max_leaves=12,
    )
)
def test_json_round_trip_is_the_standard_librarys(value):
    text = rasa_speedups.dumps(value)
    expected = json.loads(json.dumps(value))
    got = json.loads(text)
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert json.dumps(rasa_speedups.loads(text), sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_json_that_ujson_refuses_goes_to_the_standard_library():
    assert rasa_speedups.dumps(float("nan")) == "NaN"
    assert rasa_speedups.dumps("\ud800") == json.dumps("\ud800")
    assert math.isinf(rasa_speedups.loads("Infinity"))
    with pytest.raises(TypeError):
        rasa_speedups.dumps({1, 2})
    with pytest.raises(ValueError):
        rasa_speedups.loads("{not json")
    assert rasa_speedups.dumps({"a": "中/文"}) == '{"a":"中/文"}'


# --- on the trained model: the whole prediction path, both ways ----------------------------------

HOLDOUT_SAMPLE = 60


def holdout_messages():
    import re

    texts = []
    for line in (ROOT / "tests" / "nlu_holdout.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s+- (.+)", line)
        if m:
            texts.append(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", m.group(1)))
    return texts[:: max(1, len(texts) // HOLDOUT_SAMPLE)] + ["", "😀", "离岸执行额１５０万美元", "x" * 3000]


@pytest.fixture(scope="module")
def agent():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test trains before these)")
    from rasa.core.agent import Agent

    return Agent.load(str(MODEL))


@pytest.mark.model
def test_parses_equal_rasas_own_path(agent, monkeypatch):
    from rasa.utils.tensorflow.models import RasaModel

    texts = holdout_messages()
    ours = [asyncio.run(agent.parse_message(t)) for t in texts]
    monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner._dask_run)
    monkeypatch.setattr(RasaModel, "_rasa_predict", RasaModel._rasa_tf_predict)
    monkeypatch.setattr(Features, "_combine_sparse_features", Features._rasa_combine_sparse_features)
    monkeypatch.setattr(Message, "_combine_features", staticmethod(Message._rasa_combine_features))
    theirs = [asyncio.run(agent.parse_message(t)) for t in texts]
    for text, a, b in zip(texts, ours, theirs):
        for parse in (a, b):
            parse.pop("message_id", None)
        assert a == b, text


@pytest.mark.model
def test_action_predictions_equal_rasas_own_path(agent, monkeypatch):
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    def predictions():
        out = []
        for text in ["你好", "离岸奖励怎么算？", "帮我算算展会补贴", "不对，是180万美元", "天气怎么样"]:
            parse = asyncio.run(agent.parse_message(text))
            parse.pop("message_id", None)
            tracker = DialogueStateTracker.from_events(
                "s",
                [
                    ActionExecuted("action_session_start"),
                    ActionExecuted("action_listen"),
                    UserUttered(text, parse["intent"], parse["entities"], parse),
                ],
            )
            prediction = agent.processor._predict_next_with_tracker(tracker)
            out.append((text, prediction.max_confidence_index, prediction.probabilities, prediction.policy_name))
        return out

    ours = predictions()
    monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner._dask_run)
    assert ours == predictions()


# --- the install point: switch and version check ----------------------------------------------


@pytest.fixture
def recorder(monkeypatch):
    """INSTALLERS replaced by one that records its calls."""
    calls = []

    def install_probe():
        calls.append("probe")

    monkeypatch.setattr(rasa_speedups, "INSTALLERS", (install_probe,))
    return calls


@pytest.mark.parametrize("value", ["0", "false", "OFF", "no"])
def test_switch_turns_the_speedups_off(monkeypatch, recorder, value):
    """RASA_SPEEDUPS=0 (false, off, no): nothing installed."""
    monkeypatch.setenv("RASA_SPEEDUPS", value)
    assert rasa_speedups.install() == [] and recorder == []
    assert rasa_speedups.install(honour_switch=False) == ["install_probe"] and recorder == ["probe"]


def test_installed_on_the_checked_rasa(monkeypatch, recorder):
    """Without the switch, on the Rasa version they were checked against, every speed-up is installed."""
    monkeypatch.delenv("RASA_SPEEDUPS", raising=False)
    import rasa

    assert rasa.__version__ in rasa_speedups.CHECKED_RASA_VERSIONS
    assert rasa_speedups.install() == ["install_probe"] and recorder == ["probe"]


def test_unknown_rasa_version_is_refused_with_a_warning(monkeypatch, recorder, caplog):
    """Another Rasa version: nothing patched, a warning names the version."""
    import rasa

    monkeypatch.delenv("RASA_SPEEDUPS", raising=False)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with caplog.at_level("WARNING", logger="bot.rasa_speedups"):
        assert rasa_speedups.install() == []
    assert recorder == [] and "3.7.0" in caplog.text and "not installed" in caplog.text


def test_importing_installs_nothing():
    """Importing the module in a fresh interpreter leaves Rasa's code alone (one install point)."""
    import subprocess
    import sys

    code = (
        "import bot.rasa_speedups; from rasa.shared.core.events import Event; "
        "import sys; sys.exit(1 if getattr(Event, '_cached_lookup', False) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=120).returncode == 0
