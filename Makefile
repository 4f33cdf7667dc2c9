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
	$(BIN)/lint-imports

## check-deploy: Django's deployment checklist against production settings
check-deploy: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-not-a-real-secret-key-0123456789abcdef \
	DJANGO_ALLOWED_HOSTS=hub.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

## frontend: rebuild the committed CSS/JS from frontend/ (needs npm; not needed to run or test)
frontend:
	cd frontend && npm ci && npm run build

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles

## bench: seed a separate database at scale and time the key pages (README "Running at scale").
## PostgreSQL database hub_bench by default; `make bench BENCH_DB=sqlite SCALE=0.01` for a quick
## run; BENCH_FRESH=1 recreates the database. Writes bench-results/bench-results.md.
BENCH_DB     ?= postgres
SCALE        ?= 1
BENCH_FRESH  ?=
BENCH_ARGS   ?=
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/hub_bench
BENCH_REDIS  ?= redis://127.0.0.1:6379/5
BENCH_SQLITE := $(CURDIR)/bench-results/bench.sqlite3
# A production configuration on loopback: DEBUG off, the cached template loader, persistent
# connections, Redis; plain HTTP, so no HTTPS redirect and no Secure-only cookies.
PROD_ENV = DJANGO_DEBUG=false DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-local-prod-$$(hostname)-not-a-real-secret-key-0123456789abcdef} \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=false \
	DJANGO_SECURE_COOKIES=false DJANGO_HSTS_SECONDS=0
BENCH_URL = $(if $(filter sqlite,$(BENCH_DB)),sqlite:///$(BENCH_SQLITE),$(BENCH_PG_URL))

.PHONY: bench serve-prod loadtest
bench: install
	@mkdir -p bench-results
ifeq ($(BENCH_DB),sqlite)
	@if [ -n "$(BENCH_FRESH)" ]; then rm -f $(BENCH_SQLITE) $(BENCH_SQLITE)-*; fi
else
	$(BIN)/python -m hub.site.bench.database $(BENCH_PG_URL) $(if $(BENCH_FRESH),--fresh)
endif
	$(PROD_ENV) DATABASE_URL=$(BENCH_URL) REDIS_URL=$(BENCH_REDIS) CACHE_KEY_PREFIX=bench-$(BENCH_DB) \
	sh -c '$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py migrate --noinput -v0 && \
	$(BIN)/python manage.py bench --scale $(SCALE) $(BENCH_ARGS)'

## serve-prod: gunicorn (gunicorn.conf.py) against PostgreSQL and Redis, as in production.
## DATABASE_URL and REDIS_URL default to the bench's; set them to serve another database.
serve-prod: install
	$(PROD_ENV) DATABASE_URL=$${DATABASE_URL:-$(BENCH_PG_URL)} REDIS_URL=$${REDIS_URL:-$(BENCH_REDIS)} \
	CACHE_KEY_PREFIX=$${CACHE_KEY_PREFIX:-bench-postgres} \
	sh -c '$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) hub.wsgi:application'

## loadtest: two minutes of mixed visitors and members on the bench database (loopback only);
## LOADTEST_TIME=30s for a shorter run, LOADTEST_USERS=N for more users. Fails on any error.
loadtest: install
	$(PROD_ENV) DATABASE_URL=$${DATABASE_URL:-$(BENCH_PG_URL)} REDIS_URL=$${REDIS_URL:-$(BENCH_REDIS)} \
	CACHE_KEY_PREFIX=$${CACHE_KEY_PREFIX:-bench-postgres} hub/site/bench/loadtest.sh
