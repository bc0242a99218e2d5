from stdnum.exceptions import InvalidFormat, InvalidLength

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, TransactionCase

from ..models import identifiers


class TestIdentifiers(BaseCase):
    def test_sa_cr_valid(self):
        """Saudi CRs of 10 digits pass, separators and Arabic digits are compacted."""
        cases = [
            ("1010123456", "1010123456"),
            (" 1010 123 456 ", "1010123456"),
            ("1010-123-456", "1010123456"),
            ("\u0661\u0660\u0661\u0660\u0661\u0662\u0663\u0664\u0665\u0666", "1010123456"),
            ("7001234567", "7001234567"),
        ]
        for number, compact in cases:
            with self.subTest(number=number):
                self.assertEqual(identifiers.sa_cr_validate(number), compact)
                self.assertTrue(identifiers.sa_cr_is_valid(number))

    def test_sa_cr_invalid(self):
        """Saudi CRs of another length or with letters are rejected."""
        cases = [
            ("101012345", InvalidLength),
            ("10101234567", InvalidLength),
            ("10101234AB", InvalidFormat),
            ("1010.123.456", InvalidFormat),
            ("", InvalidFormat),
        ]
        for number, error in cases:
            with self.subTest(number=number):
                with self.assertRaises(error):
                    identifiers.sa_cr_validate(number)
                self.assertFalse(identifiers.sa_cr_is_valid(number))

    def test_ae_trade_license_valid(self):
        """UAE trade licences of 4 to 20 letters and digits pass, compacted."""
        cases = [
            ("CN-1234567", "CN1234567"),
            ("cn 1234567", "CN1234567"),
            ("123456", "123456"),
            ("DMCC/30123", "DMCC30123"),
            ("\u0661\u0662\u0663\u0664\u0665\u0666", "123456"),
            ("A1B2C3D4E5F6G7H8I9J0", "A1B2C3D4E5F6G7H8I9J0"),
        ]
        for number, compact in cases:
            with self.subTest(number=number):
                self.assertEqual(identifiers.ae_trade_license_validate(number), compact)
                self.assertTrue(identifiers.ae_trade_license_is_valid(number))

    def test_ae_trade_license_invalid(self):
        """UAE trade licences that are too short, too long or not alphanumeric fail."""
        cases = [
            ("AB1", InvalidLength),
            ("A1B2C3D4E5F6G7H8I9J0K", InvalidLength),
            ("LICENCE", InvalidFormat),
            ("CN_1234567", InvalidFormat),
            ("\u0631\u062e\u0635\u0629 1234", InvalidFormat),
            ("", InvalidFormat),
        ]
        for number, error in cases:
            with self.subTest(number=number):
                with self.assertRaises(error):
                    identifiers.ae_trade_license_validate(number)
                self.assertFalse(identifiers.ae_trade_license_is_valid(number))

    def test_validators_by_country(self):
        """The company registry validators cover Saudi Arabia and the UAE only."""
        self.assertEqual(
            identifiers.COMPANY_REGISTRY_VALIDATORS,
            {
                "SA": identifiers.sa_cr_validate,
                "AE": identifiers.ae_trade_license_validate,
            },
        )

    def test_ae_trn_valid(self):
        """A 15-digit TRN starting with 100 is valid, with or without AE and spaces."""
        for number, compact in [
            ("100123456700003", "100123456700003"),
            ("AE100123456700003", "100123456700003"),
            ("100 1234 5670 0003", "100123456700003"),
            ("\u0661\u0660\u0660123456700003", "100123456700003"),
        ]:
            with self.subTest(number=number):
                self.assertEqual(identifiers.ae_trn_validate(number), compact)

    def test_ae_trn_invalid(self):
        """A TRN of the wrong length, prefix or characters is invalid."""
        for number, error in [
            ("10012345670000", InvalidLength),
            ("1001234567000031", InvalidLength),
            ("200123456700003", InvalidFormat),
            ("100123456700O03", InvalidFormat),
        ]:
            with self.subTest(number=number):
                with self.assertRaises(error):
                    identifiers.ae_trn_validate(number)
                self.assertFalse(identifiers.ae_trn_is_valid(number))


class TestUaeVat(TransactionCase):
    def test_partner_invalid_uae_vat(self):
        """A UAE partner's VAT number must be a TRN; the error names the value."""
        with self.assertRaisesRegex(ValidationError, r"AE12345.*15 digits"):
            self.env["res.partner"].create(
                {
                    "name": "Dubai Marina Towers",
                    "is_company": True,
                    "country_id": self.env.ref("base.ae").id,
                    "vat": "AE12345",
                }
            )

    def test_partner_valid_uae_vat(self):
        """A UAE partner with a valid TRN is saved."""
        partner = self.env["res.partner"].create(
            {
                "name": "Dubai Marina Towers",
                "is_company": True,
                "country_id": self.env.ref("base.ae").id,
                "vat": "100123456700003",
            }
        )

        self.assertEqual(partner.vat, "100123456700003")

    def test_partner_arabic_digits_stored_ascii(self):
        """VAT and registration numbers typed in Arabic-Indic digits are saved in ASCII."""
        partner = self.env["res.partner"].create(
            {
                "name": "شركة الاختبار",
                "is_company": True,
                "is_security_client": True,
                "country_id": self.env.ref("base.sa").id,
                "vat": "\u0663\u0661\u0660\u0661\u0667\u0665\u0663\u0669\u0667\u0664\u0660\u0660\u0660\u0660\u0663",
                "company_registry": "\u0661\u0660\u0661\u0660\u0661\u0662\u0663\u0664\u0665\u0666",
            }
        )

        self.assertEqual(partner.vat, "310175397400003")
        self.assertEqual(partner.company_registry, "1010123456")

        partner.write({"company_registry": "\u0662\u0660\u0665\u0660\u0660\u0660\u0660\u0664\u0661\u0667"})

        self.assertEqual(partner.company_registry, "2050000417")

