# The project's front door: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install compile lock lint typecheck test test-fast run schemas bench clean

help:
	@echo "make run    - start a local Kafka, replay seeds/, run the service in the foreground"
	@echo "make test   - install, start a local Kafka, lint, type-check and run every test"
	@echo "make install | compile | kafka | kafka-stop | lint | typecheck | schemas | bench | lock | clean"

-include mk/kafka.mk
-include mk/deploy.mk
-include mk/bench.mk
KAFKA_SH ?= deploy/local/kafka.sh

$(STAMP): pyproject.toml constraints.txt setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	INGEST_COMPILE=0 $(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# The extractor's modules compiled with mypyc next to their sources (setup.py); again whenever one changes.
COMPILED_STAMP := .cache/compiled.stamp
$(COMPILED_STAMP): $(STAMP) setup.py $(wildcard ingest/extract/*.py)
	@echo "compiling the extractor with mypyc (about a minute and a half)"
	INGEST_COMPILE=1 $(BIN)/python setup.py --quiet build_ext --inplace --build-temp .cache/build/temp --build-lib .cache/build/lib
	@test -n "$$(ls ingest/extract/arms.*.so 2>/dev/null)" || { echo "make compile: no compiled modules were built" >&2; exit 1; }
	@touch ingest/extract/*.so  # a rebuild may rewrite only the shared library; the shims are as new as it
	@mkdir -p .cache && touch $(COMPILED_STAMP)

compile: $(COMPILED_STAMP)

install: $(STAMP) $(COMPILED_STAMP)

lock:
	rm -rf .cache/lock-venv && $(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet '.[dev]'
	{ echo "# Pinned versions of every dependency; regenerate with 'make lock'."; \
	  .cache/lock-venv/bin/pip freeze --exclude-editable | grep -v '^ingest' | sort; } > constraints.txt

lint: install
	$(BIN)/ruff check ingest tests
	$(BIN)/ruff format --check ingest tests

typecheck: install
	$(BIN)/mypy

schemas: install
	$(BIN)/python -m ingest schemas --write schemas

test-fast: install
	$(BIN)/pytest -m "not kafka"

test: install tools
	@started=0; \
	if ! bash $(KAFKA_SH) status >/dev/null 2>&1; then bash $(KAFKA_SH) start || exit 1; started=1; fi; \
	status=0; \
	$(BIN)/ruff check ingest tests || status=1; \
	$(BIN)/mypy || status=1; \
	INGEST_REQUIRE_KAFKA=1 INGEST_REQUIRE_COMPILED=1 $(BIN)/pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$started = 1 ]; then bash $(KAFKA_SH) stop; fi; \
	exit $$status

run: install
	@if [ -z "$$INGEST_KAFKA_BOOTSTRAP_SERVERS" ]; then \
	  bash $(KAFKA_SH) start && \
	  bash $(KAFKA_SH) topics articles.raw:4 events.arms-transfers:4 events.sanctions:4 articles.dead-letter:1 && \
	  $(BIN)/ingest replay seeds/; \
	fi
	INGEST_LOG_FORMAT=$${INGEST_LOG_FORMAT:-console} $(BIN)/ingest run

bench: install
	@if ! bash $(KAFKA_SH) status >/dev/null 2>&1; then bash $(KAFKA_SH) start; fi
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info build $(COMPILED_STAMP) .cache/build .cache/mypyc
	rm -f ingest/extract/*.so ingest_extract__mypyc*.so
