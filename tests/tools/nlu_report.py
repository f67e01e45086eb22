"""Summarise Rasa's NLU cross-validation output and gate on macro-F1.

    python tests/tools/nlu_report.py DIR [--min-f1 0.95] [--top 10]

DIR is the --out directory of `rasa test nlu --cross-validation` (Rasa 3.6 writes
intent_report.json there, and intent_errors.json when some intents were mispredicted, next to
intent_confusion_matrix.png and intent_histogram.png). Prints per-intent precision, recall, F1
and support, macro-F1, weighted-F1, accuracy and the most frequent confusions.
Exit 0: macro-F1 >= --min-f1; 1: below it; 2: the report is missing or unreadable.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

AVERAGES = ("macro avg", "weighted avg", "micro avg")


def load(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"nlu_report: cannot read {path}: {e}", file=sys.stderr)
        sys.exit(2)


def confusions(directory: Path, report: dict):
    """Counter of (true intent, predicted intent), and where it came from."""
    errors_file = directory / "intent_errors.json"
    if errors_file.exists():
        errors = load(errors_file)
        pairs, examples = Counter(), {}
        for e in errors if isinstance(errors, list) else []:
            pred = (e.get("intent_prediction") or {}).get("name") or "(none)"
            pair = (e.get("intent") or "(none)", pred)
            pairs[pair] += 1
            examples.setdefault(pair, e.get("text", ""))
        return pairs, examples, errors_file.name
    # No errors file: Rasa writes none when everything was right (or with --no-errors);
    # the report's "confused_with" still holds the top confusions per intent.
    pairs = Counter()
    for intent, row in report.items():
        if isinstance(row, dict):
            for other, n in (row.get("confused_with") or {}).items():
                pairs[(intent, other)] += int(n)
    return pairs, {}, "confused_with in intent_report.json"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path, help="the cross-validation output directory")
    ap.add_argument("--min-f1", type=float, default=0.95, help="minimum macro-F1 (default 0.95)")
    ap.add_argument("--top", type=int, default=10, help="how many confusions to list (default 10)")
    args = ap.parse_args(argv)

    report_file = args.directory / "intent_report.json"
    if not report_file.exists():
        what = "directory" if not args.directory.is_dir() else "intent_report.json in"
        print(
            f"nlu_report: no {what} {args.directory}: run `make crossval` "
            f"(rasa test nlu --cross-validation --out {args.directory}) first",
            file=sys.stderr,
        )
        return 2
    report = load(report_file)
    intents = {k: v for k, v in report.items() if isinstance(v, dict) and k not in AVERAGES and "f1-score" in v}
    if not intents or "macro avg" not in report:
        print(f"nlu_report: {report_file} holds no per-intent results", file=sys.stderr)
        return 2

    width = max(len("intent"), *(len(k) for k in intents))
    print(f"NLU cross-validation: {report_file}  (worst F1 first)")
    print(f"{'intent':<{width}}  precision  recall     F1  support")
    for name, row in sorted(intents.items(), key=lambda kv: (kv[1]["f1-score"], kv[0])):
        print(
            f"{name:<{width}}  {row['precision']:9.3f}  {row['recall']:6.3f}  "
            f"{row['f1-score']:5.3f}  {int(row['support']):7d}"
        )
    macro = report["macro avg"]["f1-score"]
    weighted = report.get("weighted avg", {}).get("f1-score")
    accuracy = report.get("accuracy", report.get("micro avg", {}).get("f1-score"))
    total = int(report["macro avg"].get("support", sum(int(r["support"]) for r in intents.values())))
    print(f"{'-' * width}  ---------  ------  -----  -------")
    print(
        f"{'macro avg':<{width}}  {report['macro avg']['precision']:9.3f}  "
        f"{report['macro avg']['recall']:6.3f}  {macro:5.3f}  {total:7d}"
    )
    if weighted is not None:
        w = report["weighted avg"]
        print(f"{'weighted avg':<{width}}  {w['precision']:9.3f}  {w['recall']:6.3f}  {weighted:5.3f}  {total:7d}")
    print(
        f"\nmacro-F1 {macro:.3f}   weighted-F1 "
        f"{'n/a' if weighted is None else f'{weighted:.3f}'}   accuracy "
        f"{'n/a' if accuracy is None else f'{accuracy:.3f}'}   ({len(intents)} intents, {total} examples)"
    )

    pairs, examples, source = confusions(args.directory, report)
    if pairs:
        print(f"\ntop confusions (true -> predicted: count; from {source}):")
        for (true, pred), n in pairs.most_common(args.top):
            example = examples.get((true, pred))
            print(f"  {true} -> {pred}: {n}" + (f"   e.g. 「{example}」" if example else ""))
        if len(pairs) > args.top:
            print(f"  … and {len(pairs) - args.top} more pairs")
    else:
        print("\nno confusions: every example was predicted correctly")

    ok = macro >= args.min_f1
    print(f"\n{'PASS' if ok else 'FAIL'}: macro-F1 {macro:.3f} {'>=' if ok else '<'} {args.min_f1:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
