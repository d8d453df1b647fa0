"""Every word the local parser knows, as data: a new synonym is one line.

English, Swahili and Sheng sit side by side; phrases (several words) are
matched before single words, so "transaction cost" wins over "cost".
"""

# Hand-packed tables read better than one word a line.
# fmt: off

# --- categories ------------------------------------------------------------

EXPENSE_CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "stock": (
        "stock", "stocks", "restock", "restocking", "inventory", "goods", "merchandise", "bidhaa", "bero", "bale",
        "bales",
        "mzigo", "mali", "products", "wholesale", "supplies for sale", "maize", "sugar", "flour",
        "unga", "cement", "vegetables", "mboga", "sukuma", "tomatoes", "nyanya", "onions", "eggs",
        "mayai", "bread", "milk", "maziwa", "soda", "sodas", "fabric", "hair products", "hardware",
        # Fish bought at the beach to sell: Lake Victoria's catch.
        "fish", "samaki", "omena", "dagaa", "tilapia", "ngege", "mgongo wazi", "fulu", "mbuta", "nile perch",
        # What Kenyan shops buy to sell again.
        "mitumba", "weaves", "dagaa", "omena", "samaki", "fish", "viazi", "potatoes", "rice", "mchele", "sembe",
        "beans", "maharagwe", "cooking oil", "mafuta ya kupika", "feeds", "dairy meal", "chicken feed",
        "fertilizer", "fertiliser", "mbolea", "seeds", "mbegu", "drugs", "medicine", "medicines", "dawa",
        "crates", "bales", "cartons", "sacks", "gunia", "iron sheets", "mabati", "nails", "paint", "timber",
        "purchases", "bananas", "ndizi", "fruits", "matunda", "chickens", "kuku", "sheep",
        "goats", "mbuzi", "charcoal", "makaa", "powerbanks", "accessories", "phone covers",
        "chargers", "earphones", "juice", "bale", "carcass", "carcasses", "beef", "mutton", "ng'ombe",
    ),
    "rent": ("rent", "rental", "kodi", "kodi ya nyumba", "kodi ya duka", "house rent", "shop rent", "lease"),
    "utilities": (
        "electricity", "kplc", "power", "tokens", "token", "stima", "umeme", "water", "maji",
        "water bill", "internet", "wifi", "wi-fi", "safaricom home", "safaricomhome", "zuku", "faiba", "gas",
        "cooking gas",
        "utility", "utilities", "bill ya maji", "bill ya stima", "garbage", "taka",
    ),
    "transport": (
        "fuel", "petrol", "diesel", "fare", "fares", "nauli", "matatu", "boda", "bodaboda", "boda boda",
        "delivery", "deliveries", "transport", "usafiri", "taxi", "uber", "bolt", "bus", "parking", "rider",
        "transporting",
        "riders",
        "gari", "car", "motorbike fuel", "pikipiki", "mafuta", "lorry", "pickup", "transportation", "petroli",
        "dizeli", "usafirishaji", "courier", "shipping", "freight", "tuk tuk", "tuktuk", "transporter",
        "truck hire", "lorry hire", "lori", "truck",
    ),
    "salaries": (
        "salary", "salaries", "wages", "wage", "mshahara", "mishahara", "casuals", "casual",
        "payroll", "staff pay", "worker", "workers", "employee", "employees", "kibarua", "vibarua",
        "allowance", "commission", "overtime", "pickers", "labourers", "laborers",
        "loaders", "offloaders", "porters", "wabebaji", "wafanyikazi", "wafanyakazi", "farm workers", "farmhands",
        "wapishi", "waandazi", "wahudumu",
    ),
    # Not the business's own costs, paid from its money (contract: fees are bank and transaction charges).
    "other": ("school fees", "ada ya shule", "karo ya shule", "personal use", "matumizi ya nyumbani"),
    "airtime": (
        "airtime", "bundles", "bundle", "data", "data bundles", "credit", "mjazo", "scratch card",
        "okoa jahazi", "bando", "bundles za", "mb",
    ),
    "marketing": (
        "ads", "ad", "advert", "adverts", "advertising", "advertisement", "posters", "poster",
        "promotion", "promo", "marketing", "flyers", "banner", "matangazo", "tangazo", "facebook ads",
        "boost", "signage", "sign board", "influencer", "brochures", "brochure", "flyer", "banners", "business cards",
    ),
    "supplies": (
        "stationery", "packaging", "packing", "paper bags", "carrier bags", "shopping bags", "papers", "toner",
        "cartridge", "printer ink", "printing paper", "ream",
        "cleaning", "detergent", "soap", "sabuni", "tissue", "supplies", "receipt book", "pens",
        "gloves", "vifaa vidogo", "mifuko", "containers", "receipt books", "stapler", "envelopes",
        "printing paper", "thread", "uzi", "needles", "hangers", "serviettes", "takeaway boxes",
        "sacks", "empty sacks", "magunia", "gunia", "manila", "karatasi", "kalamu", "bahasha", "ice", "ice blocks",
        "barafu",
        "paper", "reams", "rims", "kupakia", "kufunga mizigo", "polythene", "kupack", "a4", "cups", "straws", "tins",
        "jars", "labels", "stickers", "wrapping", "nylon bags", "nylon paper", "cake boxes", "cake boards",
        "cake box", "boxes", "khaki bags",
    ),
    "equipment": (
        "fridge", "freezer", "laptop", "computer", "machine", "phone", "printer", "oven", "cooker",
        "equipment", "furniture", "chairs", "chair", "table", "shelves", "shelf", "generator",
        "scale", "weighing scale", "dryer", "blow dryer", "till", "pos machine", "tools", "kifaa",
        "vifaa", "mashine", "tv", "television", "solar panel", "sewing machine", "clippers", "shaver",
        "blender", "kettle", "pasi", "camera", "lens", "tripod", "speakers", "cutter", "grinder", "drone", "friji",
        "sufuria", "jiko", "mixer", "drill", "wheelbarrow", "sprayer", "microwave",
    ),
    "repairs": (
        "repair", "repairs", "repaired", "fundi", "maintenance", "service", "servicing", "fix",
        "fixing", "matengenezo", "kutengeneza", "spare", "spares", "spare parts", "plumber", "electrician",
        "mechanic", "welder", "puncture", "repairing", "kurepair", "fixed", "garage",
        "wheel alignment",
    ),
    "fees": (
        "bank charges", "bank charge", "transaction cost", "transaction costs", "transaction charges",
        "transaction charge", "charges", "fee", "fees", "withdrawal fee", "ledger fee", "makato",
        "ada", "mpesa charges", "m-pesa charges", "commission fee",
    ),
    "taxes": (
        "kra", "tax", "taxes", "vat", "licence", "license", "permit", "county", "county fees",
        "business permit", "single business permit", "ushuru", "kanjo", "cess", "levy", "paye",
        "turnover tax", "leseni", "kibali", "kaunti", "county council", "ntsa",
    ),
    "meals": (
        "lunch", "breakfast", "dinner", "supper", "chakula", "food", "meal", "meals", "tea", "chai",
        "snacks", "chapo", "githeri", "nyama", "lunch ya", "msosi", "dishi", "lunches", "lunch allowance",
        "lunch allowances", "staff lunch", "staff lunches",
    ),
    "loan_repayment": (
        "loan", "loans", "loan repayment", "mkopo", "fuliza", "repayment", "deni", "madeni",
        "chama", "sacco", "m-shwari loan", "branch loan", "hustler fund",
    ),
}

