import pkgutil
import subprocess
import sys

import gaoku.core


def test_core_imports_no_django():
    modules = [m.name for m in pkgutil.walk_packages(gaoku.core.__path__, "gaoku.core.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
