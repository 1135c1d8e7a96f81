"""Every page, as each role (the admin's own pages too), on a phone (390×844) and a desktop
(1280×800): nothing wider
than the screen, no visible Latin word outside the allowlist (product names, formats,
units), every form field labelled, headings in order, text at least 4.5:1 against its
background (3:1 when large). A screenshot of each page is kept in test-artefacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import timezone

from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.models import MemberProfile
from gaoku.members.services import announcement_post
from gaoku.needs.services import need_post
from tests.conftest import account

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("seeded"),
]

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
# Latin words a Chinese page may show: the product's name, file formats, chat apps and
# protocols members know by these names, the English of the language switch, the search
# language's operators, and a document's own placeholders (XX县).
ALLOWED = {
    "OR", "NOT", "XX", "XXX", "Markdown",
    "free", "annual", "triennial",  # plans' codes, as typed: gaoku member add --plan annual
    "Gaoku", "TXT", "DOCX", "PDF", "PNG", "JPEG", "JPG", "Word", "WPS", "CSV", "QQ",
    "Atom", "RSS", "API", "URL", "HTTP", "HTTPS", "AI", "OCR", "English", "ID", "KB", "MB",
    "OneBot", "DingTalk", "WeCom", "Feishu", "Lark", "UTF",
}  # fmt: skip
_WORD = re.compile(r"(?<![A-Za-z0-9._/@-])[A-Za-z]{2,}(?![A-Za-z0-9._/@-])")

# What the page checks itself, in the browser: elements sticking out to the right, form
# fields without a label, headings that skip a level, text below its contrast ratio.
_AUDIT = """() => {
  const width = window.innerWidth;
  const visible = (el) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
  };
  const clipped = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
  const outside = [...document.body.querySelectorAll('*')]
    .filter((el) => visible(el) && el.getBoundingClientRect().right > width + 1 && !clipped(el))
    .map(name);
  const unlabelled = [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !['hidden', 'submit', 'button'].includes(el.type) && visible(el))
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') &&
                    !el.getAttribute('aria-labelledby') && !el.title)
    .map((el) => name(el) + '[name=' + el.name + ']');
  const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')]
    .filter(visible).map((h) => Number(h.tagName[1]));
  const skipped = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let p = el; p; p = p.parentElement) {
      const c = rgb(getComputedStyle(p).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el)) continue;
    const s = getComputedStyle(el);
    const fg = rgb(s.color).slice(0, 3);
    const [a, b] = [lum(fg), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) low.push(name(el) + ' ' + ratio.toFixed(2));
  }
  // Visible words, but for commands, code and text being edited, written as typed.
  const words = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (p && visible(p) && !p.closest('code, kbd, samp, pre, textarea, script, style, noscript')) {
      words.push(n.textContent);
    }
  }
  return {
    overflow: document.documentElement.scrollWidth > width,
    outside, unlabelled, skipped, low, text: words.join(' '),
  };
}"""


def _library() -> dict:
    doc = generate_document(211, doc_type="讲话稿")
    first = material_import(
        data=doc.text.encode(),
        name="speech.txt",
        metadata=ImportMetadata(published=timezone.localdate(), topics=("机关党建",)),
    ).version
    edited = doc.text.replace("。", "，切实抓好落实。", 1)
    material_import(data=edited.encode(), name="speech-v2.txt")
    asker = account("member", "会员甲")
    need = need_post(author=asker, title="全县安全生产工作会议讲话")
    announcement_post(title="十二月更新预告", body="本月将上线一批述职报告。", tier="free")
    return {"material": first.material_id, "need": need.pk}


def _pages(role: str, material: int, need: int) -> list[str]:
    pages = [
        "/", "/search/?q=讲话", f"/m/{material}/", f"/m/{material}/changes/", "/plans/",
        "/feed/", "/announcements/", "/needs/", f"/needs/{need}/",
    ]  # fmt: skip
    if role == "visitor":
        return [*pages, "/accounts/login/", "/accounts/register/", "/accounts/password/forgot/"]
    pages += [
        "/account/", "/notifications/", "/check/", "/needs/new/",
        "/accounts/password/",
    ]  # fmt: skip
    if role == "member":
        return [*pages, "/report/", "/report/mine/"]
    pages += ["/import/", "/stale/", f"/m/{material}/slots/"]
    if role == "editor":
        return pages
    return [
        *pages, "/traces/", "/reports/", "/signals/", "/deliveries/", "/numbers/",
        "/calendar/", "/admin/", "/admin/members/codebatch/add/", "/admin/library/material/",
        "/admin/auth/user/", "/admin/live/webhook/add/", "/admin/members/plan/",
        "/admin/library/cleaningpattern/add/", "/admin/library/cleaningpattern/learned/",
        "/admin/needs/need/",
    ]  # fmt: skip


def _sign_in(context, base: str, role: str) -> None:
    if role == "visitor":
        return
    username = {"member": "会员乙", "editor": "编辑甲", "admin": "管理员"}[role]
    account(role, username)
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill("pw-for-tests-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/")
    page.close()


@pytest.mark.parametrize("role", ["visitor", "member", "editor", "admin"])
def test_every_page_reads_well_on_a_phone_and_a_desktop(browser, live_server, role):
    made = _library()
    problems: list[str] = []
    for size, (width, height) in SIZES.items():
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
        _sign_in(context, live_server.url, role)
        page = context.new_page()
        page.set_default_timeout(15_000)
        for path in _pages(role, made["material"], made["need"]):
            response = page.goto(live_server.url + path)
            where = f"{role} {size} {path}"
            if response is None or response.status != 200:
                problems.append(f"{where}: status {response and response.status}")
                continue
            shot = ARTEFACTS / f"{role}-{size}-{re.sub(r'[^0-9A-Za-z]+', '_', path)}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            found = page.evaluate(_AUDIT)
            # A member's display code is on every copy notice (仅供学习 禁止外传 · GK7Q…).
            codes = set(MemberProfile.objects.values_list("display_code", flat=True))
            latin = sorted(set(_WORD.findall(found["text"])) - ALLOWED - codes)
            for key, value in (
                ("wider than the screen", found["overflow"]),
                ("outside the screen", found["outside"][:5]),
                ("unlabelled fields", found["unlabelled"]),
                ("headings skip a level", found["skipped"]),
                ("low contrast", found["low"][:5]),
                ("Latin words", latin),
            ):
                if value:
                    problems.append(f"{where}: {key}: {value}")
        context.close()
    assert not problems, "\n".join(problems)
