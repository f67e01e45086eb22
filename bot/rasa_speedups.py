"""Exact, cheaper replacements for hot spots of the Rasa 3.6 server (found with py-spy
under `make bench`, 20 concurrent users; the Rasa process is the bottleneck there, one core):

1. Every action-server response is checked against Rasa's response schema, whose event items
   are a `oneOf` over 23 event kinds: jsonschema tries all 23 for every event. Each kind pins
   `event` to its own constant, so at most one can match: check the event against its own kind
   only. Anything that fails the quick check goes to the full validator (built once), which
   gives the verdict and Rasa's error message.
2. Reading a tracker turns each stored event into an object through `Event.resolve_by_type`,
   which walks all `Event` subclasses (with `inspect.isabstract`) for every event. Found classes
   are remembered by type name; unknown names still take Rasa's own path (default or error).
3. Every call to the action server opened a new aiohttp session and TCP connection. Requests to
   endpoints without client certificates share one session per event loop (keep-alive, idle
   connections closed after 2 s, before the action server's own 5 s keep-alive timeout), with
   a 2 s connect and ACTION_TIMEOUT (10 s) answer limit instead of Rasa's 300 s.
4. Every message and every action prediction runs a graph through dask's scheduler; the same
   nodes are called in dependency order instead (prediction only; training keeps dask).
5. Sparse features are put side by side with scipy.sparse.hstack, which converts and checks
   each block (after a deepcopy of the first); COO matrices are joined directly (same matrix).
6. DIET's prediction tf.function is called as its one concrete function's graph (same graph).
7. The RulePolicy's states of a conversation go on from the states of the same tracker at the
   previous prediction instead of replaying every event again (bot/rasa_speedups_dialogue.py).
8. A remote action without policy events gets the tracker itself, not a replayed copy (ditto).
Trackers and action requests are written and read as JSON with ujson (`dumps`, `loads`),
where it can, with the standard library deciding whatever ujson refuses.

One install point: `install()`, called by `bot.reliability.install()`, which runs when the Rasa
server loads its REST channel (credentials.yml, `bot.channels.rest`) — before the model is
loaded and before any message. Importing this module changes nothing. `install()` does nothing
when `RASA_SPEEDUPS` is 0 / false / off / no (Rasa's own code throughout: the test suite plays
its conversations both ways), and refuses a Rasa version the replacements were not checked
against (`CHECKED_RASA_VERSIONS`), logging a warning and leaving Rasa's code in place. Each
install is idempotent and keeps Rasa's own function beside the new one (`_rasa_…`,
`_dask_run`), which the tests compare against (tests/test_rasa_speedups.py).
"""

import json
import logging
import os
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional

KEEPALIVE_S = 2.0
# The Rasa releases whose internals these replacements were read from and tested against.
CHECKED_RASA_VERSIONS = ("3.6.21",)
SWITCH = "RASA_SPEEDUPS"
logger = logging.getLogger(__name__)


def dumps(obj: Any) -> str:
    """JSON text of `obj`: ujson (3–4× faster, UTF-8 text rather than \\u escapes), or the
    standard library's encoder for whatever ujson refuses (NaN, lone surrogates, other types),
    so that it fails exactly where `json.dumps` fails."""
    try:
        import ujson

        text = ujson.dumps(obj, ensure_ascii=False, escape_forward_slashes=False)
        text.encode("utf-8")  # ujson lets lone surrogates through; they could not be sent or stored
        return text
    except Exception:  # noqa: BLE001 — ujson's errors vary by input; json decides
        return json.dumps(obj)


def loads(text: Any) -> Any:
    """json.loads, with ujson where it can (twice as fast; the same values, floats included);
    whatever ujson refuses goes to the standard library, which accepts or raises as before."""
    try:
        import ujson

        return ujson.loads(text)
    except Exception:  # noqa: BLE001
        return json.loads(text)


# --- 1. action-server responses -----------------------------------------------------------------


