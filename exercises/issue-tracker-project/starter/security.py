from typing import Annotated

import bcrypt
import jwt  # noqa: F401  (PyJWT: jwt.encode / jwt.decode / jwt.InvalidTokenError)
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from database import get_db
from models import User

SECRET_KEY = "dev-only-secret-change-me-0123456789abcdef"
ALGORITHM = "HS256"
ACCESS_TOKEN_MINUTES = 30

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    return bcrypt.checkpw(password.encode(), password_hash.encode())


def create_access_token(username: str) -> str:
    # TODO: a JWT (HS256, SECRET_KEY) with "sub" = username and "exp" = now + 30 minutes
    raise NotImplementedError


def authenticate(db: Session, username: str, password: str) -> User | None:
    user = db.scalar(select(User).where(User.username == username))
    if user is None or not verify_password(password, user.password_hash):
        return None
    return user


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)],
                     db: Annotated[Session, Depends(get_db)]) -> User:
    # TODO: decode the token (reject bad signatures and expired tokens), load the user
    #       named by "sub"; on any problem: 401 with WWW-Authenticate: Bearer
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, "could not validate credentials",
                        headers={"WWW-Authenticate": "Bearer"})


CurrentUser = Annotated[User, Depends(get_current_user)]
