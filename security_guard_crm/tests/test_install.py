from .common import SecurityGuardCase


class TestInstall(SecurityGuardCase):
    def test_groups_imply_chain(self):
        """A manager inherits every other role of the addon."""
        for group in ("group_operations", "group_billing", "group_custodian", "group_guard"):
            with self.subTest(group=group):
                self.assertTrue(self.user_manager.has_group(f"security_guard_crm.{group}"))

    def test_billing_is_not_operational(self):
        """Billing users are not part of the guard chain."""
        self.assertFalse(self.user_billing.has_group("security_guard_crm.group_guard"))

    def test_roles_are_selections_in_user_form(self):
        """Each role category is one selection in the user form, visible without debug mode."""
        kinds = {
            app.get_external_id()[app.id]: kind
            for app, kind, _groups, _category in self.env["res.groups"].get_groups_by_application()
            if app
        }
        for category in ("role", "billing", "custody"):
            with self.subTest(category=category):
                xml_id = f"security_guard_crm.module_category_security_guarding_{category}"
                self.assertEqual(kinds.get(xml_id), "selection")
