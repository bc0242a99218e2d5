"""Package the security_guard_crm addon as odoo-addon-security_guard_crm.

`pip install .` puts the addon in site-packages/odoo/addons/security_guard_crm,
where Odoo finds it without an addons path entry, the same layout as the
odoo-addon-* wheels of the Odoo Community Association (OCA).
"""

import ast
from pathlib import Path

from setuptools import find_namespace_packages, setup

# Plain setuptools, because the tools the OCA uses do not fit a root setup.py:
# setuptools-odoo wants a setup/<addon>/odoo/addons/<addon> symlink tree, and
# whool builds from a pyproject.toml inside the addon folder. Here package_dir
# maps the addon folder onto odoo.addons, so no odoo/ folder is needed that
# would shadow the real odoo package for pytest.
ADDON = "security_guard_crm"
ROOT = Path(__file__).resolve().parent

# Any release or pre-release of Odoo 18.0, and nothing from 18.1 on.
ODOO_REQUIREMENT = "odoo>=18.0a,<18.1dev"


def read_manifest():
    """Return the addon's __manifest__.py as a dict, without importing the addon."""
    source = (ROOT / ADDON / "__manifest__.py").read_text(encoding="utf-8")
    return ast.literal_eval(source)


def addon_packages():
    """Return the addon's folders as packages under odoo.addons.

    Folders without an __init__.py (data, views, static, i18n) are listed as
    namespace packages, so their files go into the wheel as package data.
    """
    folders = find_namespace_packages(
        where=str(ROOT),
        include=[ADDON, f"{ADDON}.*"],
        exclude=["*.__pycache__"],
    )
    return [f"odoo.addons.{folder}" for folder in folders]


manifest = read_manifest()

setup(
    name=f"odoo-addon-{ADDON}",
    version=manifest["version"],
    description=manifest["summary"],
    author=manifest["author"],
    url=manifest["website"],
    license=manifest["license"],
    classifiers=[
        "Programming Language :: Python",
        "Framework :: Odoo",
        "Framework :: Odoo :: 18.0",
        "Intended Audience :: Developers",
    ],
    python_requires=">=3.10",
    # Odoo 18 reads external_dependencies["python"] as requirement
    # specifiers of distributions, so they go to pip unchanged.
    install_requires=[
        *manifest.get("external_dependencies", {}).get("python", []),
        ODOO_REQUIREMENT,
    ],
    package_dir={f"odoo.addons.{ADDON}": ADDON},
    packages=addon_packages(),
    # MANIFEST.in adds every other file of the addon folder (XML, CSV, PO,
    # PNG, XLSX) as package data.
    include_package_data=True,
    zip_safe=False,
)
