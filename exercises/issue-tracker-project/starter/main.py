from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select
from sqlalchemy.orm import Session

from database import Base, engine, get_db
from models import Comment, Issue, User
from schemas import (AssignIn, CommentIn, CommentOut, IssueCreate, IssueOut, IssueUpdate,  # noqa: F401
                     StatusIn, Token, UserCreate, UserOut)
from security import CurrentUser, authenticate, create_access_token, hash_password

ALLOWED = {
    ("open", "in_progress"), ("open", "closed"),
    ("in_progress", "open"), ("in_progress", "closed"),
    ("closed", "open"),
}


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    yield


app = FastAPI(title="Issue tracker", lifespan=lifespan)
DB = Annotated[Session, Depends(get_db)]


def issue_out(issue: Issue) -> IssueOut:
    return IssueOut(id=issue.id, title=issue.title, description=issue.description, priority=issue.priority,
                    status=issue.status, reporter=issue.reporter.username,
                    assignee=issue.assignee.username if issue.assignee else None, created_at=issue.created_at)


def comment_out(comment: Comment) -> CommentOut:
    return CommentOut(id=comment.id, author=comment.author.username, body=comment.body,
                      created_at=comment.created_at)


def issue_or_404(db: Session, issue_id: int) -> Issue:
    issue = db.get(Issue, issue_id)
    if issue is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "issue not found")
    return issue


# ---------- auth ----------

@app.post("/auth/register", response_model=UserOut, status_code=status.HTTP_201_CREATED)
def register(body: UserCreate, db: DB):
    if db.scalar(select(User).where(User.username == body.username)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, "username already taken")
    user = User(username=body.username, password_hash=hash_password(body.password))
    db.add(user)
    db.commit()
    return user


@app.post("/auth/token", response_model=Token)
def token(form: Annotated[OAuth2PasswordRequestForm, Depends()], db: DB):
    user = authenticate(db, form.username, form.password)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "incorrect username or password",
                            headers={"WWW-Authenticate": "Bearer"})
    return Token(access_token=create_access_token(user.username))


@app.get("/users/me", response_model=UserOut)
def me(user: CurrentUser):
    return user


# ---------- issues ----------

@app.post("/issues", response_model=IssueOut, status_code=status.HTTP_201_CREATED)
def create_issue(body: IssueCreate, user: CurrentUser, db: DB):
    issue = Issue(**body.model_dump(), reporter_id=user.id)
    db.add(issue)
    db.commit()
    return issue_out(issue)


@app.get("/issues", response_model=list[IssueOut])
def list_issues(user: CurrentUser, db: DB):
    # TODO: filters status, priority, reporter, assignee
    return [issue_out(i) for i in db.scalars(select(Issue).order_by(Issue.id)).all()]


@app.get("/issues/{issue_id}", response_model=IssueOut)
def read_issue(issue_id: int, user: CurrentUser, db: DB):
    return issue_out(issue_or_404(db, issue_id))


# TODO: PATCH /issues/{issue_id} and DELETE /issues/{issue_id} (reporter only)

# TODO: PUT /issues/{issue_id}/assignee (reporter only)

# TODO: PUT /issues/{issue_id}/status (reporter or assignee; see ALLOWED and the README)

# TODO: POST and GET /issues/{issue_id}/comments
