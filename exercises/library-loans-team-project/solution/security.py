from datetime import UTC, datetime, timedelta
from typing import Annotated

import bcrypt
import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from database import get_db
from models import Member

SECRET_KEY = "library-dev-secret-change-me-0123456789"
ALGORITHM = "HS256"
ACCESS_TOKEN_MINUTES = 30

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    return bcrypt.checkpw(password.encode(), password_hash.encode())


def create_access_token(username: str) -> str:
    expires = datetime.now(UTC) + timedelta(minutes=ACCESS_TOKEN_MINUTES)
    return jwt.encode({"sub": username, "exp": expires}, SECRET_KEY, algorithm=ALGORITHM)


def authenticate(db: Session, username: str, password: str) -> Member | None:
    member = db.scalar(select(Member).where(Member.username == username))
    if member is None or not verify_password(password, member.password_hash):
        return None
    return member


def get_current_member(token: Annotated[str, Depends(oauth2_scheme)],
                       db: Annotated[Session, Depends(get_db)]) -> Member:
    unauthorized = HTTPException(status.HTTP_401_UNAUTHORIZED, "could not validate credentials",
                                 headers={"WWW-Authenticate": "Bearer"})
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        raise unauthorized
    username = payload.get("sub")
    member = db.scalar(select(Member).where(Member.username == username)) if username else None
    if member is None:
        raise unauthorized
    return member


CurrentMember = Annotated[Member, Depends(get_current_member)]