INCOME_CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "sales": (
        "sales", "sale", "sold", "mauzo", "nimeuza", "niliuza", "tumeuza", "tuliuza", "kuuza",
        "revenue", "takings", "till sales", "sales ya leo", "customers paid", "nimeuzia", "sell",
        "payout", "payouts",  # a selling platform paying out the owner's sales
    ),
    "services": (
        "service", "services", "plumbing", "plumbing work", "consultation", "haircut", "hair",
        "braiding", "salon", "catering", "job", "work", "kazi", "labour", "tailoring", "huduma",
        "design", "repair job", "fixing job", "installation", "cleaning job", "massage", "manicure",
        "pedicure", "delivery job",
        # Work done for a customer: salons, tailors, fundis, cyber cafés, vets, riders.
        "braids", "braid", "dreads", "dreadlocks", "locs", "cornrows", "kusuka", "kunyoa", "shave", "haircuts",
        "blowdry", "blow dry", "threading", "alterations", "consultation fee", "treatment", "car wash",
        "laundry", "photocopy", "photocopying", "printing", "typing", "kinyozi", "styling",
        "repair work", "labour charges", "service fee", "tuition", "lessons", "kusaga", "milling", "posho mill",
        "load", "loads", "kufua", "nimefua", "washing", "gig", "gigs", "mc job", "performance",
        "screen replacement", "battery replacement", "room", "accommodation", "night", "nights",
        "lamination", "laminating", "binding", "scanning", "photography", "photoshoot", "ironing",
        # Tourists served at the Coast: priced by the head ("4 pax"), by the trip or the tour.
        "pax", "boat trip", "boat ride", "snorkelling", "snorkeling", "dhow", "sunset cruise", "excursion",
        "tour", "guided tour", "gel polish", "knotless", "silk press", "wig installation",
        "eyebrow shaping", "daycare", "day care",
        # Tailoring: "amelipa 2,500 ya kushona dress", "nimeshona suits mbili".
        "kushona", "nimeshona", "tumeshona", "alishona", "ameshonewa", "sewing", "stitching", "shona",
        # Vets and agrovets paid for visits and treatment; a lorry or machine hired out.
        "vet", "vet visit", "vet visits", "treating", "treated", "deworming", "vaccination", "vaccinating",
        "spraying", "castration", "hire", "hired", "lorry hire", "transporting", "ploughing",
        # Clearing and forwarding, haulage: the firm's work for a client.
        "clearing", "clearing charges", "clearing fees", "forwarding", "freight forwarding", "freight", "handling",
        "airfreight", "air freight", "haulage", "retainer", "consultancy", "agency fees",
    ),
    "other_income": (
        "gift", "grant", "interest", "dividend", "refund", "donation",
        "other income",
    ),
}
# A record that repeats (contract `repeat`); "every"/"kila" before a weekday is weekly too.
REPEAT_WORDS: dict[str, tuple[str, ...]] = {
    "monthly": ("every month", "each month", "kila mwezi", "monthly", "per month", "kila mwisho wa mwezi",
                "every end month", "every end of month", "mwezi kwa mwezi", "month to month"),
    "weekly": ("every week", "each week", "kila wiki", "weekly", "per week", "wiki kwa wiki"),
    "daily": ("every day", "each day", "kila siku", "daily", "everyday", "per day", "siku kwa siku"),
}  # fmt: skip
# Money in that was not earned: a loan taken, the balance the books start from (never a sale).
NOT_EARNED_WORDS: dict[str, tuple[str, ...]] = {
    "loan_received": (
        "took a loan", "taken a loan", "take a loan of", "got a loan", "received a loan", "loan disbursed",
        "loan was disbursed", "loan has been disbursed", "loan approved", "i borrowed", "we borrowed",
        "borrowed from", "nimechukua mkopo", "nimepata mkopo", "nimepewa mkopo", "nimekopa", "nilikopa",
        "tumekopa", "mkopo umeingia", "mkopo imeingia", "loan imeingia", "nimechukua loan", "nimepata loan",
        "nimepewa loan", "nimekopeshwa", "nilikopeshwa", "nilichukua mkopo", "nilipata mkopo",
    ),
    "opening_balance": (
        "opening balance", "starting balance", "start balance", "balance ya kuanzia", "salio la kuanzia",
        "salio la kuanza", "nilianza na", "started with", "starting with", "opening cash", "starting cash",
        "opening float", "balance ya kuanza", "float ya kuanza",
    ),
}

