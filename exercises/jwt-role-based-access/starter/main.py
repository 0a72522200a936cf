from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

import bcrypt
import jwt
from fastapi import Depends, FastAPI, HTTPException, Response, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

SECRET_KEY = "academy-rbac-secret"
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 30

Role = Literal["viewer", "editor", "admin"]

app = FastAPI(title="Articles with roles")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


def verify_password(password: str, hashed: str) -> bool:
    return bcrypt.checkpw(password.encode(), hashed.encode())


# username -> {"username", "role", "hashed_password"}
users_db: dict[str, dict] = {
    "admin": {"username": "admin", "role": "admin", "hashed_password": hash_password("admin-pass-123")},
}
articles_db: dict[int, dict] = {}
next_article_id = 1


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30, pattern=r"^[a-z0-9_]+$")
    password: str = Field(min_length=8, max_length=72)


class UserPublic(BaseModel):
    username: str
    role: Role


class RoleUpdate(BaseModel):
    role: Role


class ArticleCreate(BaseModel):
    title: str = Field(min_length=1, max_length=100)


class Article(BaseModel):
    id: int
    title: str
    author: str


class Token(BaseModel):
    access_token: str
    token_type: str


def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    credentials_error = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        raise credentials_error
    username = payload.get("sub")
    if not isinstance(username, str) or username not in users_db:
        raise credentials_error
    return users_db[username]


# TODO: write a reusable dependency that lets only some roles through and answers
# 403 {"detail": "Not enough permissions"} for everybody else, e.g. a class
# RoleChecker("editor", "admin") whose __call__ depends on get_current_user.
# Missing/invalid tokens must still give 401 (get_current_user runs first).

CurrentUser = Annotated[dict, Depends(get_current_user)]


@app.post("/users", response_model=UserPublic, status_code=201)
def register(user: UserCreate):
    if user.username in users_db:
        raise HTTPException(status_code=409, detail="Username already registered")
    users_db[user.username] = {
        "username": user.username,
        "role": "viewer",
        "hashed_password": hash_password(user.password),
    }
    return users_db[user.username]


@app.post("/token", response_model=Token)
def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = users_db.get(form_data.username)
    if user is None or not verify_password(form_data.password, user["hashed_password"]):
        raise HTTPException(
            status_code=401,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    expire = datetime.now(UTC) + timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)
    token = jwt.encode({"sub": user["username"], "exp": expire}, SECRET_KEY, algorithm=ALGORITHM)
    return {"access_token": token, "token_type": "bearer"}


@app.get("/users/me", response_model=UserPublic)
def read_me(user: CurrentUser):
    return user


@app.get("/articles", response_model=list[Article])
def list_articles(user: CurrentUser):
    return list(articles_db.values())


@app.post("/articles", response_model=Article, status_code=201)
def create_article(article: ArticleCreate, user: CurrentUser):  # TODO: editors and admins only
    global next_article_id
    new = {"id": next_article_id, "title": article.title, "author": user["username"]}
    articles_db[next_article_id] = new
    next_article_id += 1
    return new


@app.delete("/articles/{article_id}", status_code=204)
def delete_article(article_id: int, user: CurrentUser):  # TODO: admins only
    if article_id not in articles_db:
        raise HTTPException(status_code=404, detail="Article not found")
    del articles_db[article_id]
    return Response(status_code=204)


@app.put("/admin/users/{username}/role", response_model=UserPublic)
def set_role(username: str, update: RoleUpdate, user: CurrentUser):
    # TODO: admins only; 404 {"detail": "User not found"} for an unknown user,
    # otherwise change the user's role and return {"username", "role"}
    raise HTTPException(status_code=501, detail="Not implemented")
