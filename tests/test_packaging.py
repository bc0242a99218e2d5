"""The repository builds a wheel that installs the addon into odoo.addons.

The wheel is built by pip with build isolation, so setuptools comes from the
package index, as it would for `pip install .` on a fresh machine.
"""

import ast
import email.parser
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import odoo.addons
from odoo.modules.module import load_manifest

REPO_DIR = Path(__file__).resolve().parent.parent
ADDON = "security_guard_crm"
ADDON_DIR = REPO_DIR / ADDON
WHEEL_PREFIX = f"odoo/addons/{ADDON}/"
PIP_TIMEOUT = 300

# Top-level entries of a working copy that are not part of the source: the
# virtual environment, Odoo's data and logs, and earlier build output.
NOT_SOURCE = {".git", ".venv", "var", "build", "dist", ".pytest_cache"}


def read_manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))


def addon_source_files():
    """Return the addon's files as paths relative to its folder, without compiled Python."""
    return sorted(
        path.relative_to(ADDON_DIR).as_posix()
        for path in ADDON_DIR.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def run_pip(*args):
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=PIP_TIMEOUT, check=False
    )
    assert result.returncode == 0, (
        f"{' '.join(command)} failed with exit code {result.returncode}:\n"
        f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    return result


def ignore_outside_source(directory, names):
    if Path(directory) == REPO_DIR:
        return [name for name in names if name in NOT_SOURCE or name.endswith(".egg-info")]
    return []


@pytest.fixture(scope="module")
def manifest():
    return read_manifest(ADDON_DIR)


@pytest.fixture(scope="module")
def wheel_path(tmp_path_factory):
    """Build the wheel from a copy of the repository.

    pip builds a local folder in place, so building the working copy itself
    would leave build/ and egg-info behind, and a stale build/ could put
    deleted files into the wheel. The copy keeps __pycache__ folders on
    purpose, to check that they stay out of the wheel.
    """
    source = tmp_path_factory.mktemp("source") / "repo"
    shutil.copytree(REPO_DIR, source, ignore=ignore_outside_source)
    wheel_dir = tmp_path_factory.mktemp("wheel")

    run_pip("wheel", "--no-deps", "--wheel-dir", str(wheel_dir), str(source))

    wheels = list(wheel_dir.glob("*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {wheel_dir}, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_names(wheel_path):
    with zipfile.ZipFile(wheel_path) as wheel:
        return set(wheel.namelist())


@pytest.fixture(scope="module")
def metadata(wheel_path, wheel_names):
    [metadata_name] = [name for name in wheel_names if name.endswith(".dist-info/METADATA")]
    with zipfile.ZipFile(wheel_path) as wheel:
        return email.parser.BytesParser().parsebytes(wheel.read(metadata_name))


@pytest.fixture(scope="module")
def requirements(metadata):
    parsed = [Requirement(line) for line in metadata.get_all("Requires-Dist", [])]
    return {canonicalize_name(requirement.name): requirement for requirement in parsed}


def test_wheel_distribution_name(metadata, wheel_path):
    """The wheel is the distribution odoo-addon-security_guard_crm."""
    assert canonicalize_name(metadata["Name"]) == canonicalize_name(f"odoo-addon-{ADDON}")
    assert wheel_path.name.startswith(f"odoo_addon_{ADDON}-")


def test_wheel_version_matches_manifest(metadata, manifest):
    """The wheel's version is the manifest's version, unchanged."""
    assert metadata["Version"] == manifest["version"]


def test_wheel_license(metadata, manifest):
    """The wheel declares the manifest's licence."""
    assert manifest["license"] == "LGPL-3"
    assert metadata["License"] == manifest["license"]


def test_wheel_requires_external_dependencies(requirements, manifest):
    """Every external Python dependency of the manifest is a wheel requirement."""
    external = manifest["external_dependencies"]["python"]
    assert {"python-stdnum", "cryptography"} <= set(external)
    for dependency in external:
        name = canonicalize_name(Requirement(dependency).name)
        assert name in requirements, f"{dependency} is missing from Requires-Dist"


def test_wheel_requires_odoo_18_0(requirements):
    """The wheel requires an Odoo 18.0 release and rejects 17.0 and 18.1."""
    assert "odoo" in requirements, "odoo is missing from Requires-Dist"
    specifier = requirements["odoo"].specifier
    cases = {"18.0": True, "18.0.post20250101": True, "17.0": False, "18.1": False, "19.0": False}
    for version, accepted in cases.items():
        assert specifier.contains(version, prereleases=True) is accepted, (
            f"odoo{specifier} should {'accept' if accepted else 'reject'} {version}"
        )


def test_wheel_contains_manifest_files(wheel_names, manifest):
    """The manifest and every data and demo file it loads are in the wheel."""
    expected = ["__manifest__.py", "__init__.py", *manifest["data"], *manifest.get("demo", [])]
    missing = [name for name in expected if WHEEL_PREFIX + name not in wheel_names]
    assert not missing, f"missing from the wheel under {WHEEL_PREFIX}: {missing}"


def test_wheel_contains_icon_and_translations(wheel_names):
    """The app icon and every translation file of the addon are in the wheel."""
    translations = sorted(path.name for path in (ADDON_DIR / "i18n").glob("*.po*"))
    expected = ["static/description/icon.png", *(f"i18n/{name}" for name in translations)]
    missing = [name for name in expected if WHEEL_PREFIX + name not in wheel_names]
    assert not missing, f"missing from the wheel under {WHEEL_PREFIX}: {missing}"


def test_wheel_contains_every_addon_file(wheel_names):
    """Every file of the addon folder, whatever its type, is in the wheel."""
    missing = [name for name in addon_source_files() if WHEEL_PREFIX + name not in wheel_names]
    assert not missing, f"missing from the wheel under {WHEEL_PREFIX}: {missing}"


def test_wheel_layout(wheel_names):
    """The wheel contains only the addon and its metadata, without compiled Python.

    An odoo/__init__.py or odoo/addons/__init__.py in the wheel would
    overwrite Odoo's own files when the wheel is installed beside Odoo.
    """
    misplaced = [
        name
        for name in wheel_names
        if not name.startswith(WHEEL_PREFIX) and ".dist-info/" not in name
    ]
    compiled = [name for name in wheel_names if "__pycache__" in name or name.endswith(".pyc")]
    assert not misplaced, f"files outside {WHEEL_PREFIX}: {misplaced}"
    assert not compiled, f"compiled Python files in the wheel: {compiled}"


def test_installed_wheel_manifest(wheel_path, tmp_path_factory, manifest, monkeypatch):
    """The installed wheel puts a manifest that Odoo can load into odoo/addons."""
    target = tmp_path_factory.mktemp("target")
    run_pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel_path))
    installed_dir = target / "odoo" / "addons" / ADDON
    # In site-packages the folder would join odoo.addons.__path__ through
    # pkgutil.extend_path. Odoo's file_open reads only below those folders.
    addons_paths = [*odoo.addons.__path__, str(installed_dir.parent)]
    monkeypatch.setattr(odoo.addons, "__path__", addons_paths)

    assert (installed_dir / "__manifest__.py").is_file()
    assert read_manifest(installed_dir) == manifest
    assert not (target / "odoo" / "__init__.py").exists()
    assert not (target / "odoo" / "addons" / "__init__.py").exists()

    loaded = load_manifest(ADDON, mod_path=str(installed_dir))
    assert loaded["version"] == manifest["version"]
    assert loaded["addons_path"] == str(target / "odoo" / "addons")
    missing = [name for name in manifest["data"] if not (installed_dir / name).is_file()]
    assert not missing, f"data files missing from {installed_dir}: {missing}"


def test_description_page_plain_html():
    """The Apps description page is UTF-8 HTML without scripts or missing images.

    Odoo 18 warns about an XML declaration in this page and sanitizes it
    before display, so scripts and event handlers would only be dropped.
    """
    page_path = ADDON_DIR / "static" / "description" / "index.html"
    text = page_path.read_bytes().decode("utf-8")
    root = lxml.html.fromstring(f"<div>{text}</div>")

    scripts = [element.tag for element in root.iter("script", "iframe", "object", "embed")]
    handlers = [
        f"<{element.tag} {name}>"
        for element in root.iter()
        for name in element.attrib
        if name.lower().startswith("on")
    ]
    images = [element.get("src") for element in root.iter("img")]
    missing_images = [src for src in images if not (page_path.parent / src).is_file()]
    assert not text.startswith("<?xml"), f"{page_path} starts with an XML declaration"
    assert root.find(".//h2") is not None, f"{page_path} has no <h2> title"
    assert not scripts, f"{page_path} contains {scripts}"
    assert not handlers, f"{page_path} has event handler attributes: {handlers}"
    assert not missing_images, f"{page_path} shows images that are missing: {missing_images}"