def response_checker(schema: Dict[str, Any]) -> Optional[Callable[[Any], bool]]:
    """A quick check equivalent to validating against Rasa's action response `schema`
    when it passes; None when the schema does not have the expected shape (then only the full
    validator is used). A False answer means "ask the full validator"."""
    from jsonschema.validators import validator_for

    try:
        events = schema["properties"]["events"]
        responses = schema["properties"]["responses"]
        event_schema = events["items"]
        kinds = event_schema["oneOf"]
    except (KeyError, TypeError):
        return None
    if (
        set(schema) - {"type", "properties"}
        or set(schema["properties"]) != {"events", "responses"}
        or schema.get("type") != "object"
        or set(events) != {"type", "items"}
        or events["type"] != "array"
        or responses != {"type": "array", "items": {"type": "object"}}
    ):
        return None
    base = {k: v for k, v in event_schema.items() if k != "oneOf"}
    cls = validator_for(schema)
    by_name = {}
    for kind in kinds:
        const = kind.get("properties", {}).get("event", {}).get("const")
        if not isinstance(const, str) or const in by_name:
            return None  # a kind that is not pinned to one name: keep the full oneOf
        by_name[const] = cls({"allOf": [base, kind]})

    def quick(result: Any) -> bool:
        if not isinstance(result, dict):
            return False
        replies = result.get("responses", [])
        if not isinstance(replies, list) or not all(isinstance(r, dict) for r in replies):
            return False
        items = result.get("events", [])
        if not isinstance(items, list):
            return False
        for event in items:
            name = event.get("event") if isinstance(event, dict) else None
            check = by_name.get(name) if isinstance(name, str) else None
            if check is None or not check.is_valid(event):
                return False
        return True

    return quick


def install_response_validation() -> None:
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions import action as rasa_action
    from rasa.shared.constants import DOCS_BASE_URL

    remote = rasa_action.RemoteAction
    if getattr(remote, "_cached_validation", False):
        return

    @lru_cache(maxsize=1)
    def validators():
        schema = remote.action_response_format_spec()
        cls = validator_for(schema)
        cls.check_schema(schema)
        return cls(schema), response_checker(schema)

    def _validate_action_result(self, result):
        full, quick = validators()
        if quick is not None and quick(result):
            return True
        try:
            full.validate(result)
            return True
        except ValidationError as e:
            e.message += (
                ". Failed to validate Action server response from API, make sure your response "
                f"from the Action endpoint is valid. For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise e

    remote._rasa_validate_action_result = remote._validate_action_result
    remote._validate_action_result = _validate_action_result
    remote._cached_validation = True


# --- 2. event classes by type name --------------------------------------------------------------


def install_event_lookup() -> None:
    from rasa.shared.core.events import Event

    if getattr(Event, "_cached_lookup", False):
        return
    original = Event.resolve_by_type
    found: Dict[str, type] = {}

    def resolve_by_type(type_name, default=None):
        cls = found.get(type_name) if isinstance(type_name, str) else None
        if cls is None:
            cls = original(type_name, default)
            if cls is not None and cls is not default and getattr(cls, "type_name", None) == type_name:
                found[type_name] = cls
        return cls

    Event._rasa_resolve_by_type = staticmethod(original)
    Event.resolve_by_type = staticmethod(resolve_by_type)
    Event._cached_lookup = True


# --- 3. one HTTP session per event loop for the action server -----------------------------------


def request_timeout():
    """Action-server requests: connect within 2 s, answer within ACTION_TIMEOUT (default 10 s;
    Rasa waits 300 s), so a hung action server gets the user a busy reply (bot/reliability.py)
    instead of a silent wait. (3 s was tried: a cold action server restarted under heavy load
    missed it on its first request.)"""
    import os

    import aiohttp

    try:
        total = float(os.environ.get("ACTION_TIMEOUT", "") or 10)
    except ValueError:
        total = 10.0
    return aiohttp.ClientTimeout(total=total, sock_connect=min(2.0, total))


def install_shared_sessions() -> None:
    import asyncio

    import aiohttp
    from rasa.utils import endpoints

    config = endpoints.EndpointConfig
    if getattr(config, "_shared_sessions", False):
        return
    original = config.request
    sessions: Dict[Any, aiohttp.ClientSession] = {}

    def shared_session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        key = (id(loop), tuple(sorted(self.headers.items())))
        session = sessions.get(key)
        if session is None or session.closed or getattr(session, "_loop", loop) is not loop:
            session = aiohttp.ClientSession(
                headers=self.headers,
                json_serialize=dumps,
                timeout=request_timeout(),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_S),
            )
            sessions[key] = session
        return session

    async def request(self, method="post", subpath=None, content_type="application/json", compress=False, **kwargs):
        if self.basic_auth or self.cafile:
            return await original(self, method, subpath, content_type, compress, **kwargs)
        if isinstance(kwargs.get("timeout"), (int, float)):  # RemoteAction asks for 300 s
            kwargs["timeout"] = request_timeout()
        headers = {"Content-Type": content_type} if content_type else {}
        headers.update(kwargs.pop("headers", {}))
        headers.update(self.headers)
        url = endpoints.concat_url(self.url, subpath)
        async with shared_session(self).request(
            method, url, headers=headers, params=self.combine_parameters(kwargs), compress=compress, **kwargs
        ) as response:
            if response.status >= 400:
                raise endpoints.ClientResponseError(response.status, response.reason, await response.content.read())
            try:
                return await response.json()
            except aiohttp.ContentTypeError:
                return None

    config._rasa_request = original
    config.request = request
    config._shared_sessions = True


