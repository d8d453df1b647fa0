"""The contract's categories, with the words KAVI uses to show them."""

EXPENSE_CATEGORIES: dict[str, dict[str, str]] = {
    "stock": {"en": "stock", "sw": "bidhaa"},
    "rent": {"en": "rent", "sw": "kodi"},
    "utilities": {"en": "utilities", "sw": "huduma (stima, maji)"},
    "transport": {"en": "transport", "sw": "usafiri"},
    "salaries": {"en": "salaries", "sw": "mishahara"},
    "airtime": {"en": "airtime & data", "sw": "airtime na data"},
    "marketing": {"en": "marketing", "sw": "matangazo"},
    "supplies": {"en": "supplies", "sw": "vifaa vidogo"},
    "equipment": {"en": "equipment", "sw": "vifaa"},
    "repairs": {"en": "repairs", "sw": "matengenezo"},
    "fees": {"en": "fees & charges", "sw": "ada na makato"},
    "taxes": {"en": "taxes & licences", "sw": "kodi ya serikali"},
    "meals": {"en": "meals", "sw": "chakula"},
    "loan_repayment": {"en": "loan repayment", "sw": "malipo ya mkopo"},
    "other": {"en": "other", "sw": "mengineyo"},
}

INCOME_CATEGORIES: dict[str, dict[str, str]] = {
    "sales": {"en": "sales", "sw": "mauzo"},
    "services": {"en": "services", "sw": "huduma"},
    "other_income": {"en": "other income", "sw": "mapato mengine"},
    "loan_received": {"en": "loan received", "sw": "mkopo uliopokea"},
    "opening_balance": {"en": "opening balance", "sw": "salio la kuanzia"},
}
# Money in that was not earned: it adds to the balance, never to income, profit or the sales trend.
NOT_EARNED = frozenset({"loan_received", "opening_balance"})

TRANSFER_CATEGORIES: dict[str, dict[str, str]] = {"transfer": {"en": "transfer", "sw": "uhamisho"}}

DEFAULT_EXPENSE_CATEGORY = "other"
DEFAULT_INCOME_CATEGORY = "sales"


def categories_for(kind: str) -> dict[str, dict[str, str]]:
    if kind == "transfer":
        return TRANSFER_CATEGORIES
    return INCOME_CATEGORIES if kind == "income" else EXPENSE_CATEGORIES


def category_label(category: str, language: str = "en") -> str:
    names = EXPENSE_CATEGORIES.get(category) or INCOME_CATEGORIES.get(category) or TRANSFER_CATEGORIES.get(category)
    if names is None:
        return category
    return names.get(language, names["en"])
