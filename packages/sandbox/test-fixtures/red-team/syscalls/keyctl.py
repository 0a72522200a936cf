KEYCTL = {"x86_64": 250, "aarch64": 219}
ADD_KEY = {"x86_64": 248, "aarch64": 217}
REQUEST_KEY = {"x86_64": 249, "aarch64": 218}
KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, KEY_SPEC_SESSION_KEYRING = 0, -2, -3

# The kernel keyring is shared by the whole host and not namespaced: nothing to leave or find there.
attempt("keyctl(KEYCTL_GET_KEYRING_ID, session)", KEYCTL, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 1)
attempt("add_key(user)", ADD_KEY, b"user", b"academy-red-team", b"secret", 6, KEY_SPEC_PROCESS_KEYRING)
attempt("request_key(user)", REQUEST_KEY, b"user", b"academy-red-team", None, 0)
