"""The live server serves the addon with its demo data."""


def test_admin_reads_clients(admin_rpc):
    clients = admin_rpc.call_kw(
        "res.partner", "search_read", [[("is_security_client", "=", True)]], {"fields": ["name"]}
    )
    assert isinstance(clients, list)


def test_addon_installed(admin_rpc):
    modules = admin_rpc.call_kw(
        "ir.module.module",
        "search_read",
        [[("name", "=", "security_guard_crm")]],
        {"fields": ["state"]},
    )
    assert modules == [{"id": modules[0]["id"], "state": "installed"}]
