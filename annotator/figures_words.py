"""Word lists the figure recogniser reads: bounds, scales, units, currencies, months, nouns.

Data only; :mod:`annotator.figures` compiles them. Vietnamese entries are lower case and
matched without regard to case; a space in an entry matches any run of spaces.
"""

from __future__ import annotations

# ---- bounds: the words that say how a figure bounds the quantity ----------------------------

# Before the number. "gần"/"nearly"/"almost" are read as "~" (close to), not "<".
BOUND_BEFORE: dict[str, str] = {
    # Vietnamese
    "hơn": ">", "trên": ">", "nhiều hơn": ">", "cao hơn": ">", "lớn hơn": ">", "vượt": ">",
    "vượt quá": ">", "vượt mức": ">",
    "ít nhất": "≥", "tối thiểu": "≥", "không dưới": "≥", "không ít hơn": "≥", "ít nhất là": "≥",
    "dưới": "<", "chưa đến": "<", "chưa tới": "<", "chưa đầy": "<", "không đến": "<",
    "không tới": "<", "ít hơn": "<", "thấp hơn": "<", "nhỏ hơn": "<",
    "không quá": "≤", "không vượt quá": "≤", "tối đa": "≤", "nhiều nhất": "≤",
    "khoảng": "~", "khoảng chừng": "~", "chừng": "~", "xấp xỉ": "~", "tầm": "~", "gần": "~",
    "ước": "~", "ước tính": "~", "ước khoảng": "~", "ước chừng": "~", "gần như": "~",
    "độ chừng": "~", "trên dưới": "~",
    "đúng": "=",
    # English
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "exceeding": ">", "greater than": ">", "higher than": ">", "just over": ">",
    "at least": "≥", "a minimum of": "≥", "no fewer than": "≥", "no less than": "≥",
    "not less than": "≥",
    "under": "<", "below": "<", "less than": "<", "fewer than": "<", "lower than": "<",
    "just under": "<",
    "up to": "≤", "at most": "≤", "no more than": "≤", "not more than": "≤", "a maximum of": "≤",
    "about": "~", "around": "~", "approximately": "~", "approx.": "~", "roughly": "~",
    "some": "~", "nearly": "~", "almost": "~", "close to": "~", "an estimated": "~",
    "estimated": "~", "circa": "~",
    "exactly": "=",
}

# Words that are also plain prepositions: before a bare year they are dropped ("over 2019").
PREPOSITION_BOUNDS = frozenset({"over", "under", "above", "below", "around", "about", "trên", "dưới"})

# After the number (inside the span).
BOUND_AFTER: dict[str, str] = {
    "trở lên": "≥", "trở xuống": "≤", "or more": "≥", "or above": "≥", "or higher": "≥",
    "and above": "≥", "and over": "≥", "or less": "≤", "or fewer": "≤", "or below": "≤",
}

# ---- scales ------------------------------------------------------------------------------------

SCALES: dict[str, int] = {
    "nghìn tỷ": 10**12, "nghìn tỉ": 10**12, "ngàn tỷ": 10**12, "ngàn tỉ": 10**12,
    "nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9, "trăm": 100,
    "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12, "hundred": 100,
    "mn": 10**6, "bn": 10**9,
}
# What must not follow a scale word for it to be one ("tỷ lệ" is a rate, "triệu phú" a person).
SCALE_NOT_BEFORE: dict[str, str] = {
    "tỷ": r"lệ|suất|trọng|giá|số|phú", "tỉ": r"lệ|suất|trọng|giá|số|phú",
    "triệu": r"chứng|phú", "trăm": r"năm\s+(?:tuổi|trước)",
}
# Abbreviations read as scales only straight after a currency-marked number ("$5m", "$3bn").
CURRENCY_SCALES: dict[str, int] = {"k": 1000, "m": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}

# ---- units ------------------------------------------------------------------------------------
# (surface, label, normalised unit). Surfaces are matched case-insensitively unless listed in
# CASE_SENSITIVE_UNITS.

