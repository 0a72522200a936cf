"""Compiles the learner's Python files without running them, to report syntax errors exactly."""
import os

from academy_runner.explain import describe_syntax_error, syntax_error_location


def find_syntax_error(directory: str, names) -> dict | None:
    """The first file that does not compile, as {"message", "location"}; None when all do."""
    for name in sorted(names):
        if not name.endswith(".py"):
            continue
        path = os.path.join(directory, name)
        try:
            with open(path, "rb") as handle:
                source = handle.read()
            compile(source, name, "exec", dont_inherit=True)
        except SyntaxError as error:
            return {"message": describe_syntax_error(error, name), "location": syntax_error_location(error, name)}
        except (OSError, ValueError) as error:
            return {"message": f"{name} could not be read: {error}", "location": None}
    return None
