"""The words and phrases the understanding step looks for, as data: compiled patterns and
word sets, one per thing a member may mean. `intents.read` decides in which order they are
tried and what each one means in each state."""

from __future__ import annotations

import re

EMOJI_WORDS = {
    "👍": " ok ",
    "👌": " ok ",
    "✅": " done ",
    "✔": " done ",
    "🙏": " thanks ",
    "❤": " thanks ",
    "🎉": " yay ",
    "🥳": " yay ",
    "👋": " hi ",
    "😡": " ugh ",
    "🤬": " ugh ",
    "😤": " ugh ",
    "🖕": " fuck ",
    "🤷": " idk ",
    "👎": " no ",
    "❌": " no ",
}
EMOJI_CODES = {
    "+1": " ok ",
    "thumbsup": " ok ",
    "ok_hand": " ok ",
    "white_check_mark": " done ",
    "heavy_check_mark": " done ",
    "pray": " thanks ",
    "tada": " yay ",
    "wave": " hi ",
    "raised_hands": " yay ",
    "-1": " no ",
    "thumbsdown": " no ",
}
EMOJI_CODE = re.compile(r":([a-z0-9_+\-]{1,30}):")
MARKUP = re.compile(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)")
SPACES = re.compile(r"\s+")
NOT_WORD = re.compile(r"[^\w\s'?:/.,@<>&+\-]")


