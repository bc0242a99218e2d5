#!/usr/bin/env bash
# Serve Odoo with security_guard_crm on http://127.0.0.1:$PORT, creating the
# database $DB with the addon, its demo data and Arabic on the first run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PORT="${PORT:-8069}"
DB="${DB:-security_guard_crm}"

"$REPO_DIR/scripts/prepare.sh"
mkdir -p "$STATE_DIR"

if ! module_installed "$DB"; then
    log "creating the database $DB with security_guard_crm, demo data and Arabic"
    "${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" \
        -d "$DB" -i security_guard_crm --load-language=en_US,ar_001 \
        --stop-after-init --log-level=warn
fi

cat >&2 <<MSG

  security_guard_crm is starting on http://127.0.0.1:$PORT
  database: $DB   login: admin   password: admin
  stop it with Ctrl-C

MSG
exec "${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" \
    -d "$DB" --db-filter="^$DB\$" --http-interface=127.0.0.1 --http-port="$PORT" \
    --limit-time-real=600
