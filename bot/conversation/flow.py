"""The conversation in one place: for each state, the intents it expects and what they do.

Every message is first understood (`intents.read`: text -> intent with slots); then the state
that is current acts on the intent. A state's own table comes first; the global intents (stop,
pause, forget, help, questions, greetings, thanks, frustration, a new job, the member's own
settings) act in every state; a state's `otherwise` takes what is left. Each handler returns
the next state.

What happens when a member answers the afternoon check-in ("Did you make your ask of Jen?")?
Read `FLOW[State.AWAITING_MADE]` below: "yep did it!" is MADE -> `followups.typed_made`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from bot.checkins.planning import SKIP_DAYS
from bot.conversation import admin, answers, followups, group, onboarding, planning, words
from bot.conversation.intents import (
    Context,
    Intent,
    Reading,
    news_then_question,
    question_then_plan,
    read,
    settings_aside,
)
from bot.conversation.states import State
from bot.conversation.turn import Turn

Handler = Callable[[Turn, Reading], State]


@dataclass(frozen=True)
class Step:
    """One state of the conversation: the intents it expects, and what takes the rest."""

    expects: Mapping[Intent, Handler] = field(default_factory=dict)
    otherwise: Handler = answers.unclear


def _command(turn: Turn, reading: Reading) -> State:
    """Chat words with no intent of their own (targets, target remove, export, share…)."""
    handler = _COMMANDS.get(reading.word or "")
    return handler(turn, reading) if handler else answers.unclear(turn, reading)


_COMMANDS: dict[str, Handler] = {
    "targets": words.targets,
    "target": words.targets,
    "know": words.know,
    "export": words.export,
    "share": words.share,
    "report": words.report,
    "digest": words.digest,
    "review": words.review,
    "ungive": words.take_back_give,
    "nudges": words.nudges,
    "afternoon": words.afternoon,
    "forget_ask": followups.forget_asks_of,
    "skipday": words.skip_day,
    "admin": admin.admin,
}

# A typed answer to a question with buttons, wherever it is typed.
_ANSWERS: dict[Intent, Handler] = {
    Intent.MADE: followups.typed_made,
    Intent.NOT_YET: followups.typed_not_yet,
    Intent.OUTCOME: followups.typed_outcome,
    Intent.NUDGE: followups.typed_nudge,
    Intent.DROP: followups.typed_drop,
    Intent.FOLLOW_UP_ADVICE: followups.follow_up_advice,
}

_PLANNING: dict[Intent, Handler] = {
    Intent.PLAN: planning.plan,
    Intent.EDIT: planning.edit,
    Intent.SKIP: planning.skip_today,
    Intent.CONFIRM: answers.acknowledged,
    Intent.DECLINE: answers.acknowledged,
    **_ANSWERS,
}

FLOW: dict[State, Step] = {
    State.ONBOARDING: Step(
        {
            Intent.CONFIRM: onboarding.confirmed,
            Intent.SCHEDULE: onboarding.schedule,
            Intent.DECLINE: onboarding.declined,
            Intent.GREETING: onboarding.greeted,
            Intent.THANKS: onboarding.greeted,  # "this sounds great, thank you for setting this up"
            Intent.FAREWELL: onboarding.said_bye,
            Intent.OTHER: onboarding.unclear,
        },
        otherwise=onboarding.moved_on,
    ),
    State.IDLE: Step(_PLANNING),
    State.AWAITING_ASK: Step(_PLANNING),
    State.CLARIFYING: Step(
        {
            Intent.PLAN: planning.clarify,
            Intent.EDIT: planning.clarify,
            Intent.OTHER: answers.unclear,
            Intent.CONFIRM: planning.still_missing,
            Intent.DECLINE: planning.keep_as_it_is,
            Intent.SKIP: planning.skip_today,
            **_ANSWERS,
        }
    ),
    State.AWAITING_MADE: Step(
        {
            Intent.SKIP: followups.typed_skip,
            Intent.CONFIRM: followups.answered_made_question,
            Intent.DECLINE: followups.answered_made_question,
            Intent.PLAN: planning.plan,
            Intent.EDIT: planning.edit,
            **_ANSWERS,
        }
    ),
    State.AWAITING_OUTCOME: Step(
        {Intent.PLAN: planning.plan, Intent.EDIT: planning.edit, **_ANSWERS}
    ),
    State.AWAITING_FOLLOW_UP: Step(
        {
            Intent.PLAN: planning.plan,
            Intent.EDIT: planning.edit,
            Intent.CONFIRM: followups.typed_nudge,  # "k" to "A short nudge is normal"
            **_ANSWERS,
        }
    ),
    State.CONFIRM_FORGET: Step(
        # "ok maybe just pause a month": a break instead, and nothing deleted.
        {
            Intent.CONFIRM: words.forget_confirmed,
            Intent.PAUSE: words.pause_instead_of_forgetting,
            Intent.STOP: words.stop,  # "just stop messaging me, don't delete": stop, keep data
        },
        otherwise=words.forget_kept,
    ),
}
"""The member's state -> the intents it expects -> the handler (which returns the next state)."""

