"""The local parser on messages written for these tests (beyond the shared dev set)."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conversations.understand import understand
from tests.conftest import SHARED

T = date(2026, 6, 17)

CASES = [
    ("paid rent 15k", "record_expense", {"amount": "15000", "category": "rent"}),
    ("nimelipa rent 15k", "record_expense", {"amount": "15000", "category": "rent"}),
    ("nimelipa kodi elfu kumi na tano", "record_expense", {"amount": "15000", "category": "rent"}),
    (
        "fuel 2,000 yesterday",
        "record_expense",
        {"amount": "2000", "category": "transport", "date": "2026-06-16"},
    ),
    ("Spent 500 on airtime", "record_expense", {"amount": "500", "category": "airtime"}),
    ("bought sugar 2 bags 6,400", "record_expense", {"amount": "6400", "category": "stock"}),
    ("paid the fundi 1,200 for fixing the door", "record_expense", {"amount": "1200", "category": "repairs"}),
    ("KPLC tokens 1000", "record_expense", {"amount": "1000", "category": "utilities"}),
    ("water bill 850", "record_expense", {"amount": "850", "category": "utilities"}),
    (
        "paid Otieno 3000 salary",
        "record_expense",
        {"amount": "3000", "category": "salaries", "counterparty": "Otieno"},
    ),
    ("mshahara ya Wanjiru 8k", "record_expense", {"amount": "8000", "category": "salaries"}),
    ("boda 150", "record_expense", {"amount": "150", "category": "transport"}),
    ("nauli 200 leo", "record_expense", {"amount": "200", "category": "transport", "date": "2026-06-17"}),
    ("county permit 5,000", "record_expense", {"amount": "5000", "category": "taxes"}),
    ("bank charges 35", "record_expense", {"amount": "35", "category": "fees"}),
    ("posters 1500", "record_expense", {"amount": "1500", "category": "marketing"}),
    ("fuliza 700", "record_expense", {"amount": "700", "category": "loan_repayment"}),
    ("nimelipa mkopo 2,000", "record_expense", {"amount": "2000", "category": "loan_repayment"}),
    ("chai 50", "record_expense", {"amount": "50", "category": "meals"}),
    ("bought a printer for 12,500", "record_expense", {"amount": "12500", "category": "equipment"}),
    ("Ksh 300 for lunch", "record_expense", {"amount": "300", "category": "meals"}),
    ("lunch KES 450", "record_expense", {"amount": "450", "category": "meals"}),
    (
        "stock 20000 from Naivas",
        "record_expense",
        {"amount": "20000", "category": "stock", "counterparty": "Naivas"},
    ),
    ("nimenunua mzigo wa 35k", "record_expense", {"amount": "35000", "category": "stock"}),
    ("tatu thao ya stock", "record_expense", {"amount": "3000", "category": "stock"}),
    ("ngiri mbili ya nauli", "record_expense", {"amount": "2000", "category": "transport"}),
    ("electricity 2.5k", "record_expense", {"amount": "2500", "category": "utilities"}),
    ("rent 1,500/-", "record_expense", {"amount": "1500", "category": "rent"}),
    ("paid 1,500 bob for wifi", "record_expense", {"amount": "1500", "category": "utilities"}),
    (
        "two thousand five hundred for transport",
        "record_expense",
        {"amount": "2500", "category": "transport"},
    ),
    ("laki moja ya stock", "record_expense", {"amount": "100000", "category": "stock"}),
    (
        "paid rent 20k on monday",
        "record_expense",
        {"amount": "20000", "category": "rent", "date": "2026-06-15"},
    ),
    (
        "diesel 4,000 juzi",
        "record_expense",
        {"amount": "4000", "category": "transport", "date": "2026-06-15"},
    ),
    ("paid casuals 2,400", "record_expense", {"amount": "2400", "category": "salaries"}),
    ("delivery 300", "record_expense", {"amount": "300", "category": "transport"}),
    ("sold goods worth 7,000", "record_income", {"amount": "7000", "category": "sales"}),
    ("sales 15,300 today", "record_income", {"amount": "15300", "category": "sales", "date": "2026-06-17"}),
    ("mauzo ya leo ni 9,450", "record_income", {"amount": "9450", "category": "sales", "date": "2026-06-17"}),
    ("nimeuza elfu tatu", "record_income", {"amount": "3000", "category": "sales"}),
    # Sheng order, the count before "elfu": 90,001, never 1,001.
    ("nimelipa kodi tisini elfu na moja", "record_expense", {"amount": "90001", "category": "rent"}),
    ("nimeuza hamsini elfu", "record_income", {"amount": "50000", "category": "sales"}),
    ("got 5k from Mary", "record_income", {"amount": "5000", "counterparty": "Mary"}),
    ("Mary paid 2,000", "record_income", {"amount": "2000", "counterparty": "Mary"}),
    ("Otieno amelipa 1500", "record_income", {"amount": "1500", "counterparty": "Otieno"}),
    ("nimepokea 4,000 kutoka kwa Akinyi", "record_income", {"amount": "4000", "counterparty": "Akinyi"}),
    ("received 3000 for hair braiding", "record_income", {"amount": "3000", "category": "services"}),
    ("income 12k", "record_income", {"amount": "12000"}),
    ("customer paid 800", "record_income", {"amount": "800"}),
    ("sold 3 crates of soda at 1,200 each", "record_income", {"amount": "3600", "category": "sales"}),
    ("mauzo elfu mbili mia tano", "record_income", {"amount": "2500", "category": "sales"}),
    ("today's takings 8,900", "record_income", {"amount": "8900", "date": "2026-06-17"}),
    (
        "how much did I spend this week?",
        "query_summary",
        {"metric": "expenses", "start": "2026-06-15", "end": "2026-06-17"},
    ),
    (
        "what did I spend on fuel last month",
        "query_summary",
        {"metric": "expenses", "category": "transport", "start": "2026-05-01", "end": "2026-05-31"},
    ),
    (
        "total sales yesterday",
        "query_summary",
        {"metric": "income", "start": "2026-06-16", "end": "2026-06-16"},
    ),
    ("mauzo ya wiki hii", "query_summary", {"metric": "income", "start": "2026-06-15", "end": "2026-06-17"}),
    ("faida mwezi huu", "query_summary", {"metric": "profit", "start": "2026-06-01", "end": "2026-06-17"}),
    ("my balance", "query_summary", {"metric": "balance"}),
    ("salio", "query_summary", {"metric": "balance"}),
    (
        "how is my profit this month",
        "query_summary",
        {"metric": "profit", "start": "2026-06-01", "end": "2026-06-17"},
    ),
    (
        "show me expenses for May",
        "query_summary",
        {"metric": "expenses", "start": "2026-05-01", "end": "2026-05-31"},
    ),
    (
        "how much have I made today",
        "query_summary",
        {"metric": "income", "start": "2026-06-17", "end": "2026-06-17"},
    ),
    ("nimeuza ngapi leo?", "query_summary", {"metric": "income", "start": "2026-06-17", "end": "2026-06-17"}),
    (
        "matumizi ya mwezi uliopita",
        "query_summary",
        {"metric": "expenses", "start": "2026-05-01", "end": "2026-05-31"},
    ),
    (
        "how much did I pay for rent this year",
        "query_summary",
        {"metric": "expenses", "category": "rent", "start": "2026-01-01", "end": "2026-06-17"},
    ),
    ("expenses today", "query_summary", {"metric": "expenses", "start": "2026-06-17", "end": "2026-06-17"}),
    ("undo", "undo", {}),
    ("delete that", "undo", {}),
    ("futa hiyo", "undo", {}),
    ("remove the last entry", "undo", {}),
    ("oops undo that", "undo", {}),
    ("help", "help", {}),
    ("what can you do?", "help", {}),
    ("msaada", "help", {}),
    ("/start", "greeting", {}),
    ("hello", "greeting", {}),
    ("habari", "greeting", {}),
    ("mambo", "greeting", {}),
    ("good morning", "greeting", {}),
    ("niaje boss", "greeting", {}),
    ("hi kavi", "greeting", {}),
    ("Habari yako", "greeting", {}),
    ("what's the weather", "unknown", {}),
    ("I love you", "unknown", {}),
    ("asdfgh", "unknown", {}),
    ("who won the match yesterday", "unknown", {}),
    # a second batch, written after the first passed
    ("Paid KPLC 2,300 for electricity", "record_expense", {"amount": "2300", "category": "utilities"}),
    ("gave the turnboy 200 for loading", "record_expense", {"amount": "200"}),
    ("nimetuma 1,000 kwa fundi", "record_expense", {"amount": "1000", "category": "repairs"}),
    ("rent ya mwezi huu 18,000", "record_expense", {"amount": "18000", "category": "rent"}),
    ("school fees 20k", "record_expense", {"amount": "20000"}),
    ("I paid 600 for matatu", "record_expense", {"amount": "600", "category": "transport"}),
    ("spent 1.5k on lunch for the staff", "record_expense", {"amount": "1500", "category": "meals"}),
    ("expense: printing 300", "record_expense", {"amount": "300"}),
    ("300 bob airtime", "record_expense", {"amount": "300", "category": "airtime"}),
    ("sh 250 fare", "record_expense", {"amount": "250", "category": "transport"}),
    ("nimelipa mshahara wa mfanyakazi 9,000", "record_expense", {"amount": "9000", "category": "salaries"}),
    ("bought 5 litres of paraffin 750", "record_expense", {"amount": "750"}),
    ("paid 3,500 for security guard", "record_expense", {"amount": "3500"}),
    (
        "ads on facebook 1000 last friday",
        "record_expense",
        {"amount": "1000", "category": "marketing", "date": "2026-06-12"},
    ),
    ("fuel 5000 on 12th", "record_expense", {"amount": "5000", "category": "transport", "date": "2026-06-12"}),
    ("paid rent 15,000 on 1/6", "record_expense", {"amount": "15000", "category": "rent", "date": "2026-06-01"}),
    ("stima 1,200", "record_expense", {"amount": "1200", "category": "utilities"}),
    ("mafuta ya gari 3k", "record_expense", {"amount": "3000", "category": "transport"}),
    ("hardware stock 45,000", "record_expense", {"amount": "45000", "category": "stock"}),
    ("bought cement 10 bags 7,500", "record_expense", {"amount": "7500", "category": "stock"}),
    ("payment to supplier 12,000", "record_expense", {"amount": "12000"}),
    ("made 3,200 today", "record_income", {"amount": "3200", "date": "2026-06-17"}),
    ("sold 2 chairs for 5,000", "record_income", {"amount": "5000", "category": "sales"}),
    ("Jane paid me 1500", "record_income", {"amount": "1500", "counterparty": "Jane"}),
    ("got paid 7k for the catering job", "record_income", {"amount": "7000", "category": "services"}),
    ("deposit from Kamau 10,000", "record_income", {"amount": "10000", "counterparty": "Kamau"}),
    ("nimeuza nguo za 2,300", "record_income", {"amount": "2300", "category": "sales"}),
    ("mteja amelipa 650", "record_income", {"amount": "650"}),
    ("sales za jana 11k", "record_income", {"amount": "11000", "category": "sales", "date": "2026-06-16"}),
    ("haircut 300", "record_income", {"amount": "300", "category": "services"}),
    (
        "received KES 2,000 from Wambui for salon services",
        "record_income",
        {"amount": "2000", "category": "services", "counterparty": "Wambui"},
    ),
    ("how much did I spend?", "query_summary", {"metric": "expenses"}),
    (
        "what are my expenses this month",
        "query_summary",
        {"metric": "expenses", "start": "2026-06-01", "end": "2026-06-17"},
    ),
    ("total income last week", "query_summary", {"metric": "income", "start": "2026-06-08", "end": "2026-06-14"}),
    ("did I make a profit in May?", "query_summary", {"metric": "profit", "start": "2026-05-01", "end": "2026-05-31"}),
    (
        "nimepata faida ngapi mwezi huu",
        "query_summary",
        {"metric": "profit", "start": "2026-06-01", "end": "2026-06-17"},
    ),
    (
        "how much have I spent on stock this month",
        "query_summary",
        {"metric": "expenses", "category": "stock", "start": "2026-06-01", "end": "2026-06-17"},
    ),
    ("what's my cash balance", "query_summary", {"metric": "balance"}),
    ("show sales for yesterday", "query_summary", {"metric": "income", "start": "2026-06-16", "end": "2026-06-16"}),
    ("how much did I pay Otieno this month", "query_summary", {"metric": "expenses", "counterparty": "Otieno"}),
    (
        "how much rent did I pay last month",
        "query_summary",
        {"metric": "expenses", "category": "rent", "start": "2026-05-01", "end": "2026-05-31"},
    ),
    ("how much do I have", "query_summary", {"metric": "balance"}),
    ("nina pesa ngapi", "query_summary", {"metric": "balance"}),
    ("mauzo ya mwezi huu ni ngapi", "query_summary", {"metric": "income", "start": "2026-06-01", "end": "2026-06-17"}),
    ("matumizi ya leo", "query_summary", {"metric": "expenses", "start": "2026-06-17", "end": "2026-06-17"}),
    ("revenue this year", "query_summary", {"metric": "income", "start": "2026-01-01", "end": "2026-06-17"}),
    ("undo that", "undo", {}),
    ("please undo", "undo", {}),
    ("cancel the last one", "undo", {}),
    ("ondoa hiyo", "undo", {}),
    ("delete last transaction", "undo", {}),
    ("/undo", "undo", {}),
    ("how does this work?", "help", {}),
    ("HELP", "help", {}),
    ("nisaidie", "help", {}),
    ("what can you do", "help", {}),
    ("Hey there", "greeting", {}),
    ("Good evening", "greeting", {}),
    ("Hi!", "greeting", {}),
    ("niaje", "greeting", {}),
    ("vipi boss", "greeting", {}),
    ("hello kavi", "greeting", {}),
    ("Jambo", "greeting", {}),
    ("sasa msee", "greeting", {}),
    ("what is the capital of France", "unknown", {}),
    ("lol", "unknown", {}),
    ("ok", "unknown", {}),
    ("thanks", "unknown", {}),
    ("who are you", "unknown", {}),
    ("play some music", "unknown", {}),
    # relative days read by dateparser
    ("paid rent 15k 3 days ago", "record_expense", {"amount": "15000", "category": "rent", "date": "2026-06-14"}),
    (
        "nimelipa nauli 300 siku mbili zilizopita",
        "record_expense",
        {"amount": "300", "category": "transport", "date": "2026-06-15"},
    ),
    ("sold 2k two days ago", "record_income", {"amount": "2000", "date": "2026-06-15"}),
    ("lunch 200 a week ago", "record_expense", {"amount": "200", "category": "meals", "date": "2026-06-10"}),
    # a third batch: more Swahili and everyday phrasing
    ("nimelipa stima 1,500", "record_expense", {"amount": "1500", "category": "utilities"}),
    ("nimenunua mafuta ya 2k", "record_expense", {"amount": "2000", "category": "transport"}),
    (
        "nililipa kodi elfu ishirini jana",
        "record_expense",
        {"amount": "20000", "category": "rent", "date": "2026-06-16"},
    ),
    ("nimetumia 500 kwa chakula", "record_expense", {"amount": "500", "category": "meals"}),
    ("mshahara wa kibarua 700", "record_expense", {"amount": "700", "category": "salaries"}),
    ("maji 300", "record_expense", {"amount": "300", "category": "utilities"}),
    ("nimelipa KRA 12,000", "record_expense", {"amount": "12000", "category": "taxes"}),
    ("paid boda guy 200", "record_expense", {"amount": "200", "category": "transport"}),
    ("rent ya duka 15k", "record_expense", {"amount": "15000", "category": "rent"}),
    ("airtime 100", "record_expense", {"amount": "100", "category": "airtime"}),
    ("stock ya 5 thao", "record_expense", {"amount": "5000", "category": "stock"}),
    ("2 thao ya nauli", "record_expense", {"amount": "2000", "category": "transport"}),
    (
        "bought stock for 30,000 yesterday",
        "record_expense",
        {"amount": "30000", "category": "stock", "date": "2026-06-16"},
    ),
    ("Paid Mama Mboga 450 for vegetables", "record_expense", {"amount": "450"}),
    ("internet bill 2,999", "record_expense", {"amount": "2999", "category": "utilities"}),
    ("fare to town 150", "record_expense", {"amount": "150", "category": "transport"}),
    ("nimeuza mali ya 12k leo", "record_income", {"amount": "12000", "date": "2026-06-17"}),
    ("leo nimeuza elfu nane", "record_income", {"amount": "8000", "date": "2026-06-17"}),
    ("mauzo ya jana 7,300", "record_income", {"amount": "7300", "category": "sales", "date": "2026-06-16"}),
    ("nimepokea 3k kutoka kwa Wanjiru", "record_income", {"amount": "3000", "counterparty": "Wanjiru"}),
    ("Otieno amenitumia 2,500", "record_income", {"amount": "2500", "counterparty": "Otieno"}),
    ("sold 5 chickens for 4,000", "record_income", {"amount": "4000", "category": "sales"}),
    ("got 10k from a customer", "record_income", {"amount": "10000"}),
    ("sales today 18,450", "record_income", {"amount": "18450", "date": "2026-06-17"}),
    ("salon income 3,200", "record_income", {"amount": "3200"}),
    (
        "nimetumia pesa ngapi mwezi huu?",
        "query_summary",
        {"metric": "expenses", "start": "2026-06-01", "end": "2026-06-17"},
    ),
    ("mauzo ya leo ni ngapi", "query_summary", {"metric": "income", "start": "2026-06-17", "end": "2026-06-17"}),
    (
        "how much profit did I make last week",
        "query_summary",
        {"metric": "profit", "start": "2026-06-08", "end": "2026-06-14"},
    ),
    ("what's my total expenses this year", "query_summary", {"metric": "expenses", "start": "2026-01-01"}),
    (
        "how much did I spend on rent in May?",
        "query_summary",
        {"metric": "expenses", "category": "rent", "start": "2026-05-01", "end": "2026-05-31"},
    ),
    ("show my sales yesterday", "query_summary", {"metric": "income", "start": "2026-06-16", "end": "2026-06-16"}),
    ("balance yangu ni ngapi", "query_summary", {"metric": "balance"}),
    ("how much money do I have", "query_summary", {"metric": "balance"}),
    ("faida ya wiki iliyopita", "query_summary", {"metric": "profit", "start": "2026-06-08", "end": "2026-06-14"}),
    ("expenses for fuel this month", "query_summary", {"metric": "expenses", "category": "transport"}),
    ("undo the last one", "undo", {}),
    ("futa ile ya mwisho", "undo", {}),
    ("cancel", "undo", {}),
    ("rudisha nyuma", "undo", {}),
    ("delete my last entry", "undo", {}),
    ("help me", "help", {}),
    ("unaweza kunisaidia aje", "help", {}),
    ("how do I use kavi", "help", {}),
    ("hi there!", "greeting", {}),
    ("Mambo vipi", "greeting", {}),
    ("Habari za asubuhi", "greeting", {}),
    ("hey kavi", "greeting", {}),
    ("good afternoon", "greeting", {}),
    ("niaje msee", "greeting", {}),
    ("what time is it", "unknown", {}),
    ("tuma picha", "unknown", {}),
    ("who is the president", "unknown", {}),
    ("asdf qwer", "unknown", {}),
    # the rest of the contract (invoices, budgets, charts, contacts...)
    ("create invoice for Mama Njeri 12,000", "create_invoice", {"customer": "Mama Njeri", "amount": "12000"}),
    ("tengeneza invoice ya Wanjiru elfu kumi", "create_invoice", {"customer": "Wanjiru", "amount": "10000"}),
    ("bill Kamau 5k due tomorrow", "create_invoice", {"customer": "Kamau", "amount": "5000", "due_date": "2026-06-18"}),
    ("show unpaid invoices", "list_invoices", {"status": "unpaid"}),
    # Who owes: the customers owing (nlu_new_intents and three independent sets; nlu_dev alone says invoices).
    ("who owes me money?", "list_customers", {"status": "owing"}),
    ("list all invoices", "list_invoices", {"status": "all"}),
    ("overdue invoices", "list_invoices", {"status": "overdue"}),
    ("Kamau paid invoice 12", "record_payment", {"customer": "Kamau", "invoice": "INV-0012"}),
    ("INV-0003 paid 2,000", "record_payment", {"invoice": "INV-0003", "amount": "2000"}),
    ("remind Kamau to pay", "remind_customer", {"customer": "Kamau"}),
    ("send a reminder to Zawadi Salon", "remind_customer", {"customer": "Zawadi Salon"}),
    ("request payment of 2,500 from Otieno", "request_payment", {"customer": "Otieno", "amount": "2500"}),
    ("stk push 0722000111 500", "request_payment", {"phone": "+254722000111", "amount": "500"}),
    ("set budget for transport 10k", "set_budget", {"category": "transport", "amount": "10000"}),
    ("weekly budget of 2000 for lunch", "set_budget", {"category": "meals", "amount": "2000", "period": "weekly"}),
    ("how is my budget", "budget_status", {}),
    ("bajeti ya stock iko aje", "budget_status", {"category": "stock"}),
    ("forecast my cash", "forecast", {"days": 30}),
    ("cash forecast for 2 weeks", "forecast", {"days": 14}),
    # A future cue with cash asks for the forecast; the horizon in words, either order.
    ("will I have enough cash over the next three weeks?", "forecast", {"days": 21}),
    ("salio litakuwa aje, pesa itakuwa ngapi wiki tatu zijazo", "forecast", {"days": 21}),
    ("utabiri wa siku kumi", "forecast", {"days": 10}),
    ("will my balance go below 10k this month?", "forecast", {"days": 30}),
    ("received 5000 cash for next month's rent", "record_income", {"amount": "5000"}),
    ("would I qualify for a loan from the sacco", "credit_score", {}),
    ("can I afford 8k for a shop signboard?", "can_afford", {"amount": "8000", "item": "shop signboard"}),
    ("what's my credit score", "credit_score", {}),
    ("can I get a loan", "credit_score", {}),
    ("show me a chart of my expenses", "show_chart", {"chart": "expenses_by_category"}),
    ("income vs expenses graph this month", "show_chart", {"chart": "income_vs_expenses"}),
    ("add customer Jane Achieng 0798123456", "add_customer", {"name": "Jane Achieng", "phone": "+254798123456"}),
    ("new supplier Bidco Africa", "add_supplier", {"name": "Bidco Africa"}),
    ("ongeza mteja Peter 0711222333", "add_customer", {"name": "Peter", "phone": "+254711222333"}),
    ("export last month to excel", "export_report", {"format": "xlsx", "start": "2026-05-01", "end": "2026-05-31"}),
    ("download pdf report", "export_report", {"format": "pdf"}),
    ("invite 0712000111 as admin", "invite_member", {"phone": "+254712000111", "role": "admin"}),
    ("add my staff 0733444555", "invite_member", {"phone": "+254733444555", "role": "staff"}),
    # Money between the owner's own places is a transfer, never an expense.
    ("nimetoa 4k kwa wakala", "record_transfer", {"amount": "4000", "from": "mpesa", "to": "cash"}),
    ("weka 1500 kwa mshwari", "record_transfer", {"amount": "1500", "from": "mpesa", "to": "mshwari"}),
    ("deposited 20k at the bank", "record_transfer", {"amount": "20000", "from": "cash", "to": "bank"}),
    ("withdrew 6k from equity", "record_transfer", {"amount": "6000", "from": "bank", "to": "cash"}),
    ("nmeweka 800 kwa agent", "record_transfer", {"amount": "800", "from": "cash", "to": "mpesa"}),
    ("paid the bank loan 7k", "record_expense", {"amount": "7000", "category": "loan_repayment"}),
    # A currency other than shillings is kept, so it is never booked as shillings.
    ("paid 40 dollars for hosting", "record_expense", {"amount": "40", "currency": "USD"}),
    ("received USD 120 from Lisa", "record_income", {"amount": "120", "currency": "USD"}),
    ("ugx 30,000 for the lorry", "record_expense", {"amount": "30000", "currency": "UGX"}),
    # Swahili amounts in words: a number word after a unit starts the next group; "na nusu" is a half.
    ("chai mia mbili hamsini", "record_expense", {"amount": "250"}),
    ("nimeuza sukuma elfu moja na nusu", "record_income", {"amount": "1500"}),
    ("nimenunua crate moja elfu mbili mia tatu", "record_expense", {"amount": "2300"}),
    # Came-in verbs, and the amount meant after a self-correction.
    ("salon imeingiza 4,200 leo", "record_income", {"amount": "4200"}),
    ("nmelipwa 900 na Achieng", "record_income", {"amount": "900"}),
    ("shop takings 7k", "record_income", {"amount": "7000"}),
    ("fuel 3000 sorry 2500", "record_expense", {"amount": "2500", "category": "transport"}),
    # The first verb says what happened; the words after say what the money was for.
    ("nimepokea 3,000 kutoka kwa Mutua, ada ya usajili", "record_income", {"amount": "3000"}),
    ("got 8k from Riverside School, they pay termly", "record_income", {"amount": "8000"}),
    ("I have paid electricity 2,100 today", "record_expense", {"amount": "2100"}),
    ("banked 18k cash", "record_transfer", {"amount": "18000", "from": "cash", "to": "bank"}),
    # A price that is no number leaves the invoice's money out (the conversation asks), never a crash.
    ("invoice Wanjiru 3 trays @4,50", "create_invoice", {"customer": "Wanjiru"}),
    # Asking a customer to pay, in Swahili.
    ("mkumbushe Otieno", "remind_customer", {"customer": "Otieno"}),
    ("omba Achieng alipe 1,500", "request_payment", {"customer": "Achieng", "amount": "1500"}),
    # Credit wanted or a purchase weighed is no money moved.
    ("naomba mkopo wa 20k", "unknown", {}),
    ("thinking of buying a freezer 45k", "can_afford", {"amount": "45000", "item": "freezer"}),
]


@pytest.mark.parametrize(("text", "intent", "slots"), CASES, ids=[c[0][:40] for c in CASES])
def test_reads_what_people_type(text: str, intent: str, slots: dict[str, str]) -> None:
    got = understand(text, T).contract()
    assert got["intent"] == intent
    for key, value in slots.items():
        assert str(got["slots"].get(key, "")).lower() == str(value).lower(), key


def test_record_intents_always_carry_a_date() -> None:
    for text in ("paid rent 15k", "sold 4,500", "lunch 200 jana"):
        assert "date" in understand(text, T).slots


def test_slots_not_known_are_left_out() -> None:
    got = understand("rent 25,000", T).contract()
    assert set(got["slots"]) == {"amount", "category", "date"}


def test_a_bare_amount_offers_both_readings() -> None:
    intent = understand("2,500", T)
    assert intent.confidence < 0.5
    assert {intent.name, intent.alternatives[0].name} == {"record_expense", "record_income"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=4096))
def test_never_raises_on_any_unicode(text: str) -> None:
    intent = understand(text, T)
    assert intent.name
    json.dumps(intent.contract(), ensure_ascii=False)


def _score(cases_file: Path, predictions: str, tmp_path: Path) -> str:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(predictions, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_nlu.py"), str(cases_file), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_kavi_understand_on_the_shared_dev_set(tmp_path: Path) -> None:
    """The real command, fed the dev set as JSON lines, scored by the shared scorer."""
    dev = SHARED / "eval" / "nlu_dev.jsonl"
    kavi = Path(sys.executable).parent / "kavi"
    result = subprocess.run(
        [str(kavi), "understand", "--today", "2026-06-17"],
        input=dev.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(dev.read_text(encoding="utf-8").splitlines())
    report = _score(dev, result.stdout, tmp_path)
    overall = report.strip().splitlines()[-1]
    full = float(overall.split("full-case accuracy")[1].split("%")[0])
    assert full >= 95.0, report
    for intent in ("record_expense", "record_income", "query_summary", "undo", "help", "greeting", "unknown"):
        row = next(line for line in report.splitlines() if line.startswith(intent + " "))
        assert "full 100.0%" in row, row


def test_kavi_understand_reads_plain_lines_and_today(tmp_path: Path) -> None:
    kavi = Path(sys.executable).parent / "kavi"
    result = subprocess.run(
        [str(kavi), "understand", "--today", "2026-11-22"],
        input="chakula 300 jana\n\n",
        capture_output=True,
        text=True,
        check=True,
    )
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {
        "intent": "record_expense",
        "slots": {"amount": "300", "category": "meals", "date": "2026-11-21"},
    }
    assert second == {"intent": "unknown", "slots": {}}
