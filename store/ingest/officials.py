"""Titles, a small table of well-known officials, and name-order rules.

Articles usually introduce a person with a title ("U.S. Secretary of State
Antony Blinken"), but the most prominent leaders are often named bare ("Xi
Jinping", "Biden"). The table below covers those: the leaders and ministers
who recur in the meetings bilat tracks. It is deliberately small; everyone
else is learned from the title the article gives them. Edit it when a new
government takes office.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Official:
    name: str  # canonical full name as bilat shows it
    role: str
    country: str
    gender: str | None = None  # "m" / "f": lets "she" skip a man
    aliases: tuple[str, ...] = ()  # other spellings of the full name
    # Whether a bare surname the article never introduced is this person: not for a
    # surname many others carry ("Johnson", "Cooper") or that is a word ("May").
    bare: bool = True


OFFICIALS: tuple[Official, ...] = (
    Official("Xi Jinping", "President", "China", "m"),
    Official("Li Qiang", "Premier", "China", "m"),
    Official("Wang Yi", "Foreign Minister", "China", "m"),
    Official("He Lifeng", "Vice Premier", "China", "m"),
    Official("Dong Jun", "Defense Minister", "China", "m"),
    Official("Li Shangfu", "Defense Minister", "China", "m"),
    Official("Qin Gang", "Foreign Minister", "China", "m"),
    Official("Wang Wenbin", "Foreign Ministry spokesperson", "China", "m"),
    Official("Mao Ning", "Foreign Ministry spokesperson", "China", "f"),
    Official("Lin Jian", "Foreign Ministry spokesperson", "China", "m"),
    Official("Joe Biden", "President", "United States", "m", ("Joseph Biden", "Joseph R. Biden")),
    Official("Kamala Harris", "Vice President", "United States", "f"),
    Official("Donald Trump", "President", "United States", "m"),
    Official("Antony Blinken", "Secretary of State", "United States", "m", ("Tony Blinken",)),
    Official("Janet Yellen", "Treasury Secretary", "United States", "f"),
    Official("Jake Sullivan", "National Security Adviser", "United States", "m"),
    Official("Lloyd Austin", "Defense Secretary", "United States", "m"),
    Official("Gina Raimondo", "Commerce Secretary", "United States", "f"),
    Official("John Kerry", "climate envoy", "United States", "m"),
    Official("Marco Rubio", "Secretary of State", "United States", "m"),
    Official("Narendra Modi", "Prime Minister", "India", "m"),
    # The full name is the canonical one; the initial is how Indian copy writes it.
    Official("Subrahmanyam Jaishankar", "External Affairs Minister", "India", "m",
             ("S. Jaishankar", "S Jaishankar")),
    Official("Vladimir Putin", "President", "Russia", "m"),
    Official("Sergei Lavrov", "Foreign Minister", "Russia", "m"),
    Official("Volodymyr Zelensky", "President", "Ukraine", "m",
             ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy")),
    Official("Fumio Kishida", "Prime Minister", "Japan", "m"),
    Official("Ferdinand Marcos Jr.", "President", "Philippines", "m",
             ("Ferdinand Marcos", "Bongbong Marcos")),
    Official("Kurt Campbell", "Deputy Secretary of State", "United States", "m"),
    Official("Nicholas Burns", "Ambassador", "United States", "m"),
    Official("Katherine Tai", "Trade Representative", "United States", "f"),
    Official("Scott Bessent", "Treasury Secretary", "United States", "m"),
    Official("Pete Hegseth", "Defense Secretary", "United States", "m"),
    Official("Xie Feng", "Ambassador", "China", "m"),
    Official("Han Zheng", "Vice President", "China", "m"),
    Official("Liu He", "Vice Premier", "China", "m"),
    Official("Liu Jianchao", "International Department head", "China", "m"),
    Official("Xie Zhenhua", "climate envoy", "China", "m"),
    Official("Hua Chunying", "Foreign Ministry spokesperson", "China", "f"),
    Official("Zhao Lijian", "Foreign Ministry spokesperson", "China", "m"),
    Official("Wei Fenghe", "Defense Minister", "China", "m"),
    Official("Zhang Youxia", "Central Military Commission vice chairman", "China", "m"),
    Official("Ajit Doval", "National Security Adviser", "India", "m"),
    Official("Lai Ching-te", "President", "Taiwan", "m"),
    Official("Tsai Ing-wen", "President", "Taiwan", "f"),
    Official("Shigeru Ishiba", "Prime Minister", "Japan", "m"),
    Official("Sanae Takaichi", "Prime Minister", "Japan", "f"),
    Official("Yoon Suk Yeol", "President", "South Korea", "m"),
    Official("Lee Jae-myung", "President", "South Korea", "m"),
    Official("Kim Jong Un", "leader", "North Korea", "m", ("Kim Jong-un",)),
    Official("Emmanuel Macron", "President", "France", "m"),
    Official("Keir Starmer", "Prime Minister", "United Kingdom", "m"),
    Official("Anthony Albanese", "Prime Minister", "Australia", "m"),
    Official("Prabowo Subianto", "President", "Indonesia", "m"),
    Official("Olaf Scholz", "Chancellor", "Germany", "m"),
    Official("Friedrich Merz", "Chancellor", "Germany", "m"),
    Official("Angela Merkel", "Chancellor", "Germany", "f"),
    Official("Recep Tayyip Erdogan", "President", "Turkey", "m", ("Recep Tayyip Erdoğan",)),
    Official("Luiz Inácio Lula da Silva", "President", "Brazil", "m",
             ("Luiz Inacio Lula da Silva", "Lula da Silva")),
    Official("Rishi Sunak", "Prime Minister", "United Kingdom", "m"),
    Official("Giorgia Meloni", "Prime Minister", "Italy", "f"),
    Official("Viktor Orbán", "Prime Minister", "Hungary", "m", ("Viktor Orban",)),
    Official("Benjamin Netanyahu", "Prime Minister", "Israel", "m"),
    Official("Justin Trudeau", "Prime Minister", "Canada", "m"),
    Official("Cyril Ramaphosa", "President", "South Africa", "m"),
    Official("Ursula von der Leyen", "European Commission President", "European Union", "f"),
    Official("Charles Michel", "European Council President", "European Union", "m"),
    Official("António Costa", "European Council President", "European Union", "m",
             ("Antonio Costa",)),
    Official("Kaja Kallas", "EU foreign policy chief", "European Union", "f"),
    Official("Josep Borrell", "EU foreign policy chief", "European Union", "m"),
    *(
        # The heads of state and government and the foreign ministers of the G20 members,
        # 2019-2026, not listed above: a closed class, the people most of the meetings
        # bilat tracks are between (every member, not the ones some article named).
        Official("Javier Milei", "President", "Argentina", "m"),
        Official("Alberto Fern\u00e1ndez", "President", "Argentina", "m", ("Alberto Fernandez",),
                 bare=False),
        Official("Santiago Cafiero", "Foreign Minister", "Argentina", "m"),
        Official("Diana Mondino", "Foreign Minister", "Argentina", "f"),
        Official("Gerardo Werthein", "Foreign Minister", "Argentina", "m"),
        Official("Scott Morrison", "Prime Minister", "Australia", "m", bare=False),
        Official("Penny Wong", "Foreign Minister", "Australia", "f", bare=False),
        Official("Marise Payne", "Foreign Minister", "Australia", "f", bare=False),
        Official("Jair Bolsonaro", "President", "Brazil", "m"),
        Official("Mauro Vieira", "Foreign Minister", "Brazil", "m"),
        Official("Carlos Fran\u00e7a", "Foreign Minister", "Brazil", "m", ("Carlos Franca",)),
        Official("Ernesto Ara\u00fajo", "Foreign Minister", "Brazil", "m", ("Ernesto Araujo",)),
        Official("Mark Carney", "Prime Minister", "Canada", "m"),
        Official("M\u00e9lanie Joly", "Foreign Minister", "Canada", "f", ("Melanie Joly",)),
        Official("Anita Anand", "Foreign Minister", "Canada", "f", bare=False),
        Official("Jean-Yves Le Drian", "Foreign Minister", "France", "m"),
        Official("Catherine Colonna", "Foreign Minister", "France", "f"),
        Official("St\u00e9phane S\u00e9journ\u00e9", "Foreign Minister", "France", "m",
                 ("Stephane Sejourne",)),
        Official("Jean-No\u00ebl Barrot", "Foreign Minister", "France", "m",
                 ("Jean-Noel Barrot",)),
        Official("Frank-Walter Steinmeier", "President", "Germany", "m"),
        Official("Heiko Maas", "Foreign Minister", "Germany", "m"),
        Official("Annalena Baerbock", "Foreign Minister", "Germany", "f"),
        Official("Johann Wadephul", "Foreign Minister", "Germany", "m"),
        Official("Droupadi Murmu", "President", "India", "f"),
        Official("Ram Nath Kovind", "President", "India", "m"),
        Official("Joko Widodo", "President", "Indonesia", "m"),
        Official("Retno Marsudi", "Foreign Minister", "Indonesia", "f"),
        Official("Sergio Mattarella", "President", "Italy", "m"),
        Official("Giuseppe Conte", "Prime Minister", "Italy", "m"),
        Official("Mario Draghi", "Prime Minister", "Italy", "m"),
        Official("Luigi Di Maio", "Foreign Minister", "Italy", "m"),
        Official("Antonio Tajani", "Foreign Minister", "Italy", "m"),
        Official("Shinzo Abe", "Prime Minister", "Japan", "m"),
        Official("Yoshihide Suga", "Prime Minister", "Japan", "m"),
        Official("Toshimitsu Motegi", "Foreign Minister", "Japan", "m"),
        Official("Yoshimasa Hayashi", "Foreign Minister", "Japan", "m"),
        Official("Yoko Kamikawa", "Foreign Minister", "Japan", "f"),
        Official("Takeshi Iwaya", "Foreign Minister", "Japan", "m"),
        Official("Andr\u00e9s Manuel L\u00f3pez Obrador", "President", "Mexico", "m",
                 ("Andres Manuel Lopez Obrador",)),
        Official("Claudia Sheinbaum", "President", "Mexico", "f"),
        Official("Marcelo Ebrard", "Foreign Minister", "Mexico", "m"),
        Official("Alicia B\u00e1rcena", "Foreign Minister", "Mexico", "f", ("Alicia Barcena",)),
        Official("Mikhail Mishustin", "Prime Minister", "Russia", "m"),
        Official("Mohammed bin Salman", "Crown Prince", "Saudi Arabia", "m",
                 ("Mohammed bin Salman Al Saud", "Mohammad bin Salman"), bare=False),
        Official("Salman bin Abdulaziz", "King", "Saudi Arabia", "m",
                 ("Salman bin Abdulaziz Al Saud",)),
        Official("Faisal bin Farhan", "Foreign Minister", "Saudi Arabia", "m",
                 ("Faisal bin Farhan Al Saud",)),
        Official("Naledi Pandor", "Foreign Minister", "South Africa", "f"),
        Official("Ronald Lamola", "Foreign Minister", "South Africa", "m"),
        Official("Moon Jae-in", "President", "South Korea", "m"),
        Official("Chung Eui-yong", "Foreign Minister", "South Korea", "m", bare=False),
        Official("Cho Tae-yul", "Foreign Minister", "South Korea", "m", bare=False),
        Official("Hakan Fidan", "Foreign Minister", "Turkey", "m"),
        Official("Mevl\u00fct \u00c7avu\u015fo\u011flu", "Foreign Minister", "Turkey", "m",
                 ("Mevlut Cavusoglu",)),
        Official("Boris Johnson", "Prime Minister", "United Kingdom", "m", bare=False),
        Official("Theresa May", "Prime Minister", "United Kingdom", "f", bare=False),
        Official("Liz Truss", "Prime Minister", "United Kingdom", "f"),
        Official("Dominic Raab", "Foreign Secretary", "United Kingdom", "m"),
        Official("James Cleverly", "Foreign Secretary", "United Kingdom", "m"),
        Official("David Cameron", "Foreign Secretary", "United Kingdom", "m", bare=False),
        Official("David Lammy", "Foreign Secretary", "United Kingdom", "m"),
        Official("Yvette Cooper", "Foreign Secretary", "United Kingdom", "f", bare=False),
        Official("Mike Pompeo", "Secretary of State", "United States", "m"),
        Official("JD Vance", "Vice President", "United States", "m", ("J.D. Vance",)),
        Official("Li Keqiang", "Premier", "China", "m"),
    ),
)



def _load_leaders() -> tuple[Official, ...]:
    """store/data/leaders.tsv: heads of state and government beyond the G20 (data, so the
    list grows without touching code)."""
    out = []
    text = resources.files("store").joinpath("data", "leaders.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, role, country, gender, *rest = line.split("\t")
        aliases = tuple(a for f in rest if f != "nobare" for a in f.split(";") if a)
        out.append(Official(name, role, country, gender or None, aliases,
                            bare="nobare" not in rest))
    return tuple(out)


OFFICIALS += _load_leaders()

BY_NAME: dict[str, Official] = {}
for _o in OFFICIALS:
    BY_NAME[_o.name] = _o
    for _a in _o.aliases:
        BY_NAME[_a] = _o


def known(name: str, key: str) -> Official | None:
    """The listed official with this full name, or with its spelling key
    (`names.spelling_key`: "Sergey Lavrov" finds "Sergei Lavrov")."""
    hit = BY_NAME.get(name)
    if hit is None and BY_KEY:
        hit = BY_KEY.get(key)
    return hit


# Filled by names.py (which owns the spelling key) to avoid an import cycle.
BY_KEY: dict[str, Official] = {}

# Surname -> official, for a bare surname the article never introduced ("Wang
# said ..."). Where two officials share one, the one listed first (the more
# prominent: Wang Yi before Wang Wenbin) wins.
BY_SURNAME: dict[str, Official] = {}


def _surname_of(name: str) -> str:
    words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
    return words[0] if family_name_first(words) else words[-1]


# Family names common among Chinese (and Taiwanese) officials: a two-word name
# starting with one of these is written family name first ("Xi Jinping" -> "Xi").
CHINESE_SURNAMES = frozenset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo "
    "Zheng Liang Xie Song Tang Xi Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai "
    "Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Qin Fu Lai Mao Qiu Kong Bai Cui Kang "
    "Meng Hou Shi Tan Jin Xue Yan Duan Lei Long Qian Gu Hao Wen Fan Fang Shao Tsai Chiang "
    "Zhong Yin Wan Yi Qi Geng Chu Hua Kou Liao Mei Niu Ou Pang Rao Sheng Tao Xiong Zou".split()
)

# Family names of most Koreans: a three-word name, or a two-word one with a
# hyphenated given name, starting with one of these is family name first.
KOREAN_SURNAMES = frozenset(
    "Kim Lee Park Choi Jung Jeong Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn "
    "Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Sung Chung Ban".split()
)

# Titles, lowest case; matched case-insensitively. Longest alternatives first.
ROLE_WORDS: tuple[str, ...] = (
    "secretary of state", "secretary of defense", "secretary of the treasury",
    "secretary of commerce", "treasury secretary", "defense secretary", "defence secretary",
    "commerce secretary", "deputy secretary of state", "deputy secretary", "assistant secretary",
    "under secretary", "secretary-general", "secretary general", "general secretary",
    "national security adviser", "national security advisor", "security adviser",
    "vice president", "president-elect", "president", "vice premier", "premier",
    "deputy prime minister", "prime minister", "pm", "foreign minister", "foreign affairs minister",
    "minister of foreign affairs", "external affairs minister", "minister of external affairs",
    "defense minister", "defence minister", "minister of national defense",
    "minister of defense", "minister of defence", "minister of public security",
    "public security minister", "commerce minister", "finance minister", "trade minister",
    "minister", "foreign secretary", "top diplomat", "chief diplomat", "diplomat", "leader",
    "chairman", "chairwoman", "chancellor", "king", "queen", "crown prince", "ambassador",
    "special envoy", "climate envoy", "envoy", "foreign ministry spokesperson",
    "foreign ministry spokesman", "foreign ministry spokeswoman", "spokesperson", "spokesman",
    "spokeswoman", "admiral", "adm.", "general", "gen.", "senator", "sen.", "representative",
    "rep.", "governor", "gov.", "mayor", "speaker", "counterpart", "trade representative",
    "director", "chief", "commander", "chief of staff", "adviser", "advisor", "secretary",
    "senior colonel", "colonel", "lieutenant colonel", "major general", "lieutenant general",
    "brigadier general", "rear admiral", "vice admiral", "captain", "lieutenant", "col.",
    "lt. gen.", "maj. gen.", "rear adm.", "vice adm.",
    "mr.", "ms.", "mrs.", "dr.", "mr", "ms", "mrs", "dr",  # British style drops the stop
    # Heads of government and state with titles of their own.
    "taoiseach", "tánaiste", "tanaiste", "emir", "sultan", "emperor", "empress",
    "first minister",
    "high representative", "grand duke", "prince", "princess", "sheikh", "sheikha",
    "chief negotiator", "trade negotiator", "negotiator", "vice minister", "deputy minister",
)
ROLE_PATTERN = "|".join(
    # "Vice-Premier", "vice-minister": some outlets hyphenate compound titles.
    re.escape(r).replace(r"\ ", r"[\s-]+") for r in sorted(ROLE_WORDS, key=len, reverse=True)
)

# Titles that name one country's office even without a nationality adjective.
_US_ROLES = ("secretary of state", "secretary of defense", "treasury secretary",
             "defense secretary", "commerce secretary", "national security adviser",
             "national security advisor", "trade representative", "secretary of the treasury",
             "secretary of commerce", "deputy secretary of state")
_CN_ROLES = ("vice premier", "minister of public security")


def role_country(role: str) -> str | None:
    """Country implied by a title alone ("Treasury Secretary" -> "United States")."""
    low = " ".join(role.lower().split())
    if low in _US_ROLES:
        return "United States"
    if low in _CN_ROLES:
        return "China"
    if low in ("taoiseach", "tánaiste", "tanaiste"):
        return "Ireland"
    if "external affairs" in low:
        return "India"  # India's name for its foreign ministry (bodies: "MEA")
    return None


def role_gender(role: str) -> str | None:
    low = role.lower()
    if low.endswith(("spokesman", "chairman", "king", "prince", "mr.", "sheikh")):
        return "m"
    if low.endswith(("spokeswoman", "chairwoman", "queen", "ms.", "mrs.", "sheikha")):
        return "f"
    return None


def is_honorific(role: str) -> bool:
    """Mr./Ms./Dr./Sheikh: a form of address, not a role worth keeping."""
    return role.lower().rstrip(".") in {"mr", "ms", "mrs", "dr", "sheikh", "sheikha"}


def is_courtesy_name(role: str) -> bool:
    """A form of address that names a person alone as part of the name ("Sheikh Hasina")."""
    return role.lower() in {"sheikh", "sheikha"}


def family_name_first(tokens: list[str]) -> bool:
    """Is a name written family name first? Chinese and Korean names are.

    Korean given names come as two words ("Yoon Suk Yeol"), hyphenated
    ("Lee Jae-myung") or joined ("Moon Jaein"), after a short family name.
    """
    if len(tokens) == 3 and tokens[0] in KOREAN_SURNAMES:
        return all(t[1:].islower() and len(t) <= 5 for t in tokens[1:])
    if len(tokens) == 2 and tokens[0] in KOREAN_SURNAMES:
        return "-" in tokens[1] and tokens[1].replace("-", "")[1:].islower()
    if len(tokens) != 2 or tokens[0] not in CHINESE_SURNAMES:
        return False
    given = tokens[1]
    # Pinyin given names are lower case after the first letter ("Jinping", "Ching-te")
    # and short; Western given names after a Chinese-looking surname ("Ma Jack") are rare.
    return given[1:].replace("-", "").islower() and len(given) <= 9


for _o in OFFICIALS:
    if not _o.bare:
        continue
    BY_SURNAME.setdefault(_surname_of(_o.name), _o)
    # "Sisi said" for "Abdel Fattah al-Sisi": the article of an Arabic name is often dropped.
    BY_SURNAME.setdefault(re.sub(r"^[ae]l-", "", _surname_of(_o.name), flags=re.I), _o)
    # "Orban said" for "Viktor Orbán": copy often drops the accents.
    BY_SURNAME.setdefault("".join(c for c in unicodedata.normalize("NFKD", _surname_of(_o.name))
                                  if not unicodedata.combining(c)), _o)


# Given names that tell "she" where to look. Small on purpose: the pronoun
# fallback accepts anyone of unknown gender, this only ranks known women first.
_FEMALE_GIVEN = frozenset(
    """
    Janet Gina Kamala Katherine Karine Nancy Hillary Condoleezza Madeleine Linda Wendy Victoria
    Susan Samantha Jennifer Sarah Anne Ann Mary Elizabeth Liz Penny Ursula Giorgia Annalena
    Kristalina Melanie Christine Angela Theresa Jacinda Sanae Yoko Yoko Kaja Nirmala Sushma
    Smriti Meloni Marise Penelope Julie Julia Laura Lisa Maria Marie Emily Rachel Rebecca Kelly
    Michelle Avril Tulsi Kristi Pam Pamela Gabriel Lindsey Amy Elise Claudia Dilma Sheikh Hasina
    Tsai Hua Mao Hsiao Vivian Jessica Nikki Deb Jill Gretchen Kathy Helen Catherine Kate
    """.split()
) - {"Gabriel", "Sheikh", "Tsai", "Hua", "Mao", "Hsiao"}


# Men's given names ending in -a, common among officials.
_MALE_IN_A = frozenset("""
    Luca Andrea Nikola Nicola Mustafa Musa Joshua Ilya Nikita Sasha Kostya Jonah Elijah Isaiah
    Garcia Akira Hamza Osama Zakaria Zakariya Yahya Attila Costa Borja Jeremiah Aba Mirza
    Raja Krishna Rama Shiva Bima Dima Vanya Misha Zhenya Sergiu Kuba Saba Dawa
""".split())


def likely_female_given(given: str) -> bool:
    """A given name ending in -a that is not a known man's ("Lena", "Ewa", "Jana")."""
    return len(given) > 2 and given.endswith("a") and given not in _MALE_IN_A


def given_name_gender(given: str) -> str | None:
    """'f' for a given name in the short list above, else unknown."""
    return "f" if given in _FEMALE_GIVEN else None
