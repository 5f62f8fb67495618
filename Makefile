# The few commands people need. `make run` and `make test` work on a fresh clone
# with Python 3.11+, Java 17+ and Maven (Neo4j jars are fetched on first use).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_PORT ?= 7697
TEST_DATA := $(CURDIR)/.neo4j-test
PYTEST_ARGS ?=
STATIC_OUT := src/samgraph/web/static
FRONTEND_STAMP := frontend/node_modules/.samgraph-built
FRONTEND_SRC := frontend/package.json frontend/package-lock.json frontend/build.mjs \
	frontend/tsconfig.json $(shell find frontend/src frontend/operations -type f 2>/dev/null)

.PHONY: install frontend frontend-types run test lint schema generate bench profiles fuzz clean FORCE types types-deps

install: $(STAMP) $(FRONTEND_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,speedups]'
	touch $(STAMP)

# The browser pages (GraphiQL) bundled with npm (Node 18+) from frontend/ into
# src/samgraph/web/static/ (served under /static/, no CDN); rebuilt when the lock or
# a source changed, or when the bundle is missing.
frontend: $(FRONTEND_STAMP)

$(FRONTEND_STAMP): $(FRONTEND_SRC) $(if $(wildcard $(STATIC_OUT)/graphiql/graphiql.js),,FORCE)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build
	touch $(FRONTEND_STAMP)

# Local Neo4j unless NEO4J_URI is set; migrate; demo data into an empty graph; serve.
run: install
	@if [ -z "$$NEO4J_URI" ]; then $(BIN)/samgraph neo4j start >/dev/null; fi
	$(BIN)/samgraph migrate
	$(BIN)/samgraph demo --if-empty
	$(BIN)/samgraph serve --host 127.0.0.1 --port 8000

# Its own Neo4j on a separate port and data dir, stopped even when tests fail.
test: install
	@rm -rf $(TEST_DATA)
	@trap '$(BIN)/samgraph neo4j stop --data-dir $(TEST_DATA)' EXIT; \
	env_lines=$$($(BIN)/samgraph neo4j start --port $(TEST_PORT) --data-dir $(TEST_DATA)) || exit 1; \
	eval "$$env_lines"; \
	SAMGRAPH_TEST_NEO4J_DATA_DIR=$(TEST_DATA) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The benchmarks (not part of `make test`): samgraph vs raw Cypher and vs the Neo4j
# GraphQL Library (installed here with npm), on generated portfolios S, M and L, on
# a separate Neo4j; writes docs/benchmarks.md and docs/bench/*.png. 20 to 95 minutes on
# 2 cores without size XL (BENCH_XL=0, which keeps the last XL section, marked with its
# run); XL adds its import and views.
BENCH_DATA := $(CURDIR)/.neo4j-bench
bench: install
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error
	@rm -rf $(BENCH_DATA)
	@trap '$(BIN)/samgraph neo4j stop --data-dir $(BENCH_DATA)' EXIT; \
	export SAMGRAPH_SNAPSHOT_SECONDS=0 SAMGRAPH_NEO4J_HEAP=$${SAMGRAPH_NEO4J_HEAP:-3g} SAMGRAPH_NEO4J_PAGECACHE=$${SAMGRAPH_NEO4J_PAGECACHE:-2g}; \
	env_lines=$$($(BIN)/samgraph neo4j start --port 7698 --data-dir $(BENCH_DATA)) || exit 1; \
	eval "$$env_lines"; \
	PYTHONPATH=. $(BIN)/python -m bench.suite

# Where each benchmarked request spends its time (bench/profiles.py): one pyinstrument
# profile per row into docs/bench/profiles/, in process (the http- rows through uvicorn
# and the key check), against the Neo4j of NEO4J_URI
# (load a portfolio first; the published ones are of L, 2,000 x 100).
profiles: install
	SAMGRAPH_AUDIT_LOG=$${SAMGRAPH_AUDIT_LOG:-$$(mktemp)} PYTHONPATH=. $(BIN)/python -m bench.profiles

# The long fuzz run of the whole schema (by hand: 150 cases of each of the four kinds;
# .ci/run: 500, so 2,000 operations).
fuzz:
	$(MAKE) test PYTEST_ARGS="-q tests/security/test_fuzz.py" SAMGRAPH_FUZZ_EXAMPLES=$${SAMGRAPH_FUZZ_EXAMPLES:-2000}

# ruff (lint and format) and mypy strict on src/, tests/ and bench/; the layers' import rules
# (import-linter), all configured in pyproject.toml; tsc --noEmit over the browser pages
# and their tests (frontend/).
lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	cd frontend && npm run --silent typecheck

# Re-export schema.graphql from the code (a test fails when it is stale).
schema: install
	$(BIN)/strawberry export-schema samgraph.schema:schema --output schema.graphql

# Every generated file: schema.graphql and the typed stub of the Cypher queries
# (src/samgraph/db/queries.pyi); tests fail when either is stale.
generate: schema
	$(BIN)/python -c "from samgraph.db.cypher import load_queries, render_stub; \
	open('src/samgraph/db/queries.pyi', 'w').write(render_stub(load_queries()))"
	$(BIN)/python -m tests.module_index

clean:
	rm -rf $(VENV) $(TEST_DATA) .pytest_cache .hypothesis
	rm -rf frontend/node_modules $(STATIC_OUT)/*/

# The explorer's operation types (frontend/operations/*.graphql -> GraphQL Code Generator
# -> frontend/src/explorer/generated/graphql.ts; tests/test_frontend.py fails when stale).
frontend-types: $(FRONTEND_STAMP)
	cd frontend && npm run --silent generate

# TypeScript types for the API (clients/typescript): the README's GraphQL examples
# written as named operations to operations/readme.graphql, then GraphQL Code Generator
# over schema.graphql into src/generated/graphql.ts (run `make schema` first when the
# code changed). A test fails when either file is stale.
TS_CLIENT := clients/typescript
TS_DEPS_STAMP := $(TS_CLIENT)/node_modules/.samgraph-installed

types: $(STAMP) types-deps
	$(BIN)/python $(TS_CLIENT)/extract_operations.py
	cd $(TS_CLIENT) && npm run --silent generate

# npm ci in clients/typescript, again whenever its package-lock.json changes.
types-deps: $(TS_DEPS_STAMP)

$(TS_DEPS_STAMP): $(TS_CLIENT)/package-lock.json
	cd $(TS_CLIENT) && npm ci --no-audit --no-fund --loglevel=error
	touch $(TS_DEPS_STAMP)
