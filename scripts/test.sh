#!/usr/bin/env bash
# Run every test of security_guard_crm against a real Odoo and PostgreSQL:
#   1. a fresh database $TEST_DB with the addon, its demo data and Arabic;
#   2. a copy of it, $TEST_DB_e2e, served by an Odoo started here on
#      127.0.0.1:$E2E_PORT for the end-to-end tests in tests/;
#   3. one pytest run: the addon's tests through pytest-odoo (in-process,
#      with an HTTP server of its own for HttpCase) and the tests in tests/.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k access`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TEST_DB="${TEST_DB:-security_guard_crm_test}"
E2E_DB="${TEST_DB}_e2e"
E2E_PORT="${E2E_PORT:-8079}"
LOG_DIR="$STATE_DIR/log"

"$REPO_DIR/scripts/prepare.sh"
mkdir -p "$LOG_DIR"

drop_database() {
    if database_exists "$1"; then
        dropdb "$1"
    fi
    rm -rf "$STATE_DIR/data/filestore/$1"
}

drop_database "$TEST_DB"
drop_database "$E2E_DB"
log "installing security_guard_crm with demo data into $TEST_DB"
"${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" \
    -d "$TEST_DB" -i security_guard_crm --load-language=en_US,ar_001 \
    --stop-after-init --logfile="$LOG_DIR/install-demo.log"

createdb -T "$TEST_DB" "$E2E_DB"
if [ -d "$STATE_DIR/data/filestore/$TEST_DB" ]; then
    cp -a "$STATE_DIR/data/filestore/$TEST_DB" "$STATE_DIR/data/filestore/$E2E_DB"
fi

log "starting Odoo on 127.0.0.1:$E2E_PORT for the end-to-end tests"
"${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" \
    -d "$E2E_DB" --db-filter="^$E2E_DB\$" --http-interface=127.0.0.1 \
    --http-port="$E2E_PORT" --gevent-port=0 --max-cron-threads=0 \
    --logfile="$LOG_DIR/e2e-server.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
    if curl -fs "http://127.0.0.1:$E2E_PORT/web/health" >/dev/null; then
        break
    fi
    sleep 1
done

export SGCRM_E2E_URL="http://127.0.0.1:$E2E_PORT"
export SGCRM_E2E_DB="$E2E_DB"
export SGCRM_TEST_DB="$TEST_DB"
export SGCRM_LOG_DIR="$LOG_DIR"
export SGCRM_ODOO_DIR="$ODOO_DIR"
export SGCRM_ADDONS_PATH="$ADDONS_PATH"
export SGCRM_DATA_DIR="$STATE_DIR/data"
export SGCRM_PYTHON="$VENV/bin/python"

cd "$REPO_DIR"
# pytest exits with 5 when it collected no test, which fails this script too.
"$VENV/bin/python" -m pytest \
    --odoo-database="$TEST_DB" --odoo-addons-path="$ADDONS_PATH" \
    --odoo-http --odoo-log-level=warn \
    --odoo-extra="data-dir=$STATE_DIR/data" \
    security_guard_crm/tests tests "$@"
