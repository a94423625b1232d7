"""Pack a package into a zip archive that Python can import from."""

import os  # noqa: F401  (you will need it)
import zipfile  # noqa: F401


def build(zip_path, package_dir):
    """Write a new zip file at zip_path holding the package folder package_dir, subpackages included.

    With zip_path on sys.path, `import <package>` must import it from the
    archive. Only .py files go in (no __pycache__, no other files); building
    again replaces the archive.
    """
    raise NotImplementedError
