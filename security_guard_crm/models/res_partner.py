from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_security_client = fields.Boolean(
        string="Security Client",
        tracking=True,
        help="The partner is a client of the guarding firm and has a client file.",
    )
    security_entity_type = fields.Selection(
        selection=[
            ("establishment", "Sole Establishment"),
            ("company", "Company"),
            ("government", "Government Entity"),
        ],
        string="Entity Type",
        tracking=True,
    )
    security_contact_role = fields.Selection(
        selection=[
            ("renewal", "Contract Renewal"),
            ("billing", "Billing"),
            ("legal", "Legal Notices"),
        ],
        string="Client Contact Role",
        help="Role of this contact person in the client's file.",
    )
    security_tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="res_partner_security_tag_rel",
        string="Security Tags",
    )
    security_site_ids = fields.One2many(
        comodel_name="security.site",
        inverse_name="partner_id",
        string="Sites",
    )
    security_contract_ids = fields.One2many(
        comodel_name="security.contract",
        inverse_name="partner_id",
        string="Contracts",
        groups="security_guard_crm.group_operations,security_guard_crm.group_billing",
    )
