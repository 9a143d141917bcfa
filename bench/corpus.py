"""A synthetic but realistic Vietnamese news/policy corpus for the benchmark (never committed).

Each document is an article composed at random (fixed seed) from parts that vary independently:
a headline; a lead naming a province and a plan period; paragraphs mixing target sentences
(``Phấn đấu đến năm 2027, tỷ lệ hộ nghèo của tỉnh Sơn La giảm còn dưới 3,2%``), results
(``Năm 2023, tỷ lệ ... đạt 87,45%``), per-year increases, references to legal documents
(``Quyết định số 1234/QĐ-UBND ngày 5/6/2022``), sentences with numbers that are not percentages
(money, counts, dates), and plain news sentences without any number (three in four sentences).
About one sentence in ten holds a percentage (1.5 per 1,000 characters): the density measured on
real Vietnamese articles about provincial targets, which are already denser than general news. Provinces (63), indicators (40), comparators, levels, years
(2015–2035) and values are drawn independently, so no two documents are the same; sizes vary
from a short news item (~1 KB) to a long plan (~25 KB, capped, so that a larger corpus has more
documents, not larger ones).

    >>> doc = article(random.Random(1))
    >>> len(doc) > 300 and "%" in doc
    True
"""

from __future__ import annotations

import json
import random
from pathlib import Path

PROVINCES = (  # noqa: SIM905 (rows of names read better than a long list literal)
    "An Giang|Bà Rịa - Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|Bình Phước|"
    "Bình Thuận|Cà Mau|Cao Bằng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|"
    "Hà Tĩnh|Hải Dương|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|"
    "Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|"
    "Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|Tiền Giang|"
    "Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái"
).split("|")
CITIES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh"]

INDICATORS = [
    "hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến",
    "dịch vụ công trực tuyến toàn trình",
    "hộ gia đình có kết nối internet cáp quang",
    "người dân tham gia bảo hiểm y tế",
    "dân số nông thôn được sử dụng nước sạch đạt quy chuẩn",
    "trường học đạt chuẩn quốc gia",
    "lao động qua đào tạo có bằng cấp, chứng chỉ",
    "xã đạt chuẩn nông thôn mới",
    "xã đạt chuẩn nông thôn mới nâng cao",
    "che phủ rừng",
    "chất thải rắn sinh hoạt đô thị được thu gom và xử lý",
    "đô thị hóa",
    "kinh tế số trong GRDP",
    "doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
    "văn bản điện tử được ký số và gửi nhận trên môi trường mạng",
    "hồ sơ công việc được xử lý trên môi trường mạng",
    "người dân có tài khoản thanh toán điện tử",
    "trạm y tế xã có bác sĩ làm việc",
    "trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
    "hộ nghèo theo chuẩn nghèo đa chiều",
    "giường bệnh trên vạn dân",
    "học sinh trung học cơ sở tiếp tục học lên trung học phổ thông",
    "cụm công nghiệp có hệ thống xử lý nước thải tập trung",
    "đường giao thông nông thôn được cứng hóa",
    "thôn, bản có đường ô tô đến trung tâm",
    "cơ sở sản xuất kinh doanh áp dụng công nghệ sạch",
    "lao động nông nghiệp trong tổng lao động xã hội",
    "thuê bao điện thoại di động sử dụng điện thoại thông minh",
    "cán bộ, công chức cấp xã đạt chuẩn",
    "hộ dân được sử dụng điện lưới quốc gia",
    "tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
    "thu ngân sách nhà nước trên địa bàn",
    "vốn đầu tư toàn xã hội",
    "giá trị sản xuất công nghiệp",
    "kim ngạch xuất khẩu",
    "khách du lịch",
    "năng suất lao động",
    "giá trị sản phẩm nông nghiệp ứng dụng công nghệ cao",
    "diện tích lúa được cơ giới hóa khâu thu hoạch",
    "dân số được quản lý sức khỏe điện tử",
]
INCREASING = INDICATORS[30:38]
LEVELS = ["cấp tỉnh", "cấp huyện", "cấp xã", "các sở, ban, ngành", "các huyện, thị xã, thành phố",
          "xã, phường, thị trấn", ""]
TARGET_CUES = ["phấn đấu", "mục tiêu đến năm {y},", "đảm bảo", "chỉ tiêu đề ra là", "dự kiến", "tỉnh đặt mục tiêu"]
COMPARATORS = ["", "", "", "trên ", "tối thiểu ", "ít nhất ", "khoảng ", "không dưới ", "dưới ", "hơn "]
DOC_TYPES = [("Quyết định", "QĐ-UBND"), ("Nghị quyết", "NQ-HĐND"), ("Kế hoạch", "KH-UBND"),
             ("Chỉ thị", "CT-UBND"), ("Nghị quyết", "NQ/TU"), ("Quyết định", "QĐ-TTg")]

