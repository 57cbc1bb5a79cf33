"""The Slack door: DMs, /askcoach, buttons, the log-an-ask modal, App Home, OAuth installs."""

from adapters.config import Limits, SlackConfig
from adapters.slack.adapter import SlackAdapter, build_slack_adapter
from adapters.slack.gateway import SlackGateway

__all__ = ["Limits", "SlackAdapter", "SlackConfig", "SlackGateway", "build_slack_adapter"]
