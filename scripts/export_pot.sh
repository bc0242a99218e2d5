#!/usr/bin/env bash
# Export the addon's translation template to security_guard_crm/i18n/security_guard_crm.pot
# from a fresh database with the addon and its demo data installed, as Odoo
# exports its own templates, then merge it into ar.po. The translation test
# runs in a database with demo data, so demo terms need Arabic too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
DB="${POT_DB:-security_guard_crm_pot}"
I18N_DIR="$REPO_DIR/security_guard_crm/i18n"

"$REPO_DIR/scripts/prepare.sh"
if database_exists "$DB"; then
    dropdb "$DB"
fi
"${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" -d "$DB" \
    -i security_guard_crm --stop-after-init --log-level=warn
"${ODOO_BIN[@]}" --addons-path="$ADDONS_PATH" --data-dir="$STATE_DIR/data" -d "$DB" \
    --modules=security_guard_crm --i18n-export="$I18N_DIR/security_guard_crm.pot" \
    --stop-after-init --log-level=warn
dropdb "$DB"
if [ -f "$I18N_DIR/ar.po" ]; then
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$I18N_DIR/ar.po" \
        "$I18N_DIR/security_guard_crm.pot"
fi
log "wrote $I18N_DIR/security_guard_crm.pot"
