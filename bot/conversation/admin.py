"""The organizer's words: community settings, for workspace admins / guild managers and the
coaches they name."""

from __future__ import annotations

import re

from bot.conversation.intents import Reading
from bot.conversation.states import State
from bot.conversation.turn import Turn
from bot.conversation.words import unknown_zone
from bot.domain import Community, Role
from bot.schedule import parse_time, timezone_or_none


def _stay(turn: Turn) -> State:
    return State(turn.member.state)


def admin(turn: Turn, reading: Reading) -> State:
    """Community settings, for workspace admins / guild managers and configured coaches."""
    rest = reading.rest
    if turn.member.role not in (Role.ADMIN, Role.COACH):
        turn.refuse("Only the group's admins or coaches can change its settings.")
        return _stay(turn)
    community = turn.community
    verb, _, arg = rest.partition(" ")
    verb, arg = verb.lower(), arg.strip()
    if verb in ("", "settings", "show"):
        turn.say(_settings_text(community))
        return _stay(turn)
    if verb == "time":
        at = parse_time(arg)
        if at is None:
            turn.refuse("Use 24-hour HH:MM, e.g. `admin time 09:00`.")
            return _stay(turn)
        community.checkin_time = at
        turn.say(f"New members will be asked at {at:%H:%M}. Members keep their own `time`.")
    elif verb == "tz":
        zone = timezone_or_none(arg)
        if zone is None:
            turn.refuse(unknown_zone(arg))
            return _stay(turn)
        community.timezone = zone.key
        turn.say(f"The group's timezone is {zone.key} (digests and new members).")
    elif verb == "channel":
        channel = _channel_id(arg)
        if channel is None:
            turn.say("Which channel? e.g. `admin channel #job-club`.")
            return _stay(turn)
        community.report_channel = channel
        turn.say(f"Group digests and reports will go to {_channel_ref(channel)}.")
    elif verb == "enroll":
        mode, _, where = arg.partition(" ")
        mode = mode.lower()
        if mode in ("all", "optin", "opt-in"):
            community.enrollment = "all" if mode == "all" else "optin"
            community.enrollment_channel = None
        elif mode == "channel" and _channel_id(where):
            community.enrollment = "channel"
            community.enrollment_channel = _channel_id(where)
        else:
            turn.say("Try `admin enroll all`, `admin enroll optin` or `admin enroll channel #x`.")
            return _stay(turn)
        turn.say(f"Enrolment: {_enrollment_text(community)}.")
    elif verb == "coach":
        _admin_coach(turn, arg)
        return _stay(turn)
    else:
        turn.say(
            "Settings: `admin time 09:00`, `admin tz America/Chicago`, `admin channel #x`, "
            "`admin enroll all|optin|channel #x`, `admin coach add|remove @someone`, "
            "`admin coach role @role`."
        )
        return _stay(turn)
    turn.uow.communities.save(community)
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
