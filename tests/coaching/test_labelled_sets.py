"""The assessor against the labelled sets: the shared dev set and our own extra set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.support.labelled import (
    DEV4A_SET,
    DEV4B_SET,
    DEV6A_SET,
    DEV6B_SET,
    DEV7A_SET,
    DEV7B_SET,
    DEV8A_SET,
    DEV8B_SET,
    DEV9A_SET,
    DEV9B_SET,
    DEV10A_SET,
    DEV10B_SET,
    DEV11A_SET,
    DEV11B_SET,
    DEV13A_SET,
    DEV13B_SET,
    DEV14A_SET,
    DEV14B_SET,
    EXTRA_SET,
    HOLDOUT2_SET,
    HOLDOUT6A_SET,
    HOLDOUT6B_SET,
    HOLDOUT7A_SET,
    HOLDOUT7B_SET,
    HOLDOUT8A_SET,
    HOLDOUT8B_SET,
    HOLDOUT9A_SET,
    HOLDOUT9B_SET,
    HOLDOUT10A_SET,
    HOLDOUT10B_SET,
    HOLDOUT11A_SET,
    HOLDOUT11B_SET,
    HOLDOUT13A_SET,
    HOLDOUT13B_SET,
    HOLDOUT14A_SET,
    HOLDOUT14B_SET,
    PROBE_SET,
    REAL_DEV_SET,
    REAL_HOLDOUT_SET,
    UNSEEN2_SET,
    UNSEEN3_SET,
    UNSEEN5A_SET,
    UNSEEN5B_SET,
    UNSEEN_SET,
    dev_set,
    load,
    load_with_who,
    score,
    score_who,
)


def _check_set(rows: list[tuple[str, str]], name: str, accuracy: float) -> None:
    """A labelled set (label, text): its accuracy, and no non-specific ask judged specific."""
    result = score(rows)
    print(result.report(name))
    assert result.accuracy >= accuracy, result.report(name)
    assert result.false_specific == 0, result.report(name)


def test_dev_set() -> None:
    path = dev_set()
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"shared dev set missing at {path} (set ASKCOACH_SHARED_DIR)")
        pytest.skip(f"shared dev set not found at {path}; set ASKCOACH_SHARED_DIR to run it")
    _check_set(load(path), "asks-dev.tsv", accuracy=0.95)


def test_extra_set() -> None:
    rows = load(EXTRA_SET)
    assert len(rows) >= 200
    _check_set(rows, "asks-extra.tsv", accuracy=0.99)


def test_probe_set() -> None:
    """A second, smaller set of our own, written later and labelled before it was run."""
    _check_set(load(PROBE_SET), "asks-probe.tsv", accuracy=0.98)


def test_holdout2_set() -> None:
    """Subject names, pronouns, unknown companies and verbless notes; labelled before any run."""
    rows = load(HOLDOUT2_SET)
    assert len(rows) >= 150
    _check_set(rows, "asks-holdout2.tsv", accuracy=0.95)


def _check_real_set(path: Path, accuracy: float, who_accuracy: float, least: int = 150) -> None:
    """A real-style set: its accuracy, no non-specific ask judged specific, and the person
    said back on the specific rows."""
    rows = load_with_who(path)
    assert len(rows) >= least
    _check_set([(label, text) for label, _, text in rows], path.name, accuracy=accuracy)
    who = score_who(rows)
    print(who.report(path.name))
    assert who.accuracy >= who_accuracy, who.report(path.name)


def _check_split(
    tuned: tuple[tuple[Path, float, float], ...], kept: tuple[tuple[Path, float, float], ...]
) -> None:
    """A blind set of 320 split into 240 to tune on and 80 kept aside: each part as
    (path, accuracy, who_accuracy), checked as a real-style set."""
    for path, accuracy, who_accuracy in tuned:
        _check_real_set(path, accuracy=accuracy, who_accuracy=who_accuracy, least=240)
    for path, accuracy, who_accuracy in kept:
        _check_real_set(path, accuracy=accuracy, who_accuracy=who_accuracy, least=80)


def test_real_dev_set() -> None:
    """Real-style asks written by a helper who had not read the assessor: the part tuned on
    (493 rows; 98.6% when this was written, 0 non-specific judged specific, who 214/219)."""
    assert len(load(REAL_DEV_SET)) >= 450
    _check_real_set(REAL_DEV_SET, accuracy=0.98, who_accuracy=0.97)


def test_real_holdout_set() -> None:
    """The quarter of the real-style asks first kept aside. It was scored blind once (86.6%,
    142/164) and its misses have been looked at since (issue 13, `judgement3`): it is tuning
    data now, not a blind measure. 163/164 (99.4%), 0/91 non-specific judged specific, the
    person said back right on 72 of 73 specific asks."""
    _check_real_set(REAL_HOLDOUT_SET, accuracy=0.98, who_accuracy=0.97)


def test_unseen_set() -> None:
    """Real-style asks written blind from the guide alone (asks-unseen.md). Its first and only
    blind measure: 283/318 (89.0%), 2 non-specific asks judged specific, the person said back
    right on 83.6% of the specific asks. It has been seen and tuned on since (`judgement4`): no
    longer a blind measure. Now 305/318 (95.9%), 0/172 non-specific judged specific, who 125/146
    (the who column keeps lowercase names as typed and the coach capitalises them: all 21 misses
    are "olu" said back as "Olu"). The 13 misses left are everyday favours (a lift, a
    borrowed blazer) that this set labels passive and the real-* sets label vague; the assessor
    says vague."""
    _check_real_set(UNSEEN_SET, accuracy=0.94, who_accuracy=0.83)


def test_unseen2_set() -> None:
    """A second set of real-style asks written blind from the guide alone (asks-unseen-2.md).
    Its first and only blind measure: 298/349 (85.4%), 1 non-specific ask judged specific
    (staying at a friend's place "during interview week"). It has been seen and tuned on since
    (`judgement5`): no longer a blind measure. Now 324/349 (92.8%), 0/192 non-specific judged
    specific, who 142/157 (13 of the 15 who misses are lowercase names the coach capitalises).
    The threshold is that minus a small margin. Of the 25 misses left, 20 are everyday favours
    and calls to family (a ride, feeding the cat, "call my mom") that this set labels passive
    and the real-* sets label vague (the assessor says vague); 2 are passive notes judged vague
    ("no ask today, I'm exhausted"); 3 are specific asks judged vague."""
    assert len(load(UNSEEN2_SET)) >= 340
    _check_real_set(UNSEEN2_SET, accuracy=0.92, who_accuracy=0.89)


def test_unseen3_set() -> None:
    """A third set of real-style asks written blind from the guide alone (asks-unseen-3.md).
    Its first and only blind measure: 202/248 (81.5%), 1 non-specific ask judged specific
    ("Ask Moritz to put me in touch with people in automotive"), the person said back right on
    66/110 specific asks. It has been seen and tuned on since (`judgement6`, by kind of miss, not
    by sentence): no longer a blind measure. Now 233/248 (94.0%), 0/138 non-specific judged
    specific, who 72/110 (29 of the 38 who misses are lowercase names the coach capitalises).
    The threshold is that minus a small margin."""
    assert len(load(UNSEEN3_SET)) >= 240
    _check_real_set(UNSEEN3_SET, accuracy=0.92, who_accuracy=0.63)


def test_dev4_sets() -> None:
    """Two sets written blind by hand on 2026-12-03 (asks-dev-4a.md: a Slack bootcamp club;
    asks-dev-4b.md: an international Discord club) and tuned on from the start. First measure,
    before any change: 4a 246/320 (76.9%), 4b 264/320 (82.5%), 1 non-specific judged specific
    in each. At the end of the session: 4a 314/320, 4b 317/320, none."""
    for path in (DEV4A_SET, DEV4B_SET):
        assert len(load(path)) >= 300
        _check_real_set(path, accuracy=0.96, who_accuracy=0.65)


def test_unseen5_sets() -> None:
    """Two sets written blind on 2026-12-03 by writers who read only the guide and a brief
    (asks-unseen-5a.md: students, veterans, laid-off and returning professionals; asks-unseen-5b.md:
    senior and specialist members, notes-to-self and near-misses), kept outside the repository
    until the day's rules were done, and measured once. First and only blind measure:
    5a 259/300 (86.3%), 1 non-specific judged specific; 5b 248/300 (82.7%), 2 (session start,
    same sets: 83.0% and 77.7%, 2 and 2). Seen and tuned on since (`j8people`, `j8request`, by
    kind of miss): 5a 291/300 (97.0%), 5b 293/300 (97.7%), none judged specific wrongly. No longer
    a blind measure; the thresholds (that minus a margin) guard what was fixed."""
    for path in (UNSEEN5A_SET, UNSEEN5B_SET):
        assert len(load(path)) >= 290
        _check_real_set(path, accuracy=0.95, who_accuracy=0.80)


def test_dev6_sets() -> None:
    """Two sets of 400 written blind by hand in the fifth session (asks-6a.md: a North American
    Slack community of career changers, laid-off and returning members; asks-6b.md: Discord
    servers in the UK, Africa, Asia and Europe), each split unread into 300 to tune on and 100
    kept aside. First measure of the tuning parts, before any change: 6a 245/300 (81.7%) with 4
    non-specific asks judged specific, 6b 223/300 (74.3%) with none. After the session's
    judgement rounds (by kind of miss, with tests of other sentences of each kind): 6a 296/300
    (98.7%), 6b 284/300 (94.7%), none; the thresholds are that minus a small margin."""
    for path, accuracy in ((DEV6A_SET, 0.97), (DEV6B_SET, 0.93)):
        assert len(load(path)) >= 300
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.70)


def test_holdout6_sets() -> None:
    """The quarters of asks-6a and asks-6b kept aside (100 rows each), outside the repository and
    unread while the judgement rounds tuned on the other three quarters, then scored once on the
    final rules: 6a 85/100 (85.0%), 6b 80/100 (80.0%), no non-specific ask judged specific in
    either (session start, same rows: 82.0% and 76.0%, also none). Far short of the 97% that
    issue 13 asks of a held-out part: tuning lifted the sets it saw by 17 and 20 points and the
    rows it did not see by 3 and 4. Committed after that one measure, they were read and tuned on
    (`j12`, by kind of miss): 6a 95/100, 6b 93/100, still no FS — no longer a blind measure; the
    thresholds guard what was fixed."""
    for path, accuracy in ((HOLDOUT6A_SET, 0.93), (HOLDOUT6B_SET, 0.91)):
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.60, least=100)


def test_sets_7() -> None:
    """Two sets of 400 written blind by hand in the sixth session (asks-7a.md: an Australian, NZ
    and Irish community of tradies, nurses, teachers and backpackers; asks-7b.md: a remote-work
    club in Latin America, Africa, the Middle East and Eastern Europe, and a US community-college
    group), each split unread into 300 to tune on and 100 kept aside. First measure of the tuning
    parts: 7a 211/300 (70.3%, 2 non-specific judged specific), 7b 189/300 (63.0%, 1). After the
    session's six judgement rounds: 7a 261/300 (87.0%), 7b 262/300 (87.3%), none. The quarters
    kept aside, scored once on those rules: 7a 80/100 with 1 FS ("asking sarah for 15 minutes to
    hear about her switch to ID", fixed since as a kind), 7b 73/100 (session start: 76 with 1 FS,
    and 69). Read afterwards: no longer a blind measure; the thresholds guard what was fixed."""
    for path, accuracy in ((DEV7A_SET, 0.88), (DEV7B_SET, 0.88)):
        assert len(load(path)) >= 300
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.70)
    for path, accuracy in ((HOLDOUT7A_SET, 0.86), (HOLDOUT7B_SET, 0.8)):
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.50, least=100)


def test_sets_8() -> None:
    """Two sets of 320 written blind by hand in the seventh session (asks-8a.md: a US club of
    laid-off tech workers, bootcamp graduates, veterans and returning parents; asks-8b.md: Indian
    engineers and MBAs, UK graduates and over-50s, Canadian newcomers), each split unread into
    240 to tune on and 80 kept aside. First measure of the tuning parts: 8a 224/240 (93.3%),
    8b 222/240 (92.5%), no non-specific ask judged specific; after the session's rules 8a
    235/240, 8b 233/240. The parts kept aside were scored without being read (totals only):
    at the session's start 8a 76/80 (95.0%), 8b 71/80 (88.8%); on the session's rules 8a
    76/80, 8b 73/80 (91.2%); no FS either time. Committed afterwards; the thresholds guard
    those figures."""
    for path, accuracy in ((DEV8A_SET, 0.95), (DEV8B_SET, 0.95)):
        assert len(load(path)) >= 240
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.88, least=240)
    for path, accuracy in ((HOLDOUT8A_SET, 0.95), (HOLDOUT8B_SET, 0.93)):
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.85, least=80)


def test_sets_9() -> None:
    """Two sets of 320 written blind by hand in the eighth session (asks-9a.md: Spanish- and
    Portuguese-speaking members in the US Southwest and Florida, nurses, teachers, tradespeople,
    hospitality managers and retirees; asks-9b.md: members across Nigeria, Kenya, Ghana, South
    Africa, the Philippines and Australia — academics, lawyers, auditors, creatives, NGO and BPO
    workers, civil servants), each split unread into 240 to tune on and 80 kept aside. First
    measure of the tuning parts: 9a 201/240 (83.8%, none judged specific wrongly), 9b 194/240
    (80.8%, one: a referral taken back with "oh wait she resigned… just ask around"); after the
    session's rules 9a 229/240 (95.4%), 9b 221/240 (92.1%), none. The parts kept aside were
    scored as totals only, never read: at the start 9a 68/80 (85.0%), 9b 61/80 (76.2%); on the
    session's rules 9a 70/80 (87.5%), 9b 61/80 (76.2%); no FS either time. Committed afterwards;
    the thresholds guard those figures."""
    for path, accuracy in ((DEV9A_SET, 0.96), (DEV9B_SET, 0.92)):
        assert len(load(path)) >= 240
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.85, least=240)
    for path, accuracy in ((HOLDOUT9A_SET, 0.9), (HOLDOUT9B_SET, 0.8)):
        _check_real_set(path, accuracy=accuracy, who_accuracy=0.75, least=80)


def test_sets_10() -> None:
    """Two sets of 320 written blind by hand in the ninth session (asks-10a.md: laid-off tech
    workers, US veterans, Indian, Pakistani and Eastern European English, recruiters and bootcamp
    graduates; asks-10b.md: finance, consulting and marketing, European, East Asian and Arabic
    speakers writing English, visa students, returning parents), each split unread into 240 to
    tune on and 80 kept aside. First measure of the tuning parts: 10a 221/240 (92.1%), 10b
    219/240 (91.2%), no non-specific ask judged specific; after the session's rules (by kind of
    miss: named questions, practice, Hinglish and non-native frames, forms of address, no ask
    said in other words) 10a 234/240 (97.5%), 10b 231/240 (96.2%), none; who 98/108 and
    105/108. The thresholds are that minus a small margin. The parts kept aside were scored as
    totals only: before any tuning 10a 71/80 (88.8%) with 1 non-specific ask judged specific,
    10b 75/80 (93.8%); after both sessions' rules the same, 71/80 and 75/80. The one false
    specific was then read ("ask Vikram for referral somewhere") and fixed as a kind: 10a 72/80
    (90.0%), 0; who 33/36 each. Committed afterwards; the thresholds guard those figures."""
    _check_split(
        tuned=((DEV10A_SET, 0.96, 0.90), (DEV10B_SET, 0.95, 0.97)),
        kept=((HOLDOUT10A_SET, 0.90, 0.90), (HOLDOUT10B_SET, 0.93, 0.90)),
    )


def test_sets_11() -> None:
    """Two sets of 320 written blind by hand in the tenth session (asks-11a.md: a UK and European
    job club — laid-off PMs and designers, NHS and care workers, Polish, Romanian, Italian and
    Portuguese English, Irish and Dutch students, returning mums; asks-11b.md: Vietnamese,
    Chinese, Korean and Japanese members in North America and Singapore — visa holders,
    accountants, pharmacists, warehouse workers, teachers moving into tech sales), each split
    unread into 240 to tune on and 80 kept aside. First measure of the tuning parts: 11a 225/240
    (93.8%), 11b 222/240 (92.5%), no non-specific ask judged specific; who 105/106 and 91/104.
    After the session's rules (by kind of miss: a learner's frame and "in <Company>", a leader
    over the member, people of a trade messaged, the favour without its article, asked whether
    they will do it then asked, a question to me settled, a named question after "one thing:",
    a document taken to a person) 11a 231/240 (96.2%), 11b 226/240 (94.2%), none; who 106/106
    and 93/104. The thresholds are that minus a small margin. The parts kept aside were scored as
    totals only, never read: before the tuning 11a 74/80 (92.5%), 11b 71/80 (88.8%), none judged
    specific wrongly; after it the same, and after a third round on older sets 11b 72/80; who
    37/38 and 33/40. Committed afterwards."""
    _check_split(
        tuned=((DEV11A_SET, 0.96, 0.98), (DEV11B_SET, 0.95, 0.88)),
        kept=((HOLDOUT11A_SET, 0.92, 0.95), (HOLDOUT11B_SET, 0.88, 0.80)),
    )


def test_sets_13() -> None:
    """Two sets of 320 written blind by hand in the thirteenth session (asks-13a.md: an
    Australian, New Zealand and Irish job club — trades and hospitality workers, FIFO miners,
    teachers, APS applicants, nurses, grads, Māori and Irish names; asks-13b.md: remote-work
    seekers in Africa and Latin America — Pidgin, Swahili, Spanish and Portuguese English,
    voice-to-text, Discord mentions), each split unread into 240 to tune on and 80 kept aside.
    First measure of the tuning parts: 13a 216/240 (90.0%), 13b 214/240 (89.2%), none judged
    specific wrongly. After the session's rules (the person a message opens with, a named person
    talked to about work, help wanted of whoever reads, "re: referral", Pidgin "beg X make
    she …", a part of a document, a question to a note's person without its "?") 13a 228/240
    (95.0%), 13b 227/240 (94.6%), none; who 103/107 and 102/107. The parts kept aside, scored as
    totals only: 13a 75/80 (93.8%), 13b 72/80 (90.0%), none judged specific wrongly, both
    before and after the tuning (it moved none of them); who 37/37 and 34/37. The thresholds
    guard those figures."""
    _check_split(
        tuned=((DEV13A_SET, 0.94, 0.95), (DEV13B_SET, 0.94, 0.94)),
        kept=((HOLDOUT13A_SET, 0.93, 0.97), (HOLDOUT13B_SET, 0.90, 0.90)),
    )


def test_sets_14() -> None:
    """Two sets of 320 written blind by hand in the fourteenth session (asks-14a.md: a US and
    Canadian club — veterans and military spouses, people back from prison, laid-off workers
    over 50, union trades, rural Midwest and Appalachia, Québec members writing franglais;
    asks-14b.md: South and Southeast Asian job seekers and Gulf expats — Hinglish, Taglish,
    Urdu, Bangla, Sinhala, Malay and Vietnamese English, Discord mentions), each split unread
    (seed 14) into 240 to tune on and 80 kept aside. First measure of the tuning parts: 14a
    207/240 (86.2%), 14b 195/240 (81.2%), none judged specific wrongly. After the session's
    rules (Hindi, Tagalog and French request frames, a question put to the person a message
    opens with, a wish said to a mention, help asked of whoever reads, a word put in with
    someone of theirs, forms of address around a name) 14a 227/240 (94.6%), 14b 228/240
    (95.0%), none; who said back right on the rows labelled specific 101/107 and 104/111. The
    parts kept aside, scored as totals only: before the tuning 14a 67/80 (83.8%), 14b 65/80
    (81.2%); after it 69/80 (86.2%) and 66/80 (82.5%), none judged specific wrongly either time;
    who 31/37 and 29/33. The thresholds guard those figures."""
    _check_split(
        tuned=((DEV14A_SET, 0.94, 0.94), (DEV14B_SET, 0.94, 0.93)),
        kept=((HOLDOUT14A_SET, 0.86, 0.83), (HOLDOUT14B_SET, 0.82, 0.87)),
    )
