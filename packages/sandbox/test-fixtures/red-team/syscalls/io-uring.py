IO_URING_SETUP = {"x86_64": 425, "aarch64": 425}
IO_URING_ENTER = {"x86_64": 426, "aarch64": 426}
IO_URING_REGISTER = {"x86_64": 427, "aarch64": 427}

# io_uring is enabled on this kernel (kernel.io_uring_disabled = 0): only seccomp refuses it.
params = ctypes.create_string_buffer(120)  # struct io_uring_params, zeroed
attempt("io_uring_setup", IO_URING_SETUP, 8, params)
# On an fd that does not exist the kernel would answer EBADF: EPERM shows the filter answered first.
attempt("io_uring_enter", IO_URING_ENTER, 999, 1, 0, 0, None, 0)
attempt("io_uring_register", IO_URING_REGISTER, 999, 0, None, 0)
