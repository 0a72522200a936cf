from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="Tasks")


class TaskCreate(BaseModel):
    # TODO: title 1..100 chars, description default "" (max 500),
    #       priority "low" | "normal" | "high" (default "normal")
    title: str


class Task(TaskCreate):
    id: int
    done: bool = False


TASKS: dict[int, Task] = {}
_ids = count(1)


# TODO: answer 201 and set the Location header to /tasks/<id>
@app.post("/tasks", response_model=Task)
def create_task(data: TaskCreate):
    task = Task(id=next(_ids), **data.model_dump())
    TASKS[task.id] = task
    return task


@app.get("/tasks/{task_id}", response_model=Task)
def read_task(task_id: int):
    if task_id not in TASKS:
        raise HTTPException(status_code=404, detail="Task not found")
    return TASKS[task_id]
