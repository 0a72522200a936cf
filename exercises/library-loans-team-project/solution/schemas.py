from datetime import date
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

Title = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Author = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Isbn = Annotated[str, StringConstraints(pattern=r"^\d{13}$")]
Year = Annotated[int, Field(ge=1450, le=2100)]
Copies = Annotated[int, Field(ge=1, le=50)]


class BookCreate(BaseModel):
    title: Title
    author: Author
    isbn: Isbn
    year: Year
    copies: Copies = 1


class BookUpdate(BaseModel):
    title: Title | None = None
    author: Author | None = None
    year: Year | None = None
    copies: Copies | None = None


class BookOut(BaseModel):
    id: int
    title: str
    author: str
    isbn: str
    year: int
    copies: int
    available: int


class MemberCreate(BaseModel):
    username: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{3,30}$")]
    password: Annotated[str, StringConstraints(min_length=8, max_length=64)]


class MemberOut(BaseModel):
    id: int
    username: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class LoanCreate(BaseModel):
    book_id: int


class LoanOut(BaseModel):
    id: int
    book_id: int
    member: str
    borrowed_on: date
    due_on: date
    returned_on: date | None
    renewals: int


class BookSort(str, Enum):
    id = "id"
    title = "title"
    title_desc = "-title"
    year = "year"
    year_desc = "-year"


class BookPage(BaseModel):
    items: list[BookOut]
    total: int
    limit: int
    offset: int


class BookStats(BaseModel):
    book_id: int
    loans_total: int
    on_loan: int
    available: int
    borrowers: int


class MemberSummary(BaseModel):
    open_loans: int
    returned_loans: int
    renewals: int
    next_due_on: date | None
