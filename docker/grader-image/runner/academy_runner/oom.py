"""Counts the container's OOM kills (cgroup v2 memory.events or v1 memory.oom_control)."""

SOURCES = ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")


def read_oom_kills() -> int:
    for path in SOURCES:
        try:
            with open(path, encoding="ascii") as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except OSError:
            continue
    return 0
