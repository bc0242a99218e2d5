from odoo import api, models
from odoo.exceptions import AccessError

# Standard Odoo address fields, printed in this order when security.site
# defines them; the others are skipped.
SITE_ADDRESS_FIELDS = ("street", "street2", "city", "state_id", "zip", "country_id")


class ReportContractSummary(models.AbstractModel):
    _name = "report.security_guard_crm.report_contract_summary"
    _description = "Contract Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        # The report action's groups only hide the Print menu entry: the
        # report URL stays reachable, and the template prints payment terms.
        if not self.env.user.has_group("security_guard_crm.group_billing"):
            raise AccessError(
                self.env._("Only billing users and managers can print the contract summary.")
            )
        return {
            "doc_ids": docids,
            "doc_model": "security.contract",
            "docs": self.env["security.contract"].browse(docids),
            "get_site_address": self._format_site_address,
        }

    @api.model
    def _format_site_address(self, site):
        parts = []
        for field_name in SITE_ADDRESS_FIELDS:
            if field_name not in site._fields or not site[field_name]:
                continue
            value = site[field_name]
            parts.append(value.display_name if isinstance(value, models.BaseModel) else value)
        return ", ".join(parts)
