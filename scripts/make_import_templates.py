"""Generate the XLSX import templates of security_guard_crm.

The Import screen of the Clients, Sites and Contracts lists offers these files
for download (see ``get_import_templates`` on ``res.partner``,
``security.site`` and ``security.contract``). Each workbook has one sheet:

- the first row contains the English field labels. Odoo's import (base_import,
  18.0) maps a column without help when its header equals the field's
  technical name, its label in the user's language or its English label, so
  these headers map in an English and in an Arabic interface alike;
- the next rows are examples in Arabic that fit together: the clients file
  creates the clients and contact persons that the sites file refers to by
  name, and the contracts file refers to both.

Selection values (site type, billing cycle, entity type, contact role) use the
English labels, which the import accepts whatever the user's language is.
Related records are given by name (clients, sites, contacts as "Client,
Contact" the way Odoo shows them) or, for countries, by ISO code. Payment terms
are the exception: the import compares their translated name in the user's
language only, so the templates give the Arabic names of Odoo 18's standard
payment terms ("30 Days" is "30 يوماً"), which fail in an English interface.

The output is byte-for-byte reproducible: the document properties and the
timestamps of the ZIP entries are fixed, so regenerating unchanged templates
leaves git clean. Run from the repository root with a Python that has
openpyxl (the project's virtual environment has it)::

    $VENV/bin/python scripts/make_import_templates.py          # write the files
    $VENV/bin/python scripts/make_import_templates.py --check  # exit 1 if stale
"""

import argparse
import datetime
import io
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

OUTPUT_DIR = Path(__file__).resolve().parent.parent / "security_guard_crm" / "static" / "xls"

# Any fixed moment works, because it only has to be the same on every run.
FIXED_TIMESTAMP = datetime.datetime(2026, 1, 1, 0, 0, 0)
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
COORDINATE_FORMAT = "0.0000000"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill(fill_type="solid", start_color="1F4E78", end_color="1F4E78")
COMMENT_AUTHOR = "security_guard_crm"

CLIENT_COMPANY = "مجموعة النخبة التجارية"
CLIENT_HOSPITAL = "مستشفى الأمل العام"
CONTACT_BILLING = "سارة القحطاني"
CONTACT_RENEWAL = "فهد العتيبي"
SITE_COMPOUND = "مجمع النخبة السكني"
SITE_WAREHOUSE = "مستودعات النخبة - السلي"
SITE_HOSPITAL = "مستشفى الأمل العام - المبنى الرئيسي"
# Names of the payment terms "30 Days" and "45 Days" in the Arabic
# translation of Odoo 18's account module.
PAYMENT_TERM_30_DAYS = "30 يوماً"
PAYMENT_TERM_45_DAYS = "45 يوماً"


def contact_display_name(client, contact):
    """Return a contact person's name as Odoo shows it, which is what the import matches."""
    return f"{client}, {contact}"


