"""Block Kit rendering: member text escaped, the core's own channel links kept, long texts split."""

from __future__ import annotations

from adapters.slack.render import escape_outbound, message_payload, read_log_ask
from bot.messages import OutboundMessage


def test_escaping_keeps_only_the_cores_channel_links() -> None:
    assert (
        escape_outbound("<!channel> & <@U1> <#C0JOB>")
        == "&lt;!channel&gt; &amp; &lt;@U1&gt; <#C0JOB>"
    )
    assert escape_outbound("<#C0JOB|x> <!subteam^S1>") == "&lt;#C0JOB|x&gt; &lt;!subteam^S1&gt;"


def test_long_texts_are_split_into_sections_under_slacks_limit() -> None:
    payload = message_payload(OutboundMessage(text="line\n" * 2000, community_id=1))
    sections = [b for b in payload["blocks"] if b["type"] == "section"]
    assert len(sections) > 1
    assert all(len(b["text"]["text"]) <= 3000 for b in sections)


def test_modal_values_are_checked() -> None:
    def values(**fields: str | None) -> dict[str, object]:
        return {k: {"value": {"type": "plain_text_input", "value": v}} for k, v in fields.items()}

    form, errors = read_log_ask(values(who="Priya", what="x" * 501, company=None, by="Fri"))
    assert errors == {"what": "Please keep this under 500 characters."}
    form, errors = read_log_ask(values(who=" Priya  Rao ", what="an intro", company=None, by=None))
    assert errors == {} and form == {
        "who": "Priya Rao",
        "what": "an intro",
        "company": "",
        "by": "",
    }
