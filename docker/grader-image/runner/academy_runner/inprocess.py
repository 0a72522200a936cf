"""Isolation `in-process`: the tests import the learner's code. Every test file is read and
compiled (with pytest's assertion rewriting) before the learner's code exists in the process,
then the guard closes file access to the tests and the runner."""
import importlib
import os
import sys
import types

import pytest
from _pytest.assertion.rewrite import rewrite_asserts
from _pytest.outcomes import Skipped

from academy_runner.explain import (describe_import_exception, describe_missing_app, describe_syntax_error,
                                    import_exception_location, syntax_error_location)
from academy_runner.guard import install_guard
from academy_runner.sources import copy_sources

PRELOADED: dict = {}
# Collection failures caused by the learner's code, by test module: {"message", "location"}.
IMPORT_FAILURES: dict = {}


def _preload_tests(config, test_dirs) -> None:
    import ast
    import linecache
    for directory in test_dirs:
        for root, _dirs, files in os.walk(directory["path"]):
            for name in sorted(files):
                if not name.endswith(".py"):
                    continue
                path = os.path.join(root, name)
                with open(path, "rb") as handle:
                    source = handle.read()
                tree = ast.parse(source, filename=path)
                rewrite_asserts(tree, source, path, config)
                PRELOADED[path] = compile(tree, path, "exec", dont_inherit=True)
                if directory["visibility"] == "visible":
                    # Failure messages of visible tests quote their lines; the file itself is closed by the guard.
                    lines = source.decode("utf-8", "replace").splitlines(keepends=True)
                    linecache.cache[path] = (len(source), None, lines, path)


def prepare(config, test_dirs, workdir: str, protected, sealed) -> None:
    _preload_tests(config, test_dirs)
    copy_sources(os.environ["ACADEMY_SOURCE_DIR"], workdir)
    sys.path.insert(0, workdir)
    install_guard(protected, sealed)


def describe_learner_failure(error: BaseException, workdir: str, entrypoint: str) -> dict:
    if isinstance(error, SyntaxError) and error.filename and error.filename.startswith(workdir):
        shown = os.path.relpath(error.filename, workdir)
        return {"message": describe_syntax_error(error, shown), "location": syntax_error_location(error, shown)}
    if isinstance(error, ImportError) and "cannot import name 'app'" in str(error):
        return {"message": describe_missing_app(entrypoint), "location": None}
    return {"message": describe_import_exception(error, workdir, entrypoint),
            "location": import_exception_location(error, workdir)}


class PreloadedModule(pytest.Module):
    """A test module executed from the code compiled before learner code was loaded."""

    def _getobj(self):
        path = str(self.path)
        name = "academy_tests." + os.path.relpath(path, "/").replace("/", ".")[:-3]
        module = types.ModuleType(name)
        module.__file__ = path
        sys.modules[name] = module
        try:
            exec(PRELOADED[path], module.__dict__)
        except Skipped as skip:
            if skip.allow_module_level:
                raise
            raise self.CollectError("pytest.skip outside a test") from skip
        except BaseException as error:
            failure = describe_learner_failure(error, os.getcwd(), os.environ["ACADEMY_ENTRYPOINT"])
            IMPORT_FAILURES[self.nodeid] = failure
            raise self.CollectError(failure["message"]) from error
        return module


def load_learner_app(entrypoint: str):
    module = importlib.import_module(entrypoint[:-3].replace("/", "."))
    app = getattr(module, "app", None)
    if app is None:
        raise LookupError(describe_missing_app(entrypoint))
    return app
