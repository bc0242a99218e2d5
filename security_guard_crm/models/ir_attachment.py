from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    security_tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="ir_attachment_security_tag_rel",
        string="Security Tags",
        groups="security_guard_crm.group_guard,security_guard_crm.group_billing",
    )
    security_res_model_name = fields.Char(
        string="Record Type",
        compute="_compute_security_res_model_name",
        help="Kind of record the attachment belongs to, e.g. Secured Site.",
    )

    @api.depends("res_model")
    @api.depends_context("lang")
    def _compute_security_res_model_name(self):
        for attachment in self:
            model = self.env["ir.model"]._get(attachment.res_model)
            attachment.security_res_model_name = model.name or attachment.res_model

    @api.constrains("public", "res_model", "res_id")
    def _check_security_document_not_public(self):
        """Keep the documents of client files private.

        A public attachment can be downloaded by anyone who has its link, even
        without an account, whatever the access rights on its record.
        """
        protected_models = {
            model_name
            for model_name, _path in self.env["res.partner"]._get_security_document_sources()
        }
        for attachment in self.filtered("public"):
            if attachment.res_model in protected_models:
                protected = True
            elif attachment.res_model == "res.partner" and attachment.res_id:
                partner = self.env["res.partner"].sudo().browse(attachment.res_id)
                protected = partner.exists().is_security_client
            else:
                protected = False
            if protected:
                raise ValidationError(
                    self.env._(
                        "The attachment %(name)s belongs to the file of a security "
                        "client and cannot be public, because anyone with its link "
                        "could download it. Clear the “Is public document” option.",
                        name=attachment.name,
                    )
                )
