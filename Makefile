# Loa — two commands: `make run` (main job) and `make test` (suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test test-sqlite test-postgres lint bench train clean init

venv: $(STAMP)

$(STAMP): requirements/build.txt requirements/base.txt requirements/dev.txt requirements/nodeps.txt requirements/constraints.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Loa needs $(PYTHON) on PATH"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/build.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt -c requirements/constraints.txt
	# vietnamadminunits is MIT, but its runtime deps include a GPL package we never import: data only.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements/nodeps.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/loa compilemessages
	touch $(STAMP)

init: venv
	$(BIN)/loa init --demo

run: venv
	$(BIN)/loa run

test: venv
	$(BIN)/pytest -n 2 --dist loadfile

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy loa config

# The word-segmentation baseline of the analyze benchmark, in an environment of its own: underthesea is
# kept out of Loa's (see requirements/bench.txt).
BASELINE := .venv-baseline
$(BASELINE)/.installed: requirements/bench.txt requirements/constraints.txt
	test -x $(BASELINE)/bin/python || $(PYTHON) -m venv $(BASELINE)
	$(BASELINE)/bin/pip install --quiet --disable-pip-version-check -r requirements/bench.txt -c requirements/constraints.txt
	touch $@

bench: venv $(BASELINE)/.installed
	$(BIN)/loa bench

train: venv
	$(BIN)/python -m loa.pipeline.topic_training --data ../shared/data/vntc/train.jsonl.gz --out loa/pipeline/models/topic.joblib

clean:
	rm -rf $(VENV) staticfiles
