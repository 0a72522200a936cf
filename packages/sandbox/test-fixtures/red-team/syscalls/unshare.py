import os

UNSHARE = {"x86_64": 272, "aarch64": 97}
SETNS = {"x86_64": 308, "aarch64": 268}
CLONE = {"x86_64": 56, "aarch64": 220}
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x00020000, 0x10000000, 0x20000000, 0x40000000
SIGCHLD = 17

# A user namespace needs no privilege from the kernel here: only seccomp stands in the way.
attempt("unshare(CLONE_NEWUSER)", UNSHARE, CLONE_NEWUSER)
attempt("unshare(CLONE_NEWUSER|CLONE_NEWNS|CLONE_NEWNET)", UNSHARE, CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET)
namespace = os.open("/proc/self/ns/user", os.O_RDONLY)
attempt("setns(own user namespace)", SETNS, namespace, 0)
pid = attempt("clone(CLONE_NEWUSER|CLONE_NEWPID)", CLONE, CLONE_NEWUSER | CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0)
if pid == 0:
    os._exit(0)  # the child of a clone that should never have happened
