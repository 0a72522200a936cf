"""Learner-readable explanations of why code could not be imported."""
import traceback


def describe_syntax_error(error: SyntaxError, display_name: str) -> str:
    where = f"{display_name}, line {error.lineno}" if error.lineno else display_name
    text = f"SyntaxError in {where}: {error.msg}"
    if error.text:
        text += "\n    " + error.text.rstrip("\n").strip()
    return text


def describe_import_exception(error: BaseException, learner_dir: str, entrypoint: str) -> str:
    """Names the learner's own line that raised, without any grader frames."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(learner_dir + "/")]
    where = ""
    if frames:
        last = frames[-1]
        where = f" ({last.filename[len(learner_dir) + 1:]}, line {last.lineno})"
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    summary = type(error).__name__ + (f": {message}" if message else "")
    return f"importing {entrypoint} raised {summary}{where}"[:1000]


def describe_missing_app(entrypoint: str) -> str:
    return (f"your app defines no `app`: {entrypoint} must create it at module level, "
            "e.g. `app = FastAPI()`")
