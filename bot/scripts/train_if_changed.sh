#!/usr/bin/env bash
# Train the Rasa model only when what it is made of changed: data, config, domain, the NLU
# components or the knowledge base they read. The fingerprint is a hash of those files.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p models var
# What the model is made of: the Rasa files, the NLU components and what they read (the
# knowledge base's search sources and the figure parser). Conditions, facts and answers
# (knowledge/conditions.py, shapes.py, conditions.yml, facts.yml, question_shapes.yml, routes.yml,
# eligibility_words.yml, estimate_words.yml, summaries.yml) are read by the
# actions only, so changing them does not retrain.
nlu_sources() {
  ls config.yml domain.yml calculator/figures_zh.py
  find data bot/nlu -type f \( -name '*.yml' -o -name '*.py' \)
  find knowledge -maxdepth 1 -name '*.py' ! -name conditions.py ! -name shapes.py
  find knowledge/data -name '*.yml' ! -name conditions.yml ! -name facts.yml ! -name question_shapes.yml ! -name routes.yml \
    ! -name eligibility_words.yml ! -name estimate_words.yml ! -name summaries.yml
}
fingerprint=$(nlu_sources | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
if [ -f models/policy-assistant.tar.gz ] && [ "$(cat models/.fingerprint 2>/dev/null)" = "$fingerprint" ]; then
  echo "train: model is up to date (models/policy-assistant.tar.gz)"
  exit 0
fi
echo "train: training the model (about 2–4 minutes on 2 cores)…"
start=$(date +%s)
.venv/bin/rasa train --fixed-model-name policy-assistant --out models --quiet >var/train.log 2>&1 \
  || { tail -40 var/train.log; echo "train: failed (full log: var/train.log)" >&2; exit 1; }
echo "$fingerprint" > models/.fingerprint
secs=$(( $(date +%s) - start ))
echo "$secs" > var/train_time.txt
echo "train: done in ${secs} s"
