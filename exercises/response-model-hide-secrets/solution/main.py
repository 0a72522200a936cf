import hashlib
import secrets
from itertools import count

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, EmailStr, Field

app = FastAPI(title="Users")


def hash_password(password: str) -> str:
    salt = secrets.token_hex(8)
    return salt + "$" + hashlib.sha256((salt + password).encode()).hexdigest()


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    email: EmailStr
    password: str = Field(min_length=8)
    full_name: str | None = None


class UserPublic(BaseModel):
    id: int
    username: str
    email: EmailStr
    full_name: str | None = None


class UserInDB(UserPublic):
    hashed_password: str
    api_token: str


class UserSummary(BaseModel):
    username: str
    full_name: str | None = None


USERS: dict[int, UserInDB] = {}
_ids = count(1)


def get_user(user_id: int) -> UserInDB:
    user = USERS.get(user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return user


@app.post("/users", response_model=UserPublic, status_code=201)
def create_user(data: UserCreate):
    if any(u.username == data.username for u in USERS.values()):
        raise HTTPException(status_code=409, detail="Username already taken")
    user = UserInDB(
        id=next(_ids),
        **data.model_dump(exclude={"password"}),
        hashed_password=hash_password(data.password),
        api_token=secrets.token_hex(16),
    )
    USERS[user.id] = user
    return user


@app.get("/users", response_model=list[UserPublic])
def list_users():
    return sorted(USERS.values(), key=lambda u: u.id)


@app.get("/users/{user_id}", response_model=UserPublic)
def read_user(user_id: int):
    return get_user(user_id)


@app.get("/users/{user_id}/summary", response_model=UserSummary, response_model_exclude_none=True)
def user_summary(user_id: int):
    return get_user(user_id)


@app.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: int):
    get_user(user_id)
    del USERS[user_id]
    return Response(status_code=204)