# --- 4. graph runs without dask's scheduler ----------------------------------------------------


def install_sequential_graph_runs() -> None:
    """Rasa runs its prediction graph (NLU pipeline; policies) through dask's synchronous
    scheduler on every message and every action prediction. The same nodes called in
    dependency order, with the plan worked out once per set of targets and inputs, give the same
    results without the scheduler's bookkeeping. Graphs run with hooks (training, with its
    cache and fingerprints) keep dask."""
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    if getattr(DaskGraphRunner, "_sequential", False):
        return
    original = DaskGraphRunner.run

    def plan(self, targets, input_names):
        """(every node a dask run would hold, [(node, its inputs' names)] in dependency order)."""
        plans = self.__dict__.setdefault("_sequential_plans", {})
        key = (targets, input_names)
        if key not in plans:
            nodes = self._graph_schema.nodes
            required = set(self._graph_schema.minimal_graph_schema(list(targets)).nodes)
            order, seen = [], set()

            def visit(name):
                if name in seen:
                    return
                seen.add(name)
                if name in input_names or name not in nodes:
                    return  # an input, or a name dask would pass on as it is
                needs = tuple(nodes[name].needs.values())
                for dependency in needs:
                    visit(dependency)
                order.append((name, needs))

            for target in targets:
                visit(target)
            plans[key] = (required, order)
        return plans[key]

    def run(self, inputs=None, targets=None):
        hooked = self.__dict__.get("_has_hooks")
        if hooked is None:
            hooked = self._has_hooks = any(getattr(n, "_hooks", None) for n in self._instantiated_nodes.values())
        if hooked:
            return self._dask_run(inputs, targets)
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        inputs = inputs or {}
        required, order = plan(self, run_targets, frozenset(inputs))
        if any(t not in required and t not in inputs for t in run_targets):
            return self._dask_run(inputs, targets)  # dask raises for an unknown target
        results = {}
        for name, value in inputs.items():
            if isinstance(value, str) and (value in required or value in results):
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of the "
                    f"input names passed to the `run` method are the same as node names in the "
                    f"graph schema."
                )
            results[name] = (name, value)
        try:
            for name, needs in order:
                results[name] = self._instantiated_nodes[name](*[results[n] if n in results else n for n in needs])
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
        return dict(results[t] for t in run_targets)

    DaskGraphRunner._dask_run = original
    DaskGraphRunner.run = run
    DaskGraphRunner._sequential = True


# --- 5. side-by-side sparse features ----------------------------------------------------------


def coo_hstack(blocks):
    """scipy.sparse.hstack(blocks) for COO matrices with the same number of rows: the same COO
    matrix (entries in the same order, same dtype), without converting and checking each block."""
    import numpy as np
    import scipy.sparse

    dtype = np.result_type(*[b.dtype for b in blocks])
    offsets = np.cumsum([0] + [b.shape[1] for b in blocks])
    return scipy.sparse.coo_matrix(
        (
            np.concatenate([b.data.astype(dtype, copy=False) for b in blocks]),
            (
                np.concatenate([b.row for b in blocks]),
                np.concatenate([b.col + offset for b, offset in zip(blocks, offsets)]),
            ),
        ),
        shape=(blocks[0].shape[0], int(offsets[-1])),
    )


def install_sparse_stacking() -> None:
    """Messages' sparse features are put side by side (scipy.sparse.hstack) for DIET and the
    linear models on every message; for the COO matrices Rasa's featurizers make, do it
    directly."""
    import scipy.sparse
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    if getattr(Features, "_direct_stacking", False):
        return

    def _combine_sparse_features(self, additional_features) -> None:
        a, b = self.features, additional_features.features
        if a.shape[0] != b.shape[0]:
            raise ValueError(
                f"Cannot combine sparse features as sequence dimensions do not match: {a.shape[0]} != {b.shape[0]}."
            )
        if a.format == "coo" and b.format == "coo":
            self.features = coo_hstack([a, b])
        else:
            self.features = scipy.sparse.hstack([a, b])
        self._cached_fingerprint = None

    def _combine_features(features, featurizers):
        """Message._combine_features without copy.deepcopy of the first Features object: a new
        one around a copy of its matrix (deepcopy took a third of the time)."""
        combined = None
        for f in features:
            if combined is None:
                combined = Features(f.features.copy(), f.type, f.attribute, featurizers)
            else:
                combined.combine_with_features(f)
        return combined

    Features._rasa_combine_sparse_features = Features._combine_sparse_features
    Message._rasa_combine_features = staticmethod(Message._combine_features)
    Features._combine_sparse_features = _combine_sparse_features
    Message._combine_features = staticmethod(_combine_features)
    Features._direct_stacking = True


