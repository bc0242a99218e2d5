from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    security_license_warning_days = fields.Integer(
        string="Licence Expiry Warning (Days)",
        default=30,
        help="A site licence counts as expiring, and its responsible person "
        "gets an activity, this many days before its expiry date.",
    )
    security_contract_notice_days = fields.Integer(
        string="Contract Renewal Notice (Days)",
        default=60,
        help="The owner of a contract's renewal contact is reminded this "
        "many days before the contract ends.",
    )

    @api.constrains("security_license_warning_days", "security_contract_notice_days")
    def _check_security_notice_days(self):
        for company in self:
            for fname in ("security_license_warning_days", "security_contract_notice_days"):
                days = company[fname]
                if days < 0:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s of %(company)s is %(days)s: enter 0 or a "
                            "positive number of days.",
                            setting=self._fields[fname]._description_string(self.env),
                            company=company.name,
                            days=days,
                        )
                    )