# --- verbs and cues --------------------------------------------------------

# Words that say money went out.
EXPENSE_CUES: tuple[str, ...] = (
    "paid", "pay", "paying", "spent", "spend", "bought", "buy", "buying", "purchased", "purchase",
    "refunded",  # "refunded Shiru 1,800" ("refunded me" is money in, below)
    "expense", "expenses", "cost", "costs", "sent", "gave", "topped up", "top up", "topup",
    "nimelipa", "nililipa", "tumelipa", "tulilipa", "lipa", "kulipa", "nimenunua", "nilinunua",
    "tumenunua", "tulinunua", "nunua", "kununua", "nimetuma", "nilituma", "nimetumia", "nilitumia",
    "hired",
    # the past as Kenyan English often writes it: "I have send money to Omosh", "I send him 500 yesterday"
    "have send", "had send", "has send", "i send", "we send",
    "matumizi", "gharama", "nimepeana", "nimempa", "nimewapa", "nimeweka", "nimejaza", "nimelipia",
    "nililipia", "nmelipa", "nmenunua", "nmetuma", "nmetumia", "nmelipia",
    # bought for oneself: "nimejinunulia bundles", "nimejiwekea airtime"
    "nimejinunulia", "nimejilipia", "nimejiwekea", "nilijinunulia", "nilijiwekea",
)

# Words that say money came in.
INCOME_CUES: tuple[str, ...] = (
    "received", "receive", "got", "earned", "earn", "income", "made", "collected", "deposit from", "deposit",
    "paid me", "paid us", "pay us", "pay me", "has paid", "have paid", "sales", "sale", "sold", "revenue", "takings",
    "nimepokea", "nilipokea", "tumepokea", "nimepata", "nilipata", "tumepata", "mapato", "mauzo",
    "nimeuza", "niliuza", "tumeuza", "tuliuza", "amelipa", "alilipa", "wamelipa", "walilipa",
    "amenilipa", "alinilipa", "wamenilipa", "amelipia", "ametuma", "alituma", "amenitumia",
    "alinitumia", "customer paid", "client paid",
    # "came in" said of the till, the machine or the day: "imeingia", "imeingiza", "till imepokea"
    "imeingia", "zimeingia", "imeingiza", "zimeingiza", "imeleta", "imepokea", "imeuza", "ameleta", "amenunua",
    "nimelipwa", "nililipwa", "tumelipwa", "nmelipwa", "nmepokea", "nmeuza", "nmepata",
    "collection", "collections", "earnings", "takings", "proceeds", "payout", "payouts", "brought in", "came in",
    "tip from", "tips from",
    # Sheng "I've caught (money)": "leo nimeshika 15k", "nimeshika 2k kutoka kwa client"
    "nimeshika", "nmeshika", "tumeshika", "nilishika",
    # "Salio la harusi ... liliingia jana", "Nimemuuzia Nduku keki": it came in, I sold to her
    "liliingia", "limeingia", "iliingia", "ziliingia", "nimemuuzia", "nilimuuzia", "nimewauzia", "niliwauzia",
    # given to me: "chama merry go round imenipatia 12k", "amenipa 2k"
    "imenipatia", "amenipatia", "wamenipatia", "ilinipatia", "alinipatia", "nimepewa", "nilipewa", "amenipa",
    "alinipa", "wamenipa", "merry go round",
    # the day's takings: "business was slow ... the total for the day came to 4,350"
    "total for the day", "day's total", "the day's takings", "total ya leo ya mauzo",
    # A customer's deposit: "mteja ameweka deposit 1,500", "she left a deposit of 4,000"
    "ameweka deposit", "aliweka deposit", "wameweka deposit", "ameacha deposit",
    # Paid, said of the owner: "I have been paid 3,000", "got paid for the job".
    "been paid", "got paid", "was paid", "were paid", "get paid",
    # Money given back to the owner: "supplier refunded me 1200", "nimerudishiwa 500".
    "refunded me", "refunded us",
    "was refunded", "got refunded", "were refunded", "been refunded", "nimerudishiwa", "tumerudishiwa",
    "amenirudishia", "wamenirudishia",
    # Sheng and takings counted at the end of the day: "nimeget 3k", "nimekusanya 7,400"
    "nimeget", "nmeget", "tumeget", "nimekusanya", "tumekusanya",
    # English as some write it: "today I have sell 12 goats"
    "have sell", "has sell", "i sell", "we sell", "did sell",
)

