"""The default topics and the user's own (topics.toml in the config dir).

`default_topics()` is the built-in taxonomy; `merge_topics(defaults, data)` folds a
parsed topics file into it (pure); `load_topics(path)` reads the file and merges.
Keyword grammar (stems, weights): see `store.ingest.keywords` and docs/topics.md.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from store.models import Topic


class TaxonomyError(ValueError):
    """A topics file that cannot be used; the message is one line naming the file."""


# (id, display name, description, keywords). Keyword weights: "+" decisive,
# "~" supporting (needs a second hit). Words that appear incidentally in
# coverage of other topics ("military", "economy", "Russia", "island") are
# supporting only, so they do not pull a paragraph into a topic on their own.
_DEFAULTS: list[tuple[str, str, str, list[str]]] = [
    ("russia-ukraine", "Russia–Ukraine",
     "The war in Ukraine and China's support for Russia's war effort.",
     ["+Ukraine", "+Ukrainian*", "+war in Ukraine", "+Russia's war", "+Russia-Ukraine",
      "+Ukraine crisis", "~Russia", "~Putin",
      "Kyiv", "Kiev", "Zelensky*", "Zelenskiy", "dual-use", "lethal weapons", "lethal aid",
      "defence industrial base", "defense industrial base", "defence industry",
      "defense industry", "war effort",
      # The war named without "Ukraine" (needed where Ukraine itself is a side and its
      # name only says who met): the invasion, the front, occupied land, war aid.
      "full-scale war", "full-scale invasion", "Russian invasion", "Russian aggression",
      "war of aggression", "~Russian forces", "~Russian troops", "counteroffensive",
      "counter-offensive", "occupied territories", "peace formula", "Crimea", "Donbas",
      "Donbass", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Kharkiv", "Bakhmut",
      "Mariupol", "grain corridor", "Black Sea corridor", "Black Sea transport corridor",
      "Black Sea grain", "~Black Sea", "~arms package", "~invasion",
      # A third country's help to Russia's war named without the war: "China's support for
      # Russia", "sanctions over its backing of Russia".
      "support for Russia", "support to Russia", "backing for Russia", "backing of Russia",
      "~weapons"]),
    ("taiwan", "Taiwan",
     "Taiwan, the Taiwan Strait and Beijing's claim to the island.",
     ["+Taiwan Strait", "Taiwan", "Taiwanese", "Taipei", "Lai Ching-te", "Tsai Ing-wen",
      "~reunification", "~reunify", "~unification", "one China", "one-China",
      "Taiwan independence", "cross-strait", "Taiwan Relations Act", "Six Assurances",
      "~island", "~separatist*", "~arms sales"]),
    ("south-china-sea", "South China Sea",
     "Maritime claims and confrontations in the South China Sea.",
     ["+South China Sea", "Second Thomas Shoal", "Scarborough Shoal", "Spratly*",
      "Paracel*", "Ayungin", "Sabina Shoal", "shoal",
      # Chinese readouts use Chinese names: Ren'ai Reef is Second Thomas Shoal.
      "Ren'ai", "Huangyan Dao", "Huangyan Island", "Xianbin Jiao", "Xianbin Reef", "Nansha",
      "Xisha", "Meiji Reef", "Tiexian Reef", "~coast guard", "water cannon",
      "~freedom of navigation", "nine-dash line", "resupply mission*", "~Philippine*",
      "~Manila", "~maritime", "~reef*", "~vessels"]),
    ("territorial", "Territorial disputes",
     "Land and island boundary disputes: the India–China border, the East China Sea.",
     # "border" alone is often another border ("EU borders", "border controls"): it needs
     # support; a border question between the sides is named as one.
     ["~border", "~borders", "boundary", "border dispute*", "border issue*", "border question",
      "border areas", "border area", "border affairs", "border situation", "border talks",
      "border tension*", "border standoff", "border clash*", "border row", "border region*",
      "disputed border", "border peace", "border management",
      "Line of Actual Control", "LAC", "Galwan",
      "Ladakh", "Arunachal", "Depsang", "Demchok", "Doklam", "Himalayan", "disengage*",
      "patrolling", "patrol points", "buffer zone*", "Senkaku*", "Diaoyu",
      "East China Sea", "territorial dispute*", "~disputed", "~frontier", "~troops",
      # Land borders anywhere: drawing the line, crossings, clashes, the land in dispute.
      "demarcation", "demarcate*", "delimitation", "border checkpoint*", "border crossing*",
      "border post*", "border conflict*", "border fighting", "border skirmish*",
      "border villages", "border ceasefire", "border incident*", "disputed area*",
      "disputed territor*", "disputed land", "disputed region*",
      # Land in dispute named as itself: a region two states, or a state and a breakaway
      # government, contest.
      "Karabakh", "Nagorno-Karabakh", "Kashmir", "Western Sahara", "Abkhazia",
      "South Ossetia", "Transnistria"]),
    ("trade", "Trade",
     "Tariffs, market access, overcapacity, subsidies, investment and the economy.",
     ["+trade", "trade war", "trade deficit", "trade practices", "tariff*", "duties",
      "overcapacity", "industrial capacity", "excess capacity", "market access",
      "subsidies", "subsidised", "subsidized", "dumping", "electric vehicles", "electric cars",
      "solar panels", "imports", "economic ties", "economic relations", "economic talks",
      "economic and trade", "economic and financial", "economic working group*",
      "investment*", "investor*", "protectionism", "supply chain*", "soybeans",
      # Food-safety import bans (seafood after Fukushima's treated water) are trade measures.
      "seafood", "import ban*", "export ban*", "import restriction*", "trade restriction*",
      "import curbs", "~treated water", "~wastewater", "~Fukushima",
      "energy trade", "~LNG",
      # Trade pacts and bodies go by names without the word "trade".
      "CPTPP", "Trans-Pacific Partnership", "RCEP", "Regional Comprehensive Economic Partnership",
      "WTO", "FTA", "customs union",
      "~exports", "~economy", "~economic", "~financial", "~business*",
      "~companies", "~goods"]),
    ("technology", "Technology & export controls",
     "Export controls, chips and semiconductors, sanctions on technology firms.",
     ["+export controls", "+export control", "semiconductor*", "chip", "chips", "chipmaking",
      "chipmakers", "entity list", "small yard, high fence", "small yard", "high fence",
      "technology", "technologies", "technological", "tech firms", "tech companies",
      "~military technology", "Huawei", "TikTok", "ByteDance", "quantum",
      "outbound investment", "lithography",
      "~advanced", "~sanctions", "~science"]),
    ("fentanyl", "Fentanyl",
     "Fentanyl and the precursor chemicals used to make it; counternarcotics cooperation.",
     ["+fentanyl", "+counternarcotics", "+counter-narcotics", "+precursor chemicals",
      "precursor*", "narcotics", "opioid*", "overdose*", "synthetic drug*",
      "drug trafficking", "illicit drugs", "pill presses", "~chemicals", "~drug", "~drugs"]),
    ("ai", "Artificial intelligence",
     "Risks, safety and military uses of artificial intelligence.",
     ["+artificial intelligence", "+AI", "AI safety", "AI risk*", "machine learning",
      "autonomous weapons", "~algorithm*"]),
    ("military", "Military channels",
     "Military-to-military communication, defence talks and crisis hotlines.",
     ["+military-to-military", "+mil-to-mil", "military-to-military relations",
      "military-to-military relationship", "military-to-military ties", "military relationship",
      "military channel*", "military communication*",
      "military talks", "military contacts", "military ties", "military dialogue",
      "military relations", "military lines of communication", "military hotline",
      "military maritime consultative", "maritime consultative", "militaries",
      "theater commanders", "theatre commanders", "theater-level", "defense policy coordination",
      "defence policy coordination", "defense talks", "defence talks", "defense relations",
      "defence relations", "defense minister", "defence minister", "defense chiefs",
      "defence chiefs", "defense ministers", "defence ministers", "service chiefs",
      # Defence deals and arms control are reported as the military side of a relationship.
      "~defense", "~defence", "defense and security", "defence and security",
      "security and defense", "security and defence", "defense spending", "defence spending",
      "defense budget*", "defence budget*", "defense expen*", "defence expen*",
      "defense cooperation", "defence cooperation", "defense ties",
      "defence ties", "defense relationship", "defence relationship", "arms control",
      "New START", "nuclear arms", "nuclear warhead*", "nuclear arsenal*", "strategic stability",
      "arms race", "military activities", "military activity", "military buildup",
      "defense buildup", "defence buildup", "~joint exercises", "~military exercises",
      "~military drills", "jet engine*", "fighter jet*", "fighter aircraft", "armed drones",
      "warships", "co-production", "~military technology", "~military", "~nuclear weapons",
      # Buying arms is defence business between the sides (the war takes "weapons" where
      # Ukraine is named or a side: see topics.WAR_SIDE).
      "~weapons", "weapons purchases", "arms purchases", "arms deal*", "stealth fighter*",
      "~drones", "~troops",
      "~defense ministr*", "~defence ministr*", "~defense secretary", "~defence secretary",
      "~defense official*", "~defence official*", "~Pentagon", "~PLA",
      "~People's Liberation Army", "~Shangri-La Dialogue", "~military officials"]),
    ("people-to-people", "People-to-people",
     "Students, scholars, journalists, tourism, flights, visas and detained citizens.",
     ["people-to-people", "people exchanges", "exchanges between people", "students",
      "student exchange*", "~scholars", "foreign journalists", "journalists' visas", "tourists",
      "tourism", "passenger flights", "direct flights", "commercial flights", "visa", "visas",
      "~journalists", "~flights", "pilgrim*", "pilgrimage", "exit ban*",
      "Fulbright", "Peace Corps", "Yatra", "educational exchange*", "cultural exchange*",
      "youth exchange*", "~exchanges", "consulate*", "consular",
      "work visas", "working holiday*", "visa waiver*", "visa-free", "antiquities",
      "cultural property", "cultural heritage",
      "detained citizens", "hostage*", "prisoner swap*", "prisoner exchange*",
      "~detained Americans", "~wrongfully detained",
      # The sectors of exchanges between peoples, each one supporting: two of them together
      # ("education and research, youth and sports") are people-to-people; one alone is not.
      "~education", "~educational", "~youth", "~sports", "~culture", "~cultural"]),
    ("climate", "Climate",
     "Climate change, emissions and cooperation on clean energy.",
     ["+climate", "climate change", "emissions", "methane", "carbon", "global warming",
      "greenhouse", "Paris Agreement", "COP28", "COP29", "COP27", "coal", "clean energy",
      "renewable*", "deforestation", "net zero", "climate envoy*"]),
    ("human-rights", "Human rights",
     "Human rights, Xinjiang, Tibet, Hong Kong, religious and press freedom.",
     ["+human rights", "Xinjiang", "Tibet", "Tibetan*", "Hong Kong", "Uyghur*", "Uighur*",
      "dissident*", "religious freedom", "forced labor", "forced labour", "political prisoners",
      "press freedom", "freedom of speech", "genocide", "Dalai Lama", "~crackdown",
      # The rights of a people living in the other state: "the rights of the Kestrian ethnic
      # minority", "minority rights".
      "ethnic minorit*", "national minorit*", "minority rights", "rights of minorities",
      "~persecution"]),
    ("middle-east", "Middle East",
     "Gaza, Israel, Iran, the Houthis and Red Sea shipping.",
     ["+Middle East", "Gaza", "Israel", "Israeli*", "Hamas", "Hezbollah", "Iran", "Iranian*",
      "Tehran", "Houthi*", "Red Sea", "Yemen*", "Lebanon", "Syria", "Saudi*",
      "Palestinian*", "West Bank", "~shipping lanes"]),
    ("korean-peninsula", "Korean Peninsula",
     "North Korea, its weapons programmes and its ties to Russia.",
     ["+North Korea", "+North Korean*", "+Korean Peninsula", "Pyongyang", "DPRK",
      # (the state's own full name, as readouts write it)
      "+Democratic People's Republic of Korea",
      "Kim Jong Un", "Kim Jong-un", "denuclearization", "denuclearisation",
      "~ballistic missile*", "~nuclear test*"]),
    ("cyber", "Cyber",
     "Hacking, cyberattacks and cyber espionage.",
     ["+cyber", "+cyberattack*", "+cybersecurity", "cyber-attack*", "hacking", "hack",
      "hackers", "hacked", "Salt Typhoon", "Volt Typhoon", "cyber espionage", "ransomware",
      "malware", "~intrusion*", "~espionage"]),
    ("relations", "Overall relations",
     "The relationship as a whole: stabilising ties, channels of communication, "
     "visits and next meetings.",
     ["relationship", "bilateral relations", "bilateral ties", "diplomatic relations",
      # The relationship named between the two sides: "relations between Moscow and Ankara".
      "relations between", "ties between", "cooperation between", "partnership between",
      "friendship between",
      "~China-U.S. relations", "~U.S.-China relations", "~US-China relations",
      "~China-India relations", "~India-China relations", "lines of communication",
      "channels of communication", "communication channel*", "channels open",
      "strategic communication", "maintain communication", "keep up communication",
      "keep talking", "keep communicating", "strengthen communication", "build trust",
      "~communicat*", "~at all levels", "in contact", "in touch",
      # A channel kept open counts when the sides keep it ("agreed to continue the
      # dialogue", "keep up close communication": see topichits.sides_relationship).
      "~dialogue",
      "strategic partnership", "~partnership", "~partner",
      # "for the first time since March": see topichits.sides_relationship.
      "~first time",
      "mutually beneficial", "strategic relationship", "high-level exchanges",
      "high-level diplomacy", "high-level contact*",
      "heads of state", "leader to leader", "leader-to-leader", "direct line",
      "pick up the phone", "talk to each other", "speak by phone", "next meeting",
      # Foreign ministries' regular rounds: "the next round of political consultations".
      "political consultations", "~consultations",
      "meet again", "~trip", "invitation", "candid", "constructive", "manage differences",
      "handle differences", "manage competition", "manage the relationship", "guardrails",
      "stabilise ties", "stabilize ties", "thaw", "~relations", "~ties", "~stabilis*", "~stabiliz*",
      "~steady", "~steadying", "~steadier", "~senior officials", "~summit", "to visit",
      "state visit", "~travel*", "~visit",
      "~visits", "~visited", "~visiting", "~phone call", "~rivals", "~partners", "~frank",
      "~productive", "~competition", "~hand-over", "~handover", "~new administration",
      "~ups and downs", "~common understandings", "~face-to-face",
      # How the sides speak of each other: "a valued ally and friend", "friendly ties".
      "~ally", "~allies", "~friend", "~friends", "~friendship", "~friendly",
      # Diplomatic presence: "restore staffing at their embassies", "return ambassadors".
      "embassies", "~embassy", "ambassadors", "diplomatic missions", "diplomatic staff*"]),
]

DEFAULT_TOPIC_IDS = [t[0] for t in _DEFAULTS]
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_TOPIC_KEYS = frozenset({"name", "keywords", "description", "replace_keywords"})


def default_topics() -> list[Topic]:
    """The built-in taxonomy, a fresh list each call (callers may edit it)."""
    return [
        Topic(id=tid, name=name, keywords=list(kws), description=desc)
        for tid, name, desc, kws in _DEFAULTS
    ]


def merge_topics(defaults: list[Topic], data: dict[str, Any]) -> list[Topic]:
    """Fold a parsed topics file into `defaults`; `TaxonomyError` if it is malformed.

    `data` is the TOML document: ``{"topics": {id: {name?, keywords?, description?,
    replace_keywords?}}}``. A known id renames/extends that topic (keywords are added
    unless ``replace_keywords = true``); a new id adds a topic after the defaults.
    """
    unknown = set(data) - {"topics"}
    if unknown:
        first = sorted(unknown)[0]
        raise TaxonomyError(f"unknown top-level key {first!r} (expected [topics.<id>])")
    table = data.get("topics", {})
    if not isinstance(table, dict):
        raise TaxonomyError("'topics' must be a table of [topics.<id>] sections")
    merged = [t.model_copy(deep=True) for t in defaults]
    by_id = {t.id: t for t in merged}
    for tid, spec in table.items():
        if not _SLUG.match(tid):
            raise TaxonomyError(
                f"topic id {tid!r} must be lower-case letters, digits and hyphens"
            )
        if not isinstance(spec, dict):
            raise TaxonomyError(f"[topics.{tid}] must be a table")
        bad = set(spec) - _TOPIC_KEYS
        if bad:
            raise TaxonomyError(f"[topics.{tid}]: unknown key {sorted(bad)[0]!r}")
        name = _opt_str(spec, "name", tid)
        desc = _opt_str(spec, "description", tid)
        keywords = _keywords(spec, tid)
        replace = spec.get("replace_keywords", False)
        if not isinstance(replace, bool):
            raise TaxonomyError(f"[topics.{tid}]: replace_keywords must be true or false")
        topic = by_id.get(tid)
        if topic is None:
            if not keywords:
                raise TaxonomyError(f"[topics.{tid}]: a new topic needs at least one keyword")
            topic = Topic(id=tid, name=name or tid.replace("-", " ").capitalize(),
                          keywords=[], description=desc or "")
            merged.append(topic)
            by_id[tid] = topic
        if name:
            topic.name = name
        if desc is not None:
            topic.description = desc
        if replace:
            topic.keywords = list(keywords)
        else:
            topic.keywords.extend(k for k in keywords if k not in topic.keywords)
    return merged


def _opt_str(spec: dict[str, Any], key: str, tid: str) -> str | None:
    value = spec.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or (key == "name" and not value.strip()):
        raise TaxonomyError(f"[topics.{tid}]: {key} must be a non-empty string")
    return value.strip()


def _keywords(spec: dict[str, Any], tid: str) -> list[str]:
    value = spec.get("keywords", [])
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise TaxonomyError(f"[topics.{tid}]: keywords must be a list of strings")
    # Imported here: store.ingest imports this module (the default taxonomy).
    from store.ingest.keywords import parse_keyword

    for k in value:
        try:
            parse_keyword(k)
        except ValueError as exc:
            raise TaxonomyError(f"[topics.{tid}]: {exc}") from None
    return [k.strip() for k in value]


def load_topics(path: Path | None = None) -> list[Topic]:
    """Defaults merged with the user's topics file (default: the config dir's topics.toml).

    A missing file means the defaults; an unreadable or malformed one raises
    `TaxonomyError` with one line that names the file.
    """
    if path is None:
        from store.paths import topics_file

        path = topics_file()
    if not path.exists():
        return default_topics()
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot read topics file ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{path}: not valid TOML: {exc}") from None
    try:
        return merge_topics(default_topics(), data)
    except TaxonomyError as exc:
        raise TaxonomyError(f"{path}: {exc}") from None