_DONG_NOT = (
    "chí|bào|bằng|thời|ý|bộ|nghiệp|hành|hương|minh|đội|lòng|loạt|phục|tình|dạng|nhất|hồ|ca|"
    "thuận|cảm|đều|tâm|sự|chủ|phạm|môn|hạng|cỏ|lúa|ruộng|xu|niên|tộc|trinh|tử|dao|thau|"
    "chiêm|khởi|vọng|diễn|tính|vị|ấu|hóa|hoá|thanh|văn|trang|bóng|âm|quy|lõa|sinh|tiền"
)

UNITS: list[tuple[str, str, str]] = [
    # percent
    ("%", "PERCENT", "%"), ("phần trăm", "PERCENT", "%"), ("percent", "PERCENT", "%"),
    ("per cent", "PERCENT", "%"), ("pct", "PERCENT", "%"),
    ("điểm phần trăm", "PERCENT", "pp"), ("điểm %", "PERCENT", "pp"),
    ("percentage points", "PERCENT", "pp"), ("percentage point", "PERCENT", "pp"),
    # money
    ("đồng", "MONEY", "VND"), ("VND", "MONEY", "VND"), ("VNĐ", "MONEY", "VND"), ("đ", "MONEY", "VND"),
    ("dong", "MONEY", "VND"), ("₫", "MONEY", "VND"),
    ("USD", "MONEY", "USD"), ("đô la Mỹ", "MONEY", "USD"), ("đô-la Mỹ", "MONEY", "USD"),
    ("đô la", "MONEY", "USD"), ("đô-la", "MONEY", "USD"), ("đôla", "MONEY", "USD"), ("đô", "MONEY", "USD"),
    ("US dollars", "MONEY", "USD"), ("US dollar", "MONEY", "USD"), ("dollars", "MONEY", "USD"),
    ("dollar", "MONEY", "USD"), ("Mỹ kim", "MONEY", "USD"),
    ("EUR", "MONEY", "EUR"), ("euro", "MONEY", "EUR"), ("euros", "MONEY", "EUR"), ("€", "MONEY", "EUR"),
    ("bảng Anh", "MONEY", "GBP"), ("GBP", "MONEY", "GBP"), ("pounds sterling", "MONEY", "GBP"),
    ("yên Nhật", "MONEY", "JPY"), ("yên", "MONEY", "JPY"), ("yen", "MONEY", "JPY"), ("JPY", "MONEY", "JPY"),
    ("nhân dân tệ", "MONEY", "CNY"), ("NDT", "MONEY", "CNY"), ("CNY", "MONEY", "CNY"),
    ("yuan", "MONEY", "CNY"), ("tệ", "MONEY", "CNY"),
    ("won", "MONEY", "KRW"), ("KRW", "MONEY", "KRW"), ("baht", "MONEY", "THB"), ("bạt", "MONEY", "THB"),
    ("THB", "MONEY", "THB"), ("kíp", "MONEY", "LAK"), ("LAK", "MONEY", "LAK"), ("riel", "MONEY", "KHR"),
    ("rúp", "MONEY", "RUB"), ("rubles", "MONEY", "RUB"), ("roubles", "MONEY", "RUB"), ("RUB", "MONEY", "RUB"),
    ("rupee", "MONEY", "INR"), ("rupees", "MONEY", "INR"), ("INR", "MONEY", "INR"),
    ("SGD", "MONEY", "SGD"), ("đô la Singapore", "MONEY", "SGD"), ("AUD", "MONEY", "AUD"),
    ("đô la Úc", "MONEY", "AUD"), ("CAD", "MONEY", "CAD"), ("CHF", "MONEY", "CHF"), ("HKD", "MONEY", "HKD"),
    ("TWD", "MONEY", "TWD"),
    # length, area, volume
    ("km2", "MEASURE", "km2"), ("km²", "MEASURE", "km2"), ("ki-lô-mét vuông", "MEASURE", "km2"),
    ("kilômét vuông", "MEASURE", "km2"), ("cây số vuông", "MEASURE", "km2"),
    ("square kilometres", "MEASURE", "km2"), ("square kilometers", "MEASURE", "km2"),
    ("sq km", "MEASURE", "km2"),
    ("m2", "MEASURE", "m2"), ("m²", "MEASURE", "m2"), ("mét vuông", "MEASURE", "m2"),
    ("square metres", "MEASURE", "m2"), ("square meters", "MEASURE", "m2"), ("sq m", "MEASURE", "m2"),
    ("m3", "MEASURE", "m3"), ("m³", "MEASURE", "m3"), ("mét khối", "MEASURE", "m3"),
    ("cubic metres", "MEASURE", "m3"), ("cubic meters", "MEASURE", "m3"),
    ("km/h", "MEASURE", "km/h"), ("km/giờ", "MEASURE", "km/h"), ("mph", "MEASURE", "mph"),
    ("km", "MEASURE", "km"), ("ki-lô-mét", "MEASURE", "km"), ("kilômét", "MEASURE", "km"),
    ("kilomet", "MEASURE", "km"), ("cây số", "MEASURE", "km"), ("kilometres", "MEASURE", "km"),
    ("kilometers", "MEASURE", "km"), ("kilometre", "MEASURE", "km"), ("kilometer", "MEASURE", "km"),
    ("m", "MEASURE", "m"), ("mét", "MEASURE", "m"), ("metres", "MEASURE", "m"), ("meters", "MEASURE", "m"),
    ("metre", "MEASURE", "m"), ("meter", "MEASURE", "m"),
    ("cm", "MEASURE", "cm"), ("xen-ti-mét", "MEASURE", "cm"), ("centimet", "MEASURE", "cm"),
    ("centimetres", "MEASURE", "cm"), ("centimeters", "MEASURE", "cm"), ("mm", "MEASURE", "mm"),
    ("miles", "MEASURE", "mi"), ("mile", "MEASURE", "mi"), ("feet", "MEASURE", "ft"), ("ft", "MEASURE", "ft"),
    ("ha", "MEASURE", "ha"), ("héc-ta", "MEASURE", "ha"), ("hécta", "MEASURE", "ha"), ("hecta", "MEASURE", "ha"),
    ("hectares", "MEASURE", "ha"), ("hectare", "MEASURE", "ha"), ("acres", "MEASURE", "acre"),
    ("acre", "MEASURE", "acre"), ("mẫu", "MEASURE", "mẫu"), ("sào", "MEASURE", "sào"),
    ("lít", "MEASURE", "l"), ("litres", "MEASURE", "l"), ("liters", "MEASURE", "l"), ("litre", "MEASURE", "l"),
    ("liter", "MEASURE", "l"), ("ml", "MEASURE", "ml"), ("gallons", "MEASURE", "gal"),
    ("barrels", "MEASURE", "bbl"), ("thùng dầu", "MEASURE", "bbl"),
    # mass
    ("tấn", "MEASURE", "t"), ("tonnes", "MEASURE", "t"), ("tonne", "MEASURE", "t"), ("tons", "MEASURE", "t"),
    ("ton", "MEASURE", "t"), ("tạ", "MEASURE", "quintal"), ("kg", "MEASURE", "kg"),
    ("ki-lô-gam", "MEASURE", "kg"), ("kilôgam", "MEASURE", "kg"), ("kilogram", "MEASURE", "kg"),
    ("kilograms", "MEASURE", "kg"), ("kilogrammes", "MEASURE", "kg"), ("kilos", "MEASURE", "kg"),
    ("g", "MEASURE", "g"), ("gam", "MEASURE", "g"), ("grams", "MEASURE", "g"), ("mg", "MEASURE", "mg"),
    ("lb", "MEASURE", "lb"), ("lbs", "MEASURE", "lb"),
    # energy, power, temperature
    ("kWh", "MEASURE", "kWh"), ("MWh", "MEASURE", "MWh"), ("GWh", "MEASURE", "GWh"), ("kW", "MEASURE", "kW"),
    ("MW", "MEASURE", "MW"), ("GW", "MEASURE", "GW"), ("megawatts", "MEASURE", "MW"),
    ("độ C", "MEASURE", "°C"), ("°C", "MEASURE", "°C"), ("ºC", "MEASURE", "°C"), ("degrees Celsius", "MEASURE", "°C"),
    ("độ", "MEASURE", "°"), ("degrees", "MEASURE", "°"), ("degree", "MEASURE", "°"), ("TEU", "MEASURE", "TEU"),
    # age
    ("tuổi", "MEASURE", "age"), ("years old", "MEASURE", "age"), ("year-old", "MEASURE", "age"),
    # time
    ("thập kỷ", "DURATION", "decade"), ("thập niên", "DURATION", "decade"), ("thế kỷ", "DURATION", "century"),
    ("năm", "DURATION", "year"), ("tháng", "DURATION", "month"), ("tuần", "DURATION", "week"),
    ("ngày", "DURATION", "day"), ("giờ", "DURATION", "hour"), ("tiếng", "DURATION", "hour"),
    ("phút", "DURATION", "minute"), ("giây", "DURATION", "second"), ("đêm", "DURATION", "night"),
    ("years", "DURATION", "year"), ("year", "DURATION", "year"), ("months", "DURATION", "month"),
    ("month", "DURATION", "month"), ("weeks", "DURATION", "week"), ("week", "DURATION", "week"),
    ("days", "DURATION", "day"), ("day", "DURATION", "day"), ("hours", "DURATION", "hour"),
    ("hour", "DURATION", "hour"), ("minutes", "DURATION", "minute"), ("minute", "DURATION", "minute"),
    ("seconds", "DURATION", "second"), ("decades", "DURATION", "decade"), ("decade", "DURATION", "decade"),
    ("centuries", "DURATION", "century"),
]
CASE_SENSITIVE_UNITS = frozenset({
    "m", "g", "mm", "cm", "km", "kg", "mg", "ml", "kW", "MW", "GW", "kWh", "MWh", "GWh", "ha", "ft",
    "lb", "lbs", "TEU", "won", "VND", "VNĐ", "USD", "EUR", "GBP", "JPY", "CNY", "KRW", "THB", "LAK",
    "RUB", "INR", "SGD", "AUD", "CAD", "CHF", "HKD", "TWD", "NDT", "đ", "m2", "m3", "km2", "pct", "mph",
    "độ C", "sq km", "sq m",
})
# What must not follow a unit word for it to be one ("5 đô thị" are five towns).
UNIT_NOT_BEFORE: dict[str, str] = {
    "đồng": _DONG_NOT, "đô": r"thị|đốc|vật|tuyển", "yên": r"tâm|bình|ổn|lặng|tĩnh|ả|bái|thế|lạc|vui",
    "tệ": r"nạn|hại", "tấn": r"công", "độ": r"tuổi|dài|cao|sâu|rộng|phủ|tin|che|ẩm|mặn|trễ|an toàn|cồn|C",
    "giờ": r"\d", "ngày": r"thứ", "tháng": r"\d", "năm": r"thứ", "tuần": r"thứ", "ha": r"ha",
    "tạ": r"ơn", "mẫu": r"giáo|hạm|số|thân", "sào": r"huyệt", "won": r"the|a|an", "m": r"[-/]\d",
    "g": r"[-/]\d",
}