# "X paid ..." with X a person means income; these verbs take a subject before them.
THIRD_PERSON_PAID: tuple[str, ...] = (
    "paid", "has paid", "amelipa", "alilipa", "wamelipa", "walilipa", "amenilipa", "alinilipa",
    "sent", "ametuma", "alituma", "amenitumia", "alinitumia", "amelipia", "ameleta", "amenunua",
)

# --- numbers ---------------------------------------------------------------

# value of a plain number word
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    "moja": 1, "mbili": 2, "tatu": 3, "nne": 4, "tano": 5, "sita": 6, "saba": 7, "nane": 8,
    "tisa": 9, "kumi": 10, "ishirini": 20, "thelathini": 30, "arobaini": 40, "hamsini": 50,
    "sitini": 60, "sabini": 70, "themanini": 80, "tisini": 90,
    # people counted: "wapishi watatu, kila mmoja 1,500" (three cooks, each 1,500)
    "wawili": 2, "watatu": 3, "wanne": 4, "watano": 5, "wanane": 8,
    "tree": 3,  # "I paid tree thousand five hundred": a voice note's or a phone's spelling of three
}

# multipliers written after their count: "two thousand", "tatu thao"
POST_MULTIPLIERS: dict[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "thao": 1000, "k": 1000,
}

# multipliers written before their count: "elfu tano", "mia nane", "ngiri tatu", "soo tano"
PRE_MULTIPLIERS: dict[str, int] = {
    "mia": 100, "soo": 100, "elfu": 1000, "ngiri": 1000, "laki": 100_000, "milioni": 1_000_000,
}

# Sheng words that are an amount by themselves
AMOUNT_WORDS: dict[str, int] = {
    "finje": 500, "mbao": 20, "punch": 500, "rwabe": 200, "ashu": 1000,
}

NUMBER_CONNECTORS: tuple[str, ...] = ("na", "and")

# suffixes on a digit amount: "5k", "1.2m", "3 thao", "500 bob"
DIGIT_MULTIPLIERS: dict[str, int] = {
    "k": 1000, "K": 1000, "thao": 1000, "thousand": 1000, "elfu": 1000, "ngiri": 1000,
    "m": 1_000_000, "M": 1_000_000, "million": 1_000_000, "mil": 1_000_000, "milioni": 1_000_000,
}
CURRENCY_WORDS: tuple[str, ...] = ("ksh", "kshs", "kes", "sh", "shs", "shillings", "shilingi", "bob", "pesa")

# a number right before one of these is a count of things, not money
UNIT_WORDS: tuple[str, ...] = (
    "pcs", "pieces", "piece", "items", "item", "bags", "bag", "kg", "kgs", "kilos", "litres",
    "liters", "litre", "units", "unit", "loaves", "packets", "packet", "crates", "crate", "boxes",
    "box", "trays", "tray", "bottles", "dozen", "pairs", "sacks", "sack", "gunia", "debe",
    "people", "customers", "clients", "days", "hours", "months", "weeks", "heads", "plates",
    "cups", "sodas", "rolls", "metres", "meters", "tins", "cartons", "bales", "mifuko", "vipande",
    "wateja", "siku", "masaa",
)

# --- time ------------------------------------------------------------------

TODAY_WORDS: tuple[str, ...] = ("today", "today's", "todays", "leo", "tonight", "this morning", "asubuhi hii")
YESTERDAY_WORDS: tuple[str, ...] = ("yesterday", "yesterday's", "jana", "ya jana", "last night", "jana usiku")
DAY_BEFORE_YESTERDAY_WORDS: tuple[str, ...] = ("juzi", "day before yesterday", "the day before yesterday")

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "jumatatu": 0, "tuesday": 1, "tue": 1, "tues": 1, "jumanne": 1,
    "wednesday": 2, "wed": 2, "jumatano": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "alhamisi": 3, "friday": 4, "fri": 4, "ijumaa": 4, "saturday": 5, "sat": 5, "jumamosi": 5,
    "sunday": 6, "sun": 6, "jumapili": 6,
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
    "januari": 1, "februari": 2, "machi": 3, "aprili": 4, "mei": 5, "juni": 6, "julai": 7,
    "agosti": 8, "septemba": 9, "oktoba": 10, "novemba": 11, "desemba": 12,
}
# "mwezi wa tatu" (the third month) is how many Kenyans name months in Swahili
SWAHILI_MONTH_ORDINAL_PREFIX = ("mwezi wa",)

