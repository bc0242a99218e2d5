from odoo import fields, models


class SecurityContractAmendment(models.Model):
    _name = "security.contract.amendment"
    _description = "Contract Amendment"
    _order = "contract_id, date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", required=True)
    contract_id = fields.Many2one(
        comodel_name="security.contract",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="contract_id.company_id",
        store=True,
        index=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    summary = fields.Text(required=True)
