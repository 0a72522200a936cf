import math
import secrets
import time
from collections import defaultdict, deque
from typing import Annotated

import bcrypt
from fastapi import Depends, FastAPI, Header, HTTPException, Request, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, EmailStr, Field

ADMIN_API_KEY = "s3cr3t-admin-key"
MAX_BODY_BYTES = 4096
MAX_FAILURES = 5
WINDOW_SECONDS = 60

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
}

app = FastAPI(title="Hardened accounts", docs_url=None, redoc_url=None)

users: dict[str, dict] = {}                                   # username -> record with password_hash
sessions: dict[str, str] = {}                                 # token -> username
failures: defaultdict[str, deque[float]] = defaultdict(deque)  # username -> failure times


@app.middleware("http")
async def hardening(request: Request, call_next):
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        response = JSONResponse({"detail": "request body too large"}, status_code=413)
    else:
        response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


class UserIn(BaseModel):
    username: str = Field(min_length=3, max_length=30, pattern=r"^[a-zA-Z0-9_]+$")
    email: EmailStr
    password: str = Field(min_length=10, max_length=64)


class UserOut(BaseModel):
    username: str
    email: EmailStr


class LoginIn(BaseModel):
    username: str
    password: str


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


def verify_password(password: str, hashed: str) -> bool:
    return bcrypt.checkpw(password.encode(), hashed.encode())


def recent_failures(username: str) -> deque[float]:
    times = failures[username]
    now = time.monotonic()
    while times and now - times[0] >= WINDOW_SECONDS:
        times.popleft()
    return times


bearer = HTTPBearer(auto_error=False)


def current_user(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict:
    username = sessions.get(creds.credentials) if creds else None
    if username is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "not authenticated",
                            headers={"WWW-Authenticate": "Bearer"})
    return users[username]


def require_admin_key(x_api_key: Annotated[str, Header()] = "") -> None:
    if not secrets.compare_digest(x_api_key.encode(), ADMIN_API_KEY.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid API key")


@app.post("/users", status_code=201, response_model=UserOut)
def register(body: UserIn):
    if body.username in users:
        raise HTTPException(status.HTTP_409_CONFLICT, "username already taken")
    users[body.username] = {"username": body.username, "email": body.email,
                            "password_hash": hash_password(body.password)}
    return users[body.username]


@app.post("/login")
def login(body: LoginIn):
    times = recent_failures(body.username)
    if len(times) >= MAX_FAILURES:
        retry_after = max(1, math.ceil(WINDOW_SECONDS - (time.monotonic() - times[0])))
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "too many failed attempts",
                            headers={"Retry-After": str(retry_after)})
    user = users.get(body.username)
    if user is None or not verify_password(body.password, user["password_hash"]):
        times.append(time.monotonic())
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid credentials")
    times.clear()
    token = secrets.token_urlsafe(32)
    sessions[token] = body.username
    return {"access_token": token, "token_type": "bearer"}


@app.get("/me", response_model=UserOut)
def me(user: Annotated[dict, Depends(current_user)]):
    return user


@app.get("/admin/stats", dependencies=[Depends(require_admin_key)])
def admin_stats():
    return {"users": len(users)}