# period phrases -> a period key understood by parser.dates
PERIOD_PHRASES: dict[str, str] = {
    "today": "today", "leo": "today", "today's": "today", "todays": "today", "ya leo": "today",
    "yesterday": "yesterday", "jana": "yesterday", "ya jana": "yesterday",
    "this week": "this_week", "wiki hii": "this_week", "this wk": "this_week", "week hii": "this_week",
    "so far this week": "this_week", "weekly": "this_week",
    "last week": "last_week", "wiki iliyopita": "last_week", "wiki jana": "last_week",
    "previous week": "last_week", "wiki ilopita": "last_week", "week iliyopita": "last_week",
    "this month": "this_month", "mwezi huu": "this_month", "month hii": "this_month",
    "so far this month": "this_month", "mwezi huu wote": "this_month", "monthly": "this_month",
    "last month": "last_month", "mwezi uliopita": "last_month", "mwezi jana": "last_month",
    "previous month": "last_month", "mwezi ulopita": "last_month", "month iliyopita": "last_month",
    "this year": "this_year", "mwaka huu": "this_year", "year to date": "this_year", "ytd": "this_year",
    "last year": "last_year", "mwaka uliopita": "last_year", "mwaka jana": "last_year",
}

# --- small talk and commands -----------------------------------------------

GREETING_WORDS: tuple[str, ...] = (
    "hi", "hello", "hey", "heya", "hallo", "helo", "hola", "yo", "howdy", "greetings",
    "good morning", "good afternoon", "good evening", "morning", "evening",
    "habari", "habari yako", "habari za asubuhi", "habari za mchana", "habari za jioni", "hujambo",
    "jambo", "sasa", "mambo", "vipi", "niaje", "niajeh", "sema", "salama", "salaam", "salam",
    "shikamoo", "uko aje", "uko poa", "poa", "how are you", "how are u", "how r u", "hi there",
    "hello there", "start", "karibu", "wasup", "whatsup", "what's up", "sup", "rada", "oya", "salaam aleikum",
    "assalaamu calaykum", "assalamu alaikum", "asalaam alaykum", "salaamu calaykum", "as-salaam alaikum",
    "salaam alaikum", "asalaam aleikum", "assalamu alaikum", "salam aleikum", "amosi", "oyawore", "misawa", "ahinya",
    "wakya", "wimwega", "asc", "asc walaal", "wi mwega", "wĩ mwega", "chamgei", "chamge", "mulembe", "uhoro waku",
    "uhoro", "bwakire",
)
GREETING_FILLERS: tuple[str, ...] = (
    "kavi", "there", "bro", "boss", "sir", "madam", "friend", "rafiki", "buda", "msee", "fam", "mkubwa", "mzee",
    "mising", "muno", "walaal", "walal", "jaduong", "omera", "jaber", "nyako", "mzeiya", "mzae", "mwalimu",
    "again", "team", "yako", "zako", "wewe", "doing", "today", "and", "na", "is", "it", "guys",
    # Pleasantries around the greeting: "Good afternoon, I hope you are keeping well."
    "i", "hope", "you", "are", "keeping", "well", "fine", "good", "great", "nice", "day", "your", "have",
    # "habari ya asubuhi", "habari za leo": the time of day greeted.
    "ya", "za", "asubuhi", "mchana", "jioni", "leo", "gani", "all", "everyone",
)

HELP_PHRASES: tuple[str, ...] = (
    "help", "/help", "msaada", "nisaidie", "saidia", "what can you do", "how do i use",
    "how does this work", "what do you do", "commands", "menu", "options", "guide",
    "unaweza kufanya nini", "unafanya nini", "instructions", "how to use", "how do you work",
    "show me what you can do", "maelekezo", "unaweza kunisaidia", "kunisaidia", "unaweza kunisaidia aje",
    "nisaidie aje", "inafanya kazi aje", "natumia aje", "how does kavi work", "how do i use kavi",
)

UNDO_PHRASES: tuple[str, ...] = (
    "undo", "undo last", "undo that", "cancel that", "cancel that entry", "cancel the last",
    "cancel last", "cancel last entry", "cancel the last entry", "delete that", "delete last",
    "delete the last", "delete last entry", "delete that entry", "remove that", "remove last",
    "remove the last", "remove that entry", "remove last entry", "that was a mistake",
    "that's wrong delete it", "futa", "futa hiyo", "futa hiyo entry", "futa ya mwisho", "ondoa",
    "ondoa hiyo", "rudisha", "batilisha", "scratch that", "reverse that", "reverse last",
    "ignore that", "ignore the last one", "wrong entry", "cancel", "cancel entry", "delete",
    "delete entry", "nimekosea futa", "sio sawa futa", "rudisha nyuma", "futa ile", "futa ile ya mwisho",
)
REDO_PHRASES: tuple[str, ...] = ("redo", "redo that", "restore", "restore that", "bring it back", "rudisha hiyo")

# "no, it was 1,500" right after a recording
CORRECTION_OPENERS: tuple[str, ...] = (
    "no", "nope", "sorry", "actually", "oops", "correction", "hapana", "la", "si", "sio", "wait",
    "i meant", "i mean", "nilimaanisha", "make it", "change it to", "change to", "it was",
    "ilikuwa", "should be", "it should be", "not", "badilisha",
)

