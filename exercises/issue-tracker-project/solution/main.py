from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select
from sqlalchemy.orm import Session

from database import Base, engine, get_db
from models import Comment, Issue, User
from schemas import (AssignIn, CommentIn, CommentOut, IssueCreate, IssueOut, IssueUpdate, Priority,
                     Status, StatusIn, Token, UserCreate, UserOut)
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


def user_id(username: str):
    return select(User.id).where(User.username == username).scalar_subquery()


def require_reporter(issue: Issue, user: User, action: str) -> None:
    if issue.reporter_id != user.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"only the reporter can {action} this issue")


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
def list_issues(user: CurrentUser, db: DB, status: Status | None = None, priority: Priority | None = None,
                reporter: str | None = None, assignee: str | None = None):
    stmt = select(Issue).order_by(Issue.id)
    if status is not None:
        stmt = stmt.where(Issue.status == status)
    if priority is not None:
        stmt = stmt.where(Issue.priority == priority)
    if reporter is not None:
        stmt = stmt.where(Issue.reporter_id == user_id(reporter))
    if assignee is not None:
        stmt = stmt.where(Issue.assignee_id == user_id(assignee))
    return [issue_out(i) for i in db.scalars(stmt).all()]


@app.get("/issues/{issue_id}", response_model=IssueOut)
def read_issue(issue_id: int, user: CurrentUser, db: DB):
    return issue_out(issue_or_404(db, issue_id))


@app.patch("/issues/{issue_id}", response_model=IssueOut)
def update_issue(issue_id: int, body: IssueUpdate, user: CurrentUser, db: DB):
    issue = issue_or_404(db, issue_id)
    require_reporter(issue, user, "edit")
    for field, value in body.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(issue, field, value)
    db.commit()
    return issue_out(issue)


@app.delete("/issues/{issue_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_issue(issue_id: int, user: CurrentUser, db: DB):
    issue = issue_or_404(db, issue_id)
    require_reporter(issue, user, "delete")
    db.delete(issue)
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@app.put("/issues/{issue_id}/assignee", response_model=IssueOut)
def assign_issue(issue_id: int, body: AssignIn, user: CurrentUser, db: DB):
    issue = issue_or_404(db, issue_id)
    require_reporter(issue, user, "assign")
    if body.assignee is None:
        if issue.status == "in_progress":
            raise HTTPException(status.HTTP_409_CONFLICT, "an issue in progress needs an assignee")
        issue.assignee_id = None
    else:
        assignee = db.scalar(select(User).where(User.username == body.assignee))
        if assignee is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "user not found")
        issue.assignee_id = assignee.id
    db.commit()
    db.refresh(issue)
    return issue_out(issue)


@app.put("/issues/{issue_id}/status", response_model=IssueOut)
def change_status(issue_id: int, body: StatusIn, user: CurrentUser, db: DB):
    issue = issue_or_404(db, issue_id)
    if user.id not in (issue.reporter_id, issue.assignee_id):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the reporter or the assignee can change the status")
    if (issue.status, body.status) not in ALLOWED:
        raise HTTPException(status.HTTP_409_CONFLICT, f"cannot go from {issue.status} to {body.status}")
    if body.status == "in_progress" and issue.assignee_id is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "assign the issue before starting it")
    issue.status = body.status
    db.commit()
    return issue_out(issue)


# ---------- comments ----------

@app.post("/issues/{issue_id}/comments", response_model=CommentOut, status_code=status.HTTP_201_CREATED)
def add_comment(issue_id: int, body: CommentIn, user: CurrentUser, db: DB):
    issue = issue_or_404(db, issue_id)
    comment = Comment(issue_id=issue.id, author_id=user.id, body=body.body)
    db.add(comment)
    db.commit()
    return comment_out(comment)


@app.get("/issues/{issue_id}/comments", response_model=list[CommentOut])
def list_comments(issue_id: int, user: CurrentUser, db: DB):
    issue = issue_or_404(db, issue_id)
    return [comment_out(c) for c in issue.comments]