SUBJECTS = ["Ủy ban nhân dân tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông", "Ban chỉ đạo",
            "Đoàn công tác", "Lãnh đạo địa phương", "Chính quyền các cấp", "Hội Nông dân", "Đoàn Thanh niên",
            "Người dân trong vùng", "Các doanh nghiệp", "Ngành y tế", "Ngành giáo dục", "Hội Liên hiệp Phụ nữ",
            "Công an huyện", "Bộ đội biên phòng", "Ban quản lý dự án", "Hợp tác xã", "Trung tâm y tế huyện"]
VERBS = ["đã tổ chức", "tiếp tục triển khai", "kiểm tra tiến độ", "đẩy mạnh tuyên truyền về", "khảo sát",
         "họp bàn về", "chỉ đạo quyết liệt việc", "phối hợp thực hiện", "tổng kết", "rà soát", "hỗ trợ",
         "nghiệm thu", "phát động", "đánh giá kết quả", "tháo gỡ khó khăn trong"]
OBJECTS = ["công tác chuyển đổi số", "chương trình xây dựng nông thôn mới", "việc cải cách hành chính",
           "phong trào thi đua yêu nước", "công tác phòng chống thiên tai", "dự án đường liên xã",
           "mô hình sản xuất lúa hữu cơ", "việc chăm lo Tết cho hộ khó khăn", "công tác tiêm chủng mở rộng",
           "kế hoạch bảo vệ rừng đầu nguồn", "hoạt động khuyến nông", "việc nạo vét kênh mương nội đồng",
           "chương trình mỗi xã một sản phẩm", "đề án phát triển du lịch cộng đồng", "công tác an sinh xã hội",
           "việc sắp xếp đơn vị hành chính", "chương trình giảm nghèo bền vững", "công tác giải phóng mặt bằng"]
TAILS = ["tại các xã vùng sâu, vùng xa", "trên địa bàn", "trong những tháng cuối năm", "với sự tham gia của đông đảo người dân",
         "theo đúng kế hoạch", "nhằm nâng cao đời sống nhân dân", "một cách đồng bộ", "ở khu vực biên giới",
         "tại hội trường Ủy ban nhân dân", "bảo đảm an toàn, tiết kiệm", "dưới sự chủ trì của lãnh đạo tỉnh"]
REMARKS = ["Nhiều ý kiến cho rằng cần có giải pháp căn cơ hơn.", "Người dân rất phấn khởi trước những đổi thay của quê hương.",
           "Đây là nhiệm vụ trọng tâm, xuyên suốt.", "Tuy nhiên, vẫn còn không ít khó khăn, vướng mắc.",
           "Công tác này nhận được sự đồng tình, ủng hộ của nhân dân.", "Thời tiết diễn biến phức tạp gây ảnh hưởng đến sản xuất.",
           "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng.", "Các địa phương cần chủ động hơn nữa."]


def _pct(rng: random.Random, low: float = 1, high: float = 100) -> str:
    value = rng.uniform(low, high)
    if rng.random() < 0.5:
        return f"{round(value)}%"
    return f"{value:.{rng.choice([1, 2])}f}".replace(".", ",") + rng.choice(["%", " %"])


def _place(rng: random.Random) -> str:
    return rng.choice(["tỉnh " + rng.choice(PROVINCES), "thành phố " + rng.choice(CITIES)])


def _reference(rng: random.Random, year: int) -> str:
    kind, code = rng.choice(DOC_TYPES)
    number = rng.randint(1, 4999)
    symbol = f"{number:02d}-{code}" if "/" in code else f"{number}/{code}"
    if rng.random() < 0.4 and "/" not in code:
        symbol = f"{number}/{year}/{code}"
    date = f"ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{year}"
    return f"{kind} số {symbol} {date}"


