"""The Rasa server's behaviour under faults: action server down, start-up warm-up, readiness.

Installed by the modules Rasa loads from our configuration (the REST and WeChat channels,
the lock store), so wherever the Rasa server runs with credentials.yml.

1. Action server down (or failing). Rasa 3.6 logs the error, drops the action's events, goes on
   and saves the turn: the user gets nothing (`[]`) and the conversation holds a question with
   no answer. Here a failing remote action aborts the whole turn before anything is saved
   (`ActionServerUnavailable` out of `MessageProcessor.handle_message`, the conversation lock
   released on the way out); the channel answers `guard.BUSY_TEXT`. The stored conversation is
   as it was before the message, so sending it again once the action server is back gives the
   answer it would have had. A connection refused fails at once; a hung action server after
   `ACTION_TIMEOUT` seconds (default 10; connecting at most 2 s, bot/rasa_speedups.py).
2. Warm-up. The first message after start used to take 3.5 s (TensorFlow's first call, jieba,
   the knowledge base, the action server's first request). `warm_up` runs a few complete turns
   on throw-away trackers (never saved) through NLU, policies and the action server, retrying
   while the action server is not up yet, then marks the server ready.
3. Readiness: `GET /webhooks/rest/ready` (bot/channels/rest.py) is 200 once warm and while the
   action server answers its health check, 503 with the reason otherwise.
"""

import asyncio
import contextvars
import logging
import os
import time
from typing import Any, Dict, List, Optional

logger = logging.getLogger(__name__)

WARM_TEXTS = (
    "你好",
    "我们公司能申报吗？",
    "离岸执行额150万美元，汇率7.05，能拿多少？",
    "游戏美术外包属于哪个领域？",
    "展会补贴标准？",
    "谢谢",
)
WARM_SENDER = "__warmup__"

STATE: Dict[str, Any] = {"ready": False, "started": time.time(), "warm_seconds": None, "error": None}

try:  # a RasaException, so that Rasa's own handlers treat it as one of theirs
    from rasa.shared.exceptions import RasaException as _Base
except ImportError:  # pragma: no cover - only without Rasa
    _Base = Exception


class ActionServerUnavailable(_Base):
    """A custom action could not be run; the turn was not saved."""


_failures: "contextvars.ContextVar[Optional[List[Any]]]" = contextvars.ContextVar("action_failures", default=None)


def install_action_failure_abort() -> None:
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor, "_aborts_on_action_failure", False):
        return
    run_remote = RemoteAction.run
    run_action = MessageProcessor._run_action

    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await run_remote(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception as exc:
            failures = _failures.get()
            if failures is not None:
                failures.append((self.name(), exc))
            raise

    async def _run_action(self, action, tracker, output_channel, nlg, prediction):
        failures: List[Any] = []
        token = _failures.set(failures)
        try:
            result = await run_action(self, action, tracker, output_channel, nlg, prediction)
        finally:
            _failures.reset(token)
        if failures:
            name, exc = failures[0]
            raise ActionServerUnavailable(f"custom action '{name}' failed ({type(exc).__name__}); turn not saved")
        return result

    RemoteAction._rasa_run = run_remote
    RemoteAction.run = run
    MessageProcessor._rasa_run_action = run_action
    MessageProcessor._run_action = _run_action
    MessageProcessor._aborts_on_action_failure = True


def ends_listening(tracker) -> bool:
    """Appends `action_listen` to a turn that stopped without it (Rasa's circuit breaker after too many actions);
    whether it did. Rasa counts the actions since the last `action_listen`, so without it every later message of the
    conversation trips the breaker at once and is never answered."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import ActionExecuted

    if tracker.is_paused() or tracker.latest_action_name == ACTION_LISTEN_NAME:
        return False
    tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
    return True


def install_listen_after_circuit_break() -> None:
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor, "_listens_after_circuit_break", False):
        return
    loop = MessageProcessor._run_prediction_loop

    async def _run_prediction_loop(self, output_channel, tracker):
        await loop(self, output_channel, tracker)
        if ends_listening(tracker):
            logger.warning("turn of %s ended without action_listen; listening appended", tracker.sender_id)

    MessageProcessor._rasa_run_prediction_loop = loop
    MessageProcessor._run_prediction_loop = _run_prediction_loop
    MessageProcessor._listens_after_circuit_break = True


async def run_turn(processor, text: str, sender_id: str = WARM_SENDER) -> List[Dict[str, Any]]:
    """One complete turn on a new tracker that is never saved; returns the bot's messages."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.shared.core.trackers import DialogueStateTracker

    collector = CollectingOutputChannel()
    tracker = DialogueStateTracker(sender_id, processor.domain.slots)
    message = UserMessage(text, collector, sender_id, input_channel="warmup")
    await processor._update_tracker_session(tracker, collector)
    await processor._handle_message_with_tracker(message, tracker)
    tracker = await processor.run_action_extract_slots(collector, tracker)
    await processor._run_prediction_loop(collector, tracker)
    return collector.messages


async def warm_up(agent, texts=WARM_TEXTS, retry_seconds: float = 0.5, patience: Optional[float] = None) -> bool:
    """Runs `texts` as throw-away turns until each got through (waiting for the action server
    while it is down); then marks the server ready. Returns whether every turn answered."""
    patience = float(os.environ.get("WARMUP_TIMEOUT", "300")) if patience is None else patience
    started = time.monotonic()
    while getattr(agent, "processor", None) is None:
        await asyncio.sleep(retry_seconds)
    complete = True
    for text in texts:
        while True:
            try:
                if not await run_turn(agent.processor, text):
                    complete = False
                break
            except ActionServerUnavailable:
                if time.monotonic() - started > patience:
                    STATE["error"] = "action server did not answer during warm-up"
                    logger.error("warm-up: %s", STATE["error"])
                    return False
                await asyncio.sleep(retry_seconds)
            except Exception as exc:  # a bug in one answer must not keep the server unready
                logger.warning("warm-up: '%s' failed: %s", text, type(exc).__name__)
                complete = False
                break
    STATE["warm_seconds"] = round(time.monotonic() - started, 2)
    STATE["ready"] = True
    STATE["error"] = None
    logger.info("warm-up: done in %.1f s; ready", STATE["warm_seconds"])
    return complete


def action_health_url(agent) -> Optional[str]:
    endpoint = getattr(agent, "action_endpoint", None)
    url = getattr(endpoint, "url", None)
    if not url:
        return None
    base = url.rstrip("/")
    if base.endswith("/webhook"):
        base = base[: -len("/webhook")]
    return base + "/health"


async def readiness(agent) -> Dict[str, Any]:
    """{'ready': bool, 'status': 'ready' | 'warming' | 'action_server_unreachable', …}."""
    import aiohttp

    if not STATE["ready"] or agent is None or getattr(agent, "processor", None) is None:
        return {"ready": False, "status": "warming", "error": STATE["error"]}
    url = action_health_url(agent)
    if url:
        try:
            timeout = aiohttp.ClientTimeout(total=1.0)
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.get(url) as resp:
                    ok = resp.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
            ok = False
        if not ok:
            return {"ready": False, "status": "action_server_unreachable"}
    return {"ready": True, "status": "ready", "warm_seconds": STATE["warm_seconds"]}


LONG_MESSAGE_CHARS = 200
_nlu_executors: Dict[str, Any] = {}


def nlu_executor(text: str = ""):
    """The worker thread a message is parsed in: one for messages up to LONG_MESSAGE_CHARS
    characters, one for longer ones. Parses of each kind run one at a time; a long message
    (2,000 characters: 100–300 ms of NLU) never holds up the short questions of other users,
    and the event loop serves every conversation meanwhile (Python switches threads every 5 ms;
    TensorFlow and numpy release the GIL)."""
    kind = "nlu-long" if len(text or "") > LONG_MESSAGE_CHARS else "nlu"
    executor = _nlu_executors.get(kind)
    if executor is None:
        from concurrent.futures import ThreadPoolExecutor

        executor = _nlu_executors[kind] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=kind)
    return executor


