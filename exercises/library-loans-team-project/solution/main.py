from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Response, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.orm import Session

import crud
from database import Base, engine, get_db
from models import Book, Loan, Member
from schemas import (BookCreate, BookOut, BookPage, BookSort, BookStats, BookUpdate, LoanCreate, LoanOut,
                     MemberCreate, MemberOut, MemberSummary, Token)
from security import CurrentMember, authenticate, create_access_token, hash_password

Base.metadata.create_all(engine)

app = FastAPI(title="Library loans")

Db = Annotated[Session, Depends(get_db)]


def find_book(db: Session, book_id: int) -> Book:
    book = db.get(Book, book_id)
    if book is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "book not found")
    return book


def find_own_loan(db: Session, loan_id: int, member: Member) -> Loan:
    loan = db.get(Loan, loan_id)
    if loan is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "loan not found")
    if loan.member_id != member.id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "not your loan")
    return loan


# Milestone 1: the catalogue

@app.post("/books", status_code=status.HTTP_201_CREATED, response_model=BookOut)
def create_book(data: BookCreate, db: Db):
    book = crud.create_book(db, data)
    if book is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "isbn already exists")
    return crud.book_out(db, book)


@app.get("/books", response_model=list[BookOut])
def list_books(db: Db):
    return [crud.book_out(db, book) for book in crud.list_books(db)]


@app.get("/books/search", response_model=BookPage)
def search_books(
    db: Db,
    q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    author: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    year_from: int | None = None,
    year_to: int | None = None,
    available: bool | None = None,
    sort: BookSort = BookSort.id,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    if year_from is not None and year_to is not None and year_from > year_to:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "year_from must not be after year_to")
    books, total = crud.search_books(db, q=q, author=author, year_from=year_from, year_to=year_to,
                                     available=available, sort=sort, limit=limit, offset=offset)
    return BookPage(items=[crud.book_out(db, book) for book in books], total=total, limit=limit, offset=offset)


@app.get("/books/{book_id}", response_model=BookOut)
def read_book(book_id: int, db: Db):
    return crud.book_out(db, find_book(db, book_id))


@app.patch("/books/{book_id}", response_model=BookOut)
def update_book(book_id: int, data: BookUpdate, db: Db):
    book = find_book(db, book_id)
    if data.copies is not None and data.copies < crud.open_loans_of_book(db, book.id):
        raise HTTPException(status.HTTP_409_CONFLICT, "copies cannot go below the copies on loan")
    crud.update_book(db, book, data)
    return crud.book_out(db, book)


@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int, db: Db):
    book = find_book(db, book_id)
    if crud.open_loans_of_book(db, book.id) > 0:
        raise HTTPException(status.HTTP_409_CONFLICT, "book has open loans")
    crud.delete_book(db, book)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# Milestone 2: members, tokens and loans

@app.post("/auth/register", status_code=status.HTTP_201_CREATED, response_model=MemberOut)
def register(data: MemberCreate, db: Db):
    member = crud.create_member(db, data.username, hash_password(data.password))
    if member is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "username already taken")
    return MemberOut(id=member.id, username=member.username)


@app.post("/auth/token", response_model=Token)
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()], db: Db):
    member = authenticate(db, form.username, form.password)
    if member is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "incorrect username or password",
                            headers={"WWW-Authenticate": "Bearer"})
    return Token(access_token=create_access_token(member.username))


@app.get("/members/me", response_model=MemberOut)
def read_me(member: CurrentMember):
    return MemberOut(id=member.id, username=member.username)


@app.post("/loans", status_code=status.HTTP_201_CREATED, response_model=LoanOut)
def borrow(data: LoanCreate, member: CurrentMember, db: Db):
    book = find_book(db, data.book_id)
    open_loans = crud.open_loans_of_member(db, member)
    if any(loan.book_id == book.id for loan in open_loans):
        raise HTTPException(status.HTTP_409_CONFLICT, "you already have this book")
    if len(open_loans) >= crud.MAX_OPEN_LOANS:
        raise HTTPException(status.HTTP_409_CONFLICT, "loan limit reached")
    if crud.book_out(db, book).available < 1:
        raise HTTPException(status.HTTP_409_CONFLICT, "no copy available")
    return crud.loan_out(crud.create_loan(db, book, member))


@app.get("/loans", response_model=list[LoanOut])
def list_loans(member: CurrentMember, db: Db):
    return [crud.loan_out(loan) for loan in crud.list_loans(db, member)]


@app.get("/loans/{loan_id}", response_model=LoanOut)
def read_loan(loan_id: int, member: CurrentMember, db: Db):
    return crud.loan_out(find_own_loan(db, loan_id, member))


@app.post("/loans/{loan_id}/return", response_model=LoanOut)
def return_loan(loan_id: int, member: CurrentMember, db: Db):
    loan = find_own_loan(db, loan_id, member)
    if loan.returned_on is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, "loan already returned")
    crud.return_loan(db, loan)
    return crud.loan_out(loan)


# Milestone 3: search, renewals and reports

@app.post("/loans/{loan_id}/renew", response_model=LoanOut)
def renew_loan(loan_id: int, member: CurrentMember, db: Db):
    loan = find_own_loan(db, loan_id, member)
    if loan.returned_on is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, "loan already returned")
    if loan.renewals >= crud.MAX_RENEWALS:
        raise HTTPException(status.HTTP_409_CONFLICT, "renewal limit reached")
    crud.renew_loan(db, loan)
    return crud.loan_out(loan)


@app.get("/books/{book_id}/stats", response_model=BookStats)
def read_book_stats(book_id: int, db: Db):
    return crud.book_stats(db, find_book(db, book_id))


@app.get("/members/me/summary", response_model=MemberSummary)
def read_my_summary(member: CurrentMember, db: Db):
    return crud.member_summary(db, member)
