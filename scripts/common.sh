# Shared settings of run.sh and test.sh; sourced, not executed.
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_CACHE_DIR="${ODOO_CACHE_DIR:-$HOME/.cache/security_guard_crm/odoo-18.0}"
VENV="${VENV:-$REPO_DIR/.venv}"
ODOO_BIN=("$VENV/bin/python" "$ODOO_CACHE_DIR/odoo-bin")
ADDONS_PATH="$REPO_DIR,$ODOO_CACHE_DIR/addons"
STATE_DIR="${STATE_DIR:-$REPO_DIR/var}"

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }

database_exists() {
    psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

module_installed() {
    psql -d "$1" -tAc "SELECT 1 FROM ir_module_module WHERE name = 'security_guard_crm' AND state = 'installed'" 2>/dev/null | grep -q 1
}
