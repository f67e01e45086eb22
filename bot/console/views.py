"""The console's pages and routes, independent of the HTTP server (bot/webserver.py calls ``handle``).

Every URL under /console/ except the sign-in page and /console/static/ needs a signed-in session:
a GET without one is sent to the sign-in page (303), a POST is refused (403). Every POST must
carry the form's CSRF token (403 otherwise). /report/<token> is the enterprise's print page:
the token from the end of its own pre-screening opens that one report, nothing else.
"""

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import quote, urlencode

import jinja2
import yaml

from bot.console import auth, export, store, usage
from bot.console.markdown import to_html
from bot.console.queue import TIMEZONE, mask_figures
from bot.reports.render import render_markdown
from bot.reports.store import get_report, normalize_ref, report_by_token, search_reports
from bot.reports.verdict import APPLICANT_LABELS, STATUSES as VERDICTS

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parents[1]
STATIC = {
    "console.css": "text/css; charset=utf-8",
    "console.js": "text/javascript; charset=utf-8",
    "chart.umd.js": "text/javascript; charset=utf-8",
    "charts.js": "text/javascript; charset=utf-8",
}
LOGIN_COOKIE = "console_login"
REASON_LABELS = {
    "fallback": "兜底回复",
    "low_confidence": "置信度低",
    "not_understood": "没有理解",
    "thumbs_down": "用户点踩",
}
STATUS_LABELS = {"new": "待处理", "fine": "回答没问题", "needs_answer": "需要新回答", "labelled": "已标注意图"}
HTML = "text/html; charset=utf-8"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass
class Request:
    method: str
    path: str
    query: Dict[str, str] = field(default_factory=dict)
    form: Dict[str, str] = field(default_factory=dict)
    cookies: Dict[str, str] = field(default_factory=dict)
    address: str = ""


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = HTML
    headers: Dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def intents() -> List[str]:
    """The intents an unanswered question can be labelled with (domain.yml)."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    return [str(i) for i in domain.get("intents") or []]


def _page(template: str, http_status: int = 200, **context) -> Response:
    body = _env.get_template(template).render(**context).encode("utf-8")
    return Response(http_status, body)


def _redirect(location: str, headers: Optional[Dict[str, str]] = None) -> Response:
    return Response(303, b"", "text/plain; charset=utf-8", {"Location": location, **(headers or {})})


def _refused(status: int = 403, message: str = "没有权限：请先登录") -> Response:
    return Response(status, message.encode("utf-8"), "text/plain; charset=utf-8")


def _not_found() -> Response:
    return _page("message.html", 404, title="页面不存在", message="页面不存在或链接已失效。", user=None)


def handles(path: str) -> bool:
    """Whether the path belongs to the console (or the enterprise's print page)."""
    return path == "/console" or path.startswith("/console/") or path.startswith("/report/")


def handle(request: Request) -> Response:
    """The answer to one request for a console URL."""
    path = request.path
    if path.startswith("/report/"):
        return _print_by_token(path[len("/report/") :]) if request.method == "GET" else _refused(405, "不支持的请求")
    if path.startswith("/console/static/"):
        return _static(path[len("/console/static/") :])
    if path == "/console/login":
        return _login_post(request) if request.method == "POST" else _login_page(request)
    session_id = auth.session_from_cookie(request.cookies.get(auth.COOKIE_NAME))
    user = store.session_user(session_id) if session_id else None
    if user is None:
        if request.method != "GET":
            return _refused()
        return _redirect("/console/login?" + urlencode({"next": path}))
    if request.method == "POST" and not auth.csrf_ok(session_id, request.form.get("csrf")):
        return _refused(403, "请求已失效（缺少或错误的表单令牌），请刷新页面后重试")
    context = {"user": user, "csrf": auth.csrf_token(session_id)}
    return _route(request, session_id, context)


def _route(request: Request, session_id: str, context: dict) -> Response:
    path, method = request.path, request.method
    if path in ("/console", "/console/"):
        return _redirect("/console/reports")
    if path == "/console/logout" and method == "POST":
        store.end_session(session_id)
        return _redirect("/console/login", {"Set-Cookie": auth.clear_cookie_header()})
    if method == "GET":
        if path == "/console/reports":
            return _reports(request, context)
        if path in ("/console/reports.csv", "/console/reports.xlsx"):
            return _reports_export(request, path.rsplit(".", 1)[1])
        match = re.fullmatch(r"/console/reports/([A-Za-z0-9-]+)(/print)?", path)
        if match:
            return _report(match.group(1), bool(match.group(2)), context)
        if path == "/console/questions":
            return _questions(request, context)
        if path == "/console/questions/nlu.yml":
            body = export.nlu_yaml(store.labelled_questions()).encode("utf-8")
            return Response(
                200,
                body,
                "application/x-yaml; charset=utf-8",
                {"Content-Disposition": 'attachment; filename="console_labelled.yml"'},
            )
        if path == "/console/usage":
            return _usage(request, context)
    if method == "POST":
        match = re.fullmatch(r"/console/questions/(\d+)", path)
        if match:
            return _review(int(match.group(1)), request, context)
    return _not_found()


# ----------------------------------------------------------------------------- sign-in


def _login_page(request: Request, error: str = "", status: int = 200) -> Response:
    token = request.cookies.get(LOGIN_COOKIE)
    headers = {}
    if not token or not re.fullmatch(r"[A-Za-z0-9_-]{20,64}", token):
        token = secrets.token_urlsafe(24)
        headers["Set-Cookie"] = f"{LOGIN_COOKIE}={token}; Path=/console/login; HttpOnly; SameSite=Strict"
    next_path = request.query.get("next") or request.form.get("next") or ""
    response = _page(
        "login.html",
        status,
        user=None,
        csrf=auth.csrf_token("login:" + token),
        error=error,
        next=next_path if _safe_next(next_path) else "",
    )
    response.headers.update(headers)
    return response


def _safe_next(path: str) -> bool:
    return bool(re.fullmatch(r"/console/[A-Za-z0-9/_.-]*", path or "")) and "//" not in path


def _login_post(request: Request) -> Response:
    token = request.cookies.get(LOGIN_COOKIE) or ""
    if not token or not auth.csrf_ok("login:" + token, request.form.get("csrf")):
        return _refused(403, "请求已失效（缺少或错误的表单令牌），请刷新页面后重试")
    name = (request.form.get("username") or "").strip()
    password = request.form.get("password") or ""
    session_id, why = auth.sign_in(name, password, request.address)
    if session_id is None:
        return _login_page(request, why, 429 if why == auth.TOO_MANY else 401)
    next_path = request.form.get("next") or ""
    return _redirect(
        next_path if _safe_next(next_path) else "/console/reports", {"Set-Cookie": auth.set_cookie_header(session_id)}
    )


# ----------------------------------------------------------------------------- reports


def _filters(request: Request) -> dict:
    q = request.query
    date_re = r"\d{4}-\d{2}-\d{2}"
    return {
        "ref": (q.get("ref") or "")[:32],
        "date_from": q.get("from", "") if re.fullmatch(date_re, q.get("from", "")) else "",
        "date_to": q.get("to", "") if re.fullmatch(date_re, q.get("to", "")) else "",
        "verdict": q.get("verdict", "") if q.get("verdict", "") in VERDICTS else "",
        "item": (q.get("item") or "")[:40],
    }


def _reports(request: Request, context: dict) -> Response:
    filters = _filters(request)
    reports = search_reports(**filters)
    query = urlencode(
        {
            "ref": filters["ref"],
            "from": filters["date_from"],
            "to": filters["date_to"],
            "verdict": filters["verdict"],
            "item": filters["item"],
        }
    )
    for r in reports:
        r["applicant_label"] = APPLICANT_LABELS.get(r["applicant"], r["applicant"])
        r["time"] = _time(r["created_at"])
        r["total"] = f"{r['total_cny']:,.2f}"
    return _page(
        "reports.html", reports=reports, filters=filters, verdicts=VERDICTS, query=query, nav="reports", **context
    )


def _time(created_at: str) -> str:
    try:
        return datetime.fromisoformat(created_at).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(created_at)


def _reports_export(request: Request, kind: str) -> Response:
    reports = search_reports(**_filters(request))
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    if kind == "csv":
        body, content_type = export.reports_csv(reports), "text/csv; charset=utf-8"
    else:
        body = export.reports_xlsx(reports)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    name = f"reports-{stamp}.{kind}"
    return Response(200, body, content_type, {"Content-Disposition": f'attachment; filename="{name}"'})


def _report(ref: str, printable: bool, context: dict) -> Response:
    key = normalize_ref(ref)
    report = get_report(key) if key else None
    if report is None:
        return _not_found()
    html_body = to_html(render_markdown(report))
    if printable:
        return _page("print.html", report=report, body=html_body, back=f"/console/reports/{quote(key)}")
    return _page("report.html", report=report, body=html_body, nav="reports", **context)


def _print_by_token(token: str) -> Response:
    report = report_by_token(token)
    if report is None:
        return _not_found()
    return _page("print.html", report=report, body=to_html(render_markdown(report)), back=None)


# ----------------------------------------------------------------------------- the queue


def _questions(request: Request, context: dict) -> Response:
    status = request.query.get("status", "new")
    status = status if status in store.STATUSES or status == "all" else "new"
    rows = store.questions(None if status == "all" else status)
    for row in rows:
        row["text_masked"] = mask_figures(row["text"])
        row["reply_masked"] = mask_figures(row["reply"])
        row["reason_labels"] = [REASON_LABELS.get(r, r) for r in row["reasons"].split(",")]
        row["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
        row["time"] = datetime.fromtimestamp(row["at"], TIMEZONE).strftime("%Y-%m-%d %H:%M")
    return _page(
        "questions.html",
        rows=rows,
        current=status,
        statuses=STATUS_LABELS,
        intents=intents(),
        labelled=len(store.labelled_questions()),
        nav="questions",
        **context,
    )


def _review(question_id: int, request: Request, context: dict) -> Response:
    action = request.form.get("action")
    label = None
    if action == "label":
        label = request.form.get("intent") or ""
        if label not in intents():
            return _refused(400, "请选择一个有效的意图")
        status = "labelled"
    elif action in ("fine", "needs_answer", "new"):
        status = action
    else:
        return _refused(400, "不支持的操作")
    if not store.review_question(question_id, status, label, context["user"]):
        return _not_found()
    back = request.form.get("back") or "new"
    return _redirect(
        "/console/questions?" + urlencode({"status": back if back in STATUS_LABELS or back == "all" else "new"})
    )


# ----------------------------------------------------------------------------- usage


def _usage(request: Request, context: dict) -> Response:
    try:
        days = min(max(int(request.query.get("days", "30")), 1), 366)
    except ValueError:
        days = 30
    return _page("usage.html", summary=usage.summary(days), nav="usage", **context)


def _static(name: str) -> Response:
    content_type = STATIC.get(name)
    if content_type is None:
        return _refused(404, "文件不存在")
    return Response(200, (HERE / "static" / name).read_bytes(), content_type)
