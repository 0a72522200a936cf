from fastapi import FastAPI

from database import Base, engine
import models  # noqa: F401  (registers the tables before create_all)

Base.metadata.create_all(engine)

app = FastAPI(title="Library loans")

# Milestone 1: POST/GET /books, GET/PATCH/DELETE /books/{book_id}
# Milestone 2: /auth/register, /auth/token, /members/me, /loans, /loans/{loan_id}, /loans/{loan_id}/return
# Milestone 3: /books/search, /loans/{loan_id}/renew, /books/{book_id}/stats, /members/me/summary
