"""Text rules for Indonesian news pages where generic extraction falls short.

Bodies must not carry "Baca juga" links, share bars, comment counters, or the trailer that
outlets put after the last sentence: editor initials "(vyp/kna)", "Editor: …", "Pewarta: …",
copyright lines, "Simak Video …". The "Pewarta:"/"Penulis:" line is kept as the author.
Titles lose the " - Outlet.com" suffix.
"""

from __future__ import annotations

import html
import re

# A line that is never body text, wherever it appears.
_NOISE_LINE = re.compile(
    r"^\s*(?:"
    r"baca\s+(?:juga|pula|selengkapnya|berita\s+lainnya)\b.*"
    r"|(?:artikel|berita)\s+terkait\b.*"
    r"|lihat\s+juga\s*:.*"
    r"|simak\s+(?:video|juga|berita|selengkapnya)\b.*"
    r"|(?:ikuti|follow)\s+(?:kami|berita|update|channel|whatsapp|saluran|instagram|google\s+news)\b.*"
    r"|(?:bagikan|share)\s*(?:artikel|berita|ini)?\s*:?\s*(?:facebook|twitter|whatsapp|telegram|x|line|email|\s)*$"
    r"|advertisements?|iklan|scroll\s+(?:to\s+continue|untuk\s+melanjutkan).*|loading\.{0,3}"
    r"|\d+\s+(?:komentar|comments?|tanggapan)\b.*"
    r"|(?:tinggalkan|berikan)\s+(?:komentar|balasan).*|leave\s+a\s+(?:reply|comment).*"
    r"|(?:tags?|topik|kategori)\s*:.*"
    r"|dapatkan\s+(?:update|berita|informasi|notifikasi)\b.*|download\s+aplikasi\b.*|klik\s+(?:di\s*sini|link)\b.*"
    r"|(?:ikuti|gabung)\s+(?:juga\s+)?(?:kami|kanal|grup|saluran)\b.*"
    r"|artikel\s+ini\s+(?:telah\s+)?(?:tayang|terbit|dimuat)\b.*"
    r")\s*$",
    re.I,
)
# Trailer lines: removed while they are at the end of the body.
_LABELS = (r"(?:editor|penyunting|redaktur|pewarta|penulis|reporter|wartawan|jurnalis|kontributor|laporan|"
           r"sumber|foto|fotografer|editing|peliput|penerjemah|copy\s*editor)")
_TRAILER_LINE = re.compile(
    r"^\s*(?:"
    r"\(?\s*" + _LABELS + r"(?:\s*/\s*" + _LABELS + r")*\s*:.*"
    r"|\(?\s*(?:©|\(c\)|copyright|hak\s+cipta).*"
    r"|\(\s*[a-z*]{1,6}(?:\s*/\s*[a-z*]{1,6})*\s*\)\.?"
    r"|\*+\)?.*"
    r"|[-–—_=*]{3,}"
    r")\s*$",
    re.I,
)
# Editor initials glued to the last sentence: "... kata dia. (vyp/kna)" or "(adv)".
_TRAILING_INITIALS = re.compile(r"\s*\(\s*[a-z*]{1,6}(?:\s*/\s*[a-z*]{1,6})*\s*\)\s*$", re.I)
_AUTHOR_LINE = re.compile(
    r"^\s*\(?\s*(?:pewarta|penulis|reporter|wartawan|jurnalis|kontributor|laporan)"
    r"(?:\s*/\s*(?:editor|penyunting|redaktur|fotografer))?\s*:\s*"
    r"(?P<name>[^\n()|,;/]{2,60}?)\s*\)?\s*(?:[|,;/].*|\s+(?:editor|penyunting|redaktur)\s*:.*)?$",
    re.I,
)
# Tribun-network first line: "Laporan Wartawan TribunKaltara.com, Andi Pausiah".
_LAPORAN_LINE = re.compile(r"^\s*laporan\s+(?:wartawan|reporter|koresponden|jurnalis)\s+[\w.\-]+\s*,\s*"
                           r"(?P<name>[^\n,|]{2,60})$", re.I)
# Photo credits and captions that themes put as paragraphs of the body.
_CAPTION_LINE = re.compile(r"^\s*\(?\s*(?:foto|ilustrasi|photo|gambar|sumber\s+foto)\s*:.{0,150}$", re.I)
_LABEL = re.compile(r"^\s*(?:oleh|by|penulis|pewarta|reporter|wartawan|jurnalis|kontributor|editor|"
                    r"ditulis\s+oleh|posted\s+by)\s*:?\s*", re.I)


def clean_lines(text: str) -> list[str]:
    """Paragraph lines of a body without noise lines and trailers."""
    lines = []
    for raw in (text or "").splitlines():
        line = " ".join(raw.split())
        if not line or _NOISE_LINE.match(line) or _CAPTION_LINE.match(line) or _LAPORAN_LINE.match(line):
            continue
        lines.append(line)
    while lines and _TRAILER_LINE.match(lines[-1]):
        lines.pop()
    if lines:
        lines[-1] = _TRAILING_INITIALS.sub("", lines[-1]).rstrip()
        if not lines[-1]:
            lines.pop()
    return lines


def clean_body(text: str) -> str:
    return "\n".join(clean_lines(text))


def authors_from_text(text: str) -> list[str]:
    """Names from "Pewarta: NAME" / "Penulis: NAME" lines (the label dropped)."""
    names = []
    for raw in (text or "").splitlines():
        line = " ".join(raw.split())
        match = _AUTHOR_LINE.match(line) or _LAPORAN_LINE.match(line)
        if match:
            name = clean_author(match.group("name"))
            if name and name not in names:
                names.append(name)
    return names


def clean_author(name: str | None) -> str:
    """An author's name without "Oleh", "Penulis:" or a trailing date."""
    if not name:
        return ""
    name = html.unescape(" ".join(str(name).split()))
    name = _LABEL.sub("", name)
    name = re.split(r"\s+[|–—-]\s+|\s*\d{1,2}[/ ]", name)[0]
    name = name.strip(" :,-–|()")
    if len(name) > 60 or not re.search(r"[A-Za-z]", name):
        return ""
    return name


def _norm(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.lower())


def strip_site_suffix(title: str, site_names: list[str] | tuple[str, ...] = ()) -> str:
    """Remove " - Outlet.com" / " | Outlet" when the last segment names the site."""
    title = html.unescape(" ".join((title or "").split()))
    known = {_norm(s) for s in site_names if s}
    for _ in range(2):
        parts = re.split(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+", title)
        if len(parts) < 2:
            break
        last = parts[-1].strip()
        norm_last = _norm(last)
        looks_like_site = (
            bool(norm_last) and (
                norm_last in known
                or any(norm_last and (norm_last in k or k in norm_last) for k in known if len(k) > 3)
                or re.search(r"\.(?:com|id|co|net|org|asia|news)\b", last, re.I) is not None
            )
        )
        if not looks_like_site:
            break
        title = title[: len(title) - len(last)].rstrip(" |–—-:»")
    return title.strip()


def first_sentence(text: str) -> str:
    body = (text or "").strip().split("\n")[0] if text else ""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", body)
    return parts[0] if parts else ""


def last_sentence(text: str) -> str:
    lines = (text or "").strip().split("\n")
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", lines[-1]) if lines else []
    return parts[-1] if parts else ""
