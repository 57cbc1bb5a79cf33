"""Core messages and summaries as Slack Block Kit, with member text made harmless.

Slack parses `<...>` in message text as links and mentions (`<!channel>`, `<@U123>`), so every
text we send is escaped (`&`, `<`, `>`). The core writes plain text with backticks; the only
markup it means is a channel reference like `<#C123>` in organizer replies, which is restored
after escaping (a channel link never notifies anyone).

Every post carries its outbox key in Slack message metadata (never a member's words), so a
re-send after a crash can find it in the conversation's history.
"""

from __future__ import annotations

import re
from typing import Any

from bot.dashboard.sign_in import DASHBOARD_WORDS
from bot.messages import Choice, OutboundMessage
from bot.progress import AskLine, MemberWeek
from bot.text import normalise_text

JsonDict = dict[str, Any]

SECTION_CHARS = 2900  # Slack: a section's text is at most 3000 characters
MAX_BLOCKS = 45  # Slack: at most 50 blocks in a message
BUTTON_LABEL_CHARS = 75
LOG_ASK_CALLBACK = "log_ask"
LOG_ASK_ACTION = "open_log_ask"
CHOICE_BLOCK = "choices"
_CHANNEL_LINK = re.compile(r"&lt;#([CG][A-Z0-9]{1,30})&gt;")

# Modal inputs: block id -> (label, placeholder, max length, required)
LOG_ASK_FIELDS: dict[str, tuple[str, str, int, bool]] = {
    "who": ("Who will you ask?", "Priya from my old team", 120, True),
    "what": ("What will you ask them for?", "an intro to the data team lead", 500, True),
    "company": ("Company (optional)", "Target", 80, False),
    "by": ("By when? (optional)", "Friday", 40, False),
}


def escape(text: str) -> str:
    """Slack's three control characters, so member words never become mentions or links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_outbound(text: str) -> str:
    """Escape a core text, keeping the core's own channel references clickable."""
    return _CHANNEL_LINK.sub(r"<#\1>", escape(text))


def _chunks(text: str, size: int) -> list[str]:
    parts: list[str] = []
    while text:
        if len(text) <= size:
            parts.append(text)
            break
        cut = text.rfind("\n", 0, size)
        cut = cut if cut > size // 2 else size
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return parts


def choice_button(n: int, choice: Choice) -> JsonDict:
    """A button whose press sends `choice.value` to the core (action `choice_<n>`)."""
    return {
        "type": "button",
        "action_id": f"choice_{n}",
        "text": {"type": "plain_text", "text": choice.label[:BUTTON_LABEL_CHARS], "emoji": True},
        "value": choice.value[:2000],
    }


def message_payload(message: OutboundMessage) -> JsonDict:
    """`text` (notifications, fallback) and `blocks` for chat.postMessage."""
    text = escape_outbound(message.text)
    sections = _chunks(text, SECTION_CHARS)
    if len(sections) > MAX_BLOCKS - 1:
        return _tagged({"text": text[:39000]}, message)
    blocks: list[JsonDict] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": part, "verbatim": True}}
        for part in sections
    ]
    if message.choices:
        blocks.append(
            {
                "type": "actions",
                "block_id": CHOICE_BLOCK,
                "elements": [
                    choice_button(n, choice) for n, choice in enumerate(message.choices[:25])
                ],
            }
        )
    return _tagged({"text": text, "blocks": blocks}, message)


HEADER_CHARS = 150  # Slack: a header's plain text is at most 150 characters
POST_FOOTER = "Posted by askcoach each week · DM me `help` to take part"


def _is_bullet(line: str) -> bool:
    return line.startswith(("•", " "))


