from . import test_install
from . import test_site
from . import test_site_license
