"""Kinds of ask from the blind writers of 2026-12 (sets asks-7a and asks-7b), each with sentences
written for these tests, never the labelled rows: the verdict the coach gives, who it says back
and a piece of what it says is asked (`ANY`: not checked). Specific asks and their near misses
sit in the same kind."""

from __future__ import annotations

from typing import Any

import pytest

from bot.coaching import Verdict, assess_ask

SPECIFIC, VAGUE, PASSIVE = Verdict.SPECIFIC, Verdict.VAGUE, Verdict.PASSIVE
ANY = object()  # not checked


class Exact(str):
    """What the coach says is asked, to the letter (elsewhere a piece of it is enough)."""


# 188 sentences, by kind: (text, verdict, who, what, missing)
_KINDS: dict[str, list[tuple[str, Verdict, Any, Any, Any]]] = {
    "a relation pointed back to is the person": [
        (
            "my year 10 teacher runs a cafe in Fremantle now — asking her if she'll be my referee for the barista job",
            SPECIFIC,
            "my year 10 teacher",
            ANY,
            ANY,
        ),
        (
            "my old foreman's retiring but still knows everyone at CPB. ring him and ask for the name of the HR person on the Sydney Metro job",
            SPECIFIC,
            "my old foreman",
            ANY,
            ANY,
        ),
        (
            "my teachers used to run a building company, asking him to be my referee for the traineeship",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        ("my old teacher is great, asking around for a referee", VAGUE, None, ANY, ANY),
    ],
    "a role picked out by what they did with me": [
        (
            "ask the recruiter at Randstad who interviewed me last week to send my CV to the warehouse manager at Linfox",
            SPECIFIC,
            "the recruiter at Randstad who interviewed me last week",
            ANY,
            ANY,
        ),
        (
            "ask the nurse at Mercy Place who looked after my nan for a reference for the PCA job at Bupa",
            SPECIFIC,
            "the nurse at Mercy Place who looked after my nan",
            ANY,
            ANY,
        ),
        (
            "ask the recruiters who interviewed me to send my CV to the warehouse manager at Linfox",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        (
            "ask the recruiter who handles warehouse roles at Randstad to send my CV to Linfox",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
    ],
    "a timed slot is concrete only when it is for something": [
        ("ask Kwame for a 20 min call", VAGUE, "Kwame", ANY, ANY),
        ("ask kwame for 15 mins to chat about his nursing career", VAGUE, "Kwame", ANY, ANY),
        ("ask Kwame for a quick 10 minute chat to catch up", VAGUE, "Kwame", ANY, ANY),
        (
            "ask Kwame for 15 mins about how he went from retail into HR at Lendlease",
            SPECIFIC,
            "Kwame",
            ANY,
            ANY,
        ),
        (
            "ask Kwame for a 20 min call about moving from teaching into L&D",
            SPECIFIC,
            "Kwame",
            ANY,
            ANY,
        ),
        (
            "ask Kwame for 10 min to go over my cover letter for the Telstra job",
            SPECIFIC,
            "Kwame",
            ANY,
            ANY,
        ),
        (
            "ask Kwame for a 15 min call + whether his ward takes new grads",
            SPECIFIC,
            "Kwame",
            ANY,
            ANY,
        ),
    ],
    "a worker assigned to me is one person": [
        (
            "ask my parole officer to sign the letter confirming I can work nights at the Amazon DC",
            SPECIFIC,
            "my parole officer",
            ANY,
            ANY,
        ),
        (
            "ask my support worker to review my cover letter for the Kmart job",
            SPECIFIC,
            "my support worker",
            ANY,
            ANY,
        ),
        (
            "ask my caseworker to forward my CV to the warehouse manager at Linfox",
            SPECIFIC,
            "my caseworker",
            ANY,
            ANY,
        ),
        ("ask my coworker to review my cover letter for the Kmart job", VAGUE, None, ANY, ANY),
        ("ask my social worker for some help with jobs", VAGUE, "my social worker", ANY, ANY),
    ],
    "short forms and nicknames are people": [
        (
            "ask Kezza to put in a word for me with the foreman at Lendlease",
            SPECIFIC,
            "Kezza",
            ANY,
            ANY,
        ),
        (
            "Davo is a leading hand at Downer. asking him to pass my CV to his super",
            SPECIFIC,
            "Davo",
            ANY,
            ANY,
        ),
        (
            "ring Fionn and ask him to be my referee for the Aldi store job",
            SPECIFIC,
            "Fionn",
            ANY,
            ANY,
        ),
        ("ask Guto to send me the name of the tech recruiter at Stone", SPECIFIC, "Guto", ANY, ANY),
        ("ask Bazza for some help with the job hunt", VAGUE, "Bazza", ANY, ANY),
        ("catch up with Tiffy over a beer", PASSIVE, None, ANY, ANY),
    ],
    "the person asked in more frames": [
        (
            "Rahul owes me one, getting him to pass my CV to the store manager at Officeworks",
            SPECIFIC,
            "Rahul",
            ANY,
            ANY,
        ),
        (
            "Priti runs the night shift at the Coles DC. need her to vouch for me with the ops manager",
            SPECIFIC,
            "Priti",
            ANY,
            ANY,
        ),
        (
            "mr k was my year 12 maths teacher. ringing him tonight to ask if he'll be my referee for the tutoring job",
            SPECIFIC,
            "Mr K",
            ANY,
            ANY,
        ),
        ("demander à Inès si elle peut me recommander", VAGUE, "Inès", ANY, ANY),
        ("pedir pro Léo uma dica sobre trabalho", VAGUE, "Léo", ANY, ANY),
        ("preguntar a Marisol por trabajo", VAGUE, "Marisol", ANY, ANY),
        ("pedir a alguien de Nubank una referencia", VAGUE, None, ANY, ANY),
        ("Rahul got the job at Officeworks, so happy for him", PASSIVE, None, ANY, ANY),
    ],
    "what the person would do is advice": [
        ("ring Declan and ask what he'd look for in a new leading hand", VAGUE, "Declan", ANY, ANY),
        ("ask Declan what she would do if she were me", VAGUE, "Declan", ANY, ANY),
        ("ask Declan what he'd recommend for a career change", VAGUE, "Declan", ANY, ANY),
        (
            "ask Declan what the pay band is for the site supervisor role at Sisk",
            SPECIFIC,
            "Declan",
            ANY,
            ANY,
        ),
    ],
    "a name spoken to first is the person asked": [
        (
            "kirsty i need you to be my referee for the Ramsay Health ward clerk job 🙏",
            SPECIFIC,
            "Kirsty",
            ANY,
            ANY,
        ),
        (
            "declan im asking you lol — can you send me the name of the site manager at Sisk",
            SPECIFIC,
            "Declan",
            ANY,
            ANY,
        ),
        (
            "Priya i really need you to pass my CV to the hiring manager at Telstra",
            SPECIFIC,
            "Priya",
            ANY,
            ANY,
        ),
        ("kirsty i need you to help me out with the job hunt", VAGUE, "Kirsty", ANY, ANY),
        ("i need you to be my referee for the Ramsay Health job", VAGUE, None, ANY, ANY),
    ],
    "a post one person holds is the person asked": [
        (
            "gonna ask the boss for a reference before my contract ends",
            SPECIFIC,
            "the boss",
            ANY,
            ANY,
        ),
        ("ask the bosses for a reference before my contract ends", VAGUE, None, ANY, ANY),
        (
            "ask the NUM on 5 North for a reference for the grad program",
            SPECIFIC,
            "the NUM on 5 North",
            ANY,
            ANY,
        ),
        (
            "ask the DON at Calvary for a reference for the grad program",
            SPECIFIC,
            "the DON at Calvary",
            ANY,
            ANY,
        ),
        ("ask the GM for a reference", VAGUE, None, ANY, ANY),
        (
            "ask the coordinator of the Youth Jobs Connect program to write me a reference",
            SPECIFIC,
            "the coordinator of the Youth Jobs Connect",
            ANY,
            ANY,
        ),
        ("ask the coordinator of a program to write me a reference", VAGUE, None, ANY, ANY),
        (
            "the head chef at Rockpool tried my food at the markets and liked it — going in saturday to ask him for a reference",
            SPECIFIC,
            "the head chef at Rockpool",
            ANY,
            ANY,
        ),
        (
            "the head chef at a place in town said to drop by, will ask him for a reference",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        (
            "my uncle drinks with a foreman at Boral. asking him sat to ask the foreman if I can send my resume for the driver job",
            SPECIFIC,
            "my uncle",
            ANY,
            ANY,
        ),
    ],
    "kin and possessives in other languages name the person": [
        (
            "ask tonton Moussa to recommend me for the internship at Orange Sénégal",
            SPECIFIC,
            "tonton Moussa",
            ANY,
            ANY,
        ),
        (
            "ask 3ammo Tarek to pass my CV to the HR manager at Zain",
            SPECIFIC,
            "3ammo Tarek",
            ANY,
            ANY,
        ),
        (
            "i will ask eng karim my old team lead to give me a reference for the Valeo job",
            SPECIFIC,
            "Eng Karim",
            ANY,
            ANY,
        ),
        (
            "ask abuela's friend Don Ernesto to pass my resume to the manager at the Walmart in Laredo",
            SPECIFIC,
            "Don Ernesto",
            ANY,
            ANY,
        ),
        (
            "ask mon parrain to review my CV for the KPMG audit job",
            SPECIFIC,
            "mon parrain",
            ANY,
            ANY,
        ),
        (
            "ask meu ex-gestor to be my reference for the Itaú analyst job",
            SPECIFIC,
            "meu ex-gestor",
            ANY,
            ANY,
        ),
        ("ask mon ami to review my CV for the KPMG audit job", VAGUE, None, ANY, ANY),
    ],
    "learners and quick typists name the person": [
        (
            "I will ask to my uncle who works in Itaú if he can pass my CV to the IT manager",
            SPECIFIC,
            "my uncle",
            ANY,
            ANY,
        ),
        ("I will ask to my friends for a referral at Itaú", VAGUE, None, ANY, ANY),
        (
            "ask my EL2 Siobhan to be my referee for the APS6 analyst round at Treasury",
            SPECIFIC,
            "Siobhan",
            ANY,
            ANY,
        ),
        ("ask about my APS6 application at Treasury", VAGUE, None, ANY, ANY),
        ("see if Gazza'll pass my resume to the super at Multiplex", SPECIFIC, "Gazza", ANY, ANY),
    ],
    "a note headed favour for a person": [
        (
            "favour for Leilani: look over my cover letter for the Air NZ cabin crew job before friday",
            SPECIFIC,
            "Leilani",
            ANY,
            ANY,
        ),
        (
            "favour for the team: look over my cover letter for the Air NZ cabin crew job before friday",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        (
            "ping Kemal: does Trendyol hire junior devs without a degree?",
            SPECIFIC,
            "Kemal",
            ANY,
            ANY,
        ),
        ("ping Kemal: should I apply to Trendyol or wait?", VAGUE, "Kemal", ANY, ANY),
    ],
    "a pronoun before the verb in french or spanish points back": [
        (
            "Inès est recruteuse chez Doctolib. je lui demande une referral pour le poste de data analyst",
            SPECIFIC,
            "Inès",
            ANY,
            ANY,
        ),
        (
            "Moussa m'a parlé de Wave → lui demander une referral pour le poste de data analyst",
            SPECIFIC,
            "Moussa",
            ANY,
            ANY,
        ),
        (
            "Inès est recruteuse chez Doctolib, je vais le demander pour le poste de data analyst",
            PASSIVE,
            None,
            ANY,
            ANY,
        ),
        (
            "demander à Dramane de me présenter au manager de l'équipe data chez Wave",
            SPECIFIC,
            "Dramane",
            ANY,
            ANY,
        ),
        ("Carolina trabaja en Globant, le pregunto si puede ayudarme", VAGUE, "Carolina", ANY, ANY),
        (
            "Bruno, ex-colega do Itaú → pedir pra ele uma ajuda com a busca",
            VAGUE,
            "Bruno",
            ANY,
            ANY,
        ),
    ],
    "a role at a place pointed back to is one person": [
        (
            "ask the job coach at the Mission Australia office to pass my resume to the Woolworths contact she mentioned",
            SPECIFIC,
            "the job coach at the Mission Australia office",
            ANY,
            ANY,
        ),
        (
            "ask the placement specialist at the youth hub for the email of his contact at the Bunnings warehouse",
            SPECIFIC,
            "the placement specialist at the youth hub",
            ANY,
            ANY,
        ),
        (
            "ask the lady from the Settlement Services program to introduce me to the store manager she knows at Aldi",
            SPECIFIC,
            "the lady from the Settlement Services program",
            ANY,
            ANY,
        ),
        (
            "ask the job coach at a Mission Australia office to pass my resume to the contact she mentioned",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        (
            "ask the job coaches at the Mission Australia office to pass my resume to the contact she mentioned",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        (
            "ask the recruiter at the Hays office to pass my resume to the contact she mentioned",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
        (
            "ask the job coach at the Mission Australia office whether Priya can pass my resume to the contact she mentioned",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
    ],
    "a talk asked of someone is their favour": [
        (
            "ask Femi to talk to his cousin the site manager at Lendlease and pass him my CV",
            SPECIFIC,
            "Femi",
            ANY,
            ANY,
        ),
        (
            "going to talk to Femi's cousin the site manager at Lendlease and pass him my CV",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
    ],
    "my po is one person": [
        (
            "ask my PO to write a letter for the Walmart DC hiring manager saying I'm in good standing",
            SPECIFIC,
            "my PO",
            ANY,
            ANY,
        ),
        (
            "ask my po to write a letter for the Walmart DC hiring manager saying I'm in good standing",
            VAGUE,
            None,
            ANY,
            ANY,
        ),
    ],
    "time asked for a named purpose": [
        (
            "ask Hollie for 20 mins about how she went from dental nursing to practice management",
            SPECIFIC,
            "Hollie",
            "20 mins about how she went",
            ANY,
        ),
        (
            "ask Tomasz for a 15 min call so he can walk me through the assessment centre format",
            SPECIFIC,
            "Tomasz",
            "a 15 min call",
            ANY,
        ),
    ],
    "the person's view of a named step": [
        (
            "ask Priya what she'd want to hear in the final panel interview for the ward role",
            SPECIFIC,
            "Priya",
            "an answer to what she'd want to hear",
            ANY,
        ),
    ],
    "a review of application pieces named in public-service words, or in slang": [
        (
            "ask Siobhan to look over my KSC responses for the APS5 policy role",
            SPECIFIC,
            "Siobhan",
            "a review of your KSC responses",
            ANY,
        ),
        (
            "get Sarah to have a squiz at my cover letter for the Countdown night fill job",
            SPECIFIC,
            "Sarah",
            "a review of your cover letter",
            ANY,
        ),
        (
            "ask Eoin to read over my competency examples for the EO interview",
            SPECIFIC,
            "Eoin",
            "a review of your competency examples",
            ANY,
        ),
    ],
    "a reference in other words or languages": [
        (
            "ask Karen for a written reference for the Qantas cabin crew application",
            SPECIFIC,
            "Karen",
            "a reference for the Qantas",
            ANY,
        ),
        (
            "ask Don Ernesto for a carta de recomendación for the Bimbo warehouse job",
            SPECIFIC,
            "Don Ernesto",
            "a recommendation letter for the Bimbo",
            ANY,
        ),
        (
            "ask Madame Diallo to write a short letter confirming my French level for the call centre job",
            SPECIFIC,
            "Madame Diallo",
            "a recommendation letter for the call centre",
            ANY,
        ),
        (
            "ask Dwayne to pick up when the background check company calls him on Monday",
            SPECIFIC,
            "Dwayne",
            "a reference",
            ANY,
        ),
        (
            "email Fiona and ask her to confirm my dates and duties for the HEO application",
            SPECIFIC,
            "Fiona",
            "confirming your dates and duties",
            ANY,
        ),
    ],
    "paperwork signed, a trial shift given": [
        (
            "ask Warren to sign my 88 days form before I leave the farm",
            SPECIFIC,
            "Warren",
            "signing your 88 days form",
            ANY,
        ),
        (
            "ask Lani if she'd give me a trial shift at the café on Saturday",
            SPECIFIC,
            "Lani",
            "giving you a trial shift",
            ANY,
        ),
    ],
    "someone else's contact, said with a pronoun or a possessive": [
        (
            "Callum's sister hires for Fonterra — ask Callum for her number",
            SPECIFIC,
            "Callum",
            "her number",
            ANY,
        ),
        (
            "aunty Bev knows the foreman at Downer, ask her for the fella's name and number",
            SPECIFIC,
            "aunty Bev",
            "fella's name and number",
            ANY,
        ),
    ],
    "a place on the crew of someone who hires": [
        (
            "Hemi runs the shearing crew out of Gore — ask him if he has a spot for me this season",
            SPECIFIC,
            "Hemi",
            "an answer to if he has a spot for you",
            ANY,
        ),
    ],
    "a favour put as 'make me the favour of'": [
        (
            "<@U0FAKE77> make me the favour of checking my CV for the Rappi analyst role? 🙏",
            SPECIFIC,
            "<@U0FAKE77>",
            "a review of your CV",
            ANY,
        ),
    ],
    "time asked for with no subject, or only the person's work at large": [
        ("ask Declan for a 20 min call", VAGUE, ANY, ANY, ANY),
        ("ask Marnie for 15 minutes to chat about her nursing career", VAGUE, ANY, ANY, ANY),
        ("message Oisín for half an hour to hear about his journey", VAGUE, ANY, ANY, ANY),
    ],
    "the person's view, nothing named": [
        ("ring Hamish and ask what he'd look for in a junior estimator", VAGUE, ANY, ANY, ANY),
        ("ask Aroha how she would handle a career change at my age", VAGUE, ANY, ANY, ANY),
    ],
    "paperwork or a review with no one identifiable": [
        ("get someone to sign my 88 days form", VAGUE, ANY, ANY, ANY),
        ("need someone to have a squiz at my KSC responses", VAGUE, ANY, ANY, ANY),
        ("fix my KSC responses tonight", PASSIVE, ANY, ANY, ANY),
    ],
    "a spot that is not work": [
        ("ask Kate if she has a spot for me at yoga on Saturday", VAGUE, ANY, ANY, ANY),
        ("ask Liam if there's a spot for me in his car to the careers fair", VAGUE, ANY, ANY, ANY),
        ("ask Dave if there's anything for me", VAGUE, ANY, ANY, ANY),
    ],
    "the person's own contact": [
        ("ask Tom for his number", VAGUE, ANY, ANY, ANY),
        ("Tom's my mate from footy, ask him for his number", VAGUE, ANY, ANY, ANY),
        ("ask Mereana for her email so I can send my CV to her", VAGUE, ANY, ANY, ANY),
    ],
    "a letter or form that is no favour of the person": [
        ("sign the lease form for the new flat", PASSIVE, ANY, ANY, ANY),
        ("write a cover letter for the Coles job", PASSIVE, ANY, ANY, ANY),
    ],
    "whether a workplace the company list doesn't know needs a kind of worker": [
        (
            "ask Shauna does the Jameson Distillery hire tour guides over the summer",
            SPECIFIC,
            "Shauna",
            "the Jameson Distillery hire tour guides",
            ANY,
        ),
        (
            "message Rahim: can he find out if the Novotel Parramatta needs a night auditor",
            SPECIFIC,
            "Rahim",
            "the Novotel Parramatta needs a night auditor",
            ANY,
        ),
        (
            "Aroha's on the committee at the kōhanga — ask her if they need a cook next term",
            SPECIFIC,
            "Aroha",
            "they need a cook",
            ANY,
        ),
        (
            "ask Joe whether any contractors on the Inland Rail job are taking on riggers",
            SPECIFIC,
            "Joe",
            "any contractors on the Inland Rail job",
            ANY,
        ),
        (
            "Donal manages the SuperValu in Tralee, ask him is there Sunday work going",
            SPECIFIC,
            "Donal",
            "is there Sunday work going",
            ANY,
        ),
        (
            "ask Tegan if there are any weekend shifts on the roster at the Aldi in Nowra",
            SPECIFIC,
            "Tegan",
            "any weekend shifts on the roster",
            ANY,
        ),
        (
            "ask Precious whether the ward clerk job I applied for at the Mater is still open",
            SPECIFIC,
            "Precious",
            "the ward clerk job",
            ANY,
        ),
        (
            "Vinh came over on a sponsored visa. ask him which provider it was",
            SPECIFIC,
            "Vinh",
            "which provider",
            ANY,
        ),
    ],
    "being put forward, or spoken up for, in other words": [
        (
            "ask Kirra to put me up for the Linfox Laverton forklift contract she advertised",
            SPECIFIC,
            "Kirra",
            "putting you up for the Linfox Laverton",
            ANY,
        ),
        (
            "ask Rob to put me on the list for the April shutdown at Worsley",
            SPECIFIC,
            "Rob",
            "putting you on the list for the April shutdown",
            ANY,
        ),
        (
            "ask Dr. Nowak to add my name to the list she sends to Atlassian for the winter internships",
            SPECIFIC,
            "Dr. Nowak",
            "adding your name to the list she sends",
            ANY,
        ),
        (
            "Kane's a recruiter at Hays. ask Kane if he's got me on the books for the Gladstone shutdown",
            SPECIFIC,
            "Kane",
            "having you on the books",
            ANY,
        ),
        (
            "ask Leon whether he'll ring ahead to the depot for me",
            SPECIFIC,
            "Leon",
            "ringing ahead to the depot",
            ANY,
        ),
        (
            "get Sione to tell his boss about me before the Fulton Hogan interviews",
            SPECIFIC,
            "Sione",
            "telling his boss about you",
            ANY,
        ),
        (
            "ask Mick to ring his cousin at Boral and tell him I'm a hard worker",
            SPECIFIC,
            "Mick",
            "ringing his cousin at Boral and telling him you're a hard worker",
            ANY,
        ),
        (
            "email Yusuf the Qube JD so he can tell his manager about me",
            SPECIFIC,
            "Yusuf",
            "telling his manager about you",
            ANY,
        ),
    ],
    "a favour written in Portuguese or French": [
        (
            "<@U05KQ2P8ZL> vc pode me indicar pra vaga de analista de BI na Stone?",
            SPECIFIC,
            "<@U05KQ2P8ZL>",
            "a referral: pra vaga de analista de BI",
            ANY,
        ),
        (
            "<@U05KQ2P8ZL> tu peux transmettre mon CV à la responsable RH de Doctolib ?",
            SPECIFIC,
            "<@U05KQ2P8ZL>",
            "à la responsable RH de Doctolib",
            ANY,
        ),
        (
            "<@U05KQ2P8ZL> você trabalha na Totvs né? me apresenta pro gerente de suporte?",
            SPECIFIC,
            "<@U05KQ2P8ZL>",
            "an intro: gerente de suporte",
            ANY,
        ),
        (
            "<@U05KQ2P8ZL> tu pourrais relire mon CV pour le poste chez Qonto ?",
            SPECIFIC,
            "<@U05KQ2P8ZL>",
            "a review: mon CV",
            ANY,
        ),
        (
            "<@U05KQ2P8ZL> pode ser minha referência pra vaga da Ambev?",
            SPECIFIC,
            "<@U05KQ2P8ZL>",
            "a reference: pra vaga da Ambev",
            ANY,
        ),
        (
            "Rafael → me colocar no banco de talentos da Vtex",
            SPECIFIC,
            "Rafael",
            "banco de talentos da Vtex",
            ANY,
        ),
    ],
    "work asked about with no kind, no workplace, or only a lead": [
        ("ask Shauna is there any work going", VAGUE, ANY, ANY, ANY),
        ("ask Shauna if she knows of any Saturday work", VAGUE, ANY, ANY, ANY),
        ("ask Joe whether any contractors are hiring", VAGUE, ANY, ANY, ANY),
        ("ask Joe whether any builders in Wanaka are hiring", VAGUE, ANY, ANY, ANY),
        ("Aroha works at the kōhanga, ask her if they need anyone", VAGUE, ANY, ANY, ANY),
        ("ask Shauna does she like her new job", VAGUE, ANY, ANY, ANY),
    ],
    "put up, put on a list, told about": [
        ("ask Kirra to put me up for the night", VAGUE, ANY, ANY, ANY),
        ("ask Rob to put me on the mailing list", VAGUE, ANY, ANY, ANY),
        ("ask Leon if he'll ring ahead for me", VAGUE, ANY, ANY, ANY),
        ("get Sione to tell his mum about me", VAGUE, ANY, ANY, ANY),
        ("ask Mick to ring his cousin and tell him I'm sorry", VAGUE, ANY, ANY, ANY),
        ("ask Sione to tell his boss about my trip to Fiji", VAGUE, ANY, ANY, ANY),
    ],
    "the member's own step, in Portuguese or French": [
        ("je vais me présenter au recruteur de Capgemini au salon", PASSIVE, ANY, ANY, ANY),
        ("vou mandar meu currículo pro RH da Natura", PASSIVE, ANY, ANY, ANY),
        ("mandar meu currículo pro RH da Natura", PASSIVE, ANY, ANY, ANY),
    ],
    "someone contacted in another language, nothing asked yet": [
        ("relancer Mathilde demain", VAGUE, "Mathilde", ANY, ("what",)),
        ("falar com o Diego sobre a área de produto", VAGUE, "Diego", ANY, ("what",)),
        ("conversar com a Beatriz sobre carreira", VAGUE, "Beatriz", ANY, ("what",)),
        ("hablar con Lucía sobre oportunidades en su empresa", VAGUE, "Lucía", ANY, ("what",)),
        ("appeler Moussa pour qu'il me conseille", VAGUE, "Moussa", ANY, ("what",)),
        ("contacter Paulette cette semaine", VAGUE, "Paulette", ANY, ("what",)),
    ],
    "a favour wanted in another language, no one named": [
        ("conseguir uma indicação esse mês", VAGUE, None, ANY, ("who", "what")),
        ("trouver une mentore dans la data", VAGUE, None, ANY, ("who", "what")),
        ("quiero que alguien me recomiende en Rappi", VAGUE, None, ANY, ("who", "what")),
        ("perguntar no grupo da turma se alguém sabe de vaga", VAGUE, None, ANY, ("who", "what")),
        ("mandar meu CV pra todo mundo da faculdade", VAGUE, None, ANY, ("who", "what")),
        ("pedir conselhos pros veteranos do curso", VAGUE, None, ANY, ("who", "what")),
    ],
    "asking around, or getting hold of someone, in everyday English": [
        ("ring around the depots about casual work", VAGUE, None, ANY, ("who", "what")),
        ("flick my resume around this arvo", VAGUE, None, ANY, ("who", "what")),
        ("give Shane a bell tonight", VAGUE, "Shane", ANY, ("what",)),
        (
            "my old leading hand is back from leave, I'll get onto him",
            VAGUE,
            None,
            ANY,
            ("who", "what"),
        ),
    ],
    "the member's own step, or nothing of the search": [
        ("chercher un stage à Lyon", PASSIVE, ANY, ANY, ANY),
        ("hand my CV around at the careers fair", PASSIVE, ANY, ANY, ANY),
        ("give the dog a bath before work", PASSIVE, ANY, ANY, ANY),
        ("pedir uma pizza e atualizar o portfólio", PASSIVE, ANY, ANY, ANY),
        ("trouver un appart à Dakar", PASSIVE, ANY, ANY, ANY),
    ],
    "question in another language is a concrete ask": [
        (
            "<@U0AB12CD34> tu connais quelqu'un chez Decathlon ?",
            SPECIFIC,
            "<@U0AB12CD34>",
            Exact("the names of people chez Decathlon"),
            ANY,
        ),
        (
            "mandar mensagem pro Diego perguntando se ele conhece alguém na Nubank",
            SPECIFIC,
            "Diego",
            Exact("the names of people na Nubank"),
            ANY,
        ),
        (
            "hoy le pregunto a Lucía qué rango salarial maneja Mercado Libre para un junior, para negociar mejor",
            SPECIFIC,
            "Lucía",
            Exact("an answer to qué rango salarial maneja Mercado Libre para un junior"),
            ANY,
        ),
        (
            "demander à Fatou si l'offre de stage chez Orange est encore ouverte",
            SPECIFIC,
            "Fatou",
            Exact("an answer to si l'offre de stage chez Orange est encore ouverte"),
            ANY,
        ),
        (
            "<@U0AB12CD34> pode me passar o contato do gerente de vendas da Ambev?",
            SPECIFIC,
            "<@U0AB12CD34>",
            Exact("o contato do gerente de vendas da Ambev"),
            ANY,
        ),
    ],
    "question in another language without a place stays short": [
        ("<@U0AB12CD34> tu connais quelqu'un dans la tech ?", VAGUE, ANY, ANY, ANY),
        ("mandar mensagem pro Diego perguntando se ele conhece alguém legal", VAGUE, ANY, ANY, ANY),
        ("demander à Fatou si elle a des opportunités", VAGUE, ANY, ANY, ANY),
        ("pregunto a Lucía qué tal su fin de semana", VAGUE, ANY, ANY, ANY),
        ("<@U0AB12CD34> pode me passar o contato do encanador?", VAGUE, ANY, ANY, ANY),
        ("je connais quelqu'un chez Decathlon", PASSIVE, ANY, ANY, ANY),
    ],
}


@pytest.mark.parametrize(
    ("text", "verdict", "who", "what", "missing"),
    [pytest.param(*row, id=f"{kind}: {row[0]}") for kind, rows in _KINDS.items() for row in rows],
)
def test_each_kind_is_judged_and_said_back(
    text: str, verdict: Verdict, who: Any, what: Any, missing: Any
) -> None:
    result = assess_ask(text)
    assert result.verdict is verdict, result.reasons
    if who is not ANY:
        assert result.who == who, result.who
    if isinstance(what, Exact):
        assert result.what == what  # the question's own clause, not the sentence after its comma
    elif what is not ANY:
        assert result.what is not None and what in result.what, result.what
    if missing is not ANY:
        assert result.missing == missing, result.missing