# Currency marks written before the number ("$5", "US$3 billion", "VND5 trillion").
CURRENCY_PREFIX: dict[str, str] = {
    "US$": "USD", "$": "USD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NT$": "TWD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₫": "VND", "₩": "KRW",
    "VND": "VND", "VNĐ": "VND", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY",
}

# ---- dates -------------------------------------------------------------------------------------

MONTHS_EN: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}
# Words that make a lone month name a date ("in May", "since October").
MONTH_CUES_EN = (
    "in", "since", "until", "till", "by", "during", "from", "of", "last", "next", "this", "early",
    "late", "mid-", "end of", "through", "to", "before", "after", "on", "between", "and",
)
# Vietnamese month names written in words ("tháng Giêng", "tháng Tám"); capitalised forms only.
MONTHS_VI_WORDS: dict[str, int] = {
    "Giêng": 1, "giêng": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8,
    "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười một": 11, "Mười Hai": 12, "Mười hai": 12,
    "Chạp": 12, "chạp": 12,
    # lower case only where no other reading exists ("tháng năm" may be "months and years")
    "mười": 10, "mười một": 11, "mười hai": 12,
}
# Cues before a bare "d/m" that make it a date, and ones that make it a fraction.
DATE_CUES = (
    "ngày", "hôm", "từ", "đến", "tới", "sáng", "chiều", "tối", "trưa", "đêm", "rạng sáng", "lễ",
    "dịp", "trước", "sau", "since", "on", "until", "by",
)
RATIO_CUES = ("chiếm", "tỷ lệ", "tỉ lệ", "đạt", "được", "có", "ratio", "với", "là")

