"""In-process mode: notices the obvious ways learner code could patch the test run into passing.
Snapshots key pytest and runner callables before learner code loads, and compares them later.
A determined submission can still defeat this (it shares the interpreter); it stops the easy ones."""
import builtins
import os

import _pytest.python
import _pytest.runner
from _pytest.reports import TestReport


def _targets() -> dict:
    from academy_runner import plugin, results, summaries
    return {
        "Function.runtest": (_pytest.python.Function, "runtest"),
        "pytest_pyfunc_call": (_pytest.python, "pytest_pyfunc_call"),
        "call_and_report": (_pytest.runner, "call_and_report"),
        "runtestprotocol": (_pytest.runner, "runtestprotocol"),
        "call_runtest_hook": (_pytest.runner, "call_runtest_hook"),
        "CallInfo.from_call": (_pytest.runner.CallInfo, "from_call"),
        "TestReport.from_item_and_call": (TestReport, "from_item_and_call"),
        "runner.pytest_runtest_makereport": (_pytest.runner, "pytest_runtest_makereport"),
        "ResultsWriter.emit": (results.ResultsWriter, "emit"),
        "plugin._emit": (plugin, "_emit"),
        "plugin.hidden_message": (plugin, "hidden_message"),
        "plugin.visible_message": (plugin, "visible_message"),
        "summaries.summarize_exception": (summaries, "summarize_exception"),
        "os.write": (os, "write"),
        "builtins.AssertionError": (builtins, "AssertionError"),
    }


class IntegrityCheck:
    def __init__(self, emit) -> None:
        self._targets = _targets()

        def report(changed: list) -> None:  # the writer's method bound now: patching the class later cannot silence it
            emit({"event": "tampered", "what": changed[:10]})
        self.report = report
        self._originals = {name: owner.__dict__.get(attr) for name, (owner, attr) in self._targets.items()}

    def check(self) -> None:
        changed = [name for name, (owner, attr) in self._targets.items()
                   if owner.__dict__.get(attr) is not self._originals[name]]
        if changed:
            self.report(changed)
