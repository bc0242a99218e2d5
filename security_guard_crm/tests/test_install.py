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
