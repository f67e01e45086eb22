# Zhengzhou service-outsourcing policy assistant. Two commands matter: `make run`, `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
RASA := .venv/bin/rasa
DATA_DIR ?= var
CLUSTER_DIR ?= $(DATA_DIR)/cluster
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONWARNINGS := ignore
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export LOG_LEVEL_LIBRARIES := ERROR

.PHONY: help setup knowledge train run test lint unit validate stories e2e browser crossval bench report reports purge console-user clean cluster cluster-stop

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

setup: ## make .venv (Python 3.10) with the pinned requirements; seconds when nothing changed
	@bash bot/scripts/setup_venv.sh

knowledge: setup ## build the SQLite knowledge base and jieba dictionary into var/
	@$(PY) -m knowledge.build --db $(DATA_DIR)/knowledge.db

train: knowledge ## train the model only when data, config, domain or NLU code changed
	@bash bot/scripts/train_if_changed.sh

run: train ## start the action server (5055), Rasa (5005) and the web chat (8000); Ctrl-C stops all
	@bash bot/scripts/run.sh

cluster: train ## scaled out: PostgreSQL, Redis, REPLICAS Rasa + ACTION_REPLICAS action servers, HAProxy, web chat
	@bash bot/scripts/cluster.sh start

cluster-stop: ## stop everything `make cluster` started
	@bash bot/scripts/cluster.sh stop

test: ## set up, then run every check: unit tests, data validation, training, story tests, end to end
	@bash bot/scripts/test_all.sh

lint: setup ## ruff check and ruff format --check over the whole repository (ruff.toml)
	@.venv/bin/ruff check . && .venv/bin/ruff format --check .

unit: knowledge ## the tests that need no server (core, actions, channels, reports)
	@$(PY) -m pytest -q -m "not e2e and not browser and not model and not cluster" tests

validate: knowledge ## rasa data validate --fail-on-warnings
	@$(RASA) data validate --fail-on-warnings --quiet

stories: train ## rasa test on the test stories, failing on any prediction error
	@$(RASA) test core --stories tests/stories --fail-on-prediction-errors --model models --out $(DATA_DIR)/results/core

e2e: train browser ## conversations and browser tests against servers started on free ports
	@$(PY) -m pytest -q -m "e2e or browser or model" tests

browser: ## install Debian's chromium for the browser tests (root or sudo)
	@bash bot/scripts/install_chromium.sh

crossval: knowledge ## 5-fold cross-validation of the NLU with the confusion report
	@$(RASA) test nlu --nlu data/nlu --cross-validation --folds 5 --config config.yml --out $(DATA_DIR)/results/crossval
	@$(PY) tests/tools/nlu_report.py $(DATA_DIR)/results/crossval

bench: train ## latency (1 user and 20 concurrent), training time, memory; MODE=cluster: 1 vs 2 replicas
	@$(if $(filter cluster,$(MODE)),$(PY) -m tests.tools.bench_cluster,$(PY) -m tests.tools.bench)

report: setup ## print one pre-screening report: make report REF=YS-20261128-0007
	@$(PY) -m bot.reports show "$(REF)"

reports: setup ## list recent pre-screening reports
	@$(PY) -m bot.reports list

# With a cluster (CLUSTER_DIR, made by `make cluster`), also its PostgreSQL: conversations, console, reports.
purge: setup ## delete conversations, console data and reports older than the retention (DAYS=180 or TRACKER_RETENTION_DAYS)
	@status=0; \
	$(PY) -m bot.tracker_store purge --db $(DATA_DIR)/tracker.db $(if $(DAYS),--days $(DAYS)) --vacuum \
	  $(if $(wildcard $(CLUSTER_DIR)/endpoints.yml),--endpoints $(CLUSTER_DIR)/endpoints.yml) || status=$$?; \
	( $(if $(wildcard $(CLUSTER_DIR)/cluster.env),set -a && . $(CLUSTER_DIR)/cluster.env && set +a && )\
	  exec $(PY) -m bot.console purge $(if $(DAYS),--days $(DAYS)) ) || status=$$?; \
	if [ $$status -ne 0 ]; then echo "purge: 部分存储未清理（见上），其余已清理 / some stores were skipped (see above); the others were purged" >&2; fi; \
	exit $$status

console-user: setup ## create or reset a console account: make console-user USER=name (CONSOLE_PASSWORD or asked)
	@test "$(origin USER)" = "command line" || { echo "usage: make console-user USER=name" >&2; exit 2; }
	@$(PY) -m bot.console user "$(USER)"

clean: ## remove built artifacts (knowledge base, models, results); keeps conversations and reports
	rm -rf models $(DATA_DIR)/knowledge.db $(DATA_DIR)/jieba_userdict.txt $(DATA_DIR)/results .rasa
