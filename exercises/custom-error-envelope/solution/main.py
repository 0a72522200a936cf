from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI(title="Accounts")


# ---------- exceptions ----------

class AppError(Exception):
    status_code = 400
    code = "app_error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AccountNotFound(AppError):
    status_code = 404
    code = "account_not_found"

    def __init__(self, account_id: int):
        super().__init__(f"Account {account_id} not found")


class InsufficientFunds(AppError):
    status_code = 409
    code = "insufficient_funds"

    def __init__(self, account_id: int):
        super().__init__(f"Account {account_id} has insufficient funds")


class SameAccount(AppError):
    status_code = 400
    code = "same_account"

    def __init__(self):
        super().__init__("Cannot transfer to the same account")


def envelope(status_code: int, code: str, message: str, details: list | None = None) -> JSONResponse:
    return JSONResponse(
        status_code=status_code,
        content={"error": {"code": code, "message": message, "details": details or []}},
    )


@app.exception_handler(AppError)
async def app_error_handler(request: Request, exc: AppError):
    return envelope(exc.status_code, exc.code, exc.message)


@app.exception_handler(RequestValidationError)
async def validation_error_handler(request: Request, exc: RequestValidationError):
    details = [
        {"field": ".".join(str(part) for part in err["loc"]), "message": err["msg"]}
        for err in exc.errors()
    ]
    return envelope(422, "validation_error", "Invalid request", details)


@app.exception_handler(StarletteHTTPException)
async def http_error_handler(request: Request, exc: StarletteHTTPException):
    response = envelope(exc.status_code, "http_error", str(exc.detail))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


# ---------- models and data ----------

class AccountIn(BaseModel):
    owner: str = Field(min_length=1, max_length=50)
    balance: int = Field(ge=0)


class Account(BaseModel):
    id: int
    owner: str
    balance: int


class TransferIn(BaseModel):
    from_id: int
    to_id: int
    amount: int = Field(gt=0)


accounts: dict[int, dict] = {}
next_id = 1


def get_account(account_id: int) -> dict:
    account = accounts.get(account_id)
    if account is None:
        raise AccountNotFound(account_id)
    return account


# ---------- endpoints ----------

@app.post("/accounts", response_model=Account, status_code=201)
def create_account(data: AccountIn):
    global next_id
    account = {"id": next_id, "owner": data.owner, "balance": data.balance}
    accounts[next_id] = account
    next_id += 1
    return account


@app.get("/accounts/{account_id}", response_model=Account)
def read_account(account_id: int):
    return get_account(account_id)


@app.post("/transfers")
def transfer(data: TransferIn):
    if data.from_id == data.to_id:
        raise SameAccount()
    source = get_account(data.from_id)
    target = get_account(data.to_id)
    if source["balance"] < data.amount:
        raise InsufficientFunds(data.from_id)
    source["balance"] -= data.amount
    target["balance"] += data.amount
    return {"from": source, "to": target}
