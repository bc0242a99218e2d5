from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Arabic-Indic (U+0660..U+0669) and Eastern Arabic-Indic (U+06F0..U+06F9)
# digits, as typed on Arabic keyboards, mapped to ASCII digits.
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Saudi national address parts that must be made of an exact number of digits.
NATIONAL_ADDRESS_DIGITS = {
    "building_number": 4,
    "zip": 5,
    "additional_number": 4,
}

MAP_URL = "https://www.google.com/maps/search/?api=1&query={latitude},{longitude}"
# Bounding box of Saudi Arabia in decimal degrees, rounded outwards, to catch
# swapped or half-entered coordinates of Saudi sites.
SAUDI_LATITUDE_RANGE = (16.0, 32.5)
SAUDI_LONGITUDE_RANGE = (34.0, 56.0)


class SecuritySite(models.Model):
    _name = "security.site"
    _description = "Secured Site"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_security_client', '=', True)]",
    )
    site_type = fields.Selection(
        selection=[
            ("hospital", "Hospital"),
            ("industrial", "Industrial Facility"),
            ("petrochemical", "Petrochemical / Oil & Gas"),
            ("retail", "Shopping Mall / Retail"),
            ("residential", "Residential Compound"),
            ("government", "Government Building"),
            ("office", "Office"),
            ("warehouse", "Warehouse / Logistics"),
            ("bank", "Bank"),
            ("education", "Education"),
            ("event", "Event"),
            ("other", "Other"),
        ],
        tracking=True,
        groups="security_guard_crm.group_guard",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        tracking=True,
        check_company=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("security_guard_crm.group_guard").id)],
        groups="security_guard_crm.group_guard",
        help="Operations person in charge of the site. New licences of the "
        "site get this person as their responsible.",
    )
    tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="security_site_security_tag_rel",
        string="Tags",
        check_company=True,
    )
    notes = fields.Html(groups="security_guard_crm.group_guard")

    street = fields.Char()
    street2 = fields.Char()
    city = fields.Char()
    state_id = fields.Many2one(
        comodel_name="res.country.state",
        ondelete="restrict",
        domain="[('country_id', '=?', country_id)]",
    )
    zip = fields.Char(
        help="Postal code. For a site in Saudi Arabia it is the 5-digit "
        "postal code of the national address.",
    )
    country_id = fields.Many2one(
        comodel_name="res.country",
        ondelete="restrict",
        default=lambda self: self.env.ref("base.sa", raise_if_not_found=False),
    )
    country_code = fields.Char(related="country_id.code")
    building_number = fields.Char(
        help="4-digit building number of the Saudi national address.",
    )
    district = fields.Char(help="District of the Saudi national address.")
    additional_number = fields.Char(
        help="4-digit additional number of the Saudi national address.",
    )
    national_address = fields.Char(
        compute="_compute_national_address",
        help="The Saudi national address on one line: building number, "
        "street, district, city, postal code and additional number.",
    )

    latitude = fields.Float(
        digits=(10, 7),
        help="GPS latitude in decimal degrees, from -90 to 90. "
        "Latitude and longitude both 0 mean the position is not set.",
    )
    longitude = fields.Float(
        digits=(10, 7),
        help="GPS longitude in decimal degrees, from -180 to 180. "
        "Latitude and longitude both 0 mean the position is not set.",
    )
    map_url = fields.Char(
        string="Map Link",
        compute="_compute_map_url",
        help="Link to the site's GPS position on Google Maps.",
    )

    license_ids = fields.One2many(
        comodel_name="security.site.license",
        inverse_name="site_id",
        string="Licences",
        groups="security_guard_crm.group_guard",
    )
    license_count = fields.Integer(
        string="Licence Count",
        compute="_compute_license_count",
        groups="security_guard_crm.group_guard",
    )
    license_state = fields.Selection(
        selection=[
            ("none", "No Licence"),
            ("valid", "Valid"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
        ],
        string="Licence Status",
        compute="_compute_license_state",
        store=True,
        groups="security_guard_crm.group_guard",
        help="Status of the site's worst licence: expired before expiring, "
        "expiring before valid.",
    )
    contract_ids = fields.Many2many(
        comodel_name="security.contract",
        relation="security_contract_site_rel",
        column1="security_site_id",
        column2="security_contract_id",
        string="Contracts",
        readonly=True,
        groups="security_guard_crm.group_operations,security_guard_crm.group_billing",
    )
    contract_count = fields.Integer(
        compute="_compute_contract_count",
        groups="security_guard_crm.group_operations,security_guard_crm.group_billing",
    )

    @api.depends("building_number", "street", "district", "city", "zip", "additional_number")
    def _compute_national_address(self):
        for site in self:
            first_line = " ".join(part for part in (site.building_number, site.street) if part)
            postal_code = "-".join(part for part in (site.zip, site.additional_number) if part)
            city_line = " ".join(part for part in (site.city, postal_code) if part)
            parts = (first_line, site.district, city_line)
            site.national_address = ", ".join(part for part in parts if part)

    @api.depends("latitude", "longitude")
    def _compute_map_url(self):
        for site in self:
            if site._has_coordinates():
                site.map_url = MAP_URL.format(
                    latitude=f"{site.latitude:.7f}",
                    longitude=f"{site.longitude:.7f}",
                )
            else:
                site.map_url = False

    @api.depends("license_ids")
    def _compute_license_count(self):
        counts = dict(
            self.env["security.site.license"]._read_group(
                domain=[("site_id", "in", self.ids)],
                groupby=["site_id"],
                aggregates=["__count"],
            )
        )
        for site in self:
            site.license_count = counts.get(site._origin, 0)

    @api.depends("license_ids.state")
    def _compute_license_state(self):
        for site in self:
            states = set(site.license_ids.mapped("state"))
            site.license_state = next(
                (state for state in ("expired", "expiring", "valid") if state in states),
                "none",
            )

    @api.depends("contract_ids")
    def _compute_contract_count(self):
        for site in self:
            site.contract_count = len(site.contract_ids)

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for site in self:
            if not -90 <= site.latitude <= 90:
                raise ValidationError(
                    self.env._(
                        "Latitude %(value)s of site %(site)s is invalid: "
                        "use a value between -90 and 90.",
                        value=site.latitude,
                        site=site.name,
                    )
                )
            if not -180 <= site.longitude <= 180:
                raise ValidationError(
                    self.env._(
                        "Longitude %(value)s of site %(site)s is invalid: "
                        "use a value between -180 and 180.",
                        value=site.longitude,
                        site=site.name,
                    )
                )
            if site.country_id.code == "SA" and site._has_coordinates():
                in_saudi_arabia = (
                    SAUDI_LATITUDE_RANGE[0] <= site.latitude <= SAUDI_LATITUDE_RANGE[1]
                    and SAUDI_LONGITUDE_RANGE[0] <= site.longitude <= SAUDI_LONGITUDE_RANGE[1]
                )
                if not in_saudi_arabia:
                    raise ValidationError(
                        self.env._(
                            "The GPS position %(latitude)s, %(longitude)s of site %(site)s "
                            "is outside Saudi Arabia, the country of its address. Enter "
                            "both values, latitude first: Riyadh is 24.7136, 46.6753.",
                            latitude=site.latitude,
                            longitude=site.longitude,
                            site=site.name,
                        )
                    )

    @api.constrains("country_id", "building_number", "zip", "additional_number")
    def _check_national_address(self):
        saudi_arabia = self.env.ref("base.sa", raise_if_not_found=False)
        for site in self.filtered(lambda site: site.country_id == saudi_arabia):
            for field_name, digits in NATIONAL_ADDRESS_DIGITS.items():
                value = site[field_name]
                if value and not (value.isascii() and value.isdigit() and len(value) == digits):
                    raise ValidationError(site._get_national_address_error(field_name, value))

    @api.constrains("partner_id")
    def _check_partner_is_security_client(self):
        for site in self:
            if not site.partner_id.is_security_client:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a security client: mark the partner "
                        "as a security client before adding site %(site)s.",
                        partner=site.partner_id.display_name,
                        site=site.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_contract_link_access(vals)
            self._normalize_national_address(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_contract_link_access(vals)
        self._normalize_national_address(vals)
        return super().write(vals)

    def action_open_map(self):
        self.ensure_one()
        self.check_access("read")
        if not self.map_url:
            raise UserError(
                self.env._(
                    "Site %(site)s has no GPS position: enter its latitude "
                    "and longitude first.",
                    site=self.name,
                )
            )
        return {
            "type": "ir.actions.act_url",
            "url": self.map_url,
            "target": "new",
        }

    def action_view_licenses(self):
        self.ensure_one()
        self.env["security.site.license"].check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_site_license_action"
        )
        action["domain"] = [("site_id", "=", self.id)]
        action["context"] = {"default_site_id": self.id}
        return action

    def action_view_contracts(self):
        self.ensure_one()
        self.env["security.contract"].check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_contract_action"
        )
        action["domain"] = [("site_ids", "in", self.ids)]
        action["context"] = {
            "default_partner_id": self.partner_id.id,
            "default_site_ids": self.ids,
        }
        return action

    def _get_national_address_error(self, field_name, value):
        self.ensure_one()
        if field_name == "building_number":
            return self.env._(
                "Building number %(value)s of site %(site)s is invalid: "
                "a Saudi building number has exactly 4 digits.",
                value=value,
                site=self.name,
            )
        if field_name == "zip":
            return self.env._(
                "Postal code %(value)s of site %(site)s is invalid: "
                "a Saudi postal code has exactly 5 digits.",
                value=value,
                site=self.name,
            )
        return self.env._(
            "Additional number %(value)s of site %(site)s is invalid: "
            "a Saudi additional number has exactly 4 digits.",
            value=value,
            site=self.name,
        )

    def _has_coordinates(self):
        self.ensure_one()
        return bool(self.latitude or self.longitude)

    @api.model
    def _normalize_national_address(self, vals):
        """Strip spaces and turn Arabic-Indic digits into ASCII digits in the
        digit-only parts of the national address, in place in ``vals``."""
        for field_name in NATIONAL_ADDRESS_DIGITS:
            if vals.get(field_name):
                vals[field_name] = str(vals[field_name]).translate(ARABIC_DIGITS).strip()

    @api.model
    def _check_contract_link_access(self, vals):
        """Raise AccessError unless the user may edit contracts, because
        linking a contract from the site side only checks access to the site."""
        if "contract_ids" in vals:
            self.env["security.contract"].check_access("write")

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Sites"),
                "template": "/security_guard_crm/static/xls/security_site_import_template.xlsx",
            }
        ]
