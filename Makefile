# Two commands on a fresh machine: `make run` starts the app, `make test` runs the tests.
# Both create .venv when it is missing and (re)install when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8550
CONTENT ?= content

.PHONY: run author test lint check bench chromium clean pack-es backstop

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[serve]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) -m app serve --host $(HOST) --port $(PORT)

# Live preview for instructors: every save under $(CONTENT) shows on every open page.
# Its own data folder, so practice incidents never mix with real notes.
author: $(VENV)/.installed-run
	$(PY) -m app serve --watch --host $(HOST) --port $(PORT) --content-dir $(CONTENT) \
	  --data-dir build/author-data

# Browser tests drive Debian's chromium (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

lint: $(VENV)/.installed-test
	$(PY) -m ruff check app tests benchmarks

check: $(VENV)/.installed-run
	$(PY) -m app check content

test: $(VENV)/.installed-test chromium lint
	$(PY) -m pytest -q

# The Spanish guide (content/translations/es) as a signed pack; its manifest says
# "language: es", so the app's screens switch to Spanish when it is in use.
#   make pack-es KEY=keys/department.key APPROVED_BY="Sgt A. Example, Training Unit"
# Optional: VERSION=2026.12 PACK_ID=stairway-es PACK_TITLE="..." PACK_OUT=build/stairway-es.stairway
PACK_ID ?= stairway-es
PACK_TITLE ?= Guía Stairway en español
PACK_OUT ?= build/stairway-es.stairway
pack-es: $(VENV)/.installed-run
	@test -n "$(KEY)" -a -n "$(APPROVED_BY)" || { echo "usage: make pack-es KEY=PRIVATE_KEY APPROVED_BY=\"who approved it\" (a key: $(PY) -m app keygen --out DIR)"; exit 2; }
	@mkdir -p $(dir $(PACK_OUT))
	$(PY) -m app pack content/translations/es --key "$(KEY)" --language es --id "$(PACK_ID)" \
	  --title "$(PACK_TITLE)" --approved-by "$(APPROVED_BY)" $(if $(VERSION),--version "$(VERSION)") \
	  --out "$(PACK_OUT)"

bench: $(VENV)/.installed-test
	$(PY) benchmarks/content.py
	$(PY) benchmarks/notes.py
	$(PY) benchmarks/export.py
	$(PY) benchmarks/incidents_list.py
	$(PY) benchmarks/search.py
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/preview.py
	$(PY) benchmarks/practice.py

# Retrain the practice classifier's learned backstop (app/practice/killer_words.txt) after a
# development set or a unit row of tests/test_practice_classify.py changes; a test fails
# until you do.
backstop: $(VENV)/.installed-test
	$(PY) benchmarks/practice_train.py

clean:
	rm -rf build .pytest_cache .ruff_cache
