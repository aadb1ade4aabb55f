# Newsroom: `make run` serves the demo site, `make test` runs the whole suite.
# The venv's interpreter: Debian's python3.11 where there is one. Debian builds
# it with profile-guided and link-time optimisation into one static binary, and
# it renders a page in about a fifth less time than a default source build such as
# pyenv's (docs/deployment.md, "Which Python"). `make venv PYTHON=...` picks another;
# `make clean` first if .venv exists.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run venv test bench lint format messages clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@mkdir -p staticfiles media
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddemo
	$(PY) manage.py ensureadmin
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

node_modules/.package-lock.json: package.json
	@if command -v npm >/dev/null 2>&1; then npm install --ignore-scripts --no-audit --no-fund --silent; else echo "npm not found: HTML and accessibility checks in browser tests need it"; fi

test: $(STAMP)
	@mkdir -p staticfiles
	@if command -v npm >/dev/null 2>&1 && { [ ! -d node_modules/vnu-jar ] || [ ! -d node_modules/lighthouse ]; }; then npm install --ignore-scripts --no-audit --no-fund --silent; fi
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The performance report (docs/performance.md). Needs wrk (`apt-get install wrk`)
# and, for PostgreSQL, psql (`apt-get install postgresql-client`); e.g.
# `make bench BENCH_ARGS="--briefs 5000 --seconds 10"`, `BENCH_ARGS=--help`.
BENCH_ARGS ?=
bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Interface catalogues in locale/: `make messages LOCALES="es pt"` for more languages.
LOCALES ?= es
messages: $(STAMP)
	$(PY) manage.py makemessages $(addprefix -l ,$(LOCALES)) --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
