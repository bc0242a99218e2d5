from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


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
    security_document_name = fields.Char(
        string="Document",
        compute="_compute_security_document_name",
        inverse="_inverse_security_document_name",
        help="File name of the document. For a file stored in a field of its "
        "record, such as the signed contract of a contract, it is the file name "
        "stored on the record, or the field label when the record has none.",
    )
    security_document_kind = fields.Char(
        string="Kind",
        compute="_compute_security_document_kind",
        help="Field of the record that stores the file, e.g. Signed Contract, "
        "or Attachment for a file attached to the record.",
    )

    @api.depends("res_model")
    @api.depends_context("lang")
    def _compute_security_res_model_name(self):
        for attachment in self:
            model = self.env["ir.model"]._get(attachment.res_model)
            attachment.security_res_model_name = model.name or attachment.res_model

    @api.depends("name", "res_model", "res_id", "res_field")
    @api.depends_context("lang")
    def _compute_security_document_name(self):
        field_attachments = self.filtered(
            lambda attachment: attachment.res_field and attachment.res_model in self.env
        )
        for attachment in self - field_attachments:
            attachment.security_document_name = attachment.name
        groups = field_attachments.grouped(
            lambda attachment: (attachment.res_model, attachment.res_field)
        )
        for (model_name, field_name), attachments in groups.items():
            Model = self.env[model_name]
            field = Model._fields.get(field_name)
            label = field._description_string(self.env) if field else None
            filenames = {}
            filename_field = self._get_security_filename_field(model_name, field_name)
            if filename_field and Model._fields[filename_field].is_accessible(self.env):
                records = Model.browse(attachments.mapped("res_id")).exists()
                records = records._filtered_access("read")
                filenames = dict(zip(records.ids, records.mapped(filename_field)))
            for attachment in attachments:
                attachment.security_document_name = (
                    filenames.get(attachment.res_id) or label or attachment.name
                )

    def _inverse_security_document_name(self):
        for attachment in self:
            if attachment.res_field:
                raise UserError(
                    self.env._(
                        "The %(kind)s file of %(record)s takes its name from that "
                        "record and cannot be renamed here. Open %(record)s and "
                        "upload the file again under the new name.",
                        kind=attachment.security_document_kind,
                        record=attachment.res_name,
                    )
                )
            attachment.name = attachment.security_document_name

    @api.depends("res_model", "res_field")
    @api.depends_context("lang")
    def _compute_security_document_kind(self):
        for attachment in self:
            field = None
            if attachment.res_field and attachment.res_model in self.env:
                field = self.env[attachment.res_model]._fields.get(attachment.res_field)
            if field:
                attachment.security_document_kind = field._description_string(self.env)
            else:
                attachment.security_document_kind = self.env._("Attachment")

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

    @api.model_create_multi
    def create(self, vals_list):
        # The Documents list edits the name through security_document_name
        # only, but name is required when the row is inserted, before the
        # inverse runs.
        for vals in vals_list:
            if not vals.get("name") and vals.get("security_document_name"):
                vals["name"] = vals["security_document_name"]
        return super().create(vals_list)

    @api.model
    def _get_security_filename_field(self, model_name, field_name):
        """Return the Char field that stores the file name of a binary field.

        The addon names it after the binary field: ``signed_contract_file``
        has ``signed_contract_filename`` and ``document`` has
        ``document_filename``.

        :return: the field name, or None when ``model_name`` has no such field
        """
        candidates = [f"{field_name}_filename"]
        if field_name.endswith("_file"):
            candidates.insert(0, f"{field_name}name")
        model_fields = self.env[model_name]._fields
        for candidate in candidates:
            if candidate in model_fields and model_fields[candidate].type == "char":
                return candidate
        return None
