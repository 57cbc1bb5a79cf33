"""The organizer's words: community settings, for workspace admins / guild managers and the
coaches they name."""

from __future__ import annotations

import re
from typing import TypeVar

from bot.conversation.intents import Reading
from bot.conversation.states import State
from bot.conversation.turn import Turn
from bot.conversation.words import unknown_zone
from bot.dashboard.sign_in import dashboard_link
from bot.domain import Community, Role
from bot.schedule import parse_time, timezone_or_none

T = TypeVar("T")


def _stay(turn: Turn) -> State:
    return State(turn.member.state)


class _Refused(ValueError):
    """An organizer's setting that can't be taken: the message says what works."""


def _time(community: Community, arg: str) -> str:
    community.checkin_time = _parsed(parse_time(arg), "Use 24-hour HH:MM, e.g. `admin time 09:00`.")
    return f"New members will be asked at {community.checkin_time:%H:%M}. Members keep their own `time`."


def _tz(community: Community, arg: str) -> str:
    community.timezone = _parsed(timezone_or_none(arg), unknown_zone(arg)).key
    return f"The group's timezone is {community.timezone} (digests and new members)."


def _channel(community: Community, arg: str) -> str:
    channel = _parsed(_channel_id(arg), "Which channel? e.g. `admin channel #job-club`.")
    community.report_channel = channel
    return f"Group digests and reports will go to {_channel_ref(channel)}."


def _parsed(value: T | None, refusal: str) -> T:
    if value is None:
        raise _Refused(refusal)
    return value


def _enroll(community: Community, arg: str) -> str:
    mode, _, where = arg.partition(" ")
    mode = mode.lower()
    if mode in ("all", "optin", "opt-in"):
        community.enrollment = "all" if mode == "all" else "optin"
        community.enrollment_channel = None
    elif mode == "channel" and _channel_id(where):
        community.enrollment = "channel"
        community.enrollment_channel = _channel_id(where)
    else:
        raise _Refused("Try `admin enroll all`, `admin enroll optin` or `admin enroll channel #x`.")
    return f"Enrolment: {_enrollment_text(community)}."


_SETTINGS = {"time": _time, "tz": _tz, "channel": _channel, "enroll": _enroll}
"""`admin <verb> <arg>`: each changes the community and says what it did, or refuses."""


def admin(turn: Turn, reading: Reading) -> State:
    """Community settings, for workspace admins / guild managers and configured coaches."""
    if turn.member.role not in (Role.ADMIN, Role.COACH):
        turn.refuse("Only the group's admins or coaches can change its settings.")
        return _stay(turn)
    verb, _, arg = reading.rest.partition(" ")
    verb, arg = verb.lower(), arg.strip()
    if verb in ("", "settings", "show"):
        turn.say(_settings_text(turn.community))
    elif verb == "dashboard":
        dashboard_link(turn, turn.settings.public_url)
    elif verb == "coach":
        _admin_coach(turn, arg)
    elif verb in _SETTINGS:
        try:
            turn.say(_SETTINGS[verb](turn.community, arg))
        except _Refused as refused:
            turn.refuse(str(refused))
        else:
            turn.uow.communities.save(turn.community)
            turn.enrolment_changed = verb == "enroll"
    else:
        turn.refuse(
            "Settings: `admin time 09:00`, `admin tz America/Chicago`, `admin channel #x`, "
            "`admin enroll all|optin|channel #x`, `admin coach add|remove @someone`, "
            "`admin coach role @role`, `admin dashboard`."
        )
    return _stay(turn)


def _admin_coach(turn: Turn, arg: str) -> None:
    action, _, who = arg.partition(" ")
    if action.lower() == "role":
        _admin_coach_role(turn, who)
        return
    user_id = _user_id(who)
    if action.lower() not in ("add", "remove") or user_id is None:
        turn.say("Try `admin coach add @someone` or `admin coach remove @someone`.")
        return
    assert turn.community.id is not None
    member = turn.uow.members.find(turn.community.id, user_id)
    if member is None:
        turn.say("I haven't met them yet — ask them to say hi to me first.")
        return
    member.role = Role.COACH if action.lower() == "add" else Role.MEMBER
    turn.uow.members.save(member)
    if member.id == turn.member.id:
        turn.member.role = member.role
    verb = "is now a coach" if member.role == Role.COACH else "is no longer a coach"
    turn.say(f"{member.name} {verb}.")
    return


def _admin_coach_role(turn: Turn, arg: str) -> None:
    """Everyone with this platform role counts as a coach (the adapter checks the role)."""
    role = arg.strip()
    match = _ROLE.match(role)
    if role.lower() in ("none", "off", "clear"):
        turn.community.coach_role = None
        turn.say("No coach role any more; coaches added by name stay coaches.")
    elif match:
        turn.community.coach_role = match.group(1) or match.group(2)
        turn.say(f"Members with the role <@&{turn.community.coach_role}> can now change settings.")
    else:
        turn.say("Try `admin coach role @role` or `admin coach role none`.")
        return
    turn.uow.communities.save(turn.community)
    return


_CHANNEL = re.compile(r"^<#([A-Z0-9]{1,30}|\d{1,25})(?:\|[^>]{0,80})?>$|^#?([A-Za-z0-9_\-]{1,80})$")
_ROLE = re.compile(r"^<@&(\d{1,25})>$|^([A-Z0-9]{1,30}|\d{1,25})$")
_USER = re.compile(r"^<@!?([A-Z0-9]{1,30}|\d{1,25})(?:\|[^>]{0,80})?>$|^@?([A-Za-z0-9_.\-]{1,64})$")


def _channel_id(text: str) -> str | None:
    """A channel reference as platforms send it (<#C123|name>, <#123>) or a plain name."""
    match = _CHANNEL.match(text.strip())
    return (match.group(1) or match.group(2)) if match else None


def _user_id(text: str) -> str | None:
    match = _USER.match(text.strip())
    return (match.group(1) or match.group(2)) if match else None


def _channel_ref(channel: str) -> str:
    return (
        f"<#{channel}>"
        if (channel[:1].isupper() and channel[1:].isalnum()) or channel.isdigit()
        else f"#{channel}"
    )


def _enrollment_text(community: Community) -> str:
    if community.enrollment == "all":
        return "every member of the workspace"
    if community.enrollment == "channel" and community.enrollment_channel:
        return f"members of {_channel_ref(community.enrollment_channel)}"
    return "opt-in (members who message me)"


def _settings_text(community: Community) -> str:
    channel = _channel_ref(community.report_channel) if community.report_channel else "not set"
    coaches = f" · coach role: <@&{community.coach_role}>" if community.coach_role else ""
    return (
        f"Group settings: check-ins at {community.checkin_time:%H:%M} ({community.timezone}) · "
        f"report channel: {channel} · enrolment: {_enrollment_text(community)}{coaches}"
    )
