#!/usr/bin/env bash
# Prepare everything `make run` and `make test` need on a Debian 12 machine.
# That is PostgreSQL 15 from Debian packages, with a running cluster and a
# database role for the current user, and rtlcss for Arabic screens. It is
# also an Odoo 18.0 source tree and a Python virtual environment with Odoo's
# pinned requirements, Odoo itself and the addon's own requirements.
# Every step is skipped when its result exists, so a second run takes a few
# seconds.
#
# Environment:
#   ODOO_SOURCE     an Odoo 18.0 source tree or tarball (optional)
#   ODOO_CACHE_DIR  where the Odoo tree is kept
#                   (default: ~/.cache/security_guard_crm/odoo-18.0)
#   VENV            the virtual environment (default: .venv in the repository)
#   PYTHON          the interpreter that creates it (default: python3)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PYTHON="${PYTHON:-python3}"
ODOO_URL="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
PG_VERSION=15

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing Debian packages: ${missing[*]}"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

as_postgres() {
    if [ -z "$SUDO" ]; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres "$@"
    fi
}

prepare_system_packages() {
    # Build headers for psycopg2 and python-ldap, which have no wheels for
    # the versions Odoo pins.
    apt_install "postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION" \
        libpq-dev libldap2-dev libsasl2-dev python3-venv python3-dev \
        build-essential curl fonts-noto-core
}

prepare_rtlcss() {
    # Odoo converts its style sheets for right-to-left languages (Arabic)
    # with the rtlcss command; without it Arabic screens are laid out left
    # to right. Debian packages no rtlcss, so it comes from the npm registry.
    if command -v rtlcss >/dev/null; then
        return
    fi
    if ! command -v npm >/dev/null; then
        apt_install nodejs npm
    fi
    log "installing rtlcss from the npm registry"
    $SUDO npm install --global --silent "rtlcss@4"
}

prepare_postgresql() {
    if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q .; then
        log "creating the PostgreSQL $PG_VERSION cluster"
        $SUDO pg_createcluster "$PG_VERSION" main >/dev/null
    fi
    if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
        log "starting the PostgreSQL $PG_VERSION cluster"
        $SUDO pg_ctlcluster "$PG_VERSION" main start
    fi
    local role
    role="$(id -un)"
    # Odoo refuses to connect as "postgres", so the current user gets its own
    # role, reached through the local socket with peer authentication.
    if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'" | grep -q 1; then
        as_postgres createuser --createdb --superuser "$role"
        log "created the PostgreSQL role $role"
    fi
}

prepare_odoo_source() {
    if [ -f "$ODOO_DIR/odoo-bin" ]; then
        return
    fi
    if [ -n "${ODOO_SOURCE:-}" ] && [ -d "$ODOO_SOURCE" ]; then
        log "ODOO_SOURCE=$ODOO_SOURCE has no odoo-bin: point it to an Odoo 18.0 source tree"
        exit 1
    fi
    local tmp="$ODOO_DIR.partial"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    local tarball="${ODOO_SOURCE:-}"
    if [ -z "$tarball" ]; then
        tarball="$tmp.tar.gz"
        log "downloading Odoo 18.0 from $ODOO_URL"
        curl -fL --retry 3 -o "$tarball" "$ODOO_URL"
    fi
    log "unpacking $tarball into $ODOO_DIR"
    tar -xzf "$tarball" -C "$tmp" --strip-components=1
    if [ ! -f "$tmp/odoo-bin" ] || ! grep -q "18, 0" "$tmp/odoo/release.py"; then
        log "$tarball does not hold an Odoo 18.0 source tree"
        rm -rf "$tmp"
        exit 1
    fi
    mv "$tmp" "$ODOO_DIR"
    rm -f "$tmp.tar.gz"
}

prepare_virtualenv() {
    local stamp="$VENV/.security_guard_crm-prepared"
    local wanted
    wanted="$(cat "$ODOO_DIR/requirements.txt" "$REPO_DIR/requirements.txt" \
        "$REPO_DIR/requirements-test.txt" | sha1sum | cut -d' ' -f1) $ODOO_DIR"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        log "creating the virtual environment $VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    local pip=("$VENV/bin/python" -m pip --disable-pip-version-check -q)
    "${pip[@]}" install --upgrade "pip<25" wheel
    # cbor2 5.4.2, pinned by Odoo, no longer builds with setuptools 70 or
    # newer, so it is built without isolation against an older setuptools
    # (and setuptools_scm, which gives it its version number).
    "${pip[@]}" install "setuptools<70" "setuptools_scm<8"
    log "installing Odoo's pinned requirements (a few minutes the first time)"
    "${pip[@]}" install --no-build-isolation "cbor2==5.4.2"
    "${pip[@]}" install -r "$ODOO_DIR/requirements.txt"
    log "installing Odoo from $ODOO_DIR"
    "${pip[@]}" install --no-deps --no-build-isolation -e "$ODOO_DIR"
    log "installing the addon's requirements"
    "${pip[@]}" install -r "$REPO_DIR/requirements.txt" -r "$REPO_DIR/requirements-test.txt"
    echo "$wanted" > "$stamp"
}

prepare_system_packages
prepare_rtlcss
prepare_postgresql
prepare_odoo_source
prepare_virtualenv
log "ready: Odoo in $ODOO_DIR, Python in $VENV"
