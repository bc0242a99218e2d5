from odoo import fields, models


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
