import os

BPF = {"x86_64": 321, "aarch64": 280}
PERF_EVENT_OPEN = {"x86_64": 298, "aarch64": 241}
PTRACE = {"x86_64": 101, "aarch64": 117}
PROCESS_VM_READV = {"x86_64": 310, "aarch64": 270}
MOUNT = {"x86_64": 165, "aarch64": 40}
UMOUNT2 = {"x86_64": 166, "aarch64": 39}
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}
BPF_MAP_CREATE, PTRACE_TRACEME = 0, 0

attr = ctypes.create_string_buffer(128)  # struct bpf_attr / perf_event_attr, zeroed
attempt("bpf(BPF_MAP_CREATE)", BPF, BPF_MAP_CREATE, attr, 128)
ctypes.memmove(attr, (1).to_bytes(4, "little") + (128).to_bytes(4, "little"), 8)  # PERF_TYPE_SOFTWARE, size
attempt("perf_event_open(software clock, self)", PERF_EVENT_OPEN, attr, 0, -1, -1, 0)
# Both are allowed by the kernel on one's own process: only seccomp refuses them.
attempt("ptrace(PTRACE_TRACEME)", PTRACE, PTRACE_TRACEME, 0, 0, 0)
local = (ctypes.c_char * 8)()
iovec = (ctypes.c_void_p * 2)(ctypes.addressof(local), 8)
attempt("process_vm_readv(self)", PROCESS_VM_READV, os.getpid(), iovec, 1, iovec, 1, 0)
attempt("mount(tmpfs)", MOUNT, b"none", b"/scratch/app", b"tmpfs", 0, None)
attempt("umount2(/scratch/app)", UMOUNT2, b"/scratch/app", 0)
attempt("pivot_root", PIVOT_ROOT, b"/scratch/app", b"/scratch/app")
