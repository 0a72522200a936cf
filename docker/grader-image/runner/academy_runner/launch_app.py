"""Runs the app under test as its own unprivileged process: copy, import, serve on loopback.

Runs in a child the supervisor forked before the job (already the app's user, in its fresh
writable scratch folder), once the job arrives.
Reports import failures as one JSON line on ACADEMY_EVENTS_FD (read by the supervisor)."""
import importlib
import json
import os
import sys

# Imported before the learner's code: it is the same work for every submission.
import fastapi  # noqa: F401
import uvicorn

from academy_runner.explain import (describe_import_exception, describe_missing_app, describe_syntax_error,
                                    import_exception_location, syntax_error_location)
from academy_runner.job import APP_HOST, APP_PORT
from academy_runner.sources import copy_sources

EXIT_IMPORT_ERROR = 3


def emit(event: dict) -> None:
    try:
        os.write(int(os.environ["ACADEMY_EVENTS_FD"]), (json.dumps(event) + "\n").encode())
    except OSError:
        pass


def load_app(workdir: str, entrypoint: str):
    sys.path.insert(0, workdir)
    module_name = entrypoint[:-3].replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as error:
        shown = os.path.relpath(error.filename, workdir) if error.filename else entrypoint
        emit({"event": "import-error", "kind": "syntax", "message": describe_syntax_error(error, shown),
              "location": syntax_error_location(error, shown)})
        raise SystemExit(EXIT_IMPORT_ERROR)
    except BaseException as error:  # the learner's module may raise anything, even SystemExit
        emit({"event": "import-error", "kind": "exception",
              "message": describe_import_exception(error, workdir, entrypoint),
              "location": import_exception_location(error, workdir)})
        raise SystemExit(EXIT_IMPORT_ERROR)
    app = getattr(module, "app", None)
    if app is None or not callable(app):
        emit({"event": "import-error", "kind": "no-app", "message": describe_missing_app(entrypoint)})
        raise SystemExit(EXIT_IMPORT_ERROR)
    return app


def main() -> None:
    workdir = os.getcwd()
    copy_sources(os.environ["ACADEMY_SOURCE_DIR"], workdir)
    app = load_app(workdir, os.environ["ACADEMY_ENTRYPOINT"])
    emit({"event": "imported"})
    config = uvicorn.Config(app, host=APP_HOST, port=APP_PORT, log_level="warning",
                            access_log=False, lifespan="auto", timeout_graceful_shutdown=1)
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()
