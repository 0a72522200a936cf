import hashlib
import secrets
from itertools import count

from fastapi import FastAPI, HTTPException
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


class UserInDB(BaseModel):
    id: int
    username: str
    email: EmailStr
    full_name: str | None = None
    hashed_password: str
    api_token: str


# TODO: UserPublic (id, username, email, full_name) and UserSummary (username, full_name)


USERS: dict[int, UserInDB] = {}
_ids = count(1)


# TODO: response_model=UserPublic, status_code=201, 409 for a taken username
@app.post("/users")
def create_user(data: UserCreate):
    user = UserInDB(
        id=next(_ids),
        **data.model_dump(exclude={"password"}),
        hashed_password=hash_password(data.password),
        api_token=secrets.token_hex(16),
    )
    USERS[user.id] = user
    return user  # this leaks hashed_password and api_token!


@app.get("/users")
def list_users():
    return sorted(USERS.values(), key=lambda u: u.id)


@app.get("/users/{user_id}")
def read_user(user_id: int):
    user = USERS.get(user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return user


# TODO: GET /users/{user_id}/summary (UserSummary, leave out a null full_name)
# TODO: DELETE /users/{user_id} (204, empty body; 404 if unknown)