# ---- nouns -------------------------------------------------------------------------------------

# Nouns a figure counts, as they follow it ("595 Đảng bộ", "82% dân số"). Longest match wins.
REFERENTS_VI: tuple[str, ...] = (
    "đảng bộ cơ sở", "đảng bộ", "chi bộ cơ sở", "chi bộ", "đảng viên", "cán bộ", "công chức",
    "viên chức", "người dân", "người lao động", "người", "hộ gia đình", "hộ nghèo", "hộ", "xã",
    "phường", "thị trấn", "huyện", "quận", "tỉnh", "thành phố", "tỉnh, thành phố", "đơn vị",
    "đề án", "dự án", "doanh nghiệp", "công ty", "trường học", "trường", "học sinh", "sinh viên",
    "giáo viên", "bác sĩ", "bệnh nhân", "ca mắc", "ca nhiễm", "ca tử vong", "ca", "trường hợp",
    "vụ án", "vụ việc", "vụ", "đại biểu", "phiếu bầu", "phiếu", "lao động", "công nhân", "nhà",
    "căn hộ", "căn nhà", "ngôi nhà", "xe", "ô tô", "chiếc", "tàu", "cây", "con", "sản phẩm",
    "mặt hàng", "lượt người", "lượt", "lần", "dân số", "quốc gia", "nước", "thành viên",
    "tổ chức", "cơ sở", "bệnh viện", "giường bệnh", "bệnh", "cơ quan", "ủy viên", "đồng chí",
    "chiến sĩ", "bộ đội", "nông dân", "thôn", "bản", "làng", "ấp", "tổ dân phố", "khu dân cư",
    "phòng học", "lớp học", "lớp", "cuộc", "văn bản", "hồ sơ", "đơn", "ý kiến", "câu hỏi",
    "tuyến", "tuyến đường", "công trình", "cầu", "dân tộc", "đồng bào", "hội viên", "đoàn viên",
    "tiểu ban", "ban", "hội nghị", "đại hội", "cử tri", "ứng cử viên", "trẻ em", "cháu",
    "thí sinh", "khách", "du khách", "lượt khách", "phụ nữ", "thanh niên", "bí thư", "dân", "đô thị",
    "lượt truy cập", "tỉnh, thành", "gia đình", "hecta", "mẫu", "cá thể", "liều", "liều vắc xin",
    "mũi", "mũi tiêm", "mẫu xét nghiệm", "điểm", "tầng", "giáo xứ", "khu công nghiệp", "nhà máy", "cửa hàng",
)
# English determiners/adjectives skipped when looking for the noun after a number.
SKIP_WORDS_EN = frozenset(
    "new more other additional such young old local foreign poor poorest small large big major "
    "total active confirmed registered full-time of the".split()
)
STOPWORDS_EN = frozenset(
    "a an the and or but of to in on at for by from with as is are was were be been has have had "
    "will would can could may might should than that this these those it its their his her per "
    "each every so if then also more less percent last next year years month months week weeks ago "
    "earlier later before after since compared respectively only year-on-year annually yearly "
    "points".split()
)
# Nouns a term, ordinal or period belongs to, as they precede it ("nhiệm kỳ 2020-2025").
HEADS_BEFORE: tuple[str, ...] = (
    "nhiệm kỳ", "giai đoạn", "thời kỳ", "năm học", "niên khóa", "niên khoá", "niên độ",
    "năm tài chính", "khóa", "khoá", "kỳ họp", "kì họp", "lần", "đợt", "vòng", "phiên", "kỳ",
    "hội nghị", "đại hội", "thế kỷ", "thế kỉ", "quý", "chương", "phần", "tập",
    "term", "period", "session", "round", "phase", "fiscal year", "school year",
)
# More nouns an ordinal belongs to ("người thứ 3", "ngày thứ 2").
ORDINAL_REFERENTS: tuple[str, ...] = (
    "người", "ngày", "năm", "tháng", "tuần", "hạng", "giải", "vị trí", "đội", "nước", "quốc gia",
    "tỉnh", "địa phương", "doanh nghiệp", "trường hợp", "ca", "bệnh nhân", "lớp", "tầng", "bước",
    "mục tiêu", "nhiệm vụ", "điểm", "tiêu chí", "nội dung", "kỳ đại hội", "cuộc",
)
# Nouns a period belongs to, as they follow it in English ("the 2021-2025 term").
HEADS_AFTER_EN = frozenset(
    "term period plan tenure season strategy programme program budget cycle session".split()
)

