# chitieu — make run | test | lint | eval | bench
# Only Python 3.11 and the package registries are needed: the first target you run
# creates .venv and installs the project with everything it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SHARED ?= ../shared
OUT    ?= outputs

.PHONY: install run test lint eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,dask]"
	touch $(STAMP)

run: $(STAMP)  ## extract the sample corpus into outputs/
	$(BIN)/chitieu extract corpus --out $(OUT)

test: $(STAMP)  ## the test suite (tests that need ../shared skip without it)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)  ## the seed evaluation (needs ../shared) and the sample corpus evaluation
	@if [ -d "$(SHARED)/seeds" ]; then \
	  $(BIN)/chitieu eval $(SHARED)/seeds --gold-targets $(SHARED)/eval/seeds_targets.csv \
	      --gold-references $(SHARED)/eval/seeds_references.csv; \
	else echo "eval: $(SHARED)/seeds not found, seed evaluation skipped"; fi
	$(BIN)/chitieu eval corpus --gold-targets corpus/gold/targets.csv \
	    --gold-references corpus/gold/references.csv

bench: $(STAMP)  ## throughput, workers and memory benchmark (not a test)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(OUT)/*.csv $(OUT)/*.parquet
