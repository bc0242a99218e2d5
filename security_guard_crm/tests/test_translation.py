import re
from pathlib import Path

import polib

from odoo.tests.common import TransactionCase
from odoo.tools.translate import TranslationModuleReader

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"


class TestArabicTranslation(TransactionCase):
    def test_every_term_has_arabic(self):
        """Every user-facing term of the addon has a non-fuzzy Arabic translation in ar.po."""
        catalog = polib.pofile(str(I18N_DIR / "ar.po"))
        translated = {
            entry.msgid
            for entry in catalog
            if entry.msgstr.strip() and "fuzzy" not in entry.flags and not entry.obsolete
        }
        reader = TranslationModuleReader(self.env.cr, modules=["security_guard_crm"])
        terms = {source for _module, _type, _name, _res_id, source, _value, _comments in reader}

        missing = sorted(terms - translated)

        self.assertTrue(terms)
        self.assertFalse(
            missing,
            "%d terms have no Arabic translation in i18n/ar.po; export the template with "
            "`make pot` and translate them:\n%s" % (len(missing), "\n".join(missing[:50])),
        )

    def test_arabic_loaded_for_ar_001(self):
        """Installing Arabic (ar_001) shows the addon's field labels in Arabic."""
        self.env["res.lang"]._activate_lang("ar_001")
        self.env["ir.module.module"]._load_module_terms(["security_guard_crm"], ["ar_001"], overwrite=True)
        field = self.env["ir.model.fields"].with_context(lang="ar_001")._get(
            "security.contract", "date_end"
        )
        catalog = polib.pofile(str(I18N_DIR / "ar.po"))
        expected = next(entry.msgstr for entry in catalog if entry.msgid == "End Date")

        self.assertEqual(field.field_description, expected)
        self.assertRegex(expected, "[\u0600-\u06ff]")

    def test_placeholders_kept(self):
        """Arabic messages keep every placeholder of their English source, named or positional."""
        catalog = polib.pofile(str(I18N_DIR / "ar.po"))
        for entry in catalog:
            if not entry.msgstr or "%" not in entry.msgid:
                continue
            with self.subTest(msgid=entry.msgid):
                self.assertEqual(
                    sorted(re.findall(r"%\(\w+\)s|%s", entry.msgstr)),
                    sorted(re.findall(r"%\(\w+\)s|%s", entry.msgid)),
                )

    def test_markup_kept(self):
        """Arabic view and report terms keep the HTML tags of their English source."""
        catalog = polib.pofile(str(I18N_DIR / "ar.po"))
        for entry in catalog:
            if not entry.msgstr or "<" not in entry.msgid:
                continue
            with self.subTest(msgid=entry.msgid):
                self.assertEqual(
                    re.findall(r"<[^>]+>", entry.msgstr),
                    re.findall(r"<[^>]+>", entry.msgid),
                )
