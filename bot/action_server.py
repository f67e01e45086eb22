"""The action server, warmed before it listens.

    python -m bot.action_server --actions actions --port 5055

Takes the arguments of `rasa run actions` (rasa_sdk); listens on SANIC_HOST (default here
127.0.0.1, not rasa_sdk's 0.0.0.0: the action server has no authentication). Before it listens
it imports the actions and loads what their first request used to load: the knowledge base and
jieba's dictionaries (about a second, several under load; a cold action server restarted under
load missed the Rasa server's answer limit, ACTION_TIMEOUT). So once /health answers, the first
action is as fast as any other.
"""

import logging
import os
import sys
import time
from typing import List, Optional

logger = logging.getLogger(__name__)


def warm(actions_package: str = "actions") -> float:
    started = time.monotonic()
    import importlib

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    from knowledge import query

    query.warm()
    importlib.import_module(actions_package)
    return time.monotonic() - started


def main(argv: Optional[List[str]] = None) -> None:
    os.environ.setdefault("SANIC_HOST", "127.0.0.1")
    from rasa_sdk.__main__ import create_argument_parser, main_from_args

    args = create_argument_parser().parse_args(argv)
    args.actions = args.actions or "actions"
    try:
        seconds = warm(args.actions)
        print(f"action server: warmed in {seconds:.1f} s", file=sys.stderr, flush=True)
    except Exception as exc:  # noqa: BLE001 - a cold start is slower, not broken
        print(f"action server: warm-up failed ({type(exc).__name__}); starting cold", file=sys.stderr)
    main_from_args(args)


if __name__ == "__main__":
    main()