LANGUAGE_SWITCH: dict[str, tuple[str, ...]] = {
    "sw": (
        "speak swahili", "tumia kiswahili", "kiswahili", "swahili please", "in swahili",
        "ongea kiswahili", "reply in swahili", "switch to swahili", "swahili", "kwa kiswahili",
        "/language sw",
    ),
    "en": (
        "speak english", "tumia kiingereza", "kiingereza", "english please", "in english",
        "ongea kiingereza", "reply in english", "switch to english", "english", "kwa kiingereza",
        "/language en",
    ),
}

# whole-message commands that choose when KAVI answers with a voice note
CHART_MODE_PHRASES: dict[str, tuple[str, ...]] = {
    "always": (
        "always send charts", "send charts", "charts on", "charts always", "always send a chart",
        "send charts with answers", "show charts always", "nitumie michoro", "nitumie michoro kila mara",
        "michoro kila mara", "tuma michoro",
    ),
    "never": ("no charts", "charts off", "stop charts", "stop sending charts", "bila michoro", "acha michoro"),
}  # fmt: skip
VOICE_MODE_PHRASES: dict[str, tuple[str, ...]] = {
    "always": (
        "reply by voice", "reply by voice always", "reply with voice", "reply with voice always",
        "always reply by voice", "always reply with voice", "voice replies", "voice replies on",
        "voice replies always", "talk to me", "speak to me", "send voice notes", "answer with voice",
        "jibu kwa sauti", "nijibu kwa sauti", "jibu kwa sauti kila mara", "tumia sauti",
    ),
    "never": (
        "text only", "text replies only", "reply by text", "reply with text only", "no voice",
        "no voice notes", "no voice replies", "stop voice replies", "voice replies off", "stop voice",
        "stop talking", "don't send voice notes", "maandishi tu", "jibu kwa maandishi", "bila sauti",
        "usitume sauti",
    ),
    "auto": (
        "voice replies auto", "reply by voice when i talk", "voice for voice", "sauti kwa sauti",
    ),
}

# --- questions about the numbers -------------------------------------------

QUESTION_CUES: tuple[str, ...] = (
    "how much", "how many", "what", "what's", "whats", "show", "show me", "tell me", "total",
    "totals", "ngapi", "kiasi gani", "pesa ngapi", "je", "give me", "check", "see", "view",
    "report", "summary", "status", "nionyeshe", "niambie", "nipe", "ni ngapi", "how is", "how are",
    "how did", "how was", "did i", "have i", "do i", "am i", "where", "figures", "numbers",
    "list", "breakdown", "muhtasari", "ripoti", "angalia",
)

METRIC_WORDS: dict[str, tuple[str, ...]] = {
    "expenses": (
        "spend", "spent", "spending", "expenses", "expense", "expenditure", "costs", "cost",
        "matumizi", "nimetumia", "tumetumia", "nilitumia", "gharama", "outflow", "outgoings",
        "paid out", "nimelipa ngapi", "did i pay", "i paid",
    ),
    "income": (
        "income", "sales", "sale", "sold", "revenue", "earned", "earnings", "earn", "made", "mauzo",
        "mapato", "nimeuza", "nimepata", "takings", "inflow", "received", "turnover", "nimeingiza", "niliingiza",
        "tuliingiza", "tumeingiza",
        "make",  # "how much did I make this week": what came in ("make a profit" is profit)
        "pay me", "paid me", "pays me", "amenilipa", "wamenilipa", "alinilipa", "walinilipa",
    ),
    "profit": (
        "profit", "profits", "faida", "net", "margin", "make a profit", "in profit", "loss",
        "hasara", "profit or loss", "p&l", "pnl",
    ),
    "balance": (
        "balance", "cash", "cash do i have", "money do i have", "money left", "cash at hand",
        "salio", "pesa ngapi", "pesa iko", "nimebaki na", "bank", "float", "how much do i have",
        "do i have", "position", "pesa yangu", "pesa zangu", "pesa yetu", "my money", "doo ngapi", "ganji ngapi",
        "chapaa ngapi",
    ),
}

# --- the rest of the contract ----------------------------------------------

