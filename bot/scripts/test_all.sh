#!/usr/bin/env bash
# Everything that can fail, in order: set-up, unit tests (the console's store also on a throwaway
# PostgreSQL from `cluster.sh install`'s binaries, tests/pg_server.py), data validation, training,
# story tests, end-to-end conversations and browser tests against servers on free ports,
# the conversations again without the Rasa speed-ups, and the scaled-out cluster (PostgreSQL,
# Redis, two Rasa replicas, two action servers, HAProxy; skipped with the reason only when a
# server cannot be installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 PYTHONWARNINGS=ignore
step() { echo; echo "=== $* ==="; }
t0=$(date +%s)

step "set-up";              bash bot/scripts/setup_venv.sh; bash bot/scripts/install_chromium.sh
                            bash bot/scripts/cluster.sh install || echo "set-up: the cluster tests will say why they are skipped"
step "lint (ruff)";         .venv/bin/ruff check . && .venv/bin/ruff format --check .
step "knowledge base";      .venv/bin/python -m knowledge.build --db var/knowledge.db
step "unit tests";          .venv/bin/python -m pytest -q -p no:cacheprovider -m "not e2e and not browser and not model and not cluster" tests
step "data validation";     .venv/bin/rasa data validate --fail-on-warnings --quiet
step "training";            bash bot/scripts/train_if_changed.sh
step "NLU on held-out examples"; mkdir -p var/results
.venv/bin/rasa test nlu --nlu tests/nlu_holdout.yml --model models/policy-assistant.tar.gz --out var/results/holdout \
  >var/results/holdout.log 2>&1 || { tail -20 var/results/holdout.log; exit 1; }
.venv/bin/python tests/tools/nlu_report.py var/results/holdout --min-f1 0.90 --top 5
step "story tests";         .venv/bin/rasa test core --stories tests/stories --model models/policy-assistant.tar.gz \
                              --fail-on-prediction-errors --out var/results/core --quiet
step "end to end + browser"; .venv/bin/python -m pytest -q -p no:cacheprovider -m "e2e or browser or model" tests
step "conversations without the Rasa speed-ups (RASA_SPEEDUPS=0)"
RASA_SPEEDUPS=0 .venv/bin/python -m pytest -q -p no:cacheprovider -m e2e tests/test_e2e_conversations.py \
  -k "TestCases or TestFormBehaviour or TestPrescreen or TestRobustness"
step "cluster (PostgreSQL, Redis, 2 Rasa replicas, 2 action servers, HAProxy)"
.venv/bin/python -m pytest -q -rs -s -p no:cacheprovider -m cluster tests/test_cluster.py
echo; echo "make test: all checks passed in $(( $(date +%s) - t0 )) s"