# Heads after which a Roman numeral or a number is an ordinal ("khóa XV", "Hội nghị Trung ương 8").
ORDINAL_HEADS: tuple[str, ...] = (
    "khóa", "khoá", "quý", "thế kỷ", "thế kỉ", "chương", "đại hội", "hội nghị trung ương", "hội nghị Trung ương",
    "kỳ họp", "kì họp", "lần",
)

# Words before a number that make it a label, not a figure ("Điều 5", "Quận 1", "số 26").
LABEL_PREFIXES: tuple[str, ...] = (
    "điều", "khoản", "điểm", "mục", "trang", "số", "no.", "no", "article", "clause", "section",
    "page", "room", "quốc lộ", "ql", "tỉnh lộ", "route", "highway", "km", "quận", "phường",
    "district", "ward", "tổ", "ấp", "khu phố", "xóm", "lô", "hẻm", "ngõ", "ngách", "kiệt",
    "phiên bản", "version", "tầng", "phòng", "biển số", "mã", "code", "top", "đường số",
    "sư đoàn", "trung đoàn", "tiểu đoàn", "mẫu", "model", "bảng", "hình", "table", "figure",
    "khu", "block", "tòa", "nhà số", "bệnh nhân", "bn", "ca bệnh", "ca số", "mã số", "patient", "case",
    "flight", "chuyến bay",
)

