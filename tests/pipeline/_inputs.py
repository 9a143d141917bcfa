"""Small input documents in every format and encoding, written by the tests (no files shipped)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from chitieu.pipeline.encoding import encode_cp1258, encode_tcvn3, encode_vni

# Short Vietnamese texts written for these tests.
ARTICLES = [
    "Kế hoạch của tỉnh Bình Định: phấn đấu đến năm 2025, 95% hồ sơ thủ tục hành chính được tiếp nhận "
    "trực tuyến. Năm 2022, tỷ lệ này mới đạt 61,5%.",
    "UBND tỉnh Nghệ An ban hành Quyết định số 215/QĐ-UBND ngày 10/3/2023. Theo đó, tỷ lệ hộ nghèo "
    "giảm bình quân 1,5%/năm trong giai đoạn 2021 – 2025.",
    "Đến năm 2030, tỷ lệ đô thị hóa của tỉnh Long An đạt trên 40%. Các xã tiếp tục duy trì chuẩn "
    "nông thôn mới.",
    "Người dân phấn khởi khi con đường liên xã được hoàn thành trước mùa mưa lũ.",
    "Tỉnh Lào Cai đặt mục tiêu 100% số xã có trạm y tế đạt chuẩn quốc gia vào năm 2026.",
    "Hội nghị tổng kết công tác năm diễn ra tại hội trường trung tâm với sự tham dự của nhiều đại biểu.",
]

FILLER = [
    "Buổi sáng, chợ phiên đông vui với nhiều sản vật địa phương.",
    "Đoàn công tác đã đến thăm và tặng quà các gia đình chính sách.",
    "Mưa lớn kéo dài khiến nhiều tuyến đường bị ngập cục bộ.",
    "Các em học sinh háo hức chuẩn bị cho lễ khai giảng năm học mới.",
]


def html_page(body: str) -> str:
    """A news page: menus, a captioned photo, related links and a footer around the article."""
    paragraphs = "".join(f"<p>{s}</p>" for s in body.split(". ") if s)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tin tức địa phương</title></head><body>"
        "<nav class='menu'><a href='/'>Trang chủ</a> <a href='/thoi-su'>Thời sự</a> <a href='/kinh-te'>Kinh tế</a></nav>"
        "<header><div class='breadcrumb'>Trang chủ / Xã hội</div></header>"
        f"<article><h1>Mục tiêu của tỉnh</h1>{paragraphs}"
        "<figure><img src='anh.jpg'><figcaption>Ảnh minh họa: cán bộ một cửa tiếp dân.</figcaption></figure>"
        "</article><aside class='related'>Tin liên quan: Giá lúa tăng mạnh</aside>"
        "<footer>POWERED BY CỔNG THÔNG TIN ĐIỆN TỬ</footer></body></html>"
    )


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> None:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                grid.cell(i, j).text = cell
    document.save(path)


FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
]


def unicode_font() -> str | None:
    """A TrueType font with Vietnamese letters, from the machine (DejaVu on Debian) or matplotlib."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    try:
        import matplotlib

        bundled = Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        return str(bundled) if bundled.is_file() else None
    except ImportError:
        return None


def write_pdf(path: Path, text: str, font: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("vn", "", font)
    pdf.set_font("vn", size=11)
    pdf.multi_cell(0, 7, text)
    pdf.output(str(path))


def mixed_corpus(root: Path, n_text: int = 6, with_bad: bool = True) -> Path:
    """A folder with .txt in several encodings, .html, .docx (and .pdf when a font is found), plus
    a bad file; returns the folder."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    encoders = [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        encode_cp1258,
        lambda t: t.encode("utf-8"),
    ]
    for i in range(n_text):
        text = " ".join([ARTICLES[i % len(ARTICLES)], rng.choice(FILLER), ARTICLES[(i + 2) % len(ARTICLES)]])
        (root / f"bai_{i:03d}.txt").write_bytes(encoders[i % len(encoders)](text))
    (root / "trang_tin.html").write_text(html_page(ARTICLES[0] + " " + ARTICLES[2]), encoding="utf-8")
    write_docx(root / "ke_hoach.docx", [ARTICLES[1], ARTICLES[4]], [["Chỉ tiêu", "Năm 2025"], ["Tỷ lệ hộ nghèo", "dưới 3%"]])
    font = unicode_font()
    if font:
        write_pdf(root / "nghi_quyet.pdf", ARTICLES[2] + "\n" + ARTICLES[4], font)
    sub = root / "cu"
    sub.mkdir(exist_ok=True)
    (sub / "van_ban_tcvn3.txt").write_bytes(encode_tcvn3(ARTICLES[5] + " " + ARTICLES[3]))
    (sub / "van_ban_vni.txt").write_bytes(encode_vni(ARTICLES[3] + " " + ARTICLES[1]))
    if with_bad:
        (root / "hong.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return root


def jsonl_export(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"ma_bai": f"bao-{i:04d}", "noi_dung": ARTICLES[i % len(ARTICLES)], "ngay": f"2024-03-{1 + i % 28:02d}"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