def channel_post_payload(message: OutboundMessage) -> JsonDict:
    """A community channel post (the weekly digest) as Block Kit: the first line as a header,
    each group of bullets as a section (a line ending in ':' heads its group), and a context
    footer (a closing remark after the last bullets, or a note on who posted it). `text` is
    the whole post, for notifications and clients without blocks. Every line is escaped."""
    text = escape_outbound(message.text)
    first, *rest = text.split("\n")
    footer = POST_FOOTER
    if rest and rest[-1].strip() and not _is_bullet(rest[-1]) and not rest[-1].endswith(":"):
        footer = rest.pop()
    groups: list[list[str]] = []
    for line in rest:
        if not line.strip():
            continue
        if _is_bullet(line) and groups:
            groups[-1].append(line)
        else:  # a heading ("Where the group can help:") or a remark starts a new section
            heading = not _is_bullet(line) and line.endswith(":")
            groups.append([f"*{line}*" if heading else line])
    blocks: list[JsonDict] = [
        {"type": "header", "text": {"type": "plain_text", "text": first[:HEADER_CHARS]}}
    ]
    for group in groups:
        for part in _chunks("\n".join(group), SECTION_CHARS):
            blocks.append(
                {"type": "section", "text": {"type": "mrkdwn", "text": part, "verbatim": True}}
            )
    blocks = blocks[: MAX_BLOCKS - 1]
    blocks.append(
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": footer[:SECTION_CHARS], "verbatim": True}],
        }
    )
    return _tagged({"text": text[:39000], "blocks": blocks}, message)


METADATA_EVENT_TYPE = "askcoach_message"


def _tagged(payload: JsonDict, message: OutboundMessage) -> JsonDict:
    """The payload with the message's outbox key as Slack message metadata (no member text:
    metadata is readable by any app that can read the conversation)."""
    if message.key:
        payload["metadata"] = {
            "event_type": METADATA_EVENT_TYPE,
            "event_payload": {"key": message.key},
        }
    return payload


def outbox_key_of(posted: JsonDict) -> str | None:
    """The outbox key a message from `conversations.history` carries, if askcoach posted it."""
    metadata = posted.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != METADATA_EVENT_TYPE:
        return None
    payload = metadata.get("event_payload")
    key = payload.get("key") if isinstance(payload, dict) else None
    return key if isinstance(key, str) else None


def chart_alt_text(message: OutboundMessage) -> str:
    """Alt text for a post's chart: what it shows, named after the post's first line."""
    title = message.text.split("\n", 1)[0].strip()
    return (
        f"Bar chart of the group's planned asks per day (specific, vague, passive), for: {title}"
    )[:1000]


def answered_blocks(original: JsonDict, label: str) -> list[JsonDict]:
    """The pressed message without its buttons, noting the choice (so it can't be re-pressed)."""
    kept = [b for b in original.get("blocks") or [] if b.get("type") != "actions"]
    if not kept and original.get("text"):
        kept = [{"type": "section", "text": {"type": "mrkdwn", "text": original["text"]}}]
    kept.append(
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": f"You chose: *{escape(label)}*"}],
        }
    )
    return kept


# ------------------------------------------------------------------------- App Home


_STATUS = {"open": "open", "made": "made", "skipped": "skipped", "dropped": "dropped"}
_OUTCOME = {"yes": "said yes ✅", "waiting": "waiting to hear", "no": "said no"}


def _ask_line(ask: AskLine) -> str:
    verdict = "specific" if ask.verdict == "specific" else f"{ask.verdict} (not yet an ask)"
    status = _STATUS.get(ask.status, ask.status)
    outcome = f" · {_OUTCOME.get(ask.outcome, ask.outcome)}" if ask.outcome else ""
    day = f"{ask.created_at:%a}"
    return f"• {day}: {escape(ask.text[:200])} — _{verdict}_, {status}{outcome}"


def _section(text: str) -> JsonDict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:SECTION_CHARS]}}