INVOICE_WORDS: tuple[str, ...] = ("invoice", "invoices", "inv", "bill", "ankara", "risiti ya deni")
BUDGET_WORDS: tuple[str, ...] = (
    "budget", "budgets", "bajeti", "limit", "spending limit", "cap", "budjet", "budjets", "bujeti", "budjeti",
    "bajet", "bajeti yangu", "budgt", "buget", "budegt", "kulimit", "ku-limit", "isizidi", "isipite", "zisizidi",
)
FORECAST_WORDS: tuple[str, ...] = (
    "forecast", "forecasting", "projection", "projections", "predict", "prediction", "utabiri",
    "tabiri", "cash flow forecast", "next month look", "will i have", "nitakuwa na", "makadirio", "project my",
    "projected", "short of cash", "run out of cash", "run out of money", "nitaishiwa na pesa", "nitaishiwa",
    "go below", "drop below", "fall below", "go under", "dip below", "nitashuka chini", "litashuka chini",
)
# "what will my cash look like next month?": a future cue and cash together ask for the forecast.
FUTURE_WORDS: tuple[str, ...] = (
    "will", "itakuwa", "going to be", "next", "coming", "zijazo", "ijayo", "baada ya", "ahead", "upcoming",
)
CASH_WORDS: tuple[str, ...] = (
    "cash", "pesa", "balance", "salio", "money", "ganji", "doh", "doo", "chapaa", "mshiko", "cash flow", "cashflow",
)  # fmt: skip
CREDIT_WORDS: tuple[str, ...] = (
    "credit score", "creditworthiness", "credit worthiness", "credit rating", "credit limit",
    "ready for a loan", "qualify for a loan", "get a loan", "loan eligibility", "eligible for a loan",
    "can i borrow", "alama ya mkopo", "nikopeshwe", "naweza kupata mkopo", "loan limit",
    "creditworthy", "my score", "kopesheka", "my credit", "qualify for", "score ya mkopo", "score yangu",
    "nastahili loan", "stahili loan", "credit yangu", "tayari kwa mkopo", "tayari kupata mkopo", "nistahili mkopo",
    "nastahili mkopo", "nipate mkopo", "ready for loan", "ready to borrow", "qualify for loan", "loan readiness",
    "alama yangu ya mkopo", "niko tayari kwa loan", "tayari kwa loan", "alama gani ya mkopo", "alama za mkopo",
    "alama ya credit", "alama yangu", "score gani", "kiwango changu cha mkopo", "credit score yangu",
)
CHART_WORDS: tuple[str, ...] = (
    "chart", "graph", "plot", "pie", "diagram", "visual", "mchoro", "grafu", "picha ya hesabu", "bar chart",
    "chati", "jedwali la picha",
    "trend", "draw", "picha ya", "nichorea", "chora", "by category", "per category", "kwa category",
    "income versus expenses", "income vs expenses", "income versus expenditure", "income vs expenditure",
)
CHART_KINDS: dict[str, tuple[str, ...]] = {
    "income_vs_expenses": ("income vs expenses", "income and expenses", "income versus expenses",
                           "versus expenditure", "vs expenditure", "income versus",
                           "sales vs expenses", "mapato na matumizi", "in vs out", "vs", "versus",
                           "mapato dhidi ya matumizi", "dhidi ya"),
    "expenses_by_category": ("by category", "categories", "breakdown", "expenses", "spending",
                             "matumizi", "where my money goes", "pie", "kwa kila aina", "kila aina"),
    "budget": ("budget", "bajeti"),
    "forecast": ("forecast", "projection", "utabiri", "makadirio"),
    "cashflow": ("cash flow", "cashflow", "cash", "flow", "pesa"),
}
EXPORT_WORDS: tuple[str, ...] = ("export", "download", "statement", "spreadsheet", "excel", "csv", "pdf",
                                 "pdf report", "report", "ripoti", "send me a report", "xlsx")
EXPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "csv": ("csv",), "xlsx": ("xlsx", "excel", "spreadsheet", "xls"), "pdf": ("pdf",),
}
# Businesses everyone pays or is paid by, named in words KAVI also reads as categories ("fuel 3k
# shell", "tokens 500 KPLC", "uber payout"): the counterparty when no other name is given.
WELL_KNOWN_BUSINESSES: dict[str, str] = {
    "uber": "Uber", "bolt": "Bolt", "little cab": "Little Cab", "glovo": "Glovo", "jumia": "Jumia",
    "booking.com": "Booking.com", "airbnb": "Airbnb", "expedia": "Expedia",
    "shell": "Shell", "total": "TotalEnergies", "total energies": "TotalEnergies", "totalenergies": "TotalEnergies",
    "rubis": "Rubis", "ola": "Ola", "kplc": "KPLC", "kenya power": "Kenya Power", "safaricom": "Safaricom",
    "airtel": "Airtel", "zuku": "Zuku", "faiba": "Faiba", "naivas": "Naivas", "quickmart": "Quickmart",
    "carrefour": "Carrefour", "chandarana": "Chandarana", "kra": "KRA", "nhif": "NHIF", "sha": "SHA", "nssf": "NSSF",
    "equity": "Equity", "kcb": "KCB", "co-op bank": "Co-op Bank", "ntsa": "NTSA", "kiwasco": "Kiwasco",
    "nairobi water": "Nairobi Water", "g4s": "G4S", "wells fargo": "Wells Fargo",
}  # fmt: skip
CUSTOMER_WORDS: tuple[str, ...] = ("customer", "client", "mteja", "buyer")
SUPPLIER_WORDS: tuple[str, ...] = ("supplier", "vendor", "msambazaji", "wholesaler", "distributor", "wasambazaji")
ADD_WORDS: tuple[str, ...] = (
    "add", "new", "create", "register", "save", "ongeza", "sajili", "weka", "mpya",
)  # fmt: skip
INVITE_WORDS: tuple[str, ...] = (
    "invite", "add member", "add user", "give access", "karibisha", "alika", "mwongeze", "mwalike", "mpe access",
    "add to the team", "add to my team",
)
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "admin": ("admin", "administrator", "owner", "manager", "msimamizi"),
    # What the person may do, said instead of the role: "so he can record payments", "aweze kuona tu".
    "staff": ("staff", "employee", "cashier", "worker", "mfanyakazi", "attendant", "can record", "aweze kurekodi",
              "aweze kuandika", "can enter", "can add sales", "to record"),
    "viewer": ("viewer", "view only", "read only", "accountant", "auditor", "mtazamaji", "kuona tu", "aweze kuona",
               "can see", "can view", "only see", "only view", "see only", "just see", "just view", "kuangalia tu",
               "aangalie tu", "mhasibu", "aone ripoti", "aone tu", "asibadilishe", "aone hesabu"),
}
REMIND_WORDS: tuple[str, ...] = (
    "remind", "reminder", "kumbusha", "nudge", "follow up", "chase", "ukumbusho", "mkumbushe", "kumbushe",
    "wakumbushe", "mkumbushie", "nikumbushie", "ping", "follow up with",
)
REQUEST_WORDS: tuple[str, ...] = ("request", "stk", "stk push", "prompt", "omba", "dai", "collect from", "ombi",
                                  "ombi la malipo", "pop up", "popup", "pop-up",
                                  "ask for payment", "send a payment request")