FORGET = re.compile(
    r"\b(delete|erase|remove|wipe|purge|clear)\b.{0,20}\b(my|all|everything)\b.{0,25}"
    r"\b(data|info|information|account|history|stuff|everything|records?|details)\b"
    r"|\bforget (me|everything|all about me|my data|about me|all my)\b"
    r"|^forget( me)?$"
    r"|\bdelete (me|my account|everything)\b"
    r"|\bgdpr\b|\bright to be forgotten\b"
    r"|\b(delete|erase|remove|wipe) (everything|all) (you have|you know|about me|on me)"
    r"|\b(don'?t|do not) want (you|u) (storing|to store|keeping|to keep|having)\b"
)
# "stop for today", "no more for today pls": today only.
STOP_FOR_TODAY = re.compile(
    r"^(ok |pls |please |just |can we |can you |i'?ll |i will |let'?s |gonna |i'?m gonna )?"
    r"(stop|enough|no more|that'?s enough|call it a day|leave it)"
    r"( it| asking| messaging me| for now)? (for )?(today|tonight|the day|the rest of (the day|today))"
    r"( please| pls| thanks| thx)?[.!]*$"
)
STOP = re.compile(
    r"^(stop|unsubscribe|unsub|opt ?out|quit|cancel|end|stop it|stop pls|stop please|"
    r"please stop|pls stop|stahp|enough)$"
    r"|\b(stop|quit|no more) (messaging|texting|sending|bugging|pinging|dming|dm'ing|writing|"
    r"contacting|the messages|messages|these messages|check ?ins|checking in|reminders)\b"
    r"|\bleave me alone\b|\bdon'?t (message|text|dm|contact|ping|write to) me\b"
    r"|\b(unsubscribe|opt me out|take me off|remove me from)\b"
    r"|^(no thanks?|nah|no|nope)[,. ]+(i'?m )?not interested\b|^not interested\b(?! in)"
    r"|\bstop (this|it) (now|please|pls)\b|\bi (want|wanna|would like) to (stop|quit|unsubscribe)"
    r"|\bturn (this|it|you|check ?ins) off\b|\bno more check ?ins\b"
    r"|^(pls |please |just )?stop\b.{0,12}$|\bstop (these|them|this)\b"
    r"|\bstop asking me (questions|every ?day|daily)\b"
)
RESUME = re.compile(
    r"^(resume|unpause|restart|start|start again|i'?m back|im back|back|back again|"
    r"i am back|turn (it|check ?ins) (back )?on)$"
    r"|\b(resume|unpause|restart) (check ?ins|the check ?ins|messages|coaching|please|pls)\b"
    r"|\bi'?m back\b|\bi am back\b|\bunpause\b|\bready (to go )?again\b|\bback from (vacation|holiday|my trip|leave|break)\b"
    r"|\b(start|turn) (the )?(check ?ins|messages) (again|back on)\b"
    r"|\bstart (again|messaging me again|checking in again)\b"
    # "wait no, resume", "actually resume please", "oops, unpause"
    r"|^((wait|no|nope|actually|oops|sorry|ok|okay|hmm|never ?mind|nvm|please|pls)[\s,.!]+)+"
    r"(resume|unpause|restart|start again|keep going)( (please|pls|it|them|the check ?ins))?[.! ]*$"
)
# Words that only address the coach: "sir, what i should ask today", "coach: what now?".
ADDRESS_TO_COACH = re.compile(r"^(sir|ma'?am|madam|mam|coach|bro|boss|buddy|dear coach)[,:!]? +")
# "done sir", "ok thanks bro": the coach addressed at the end.
ADDRESS_AT_END = re.compile(r"[, ]+(sir|ma'?am|madam|mam|coach|bro|boss|buddy|mate|dude)[.!]*$")
# "maybe I should reach out to my old mentor Karen?": someone the member is thinking of asking.
THINKING_OF_ASKING = re.compile(
    r"\b(should i|maybe i should|maybe i'?ll|i could|i might|thinking (of|about|to)|was thinking|"
    r"planning to|plan to|want to|going to|gonna)\b.{0,25}"
    r"\b(reach out|ask|message|email|text|contact|talk|call|dm|write)\b"
)
# A hard week said in passing ("got rejected from two final rounds"): the reply starts kindly.
HARD_TIMES = re.compile(
    r"\b(rejected|rejection|rough|hard week|tough week|bad week|brutal|ghosted by|laid off|"
    r"discouraged|down lately|struggling|not in a (great|good) (place|headspace|way)|gutted|"
    r"devastated|heartbroken|feeling low)\b"
)
# "sorry i ghosted for a week": back after a silence, no guilt needed.
BACK_AFTER_SILENCE = re.compile(
    r"^(sorry|apologies|my bad|oops)\b.{0,25}\b(i |i'?ve |i have )?(ghosted|been (away|quiet|mia|awol|"
    r"busy|offline|absent)|disappeared|went (quiet|silent|mia)|missed (a few|some|your) (days|messages|"
    r"check ?ins))\b"
)
# Said right after `stop`: taking it back.
UNDO_STOP = re.compile(
    r"^((wait|no|nope|oops|sorry|actually|hmm|never ?mind|nvm)[\s,.!]+)*(undo( that)?|changed my mind|i changed my mind|"
    r"i didn'?t mean (that|it|to)|(that was|i did that|i pressed it|i said it) by (mistake|accident)|"
    r"by (mistake|accident)|mistake|don'?t stop|please don'?t stop|keep (going|messaging me|them coming))[.! ]*$"
)
# Someone else away ("he is on holiday till thursday", "she's on leave", "Leah's away this
# week"): the person asked is away, never the member.
AWAY_THIRD = re.compile(
    r"(?<!['’])\b(?:(?:he|she|they)(?:'s|'re| is| are| was| will be|'ll be| has been)?"
    r"|[a-z][\w-]*(?:'s|'re| is| are| was| will be|'ll be| has been))"
    r"(?: (?:still|currently|now))? (?:on (?:holiday|holidays|vacation|vacay|leave|annual leave|pto"
    r"|maternity leave|paternity leave|parental leave|sick leave|a trip)|away|out of (?:the )?office"
    r"|out of town|ooo|travell?ing)\b"
)
PAUSE = re.compile(
    r"\b(pause|vacation|vacay|holiday|holidays|on leave|parental leave|sick leave|"
    r"out of (the )?office|ooo|travell?ing|a break|break for|break until|break till|"
    r"time off|day off for|days off|week off|weeks off|off next week|off this week|"
    r"away (for|until|till|til|next|this)|snooze|hold off|mute|silence|offline (for|until)|"
    r"no check ?ins (for|until|till|next)|skip (next|this) week|(be|am|i'?m) off (until|till|til|for|next)|"
    r"not available (until|till|for|next)|unavailable (until|till|for|next)|"
    r"no (msgs|messages|pings|dms|check ?ins) (till|until|til|for|this|next)|"
    r"(i'?m|i am|im) (sick|ill|in hospital|away) (this|all|for the|till|until) (week|month|monday|"
    r"tuesday|wednesday|thursday|friday))\b"
)
HIRED = re.compile(
    r"\b(i|i've|ive|i have|finally|just)\s+(got|get|gotten|landed|accepted|signed|received|"
    r"took|won)\s+(a|an|the|my|that|this)\s+(new\s+)?(job|offer|position|role|gig)\b"
    r"|\b(got|get|been|was|am|i'?m) hired\b|\bhired me\b|\bi start my new (job|role)\b"
    r"|\b(accepted|signed) (an|the|their|a) offer\b|\boffer accepted\b"
    r"|\bi'?m (starting|joining) (at|\w+ (on|next))\b.*\b(job|role|offer)?|\bnew job\b.*!"
    r"|\bi got it!|\bgot the job\b|\bgot an offer\b|\bgot a job\b|\bi get the job\b"
    r"|\bsigned (the|my|an|their) (contract|offer)\b|\blast day of (job ?)?(searching|hunting|the search)\b"
    r"|\b(got|get|received|receive|recieved|accepted|took) (the|my|their|a|an) (job |written |verbal )?offer\b"
    r"|^(offer )?signed( it| today| this morning)?[.!]"
    r"|^(offer |contract )?signed( it| today| this morning| the contract| my contract)?"
    r"( yay| woo+| finally| omg| at last| lets go| let'?s go)*$"
    r"|\bstarting at [a-z][\w&.\-]* (in|on|next|this|from)\b"
)
HIRED_AT = re.compile(
    r"\b(?:at|in|from|with|to join)\s+([A-Za-z0-9][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})"
)
HELP = re.compile(
    r"\bhow does (this|it|the)( whole)?( thing| bot| coach| app)? (work|works)\b|\b(what|which) (other )?commands\b|^(help|halp|hlp|help me|help pls|help please|\?+|h|menu|commands|options|info|usage|"
    r"how does (this|it) work|how do (i use|you work|this work)|what can you do|"
    r"what do you do|what (are|r) (the|your) commands|what can i (say|type|do here)|"
    r"how to use( this)?|instructions|what is this|what's this|whats this)\??$"
)
FOLLOW_UP_ADVICE = re.compile(
    r"\bfollowed up (twice|already|again|\w+ times)\b.{0,30}\?|\balready followed up\b.{0,30}\?"
    r"|\b(good|what|how to write|help me write) (a )?follow[- ]?up (msg|message|text|email|line|note)\b"
    r"|\b((should|do|can|shall|could)(?! (you|u) \w+ me\b)|would it be ok to|is it ok to|is it rude to|"
    r"when to|how to|when should|how long (do|should) i)\b.{0,40}\b(follow ?up|follow-up|nudge|bug|ping|chase|"
    r"remind|write (to )?(him|her|them) again|(message|email|text|dm)( (him|her|them))? again|"
    r"reach out again|try again|wait|poke|bother)\b"
    r"|\b(never|hasn'?t|didn'?t|not|still hasn'?t|haven'?t)\b.{0,20}\b(replied|answered|"
    r"responded|gotten back|got back|heard)\b.{0,40}\?"
    r"|\bwhat (do|should) i do\b.{0,30}\b(no reply|no answer|ghost|silence|not replying)"
    r"|\btoo (soon|early|late|pushy) to (nudge|follow|ping|chase|write|message|bug|remind)"
    r"|\bis \d+ (working |business )?(days?|weeks?) (too (soon|early|long|late)|enough|long enough)\b"
)
WHO_KNOWS = re.compile(
    r"\b(who|anyone|anybody|someone|somebody|does anyone|does anybody|any of you|any one|"
    r"people|ppl|any(one)? here)\b.{0,30}\b(knows?|has|have|got|with|work|works|working)\b"
    r".{0,30}?\b(at|in|from|inside|over at)\s+(?P<company>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
    r"|\b(can|could) (the group|anyone|someone|somebody|people|you|u|y'?all) (here )?help me "
    r"(find|reach|get to|meet|connect with|get in touch with) (someone|anyone|a contact|people|"
    r"somebody) (at|in|from|inside) (?P<company4>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
    r"|\b(looking for|need|searching for) (someone|anyone|a contact|contacts|people|somebody) "
    r"(at|in|from|inside) (?P<company3>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
    r"|^(do you )?know (anyone|anybody|someone|somebody|people) (at|in|from) "
    r"(?P<company2>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})"
)
QUESTION_START = re.compile(
    r"^(what|whats|what's|who|whom|how|why|when|where|which|is|are|am|should|shall|can|could|"
    r"would|will|do|does|did|any|anyone|anybody|idk|i dont know|i don't know|no idea|not sure|"
    r"dunno|u |you |r u|are u|need (an )?idea|give me (an )?(idea|example)|help me (think|find|"
    r"figure|decide|come up))\b"
)
FRUSTRATION = re.compile(
    r"\b(fuck\w*|fck|fk|f\*+k|shit\w*|crap|damn|wtf|ffs|stfu|bs|bullshit|screw (this|you|it)|"
    r"sucks?|pointless|useless|(too|so) many (questions|messages)|stupid|dumb|annoying|annoyed|hate (this|you|it|job hunting|"
    r"job searching|networking)|waste of (my )?time|so tired|tired of|sick of|fed up|give up|"
    r"giving up|hopeless|depress\w*|frustrat\w*|ugh+|argh+|burn(ed|t)? out|exhausted|"
    r"overwhelmed|so over (this|it)|over it|(nobody|no one) (ever )?(answers|replies|cares|helps|responds)|what'?s (even )?the point|"
    r"what is wrong with|i'?m (so )?done with (this|it|all)|rejections?|"
    r"shut up|go away|didn'?t sign up for|who added me|stop asking (me )?(questions|so many)|"
    r"piss\w*|bloody|hell|stop asking me (that|this)|(i'?m|im|i am) doing my best|"
    r"get off my (back|case))\b"
)
STRONG_FEELING = re.compile(
    r"\b(hate|stressful|stressed|pressure|fuck\w*|bs|shit|depress\w*|hopeless|exhausted)\b"
)
FAREWELL = re.compile(
    r"^((ok|okay|aight|ight|alright|k|kk|cool|ok cool|thanks|thx|ty)[,!. ]+)?"  # "aight peace"
    r"(bye+|goodbye|good bye|bye for now|see (you|ya|u)( later| tomorrow| soon)?|later|laters|"
    r"ttyl|talk (to you )?(later|tomorrow|soon)|gn|good ?night|night|cya|catch you later|"
    r"that'?s all( for (now|today))?|signing off|peace( out)?|take care|gotta go|gtg|g2g|adios|"
    r"ciao|cheers mate|gotta (run|dash|bounce)( ttyl| bye| later)?|(have to|need to|gotta) go now)"
    r"( for now| then| coach| all)?$"
)
NOT_KNOWING = re.compile(
    r"\b(no idea|no clue|not sure|idk|dunno|don'?t know|(haven'?t|have not) (got )?a clue|not a clue"
    r"|clueless( about)?) (who|what)\b|^(i )?(dunno|don'?t know|do not know) (anyone|anybody|any ?one)"
    r" (there|at|in)\b"
)
# "sorry my english is not perfect": said kindly back, never coached as a plan.
ENGLISH_APOLOGY = re.compile(
    r"\b(sorry|excuse|apologi[sz]e)\b.{0,20}\b(my )?english\b|\bmy english (is )?(not|isn'?t|no) "
    r"(so |very |too |that )?(good|perfect|great|well)\b|\bi (don'?t|do not) speak (good|much|very good) english\b"
)
# "testing testing, I'm the organiser": a test message, answered as one.
TESTING = re.compile(
    r"^(test|testing|test test|testing testing|testing 1,? ?2,? ?3|this is a test|just testing)\b"
    r"|\b(just )?(trying|testing|try|test) (this|it|you) out\b|\bbefore i roll (it|this|you) out\b"
    r"|\b(i'?m |just )testing (you|the (bot|flow|coach|thing))\b"
)
# Organizers' questions: how the report works, who hasn't answered, announcements, adding people.
ORGANIZING = re.compile(
    r"\bhow (does|do|will) (the )?(weekly |organi[sz]er )?(report|digest|reports)( \w+)? work\b"
    r"|\bwhat'?s in the (weekly )?(report|digest)\b"
    r"|\b(see|know|tell me|show me) who (hasn'?t|has not|haven'?t|didn'?t|did not) (answered|replied|"
    r"responded|made|planned|asked|been active)\b"
    r"|\b(send|message|tell|dm|ping|remind|announce to) (everyone|everybody|all( the)? members|all of "
    r"them|the (whole )?(group|club))\b"
    r"|\b(send|post) (a |an )?(reminder|announcement|message|note) to (everyone|everybody|all|the "
    r"(whole )?(group|club))\b"
    r"|\bhow (do|can|would) (i|we) (add|invite|enrol|enroll|onboard|bring in|get) (more )?(people|"
    r"members|others|everyone|my (group|club|members))\b"
    r"|\bis (this|it) free\b|\bhow much (does|is) (it|this)\b|\b(cost|costs|pricing)\b"
)
# Emailed sign-offs ("…thank you very much. Regards, Harold"): not part of the answer.
SIGN_OFF = re.compile(
    r"(?<=[.!,])\s*(kind |best |warm )?(regards|cheers|sincerely|best wishes|many thanks|br)[,.]?"
    r"\s+[a-z]+[.!]?$"
)
# "unrelated but I got an interview at Monzo!!": news beside the ask, not how it went.
ASIDE = re.compile(
    r"^(unrelated|off topic|side note|on another note|in other news|different (thing|topic)|"
    r"also unrelated|btw unrelated)\b"
)
# Stuck: no one to ask, or out of touch ("i haven't talked to anyone in weeks"): a question of
# who to ask, even without a question mark.
STUCK = re.compile(
    r"\b(idk|dunno) (anyone|anybody|any ?one|many people)\b|"
    r"\b(i )?(don'?t|do not|dont) (really |even )?(know|have) (anyone|anybody|any ?one|nobody|no ?one|many people|"
    r"any contacts|a network)\b|\b(haven'?t|have not|havent) (talked|spoken|reached out) to "
    r"(anyone|anybody|any ?one)\b|\b(no ?one|nobody) to ask\b|\bi (have|got) no (network|"
    r"contacts|connections|one)\b|\b(my|i have a) (tiny|small|non-?existent) network\b"
    r"|\bi (don'?t|do not) know who\b|\bno network( at all)?\b"
    r"|^(i )?(dunno|don'?t know|do not know) (anyone|anybody|any ?one) (there|at|in)\b|^no one yet\b|^((honestly|tbh|um+|hmm+)[, ]+)*(no clue|no idea|idk|dunno)[,.!]+ "
    r"\w+"
)
# "idk" on its own, to "what's your ask today?": a question of what to ask.
UNSURE = re.compile(
    r"^(um+ |hmm+ |uh+ )?(idk|dunno|no idea|not sure|no clue)( honestly| tbh| lol)?\??$"
    r"|^(um+ |hmm+ |uh+ |honestly |tbh |well )*(i )?(don'?t|dont|do not) know( honestly| tbh| really"
    r"| lol| yet| what to ask)?\??$"
    r"|^(idk,? )?whatever (u|you) think( is best| works)?[.!?]*$"
)
# Feeling awkward about asking: "i hate asking for favours", "feels pushy", "i'm nervous".
NERVES = re.compile(
    r"\b(i'?m|am i|i am) (being )?(too )?(pushy|annoying|needy|a pest|a nuisance)\b|"
    r"\b(chicken(ed)?|wimp(ed)?|bottl(ed|e)) (out|it)\b|\blost my nerve\b|\bcold feet\b|"
    r"\b(feel|feels|feeling|felt|it'?s|its|so|kinda|kind of|super|really|bit) (so |really |kinda "
    r"|a bit |super )?(awkward|weird|pushy|uncomfortable|scared|nervous|anxious|shy|embarrass\w*|"
    r"cringe|needy|desperate|rude|like a burden|intimidat\w*)\b"
    r"|\b(hate|dread|afraid of|scared of|nervous about|bad at|terrible at|not good at|uncomfortable)"
    r" (asking|reaching out|bothering)\b"
    r"|\b(nervous|scared|afraid|shy|anxious|embarrassed) to (ask|reach out|message|bother)\b"
    r"|\b(think|thinks) (i'?m|im|i am) (begging|a beggar|using them)\b|\bdon'?t want to (bother|impose|be a burden|annoy|pester"
    r"|seem desperate|look desperate|be pushy|be rude)\b|\bwhat if (he|she|they|it) (ignores?|"
    r"ghosts?|(think|thinks) i'?m)\b|\b(think|thinks) (i'?m|im|i am) (annoying|pushy|desperate|weird|rude|"
    r"a pest|needy)\b|\b(i'?m|i am|im) (really |so |a bit |kinda |super |too )?"
    r"(nervous|scared|anxious|terrified|intimidated|shy)\b|\b(feel|feels|feeling) like (such |a |an )*"
    r"(beggar|burden|pest|nuisance|pushy|rude|annoying|desperate)\b|\b(nudging|asking|following up|"
    r"it) (is|feels|seems) (so |too |kinda |really )?(pushy|rude|annoying|desperate|awkward)\b"
)
# Plain acknowledgements that are not a yes to anything: "got it", "will do", "noted".
ACK = re.compile(
    r"^(ok |okay |k |cool |alright |great |sure )?(got it|gotcha|will do|on it|noted|understood|"
    r"makes sense|fair enough|roger( that)?|copy( that)?|sounds like a plan|i see|ah ok|oh ok|"
    r"right on|cool cool|word|bet|will try|i'?ll try|i will try|ok will do|okay will do|"
    r"(it'?s|its) (only )?been (a few|an?|\d+|like \w+) (hours?|minutes?|mins?|days?))"
    r"( thanks| thx| ty| then| 👍| lol| haha| tho| though)?$"
)
# Acknowledgements that promise the thing ("will do", "on it"): after "did you make your ask?",
# these mean not yet.
ACK_INTENDING = re.compile(r"\b(will do|on it|will try|i'?ll try|i will try)\b")
GREETING = re.compile(
    r"^(hi+|hey+|hello+|helo|hiya|heya|yo|hola|hallo|howdy|sup|wassup|what'?s up|whats up|"
    r"good (morning|afternoon|evening|day)|morning|mornin|gm|bonjour|ola|olá|namaste|salut|ciao|"
    r"greetings|hey hey|hi hi|hey there|hi there|hello there|oi|g'?day|gday|howzit|sawubona|sasa|habari"
    r"|(are )?(you|u) (there|still there|awake|alive)|anyone (there|home))"  # "u there?"
    r"(,? (there|coach|askcoach|bot|all|everyone|team|friend|buddy|again))?(,? [a-z]+)?\??$"
)
GREETING_PREFIX = re.compile(
    r"^(hi+|hey+|hello+|hiya|yo|hola|oi|ola|olá|salut|bonjour|hallo|ciao|good (morning|afternoon|evening)"
    r"|morning|gm)(,? (there|coach))?"
    r"\s*[!,.:]*\s+"
)
THANKS = re.compile(
    r"^(ok |okay |great |cool |perfect |awesome )?(thanks+|thank you|thank u|thanku|thx|thnx|thnks|"
    r"ty|tysm|tyvm|cheers|cheers legend|cheers mate|ta|ta mate|appreciate (it|that|you)|"
    r"much appreciated|merci|gracias|danke|"
    r"obrigad[oa]|grazie|arigato|thanks a lot|many thanks|thank you so much|thanks so much)"
    r"( (so|very) much| a lot| coach| again| man| buddy| mate| friend| for (the|your) "
    r"(help|reminder|tip|advice|nudge|support|message)| for that| for this| anyway| tho| though)?"
    r"( ok| yay| thanks)?$"
)
THANKS_PREFIX = re.compile(
    r"^(thanks+|thank you|thank u|thanku|thx|ty|appreciate it|appreciate that)( so much| a lot)?"
    r"(,| !| for \w+)?\s+"
)
THANKS_HELPED = re.compile(
    r"^((cheers|thanks|thx|ty|thank you)[,!. ]+)?(honestly |really |seriously )?(appreciate (you|u|ya|it|this)|(this|you) (has|have|really|actually)"
    r"( actually| really)? helped)\b"
)
THANKS_END = re.compile(
    r"^(good point|great|cool|ok|okay|nice|got it|will do|bet|sweet|awesome|perfect|word)[,!. ]+"
    r"(thanks|thx|ty|thank you)$"
)
CONFIRM = re.compile(
    r"^(ok+|okay|okey|k+|kk|sure|yes+|yep+|yeah+|yup|y|ya|yah|yea|yess|sounds good|sound good|"
    r"that works|works for me|works|fine|fine by me|good|great|perfect|cool|alright|all right|"
    r"deal|correct|right|of course|absolutely|definitely|go ahead|do it|please do|yes please|"
    r"yes pls|si|sí|oui|ja|da|confirm|confirmed|keep|keep it as is|keep that|that's fine|"
    r"thats fine|that is fine|that's good|fine with me|ok cool|okay cool|ok good|okie|okey dokey|"
    r"sure thing|roger|got it|understood|noted|yes delete|yes, delete|delete|delete it|"
    r"yes do it|yes go ahead|ok sounds good|sgtm|lgtm|yes that works|ok that works|ok fine|"
    r"ok great|ok perfect|👍|no problem|np|nice|awesome|yay)( ok| thanks| thx)?$"
)
DECLINE = re.compile(
    r"^(no+|nope|nah|no thanks|no thank you|not really|cancel|cancel that|never ?mind|nvm|"
    r"keep (it|everything|my data|them)|don'?t|dont|do not|don'?t delete|do not delete|"
    r"wait,? no|no,? (keep|don'?t|wait|cancel|stop)|not now|no way|negative|no no|"
    r"no don'?t|oops no|no,? keep it|hell no|no pls|no please|please don'?t|pls don'?t|"
    r"changed my mind|i changed my mind|no,? that doesn'?t work|that doesn'?t work|doesn'?t work)$"
)
MADE = re.compile(
    r"^(both (are |r )?(done|sent|made|asked)|done with both|did (them )?both|did both of them|"
    r"made it|made|made the ask|done|did it|i did|did|yes i did|yep did it|yes did it|"
    r"asked|i asked|already did|already asked|just did|just asked|all done|mission accomplished|"
    r"sent|sent it|i sent it|yes,? sent|i made it|i made the ask|made my ask|ask made|"
    r"i did it|done and done|yes made it|yeah i did|yep i did|yup did it|did that|yh|yh i did|"
    r"yh did it)$"
    # "done, sent it this morning"
    r"|^(done|did it|sent it|sent|asked|asked (her|him|them)|messaged (her|him|them))[,.! ]+"
    r"((i )?(sent|did|asked|messaged|emailed|texted) (it|her|him|them) )?(this morning|today|"
    r"yesterday|just now|earlier|already|last night)[.! ]*$"
    r"|^(yes|yep|yeah|yup|ya|y|bet|yo|ok|okay)?,? ?(i )?(just |already |finally )?(did it|did|asked|made it|"
    r"sent|messaged|emailed|texted|called|pinged|dm'?d|dmed|wrote|reached out|made the ask|"
    r"asked (him|her|them)|hit (him|her|them) up)\b"
)
NOT_YET = re.compile(
    r"\b(not yet|not done|havent|haven'?t (yet|done|asked|had|gotten|got)|didn'?t (get to|have|"
    r"manage|do|ask|make)|did not|no time|will do (it )?(tomorrow|later)|working on it|about to|"
    r"in a bit|gonna do it|going to do it|will do it|doing it (tomorrow|later|tonight)|"
    r"postpone|tomorrow|later|tonight|this evening|next week|soon|not today|ran out of time|"
    r"still planning|no chance|couldn'?t)\b"
)
# Words people put in front of an answer: "ok maybe …", "hmm I guess …", "yeah so …".
HEDGES = re.compile(
    r"^\s*((ok+|okay|okie|alright|fine|yeah|yep|yes|sure|so|well|hmm+|um+|uh+|erm|then|maybe|"
    r"perhaps|probably|prob|i guess|i think|i suppose|let'?s say|how about|what about)"
    r"(?=[\s,.!…])[\s,.!…-]*)+",
    re.IGNORECASE,
)
# "referral i suppose?": a doubt at the end of an answer, not part of it.
# "idk maybe a rec?": a doubt before the answer.
LEADING_HEDGE = re.compile(
    r"^((idk|dunno|hm+|um+|uh+|ok|so|well)[,.]? )*(maybe|probably|prob|perhaps|i guess|i think"
    r"|possibly|idk) ",
    re.IGNORECASE,
)
TRAILING_HEDGE = re.compile(
    r"[\s,]+(i (guess|suppose|think)|maybe|probably|prob|perhaps)\W*$", re.IGNORECASE
)
# "I'll do it later": after a `not yet`, the member says when.
# "I didn't actually ask", "chickened out", "wrong button": the ask was not made.
DIDNT_ASK = re.compile(
    r"\b(didn'?t|did not|haven'?t|have not|never) (actually |really |even |directly )?(ask|asked|make"
    r"|made|do|send|get to)\b|\bchicken(ed)? out\b|\bwrong button\b|\bforgot( again| to)?\b"
    r"(?! (to )?(tell|mention|say|update|let)\b| (her|his|their) name)|\bnot yet asked\b"
    r"|\bhaven'?t (hit|pressed|clicked) send\b|\bnot sent (it )?yet\b|\bstill in (my )?drafts\b"
)
# "still nothing 😭 should i just give up": discouraged, whatever else is in the message.
GIVING_UP = re.compile(
    r"\bshould i (just )?(give up|quit|stop trying)\b|\bshould i (just )?stop[?.! ]*$|\b(i )?(want to|wanna|gonna|about to) "
    r"(give up|quit)\b"
)
# "asking rn", "texting her now": doing it as we speak (not made yet).
DOING_IT_NOW = re.compile(
    r"^(asking|doing it|messaging|texting|writing|emailing|calling|dming|typing it)( (him|her|them|"
    r"it|to (him|her|them)))? (rn|now|right now|as we speak|atm)\b"
)
# "fine i'll do it tmrw" after a "not yet": the open ask, made later.
DO_IT_LATER = re.compile(
    r"^((fine|ok|okay|alright|k|sure|yeah|yep|yes|i (already )?(told|said to) (you|u))[,.! ]+)*"
    r"(i'?ll|ill|i will|gonna|going to|will)"
    r" (do it|ask (him|her|them)|message (him|her|them)|text (him|her|them)|try( again)?|send it)"
    r"\b.{0,20}\b(tomorrow|tmrw|tmr|later|tonight|next week)\b"
)
LATER_TODAY = re.compile(
    r"^(maybe |probably |prob |i'?ll do it |will do it |gonna do it )?(later|tonight|later tonight|"
    r"this evening|tomorrow|tmrw|in a bit|after lunch|after work)( then| maybe| probably| i think| "
    r"hopefully| for sure| definitely| i promise| promise| fr| for real| fs| lol| ngl)*[.! ]*$"
)
# A message to someone else, typed to the coach as the ask itself: "<@U123> any leads?",
# "Priya, could you introduce me to your manager at Stripe?"
ADDRESSED = re.compile(
    r"^((hey|hi|hello|yo|dear) )?(<@!?\w+>"
    r"|(?!(coach|askcoach|bot|ok|okay|so|well|hey|hi|yes|yeah|no|nope|thanks|hmm|um|also|and|but|"
    r"sorry|please|pls|btw|honestly|actually|wait|seriously|ugh|lol|question|quick|then|now)\b)"
    r"[a-z][\w'-]{1,20}, ((could|can|would|will) (you|u)|any chance|do (you|u) know|would (you|u) mind))"
)
WHAT_NEXT = re.compile(
    r"^((so+|ok|okay|and|then|uh+|um+|hmm+|alright|right)[ ,]+)*(what happens (next|now)|what now|"
    r"now what|what'?s next|whats next|what next|then what|and then|what (do|should|shall) i do "
    r"(now|next|here|tomorrow|today|after that)( then)?|what am i (supposed|meant) to do( now| next| here)?|what comes next|"
    r"what('?s| is) the next step)\b"
)
# The member's own name: "call me Sam", "can i change my name", "you spelled my name wrong".
# `name` is the new one, when given; never "call me at 3" or "call me back" (a phone call).
MY_NAME = re.compile(
    r"^(?:(?:hey|hi|oh|also|btw|and|so|actually|ok|okay)[,!. ]+)*(?:(?:can|could|would) (?:you|u) "
    r"(?:please |pls |just )?|pls |please |just |i'?d (?:rather|prefer|like) (?:you|u) |prefer )?"
    r"call me (?!at\b|back\b|later\b|tomorrow\b|when\b|if\b|on\b|in\b|after\b|before\b|"
    r"maybe\b|asap\b|now\b|today\b|please\b|pls\b|tonight\b|again\b|sometime\b)"
    r"(?P<name>[a-z][\w'-]{0,30})(?: instead| please| pls| thanks| thx| from now on)?[.! ]*$"
    r"|^(?:(?:hey|hi|oh|also|btw|and|so|actually|ok|okay)[,!. ]+)*(?:my name(?:'s| is) "
    r"(?P<own>[a-z][\w'-]{0,30}) not\b|(?:can|could) (?:i|you|u) (?:change|update|edit|fix) "
    r"my (?:display |user ?)?name\b|change my (?:display |user ?)?name\b"
    r"|(?:you|u) (?:spelled|spelt|got|have) my name wrong\b|(?:that'?s|thats|it'?s) not my name\b"
    r"|(?:actually |but )?i go by (?P<goes_by>[a-z][\w'-]{0,30})[.! ]*$)"
    # "my name shows up as rsingh_92, can you call me Ravi"
    r"|\bmy name\b.{0,40}\b(?:can|could) (?:you|u) (?:please |pls |just )?call me "
    r"(?P<later>[a-z][\w'-]{0,30})[.! ]*$"
)
# "please don't delete my real data", "lol I was just testing, don't", "Nein, bitte nicht": no
# deleting, whatever else the message holds.
KEEP_DATA = re.compile(
    r"\b(don'?t|dont|do not|never|not|no need to|please no|pls no)\b[^.!?]{0,25}"
    r"\b(delete|erase|wipe|forget|remove|do it|do that)\b|\b(just|only|was|i'?m) testing\b"
    r"|\btesting (the|this|it)\b|\bdidn'?t (type|mean|send|write|want)\b|\bnot what i meant\b"
    r"|\b(nein|nicht|non merci|pas (ça|ca)|no no|não|nao)\b|\bdon'?t[.!]*$|\bby mistake\b"
    r"|\bmy (cat|dog|kid|son|daughter) (did|typed|sent)\b|\bwrong (chat|button|window)\b"
)
# "sí, borrar todo", "ja, alles löschen": a yes to deleting in the member's own language.
DELETE_ABROAD = re.compile(
    r"^(s[ií]|oui|ja|sim|tak|da)[,!. ]+(\w+ )?(borr|supprim|lösch|loesch|apag|usu[nń]|cancell|sterg)"
)
# To "Reply `forget` again to confirm": words that mean deleting, and words that take a yes back.
DELETE_WORD = re.compile(r"\b(delete|forgg?e+tt*|erase|wipe|remove)\b")
BUT_INSTEAD = re.compile(
    r"\b(but|maybe|pause|break|stop|wait|instead|keep|actually|rather|hold on|not sure)\b"
)
# "why do you keep asking me this every morning": a question about the check-ins.
# "my ask: ask you to stop asking me lol": a joke about the check-ins, never a plan.
ASK_THE_COACH_TO_STOP = re.compile(
    r"\b(?:ask|asking|get|make|tell|telling) (?:you|u|the (?:bot|coach)) to (?:stop|leave me alone|quit"
    r"|go away|shut up|chill|calm down)\b|^my ask(?: is)?[: ]+stop asking me\b"
)
WHY_MESSAGES = re.compile(
    r"^(but |so |ok |and )?why (do|does|are|is) (you|u|this|it) (keep |always |still )?"
    r"(ask|messag|text|ping|dm|bug|remind|writ|spam)"
)
# "maybe next week" after a hard day: a break until Monday.
NEXT_WEEK = re.compile(
    r"((maybe|ok|okay|let'?s (do|say)|prob(ably)?) )?next week( then| maybe| pls| please)?[.!]*"
)
# "same as yesterday": the last plan again.
SAME_AGAIN = re.compile(
    r"(the )?same( (thing|ask|one|plan))?( (as|like) (yesterday|last time|before|friday|monday))?"
    r"( again)?|same again|ditto|again the same|(the )?same as (yesterday|last time|before)"
)
# What leads into an ask typed after something else: "and my ask is: …", "also today I'll …".
ASK_LEAD = re.compile(
    r"^((and|also|plus|oh and|then|so)[, ]+)?(((my|first|today'?s) )?(ask|plan)( for)?( today)?( is)?|today)"
    r"\s*[:,-]?\s*"
    r"(?=\S)(?!for\b)",
    re.IGNORECASE,
)
# What one of the coach's own words means: "what does a nudge mean", "what's a give?", "What is
# \"a nudge\"? Sorry my English", "whats the difference between an intro and a referral" (never
# "what's the referral process at Stripe": the word must end the question).
MEANING = re.compile(
    r"^(?:(?:sorry|ok|okay|um+|hm+|wait|so|and|but|quick q(?:uestion)?)[,:.!]? )*"
    r"(?:what(?:'?s| is| are| does| do| r)|wat(?:s| is)|wht is|meaning of)"
    r"(?: (?:the )?(?:difference between|diff between))? (?:an? |the |your |this |my )?[\"'“‘]?"
    r"(?:an? )?(?P<term>nudge|give|referral|intro|introduction|warm intro|target|follow[- ]?up"
    r"|digest)s?[\"'”’]?"
    r"(?: and (?:an? )?(?P<term2>nudge|give|referral|intro|introduction|follow[- ]?up)s?)?"
    r"(?: (?:exactly|mean|means|again|even|anyway|lol|here|for|supposed to mean|thing))*"
    r"\s*(?:[?.!]|$)"
)
# The Friday review, turned off ("i dont want the friday review thing", "no more weekly
# summaries pls") or on again ("can i have the friday review back", "friday review on").
_REVIEW = r"(?:friday|weekly|week(?:ly)? end|end of (?:the )?week)(?:'?s)? (?:review|summar(?:y|ies)|recap|roundup|wrap[- ]?up)s?"
REVIEW_OFF = re.compile(
    r"\b(?:don'?t|dont|do not|no more|stop|turn off|switch off|disable|skip|no need for|"
    r"unsubscribe(?: me)? from|cancel|not interested in|hate|get rid of|remove)\b[^.!?]{0,30}\b"
    + _REVIEW
    + r"|\b"
    + _REVIEW
    + r"(?: thing)? off\b"
)
REVIEW_ON = re.compile(
    r"\b"
    + _REVIEW
    + r"(?: thing)? (?:back )?on\b|\b(?:turn|switch) on\b[^.!?]{0,10}"
    + _REVIEW
    + r"|\b(?:bring back|want|have|get|restart|resume|turn|switch)\b[^.!?]{0,20}"
    + _REVIEW
    + r"(?: thing)? (?:back|again)\b"
)
# To "What will you ask Theo for?": no ask this time ("nah just coffee this time", "no ask,
# just catching up", "not asking him anything").
JUST_MEETING = re.compile(
    r"\b(?:just|only) (?:a |for |gonna |going to )?(?:coffee|catch(?:ing)?[- ]?up|lunch|dinner|chat"
    r"|chatting|drinks?|hanging out|hang|a walk|social|friends|friendly)\b|^(?:nah|no|nope)?[, ]*no ask\b"
    r"|\bnot (?:gonna |going to )?(?:ask|asking) (?:him|her|them|anything|for anything)\b"
    r"|\bno agenda\b|\bnothing to ask\b"
)
# What the member is meeting someone for, said back: "coffee", "lunch", "catch-up".
MEETING = re.compile(r"\b(coffee|lunch|dinner|drinks?|catch(?:ing)?[- ]?up|walk|chat|call)\b")
# Not today, and the day to ask again: "remind me monday", "can you ask me again on thursday",
# "ask me again next week", "let's pick this up on monday".
_WEEKDAY = r"(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
ASK_AGAIN_ON = re.compile(
    r"\b(?:remind|ask|ping|message|msg|text|nudge|check (?:in )?(?:with|on)) me (?:again |about "
    r"(?:it|this) )?(?:(?:on|next|this|coming) )?(?:" + _WEEKDAY + r"|(?P<week>next week))\b"
    r"(?! (?:to|about|that|at \d)\b)"  # "remind me on Friday to thank Priya" is a reminder
    r"|\b(?:can we|let'?s|could we|we can|i'?ll) (?:do|pick|try|finish|sort) (?:this|it)(?: up)?"
    r" (?:again )?(?:on |next |this )?(?:" + _WEEKDAY.replace("day>", "day2>") + r")\b"
)
# A give taken back: "delete the Omar thing, I didn't actually end up helping him", "remove the
# give to Omar", "undo my last give".
UNDO_GIVE = re.compile(
    r"\b(?:delete|remove|undo|take back|scrap|erase|cancel|drop|scratch)\b[^.!?]{0,30}\b(?:gives?|gave)\b"
    r"|\b(?:delete|remove|undo|scrap|erase|cancel|drop|scratch)\b (?:the |that |my )?[\w'-]+(?: thing| one)?"
    r"\b[^.!?]{0,12}[,.;—-]?[^.!?]{0,12}\bdid(?:n'?t| not) (?:actually |really )?(?:end up )?"
    r"(?:help|helping|give|giving|intro|introduc|connect|refer|review)"
)
# The midday reminder turned off ("stop sending me the midday reminders", "can you stop with
# the noon message") or on again ("midday reminder back on").
_NUDGE = r"(?:midday|mid-day|noon|lunchtime|lunch ?time|12 ?(?:pm|o'?clock)|12:00)(?: time)? (?:reminders?|messages?|nudges?|pings?|check-?ins?|one|thing|msg)"
NUDGE_OFF = re.compile(
    r"\b(?:don'?t|dont|do not|no more|stop|turn off|switch off|disable|skip|no need for|cancel"
    r"|get rid of|drop|lose|without)\b[^.!?]{0,30}\b" + _NUDGE + r"|\b" + _NUDGE + r" off\b"
)
NUDGE_ON = re.compile(
    r"\b"
    + _NUDGE
    + r" (?:back )?on\b|\b(?:bring back|turn on|switch on|want|have)\b[^.!?]{0,20}"
    + _NUDGE
    + r"(?: back| again)\b"
)
# One day left out: "pls dont message me on my birthday friday lol", "no check-in this friday",
# "skip friday" (a plural, "on fridays", is every week: a day off the schedule).
SKIP_ONE_DAY = re.compile(
    r"\b(?:don'?t|dont|do not|no|skip|not)\b(?: (?:message|text|ping|dm|check in with|bug|write to)"
    r" me| check-?ins?| messages?| morning (?:message|question))?(?: (?:this|next|coming|on|on my"
    r" [\w'-]+|tomorrow,?))* (?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?!s\b)"
)
# The job that was got is gone: "the offer fell through 😞 can you keep checking in?"
OFFER_FELL_THROUGH = re.compile(
    r"\b(offer|job|role|contract)\b.{0,20}\b(fell through|fell apart|was (rescinded|withdrawn|pulled|"
    r"cancelled|canceled)|got (rescinded|withdrawn|pulled|cancelled|canceled)|didn'?t work out|is off"
    r"|has been (rescinded|withdrawn|pulled))\b|\b(rescinded|pulled|withdrew) (the|my) offer\b"
)
# Away by the member's own words, with an end: "I will go to Osaka for family matter from
# tomorrow until next Wednesday" (a break, not a plan).
GOING_AWAY = re.compile(
    r"\b(i will go|i'?ll go|i'?m going|i am going|i'?ll be|i will be|i'?m flying|i fly|going back"
    r"|heading|traveling|travelling)\b.{0,50}\b(until|till|til|through|thru|back on|back)\b"
)
# "what is streak", "why my streak is zero": the streak explained with the numbers.
STREAK_QUESTION = re.compile(r"^(what|why|how)\b.{0,25}\bstreak\b")
# Good news short of the job: "i got an interview at spotify!!", "final round next week!".
GOOD_NEWS = re.compile(
    r"\b(i )?(got|have|landed|booked|scored) (an?|the|my|a second|a final|another|a 2nd|a 3rd) (\w+ )?"
    r"(interview|call back|callback|phone screen|screen|final round|onsite|on-site|second round|"
    r"take-?home)\b|\b(made it|moved|through|advanced) to the (next|final|second|last) round\b"
    r"|\binterview (invite|request)\b|\b(got|have) a (2nd|3rd|second|third|final) round\b"
    # "final round next week at hubspot!", "second interview on thursday"
    r"|^(my |the )?(final|second|2nd|third|3rd|last|next) (round|interview|stage)( interview)? "
    r"(is )?(next week|this week|tomorrow|on \w+day|at [a-z][\w&.-]*|with [a-z][\w&.-]*|booked"
    r"|scheduled|confirmed)\b"
)
# The member back after a quiet spell: "sorry been slammed at my temp job, didn't see these".
BACK_AFTER_QUIET = re.compile(
    r"\b(didn'?t|did not|haven'?t|have not|hadn'?t) (see|seen|get|got|notice|noticed|read|check|"
    r"checked) (these|this|your (messages|msgs|texts|dms)|the (messages|msgs)|them|it|my (dms|"
    r"messages))\b|\b(been|was|i'?ve been|i was) (slammed|swamped|so busy|super busy|really busy|"
    r"mia|offline|off the grid|away|awol|out sick|sick|ill)\b.{0,40}\b(sorry|didn'?t|haven'?t|"
    r"missed|back)\b|^sorry,? (i'?ve been|i was|been) (slammed|swamped|busy|mia|away|offline)\b"
)
# "sorry wrong chat 🙈", "ignore that, meant it for my sister": not for the coach.
WRONG_CHAT = re.compile(
    r"\bwrong (chat|window|dm|convo|conversation|thread|channel|group|tab)\b"
    r"|\bmeant (that|this|it) for\b|\bnot (meant )?for (you|u)\b|^(pls |please )?ignore (that|this|"
    r"me|the last (one|message|msg))\b"
)
# A laugh or a be-right-back: "lol", "haha", "brb", "one sec".
LAUGH = re.compile(r"^(lol+|lmao+|haha+\w*|hehe+|rofl|😂|🤣|😆)+[.! ]*$")
BRB = re.compile(
    r"^(brb|one sec|1 sec|one moment|hold on|hang on|gimme a (sec|min)|give me a (sec|min))\b"
)
# A one-off reminder, which the coach doesn't set: "can you remind me at 3pm to email carla",
# "set me a reminder for friday". ("remind me tomorrow" is `LATER`; "remind me at 8 every day"
# is the schedule.)
ONE_OFF_REMINDER = re.compile(
    r"\b(remind|ping|message|text|msg) me (at|around|in|on|this|tonight|later today|before|to|about)\b"
    r"(?!.*\b(instead|every|each|daily|from now on|mornings|weekdays)\b)"
    r"(?=.*\b(to (email|text|message|call|ask|send|write|follow|reach|ping|dm|reply|check|nudge)|"
    r"about|today|this (afternoon|evening)|tonight|(in )?an? (hour|bit|few|couple)|(in )?\d+ ?(h|hrs?|"
    r"hours?|mins?|minutes?)|on (mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
    r"|\b(set|make|create|add) (me )?a reminder\b"
)
# The name given in an answer: "idk, my old boss maybe? her name is Carla".
NAME_GIVEN = re.compile(r"\b(her|his|their|the person'?s|my \w+'?s) name(?:'s| is) [a-z]")
# Not now, later: "remind me tomorrow instead", "maybe tomorrow", "not now".
LATER = re.compile(
    r"\b(will do|do it|i'?ll do it|later)\b.{0,20}\bremind me (at|in|around) \d|^l8r\b|"
    r"\b(can we|let'?s|could we) (do|finish) (this|it) later\b|"
    r"\b(remind|ask|ping|message|msg|text|nudge) me (again )?(tomorrow|tmrw|tmr|later|next week|"
    r"on monday)\b|\b(tomorrow|tmrw) instead\b|^(maybe|let'?s (do|try)( it| this)?|i'?ll (do|think "
    r"about) it|i'?ll try|try again) (tomorrow|tmrw)\b|^not (right )?now\b"
    r"|\bi'?ll (figure it out|think about it|think of someone|get back to you) (tomorrow|tmrw|tmr|later)\b"
    r"|^(busy|crazy|hectic|packed|long|full) (day|morning|week)( today)?[,.!]* (maybe|prob|probably|"
    r"i'?ll (do it|try)|let'?s do|will do it) (tomorrow|tmrw)\b"
)
SKIP = re.compile(
    r"^(skip|skipping|pass|not today|no ask today|nothing today|skip (it|today|this|this one|"
    r"for today)|no (ask|plan)s? (for )?today|nothing (for )?today|day off|busy today|"
    r"too busy( today)?|taking (today|the day) off|rest day|no asks today|i'?ll skip|"
    r"i will skip|skip please|skip pls|pass today|not doing one today|no ask)$"
    r"|^(nope|no|nah)[,.! ]+(not today|skip)\b|^(i'?m |im )?in (the )?hospital\b|\bcan'?t think about (this|it)\b"
    r"|\bnot sure i'?ll (find|have) (the )?time\b|^(off |home )?(sick|ill|unwell|poorly)( in bed| today| again)?\b"
    r"|\bnot feeling (it|up to it)\b|^(no energy|too tired|so tired|exhausted|wiped)( today)?\b"
    r"|\b(gonna|going to|i'?ll|imma|i will) (pass|skip)( today| on (it|this|today))?[.! ]*$"
    r"|^(i'?m )?(taking|take|having) (the|today|a) (day )?off\b|^not today\b(?!.{0,6}\b(but|ask)\b)"
    r"|^(i )?can'?t (do it |do one )?today\b|^(too|so|super|really) busy( today| rn)?\b"
    r"|\bbrain fog\b|\bcan'?t think (rn|right now|today|straight)\b"
    r"|^(skip|pass)\b(?!\s+(my|the|a|an|your|his|her|their|along|on|it to|this to|that to|weekends?|"
    r"saturdays?|sundays?|mondays?|fridays?)\b)|\bskip (today|this one|it)\b|^nothing today\b|\b(no|not) (doing )?(an )?ask today\b"
)
# "sent a nudge this morning actually": the nudge is done (how it went, if said, comes first).
NUDGED = re.compile(
    r"\b(sent|did|gave|dropped) (her |him |them )?(a |the |another |one )?(nudge|follow-?up|reminder"
    r"|chaser|bump)\b|\bnudged (him|her|them)\b"
)
NUDGE = re.compile(
    r"^(nudge|i'?ll nudge|will nudge|i will nudge)\b"
    r"|\b(i'?ll|i will|gonna) (follow up|chase|nudge|ping)( (him|her|them))? (on )?(mon|tues|wednes|"
    r"thurs|fri)day\b"
    r"|\b(i'?ll|i will|gonna|going to|will|let me|i should|i can) send (him|her|them|a|another)( a| another)? ?"
    r"(quick |short |little |friendly |polite )?(note|message|msg|text|email|reminder|line|follow-?up|nudge)\b"
    r"|\b(i'?ll|i will|gonna|going to|will|let me|i should|i can) (nudge|ping|follow ?up|"
    r"follow-up|remind|chase|bug|message|email|text|write|reach out|check in with|poke|dm)"
    r"( to)?( (him|her|them|again|\w+ again|with (him|her|them)|[a-z]+ (today|tomorrow|again|on|about)))"
    r"|\btry (again|once more|one more time)\b"
)
DROP = re.compile(
    r"\bnot asking [a-z]+ (after all|anymore|any more)\b|\bdon'?t ask me about [a-z]+ (anymore|any more)\b"
    r"|\bstop (asking|reminding) me about [a-z]+\b|\bi'?m not (going to |gonna )?ask(ing)? [a-z]+ after all\b"
    r"|^(drop( it| this| that| this one)?|give up|let it go|move on|not worth it|"
    r"drop (the )?ask|forget it|never mind (it|this one)|abandon( it)?)$"
    r"|\bforget (about )?(it|him|her|them|this one|that one|this ask|that ask)\b"
    r"|\bforget about [a-z]+\b|\bdrop (it|this|that|the ask|this one)\b|\bgiving up on\b"
    r"|\bdrop the \w+ (one|ask)\b|\blet it go\b"
    r"|\blet'?s (move on|drop it)\b|\bnot (going to|gonna) (ask|chase|bother)\b"
    r"|\bdecided not to (ask|chase|bother|follow up)\b|\bdropping (it|that|this|him|her)( one)?\b"
)
OUTCOME_YES = re.compile(
    r"\b(said|say|says|saying|sayed|told me|replied|answered) (yes|yeah|yep|sure|ok|okay|of course|"
    r"absolutely|she'?d|he'?d|they'?d|she will|he will|happy)\b"
    r"|\b(agreed|agree)\b|\b(he'?s|she'?s|they'?re|hes|shes|theyre) on it\b|\b(referred|introduced|intro'?d|connected|recommended|referd) me\b"
    r"|\b(she|he|they|she'?s|he'?s)( is)?( will| would|'ll|'d| gonna| going to| happy to| glad to|"
    r" offered to| promised to| agreed to) (refer|intro|introduce|connect|review|look|forward|"
    r"pass|share|help|put in a word|send|do it|meet|call|chat)\b"
    r"|\b(got|get|have|getting) (the|an|a|my) (intro|introduction|referral|reference|call|"
    r"meeting|chat|interview)\b|\byes!+|\bit worked\b|\bworked out\b|\bshe'?s in\b|\bhe'?s in\b"
    r"|\b(he|she|they)('?ll| will) (submit|send|refer|intro|forward|pass|put|connect)\b"
    r"|\bhe said yes\b|\bgave me (his|her|their|the) \w+|\b(kinda|sort of|basically) yes\b"
    r"|\b(said|told me) to (email|send|apply|call|text|message|ping)\b"
    r"|\bshe said yes\b|\bthey said yes\b|^yes,? (she|he|they)\b|\bsaid she would\b"
    r"|\b(forwarded|passed( on)?|sent|gave|shared) (my|the) (cv|resume|résumé|portfolio|profile)\b"
    r"|^positive\b|\b(sent|gave) (me )?(back|over) (my|the|her|his|their) .{0,30}\b(comments|feedback|notes|edits|"
    r"suggestions)\b"
    r"|\bsaid he would\b|\bsaid they would\b"
    r"|\b(she'?s|he'?s|they'?re|shes|hes) (passing|sending|forwarding|sharing) (my|it|me)\b"
    r"|\b(intro|introduction|referral) (done|made|sent)\b|\b(call|chat|coffee|meeting) is (on|set|booked)\b"
    r"|\b(wants|asked for|needs) my (cv|resume|résumé|portfolio)\b|\b(it'?s|its) a yes\b"
    r"|\byes to the (intro|introduction|referral|reference|call|chat|review)\b"
    r"|\b(interview|call|chat|coffee|meeting) (is )?(scheduled|booked|set up|arranged|confirmed)\b"
    r"|\b(passed|sent|forwarded|handed) (it|them) (on|along|over|to)\b"
    r"|\b(he'?s|she'?s|they'?re|hes|shes|theyre|(he|she) is|they are) (so )?down to\b"
    r"|\b(referral|application|cv|resume|intro) (submitted|sent|is in|done|went in)\b"
    r"|\b(we'?re|we are) (meeting|having coffee|getting coffee|talking|chatting)\b"
    r"|\b(she|he|they) (wrote|sent|signed|posted|left) (it|one|me one|the (recommendation|reference|"
    r"letter|intro|introduction|email))\b"
    # "Happy to! Send me the job link.", "he said send him my cv so i did", "interview next tuesday"
    r"|^(she|he|they) (replied|answered|wrote back|said):? .{0,4}\bhappy to\b"
    r"|\bsend me (the|your|a) (job )?(link|cv|resume|résumé|posting|details|ad)\b"
    r"|\b(said|told me) (to )?send (him|her|them) (my|the|a)\b"
    r"|\binterview (is )?(on |next |this )?(mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\binterview (next|this) week\b"
    # "she gave me loads of notes and offered to refer me"
    r"|\b(and|&) (offered|agreed|promised) to (refer|intro|introduce|connect|review|look|forward|"
    r"pass|share|help|send|put in a word)\b"
    r"|\bgave me (loads of |lots of |some |great |good |really good |detailed |tons of )?(notes|"
    r"feedback|comments|edits|pointers|tips)\b"
)
# "she said ask Mark instead, he's the hiring manager": pointed to someone else (a no, and a lead).
REDIRECT = re.compile(
    r"\b(?:said|says|told me|suggested)(?: (?:that )?i should| to)? (?:ask|talk to|contact|email|"
    r"message|reach out to|try|go to|speak to) (?P<who>[a-z][\w'-]+(?: [a-z][\w'-]+)?) instead\b"
)
OUTCOME_NO = re.compile(
    r"\b(said|says|told me|suggested)( (that )?i should| to)? (ask|talk to|contact|email|message|"
    r"reach out to|try|go to|speak to) [a-z][\w'-]+( [a-z][\w'-]+)? instead\b|\b(said|say|says|told me|replied|answered) (no|nope|not|sorry|she can'?t|he can'?t)\b"
    r"|\b(can'?t|cannot|couldn'?t|won'?t|wouldn'?t|unable to|not able to|isn'?t able to) "
    r"(help|refer|do|make|intro|introduce|connect)\b"
    r"|\bheard back:? no\b|\b(filled the (role|position|job)|role (is|was) filled|hiring freeze|"
    r"only hire|not a fit|(isn'?t|aren'?t|is not|are not|not) hiring|rejection|"
    r"(doesn'?t|does not|didn'?t|did not) (really |actually )?know (anyone|anybody|someone))\b|\banother no\b"
    r"|\b(declined|turned (me )?down|rejected|"
    r"no luck|not possible|not hiring|said no|a no|was a no|it'?s a no|hard no|refused)\b"
    r"|\b(she|he|they) (doesn'?t|don'?t|does not|do not) (do|give|make) (referrals|intros|introductions)\b"
    r"|\bbut no\b|\bno openings\b|\b(already|been) filled\b|👎"
    r"|\bwent with (someone|somebody|another|an internal|a different|an external)\b"
    # "she said she'd prefer I apply directly": a polite no
    r"|\b(prefer|rather|prefers)( that)? i (just )?apply\b|\bapply (directly|online|through the "
    r"(portal|website|site)|via the (portal|website|site))\b"
    r"(?![^.!?]*\b(she|he|they)('ll|'d| will| would| can| could)\b)"
    r"|\b(doesn'?t|does not|don'?t|do not) have (any )?(openings|roles|positions|vacancies|budget|"
    r"headcount|anything)\b|\bnot the right (person|one|contact)\b"
)
OUTCOME_WAITING = re.compile(
    r"\b(no (reply|response|answer|word|news) ?(yet)?|not heard|not yet heard|haven'?t heard|"
    r"havent heard|hasn'?t (replied|answered|responded|gotten back|got back|written)|"
    r"didn'?t (reply|answer|respond|get back)|never (replied|answered|responded|got back)|waiting|"
    r"still waiting|nothing yet|nothing back|radio silence|crickets|ghosted|pending|"
    r"will (let me know|get back|think|see|check|revert)|think about it|thinking about it|"
    r"left on read|on read|no reply|not replied|hasn'?t seen|get back to me|let me know later|"
    r"she'?ll see|he'?ll see|they'?ll see|maybe|we'?ll see|see what (she|he|they) can do|"
    r"not replying|no answer yet|still nothing|nope nothing|nothing|when i hear back|"
    r"i'?ll let (you|u) know|on (vacation|holiday|leave|pto)|out of (the )?office|"
    r"(not|no) (answer|reply|respond)\w* (my|me|yet|to)|(mat|maternity|paternity|parental|sick) "
    r"leave|auto-?reply|ooo|(hasn'?t|has not|didn'?t|did not) (said|say|replied|answered|responded|"
    r"written) (anything|a thing|a word|back|yet)|(don'?t|do not|can'?t|cannot) (really )?remember)\b"
)
HEARD = re.compile(
    r"^(heard back|heard|yes heard|i heard back|got a reply|she replied|he replied|they replied|she answered|he answered|got an answer)$"
)
# "why do you ask this every day?": a question about the schedule, never a change to it.
WHY_QUESTION = re.compile(r"^(but |so |ok |and )?why\b|\bwhat happens if\b")
EDIT = re.compile(
    r"^((wait|oops|sorry|actually|correction|scratch that|no|nope|oh|ah|hmm|edit)[,.! ]*)*"
    r"(actually,? |sorry,? |wait,? )?"
    r"(make (that|it) |change (that|it) to |change (the )?(person|name|ask) to |i meant |i mean |"
    r"meant |it'?s |not (?!yet|today|now|really|sure|gonna|going)[a-z]+, (it'?s )?|replace [a-z]+ with |switch (that|it) to |"
    r"instead of [a-z]+,? )"
    r"|\binstead\b$|\binstead\b(?=[,.!])|\binstead of\b|, not (?!today|now|yet)[a-z]+$"
)
# Corrections of what the coach holds: "did I say Jen? I meant Jenna", "an intro, not a referral,
# can you fix that", "it's Tomás, with the accent".
CORRECTION = re.compile(
    r"\bi meant (?!to\b|it\b|that\b|what\b)|\b(can|could) (you|u) (pls |please )?(fix|change|correct"
    r"|update) (that|it|the name|the ask|what i (asked|said)( for)?)\b|\b(pls |please )?(fix|correct) "
    r"(that|it|the name)( pls| please)?[.!?]*$|, with (an?|the) (accent|[a-z])\b|\bi typed it wrong\b"
    r"|\bit was [a-z]+,? not [a-z]+\b|\bthat'?s not what i (said|meant|asked( for)?)\b"
    r"|\bnever asked [a-z]+,? (that|it) was [a-z]+\b|^i asked [a-z]+ instead\b"
)
# "what's on my list?": the member's target companies.
LIST_TARGETS = re.compile(
    r"^(what'?s|whats|what is|what are|show( me)?|list|see|view) (on )?(my|the) (list|targets|target list|"
    r"target companies|companies)( again| so far)?\??$|^(my|show) (targets|target list)\??$"
)
GIVE = re.compile(
    r"^(btw |fyi |also |oh |and )?(i |today i |yesterday i |just |already |i already |i just )?(gave|helped|reviewed|introduced|intro'?d|connected|"
    r"referred|recommended|mentored|coached|forwarded) (?!me\b)(\w+)"
)
KNOW = re.compile(
    r"(?:^|\b(?:fyi|btw|also|and|so)\s+)(i )?(also )?know (some |a few |many |lots of |a lot of |several |a couple of |two |three |"
    r"the |a |an )?(people|folks|someone|somebody|guys|engineers|recruiters|managers|ppl|person|"
    r"few people|the team|the founders?|a recruiter|a guy|a girl|a manager|the cto|the ceo|"
    r"couple( of)? (people|ppl|folks|guys))? ?"
    r"(at|in|from|inside|over at) (?P<company>.+)$"
    r"|^i (have|got) (contacts|connections|friends|people|someone|a friend|an ex.colleague|"
    r"a contact) (at|in) (?P<company2>.+)$"
)
# "what did I ask yesterday?", "show my asks": the member's own recent asks.
MY_ASKS = re.compile(
    r"\bwhat (did i|i) (ask|asked|plan|planned)\b|\bremind me (what|who) i (asked|planned)\b"
    r"|\b(show|list|what are|what'?s) my (open |last |recent )?asks\b|\bwho (did i|have i) ask"
    r"|\bwhat did i (say|tell you) i'?d (ask|do)\b"
    r"|\bwhat (was|is|'?s) my (last|latest|current|open|previous|most recent) (ask|plan)\b"
    r"|\b(did|has) (\w+) (ever |already |even )?(reply|replied|answer|answered|respond|responded"
    r"|get back|gotten back)\b.{0,20}\?"
)
# "remove stripe from my targets", "remove target stripe", "take netflix off my list".
TARGET_REMOVE = re.compile(
    r"^(please |pls |can you )?(remove|delete|drop|take) (target )?(?P<company>[^,?]+?)"
    r"( (from|off) (my )?(targets?|target list|list|companies))?( please| pls)?$"
)
TARGET_ADD = re.compile(
    r"^(not an ask,? but |also |btw |oh and )?(please |pls |can you )?add (?P<list>.+?) to (my )?(target|targets|target list|list|"
    r"companies|target companies|dream list)( please| pls| thanks)?$"
    r"|^my targets? (are|is|:) ?(?P<list2>.+)$|^target(s)? (?P<list3>[^?]+)$"
    r"|^(new )?targets?: ?(?P<list4>.+)$"
)
STATS = re.compile(
    r"\bshow (me )?(my )?(stats|progress|numbers|streak)\b|\bhow many asks (have|did) i\b|^(stats|my stats|statistics|show (me )?(my )?(stats|progress|numbers|streak)|"
    r"how am i doing( this week| so far| lately| overall)?|how i am doing|how'?s my (progress|streak|week)|how is my (progress|streak|week)|"
    r"progress|my progress|my numbers|numbers|streak|my streak|what'?s my streak|score|my score|"
    r"how many asks (have i|did i) (made|make|done|do)|my week)\??$"
    r"|^(what'?s|whats|what is|what are|how'?s|hows|show) my (streak|score|progress|stats|numbers)\b"
    r"|^am i doing (better|worse|ok|okay|well|good|any better)\b"
    r"|^(what|why|how)\b.{0,25}\bstreak\b"
)
# Words about the check-ins themselves ("can you check in at 10 instead").
CHECK_INS = re.compile(
    r"\b(check ?ins?|check-ins?|checking in|message me|msg me|ping me|remind me|dm me|text me|"
    r"write me|reminders?|my time)\b"
)
# Some days only ("stop messaging me on weekends", "only mondays and thursdays").
SOME_DAYS = re.compile(
    r"\b(on |at )?(the )?weekends?\b|\b(on|only|just|except) (mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
)
# A bare hour that can only be a check-in time: "8 is fine", "make it 10", "7:30 works".
BARE_HOUR = re.compile(
    r"^(at |make it |maybe |how about |what about |can we do |let'?s do |is |does |would )?\d{1,2}"
    r"(:\d{2})?( ?(am|pm|h|o'?clock))?( (is|works|would be|sounds|should be) (fine|good|better|great|"
    r"ok|okay|perfect)| works| work| please| pls| instead| then| (ok|okay|fine|good|alright))?\??$"
)
# A question that asks for a schedule change ("can you do 7:45 instead?", "how about 8?"), as
# opposed to one about it ("do I have to answer every day?").
SCHEDULE_REQUEST = re.compile(
    r"^((ok|okay|so|pls|please|hey|hmm|also|wait|actually|oh|um+)[, ]+)*((can|could|would|will) (you|u|we)\b|can i (do|have|"
    r"switch|change|move|make it|get it|get)\b|could i (get|have|do)\b|(how|what) about\b|maybe\b"
    r"|make it\b|let'?s\b|is \S+ (ok|okay|fine|possible)\b|is (it )?(ok|okay|fine|alright|possible)\b)"
    r"|\b(instead|rather|from now on)\b"
)
# Asking for a check-in besides the one there is ("a check in at 5pm too"): not a new time.
EXTRA_CHECK_IN = re.compile(
    r"\b(too|as well|also|another|extra|second|additional)\b.{0,30}\b(check ?in|reminder)"
    r"|\b(check ?in|reminder)\b.{0,25}\b(too|as well|also)\b"
)
# "moved to berlin last week": the place a member now lives in.
MOVED_TO = re.compile(
    r"\b(moved|moving|relocated|relocating) to (?P<place>[a-z][a-z .'-]{1,30}?)(?= last| this| next| so|"
    r" and|,|\.|!|$)"
)
SCHEDULE_CUE = re.compile(
    r"\b(check ?in|check-in|message me|msg me|ping me|ask me|remind|move|change|switch|schedule|"
    r"instead|earlier|later|my time|tz|timezone|time zone|i'?m in|i am in|i live in|moved to|"
    r"based in|prefer|rather|from now on|every (day|morning|weekday|other day|second day)|weekends?|"
    r"can (we|you) do|(only|just) (on )?(mon|tue|wed|thu|fri|sat|sun)[a-z]*|(would be|works|is) better)\b"
)
PART_OF_DAY = re.compile(
    r"^(mornings?|afternoons?|evenings?|early|late|later|earlier|after lunch|lunchtime)( please| pls|"
    r" is fine| are fine| work| works| are better| is better| instead)?$"
)
PART_OF_DAY_ANYWHERE = re.compile(
    r"\b(mornings?|afternoons?|evenings?|after lunch)\b( (are|is|would be|work)( much)? (better|best"
    r"|fine|good)| instead)?"
)
PLAN_WORDS = re.compile(
    r"\b(ask|asking|reach|email|e-mail|message|msg|text|call|meet|coffee|lunch|drinks|go|going|"
    r"attend|apply|applying|applications|send|connect|ping|dm|talk|chat|follow|introduc\w*|intro|referr\w*|refer|"
    r"review|feedback|event|meetup|mixer|conference|linkedin|resume|cv|cover letter|network\w*|"
    r"recruiter|hiring|interview|portfolio|job|role|position|update|research|webinar|fair|"
    r"contact|reconnect|catch up|write|post|mentor|advice|reference|help|visit|join|sign up|"
    r"practice|prep|prepare|mock|alumni|manager|boss|colleague|coworker|friend|classmate|"
    r"uncle|aunt|cousin|professor|team|company|startup|find|look|browse|check|read|learn|work)\b"
)