def install_nlu_off_loop() -> None:
    """MessageProcessor.parse_message ran the NLU graph on the event loop: every other
    conversation waited while one long message was tokenised, featurised and classified.
    Same code, same result, run in `nlu_executor()` instead (NLU_ON_LOOP=1 turns this off)."""
    from rasa.core.processor import MessageProcessor

    if getattr(MessageProcessor, "_nlu_off_loop", False) or os.environ.get("NLU_ON_LOOP") == "1":
        return
    original = MessageProcessor._parse_message_with_graph

    async def parse_message(self, message, tracker=None, only_output_properties=True):
        if self.http_interpreter:
            return await self._rasa_parse_message(message, tracker, only_output_properties)
        if tracker is None:
            from rasa.shared.core.trackers import DialogueStateTracker

            tracker = DialogueStateTracker.from_events(message.sender_id, [])
        loop = asyncio.get_running_loop()
        parse_data = await loop.run_in_executor(
            nlu_executor(message.text), original, self, message, tracker, only_output_properties
        )
        self._update_full_retrieval_intent(parse_data)
        self._check_for_unseen_features(parse_data)
        return parse_data

    MessageProcessor._rasa_parse_message = MessageProcessor.parse_message
    MessageProcessor.parse_message = parse_message
    MessageProcessor._nlu_off_loop = True


def install_action_timeout() -> None:
    """Rasa waits 300 s for the action server; ACTION_TIMEOUT (10 s) instead, so a hung action
    server gets the user the busy reply. (With the speed-ups, their shared session also limits
    connecting to 2 s: bot/rasa_speedups.py request_timeout.)"""
    from rasa.core.actions import action as rasa_action

    from bot.rasa_speedups import request_timeout

    rasa_action.DEFAULT_REQUEST_TIMEOUT = request_timeout().total


def install() -> None:
    """Everything the Rasa server changes, run when it loads the REST channel (bot/channels/rest.py)."""
    from bot import rasa_speedups

    rasa_speedups.install()  # the one install point of the speed-ups (RASA_SPEEDUPS=0: none)
    for installer in (
        install_action_timeout,
        install_action_failure_abort,
        install_nlu_off_loop,
        install_listen_after_circuit_break,
    ):
        try:
            installer()
        except Exception:  # noqa: BLE001 - never stop the server from starting
            logger.exception("reliability patch %s not installed", installer.__name__)


install()
