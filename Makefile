# chitieu — make run | test | lint | eval | bench
# Only Python 3.11 and the package registries are needed: the first target you run
# creates .venv and installs the project with everything it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
OUT    ?= outputs
# Two stamps: `make run` needs the runtime only; tests, lint, eval and bench add the dev tools and
# the optional extras (dask, spacy) their tests use.
RUNTIME := $(VENV)/.runtime-stamp
DEV     := $(VENV)/.dev-stamp

.PHONY: install run test lint eval bench clean

install: $(DEV)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $(RUNTIME)

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev,dask,spacy]"
	touch $(RUNTIME) $(DEV)

run: $(RUNTIME)  ## extract the sample corpus into outputs/
	$(BIN)/chitieu extract corpus --out $(OUT)

test: $(DEV)  ## the test suite (tests that need ../shared skip without it)
	$(BIN)/python -m pytest

lint: $(DEV)
	$(BIN)/ruff check .

# make eval: one score table (also written into README.md when every set is there). Each set is extracted once (into $(EVAL)/<set>/, whose cache makes a
# rerun fast) and scored by `chitieu eval --json`; the real sets give three rows each (even half,
# odd half, all). Sets that need $(SHARED) are skipped with a message when it is absent.
EVAL     := $(OUT)/eval
REAL     := $(SHARED)/eval/real
EXPORT   := --id-column id --text-column text --url-column url --date-column date
EVAL_CMD := $(BIN)/chitieu eval --quiet --json

eval: $(RUNTIME)  ## score table: seeds, sample corpus, real news and plans (halves and all)
	@rm -rf $(EVAL)/*.json; mkdir -p $(EVAL)
	@if [ -d "$(SHARED)/seeds" ]; then \
	  $(EVAL_CMD) $(SHARED)/seeds --label seeds --out $(EVAL)/seeds \
	      --gold-targets $(SHARED)/eval/seeds_targets.csv \
	      --gold-references $(SHARED)/eval/seeds_references.csv > $(EVAL)/1-seeds.json || exit 1; \
	else echo "eval: $(SHARED)/seeds not found, seed row skipped"; fi
	@$(EVAL_CMD) corpus --label "sample corpus" --out $(EVAL)/corpus --gold-targets corpus/gold/targets.csv \
	    --gold-references corpus/gold/references.csv > $(EVAL)/2-corpus.json
	@for set in news plans; do \
	  if [ -f "$(REAL)/$$set/docs.jsonl" ]; then \
	    $(EVAL_CMD) $(REAL)/$$set/docs.jsonl $(EXPORT) --halves --label "real $$set" --out $(EVAL)/$$set \
	        --gold-targets $(REAL)/$$set/gold_targets.csv \
	        --gold-references $(REAL)/$$set/gold_references.csv > $(EVAL)/3-$$set.json || exit 1; \
	  else echo "eval: $(REAL)/$$set not found, real $$set rows skipped"; fi; \
	done
	@# every set scored (../shared present): the README's table is rewritten (tests/test_readme_scores.py checks it)
	@if [ $$(ls $(EVAL)/*.json | wc -l) -eq 4 ]; then README="--readme README.md"; fi; \
	  $(BIN)/python -m chitieu.pipeline.evaluate $$README $(EVAL)/*.json

bench: $(DEV)  ## throughput, workers and memory benchmark (not a test)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(OUT)/*.csv $(OUT)/*.parquet
