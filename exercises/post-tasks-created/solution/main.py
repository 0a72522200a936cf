from itertools import count
from typing import Literal

from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel, Field

app = FastAPI(title="Tasks")


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=500)
    priority: Literal["low", "normal", "high"] = "normal"


class Task(TaskCreate):
    id: int
    done: bool = False


TASKS: dict[int, Task] = {}
_ids = count(1)


@app.post("/tasks", status_code=201, response_model=Task)
def create_task(data: TaskCreate, response: Response):
    task = Task(id=next(_ids), **data.model_dump())
    TASKS[task.id] = task
    response.headers["Location"] = f"/tasks/{task.id}"
    return task


@app.get("/tasks/{task_id}", response_model=Task)
def read_task(task_id: int):
    if task_id not in TASKS:
        raise HTTPException(status_code=404, detail="Task not found")
    return TASKS[task_id]