def _target(rng: random.Random, place: str, period_end: int) -> str:
    year = rng.choice([period_end, period_end, period_end + 5, rng.randint(2024, 2035)])
    indicator = rng.choice(INDICATORS[:30])
    level = rng.choice(LEVELS)
    cue = rng.choice(TARGET_CUES).format(y=year)
    comparator = rng.choice(COMPARATORS)
    where = f" {level}" if level else ""
    forms = [
        f"{cue.capitalize()} đến năm {year}, tỷ lệ {indicator}{where} đạt {comparator}{_pct(rng, 30)}.",
        f"Đến năm {year}, {comparator}{_pct(rng, 20)} {indicator}{where} của {place}.",
        f"{cue.capitalize()} tỷ lệ {indicator} giảm còn {comparator}{_pct(rng, 0.5, 15)} vào năm {year}.",
        f"Mục tiêu đến năm {year}, tỷ lệ {indicator} đạt từ {_pct(rng, 40, 60)} đến {_pct(rng, 61, 95)}.",
        f"Phấn đấu {_pct(rng, 50)} {indicator} tại {level or 'cấp xã'}, {_pct(rng, 40)} tại cấp huyện vào năm {year}.",
    ]
    return rng.choice(forms)


def _actual(rng: random.Random, place: str) -> str:
    year = rng.randint(2015, 2025)
    indicator = rng.choice(INDICATORS[:30])
    forms = [
        f"Năm {year}, tỷ lệ {indicator} của {place} đạt {_pct(rng, 10)}.",
        f"Đến hết năm {year}, toàn tỉnh đã có {_pct(rng, 10)} {indicator}.",
        f"Tính đến nay, tỷ lệ {indicator} đạt {_pct(rng, 10)}, tăng {_pct(rng, 0.5, 9)} so với cùng kỳ.",
    ]
    return rng.choice(forms)


def _increase(rng: random.Random) -> str:
    indicator = rng.choice(INCREASING)
    start = rng.randint(2021, 2026)
    return rng.choice([
        f"Từ năm {start}, {indicator} tăng bình quân {_pct(rng, 3, 12)}/năm.",
        f"Phấn đấu {indicator} tăng tối thiểu {_pct(rng, 5, 15)} mỗi năm trong giai đoạn {start} – {start + 4}.",
    ])


def _numbers(rng: random.Random) -> str:
    return rng.choice([
        f"Tổng kinh phí thực hiện là {rng.randint(2, 900)} tỷ {rng.randint(100, 999)} triệu đồng.",
        f"Đến ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, đã có "
        f"{rng.randint(120, 99999):,} lượt người tham gia.".replace(",", ".").replace(". đã", ", đã"),
        f"Dự án dài {rng.randint(2, 60)} km, đi qua {rng.randint(2, 14)} xã và {rng.randint(2, 9)} thị trấn.",
        f"Trong {rng.randint(2, 11)} tháng, lực lượng chức năng đã xử lý {rng.randint(10, 800)} vụ vi phạm.",
    ])


def _news(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(REMARKS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def article(rng: random.Random) -> str:
    """One article: headline, lead, then paragraphs of mixed sentences."""
    place = _place(rng)
    period_end = rng.choice([2020, 2025, 2025, 2030])
    ref = _reference(rng, rng.randint(2016, period_end))
    headline = f"{place.split(' ', 1)[1]}: {rng.choice(OBJECTS).capitalize()} giai đoạn {period_end - 4} – {period_end}"
    lead = f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, Ủy ban nhân dân {place} ban hành {ref} về {rng.choice(OBJECTS)}."
    paragraphs = [headline, lead]
    for _ in range(min(int(rng.lognormvariate(1.6, 0.8)) + 1, 40)):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            roll = rng.random()
            if roll < 0.06:
                sentences.append(_target(rng, place, period_end))
            elif roll < 0.085:
                sentences.append(_actual(rng, place))
            elif roll < 0.10:
                sentences.append(_increase(rng))
            elif roll < 0.15:
                news = _news(rng)
                sentences.append(f"Theo {_reference(rng, rng.randint(2016, 2024))}, {news[0].lower()}{news[1:]}")
            elif roll < 0.23:
                sentences.append(_numbers(rng))
            else:
                sentences.append(_news(rng))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def generate(root: Path, megabytes: float, seed: int) -> dict:
    """Write articles under ``root`` until they hold ``megabytes`` MB of UTF-8; reuse an earlier
    identical corpus (same size and seed). Returns {documents, bytes, path}."""
    manifest = root / "manifest.json"
    wanted = {"megabytes": megabytes, "seed": seed, "generator": 4}
    if manifest.is_file():
        info = json.loads(manifest.read_text())
        if info.get("params") == wanted:
            return info
    if root.exists():
        for old in root.glob("*.txt"):
            old.unlink()
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    total, n = 0, 0
    limit = int(megabytes * 1_000_000)
    while total < limit:
        data = article(rng).encode("utf-8")
        (root / f"bai_{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    info = {"params": wanted, "documents": n, "bytes": total, "path": str(root)}
    manifest.write_text(json.dumps(info))
    return info
