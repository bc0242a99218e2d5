#!/usr/bin/env bash
# Export the addon's translation template to security_guard_crm/i18n/security_guard_crm.pot
# from a fresh database with the addon installed (without demo data, so the
# template holds only what ships to every firm), then merge it into ar.po.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${POT_DB:-security_guard_crm_pot}"
I18N_DIR="$REPO_DIR/security_guard_crm/i18n"

"$REPO_DIR/scripts/prepare.sh"
if database_exists "$DB"; then
    dropdb "$DB"
fi
"${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" -d "$DB" \
    -i security_guard_crm --without-demo=all --stop-after-init --log-level=warn
"${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" -d "$DB" \
    --modules=security_guard_crm --i18n-export="$I18N_DIR/security_guard_crm.pot" \
    --stop-after-init --log-level=warn
dropdb "$DB"
if [ -f "$I18N_DIR/ar.po" ]; then
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$I18N_DIR/ar.po" \
        "$I18N_DIR/security_guard_crm.pot"
fi
log "wrote $I18N_DIR/security_guard_crm.pot"
