"""Who is typing in the web chat: a session id the server issues and signs (HMAC-SHA256), kept in an
HttpOnly, SameSite cookie. The page never chooses it, so whoever holds KAVI_WEB_TOKEN can open a chat
of their own but cannot act as anyone else."""

import base64
import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request, Response

COOKIE = "kavi_session"
# A browser keeps a cookie at most 400 days; the session is the person's identity, so keep it that long.
MAX_AGE = 400 * 24 * 3600
_PURPOSE = b"kavi web-chat session\x00"  # a signature made for anything else never passes here


class WebSessions:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _signature(self, session_id: str) -> str:
        digest = hmac.new(self._secret, _PURPOSE + session_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def issue(self) -> tuple[str, str]:
        """A new session: its id (the web chat's sender) and the cookie value that proves it."""
        session_id = "web-" + secrets.token_hex(16)
        return session_id, f"{session_id}.{self._signature(session_id)}"

    def verified(self, cookie: str | None) -> str | None:
        """The session id a cookie carries, when the signature is ours."""
        if not cookie or len(cookie) > 200 or "." not in cookie:
            return None
        session_id, signature = cookie.rsplit(".", 1)
        if not session_id.startswith("web-") or not hmac.compare_digest(signature, self._signature(session_id)):
            return None
        return session_id


def set_cookie(request: Request, response: Response, value: str) -> None:
    response.set_cookie(
        COOKIE,
        value,
        max_age=MAX_AGE,
        path="/",
        httponly=True,  # scripts on the page never see it
        samesite="lax",  # sent when someone follows a link to the chat, not on other sites' requests
        secure=request.url.scheme == "https",
    )


def sessions_of(request: Request) -> WebSessions:
    sessions: WebSessions | None = request.app.state.web_sessions
    if sessions is None:
        raise HTTPException(
            status_code=503,
            detail="the web chat is off: KAVI_WEB_TOKEN is set but KAVI_SESSION_SECRET is not (it signs chat sessions)",
        )
    return sessions


def web_sender(request: Request, response: Response) -> str:
    """The sender of a web-chat request: its signed session, or a new one (then the cookie is set)."""
    sessions = sessions_of(request)
    found = sessions.verified(request.cookies.get(COOKIE))
    if found is not None:
        return found
    session_id, value = sessions.issue()
    set_cookie(request, response, value)
    return session_id


def session_of(request: Request) -> str | None:
    """The session a request's cookie proves, or None: reading (the history) never starts one."""
    return sessions_of(request).verified(request.cookies.get(COOKIE))


def ensure_session(request: Request, response: Response) -> None:
    """The chat page starts a session as it loads, so the page's first messages share one."""
    sessions = request.app.state.web_sessions
    if sessions is not None and sessions.verified(request.cookies.get(COOKIE)) is None:
        set_cookie(request, response, sessions.issue()[1])