INTENDING = re.compile(
    r"\b(gonna|going to|i'?ll|i will|will|let me|now|today|tonight|tomorrow|then|later)\b"
)
NUDGING = re.compile(
    r"\b(bump|nudge|nudging|ping|pinging|follow(ing)? up|chase|chasing|remind(ing)?)\b"
)
DROP_FIRST = re.compile(
    r"^(ugh |ok |honestly )?(forget (?!me\b|my\b|everything\b|all\b)[a-z]+|dropped|drop it|let it go)\b"
    r"|\b(i'?ll|i will|gonna|going to) let (it|this|that|her|him|them) go\b|\bdecided not to\b|\bdropping\b"
    r"|^((nobody|no one|nah|no|never ?mind)[,. ]+)?(i )?changed my mind\b(?!.{0,20}\b(resume|back))"
    r"|\bgiving up on (her|him|them|that|this|it)\b|\b(rather|better) not (bug|bother|chase|push)\b"
    r"|^not (gonna|going to)\b|\b(he|she|they) (left|quit) the (company|firm|job)\b"
    r"|\bmoving on\b|\bi'?m (so )?over (it|this one)\b"
)
WAITING_FIRST = re.compile(
    r"\b(let me know|see what (i|she|he|they) can do|think about it|get back to me|will see|"
    r"we'?ll see|idk yet|don'?t know yet|not sure yet|let me check|check back|wait another|"
    r"(she|he|they)'?d (see|think|check|let me know|get back|look into it)|^still no\b(?! to\b)|"
    r"(she|he|they)'?ll (see|think about|check|look into)|"
    r"after the (reorg|holidays|break|launch|review|freeze))\b"
    # "Sato-san said he will ask his manager. Waiting.": pending someone else, said so
    r"|\b(she|he|they)('ll| will| would|'d| is going to| gonna) (ask|check with|talk to|run it by|"
    r"speak to|check in with) (his|her|their|the) (manager|boss|team|hr|director|lead|partner|head)\b"
    r"|(^|[.!]\s+)(still |now |so |just )?waiting[.! ]*$"
)


YES_WORDS = frozenset(
    "ok okay okey okie k kk sure yes yess yep yeah yup y ya yah yea yay si sim oui ja da ye yeh yh "
    "absolutely definitely correct right perfect great cool fine good alright deal "
    "confirm confirmed affirmative works aye totally certainly gladly 👍 yessir mhm mhmm yesss yass "
    "okk okkk okayy "
    "yup".split()
)
NO_WORDS = frozenset("no nope nah nay non nein cancel negative nvm nevermind don't dont".split())
FILLER = frozenset(
    "it that this all go ahead do lets let's please pls plz thanks thx perfect cool fine "
    "good great works work for me sounds sound i guess then just sure delete wipe erase lmao "
    "everything keep my stuff data it's its thats that's is by with haha lol totally of "
    "course am ready really well hmm actually wait so changed mind not the a an be would "
    "will me too also and but oh ah oops sorry mean meant way yes ok okay right now "
    "anymore thank you u yo gonna going to are we set sounds thing go ahead i'm im remind".split()
)


NOT_COMPANY = (
    r"(the group|this group|here|there|this city|the city|town|my city|my area|the area|my field|"
    r"this field|tech|my industry|the industry|general)\b"
)
