"""Tune the DIET / logistic-regression blend on cross-validated predictions.

    python -m tests.tools.blend_cv [--folds 5] [--out var/results/blend_cv.jsonl]   # ~20 min
    python -m tests.tools.blend_cv --analyse var/results/blend_cv.jsonl             # seconds
    python -m tests.tools.blend_cv --tune-linear var/results/blend_cv.jsonl         # minutes

The first form trains one NLU model per fold (config.yml, fixed folds) and records, for every
held-out example, DIET's full ranking and the linear and character models' probabilities
*before* they are blended, and the linear model's features per fold. The second prints intent
macro-F1 for linear weights 0 (DIET alone) … 1 (linear alone), arithmetic and geometric, then
for character shares 0 … 1 over the configured DIET/linear blend, so the shares in config.yml
are measured rather than guessed. The third refits the linear model per fold with other
settings (C, class weights, binary features) and blends each with the recorded DIET.
"""

import argparse
import asyncio
import functools
import json
import math
import os
import tempfile
from pathlib import Path

import numpy as np
import scipy.sparse

ROOT = Path(__file__).resolve().parents[2]


def collect(folds: int, out: Path, nlu: Path) -> None:
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"  # train every component: no cached fold results
    import rasa.model_training
    from rasa.core.agent import Agent
    from rasa.shared.nlu.constants import INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    from bot.nlu import linear_intent

    seen = {}
    blend_process = linear_intent.LinearIntentBlender.process

    @functools.wraps(blend_process)  # Rasa validates the annotations of process()
    def spy(self, messages):
        for m in messages:
            vector = linear_intent.sentence_vector(m)
            if self._model is not None and vector is not None:
                probabilities = self._model.predict_proba(vector)[0].tolist()
                seen[m.get(TEXT)] = {
                    "diet": {r["name"]: r["confidence"] for r in m.get(INTENT_RANKING_KEY) or []},
                    "linear": dict(zip(self._model.classes_.tolist(), probabilities)),
                    "char": self.char_probabilities(m.get(TEXT)),
                }
                vectors[m.get(TEXT)] = vector
        return blend_process(self, messages)

    blend_train = linear_intent.LinearIntentBlender.train

    @functools.wraps(blend_train)
    def train_spy(self, training_data):
        rows = [(linear_intent.sentence_vector(e), e.get("intent")) for e in training_data.intent_examples]
        fold_train[:] = [(v, y) for v, y in rows if v is not None]
        return blend_train(self, training_data)

    vectors, fold_train = {}, []
    linear_intent.LinearIntentBlender.process = spy
    linear_intent.LinearIntentBlender.train = train_spy
    data = load_data(str(nlu))
    examples = data.intent_examples
    labels = [e.get("intent") for e in examples]
    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh, tempfile.TemporaryDirectory() as tmp:
        for fold, (train_idx, test_idx) in enumerate(split.split(examples, labels)):
            train = TrainingData(
                [examples[i] for i in train_idx],
                regex_features=data.regex_features,
                lookup_tables=data.lookup_tables,
                entity_synonyms=data.entity_synonyms,
            )
            train_file = Path(tmp) / f"fold{fold}.yml"
            RasaYAMLWriter().dump(train_file, train)
            model = rasa.model_training.train_nlu(
                str(ROOT / "config.yml"), str(train_file), tmp, fixed_model_name=f"fold{fold}"
            )
            agent = Agent.load(model)
            for i in test_idx:
                text = examples[i].get(TEXT)
                seen.clear()
                asyncio.run(agent.parse_message(text))
                record = {"fold": fold, "text": text, "intent": labels[i], **seen.get(text, {})}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            # the features too, to tune the linear model itself offline (--tune-linear)
            test_texts = [examples[i].get(TEXT) for i in test_idx]
            np.savez_compressed(
                out.with_suffix(f".fold{fold}.npz"),
                train_y=np.array([y for _, y in fold_train]),
                test_y=np.array([labels[i] for i in test_idx]),
                **{f"train_{k}": v for k, v in _parts(scipy.sparse.vstack([x for x, _ in fold_train]).tocsr()).items()},
                **{
                    f"test_{k}": v
                    for k, v in _parts(scipy.sparse.vstack([vectors[t] for t in test_texts]).tocsr()).items()
                },
            )
            print(f"fold {fold}: {len(test_idx)} examples", flush=True)


def _parts(m):
    return {"data": m.data, "indices": m.indices, "indptr": m.indptr, "shape": np.array(m.shape)}


def _matrix(z, prefix):
    return scipy.sparse.csr_matrix(
        (z[prefix + "data"], z[prefix + "indices"], z[prefix + "indptr"]), shape=tuple(z[prefix + "shape"])
    )


def _blended_top(diet: dict, linear: dict, weight: float, char: dict = None, char_weight: float = 0.0) -> str:
    """The intent the running assistant would pick: the blender's own formula."""
    from bot.nlu.linear_intent import blend

    ranking = [{"name": n, "confidence": c} for n, c in diet.items()]
    return blend(ranking, linear, weight, char, char_weight)[0]["name"]