# --- 6. DIET's prediction step called as its one concrete function --------------------------------


def flat_call(function):
    """A caller of a concrete function's graph with the flat list of input tensors, as the
    function's own __call__ ends up doing after checking and converting the arguments against its
    signature (which costs more than the graph for one message). None if the signature is not a
    flat list of TensorSpecs."""
    import tensorflow as tf

    specs = tf.nest.flatten(function.structured_input_signature, expand_composites=True)
    if not specs or not all(isinstance(spec, tf.TensorSpec) for spec in specs):
        return None

    def call(batch_in):
        flat = tf.nest.flatten(((batch_in,), {}), expand_composites=True)
        if len(flat) != len(specs):
            raise ValueError("inputs do not match the signature")
        tensors = [tf.convert_to_tensor(x, dtype=spec.dtype) for x, spec in zip(flat, specs)]
        if not all(spec.shape.is_compatible_with(t.shape) for t, spec in zip(tensors, specs)):
            raise ValueError("input shapes do not match the signature")
        return function._call_flat(tensors, function.captured_inputs)

    return call


def install_concrete_prediction() -> None:
    """DIET's prediction step is a tf.function with a fixed input signature, so it has exactly
    one concrete function; its graph is called with the inputs converted to the signature's
    tensors, skipping tf.function's argument canonicalisation and cache lookup on every message
    (1.2 → 0.6 ms a call here): same graph, same outputs (tests compare them on the model).
    Anything unexpected falls back to the concrete function's own call, then to Rasa's."""
    from rasa.shared.constants import DIAGNOSTIC_DATA
    from rasa.utils.tensorflow import models

    model_class = models.RasaModel
    if getattr(model_class, "_concrete_prediction", False):
        return
    original = model_class._rasa_predict
    concrete: Dict[int, Any] = {}  # id(model) → (its tf.function, concrete function, flat caller)

    def _rasa_predict(self, batch_in):
        step = self._tf_predict_step
        if self._run_eagerly or step is None or not self.prepared_for_prediction:
            return original(self, batch_in)
        known = concrete.get(id(self))
        if known is None or known[0] is not step:
            try:
                function = step.get_concrete_function()
                known = concrete[id(self)] = (step, function, flat_call(function))
            except Exception:  # noqa: BLE001 — no single concrete function: Rasa's own way
                return original(self, batch_in)
        try:
            raw = known[2](batch_in) if known[2] is not None else known[1](batch_in)
        except Exception:  # noqa: BLE001 — let the function's own call check and convert
            raw = known[1](batch_in)
        outputs = models.tf_utils.sync_to_numpy_or_python_type(raw)
        if DIAGNOSTIC_DATA in outputs:
            outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
        return outputs

    model_class._rasa_tf_predict = original
    model_class._rasa_predict = _rasa_predict
    model_class._concrete_prediction = True


from bot.rasa_speedups_dialogue import (  # noqa: E402 — 7. and 8., in their own module
    install_incremental_states,
    install_remote_actions_read_the_tracker,
)

INSTALLERS = (
    install_response_validation,
    install_event_lookup,
    install_shared_sessions,
    install_sequential_graph_runs,
    install_sparse_stacking,
    install_concrete_prediction,
    install_incremental_states,
    install_remote_actions_read_the_tracker,
)


def switched_off() -> bool:
    """True when $RASA_SPEEDUPS turns the speed-ups off (0, false, off, no)."""
    return os.environ.get(SWITCH, "").strip().lower() in {"0", "false", "off", "no"}


def install(honour_switch: bool = True) -> List[str]:
    """Install every speed-up and return the names installed. Nothing is installed when
    RASA_SPEEDUPS turns them off (unless `honour_switch` is False: the tests that compare both
    ways) or when this Rasa is not a checked version (warning). One that does not fit leaves
    Rasa's own code in place (logged); it never stops the server."""
    import rasa

    if honour_switch and switched_off():
        logger.info("Rasa speed-ups off (%s=%s): Rasa's own code is used", SWITCH, os.environ[SWITCH])
        return []
    version = getattr(rasa, "__version__", "unknown")
    if version not in CHECKED_RASA_VERSIONS:
        logger.warning(
            "Rasa %s is not a version the speed-ups were checked against (%s): not installed, Rasa's own code is used",
            version,
            ", ".join(CHECKED_RASA_VERSIONS),
        )
        return []
    installed = []
    for installer in INSTALLERS:
        try:
            installer()
            installed.append(installer.__name__)
        except Exception:  # noqa: BLE001
            logger.exception("speed-up %s not installed", installer.__name__)
    return installed
