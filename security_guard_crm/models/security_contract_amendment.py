from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SecurityContractAmendment(models.Model):
    _name = "security.contract.amendment"
    _description = "Contract Amendment"
    _inherit = ["mail.thread"]
    _order = "contract_id, date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number",
        required=True,
        copy=False,
        tracking=True,
        default=lambda self: self._default_name(),
        help="Number of the amendment within its contract. Left empty, the "
        "next number of the contract is used.",
    )
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
    partner_id = fields.Many2one(
        related="contract_id.partner_id",
        string="Client",
        store=True,
        index=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    summary = fields.Text(required=True, tracking=True)
    document_file = fields.Binary(
        string="Document",
        attachment=True,
        copy=False,
        help="Signed copy of the amendment.",
    )
    document_filename = fields.Char(copy=False)

    _sql_constraints = [
        (
            "name_contract_uniq",
            "unique(contract_id, name)",
            "An amendment with this number already exists on this contract.",
        ),
    ]

    def _default_name(self):
        contract = self.env["security.contract"].browse(self.env.context.get("default_contract_id"))
        return self._next_number(contract) if contract else False

    @api.onchange("contract_id")
    def _onchange_contract_id(self):
        """Number a new amendment after those already on the contract form,
        including the ones added there and not saved yet."""
        if not self.contract_id:
            return
        siblings = self.contract_id.amendment_ids - self
        if not self._origin or not self.name or self.name in siblings.mapped("name"):
            self.name = str(self._highest_number(siblings.mapped("name")) + 1)

    @api.model_create_multi
    def create(self, vals_list):
        next_numbers = {}
        for vals in vals_list:
            contract_id = vals.get("contract_id")
            if not vals.get("name") and contract_id:
                if contract_id not in next_numbers:
                    contract = self.env["security.contract"].browse(contract_id)
                    next_numbers[contract_id] = int(self._next_number(contract))
                vals["name"] = str(next_numbers[contract_id])
                next_numbers[contract_id] += 1
        self._raise_if_number_taken(
            [(vals.get("name"), vals.get("contract_id")) for vals in vals_list]
        )
        amendments = super().create(vals_list)
        # A log note needs no sender address, so users without an email
        # address can still record amendments.
        for amendment in amendments:
            amendment.contract_id._message_log(
                body=self.env._(
                    "Amendment %(number)s added: %(summary)s",
                    number=amendment.name,
                    summary=amendment.summary,
                )
            )
        return amendments

    def write(self, vals):
        if "name" in vals or "contract_id" in vals:
            self._raise_if_number_taken(
                [
                    (
                        vals.get("name", amendment.name),
                        vals.get("contract_id", amendment.contract_id.id),
                    )
                    for amendment in self
                ]
            )
        return super().write(vals)

    @api.model
    def _next_number(self, contract):
        """Return, as a string, the number after the highest numeric amendment
        number of ``contract``."""
        names = self.sudo().search([("contract_id", "=", contract.id)]).mapped("name")
        return str(self._highest_number(names) + 1)

    @api.model
    def _highest_number(self, names):
        return max((int(name) for name in names if name and name.isdigit()), default=0)

    def _raise_if_number_taken(self, numbers):
        """Raise a ValidationError naming the first amendment number already
        used on its contract.

        The SQL constraint gives the same protection, but its message cannot
        name the number, so this check runs first.

        :param numbers: list of (number, contract id) pairs to be saved on
            the records of ``self`` (none for a create)
        """
        seen = set()
        for number, contract_id in numbers:
            if not number or not contract_id:
                continue
            key = (number, contract_id)
            is_duplicate = key in seen or self.sudo().search_count(
                [
                    ("name", "=", number),
                    ("contract_id", "=", contract_id),
                    ("id", "not in", self.ids),
                ],
                limit=1,
            )
            if is_duplicate:
                contract = self.env["security.contract"].browse(contract_id)
                raise ValidationError(
                    self.env._(
                        "Contract %(reference)s already has an amendment number "
                        "%(number)s. Enter a different number, or leave it empty to "
                        "take the next one.",
                        reference=contract.sudo().name,
                        number=number,
                    )
                )
            seen.add(key)
