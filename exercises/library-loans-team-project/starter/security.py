"""Milestone 2: passwords, tokens and the current member."""

SECRET_KEY = "library-dev-secret-change-me-0123456789"
ALGORITHM = "HS256"
ACCESS_TOKEN_MINUTES = 30


def hash_password(password: str) -> str:
    raise NotImplementedError("milestone 2: bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4))")


def verify_password(password: str, password_hash: str) -> bool:
    raise NotImplementedError("milestone 2")


def create_access_token(username: str) -> str:
    raise NotImplementedError("milestone 2: a JWT with sub and exp, signed with SECRET_KEY")
