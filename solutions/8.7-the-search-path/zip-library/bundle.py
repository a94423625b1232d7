"""Pack a package into a zip archive that Python can import from."""

import os
import zipfile


def build(zip_path, package_dir):
    """Write a new zip file at zip_path holding the package folder package_dir, subpackages included.

    With zip_path on sys.path, `import <package>` must import it from the
    archive. Only .py files go in (no __pycache__, no other files); building
    again replaces the archive.
    """
    package_dir = os.path.abspath(package_dir)
    parent = os.path.dirname(package_dir)  # names inside the zip start with the package's own name
    with zipfile.ZipFile(zip_path, "w") as archive:
        for folder, subfolders, files in os.walk(package_dir):
            subfolders[:] = sorted(s for s in subfolders if s != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    archive.write(path, os.path.relpath(path, parent).replace(os.sep, "/"))
