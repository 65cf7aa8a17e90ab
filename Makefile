# Two entry points for a newcomer: `make demo` and `make test`.
# Both create .venv/ in the repo root with the interpreter named by PYTHON.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The seed report carries no date of its own; --date gives undated reports one (others keep theirs).
demo: $(STAMP)
	$(BIN)/checker extract seeds/000_d668861fa1832f5c.txt --date 2024-11-25
	$(BIN)/checker check seeds/ --date 2024-11-25 ; test $$? -le 1

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