LIST_INVOICE_CUES: tuple[str, ...] = (
    "who owes me", "nani ananidai", "wanaonidai", "who hasn't paid", "who has not paid", "debtors",
    "owed", "owe me", "madeni yangu", "wadeni", "outstanding", "receivables", "nani hajalipa",
    "hawajalipa",
)
INVOICE_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "overdue": ("overdue", "late", "past due", "zimepita", "zilizochelewa", "imechelewa", "expired",
                "zilizopitwa na muda", "zimepitwa na muda", "zilizopita muda", "zimechelewa",
                "zimepitisha tarehe", "zimepita tarehe", "zimepitisha muda"),
    "paid": ("paid invoices", "settled", "zilizolipwa", "cleared", "been paid", "already paid", "ziko paid",
             "has paid", "have paid",
             "zimelipwa", "are paid", "were paid", "fully paid", "paid up", "zimeshalipwa", "imeshalipwa",
             "zilizoshalipwa"),
    "all": ("all invoices", "every invoice", "all my invoices", "zote"),
    "unpaid": ("unpaid", "pending", "open", "outstanding", "hazijalipwa", "not paid", "owing", "due"),
}

# --- words that are never part of a name ------------------------------------

STOPWORDS: tuple[str, ...] = (
    "a", "an", "the", "of", "for", "from", "to", "at", "on", "in", "by", "with", "and", "or", "my",
    "our", "his", "her", "their", "i", "we", "me", "it", "is", "was", "worth", "each", "per", "ya",
    "za", "wa", "la", "kwa", "na", "cha", "vya", "yangu", "yake", "about", "kuhusu", "this",
    "that", "some", "all", "as", "be", "he", "she", "they", "you", "your", "due", "days", "day",
    "kwenye", "katika", "toka", "kutoka", "hii", "hiyo", "huyo", "please", "pls", "plz", "tafadhali",
    "via", "using", "through", "mpesa", "m-pesa", "cash", "bank", "only", "just", "total", "amount",
    "money", "pesa", "walipe", "alipe", "yao", "invoice", "inv", "him", "them", "us", "ni", "si",
    "so", "too", "also", "pia", "then", "new", "last", "next", "weekly", "monthly", "every",
)

# --- telling the two languages apart ----------------------------------------

SWAHILI_MARKERS: tuple[str, ...] = (
    "nimelipa", "nimenunua", "nimeuza", "nimepokea", "nimetumia", "nimepata", "leo", "jana", "ya",
    "za", "na", "kwa", "elfu", "mia", "laki", "mauzo", "bidhaa", "nauli", "chakula", "kodi",
    "ngapi", "habari", "wiki", "hii", "mwezi", "huu", "uliopita", "tumia", "asante", "sana",
    "nini", "gani", "je", "yangu", "mimi", "wewe", "mteja", "deni", "mkopo", "hapana", "ndiyo",
    "ndio", "tafadhali", "bajeti", "weka", "nionyeshe", "niambie", "nani", "ananidai", "amelipa",
    "kumbusha", "walipe", "msaada", "nisaidie", "karibu", "kiswahili", "tano", "mbili", "tatu",
    "kumi", "moja", "matumizi", "faida", "mapato", "salio", "mshahara", "maji", "stima", "umeme",
    "hujambo", "jambo", "mambo", "shikamoo", "futa", "ondoa", "ilikuwa", "lakini", "pia", "sawa",
    "biashara", "duka", "jina", "langu", "inaitwa", "ni", "kwa", "juzi", "hiyo", "bado", "sijui",
    "wa", "utabiri", "naweza", "nunua", "kununua", "ankara", "tarehe", "zangu", "wangu",
    "fedha", "itakuwa", "ujao", "zijazo", "jiunge", "mwongeze", "timu", "hamia",
)
ENGLISH_MARKERS: tuple[str, ...] = (
    "paid", "bought", "spent", "sold", "received", "the", "for", "from", "how", "much", "did",
    "today", "yesterday", "this", "last", "week", "month", "what", "is", "my", "i", "you", "help",
    "hello", "hi", "thanks", "thank", "please", "show", "sales", "profit", "expenses", "income",
    "undo", "cancel", "rent", "lunch", "fuel", "business", "called", "name", "it", "was", "no",
    "yes", "of", "and", "to", "on", "with", "spend", "have", "do", "am", "are", "where", "which",
)
# fmt: on
