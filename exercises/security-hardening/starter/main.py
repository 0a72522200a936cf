import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, EmailStr, Field

ADMIN_API_KEY = "s3cr3t-admin-key"
MAX_BODY_BYTES = 4096
MAX_FAILURES = 5
WINDOW_SECONDS = 60

app = FastAPI(title="Hardened accounts")   # TODO: no /docs or /redoc in this service

users: dict[str, dict] = {}     # username -> record
sessions: dict[str, str] = {}   # token -> username

# TODO: a middleware adding the security headers to every response
#       and refusing bodies larger than MAX_BODY_BYTES with 413


class UserIn(BaseModel):
    username: str = Field(min_length=3, max_length=30, pattern=r"^[a-zA-Z0-9_]+$")
    email: EmailStr
    password: str = Field(min_length=10, max_length=64)


class LoginIn(BaseModel):
    username: str
    password: str


# TODO: hash passwords with bcrypt (bcrypt.gensalt(rounds=4) keeps tests fast)

bearer = HTTPBearer(auto_error=False)


def current_user(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict:
    username = sessions.get(creds.credentials) if creds else None
    if username is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "not authenticated",
                            headers={"WWW-Authenticate": "Bearer"})
    return users[username]


def require_admin_key(x_api_key: Annotated[str, Header()] = "") -> None:
    if x_api_key != ADMIN_API_KEY:   # TODO: constant-time comparison
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid API key")


@app.post("/users", status_code=201)   # TODO: a response model without any password field
def register(body: UserIn):
    if body.username in users:
        raise HTTPException(status.HTTP_409_CONFLICT, "username already taken")
    users[body.username] = body.model_dump()   # TODO: never store the plain password
    return users[body.username]


@app.post("/login")
def login(body: LoginIn):
    # TODO: 429 + Retry-After after MAX_FAILURES failures within WINDOW_SECONDS
    user = users.get(body.username)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user")   # TODO: do not reveal this
    if user["password"] != body.password:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong password")
    token = secrets.token_urlsafe(32)
    sessions[token] = body.username
    return {"access_token": token, "token_type": "bearer"}


@app.get("/me")
def me(user: Annotated[dict, Depends(current_user)]):
    return user


@app.get("/admin/stats", dependencies=[Depends(require_admin_key)])
def admin_stats():
    return {"users": len(users)}
