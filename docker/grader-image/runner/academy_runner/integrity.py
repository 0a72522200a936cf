"""In-process mode: notices the ways learner code could patch the test run into passing. Snapshots,
before learner code loads, the namespaces a verdict passes through (pytest's runner and reports,
pluggy's hook calling, this runner's plugin and results channel) and the hook implementations that
see each report; the results channel compares them before every event it sends. A determined
submission can still defeat this (it shares the interpreter); it stops the easy ones."""
import builtins
import os
import sys

import _pytest.config
import _pytest.python
import _pytest.reports
import _pytest.runner
import pluggy._callers
import pluggy._hooks
import pluggy._manager

# Hooks whose implementations decide or carry a verdict: a plugin added, removed or changed there
# could rewrite reports before the runner reads them.
VERDICT_HOOKS = ("pytest_runtest_makereport", "pytest_runtest_logreport", "pytest_runtest_protocol",
                 "pytest_runtest_call", "pytest_pyfunc_call", "pytest_collectreport", "pytest_collection_finish",
                 "pytest_sessionfinish")
# Names pytest adds to these classes during a run (once per class, on its first node).
SET_BY_PYTEST = frozenset({"_pytest_diamond_inheritance_warning_shown"})


def _namespaces() -> dict:
    from academy_runner import plugin, results, summaries
    return {
        "Function": _pytest.python.Function, "python": _pytest.python, "runner": _pytest.runner,
        "CallInfo": _pytest.runner.CallInfo, "BaseReport": _pytest.reports.BaseReport,
        "TestReport": _pytest.reports.TestReport, "reports": _pytest.reports,
        "HookCaller": pluggy._hooks.HookCaller, "HookImpl": pluggy._hooks.HookImpl,
        "PluginManager": pluggy._manager.PluginManager, "PytestPluginManager": _pytest.config.PytestPluginManager,
        "HookRelay": pluggy._hooks.HookRelay, "callers": pluggy._callers, "hooks": pluggy._hooks,
        "plugin": plugin, "results": results, "summaries": summaries,
        # The comparison and the channel call builtins (len, any, type) and this module's helpers.
        "builtins": builtins, "integrity": sys.modules[__name__],
    }


def _hook_state(hook) -> tuple:
    """Flat, so that it compares item by item with `is`."""
    state = [hook, hook._hookexec]
    for impl in hook._hookimpls:
        state += [impl, impl.function, impl.plugin, impl.wrapper, impl.hookwrapper, impl.tryfirst, impl.trylast]
    return tuple(state)


def _differs(a: tuple, b: tuple) -> bool:
    return len(a) != len(b) or any(x is not y for x, y in zip(a, b))


def take_snapshot(pluginmanager):
    """Returns the comparison: a function listing what changed since now (empty when nothing did)."""
    namespaces = [(label, owner.__dict__, dict(owner.__dict__)) for label, owner in _namespaces().items()]
    singles = [("os.write", os.__dict__, "write")]
    single_values = [namespace.get(attr) for _, namespace, attr in singles]
    manager_state = dict(pluginmanager.__dict__)
    relay = pluginmanager.hook
    hooks = {name: _hook_state(getattr(relay, name)) for name in VERDICT_HOOKS}

    def changes() -> list:
        changed = []
        for label, live, original in namespaces:
            changed += [f"{label}.{name}" for name, value in original.items() if live.get(name) is not value]
            if len(live) != len(original):
                changed += [f"{label}.{name}" for name in list(live) if name not in original and name not in SET_BY_PYTEST]
        changed += [label for (label, namespace, attr), value in zip(singles, single_values)
                    if namespace.get(attr) is not value]
        changed += [f"pluginmanager.{name}" for name, value in manager_state.items()
                    if pluginmanager.__dict__.get(name) is not value]
        if changed:  # reading the hooks below goes through classes that may now be learner code
            return changed
        relay_now = pluginmanager.hook.__dict__
        return [name for name, state in hooks.items()
                if relay_now.get(name) is not state[0] or _differs(_hook_state(state[0]), state)]
    return changes
