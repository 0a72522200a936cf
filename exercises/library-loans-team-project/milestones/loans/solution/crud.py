from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Book, Loan, Member
from schemas import BookCreate, BookOut, BookUpdate, LoanOut

LOAN_DAYS = 14
MAX_OPEN_LOANS = 3


def open_loans_of_book(db: Session, book_id: int) -> int:
    return db.scalar(select(func.count()).where(Loan.book_id == book_id, Loan.returned_on.is_(None))) or 0


def book_out(db: Session, book: Book) -> BookOut:
    available = book.copies - open_loans_of_book(db, book.id)
    return BookOut(id=book.id, title=book.title, author=book.author, isbn=book.isbn, year=book.year,
                   copies=book.copies, available=available)


def create_book(db: Session, data: BookCreate) -> Book | None:
    """None when the ISBN is taken."""
    book = Book(**data.model_dump())
    db.add(book)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        return None
    return book


def list_books(db: Session) -> list[Book]:
    return list(db.scalars(select(Book).order_by(Book.id)))


def update_book(db: Session, book: Book, data: BookUpdate) -> None:
    for field, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(book, field, value)
    db.commit()


def delete_book(db: Session, book: Book) -> None:
    db.delete(book)
    db.commit()


def create_member(db: Session, username: str, password_hash: str) -> Member | None:
    """None when the username is taken."""
    member = Member(username=username, password_hash=password_hash)
    db.add(member)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        return None
    return member


def loan_out(loan: Loan) -> LoanOut:
    return LoanOut(id=loan.id, book_id=loan.book_id, member=loan.member.username, borrowed_on=loan.borrowed_on,
                   due_on=loan.due_on, returned_on=loan.returned_on, renewals=loan.renewals)


def open_loans_of_member(db: Session, member: Member) -> list[Loan]:
    return list(db.scalars(select(Loan).where(Loan.member_id == member.id, Loan.returned_on.is_(None))))


def create_loan(db: Session, book: Book, member: Member) -> Loan:
    today = date.today()
    loan = Loan(book_id=book.id, member_id=member.id, borrowed_on=today, due_on=today + timedelta(days=LOAN_DAYS))
    db.add(loan)
    db.commit()
    return loan


def list_loans(db: Session, member: Member) -> list[Loan]:
    return list(db.scalars(select(Loan).where(Loan.member_id == member.id).order_by(Loan.id)))


def return_loan(db: Session, loan: Loan) -> None:
    loan.returned_on = date.today()
    db.commit()
