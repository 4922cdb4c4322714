"""The figure recogniser: a table of Vietnamese and English cases, properties, and speed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.figures import FIGURE_LABELS, RECOGNISED_LABELS, Suggestion, recognise
from annotator.model import SpanState
from annotator.numbers import decimal_separator, format_decimal, guess_language, parse_number, roman_to_int
from annotator.schema import default_schema

DATA = Path(__file__).parent / "data"
SCHEMA = default_schema()

# (text, language, [(span text, label, attributes that must be present with these values)])
# The expected list is the whole output: nothing else may be proposed.
Case = tuple[str, "str | None", list[tuple[str, str, dict[str, Any]]]]

VI_NUMBERS: list[Case] = [
    ("Giá vàng tăng 4.500 đồng mỗi lượng.", "vi", [("4.500 đồng", "MONEY", {"value": "4500", "unit": "VND"})]),
    ("Tỷ lệ đạt 88,8% trong năm.", "vi", [("88,8%", "PERCENT", {"value": "88.8", "unit": "%"})]),
    ("Dân số 96.208.984 người.", "vi", [("96.208.984", "COUNT", {"value": "96208984", "referent": "người"})]),
    ("Có 1.234,5 tấn hàng.", "vi", [("1.234,5 tấn", "MEASURE", {"value": "1234.5", "unit": "t"})]),
    ("Lãi suất 0,5%.", "vi", [("0,5%", "PERCENT", {"value": "0.5"})]),
    ("Doanh thu đạt 1,5 triệu USD.", "vi",
     [("1,5 triệu USD", "MONEY", {"value": "1500000", "scale": "1000000", "unit": "USD"})]),
    ("Kim ngạch đạt 545,3 tỷ USD.", "vi",
     [("545,3 tỷ USD", "MONEY", {"value": "545300000000", "scale": "1000000000", "unit": "USD"})]),
    ("Năm 2019 có 96,2 triệu dân.", "vi",
     [("Năm 2019", "DATE", {"date": "2019"}), ("96,2 triệu", "COUNT", {"value": "96200000", "referent": "dân"})]),
    ("Có 2 nghìn người.", "vi", [("2 nghìn", "COUNT", {"value": "2000", "scale": "1000", "referent": "người"})]),
    ("Có 3 ngàn hộ.", "vi", [("3 ngàn", "COUNT", {"value": "3000", "referent": "hộ"})]),
    ("Thu 7 tỉ đồng.", "vi", [("7 tỉ đồng", "MONEY", {"value": "7000000000", "unit": "VND"})]),
    ("Doanh thu 50 nghìn tỷ đồng.", "vi",
     [("50 nghìn tỷ đồng", "MONEY", {"value": "50000000000000", "scale": "1000000000000"})]),
    ("Tổng vốn 1 tỷ 200 triệu đồng.", "vi",
     [("1 tỷ 200 triệu đồng", "MONEY", {"value": "1200000000", "scale": "1000000000", "unit": "VND"})]),
    ("Giá 30.000đ/kg.", "vi", [("30.000đ/kg", "MONEY", {"value": "30000", "unit": "VND/kg"})]),
    ("Giá xăng 20.000 đồng/lít.", "vi", [("20.000 đồng/lít", "MONEY", {"value": "20000", "unit": "VND/l"})]),
    ("Học phí 500.000 VNĐ.", "vi", [("500.000 VNĐ", "MONEY", {"value": "500000", "unit": "VND"})]),
    ("Lương 10 triệu đô la Mỹ.", "vi", [("10 triệu đô la Mỹ", "MONEY", {"value": "10000000", "unit": "USD"})]),
    ("Giá 5 đô la.", "vi", [("5 đô la", "MONEY", {"value": "5", "unit": "USD"})]),
    ("Quỹ 20 triệu euro.", "vi", [("20 triệu euro", "MONEY", {"value": "20000000", "unit": "EUR"})]),
    ("Vay 100 tỷ yên Nhật.", "vi", [("100 tỷ yên Nhật", "MONEY", {"value": "100000000000", "unit": "JPY"})]),
    ("Đầu tư 2 tỷ nhân dân tệ.", "vi", [("2 tỷ nhân dân tệ", "MONEY", {"unit": "CNY"})]),
    ("Có 5 đồng chí được bầu.", "vi", [("5", "COUNT", {"value": "5", "referent": "đồng chí"})]),
    ("Có 12 đô thị loại I.", "vi", [("12", "COUNT", {"value": "12", "referent": "đô thị"})]),
    ("Ông có 2 triệu chứng.", "vi", [("2", "COUNT", {"value": "2"})]),
    ("Tổng số 500 người tham gia.", "vi", [("500", "COUNT", {"value": "500", "referent": "người"})]),
    ("Đã có 08 đề án.", "vi", [("08", "COUNT", {"value": "8", "referent": "đề án"})]),
    ("Toàn bộ 595 Đảng bộ, chi bộ.", "vi", [("595", "COUNT", {"value": "595", "referent": "Đảng bộ"})]),
    ("Trong đó 56 đảng bộ cơ sở.", "vi", [("56", "COUNT", {"value": "56", "referent": "đảng bộ cơ sở"})]),
    ("Dịch lan rộng ở 63 tỉnh, thành phố.", "vi", [("63", "COUNT", {"referent": "tỉnh, thành phố"})]),
    ("Có 1.500 người.", None, [("1.500", "COUNT", {"value": "1500"})]),  # "người" → vi, no ambiguity
    ("1.500", None, [("1.500", "COUNT", {"value": "1500", "ambiguous": True})]),
    ("1,500", None, [("1,500", "COUNT", {"value": "1500", "ambiguous": True})]),
    ("4.500 và 88,8", None, [("4.500", "COUNT", {"value": "4500"}), ("88,8", "COUNT", {"value": "88.8"})]),
]

VI_BOUNDS: list[Case] = [
    ("Đạt hơn 90% phiếu bầu.", "vi", [("hơn 90%", "PERCENT", {"value": "90", "bound": ">", "referent": "phiếu bầu"})]),
    ("Có trên 1.000 người.", "vi", [("trên 1.000", "COUNT", {"value": "1000", "bound": ">"})]),
    ("Khoảng 3 tỷ đồng được giải ngân.", "vi", [("Khoảng 3 tỷ đồng", "MONEY", {"bound": "~", "value": "3000000000"})]),
    ("Tỷ lệ hộ nghèo gần 5%.", "vi", [("gần 5%", "PERCENT", {"bound": "~"})]),
    ("Vốn xấp xỉ 500 tỷ đồng.", "vi", [("xấp xỉ 500 tỷ đồng", "MONEY", {"bound": "~"})]),
    ("Chỉ có tầm 30 người.", "vi", [("tầm 30", "COUNT", {"bound": "~", "referent": "người"})]),
    ("Số ca nhiễm dưới 100 ca.", "vi", [("dưới 100", "COUNT", {"bound": "<", "referent": "ca"})]),
    ("Mức phạt không quá 5 triệu đồng.", "vi", [("không quá 5 triệu đồng", "MONEY", {"bound": "≤"})]),
    ("Cần ít nhất 50 người.", "vi", [("ít nhất 50", "COUNT", {"bound": "≥", "value": "50"})]),
    ("Tỷ lệ 50% trở lên.", "vi", [("50% trở lên", "PERCENT", {"bound": "≥", "value": "50"})]),
    ("Người từ 18 tuổi trở lên.", "vi", [("từ 18 tuổi trở lên", "MEASURE", {"bound": "≥", "unit": "age"})]),
    ("Trẻ em 6 tuổi trở xuống.", "vi", [("6 tuổi trở xuống", "MEASURE", {"bound": "≤"})]),
    ("Chưa đến 10% hộ dân.", "vi", [("Chưa đến 10%", "PERCENT", {"bound": "<"})]),
    ("Tối đa 20 người.", "vi", [("Tối đa 20", "COUNT", {"bound": "≤"})]),
    ("Tối thiểu 3 năm.", "vi", [("Tối thiểu 3 năm", "DURATION", {"bound": "≥", "unit": "year"})]),
    ("Ước tính 2 triệu người.", "vi", [("Ước tính 2 triệu", "COUNT", {"bound": "~"})]),
    ("Nhiều hơn 7 người.", "vi", [("Nhiều hơn 7", "COUNT", {"bound": ">"})]),
    ("Khoảng 3/4 số hộ dân đồng ý.", "vi", [("Khoảng 3/4", "RATIO", {"value": "0.75", "bound": "~"})]),
    ("Hơn 2/3 đại biểu tán thành.", "vi", [("Hơn 2/3", "RATIO", {"value": "0.666667", "bound": ">"})]),
]

VI_UNITS: list[Case] = [
    ("Diện tích 25 ha đất rừng.", "vi", [("25 ha", "MEASURE", {"value": "25", "unit": "ha"})]),
    ("Con đường dài 12 km.", "vi", [("12 km", "MEASURE", {"unit": "km"})]),
    ("Sản lượng đạt 5 tấn/ha.", "vi", [("5 tấn/ha", "MEASURE", {"unit": "t/ha"})]),
    ("Xuất khẩu 1,2 triệu tấn gạo.", "vi", [("1,2 triệu tấn", "MEASURE", {"value": "1200000", "unit": "t"})]),
    ("Căn hộ rộng 75 m2.", "vi", [("75 m2", "MEASURE", {"unit": "m2"})]),
    ("Diện tích 1.000 km².", "vi", [("1.000 km²", "MEASURE", {"value": "1000", "unit": "km2"})]),
    ("Nặng 50 kg.", "vi", [("50 kg", "MEASURE", {"unit": "kg"})]),
    ("Cao 3,5 m.", "vi", [("3,5 m", "MEASURE", {"value": "3.5", "unit": "m"})]),
    ("Dung tích 2 lít.", "vi", [("2 lít", "MEASURE", {"unit": "l"})]),
    ("Nhà máy 600 MW.", "vi", [("600 MW", "MEASURE", {"unit": "MW"})]),
    ("Nhiệt độ 35 độ C.", "vi", [("35 độ C", "MEASURE", {"unit": "°C"})]),
    ("Ông ấy 45 tuổi.", "vi", [("45 tuổi", "MEASURE", {"value": "45", "unit": "age"})]),
    ("Tốc độ 60 km/h.", "vi", [("60 km/h", "MEASURE", {"unit": "km/h"})]),
    ("Khai thác 3 tỷ m3 khí.", "vi", [("3 tỷ m3", "MEASURE", {"value": "3000000000", "unit": "m3"})]),
    ("Trong 3 năm qua.", "vi", [("3 năm", "DURATION", {"value": "3", "unit": "year"})]),
    ("Sau 6 tháng.", "vi", [("6 tháng", "DURATION", {"unit": "month"})]),
    ("Chuyến đi 3 ngày 2 đêm.", "vi",
     [("3 ngày", "DURATION", {"unit": "day"}), ("2 đêm", "DURATION", {"unit": "night"})]),
    ("Mất 2 tuần.", "vi", [("2 tuần", "DURATION", {"unit": "week"})]),
    ("Kéo dài 45 phút.", "vi", [("45 phút", "DURATION", {"unit": "minute"})]),
    ("Lãi suất giảm 0,5 điểm phần trăm.", "vi", [("0,5 điểm phần trăm", "PERCENT", {"value": "0.5", "unit": "pp"})]),
    ("Tăng 5 phần trăm.", "vi", [("5 phần trăm", "PERCENT", {"unit": "%"})]),
    ("Tăng trưởng 5-7% mỗi năm.", "vi", [("5-7%", "PERCENT", {"low": "5", "high": "7", "unit": "%"})]),
    ("Lương từ 5 đến 7 triệu đồng.", "vi",
     [("từ 5 đến 7 triệu đồng", "MONEY", {"low": "5000000", "high": "7000000", "unit": "VND"})]),
    ("Thời gian 2-3 năm.", "vi", [("2-3 năm", "DURATION", {"low": "2", "high": "3", "unit": "year"})]),
    ("Từ 10% đến 15%.", "vi", [("Từ 10% đến 15%", "PERCENT", {"low": "10", "high": "15"})]),
]

VI_DATES: list[Case] = [
    ("Đến ngày 4/8/2020, đại hội xong.", "vi", [("ngày 4/8/2020", "DATE", {"date": "2020-08-04", "granularity": "day"})]),
    ("Hạn chót là 8/4/2020.", "vi", [("8/4/2020", "DATE", {"date": "2020-04-08"})]),
    ("Hạn chót 04-08-2020.", "vi", [("04-08-2020", "DATE", {"date": "2020-08-04"})]),
    ("Ngày 4 tháng 8 năm 2020, hội nghị diễn ra.", "vi",
     [("Ngày 4 tháng 8 năm 2020", "DATE", {"date": "2020-08-04", "granularity": "day"})]),
    ("Vào 15 tháng 3 năm 2021.", "vi", [("15 tháng 3 năm 2021", "DATE", {"date": "2021-03-15"})]),
    ("Ngày 2 tháng 9.", "vi", [("Ngày 2 tháng 9", "DATE", {"date": "XXXX-09-02"})]),
    ("Hội nghị diễn ra vào cuối tháng 9.", "vi", [("tháng 9", "DATE", {"date": "XXXX-09", "granularity": "month"})]),
    ("Từ tháng 8/2020 đến nay.", "vi", [("tháng 8/2020", "DATE", {"date": "2020-08", "granularity": "month"})]),
    ("Tháng 12 năm 2019.", "vi", [("Tháng 12 năm 2019", "DATE", {"date": "2019-12"})]),
    ("Tết tháng Giêng.", "vi", [("tháng Giêng", "DATE", {"date": "XXXX-01"})]),
    ("Năm 2020 là năm đặc biệt.", "vi", [("Năm 2020", "DATE", {"date": "2020", "granularity": "year"})]),
    ("Như giai đoạn 2015, số cán bộ.", "vi", [("2015", "DATE", {"date": "2015", "referent": "giai đoạn"})]),
    ("Sự kiện ngày 2/9 là lễ lớn.", "vi", [("ngày 2/9", "DATE", {"date": "XXXX-09-02"})]),
    ("Hôm 2/9, người dân nghỉ lễ.", "vi", [("2/9", "DATE", {"date": "XXXX-09-02"})]),
    ("Những năm 1990 kinh tế khó khăn.", "vi", [("năm 1990", "DATE", {"date": "1990", "granularity": "decade"})]),
    ("Thập niên 1980.", "vi", [("Thập niên 1980", "DATE", {"granularity": "decade"})]),
    ("Quý I/2020 tăng trưởng.", "vi",
     [("I", "ORDINAL", {"value": "1", "referent": "Quý"}), ("2020", "DATE", {"date": "2020"})]),
    ("ngày 30/4 và 1/5", "vi",
     [("ngày 30/4", "DATE", {"date": "XXXX-04-30"}), ("1/5", "DATE", {"date": "XXXX-05-01", "ambiguous": True})]),
    ("Theo số liệu 2/2021.", "vi", [("2/2021", "DATE", {"date": "2021-02", "granularity": "month"})]),
]

VI_PERIODS_ORDINALS: list[Case] = [
    ("Đại hội nhiệm kỳ 2020-2025.", "vi",
     [("2020-2025", "DURATION", {"low": "2020", "high": "2025", "referent": "nhiệm kỳ"})]),
    ("Nhiệm kỳ 2020 -2025 sẽ tổ chức.", "vi", [("2020 -2025", "DURATION", {"low": "2020", "high": "2025"})]),
    ("Nhiệm kỳ 2020 – 2025.", "vi", [("2020 – 2025", "DURATION", {"high": "2025"})]),
    ("Giai đoạn 2016-2020 đạt nhiều kết quả.", "vi", [("2016-2020", "DURATION", {"referent": "Giai đoạn"})]),
    ("Năm học 2020-2021.", "vi", [("2020-2021", "DURATION", {"referent": "Năm học"})]),
    ("Từ năm 2015 đến năm 2020, sản lượng tăng.", "vi",
     [("Từ năm 2015 đến năm 2020", "DURATION", {"low": "2015", "high": "2020"})]),
    ("Kế hoạch 5 năm 2021-2025.", "vi",
     [("5 năm", "DURATION", {"value": "5"}), ("2021-2025", "DURATION", {"low": "2021"})]),
    ("Niên vụ 2019-20.", "vi", [("2019-20", "DURATION", {"low": "2019", "high": "2020"})]),
    ("Quốc hội khóa XV họp.", "vi", [("XV", "ORDINAL", {"value": "15", "referent": "khóa"})]),
    ("Quốc hội khoá 14.", "vi", [("14", "ORDINAL", {"value": "14", "referent": "khoá"})]),
    ("Đại hội toàn quốc lần thứ XIII.", "vi", [("thứ XIII", "ORDINAL", {"value": "13", "referent": "lần"})]),
    ("Kỳ họp thứ 5.", "vi", [("thứ 5", "ORDINAL", {"value": "5", "referent": "Kỳ họp"})]),
    ("Anh ấy về thứ 3 trong cuộc đua.", "vi", [("thứ 3", "ORDINAL", {"value": "3"})]),
    ("Lý do thứ nhất.", "vi", [("thứ nhất", "ORDINAL", {"value": "1"})]),
    ("Thế kỷ XX.", "vi", [("XX", "ORDINAL", {"value": "20", "referent": "Thế kỷ"})]),
    ("Hội nghị Trung ương 8.", "vi", [("8", "ORDINAL", {"value": "8"})]),
    ("Đại hội XIII của Đảng.", "vi", [("XIII", "ORDINAL", {"value": "13", "referent": "Đại hội"})]),
    ("Giải chạy tổ chức lần 2.", "vi", [("2", "ORDINAL", {"value": "2", "referent": "lần"})]),
    ("17/17 huyện đã hoàn thành.", "vi", [("17/17", "RATIO", {"value": "1", "referent": "huyện"})]),
    ("Khoảng 1/3 dân số.", "vi", [("Khoảng 1/3", "RATIO", {"value": "0.333333", "referent": "dân số"})]),
    ("Tỷ lệ 1:3.", "vi", [("1:3", "RATIO", {"value": "0.333333"})]),
    ("Chiếm 1/4 diện tích.", "vi", [("1/4", "RATIO", {"value": "0.25"})]),
    ("3 trong số 5 người.", "vi", [("3 trong số 5", "RATIO", {"value": "0.6", "referent": "người"})]),
]

VI_DOC_REFS: list[Case] = [
    ("Theo Chỉ thị số 35-CT/TW của Bộ Chính trị.", "vi",
     [("Chỉ thị số 35-CT/TW", "DOC_REF", {"normalized": "35-CT/TW"})]),
    ("Căn cứ Chỉ thị số 35- CT / TW.", "vi", [("Chỉ thị số 35- CT / TW", "DOC_REF", {"normalized": "35-CT/TW"})]),
    ("Hướng dẫn số 26-HD/BTCTW do Ban Tổ chức ban hành.", "vi",
     [("Hướng dẫn số 26-HD/BTCTW", "DOC_REF", {"normalized": "26-HD/BTCTW"})]),
    ("Quy định số 205-QĐ/TW của Bộ Chính trị.", "vi", [("Quy định số 205-QĐ/TW", "DOC_REF", {"normalized": "205-QĐ/TW"})]),
    ("Nghị định 30/2020/NĐ-CP về văn thư.", "vi",
     [("Nghị định 30/2020/NĐ-CP", "DOC_REF", {"normalized": "30/2020/NĐ-CP"})]),
    ("Theo 30/2020/NĐ-CP.", "vi", [("30/2020/NĐ-CP", "DOC_REF", {"normalized": "30/2020/NĐ-CP"})]),
    ("Thực hiện 35-CT/TW.", "vi", [("35-CT/TW", "DOC_REF", {"normalized": "35-CT/TW"})]),
    ("Theo Quyết định số 1234/QĐ-UBND ngày 5/6/2020.", "vi",
     [("Quyết định số 1234/QĐ-UBND", "DOC_REF", {"normalized": "1234/QĐ-UBND"}),
      ("ngày 5/6/2020", "DATE", {"date": "2020-06-05"})]),
    ("Thông tư 15/2020/TT-BTC có hiệu lực.", "vi", [("Thông tư 15/2020/TT-BTC", "DOC_REF", {})]),
    ("Chỉ thị 16/CT-TTg về giãn cách.", "vi", [("Chỉ thị 16/CT-TTg", "DOC_REF", {"normalized": "16/CT-TTg"})]),
    ("Luật số 59/2020/QH14.", "vi", [("Luật số 59/2020/QH14", "DOC_REF", {"normalized": "59/2020/QH14"})]),
    ("Hướng dẫn số 26 do Ban Tổ chức ban hành.", "vi", [("Hướng dẫn số 26", "DOC_REF", {"normalized": "26"})]),
    ("Nghị quyết 68 của Chính phủ.", "vi", [("Nghị quyết 68", "DOC_REF", {"normalized": "68"})]),
    ("Kết luận 01-KL/TW.", "vi", [("Kết luận 01-KL/TW", "DOC_REF", {})]),
    ("Kế hoạch 5 năm.", "vi", [("5 năm", "DURATION", {"value": "5"})]),
]

NOT_FIGURES: list[Case] = [
    ("1663833675 362 bao cao chinh tri dai hoi dang bo tinh son", None, []),
    ("Xem ảnh IMG_2020.jpg tại đây.", "vi", []),
    ("Tải file bao-cao-2020.pdf về.", "vi", []),
    ("Xem https://example.com/a/2020/08/04 để biết thêm.", "vi", []),
    ("Theo dõi VOV.VN và vnexpress.net.", "vi", []),
    ("Email: abc123@vov.vn", "vi", []),
    ("Liên hệ 0912 345 678 để biết thêm.", "vi", []),
    ("Gọi 0912345678.", "vi", []),
    ("Gọi +84 912 345 678 ngay.", "vi", []),
    ("Số điện thoại: 024.3825.1234", "vi", []),
    ("Hotline: 1900 1234.", "vi", []),
    ("Contact the newsroom at 0212 3852 123.", "en", []),
    ("Theo Điều 5 Luật Đất đai.", "vi", []),
    ("Khoản 2 Điều 12.", "vi", []),
    ("Nhà số 5 phố Huế.", "vi", []),
    ("Dịch COVID-19 lan rộng.", "vi", []),
    ("Mạng 5G phủ sóng.", "vi", []),
    ("Máy bay MH370 mất tích.", "vi", []),
    ("Virus H5N1.", "vi", []),
    ("Version 3.14.1 released.", "en", []),
    ("Lúc 10 giờ 30 phút, đoàn đến nơi.", "vi", []),
    ("The meeting starts at 10:30 am.", "en", []),
    ("Khai mạc lúc 8h30.", "vi", []),
    ("Đội tuyển thắng 3-1.", "vi", []),
    ("Một trong những yếu tố.", "vi", []),
    ("Tỷ lệ cán bộ trẻ tăng.", "vi", []),
    ("Quận 1 có 10 phường.", "vi", [("10", "COUNT", {"referent": "phường"})]),
    ("1. Tình hình chung", "vi", []),
    ("Mã số thuế 0101234567.", "vi", []),
]

EN_CASES: list[Case] = [
    ("The price was 1,500.5 dollars.", "en", [("1,500.5 dollars", "MONEY", {"value": "1500.5", "unit": "USD"})]),
    ("It cost 1.500 in all.", "en", [("1.500", "COUNT", {"value": "1.5"})]),
    ("In 2019, 1,234,567 people visited.", "en",
     [("2019", "DATE", {"date": "2019"}), ("1,234,567", "COUNT", {"value": "1234567", "referent": "people"})]),
    ("More than 500 people attended.", "en", [("More than 500", "COUNT", {"bound": ">", "referent": "people"})]),
    ("The project cost over $3 billion.", "en",
     [("over $3 billion", "MONEY", {"value": "3000000000", "bound": ">", "unit": "USD", "scale": "1000000000"})]),
    ("About 1,200 classrooms will be rebuilt.", "en", [("About 1,200", "COUNT", {"value": "1200", "bound": "~"})]),
    ("Nearly 40,000 pupils still study there.", "en", [("Nearly 40,000", "COUNT", {"value": "40000", "bound": "~"})]),
    ("It took almost 90% of the budget.", "en", [("almost 90%", "PERCENT", {"bound": "~"})]),
    ("Up to 10 people may enter.", "en", [("Up to 10", "COUNT", {"bound": "≤"})]),
    ("At least 85% of the money goes there.", "en", [("At least 85%", "PERCENT", {"bound": "≥", "referent": "money"})]),
    ("Under 5% of households are poor.", "en", [("Under 5%", "PERCENT", {"bound": "<"})]),
    ("Fewer than 20 cases were recorded.", "en", [("Fewer than 20", "COUNT", {"bound": "<", "referent": "cases"})]),
    ("Around 300 workers lost jobs.", "en", [("Around 300", "COUNT", {"bound": "~", "referent": "workers"})]),
    ("No more than 50 guests.", "en", [("No more than 50", "COUNT", {"bound": "≤"})]),
    ("100 people or more came.", "en", [("100", "COUNT", {"referent": "people"})]),
    ("Applicants aged 18 or more.", "en", [("18 or more", "COUNT", {"bound": "≥"})]),
    ("The budget is 4.5 trillion dong (about $195 million).", "en",
     [("4.5 trillion dong", "MONEY", {"value": "4500000000000", "unit": "VND"}),
      ("about $195 million", "MONEY", {"value": "195000000", "bound": "~", "unit": "USD"})]),
    ("VND5 trillion was allocated.", "en", [("VND5 trillion", "MONEY", {"value": "5000000000000", "unit": "VND"})]),
    ("The firm raised US$3.5bn.", "en", [("US$3.5bn", "MONEY", {"value": "3500000000", "unit": "USD"})]),
    ("It cost €20 million.", "en", [("€20 million", "MONEY", {"value": "20000000", "unit": "EUR"})]),
    ("He paid £500.", "en", [("£500", "MONEY", {"value": "500", "unit": "GBP"})]),
    ("A $5m grant.", "en", [("$5m", "MONEY", {"value": "5000000", "unit": "USD"})]),
    ("Sales hit 2 million USD.", "en", [("2 million USD", "MONEY", {"value": "2000000", "unit": "USD"})]),
    ("Between 5 and 7 million dollars were spent.", "en",
     [("Between 5 and 7 million dollars", "MONEY", {"low": "5000000", "high": "7000000", "unit": "USD"})]),
    ("Prices rose 10 to 15 percent.", "en", [("10 to 15 percent", "PERCENT", {"low": "10", "high": "15"})]),
    ("GDP grew 2.91% in 2020.", "en", [("2.91%", "PERCENT", {"value": "2.91"}), ("2020", "DATE", {"date": "2020"})]),
    ("GDP grew 2.91 percent last year.", "en", [("2.91 percent", "PERCENT", {"value": "2.91"})]),
    ("Rates fell 0.5 percentage points.", "en", [("0.5 percentage points", "PERCENT", {"unit": "pp"})]),
    ("The reservoir covers 120 square kilometres.", "en", [("120 square kilometres", "MEASURE", {"unit": "km2"})]),
    ("A road of 25 km.", "en", [("25 km", "MEASURE", {"unit": "km"})]),
    ("It weighs 3 tonnes.", "en", [("3 tonnes", "MEASURE", {"unit": "t"})]),
    ("Farms cover 500 hectares.", "en", [("500 hectares", "MEASURE", {"unit": "ha"})]),
    ("Over 40 years of service.", "en", [("Over 40 years", "DURATION", {"bound": ">", "unit": "year"})]),
    ("A 5-year plan.", "en", [("5-year", "DURATION", {"value": "5", "unit": "year"})]),
    ("He is 45 years old.", "en", [("45 years old", "MEASURE", {"unit": "age"})]),
    ("It happened on August 4, 2020.", "en", [("August 4, 2020", "DATE", {"date": "2020-08-04"})]),
    ("It happened on Aug. 4, 2020.", "en", [("Aug. 4, 2020", "DATE", {"date": "2020-08-04"})]),
    ("It happened on 4 August 2020.", "en", [("4 August 2020", "DATE", {"date": "2020-08-04"})]),
    ("SON LA, 12 March 2021 — The council met.", "en", [("12 March 2021", "DATE", {"date": "2021-03-12"})]),
    ("On the 4th of July we rest.", "en", [("4th of July", "DATE", {"date": "XXXX-07-04"})]),
    ("He was born in March 1990.", "en", [("March 1990", "DATE", {"date": "1990-03", "granularity": "month"})]),
    ("The meeting is in May.", "en", [("May", "DATE", {"date": "XXXX-05", "granularity": "month"})]),
    ("You may go.", "en", []),
    ("Finished by December 2020.", "en", [("December 2020", "DATE", {"date": "2020-12"})]),
    ("The deadline is 8/4/2020.", "en", [("8/4/2020", "DATE", {"date": "2020-08-04", "ambiguous": True})]),
    ("The deadline is 13/4/2020.", "en", [("13/4/2020", "DATE", {"date": "2020-04-13"})]),
    ("The report is dated 2020-08-04.", "en", [("2020-08-04", "DATE", {"date": "2020-08-04"})]),
    ("The 1990s were good.", "en", [("1990s", "DATE", {"date": "1990", "granularity": "decade"})]),
    ("Citing a 2020 survey.", "en", [("2020", "DATE", {"date": "2020"})]),
    ("The 2021-2025 term begins.", "en", [("2021-2025", "DURATION", {"low": "2021", "referent": "term"})]),
    ("Between 2015 and 2020, output doubled.", "en", [("Between 2015 and 2020", "DURATION", {"high": "2020"})]),
    ("From 2015 to 2020 it grew.", "en", [("From 2015 to 2020", "DURATION", {"low": "2015"})]),
    ("The 2019-20 season.", "en", [("2019-20", "DURATION", {"high": "2020", "referent": "season"})]),
    ("She finished 3rd in the race.", "en", [("3rd", "ORDINAL", {"value": "3"})]),
    ("The 13th National Party Congress.", "en", [("13th", "ORDINAL", {"value": "13"})]),
    ("The 21st century began.", "en", [("21st", "ORDINAL", {"value": "21", "referent": "century"})]),
    ("3 out of 4 people agreed.", "en", [("3 out of 4", "RATIO", {"value": "0.75", "referent": "people"})]),
    ("About 3/4 of the staff agreed.", "en", [("About 3/4", "RATIO", {"value": "0.75", "bound": "~"})]),
    ("It follows Directive 35-CT/TW.", "en", [("Directive 35-CT/TW", "DOC_REF", {"normalized": "35-CT/TW"})]),
    ("Under Decree 30/2020/ND-CP.", "en", [("Decree 30/2020/ND-CP", "DOC_REF", {"normalized": "30/2020/ND-CP"})]),
    ("Resolution No. 68/NQ-CP.", "en", [("Resolution No. 68/NQ-CP", "DOC_REF", {"normalized": "68/NQ-CP"})]),
    ("Article 5 of the law.", "en", []),
    ("Visit https://example.org/son-la-schools now.", "en", []),
    ("Send photos to news@example.org.", "en", []),
]

# Sentences as the news writes them, several figures each.
NEWS: list[Case] = [
    ("GDP quý III/2020 tăng 2,62%; tính chung 9 tháng năm 2020 tăng 2,12%.", "vi",
     [("III", "ORDINAL", {"value": "3"}), ("2020", "DATE", {"date": "2020"}), ("2,62%", "PERCENT", {"value": "2.62"}),
      ("9 tháng", "DURATION", {"value": "9", "unit": "month"}), ("năm 2020", "DATE", {"date": "2020"}),
      ("2,12%", "PERCENT", {"value": "2.12"})]),
    ("Tính đến 18h ngày 15/10, Việt Nam ghi nhận 1.122 ca mắc, 35 ca tử vong.", "vi",
     [("ngày 15/10", "DATE", {"date": "XXXX-10-15"}), ("1.122", "COUNT", {"value": "1122", "referent": "ca mắc"}),
      ("35", "COUNT", {"referent": "ca tử vong"})]),
    ("Bệnh nhân 1.347 (BN1347), nam, 45 tuổi.", "vi", [("45 tuổi", "MEASURE", {"unit": "age"})]),
    ("Vụ tai nạn lúc 22h30 ngày 3/11 trên Quốc lộ 1A, đoạn qua km 1.234+500.", "vi",
     [("ngày 3/11", "DATE", {"date": "XXXX-11-03"})]),
    ("Xe biển số 29C-123.45 đâm vào 3 xe máy khiến 2 người chết.", "vi",
     [("3", "COUNT", {"referent": "xe"}), ("2", "COUNT", {"referent": "người"})]),
    ("Giá vàng ở mức 55,8 - 56,3 triệu đồng/lượng.", "vi",
     [("55,8 - 56,3 triệu đồng", "MONEY", {"low": "55800000", "high": "56300000", "unit": "VND"})]),
    ("Ngày 1/7/2021, lương cơ sở tăng lên 1,49 triệu đồng/tháng.", "vi",
     [("Ngày 1/7/2021", "DATE", {"date": "2021-07-01"}),
      ("1,49 triệu đồng/tháng", "MONEY", {"value": "1490000", "unit": "VND/month"})]),
    ("Sáng 20/11, hơn 500 đại biểu dự hội nghị.", "vi",
     [("20/11", "DATE", {"date": "XXXX-11-20"}), ("hơn 500", "COUNT", {"bound": ">", "referent": "đại biểu"})]),
    ("Sáng 5-8, đoàn công tác đến.", "vi", [("5-8", "DATE", {"date": "XXXX-08-05"})]),
    ("Từ 5-8 người.", "vi", [("Từ 5-8", "COUNT", {"low": "5", "high": "8"})]),
    ("Mùa giải 2020/2021.", "vi", [("2020/2021", "DURATION", {"low": "2020", "high": "2021"})]),
    ("Thông tin liên hệ: 0243.8253.125, số fax 024.3825.3126.", "vi", []),
    ("Điểm chuẩn là 28,9 điểm.", "vi", [("28,9", "COUNT", {"value": "28.9", "referent": "điểm"})]),
    ("The ministry reported 1,122 cases, including 35 deaths, as of Oct. 15.", "en",
     [("1,122", "COUNT", {"referent": "cases"}), ("35", "COUNT", {"referent": "deaths"}),
      ("Oct. 15", "DATE", {"date": "XXXX-10-15"})]),
    ("Exports rose 4.7 percent year-on-year to $228.2 billion in the first 10 months.", "en",
     [("4.7 percent", "PERCENT", {"value": "4.7"}), ("$228.2 billion", "MONEY", {"value": "228200000000"}),
      ("10 months", "DURATION", {"unit": "month"})]),
    ("Gold was VND55.8-56.3 million per tael.", "en",
     [("VND55.8-56.3 million", "MONEY", {"low": "55800000", "high": "56300000", "unit": "VND"})]),
    ("A 45-year-old man was hospitalized on Nov. 3.", "en",
     [("45-year-old", "MEASURE", {"unit": "age"}), ("Nov. 3", "DATE", {"date": "XXXX-11-03"})]),
    ("The 54-km expressway, costing VND12 trillion, opened.", "en",
     [("54-km", "MEASURE", {"unit": "km"}), ("VND12 trillion", "MONEY", {"value": "12000000000000"})]),
    ("Revenue of $1.2 billion in 2019, up 15% from 2018.", "en",
     [("$1.2 billion", "MONEY", {}), ("2019", "DATE", {}), ("15%", "PERCENT", {}), ("2018", "DATE", {})]),
    ("The 2020/21 budget.", "en", [("2020/21", "DURATION", {"high": "2021", "referent": "budget"})]),
]

VI_WORDS_AND_RANGES: list[Case] = [
    # numbers written in words: read when they hold a tens, hundreds or scale word
    ("Có hai mươi lăm người chết, hơn một nghìn người bị thương.", "vi",
     [("hai mươi lăm", "COUNT", {"value": "25", "referent": "người"}),
      ("hơn một nghìn", "COUNT", {"value": "1000", "scale": "1000", "bound": ">", "referent": "người"})]),
    ("Dự án trị giá mười hai tỷ đồng.", "vi",
     [("mười hai tỷ đồng", "MONEY", {"value": "12000000000", "scale": "1000000000", "unit": "VND"})]),
    ("Ba triệu người đã tiêm.", "vi", [("Ba triệu", "COUNT", {"value": "3000000", "referent": "người"})]),
    ("Giá tăng hai triệu rưỡi đồng.", "vi", [("hai triệu rưỡi đồng", "MONEY", {"value": "2500000"})]),
    ("Nhà máy tuyển một trăm linh năm công nhân.", "vi",
     [("một trăm linh năm", "COUNT", {"value": "105", "referent": "công nhân"})]),
    ("Thiệt hại ba nghìn tỷ đồng.", "vi",
     [("ba nghìn tỷ đồng", "MONEY", {"value": "3000000000000", "scale": "1000000000000"})]),
    ("Tuyển thêm hai nghìn năm trăm lao động.", "vi",
     [("hai nghìn năm trăm", "COUNT", {"value": "2500", "referent": "lao động"})]),
    ("Có mười một xã và hai mươi mốt phường, mười bốn thị trấn.", "vi",
     [("mười một", "COUNT", {"value": "11", "referent": "xã"}), ("hai mươi mốt", "COUNT", {"value": "21"}),
      ("mười bốn", "COUNT", {"value": "14", "referent": "thị trấn"})]),
    ("Sau mười năm, ông trở về.", "vi", [("mười năm", "DURATION", {"value": "10", "unit": "year"})]),
    ("Sau hai mươi năm xa quê.", "vi", [("hai mươi năm", "DURATION", {"value": "20", "unit": "year"})]),
    ("Giá giảm ba mươi phần trăm.", "vi", [("ba mươi phần trăm", "PERCENT", {"value": "30", "unit": "%"})]),
    ("Hàng trăm người tham gia.", "vi", []),
    ("Vài nghìn người xem.", "vi", []),
    ("Hai ba trăm người đứng xem.", "vi", []),
    ("Anh Mười kể lại chuyện cũ.", "vi", []),
    ("Ông có ba triệu chứng nặng.", "vi", []),
    ("Năm người bị thương.", "vi", []),
    ("Hạn chót là tháng mười hai.", "vi", [("tháng mười hai", "DATE", {"date": "XXXX-12"})]),
    # ranges of days: one DATE whose date is an ISO 8601 interval
    ("Từ ngày 1-5/8/2020, đoàn công tác làm việc.", "vi",
     [("Từ ngày 1-5/8/2020", "DATE", {"date": "2020-08-01/2020-08-05", "granularity": "day"})]),
    ("Hội chợ diễn ra từ 10 đến 15/9.", "vi", [("từ 10 đến 15/9", "DATE", {"date": "XXXX-09-10/XXXX-09-15"})]),
    ("Đợt nghỉ từ 30/7-5/8/2020.", "vi", [("từ 30/7-5/8/2020", "DATE", {"date": "2020-07-30/2020-08-05"})]),
    ("Nghỉ Tết từ 25/12-3/1/2021.", "vi", [("từ 25/12-3/1/2021", "DATE", {"date": "2020-12-25/2021-01-03"})]),
    ("The summit runs August 1-5, 2020.", "en", [("August 1-5, 2020", "DATE", {"date": "2020-08-01/2020-08-05"})]),
    ("It was held 3-4 May.", "en", [("3-4 May", "DATE", {"date": "XXXX-05-03/XXXX-05-04"})]),
    ("Từ ngày 5-1/8 là sai.", "vi", []),
    ("Họp ngày 3 và 4/8.", "vi", [("ngày 3", "DATE", {"date": "XXXX-08-03"}), ("4/8", "DATE", {"date": "XXXX-08-04"})]),
    ("Các ngày 3, 4 và 5/8/2020 có mưa.", "vi",
     [("ngày 3", "DATE", {"date": "2020-08-03"}), ("4", "DATE", {"date": "2020-08-04"}),
      ("5/8/2020", "DATE", {"date": "2020-08-05"})]),
    ("Có 2-3/10 người dân đồng ý.", "vi", [("2-3/10", "RATIO", {"low": "0.2", "high": "0.3", "referent": "người dân"})]),
    # a bare number after a capitalised word inside a sentence is part of a name
    ("Hãng mua 20 chiếc Boeing 737 mới.", "vi", [("20", "COUNT", {"value": "20", "referent": "chiếc"})]),
    ("NASA launched Apollo 11 in 1969.", "en", [("1969", "DATE", {"date": "1969"})]),
    ("Tại Hà Nội, 500 người tham gia.", "vi", [("500", "COUNT", {"referent": "người"})]),
]

CASES = VI_WORDS_AND_RANGES + NEWS + VI_NUMBERS + VI_BOUNDS + VI_UNITS + VI_DATES + VI_PERIODS_ORDINALS + VI_DOC_REFS + NOT_FIGURES + EN_CASES


def _show(text: str, out: list[Suggestion]) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in out]


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if c[1] == "en") >= 50


@pytest.mark.parametrize(("text", "language", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_recognise(text: str, language: str | None, expected: list[tuple[str, str, dict[str, Any]]]) -> None:
    out = recognise(text, language=language)
    assert _show(text, out) == [(span, label) for span, label, _ in expected]
    for s, (_span, label, attrs) in zip(out, expected, strict=True):
        for key, value in attrs.items():
            assert s.attrs.get(key) == value, (s, key)
        assert SCHEMA.validate_attrs(label, s.attrs) == s.attrs  # names and types are the schema's
        assert s.label in RECOGNISED_LABELS


def test_seed_article_suggestions_validate() -> None:
    text = (DATA / "son-la-congress-interview.vi.txt").read_text(encoding="utf-8")
    out = recognise(text)
    assert len(out) > 30
    for s in out:
        assert SCHEMA.validate_attrs(s.label, s.attrs) == s.attrs
        assert text[s.start:s.end] == text[s.start:s.end].strip()


def test_language_argument_decides_the_convention() -> None:
    assert recognise("1.500", language="vi")[0].attrs == {"value": "1500"}
    assert recognise("1.500", language="en")[0].attrs == {"value": "1.5"}
    assert recognise("1,500", language="en-GB")[0].attrs == {"value": "1500"}
    assert recognise("1.500", language="fr")[0].attrs["ambiguous"] is True


def test_suggestion_record_and_text() -> None:
    text = "Đạt hơn 90%."
    (s,) = recognise(text)
    assert s.text_in(text) == "hơn 90%"
    rec = s.to_record()
    assert (rec.start, rec.end, rec.label, rec.state) == (s.start, s.end, "PERCENT", SpanState.SUGGESTED)
    assert rec.attrs == s.attrs and rec.attrs is not s.attrs
    assert {s} == {Suggestion(s.start, s.end, s.label, dict(s.attrs))}


def test_empty_text() -> None:
    assert recognise("") == []
    assert recognise("   \n\n") == []


# ---- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("token", "sep", "value", "ambiguous"), [
    ("4.500", ",", "4500", False), ("4.500", ".", "4.5", False), ("4.500", None, "4500", True),
    ("88,8", ",", "88.8", False), ("88,8", None, "88.8", False), ("1,500.5", ",", "1500.5", False),
    ("1.234.567", ".", "1234567", False), ("1.234.567,89", ".", "1234567.89", False), ("08", ",", "8", False),
    ("0,5", ",", "0.5", False), ("1234.567", ",", "1234.567", False),
])
def test_parse_number(token: str, sep: str | None, value: str, ambiguous: bool) -> None:
    n = parse_number(token, sep)
    assert n is not None
    assert (format_decimal(n.value), n.ambiguous) == (value, ambiguous)


@pytest.mark.parametrize("token", ["1.2.3", "0912.345.678", "1,23,4", "1.234,5.6", "", "1..2", "²", "1,²³", "3²"])
def test_parse_number_refuses_codes(token: str) -> None:
    assert parse_number(token, ",") is None


def test_language_and_separator_guess() -> None:
    assert guess_language("Đồng bào dân tộc thiểu số chiếm hơn 82% dân số") == "vi"
    assert guess_language("The council approved the budget for the schools") == "en"
    assert guess_language("1.500") is None
    assert decimal_separator("Giá 1.234.567 đồng, tăng 3,5%", None) == ","
    assert decimal_separator("It cost 1,234,567 and 3.5", None) == "."
    assert decimal_separator("1,234,567 và 7,654,321", "vi") == "."
    assert decimal_separator("Tăng 4.500", "vi") == ","


@pytest.mark.parametrize(("numeral", "value"), [("XIII", 13), ("XV", 15), ("IV", 4), ("MCMXC", 1990),
                                                ("IIII", None), ("", None), ("VX", None)])
def test_roman(numeral: str, value: int | None) -> None:
    assert roman_to_int(numeral) == value


# ---- properties and speed ------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("0123456789.,/-–:%$€ ()\nthángnămhơntỷđồngkhoảngMayXIVthứ") +
                            ["ngày ", "tháng ", "năm ", " triệu", " tỷ", " đồng", "hơn ", "khoảng ",
                             "nhiệm kỳ ", "lần thứ ", "khóa ", "-CT/TW", "Nghị định ", "số ", "August ",
                             " percent", "more than ", "trở lên", "😀", "\u00a0", "e\u0301"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_never_crashes_and_spans_are_well_formed(text: str) -> None:
    out = recognise(text)
    last_end = 0
    for s in out:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last_end  # sorted, never overlapping
        last_end = s.end
        assert s.label in RECOGNISED_LABELS
        assert SCHEMA.validate_attrs(s.label, s.attrs) == s.attrs  # already in stored form
        assert text[s.start:s.end] == text[s.start:s.end].strip()
    for lang in ("vi", "en"):
        assert all(0 <= s.start < s.end <= len(text) for s in recognise(text, language=lang))


def test_figure_labels_are_in_the_schema() -> None:
    for label in RECOGNISED_LABELS:
        assert SCHEMA.has_label(label)
    assert {lab.name for lab in SCHEMA.labels if lab.layer == "figure"} == set(FIGURE_LABELS)


def test_one_megabyte_in_well_under_a_second() -> None:
    seed = (DATA / "son-la-congress-interview.vi.txt").read_text(encoding="utf-8")
    text = (seed + "\n\n") * (1_000_000 // len(seed) + 1)
    assert len(text) >= 1_000_000
    best = min(_timed(text) for _ in range(2))
    assert best < 1.0, f"{best:.2f} s for {len(text)} characters"


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    out = recognise(text)
    elapsed = time.perf_counter() - t0
    assert len(out) > 1000
    return elapsed


_VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _vi_below_1000(n: int, inner: bool) -> list[str]:
    """A group below a thousand as written in words; ``inner``: after a larger group (hundreds
    always said, "không trăm")."""
    h, r = divmod(n, 100)
    t, u = divmod(r, 10)
    out = [_VI_DIGITS[h], "trăm"] if h or inner else []
    if t == 0:
        if u:
            out += ["linh", _VI_DIGITS[u]] if out else [_VI_DIGITS[u]]
    elif t == 1:
        out += ["mười"] + ([{5: "lăm"}.get(u, _VI_DIGITS[u])] if u else [])
    else:
        out += [_VI_DIGITS[t], "mươi"] + ([{1: "mốt", 4: "tư", 5: "lăm"}.get(u, _VI_DIGITS[u])] if u else [])
    return out


def vi_number_words(n: int) -> list[str]:
    """``n`` (below 10¹²) in Vietnamese words, the way the news writes them."""
    out: list[str] = []
    for scale, word in ((10**9, "tỷ"), (10**6, "triệu"), (1000, "nghìn"), (1, "")):
        group = n // scale % 1000
        if group:
            out += _vi_below_1000(group, inner=bool(out))
            if word:
                out.append(word)
    return out


@settings(max_examples=400, deadline=None)
@given(st.integers(10, 10**12 - 1))
def test_numbers_in_words_read_back(n: int) -> None:
    from annotator.figures import spelled_value

    words = vi_number_words(n)
    got = spelled_value(words)
    assert got is not None and got[2] == len(words), words
    assert got[0] == n, words