# Words before "số" that make it part of a noun ("dân số", "tổng số"), not "No.".
SO_COMPOUNDS: tuple[str, ...] = (
    "dân", "tổng", "chỉ", "hệ", "tỷ", "tỉ", "con", "đa", "thiểu", "với", "có", "là", "đạt", "lên",
    "xuống", "chiếm", "ở", "các", "những", "mức", "phần", "kỷ", "điểm", "cả", "toàn", "trong",
)

# ---- document references ---------------------------------------------------------------------

DOC_TYPES: tuple[str, ...] = (
    "Thông tư liên tịch", "Chỉ thị", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư",
    "Hướng dẫn", "Quy định", "Kết luận", "Công văn", "Công điện", "Luật", "Pháp lệnh",
    "Kế hoạch", "Thông báo", "Tờ trình", "Quy chế", "Văn bản", "Báo cáo", "Đề án",
    "Directive", "Decree", "Resolution", "Circular", "Decision", "Instruction", "Conclusion",
    "Regulation", "Guideline", "Guidance", "Dispatch", "Official Letter", "Law", "Ordinance",
)
# Types whose number is a reference even without "số"/"No." ("Nghị định 30/2020").
STRONG_DOC_TYPES = frozenset({
    "thông tư liên tịch", "chỉ thị", "nghị định", "nghị quyết", "quyết định", "thông tư",
    "công văn", "công điện", "kết luận", "directive", "decree", "resolution", "circular",
    "decision",
})

# ---- numbers written in words (Vietnamese) ------------------------------------------------------

# Digit words. "năm" is also "year", "ba" also "father", "tư" also "private", "một" also "a": a
# number in words is only read when it holds one of NUMBER_STRONG_VI ("ba triệu", "hai mươi lăm").
DIGIT_WORDS_VI: dict[str, int] = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
NUMBER_STRONG_VI = frozenset({"mười", "mươi", "chục", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"})
NUMBER_WORDS_VI = frozenset(DIGIT_WORDS_VI) | NUMBER_STRONG_VI | {"linh", "lẻ", "rưỡi"}
# Words before a number in words that make it something else: a month ("tháng mười"), a day
# ("mùng mười"), an ordinal ("thứ ba"), a vague quantity ("hàng trăm", "vài nghìn", "mấy chục").
NUMBER_WORDS_NOT_AFTER_VI = frozenset({
    "tháng", "mùng", "mồng", "ngày", "thứ", "hàng", "vài", "mấy", "dăm", "bao", "nhiều", "mươi", "số",
})