# Each template has its file name, its columns as (header, cell format, width,
# note on the header cell or None) and its example rows.
TEMPLATES = [
    {
        "file_name": "res_partner_security_client_import_template.xlsx",
        "columns": [
            ("Name", TEXT_FORMAT, 30, None),
            ("Is a Company", None, 14, "TRUE for a client, FALSE for a contact person."),
            (
                "Security Client",
                None,
                16,
                "TRUE for a client of the guarding firm. FALSE for its contact persons.",
            ),
            (
                "Entity Type",
                TEXT_FORMAT,
                20,
                "Sole Establishment, Company or Government Entity.",
            ),
            (
                "Related Company",
                TEXT_FORMAT,
                30,
                "For a contact person: the name of the client, as in an earlier row "
                "or already in Odoo. Empty for a client.",
            ),
            (
                "Client Contact Role",
                TEXT_FORMAT,
                20,
                "For a contact person: Contract Renewal, Billing, Legal Notices or "
                "Site Operations.",
            ),
            ("Tax ID", TEXT_FORMAT, 18, "Saudi VAT number: 15 digits, first and last 3."),
            (
                "Company ID",
                TEXT_FORMAT,
                16,
                "Commercial registration: 10 digits for a Saudi client.",
            ),
            ("Street", TEXT_FORMAT, 24, None),
            ("City", TEXT_FORMAT, 14, None),
            ("Country", TEXT_FORMAT, 10, "ISO country code, for example SA."),
            ("Email", TEXT_FORMAT, 26, None),
        ],
        "rows": [
            [
                CLIENT_COMPANY,
                True,
                True,
                "Company",
                None,
                None,
                "310175397400003",
                "1010123456",
                "طريق الملك فهد",
                "الرياض",
                "SA",
                "info@nukhba.example",
            ],
            [
                CLIENT_HOSPITAL,
                True,
                True,
                "Government Entity",
                None,
                None,
                None,
                None,
                "شارع الأمير سلطان",
                "جدة",
                "SA",
                "admin@amal-hospital.example",
            ],
            [
                CONTACT_BILLING,
                False,
                False,
                None,
                CLIENT_COMPANY,
                "Billing",
                None,
                None,
                None,
                None,
                None,
                "sara@nukhba.example",
            ],
            [
                CONTACT_RENEWAL,
                False,
                False,
                None,
                CLIENT_COMPANY,
                "Contract Renewal",
                None,
                None,
                None,
                None,
                None,
                "fahad@nukhba.example",
            ],
        ],
    },
    {
        "file_name": "security_site_import_template.xlsx",
        "columns": [
            ("Name", TEXT_FORMAT, 34, None),
            (
                "Client",
                TEXT_FORMAT,
                28,
                "Name of a security client already in Odoo, exactly as shown there.",
            ),
            (
                "Site Type",
                TEXT_FORMAT,
                22,
                "One of: Hospital, Industrial Facility, Petrochemical / Oil & Gas, "
                "Shopping Mall / Retail, Residential Compound, Government Building, "
                "Office, Warehouse / Logistics, Bank, Education, Event, Other.",
            ),
            ("Building Number", TEXT_FORMAT, 16, "4 digits of the national address."),
            ("Street", TEXT_FORMAT, 24, None),
            ("District", TEXT_FORMAT, 16, None),
            ("City", TEXT_FORMAT, 14, None),
            ("Zip", TEXT_FORMAT, 10, "5-digit postal code of the national address."),
            (
                "Additional Number",
                TEXT_FORMAT,
                18,
                "4 digits of the national address.",
            ),
            ("Latitude", COORDINATE_FORMAT, 14, "Decimal degrees, from -90 to 90."),
            ("Longitude", COORDINATE_FORMAT, 14, "Decimal degrees, from -180 to 180."),
        ],
        "rows": [
            [
                SITE_COMPOUND,
                CLIENT_COMPANY,
                "Residential Compound",
                "2929",
                "طريق الملك فهد",
                "العليا",
                "الرياض",
                "12211",
                "8282",
                24.7136,
                46.6753,
            ],
            [
                SITE_WAREHOUSE,
                CLIENT_COMPANY,
                "Warehouse / Logistics",
                "7531",
                "طريق الخرج",
                "السلي",
                "الرياض",
                "14322",
                "3456",
                24.6214,
                46.8201,
            ],
            [
                SITE_HOSPITAL,
                CLIENT_HOSPITAL,
                "Hospital",
                "3344",
                "شارع الأمير سلطان",
                "الروضة",
                "جدة",
                "23435",
                "6789",
                21.561,
                39.17,
            ],
        ],
    },
    {
        "file_name": "security_contract_import_template.xlsx",
        "columns": [
            (
                "Reference",
                TEXT_FORMAT,
                16,
                "Unique in the company. Write New to take the next number of the "
                "contract sequence.",
            ),
            (
                "Client",
                TEXT_FORMAT,
                28,
                "Name of a security client already in Odoo, exactly as shown there.",
            ),
            (
                "Sites",
                TEXT_FORMAT,
                50,
                "Names of sites of this client, separated by commas without spaces.",
            ),
            ("Start Date", DATE_FORMAT, 12, None),
            ("End Date", DATE_FORMAT, 12, "On or after the start date."),
            (
                "Billing Cycle",
                TEXT_FORMAT,
                14,
                "Monthly, Quarterly, Semi-annual or Annual.",
            ),
            (
                "Payment Terms",
                TEXT_FORMAT,
                18,
                "Name of payment terms in Odoo, in the language of the user who "
                "imports the file: 30 يوماً in Arabic, 30 Days in English.",
            ),
            (
                "Billing Contact",
                TEXT_FORMAT,
                40,
                'A contact person of the client, written "Client, Contact" as Odoo '
                "shows it.",
            ),
            (
                "Renewal Contact",
                TEXT_FORMAT,
                40,
                'A contact person of the client, written "Client, Contact" as Odoo '
                "shows it.",
            ),
        ],
        "rows": [
            [
                "CT-2026-0001",
                CLIENT_COMPANY,
                f"{SITE_COMPOUND},{SITE_WAREHOUSE}",
                datetime.date(2026, 1, 1),
                datetime.date(2026, 12, 31),
                "Monthly",
                PAYMENT_TERM_30_DAYS,
                contact_display_name(CLIENT_COMPANY, CONTACT_BILLING),
                contact_display_name(CLIENT_COMPANY, CONTACT_RENEWAL),
            ],
            [
                "CT-2026-0002",
                CLIENT_HOSPITAL,
                SITE_HOSPITAL,
                datetime.date(2026, 3, 1),
                datetime.date(2027, 2, 28),
                "Quarterly",
                PAYMENT_TERM_45_DAYS,
                None,
                None,
            ],
        ],
    },
]


def build_workbook(template):
    """Return the workbook of one template, not yet saved."""
    workbook = Workbook()
    workbook.properties.creator = COMMENT_AUTHOR
    workbook.properties.created = FIXED_TIMESTAMP
    workbook.properties.modified = FIXED_TIMESTAMP
    sheet = workbook.active
    sheet.title = "Import"
    sheet.freeze_panes = "A2"

    for column_index, (header, cell_format, width, note) in enumerate(template["columns"], 1):
        cell = sheet.cell(row=1, column=column_index, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        if note:
            cell.comment = Comment(note, COMMENT_AUTHOR, width=260, height=90)
        sheet.column_dimensions[cell.column_letter].width = width

    for row_index, row in enumerate(template["rows"], 2):
        for column_index, value in enumerate(row, 1):
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            cell_format = template["columns"][column_index - 1][1]
            if cell_format:
                cell.number_format = cell_format
    return workbook


def to_reproducible_bytes(workbook):
    """Save the workbook and return its bytes with fixed ZIP entry timestamps."""
    saved = io.BytesIO()
    workbook.save(saved)
    repacked = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(repacked, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed_entry = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIMESTAMP)
            fixed_entry.compress_type = zipfile.ZIP_DEFLATED
            fixed_entry.external_attr = 0o644 << 16
            target.writestr(fixed_entry, source.read(entry.filename))
    return repacked.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit with status 1 if a template differs from its generated content",
    )
    args = parser.parse_args()

    stale = []
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for template in TEMPLATES:
        path = OUTPUT_DIR / template["file_name"]
        content = to_reproducible_bytes(build_workbook(template))
        if path.exists() and path.read_bytes() == content:
            continue
        if args.check:
            stale.append(path)
        else:
            path.write_bytes(content)
            print(f"wrote {path}")

    if stale:
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        print("regenerate with scripts/make_import_templates.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
