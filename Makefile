# askcoach — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint typecheck native pytest bench browser clean

# pip -qq: errors only, so the first run shows no build or pip-setup warnings before the chat.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/askcoach run

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# The assessor compiled with mypyc into bot/coaching/native/ (bot/coaching/build_native.py):
# built again only when a module of bot/coaching changed (otherwise a moment's check), and
# used only while it matches the sources, so an edited rule runs as Python until the next
# `make test` or `make bench`. Without a C compiler the assessor stays pure Python.
native: $(VENV)/.installed-dev
	$(BIN)/python -m bot.coaching.build_native

pytest: $(VENV)/.installed-dev native
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: $(VENV)/.installed-dev native
	$(BIN)/python -m benchmarks

# Debian's chromium and its chromium-driver, for the dashboard's browser tests (tests/web).
# The tests use /usr/bin/chromedriver; nothing downloads a browser or a driver of its own.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then \
		echo "chromium and chromedriver are installed"; \
	else \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache bot/coaching/native