def _configured_weight() -> float:
    import yaml

    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    blender = next(c for c in pipeline if c["name"].endswith("LinearIntentBlender"))
    return float(blender["weight"])


def analyse(path: Path) -> None:
    from sklearn.metrics import accuracy_score, f1_score

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if "diet" in r]
    gold = [r["intent"] for r in rows]
    print(f"{len(rows)} held-out examples; blend = weight × linear + (1 − weight) × DIET")
    print("weight  macro-F1  accuracy | geometric blend: macro-F1  accuracy")
    for step in range(0, 21):
        w = step / 20
        arithmetic, geometric = [], []
        for r in rows:
            names = sorted(set(r["diet"]) | set(r["linear"]))
            lin = {n: r["linear"].get(n, 0.0) for n in names}
            diet = {n: r["diet"].get(n, 0.0) for n in names}
            arithmetic.append(_blended_top(r["diet"], r["linear"], w))
            geometric.append(max(names, key=lambda n: w * math.log(lin[n] + 1e-9) + (1 - w) * math.log(diet[n] + 1e-9)))
        print(
            f"{w:6.2f}  {f1_score(gold, arithmetic, average='macro'):8.4f}  "
            f"{accuracy_score(gold, arithmetic):8.4f} | "
            f"{f1_score(gold, geometric, average='macro'):24.4f}  "
            f"{accuracy_score(gold, geometric):8.4f}"
        )
    if not all(r.get("char") for r in rows):
        return
    weight = _configured_weight()
    print(f"\ncharacter model's share over the DIET/linear blend (linear weight {weight}):")
    print("char_weight  macro-F1  accuracy")
    for step in range(0, 21):
        c = step / 20
        predicted = [_blended_top(r["diet"], r["linear"], weight, r["char"], c) for r in rows]
        print(f"{c:11.2f}  {f1_score(gold, predicted, average='macro'):8.4f}  {accuracy_score(gold, predicted):8.4f}")


def _macro_f1_by_weight(rows, linear_probs, weights):
    """rows: recorded examples; linear_probs: per row {intent: p} (replacing the recorded ones)."""
    from sklearn.metrics import f1_score

    gold = [r["intent"] for r in rows]
    scores = {}
    for w in weights:
        pred = []
        for r, lin in zip(rows, linear_probs):
            pred.append(_blended_top(r["diet"], lin, w))
        scores[w] = f1_score(gold, pred, average="macro")
    return scores


def tune_linear(path: Path) -> None:
    """Refit the linear model per fold with other settings; macro-F1 of each blended with DIET."""
    from sklearn.linear_model import LogisticRegression

    from bot.nlu.linear_intent import LinearIntentBlender

    defaults = LinearIntentBlender.get_default_config()  # fit as the blender does

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    folds = sorted({r["fold"] for r in rows})
    weights = [0.4, 0.5, 0.6, 0.7, 0.8, 1.0]
    # one setting changed at a time from the configured one (C 10, counts, no class weights)
    for C, class_weight, binary in (
        (10.0, None, False),
        (30.0, None, False),
        (10.0, "balanced", False),
        (10.0, None, True),
    ):
        ordered, probs = [], []
        for fold in folds:
            z = np.load(path.with_suffix(f".fold{fold}.npz"))
            train, test = _matrix(z, "train_"), _matrix(z, "test_")
            if binary:
                train.data[:], test.data[:] = 1.0, 1.0
            model = LogisticRegression(
                C=C, class_weight=class_weight, max_iter=defaults["max_iter"], solver=defaults["solver"]
            )
            model.fit(train, z["train_y"])
            fold_rows = [r for r in rows if r["fold"] == fold]
            for r, p in zip(fold_rows, model.predict_proba(test)):
                ordered.append(r)
                probs.append(dict(zip(model.classes_.tolist(), p.tolist())))
        scores = _macro_f1_by_weight(ordered, probs, weights)
        print(
            f"C={C:<5} class_weight={class_weight!s:9} binary={binary!s:5} "
            + "  ".join(f"w{w}:{f:.4f}" for w, f in scores.items()),
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "var" / "results" / "blend_cv.jsonl")
    ap.add_argument("--nlu", type=Path, default=ROOT / "data" / "nlu")
    ap.add_argument("--analyse", type=Path, help="only analyse a recorded file")
    ap.add_argument(
        "--tune-linear",
        type=Path,
        help="refit the linear model on a recorded file's features with other settings (minutes)",
    )
    args = ap.parse_args()
    if args.tune_linear:
        tune_linear(args.tune_linear)
    elif args.analyse:
        analyse(args.analyse)
    else:
        collect(args.folds, args.out, args.nlu)
        analyse(args.out)


if __name__ == "__main__":
    main()
