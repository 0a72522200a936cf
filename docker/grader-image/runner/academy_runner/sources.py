"""Copies the code under test into a writable scratch folder, leaving out startup-changing files."""
import os
import shutil

from academy_runner.job import is_stripped


def copy_sources(source_dir: str, target_dir: str) -> None:
    for root, _dirs, files in os.walk(source_dir):
        relative = os.path.relpath(root, source_dir)
        for name in files:
            rel_name = os.path.normpath(os.path.join(relative, name))
            if is_stripped(rel_name):
                continue
            destination = os.path.join(target_dir, rel_name)
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            shutil.copyfile(os.path.join(root, name), destination)
