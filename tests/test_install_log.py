"""The addon installs with and without demo data, and Odoo logs no problem.

scripts/test.sh installs the addon with demo data and Arabic before pytest
starts, and these tests read its log. They also install the addon once more,
without demo data, into a database of their own.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ADDON = "security_guard_crm"
INSTALL_TIMEOUT = 900

# Odoo's log line format: "2026-01-31 12:00:00,123 4242 WARNING db logger: message".
PROBLEM_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ")


def environ(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run these tests through `make test`")
    return value


def problem_lines(log_path):
    """Return the WARNING, ERROR and CRITICAL lines of an Odoo log file."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return [line.rstrip("\n") for line in log if PROBLEM_LINE.match(line)]


def format_lines(lines):
    return "\n".join(lines)


def psql(database, query):
    result = subprocess.run(
        ["psql", "-d", database, "-tAc", query],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def drop_database(name, data_dir):
    subprocess.run(["dropdb", "--if-exists", name], capture_output=True, text=True, check=True)
    shutil.rmtree(Path(data_dir) / "filestore" / name, ignore_errors=True)


@pytest.fixture(scope="module")
def nodemo_install():
    """Install the addon without demo data into a new database, then drop it.

    Yields the finished odoo-bin process, the database name and the log path.
    """
    database = f"{environ('SGCRM_TEST_DB')}_nodemo"
    data_dir = environ("SGCRM_DATA_DIR")
    log_path = Path(environ("SGCRM_LOG_DIR")) / "install-nodemo.log"
    log_path.unlink(missing_ok=True)
    command = [
        environ("SGCRM_PYTHON"),
        str(Path(environ("SGCRM_ODOO_DIR")) / "odoo-bin"),
        f"--addons-path={environ('SGCRM_ADDONS_PATH')}",
        f"--data-dir={data_dir}",
        "-d",
        database,
        "-i",
        ADDON,
        "--without-demo=all",
        "--stop-after-init",
        f"--logfile={log_path}",
    ]
    drop_database(database, data_dir)
    try:
        process = subprocess.run(
            command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False
        )
        yield process, database, log_path
    finally:
        drop_database(database, data_dir)


def test_demo_install_log_clean():
    """Installing the addon with demo data and Arabic logs no warning or error."""
    log_path = Path(environ("SGCRM_LOG_DIR")) / "install-demo.log"
    assert log_path.is_file(), f"{log_path} is missing: scripts/test.sh writes it"

    lines = problem_lines(log_path)

    assert not lines, f"{log_path} has WARNING, ERROR or CRITICAL lines:\n{format_lines(lines)}"


def test_nodemo_install_succeeds(nodemo_install):
    """odoo-bin installs the addon without demo data and exits with 0."""
    process, database, log_path = nodemo_install

    assert process.returncode == 0, (
        f"installing {ADDON} into {database} failed with exit code {process.returncode}; "
        f"see {log_path}. Output:\n{process.stdout[-4000:]}\n{process.stderr[-4000:]}"
    )


def test_nodemo_module_installed(nodemo_install):
    """The addon is installed in the new database, and without demo data."""
    _process, database, _log_path = nodemo_install

    row = psql(database, f"SELECT state, demo FROM ir_module_module WHERE name = '{ADDON}'")

    assert row == "installed|f", f"{ADDON} in {database}: expected 'installed|f', got {row!r}"


def test_nodemo_install_log_clean(nodemo_install):
    """Installing the addon without demo data logs no warning or error."""
    _process, _database, log_path = nodemo_install
    assert log_path.is_file(), f"odoo-bin wrote no log at {log_path}"

    lines = problem_lines(log_path)

    assert not lines, f"{log_path} has WARNING, ERROR or CRITICAL lines:\n{format_lines(lines)}"
