from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Book, Loan, Member
from schemas import BookCreate, BookOut, BookSort, BookStats, BookUpdate, LoanOut, MemberSummary

LOAN_DAYS = 14
MAX_OPEN_LOANS = 3
MAX_RENEWALS = 2


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


def renew_loan(db: Session, loan: Loan) -> None:
    loan.due_on = loan.due_on + timedelta(days=LOAN_DAYS)
    loan.renewals += 1
    db.commit()


SORT_COLUMNS = {
    BookSort.id: [Book.id],
    BookSort.title: [Book.title, Book.id],
    BookSort.title_desc: [Book.title.desc(), Book.id],
    BookSort.year: [Book.year, Book.id],
    BookSort.year_desc: [Book.year.desc(), Book.id],
}


def search_books(db: Session, *, q: str | None, author: str | None, year_from: int | None, year_to: int | None,
                 available: bool | None, sort: BookSort, limit: int, offset: int) -> tuple[list[Book], int]:
    on_loan = (select(func.count()).where(Loan.book_id == Book.id, Loan.returned_on.is_(None))
               .correlate(Book).scalar_subquery())
    conditions = []
    if q:
        needle = q.lower()
        conditions.append(func.lower(Book.title).contains(needle, autoescape=True)
                          | func.lower(Book.author).contains(needle, autoescape=True))
    if author:
        conditions.append(func.lower(Book.author) == author.lower())
    if year_from is not None:
        conditions.append(Book.year >= year_from)
    if year_to is not None:
        conditions.append(Book.year <= year_to)
    if available is True:
        conditions.append(Book.copies > on_loan)
    if available is False:
        conditions.append(Book.copies <= on_loan)
    total = db.scalar(select(func.count()).select_from(Book).where(*conditions)) or 0
    books = db.scalars(select(Book).where(*conditions).order_by(*SORT_COLUMNS[sort]).limit(limit).offset(offset))
    return list(books), total


def book_stats(db: Session, book: Book) -> BookStats:
    loans_total = db.scalar(select(func.count()).where(Loan.book_id == book.id)) or 0
    borrowers = db.scalar(select(func.count(func.distinct(Loan.member_id))).where(Loan.book_id == book.id)) or 0
    on_loan = open_loans_of_book(db, book.id)
    return BookStats(book_id=book.id, loans_total=loans_total, on_loan=on_loan, available=book.copies - on_loan,
                     borrowers=borrowers)


def member_summary(db: Session, member: Member) -> MemberSummary:
    loans = list_loans(db, member)
    open_loans = [loan for loan in loans if loan.returned_on is None]
    return MemberSummary(
        open_loans=len(open_loans),
        returned_loans=len(loans) - len(open_loans),
        renewals=sum(loan.renewals for loan in loans),
        next_due_on=min((loan.due_on for loan in open_loans), default=None),
    )
