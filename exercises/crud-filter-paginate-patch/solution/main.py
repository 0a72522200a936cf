from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

engine = create_engine("sqlite:///./tasks.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(500))
    priority: Mapped[int] = mapped_column(default=3)
    done: Mapped[bool] = mapped_column(default=False)


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=500)
    priority: int = Field(default=3, ge=1, le=5)
    done: bool = False


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=500)
    priority: int | None = Field(default=None, ge=1, le=5)
    done: bool | None = None

    @field_validator("title", "priority", "done")
    @classmethod
    def not_null(cls, value):
        # runs only for fields the client actually sent
        if value is None:
            raise ValueError("may not be null")
        return value


class TaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str | None
    priority: int
    done: bool


class TaskPage(BaseModel):
    items: list[TaskOut]
    total: int
    limit: int
    offset: int


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


DbSession = Annotated[Session, Depends(get_db)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    yield


app = FastAPI(title="Tasks", lifespan=lifespan)


def get_task_or_404(db: Session, task_id: int) -> Task:
    task = db.get(Task, task_id)
    if task is None:
        raise HTTPException(status_code=404, detail="Task not found")
    return task


SORTS = {
    "id": (Task.id.asc(),),
    "-id": (Task.id.desc(),),
    "priority": (Task.priority.asc(), Task.id.asc()),
    "-priority": (Task.priority.desc(), Task.id.asc()),
}


@app.post("/tasks", response_model=TaskOut, status_code=201)
def create_task(data: TaskCreate, db: DbSession):
    task = Task(**data.model_dump())
    db.add(task)
    db.commit()
    db.refresh(task)
    return task


@app.get("/tasks", response_model=TaskPage)
def list_tasks(
    db: DbSession,
    q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    done: bool | None = None,
    min_priority: Annotated[int | None, Query(ge=1, le=5)] = None,
    max_priority: Annotated[int | None, Query(ge=1, le=5)] = None,
    sort: Literal["id", "-id", "priority", "-priority"] = "id",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    if min_priority is not None and max_priority is not None and min_priority > max_priority:
        raise HTTPException(status_code=422, detail="min_priority cannot be greater than max_priority")
    conditions = []
    if q is not None:
        conditions.append(func.lower(Task.title).contains(q.lower(), autoescape=True))
    if done is not None:
        conditions.append(Task.done == done)
    if min_priority is not None:
        conditions.append(Task.priority >= min_priority)
    if max_priority is not None:
        conditions.append(Task.priority <= max_priority)
    total = db.scalar(select(func.count()).select_from(Task).where(*conditions))
    items = db.scalars(select(Task).where(*conditions).order_by(*SORTS[sort]).limit(limit).offset(offset)).all()
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@app.get("/tasks/{task_id}", response_model=TaskOut)
def read_task(task_id: int, db: DbSession):
    return get_task_or_404(db, task_id)


@app.patch("/tasks/{task_id}", response_model=TaskOut)
def update_task(task_id: int, data: TaskUpdate, db: DbSession):
    task = get_task_or_404(db, task_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(task, field, value)
    db.commit()
    db.refresh(task)
    return task


@app.delete("/tasks/{task_id}", status_code=204)
def delete_task(task_id: int, db: DbSession):
    task = get_task_or_404(db, task_id)
    db.delete(task)
    db.commit()
    return Response(status_code=204)