GLOBAL: dict[Intent, Handler] = {
    Intent.STOP: words.stop,
    Intent.PAUSE: words.pause,
    Intent.RESUME: words.resume,
    Intent.FORGET: words.forget,
    Intent.HELP: words.help_,
    Intent.QUESTION: answers.question,
    Intent.WHO_KNOWS: answers.who_knows,
    Intent.GREETING: answers.greeting,
    Intent.THANKS: answers.thanks,
    Intent.FAREWELL: answers.farewell,
    Intent.FRUSTRATION: answers.frustration,
    Intent.HIRED: followups.hired,
    Intent.NEWS: answers.good_news,
    Intent.GIVE: words.give,
    Intent.TARGET_ADD: words.target_add,
    Intent.KNOW: words.know,
    Intent.STATS: words.stats,
    Intent.SCHEDULE: words.schedule,
    Intent.COMMAND: _command,
}
"""Intents that act in every state (a pending `forget` question takes only its own answer)."""


def act(turn: Turn, reading: Reading, state: State) -> State:
    """What `state` does with an understood message."""
    step = FLOW[state]
    handler = step.expects.get(reading.intent)
    if handler is None and state != State.CONFIRM_FORGET:
        handler = GLOBAL.get(reading.intent)
    return (handler or step.otherwise)(turn, reading)


def respond_to_text(turn: Turn, text: str, after_onboarding: bool = False) -> State:
    """Understand a member's text in their state and act on it."""
    state = State(turn.member.state)
    member = turn.member
    answered = (
        followups.typed_hire_sharing(turn, text)
        or followups.typed_undo_drop(turn, text)
        or followups.typed_undo_answer(turn, text)
        or group.typed_intro_answer(turn, text)
    )
    if answered is not None:
        return answered
    if state in (State.AWAITING_MADE, State.AWAITING_OUTCOME, State.AWAITING_FOLLOW_UP):
        # "asked carla, didn't get to leo", "did leo, not carla": news of each ask it names
        several = followups.several_answers(turn, text)
        if several is not None:
            return several
    paused = (member.paused_until is not None and member.paused_until > turn.now) or any(
        day >= turn.today.isoformat() for day in member.memory.get(SKIP_DAYS, ())
    )  # on a break, or days off to come ("off next week")
    asking = member.state_data.get("asking")
    context = Context(
        state,
        turn.today,
        stopped=member.stopped,
        paused=paused,
        asking=asking if isinstance(asking, str) else None,
    )
    # (onboarding and a pending `forget` question read the whole message themselves)
    aside = (
        settings_aside(text, context)
        if state not in (State.ONBOARDING, State.CONFIRM_FORGET)
        else None
    )
    if aside is not None:
        # "did it! also can you move my check-ins to 8am": the setting, then the news (which
        # keeps the question it answers: the setting's handler may have cleared it)
        head, settings = aside
        pending = dict(member.state_data)
        act(turn, settings, State.IDLE)
        member.state_data = pending
        return act(turn, read(head, context), state)
    split = news_then_question(text, context)
    if split is not None:
        # "waiting. what do i say to her in the follow up?": the news, then the question
        news, question = split
        after = act(turn, read(news, context), state)
        member.state = after
        return act(turn, read(question, replace(context, state=after)), after)
    asked_first = question_then_plan(text, context)
    if asked_first is not None:
        # "is it weird to message someone I met once? was thinking of asking Ben Ortiz for …":
        # the answer, then the plan noted
        question, plan = asked_first
        act(turn, read(question, context), state)
        return act(
            turn, read(plan, replace(context, state=State(member.state))), State(member.state)
        )
    reading = read(text, context)
    if after_onboarding and reading.intent in (
        Intent.GREETING,
        Intent.OTHER,
        Intent.CONFIRM,
        Intent.HELP,
        Intent.THANKS,
    ):
        return state  # "hi" as a first message needs no second answer
    return act(turn, reading, state)
