# The two commands a newcomer needs: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha1sum | cut -c1-12)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install chromium lint migrate demo check-deploy frontend clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

## make run: set everything up and serve the hub with demo content on http://127.0.0.1:8000
run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: set everything up and run the whole suite (unit, view and browser tests)
chromium:
	@scripts/ensure-chromium

test: install chromium
	FAST_PASSWORD_HASHER=true $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

## check-deploy: Django's deployment checklist against production settings
check-deploy: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	DJANGO_ALLOWED_HOSTS=hub.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

## frontend: rebuild the committed CSS/JS from frontend/ (needs npm; not needed to run or test)
frontend:
	cd frontend && npm ci && npm run build

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
