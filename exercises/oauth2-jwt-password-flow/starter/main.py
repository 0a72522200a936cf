from datetime import UTC, datetime, timedelta
from typing import Annotated

import bcrypt
import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

SECRET_KEY = "fastapi-academy-secret"
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 30

app = FastAPI(title="Login with JWT")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")

# username -> {"username", "full_name", "hashed_password"}
users_db: dict[str, dict] = {}


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30, pattern=r"^[a-z0-9_]+$")
    password: str = Field(min_length=8, max_length=72)
    full_name: str | None = Field(default=None, max_length=100)


class UserPublic(BaseModel):
    username: str
    full_name: str | None = None


class Token(BaseModel):
    access_token: str
    token_type: str


def hash_password(password: str) -> str:
    # TODO: hash with bcrypt (bcrypt.hashpw + bcrypt.gensalt(rounds=4)); never store plain text
    return password


def verify_password(password: str, hashed: str) -> bool:
    # TODO: check with bcrypt.checkpw
    return password == hashed


def create_access_token(username: str) -> str:
    # TODO: encode {"sub": username, "exp": now + 30 minutes} with SECRET_KEY and HS256
    raise NotImplementedError


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    # TODO: decode the token, reject bad/expired tokens and unknown users with
    # 401 "Could not validate credentials" and the header WWW-Authenticate: Bearer
    raise HTTPException(status_code=501, detail="Not implemented")


@app.post("/users", response_model=UserPublic, status_code=status.HTTP_201_CREATED)
def register(user: UserCreate):
    if user.username in users_db:
        raise HTTPException(status_code=409, detail="Username already registered")
    users_db[user.username] = {
        "username": user.username,
        "full_name": user.full_name,
        "hashed_password": hash_password(user.password),
    }
    return users_db[user.username]


@app.post("/token", response_model=Token)
def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    # TODO: check the username and password, answer 401 on failure,
    # return {"access_token": ..., "token_type": "bearer"} on success
    raise HTTPException(status_code=501, detail="Not implemented")


@app.get("/users/me", response_model=UserPublic)
def read_me(current_user: Annotated[dict, Depends(get_current_user)]):
    return current_user
