from collections import defaultdict

from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from . import identifiers


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
        help="Legal form of the client: a sole establishment is registered in "
        "the name of one person, a company has its own commercial registration, "
        "a government entity usually has none.",
    )
    security_contact_role = fields.Selection(
        selection=[
            ("renewal", "Contract Renewal"),
            ("billing", "Billing"),
            ("legal", "Legal Notices"),
            ("operations", "Site Operations"),
        ],
        string="Client Contact Role",
        help="Role of this contact person in the client's file.",
    )
    security_parent_is_client = fields.Boolean(
        related="parent_id.is_security_client",
        string="Parent Is Security Client",
    )
    security_tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="res_partner_security_tag_rel",
        string="Security Tags",
        check_company=True,
        groups="security_guard_crm.group_guard,security_guard_crm.group_billing",
    )
    security_site_ids = fields.One2many(
        comodel_name="security.site",
        inverse_name="partner_id",
        string="Sites",
        groups="security_guard_crm.group_guard,security_guard_crm.group_billing",
    )
    security_contract_ids = fields.One2many(
        comodel_name="security.contract",
        inverse_name="partner_id",
        string="Contracts",
        groups="security_guard_crm.group_operations,security_guard_crm.group_billing",
    )
    security_site_count = fields.Integer(
        string="Site Count",
        compute="_compute_security_site_count",
        groups="security_guard_crm.group_guard,security_guard_crm.group_billing",
    )
    security_license_count = fields.Integer(
        string="Licence Count",
        compute="_compute_security_license_count",
        groups="security_guard_crm.group_guard",
    )
    security_contract_count = fields.Integer(
        string="Contract Count",
        compute="_compute_security_contract_count",
        groups="security_guard_crm.group_operations,security_guard_crm.group_billing",
    )
    security_document_count = fields.Integer(
        string="Document Count",
        compute="_compute_security_document_count",
        groups="security_guard_crm.group_guard,security_guard_crm.group_billing",
        help="Attachments and document files, such as the signed contract, of the "
        "client, its sites, site licences, contracts and contract amendments that "
        "you are allowed to read.",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_security_site_count(self):
        self._compute_security_record_count("security.site", "security_site_count")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_security_license_count(self):
        self._compute_security_record_count(
            "security.site.license", "security_license_count"
        )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_security_contract_count(self):
        self._compute_security_record_count(
            "security.contract", "security_contract_count"
        )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_security_document_count(self):
        owners = self._get_security_document_owners()
        counts = defaultdict(int)
        if owners:
            groups = self.env["ir.attachment"]._read_group(
                self._get_security_document_domain(owners),
                groupby=["res_model", "res_id"],
                aggregates=["__count"],
            )
            for res_model, res_id, count in groups:
                partner_id = owners.get((res_model, res_id))
                if partner_id:
                    counts[partner_id] += count
        for partner in self:
            partner.security_document_count = counts[partner._origin.id]

    def _compute_security_record_count(self, model_name, count_field):
        """Count the records of ``model_name`` whose ``partner_id`` is in self.

        Every count is 0 when the current user cannot read the model, so the
        form of a client also opens for users outside the addon's groups.
        """
        Model = self.env[model_name]
        partners = self._origin
        counts = {}
        if partners and Model.has_access("read"):
            groups = Model._read_group(
                [("partner_id", "in", partners.ids)],
                groupby=["partner_id"],
                aggregates=["__count"],
            )
            counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner[count_field] = counts.get(partner._origin.id, 0)

    @api.onchange("company_registry", "country_id")
    def _onchange_security_company_registry(self):
        """Write a client's valid Saudi CR in compact form: ASCII digits only."""
        country = self.commercial_partner_id.country_id or self.country_id
        if (
            self.company_registry
            and self.is_security_client
            and country.code == "SA"
            and identifiers.sa_cr_is_valid(self.company_registry)
        ):
            self.company_registry = identifiers.sa_cr_compact(self.company_registry)

    @api.constrains("company_registry", "country_id", "is_security_client", "parent_id")
    def _check_security_company_registry(self):
        """Validate the commercial registration of security clients and their contacts.

        Other partners are left alone, so Odoo's own flows and imports of
        ordinary partners never meet this check.
        """
        for partner in self:
            if not partner.company_registry:
                continue
            if not (partner.is_security_client or partner.parent_id.is_security_client):
                continue
            country = partner.commercial_partner_id.country_id or partner.country_id
            validate = identifiers.COMPANY_REGISTRY_VALIDATORS.get(country.code)
            if not validate:
                continue
            try:
                validate(partner.company_registry)
            except StdnumValidationError as error:
                raise ValidationError(
                    partner._get_company_registry_error(country.code)
                ) from error

    @api.constrains("company_id", "security_tag_ids")
    def _check_security_tag_company(self):
        self._check_company(["security_tag_ids"])

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_identifier_digits(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_identifier_digits(vals)
        return super().write(vals)

    def action_view_security_sites(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_site_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_security_licenses(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_site_license_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        # The licence's client follows its site, so the default goes on the
        # site, and only when the client has exactly one.
        context = {}
        sites = self.env["security.site"].search([("partner_id", "=", self.id)], limit=2)
        if len(sites) == 1:
            context["default_site_id"] = sites.id
        action["context"] = context
        return action

    def action_view_security_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_contract_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_security_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.ir_attachment_action_security_document"
        )
        action["domain"] = self._get_security_document_domain()
        action["context"] = {
            "default_res_model": self._name,
            "default_res_id": self.id,
        }
        return action

    @api.model
    def _normalize_identifier_digits(self, vals):
        """Store VAT and registration numbers typed on an Arabic keyboard with ASCII digits.

        base_vat checks the stored VAT number, and rejects Arabic-Indic digits.
        """
        for field_name in ("vat", "company_registry"):
            if isinstance(vals.get(field_name), str):
                vals[field_name] = identifiers.to_ascii_digits(vals[field_name])

    def _get_company_registry_labels(self):
        labels = super()._get_company_registry_labels()
        labels["SA"] = self.env._("Commercial Registration")
        labels["AE"] = self.env._("Trade Licence")
        return labels

    def _get_company_registry_error(self, country_code):
        """Return the message for an invalid ``company_registry`` of this partner."""
        self.ensure_one()
        if country_code == "SA":
            return self.env._(
                "The commercial registration %(number)s of %(partner)s is invalid: "
                "a Saudi commercial registration has exactly 10 digits, for example "
                "1010123456. Correct the number or leave the field empty.",
                number=self.company_registry,
                partner=self.display_name,
            )
        return self.env._(
            "The trade licence number %(number)s of %(partner)s is invalid: "
            "a UAE trade licence number has 4 to 20 Latin letters and digits, "
            "at least one of them a digit, for example CN-1234567. Correct the "
            "number or leave the field empty.",
            number=self.company_registry,
            partner=self.display_name,
        )

    @api.model
    def check_vat_ae(self, vat):
        """Check a UAE tax registration number for base_vat, which has no UAE rule."""
        return identifiers.ae_trn_is_valid(vat)

    @api.model
    def _build_vat_error_message(self, country_code, wrong_vat, record_label):
        if country_code != "ae":
            return super()._build_vat_error_message(country_code, wrong_vat, record_label)
        return "\n" + self.env._(
            "The VAT number %(vat)s of %(partner)s is invalid: a UAE tax registration "
            "number (TRN) has 15 digits and starts with 100, for example "
            "100123456700003. Correct the number or leave the field empty.",
            vat=wrong_vat,
            partner=record_label,
        )

    def _get_security_contacts(self, role):
        """Return the active contacts of the clients in self that have ``role``.

        :param str role: a key of ``security_contact_role``, e.g. "billing"
        :return: res.partner records, empty when no contact has the role, so
            the caller decides on a fallback such as the client itself
        :raises ValueError: ``role`` is not a key of the selection
        """
        roles = dict(self._fields["security_contact_role"].selection)
        if role not in roles:
            raise ValueError(
                f"Unknown security contact role {role!r}, expected one of {sorted(roles)}"
            )
        clients = self.commercial_partner_id
        if not clients:
            return self.browse()
        return self.search(
            [
                ("commercial_partner_id", "in", clients.ids),
                ("id", "not in", clients.ids),
                ("security_contact_role", "=", role),
            ]
        )

    @api.model
    def _get_security_document_sources(self):
        """Return the models whose attachments belong to a client's documents.

        Extension point for modules that add models to the client file.

        :return: list of (model name, path from a record of that model to its
            client partner) pairs
        """
        return [
            ("security.site", "partner_id"),
            ("security.site.license", "partner_id"),
            ("security.contract", "partner_id"),
            ("security.contract.amendment", "contract_id.partner_id"),
        ]

    @api.model
    def _get_security_document_fields(self):
        """Return the binary fields of the source models that store documents.

        Their files are attachments with ``res_field`` set, which ir.attachment
        searches leave out unless the domain names ``res_field``. Images, such
        as avatars, are not documents.

        :return: dict {model name: list of field names}
        """
        document_fields = {}
        for model_name, _client_path in self._get_security_document_sources():
            document_fields[model_name] = [
                field.name
                for field in self.env[model_name]._fields.values()
                if field.type == "binary"
                and field.attachment
                and not isinstance(field, fields.Image)
            ]
        return document_fields

    def _get_security_document_owners(self):
        """Map the records whose attachments are documents of the clients in self.

        Models the current user cannot read are skipped, so a guard never
        gets the attachments of contracts, even public ones.

        :return: dict {(model name, record id): client partner id}, including
            the clients themselves
        """
        partners = self._origin
        owners = {(partners._name, partner.id): partner.id for partner in partners}
        if not partners:
            return owners
        for model_name, client_path in self._get_security_document_sources():
            # Archived sites keep their documents in the client's file.
            Model = self.env[model_name].with_context(active_test=False)
            if not Model.has_access("read"):
                continue
            records = Model.search_fetch(
                [(client_path, "in", partners.ids)], [client_path.split(".")[0]]
            )
            for record in records:
                owners[model_name, record.id] = record.mapped(client_path).id
        return owners

    def _get_security_document_domain(self, owners=None):
        """Return the ir.attachment domain of the documents of the clients in self.

        The documents are the plain attachments of the owners and the files
        of their document fields. Because the domain names ``res_field``,
        ir.attachment's search keeps the field files, but it still drops those
        of a field whose ``groups`` the user lacks, such as the signed
        contract for operations users.

        :param dict owners: result of ``_get_security_document_owners()``,
            computed when not given
        """
        if owners is None:
            owners = self._get_security_document_owners()
        document_fields = self._get_security_document_fields()
        ids_by_model = defaultdict(list)
        for model_name, res_id in owners:
            ids_by_model[model_name].append(res_id)
        domains = []
        for model_name, res_ids in ids_by_model.items():
            field_domain = [("res_field", "=", False)]
            if document_fields.get(model_name):
                field_domain = expression.OR(
                    [field_domain, [("res_field", "in", document_fields[model_name])]]
                )
            domains.append(
                expression.AND(
                    [[("res_model", "=", model_name), ("res_id", "in", res_ids)], field_domain]
                )
            )
        return expression.OR(domains)

    @api.model
    def get_import_templates(self):
        """Offer the security clients template first when importing from the
        Clients list, whose action context sets ``default_is_security_client``."""
        templates = super().get_import_templates()
        if self.env.context.get("default_is_security_client"):
            client_template = {
                "label": self.env._("Import Template for Security Clients"),
                "template": "/security_guard_crm/static/xls/"
                "res_partner_security_client_import_template.xlsx",
            }
            templates = [client_template, *templates]
        return templates
