"""Compiles the learner's Python files without running them, to report syntax errors exactly."""
import os

from academy_runner.explain import describe_syntax_error


def find_syntax_error(directory: str, names) -> str | None:
    for name in sorted(names):
        if not name.endswith(".py"):
            continue
        path = os.path.join(directory, name)
        try:
            with open(path, "rb") as handle:
                source = handle.read()
            compile(source, name, "exec", dont_inherit=True)
        except SyntaxError as error:
            return describe_syntax_error(error, name)
        except (OSError, ValueError) as error:
            return f"{name} could not be read: {error}"
    return None
