# Shared settings of run.sh and test.sh; sourced, not executed.
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_CACHE_DIR="${ODOO_CACHE_DIR:-$HOME/.cache/security_guard_crm/odoo-18.0}"
# The Odoo tree in use: ODOO_SOURCE itself when it is a source tree, the
# unpacked copy of ODOO_SOURCE when it is a tarball, else the cache folder.
if [ -n "${ODOO_SOURCE:-}" ] && [ -d "$ODOO_SOURCE" ]; then
    ODOO_DIR="$(cd "$ODOO_SOURCE" && pwd)"
elif [ -n "${ODOO_SOURCE:-}" ]; then
    ODOO_DIR="$ODOO_CACHE_DIR-$(basename "$ODOO_SOURCE" | sed -E 's/\.(tar\.gz|tgz)$//')"
else
    ODOO_DIR="$ODOO_CACHE_DIR"
fi
VENV="${VENV:-$REPO_DIR/.venv}"
ODOO_BIN=("$VENV/bin/python" "$ODOO_DIR/odoo-bin")
ADDONS_PATH="$REPO_DIR,$ODOO_DIR/addons"
STATE_DIR="${STATE_DIR:-$REPO_DIR/var}"

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }

database_exists() {
    psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

module_installed() {
    psql -d "$1" -tAc "SELECT 1 FROM ir_module_module WHERE name = 'security_guard_crm' AND state = 'installed'" 2>/dev/null | grep -q 1
}
