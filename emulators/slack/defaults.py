"""The emulated Slack app's fixed identity: one workspace, its tokens and secrets."""

from typing import Any

DEFAULT_TEAM_ID = "T0000EMU1"
DEFAULT_TEAM_NAME = "Emulated Workspace"
DEFAULT_BOT_TOKEN = "xoxb-0000-emulator-bot-token"
DEFAULT_APP_TOKEN = "xapp-1-A0000EMU1-emulator-app-token"
DEFAULT_APP_ID = "A0000EMU1"
DEFAULT_CLIENT_ID = "1111.2222"
DEFAULT_CLIENT_SECRET = "emulator-client-secret"
DEFAULT_SIGNING_SECRET = "emulator-signing-secret"
DEFAULT_SCOPES = "chat:write,im:history,im:read,im:write,users:read,commands,files:write"

JsonDict = dict[str, Any]
