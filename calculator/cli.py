"""Command line: `python -m calculator [--jsonl] [FILE]`, a thin wrapper over calculate().

Reads one JSON object from FILE (or stdin when FILE is absent or "-"), writes the result as
one JSON line, exit 0. Bad input of any kind writes {"error": "<中文说明>", "field": …} and
exits 2 — never a traceback, never a partial result. JSON numbers are read as decimals;
NaN/Infinity and duplicate keys are rejected.

With --jsonl every non-blank input line is one object and yields one output line: the result
or that line's error object (which also carries "line", the 1-based input line number).
Blank lines are skipped. All lines are processed; the exit status is 2 if any line failed.
"""

import json
import sys
from decimal import Decimal

from .engine import calculate
from .errors import CalculatorError

USAGE = """用法：python -m calculator [--jsonl] [FILE]

  从 FILE 读取一个 JSON 对象（省略 FILE 或为 - 时读标准输入），输出一行 JSON 测算结果，退出码 0。
  输入有误时输出 {"error": "<中文说明>", "field": "<字段或 null>"}，退出码 2。

  --jsonl    每行一个 JSON 对象，逐行输出结果或该行的错误对象（错误对象另含 "line" 行号）；
             空行跳过；全部处理完后，若有任一行出错，退出码 2。
  -h, --help 显示本说明。
"""
INTERNAL_ERROR = "计算器内部错误，未能完成测算，请将输入反馈给维护人员。"


class _BadConstant(Exception):
    pass


class _DuplicateKey(Exception):
    pass


def _reject_constant(name):
    raise _BadConstant(name)


def _int(text):
    return int(text) if len(text) <= 30 else Decimal(text)


def _object(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def parse_json(text: str):
    """One JSON value with decimals for numbers; CalculatorError when it is not valid JSON."""
    if not text.strip():
        raise CalculatorError("输入为空，应为一个 JSON 对象（{…}）", None)
    try:
        return json.loads(
            text, parse_float=Decimal, parse_int=_int, parse_constant=_reject_constant, object_pairs_hook=_object
        )
    except _BadConstant as exc:
        raise CalculatorError(f"不接受 {exc.args[0]}：数值必须是有限的数字", None) from None
    except _DuplicateKey as exc:
        raise CalculatorError(f"字段“{exc.args[0]}”重复出现", str(exc.args[0])) from None
    except RecursionError:
        raise CalculatorError("输入的 JSON 嵌套过深", None) from None
    except json.JSONDecodeError as exc:
        raise CalculatorError(f"输入不是有效的 JSON（第{exc.lineno}行第{exc.colno}列附近有误）", None) from None
    except ValueError:
        raise CalculatorError("输入不是有效的 JSON（含无法读取的数值）", None) from None


def run(text: str):
    """(output object, ok) for one input text: the result or the error object."""
    try:
        return calculate(parse_json(text)), True
    except CalculatorError as exc:
        return exc.to_dict(), False
    except Exception:  # never a traceback on the command line
        return {"error": INTERNAL_ERROR, "field": None}, False


def _decode(raw) -> str:
    if isinstance(raw, str):
        return raw.lstrip("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CalculatorError("输入不是有效的 UTF-8 文本", None) from None


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def _jsonl(stream, write) -> int:
    failed = False
    for number, raw in enumerate(stream, 1):
        try:
            text = _decode(raw)
        except CalculatorError as exc:
            out, ok = exc.to_dict(), False
        else:
            if not text.strip():
                continue
            out, ok = run(text)
        if not ok:
            failed = True
            out = dict(out, line=number)
        write(_dump(out))
    return 2 if failed else 0


def _main(argv, stdin, write) -> int:
    jsonl, paths, options = False, [], True
    for arg in argv:
        if options and arg == "--":
            options = False
        elif options and arg in ("-h", "--help"):
            write(USAGE)
            return 0
        elif options and arg == "--jsonl":
            jsonl = True
        elif options and arg.startswith("-") and arg != "-":
            raise CalculatorError(f"未知选项“{arg}”（可用：--jsonl、--help）", None)
        else:
            paths.append(arg)
    if len(paths) > 1:
        raise CalculatorError("只能指定一个输入文件", None)
    path = paths[0] if paths and paths[0] != "-" else None
    if path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        if jsonl:
            return _jsonl(stream, write)
        out, ok = run(_decode(stream.read()))
    else:
        try:
            with open(path, "rb") as handle:
                if jsonl:
                    return _jsonl(handle, write)
                raw = handle.read()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise CalculatorError(f"无法读取输入文件“{path}”：{reason}", None) from None
        out, ok = run(_decode(raw))
    write(_dump(out))
    return 0 if ok else 2


def main(argv=None, stdin=None, stdout=None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input).

    `stdin` may yield bytes or str; `stdout` receives str (default: UTF-8 to sys.stdout).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    target = sys.stdout.buffer if stdout is None else stdout

    def write(text):
        target.write(text.encode("utf-8") if stdout is None else text)

    try:
        try:
            status = _main(argv, stdin, write)
        except CalculatorError as exc:
            write(_dump(exc.to_dict()))
            status = 2
        target.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    return status


def _silence_stdout():
    """After a closed pipe, point stdout at devnull so the interpreter's exit flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