def log_ask_button() -> JsonDict:
    return {
        "type": "actions",
        "block_id": "home_actions",
        "elements": [
            {
                "type": "button",
                "action_id": LOG_ASK_ACTION,
                "style": "primary",
                "text": {"type": "plain_text", "text": "Log an ask", "emoji": True},
                "value": "log",
            }
        ],
    }


def home_view(week: MemberWeek | None, *, is_admin: bool) -> JsonDict:
    """The App Home tab: this week's asks, streak, open follow-ups, gives."""
    blocks: list[JsonDict] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Your asks this week"}}
    ]
    if week is None or not week.onboarded:
        blocks.append(
            _section(
                "Say hi to me in the *Messages* tab to get started. Each working day I'll ask: "
                "who will you ask, and for what?"
            )
        )
    else:
        stats = week.stats
        days = "day" if stats.streak == 1 else "days"
        blocks.append(
            _section(
                f"*{stats.week_specific}* specific ask(s) this week · streak *{stats.streak}* "
                f"working {days} · made {stats.made} · yes {stats.said_yes} · gives {stats.gives}"
            )
        )
        if week.asks:
            blocks.append(_section("\n".join(_ask_line(a) for a in week.asks[-20:])))
        else:
            blocks.append(_section("No asks yet this week. Who will you ask, and for what?"))
        blocks.append({"type": "divider"})
        if week.follow_ups:
            lines = "\n".join(_ask_line(a) for a in week.follow_ups)
            blocks.append(
                _section(f"*Waiting to hear back* — a friendly nudge is normal:\n{lines}")
            )
        if week.gives:
            gives = "\n".join(f"• {escape(g[:200])}" for g in week.gives[-10:])
            blocks.append(_section(f"*Help you gave this week*\n{gives}"))
        if week.paused_until is not None:
            blocks.append(_section(f"Check-ins paused until {week.paused_until:%a %-d %b}."))
    blocks.append(log_ask_button())
    if is_admin:
        blocks.append(
            {
                "type": "actions",
                "block_id": "home_organizer",
                "elements": [choice_button(0, Choice("Open the dashboard", DASHBOARD_WORDS))],
            }
        )
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": "You're an organizer here: the dashboard button DMs you a "
                        "one-time sign-in link to the group at a glance. Send me `admin` in a "
                        "DM to see and change the group's settings (check-in time, timezone, "
                        "report channel, enrolment, coaches).",
                    }
                ],
            }
        )
    return {"type": "home", "blocks": blocks}


# ------------------------------------------------------------------------- the log-an-ask modal


def log_ask_modal() -> JsonDict:
    blocks: list[JsonDict] = []
    for block_id, (label, placeholder, max_length, required) in LOG_ASK_FIELDS.items():
        blocks.append(
            {
                "type": "input",
                "block_id": block_id,
                "optional": not required,
                "label": {"type": "plain_text", "text": label},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "max_length": max_length,
                    "multiline": block_id == "what",
                    "placeholder": {"type": "plain_text", "text": placeholder},
                },
            }
        )
    return {
        "type": "modal",
        "callback_id": LOG_ASK_CALLBACK,
        "title": {"type": "plain_text", "text": "Log an ask"},
        "submit": {"type": "plain_text", "text": "Log it"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def read_log_ask(values: JsonDict) -> tuple[dict[str, str], dict[str, str]]:
    """The submitted form and, per block, what is wrong with it (empty when it is fine)."""
    form: dict[str, str] = {}
    errors: dict[str, str] = {}
    for block_id, (_label, _ph, max_length, required) in LOG_ASK_FIELDS.items():
        block = values.get(block_id)
        raw = block.get("value") if isinstance(block, dict) else None
        value = raw.get("value") if isinstance(raw, dict) else None
        text = " ".join(normalise_text(value).split()) if isinstance(value, str) else ""
        if required and not text:
            errors[block_id] = "Please fill this in."
        elif len(text) > max_length:
            errors[block_id] = f"Please keep this under {max_length} characters."
        form[block_id] = text
    return form, errors
