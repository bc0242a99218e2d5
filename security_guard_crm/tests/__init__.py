from . import test_install
from . import test_contract
from . import test_amendment
