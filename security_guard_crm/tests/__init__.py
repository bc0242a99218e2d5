from . import test_install
from . import test_site
from . import test_site_license
from . import test_identifiers
from . import test_partner
from . import test_tag
from . import test_access
from . import test_access_http
