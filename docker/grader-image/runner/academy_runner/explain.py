"""Learner-readable explanations of why code could not be imported, each with the place in the
learner's files it points to (the report's `errorLocation`: {"file", "line"}, or None)."""
import traceback


def syntax_error_location(error: SyntaxError, display_name: str) -> dict | None:
    return {"file": display_name, "line": error.lineno} if error.lineno else None


def describe_syntax_error(error: SyntaxError, display_name: str) -> str:
    where = f"{display_name}, line {error.lineno}" if error.lineno else display_name
    text = f"SyntaxError in {where}: {error.msg}"
    if error.text:
        text += "\n    " + error.text.rstrip("\n").strip()
    return text


def import_exception_location(error: BaseException, learner_dir: str) -> dict | None:
    """The learner's own line that raised (the innermost frame in their files), without any grader frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(learner_dir + "/")]
    if not frames or not frames[-1].lineno:
        return None
    return {"file": frames[-1].filename[len(learner_dir) + 1:], "line": frames[-1].lineno}


def describe_import_exception(error: BaseException, learner_dir: str, entrypoint: str) -> str:
    location = import_exception_location(error, learner_dir)
    where = f" ({location['file']}, line {location['line']})" if location else ""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    summary = type(error).__name__ + (f": {message}" if message else "")
    return f"importing {entrypoint} raised {summary}{where}"[:1000]


def describe_missing_app(entrypoint: str) -> str:
    return (f"your app defines no `app`: {entrypoint} must create it at module level, "
            "e.g. `app = FastAPI()`")
