#!/usr/bin/env bash
# make loadtest: gunicorn against PostgreSQL and Redis on loopback, a bounded mixed load from
# locust, then the server is stopped. Exits non-zero if any request failed.
set -euo pipefail
duration="${LOADTEST_TIME:-2m}"
users="${LOADTEST_USERS:-20}"
port="${LOADTEST_PORT:-8001}"
bin=.venv/bin
mkdir -p bench-results
$bin/python manage.py collectstatic --noinput -v0
$bin/python manage.py migrate --noinput -v0
first=$($bin/python manage.py shell -v0 -c "
from hub.base.models import User
u = User.objects.filter(username__startswith='bench').order_by('pk').first()
print(u.username.removeprefix('bench') if u else '')")
if [ -z "$first" ]; then
  echo "No bench members in this database: run make bench first." >&2
  exit 1
fi
GUNICORN_BIND="127.0.0.1:$port" GUNICORN_ACCESSLOG=bench-results/gunicorn-access.log \
  $bin/gunicorn -c gunicorn.conf.py hub.wsgi:application &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  if $bin/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=5)" 2>/dev/null; then
    break
  fi
  sleep 1
done
LOADTEST_FIRST_MEMBER="$first" $bin/locust -f hub/site/bench/locustfile.py --headless \
  --users "$users" --spawn-rate 5 --run-time "$duration" --stop-timeout 10 \
  --host "http://127.0.0.1:$port" --only-summary --csv bench-results/loadtest
