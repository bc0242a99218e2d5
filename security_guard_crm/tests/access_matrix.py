"""Model rights of the addon per role, shared by the ORM, JSON-RPC and live-server tests.

R read, W write, C create, D delete (unlink). "employee" is a plain internal
user (base.group_user) without any role of the addon. docs/access.md shows the
same table.
"""

ACCESS_MATRIX = {
    "security.tag": {
        "guard": "R",
        "supervisor": "R",
        "operations": "RWC",
        "billing": "RWC",
        "custodian": "R",
        "manager": "RWCD",
        "employee": "",
    },
    "security.license.type": {
        "guard": "R",
        "supervisor": "R",
        "operations": "R",
        "billing": "",
        "custodian": "R",
        "manager": "RWCD",
        "employee": "",
    },
    "security.site": {
        "guard": "R",
        "supervisor": "R",
        "operations": "RWC",
        "billing": "R",
        "custodian": "R",
        "manager": "RWCD",
        "employee": "",
    },
    "security.site.license": {
        "guard": "R",
        "supervisor": "R",
        "operations": "RWCD",
        "billing": "",
        "custodian": "R",
        "manager": "RWCD",
        "employee": "",
    },
    "security.contract": {
        "guard": "",
        "supervisor": "",
        "operations": "R",
        "billing": "RWC",
        "custodian": "",
        "manager": "RWCD",
        "employee": "",
    },
    "security.contract.amendment": {
        "guard": "",
        "supervisor": "",
        "operations": "R",
        "billing": "RWCD",
        "custodian": "",
        "manager": "RWCD",
        "employee": "",
    },
}
