"""Metadata a page declares about itself: headline, date, byline, declared body.

Sources, most trusted first (each field is taken from the first that has it):

1. JSON-LD (``<script type="application/ld+json">``): the ``NewsArticle``/
   ``Article`` object's ``headline``, ``datePublished``, ``author`` and
   ``articleBody``;
2. OpenGraph and other ``<meta>`` tags (``og:title``, ``article:published_time``,
   ``author``, ...);
3. ``<title>`` with the site's name taken off;
4. the page's ``<h1>`` and ``<time datetime>`` elements.

The byline may still come from the body later (a ``By Jane Doe`` paragraph).
"""

from __future__ import annotations

import html
import json
import re

from itvreport.model import _Record
from itvreport.read import clean_text

MAX_JSON_LD = 2_000_000   # characters of JSON-LD read per script
MAX_SCRIPTS = 30          # JSON-LD scripts read per page
MAX_JSON_DEPTH = 8        # how deep article objects are looked for

ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
    "liveblogposting", "techarticle", "report", "socialmediaposting", "scholarlyarticle",
    "medicalscholarlyarticle", "advertisercontentarticle", "satiricalarticle", "review",
})


class Meta(_Record):
    __slots__ = ("headline", "date", "byline", "body", "site", "title", "h1")
    _fields = __slots__
    _defaults = {"headline": None, "date": None, "byline": None, "body": None, "site": None, "title": None, "h1": None}


# An entity written out in a declared value: the site escaped its text twice
# (``&#8216;The Medium&#8217;``, ``this&nbsp;game``). A bare ``&`` (``PG&E``) is not one.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def declared_entities(text: str) -> str:
    """``&#8216;Hello&#8217;`` -> ``‘Hello’``: entities a page escaped twice in its metadata."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda match: html.unescape(match.group(0)), text)


def one_line(text) -> str:
    """Whitespace collapsed, entities the site escaped twice decoded, terminal-unsafe characters out."""
    if not isinstance(text, str):
        return ""
    return " ".join(clean_text(declared_entities(text)).split())


# --- JSON-LD --------------------------------------------------------------------------


def _json_objects(root):
    for count, script in enumerate(root.iter("script")):
        if count > 400:
            break
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        text = (script.text or "").strip()
        if not text or len(text) > MAX_JSON_LD:
            continue
        try:
            yield json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue


def _types(item) -> set:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {value.lower().rsplit("/", 1)[-1] for value in kinds if isinstance(value, str)}


def article_objects(root) -> list[dict]:
    """Every JSON-LD object typed as an article, in page order."""
    found = []
    scripts = 0
    for data in _json_objects(root):
        scripts += 1
        if scripts > MAX_SCRIPTS:
            break
        stack = [(data, 0)]
        while stack:
            item, depth = stack.pop(0)
            if depth > MAX_JSON_DEPTH:
                continue
            if isinstance(item, list):
                stack[:0] = [(value, depth + 1) for value in item[:50]]
            elif isinstance(item, dict):
                if _types(item) & ARTICLE_TYPES:
                    found.append(item)
                for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
                    if isinstance(item.get(key), (list, dict)):
                        stack.append((item[key], depth + 1))
    return found


def _names(value, depth=0) -> list[str]:
    """Author names from a JSON-LD ``author``: a string, an object or a list of them."""
    if depth > 3:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"), depth + 1)
    if isinstance(value, list):
        return [name for item in value[:10] for name in _names(item, depth + 1)]
    return []


# --- bylines: the person's name only -------------------------------------------------------

# "By ", "Analysis by ", "Written by: ": the word before the name.
_BY_PREFIX = re.compile(r"^(?:[A-Za-z]+\s+){0,2}?by\s*:?\s+(?=\S)", re.IGNORECASE)
# What follows the name: "| NJ Advance Media", " - Coordination", "Finian Cunningham. Sputnik".
_AFTER_NAME = re.compile(r"\s+[|–—-]\s+|(?<=[a-z]{2})\.\s+(?=[A-Z])")
_JOINER = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|[a-z]{1,3}|\w\.)$")  # "Jane", "O'Neil", "van", "J."
_LETTERS = re.compile(r"[^\W\d_]+")


def _name_shaped(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(word) for word in words)


def _title_case_capitals(name: str) -> str:
    """``TOM KRISHER`` -> ``Tom Krisher``; a name with any small letters, or a single word, is left as written."""
    words = [word for part in _JOINER.split(name) for word in part.split()]
    if len(words) < 2 or any(letter.islower() for word in words for letter in word):
        return name  # written in small letters, or one word in capitals (``PTI``, ``RT``): an acronym
    parts = _JOINER.split(name)
    cased = [_LETTERS.sub(lambda match: match.group(0)[0] + match.group(0)[1:].lower(), part) for part in parts]
    return " and ".join(cased)


def byline_name(raw: str) -> str | None:
    """The name(s) in a declared byline, nothing else (``byline_name`` rule):

    * a leading ``By`` (``Analysis by``, ``Written by:``) goes;
    * what follows the name after ``|``, a spaced dash or a full stop goes
      (``Amy Kuperinsky | NJ Advance Media``), and so does a job title, agency or
      degree after a comma (``TOM KRISHER, AP Auto Writer``, ``Jill Disis, CNN
      Business``, ``Ilana Muhlstein, MS, RDN``), unless the commas list names
      (``Ann Lee, Bo Park and Cy Diaz``);
    * a name in capitals is title-cased (``TOM KRISHER`` -> ``Tom Krisher``);
    * a social handle (``@usatoday``) or a login (``admin``) is not a name: None.
    """
    text = one_line(raw)
    if not text or _URL.match(text):
        return None
    text = _BY_PREFIX.sub("", text, count=1)
    text = _AFTER_NAME.split(text, maxsplit=1)[0].strip()
    if "," in text:
        parts = [part.strip() for part in text.split(",")]
        listed = _JOINER.search(parts[-1]) and all(_name_shaped(name) for part in parts for name in _JOINER.split(part))
        text = ", ".join(parts) if listed else parts[0]
    text = text.strip(" ,;:|-–—")
    if not text or text.startswith("@") or (" " not in text and not any(ch.isupper() for ch in text)):
        return None
    if len(text) > 80:
        return None
    return _title_case_capitals(text)


def join_names(names) -> str | None:
    names = [byline_name(name) for name in names if isinstance(name, str)]
    names = [name for name in dict.fromkeys(names) if name]
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- dates ------------------------------------------------------------------------------

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)


def iso_date(value) -> str | None:
    """``2019-11-20T10:00:00Z`` -> ``2019-11-20``; anything not a real date -> None."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return match.group(0).strip()


# --- <meta> tags -------------------------------------------------------------------------

_HEADLINE_KEYS = ("og:title", "twitter:title", "headline", "dc.title")
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "date",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "og:published_time",
)
_AUTHOR_KEYS = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "twitter:creator")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")


def meta_tags(root) -> dict:
    """``{name or property (lower case): content}``, the first of each, from the whole page."""
    tags = {}
    for count, element in enumerate(root.iter("meta")):
        if count > 2000:
            break
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    return tags


def _first(tags, keys):
    for key in keys:
        if tags.get(key):
            return tags[key]
    return None


# --- title ----------------------------------------------------------------------------------

# " | ", " - ", " — "...; a bare "|" or "｜"; "_" between CJK characters ("标题_新华网").
_TITLE_SEPARATORS = re.compile(
    r"\s+[|\-–—:·•»]{1,2}\s+|\s*[|｜]\s*|(?<=[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef])\s*[_－]\s*(?=\S)"
)


def title_without_site(title: str, site: str | None) -> str:
    """``Headline | The Site`` -> ``Headline``: a short last (or first) part naming the site goes."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    folded_site = site.casefold() if site else None
    if folded_site:
        kept = [part for part in parts if part.casefold() != folded_site]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    if _words(parts[-1]) <= 4:
        return title[: title.rfind(parts[-1])].rstrip(_SEPARATOR_CHARS)
    if _words(parts[0]) <= 3 and (len(parts[0]) < len(parts[1]) or _words(parts[0]) < _words(parts[1])):
        return title[len(parts[0]):].lstrip(_SEPARATOR_CHARS)
    return title


_SEPARATOR_CHARS = " |-–—:·•»｜_－"
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _words(text: str) -> int:
    """Words of a title part; two CJK characters count as one (those scripts put no spaces)."""
    return len(text.split()) + len(_WIDE.findall(text)) // 2


def _first_element_value(root, tag: str, limit: int, read):
    """``read(element)`` of the first of the first ``limit`` + 1 ``tag`` elements that gives a value."""
    for count, element in enumerate(root.iter(tag)):
        if count > limit:
            break
        value = read(element)
        if value:
            return value
    return None


def _title_text(root) -> str | None:
    return _first_element_value(root, "title", 3, lambda element: one_line(element.text_content()))


def first_h1(root) -> str | None:
    return _first_element_value(root, "h1", 20, lambda element: one_line(element.text_content()))


def _time_datetime(root) -> str | None:
    return _first_element_value(root, "time", 20, lambda element: iso_date(element.get("datetime")))


def _author_link(root) -> str | None:
    """The text of the page's first ``rel="author"`` link that reads as a name."""
    return _first_element_value(root, "a", 3000, _author_name)


def _author_name(element) -> str | None:
    if "author" not in (element.get("rel") or "").lower().split():
        return None
    name = byline_name(element.text_content())
    return name if name and _name_shaped(name.replace(" and ", " ")) else None


def declared_byline(root, tags) -> str | None:
    """Author ``<meta>`` tags in order (the first that holds a name), then the page's
    ``rel="author"`` link; a ``twitter:creator`` handle is never a name."""
    for key in _AUTHOR_KEYS:
        value = tags.get(key)
        if value and (name := join_names([value])):
            return name
    return _author_link(root)


# --- together ------------------------------------------------------------------------------


def _pick_headline(declared, h1):
    """The declared headline, unless the page's ``<h1>`` is the full form of a cut one."""
    if declared and h1:
        stem = declared.rstrip(".… ")
        if len(h1) > len(declared) and h1.startswith(stem) and len(stem) >= 20:
            return h1
    return declared or h1


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def agrees(one: str | None, other: str | None) -> bool:
    """Two titles name the same thing: one's words hold the other's (``Library reopens`` and
    ``Library reopens | The Gazette``)."""
    if not one or not other:
        return False
    a, b = _fold(one), _fold(other)
    return bool(a and b) and (a in b or b in a)


def shown_headline(ld_headline, og, title, h1):
    """A JSON-LD ``headline`` that neither the page's ``<h1>`` nor its OpenGraph title or
    ``<title>`` says is not the article's headline (``generic_headline`` rule): a type label
    (``Wikimedia list article``), a description, a section name. It is set aside when the page
    shows an ``<h1>`` or an OpenGraph title to take instead."""
    if not ld_headline or not (h1 or og):
        return ld_headline
    if any(agrees(ld_headline, shown) for shown in (h1, og, title)):
        return ld_headline
    return None


def read_meta(root) -> Meta:
    """What the page declares about its article (call before chrome is pruned)."""
    objects = article_objects(root)
    ld = {}
    for item in objects:  # the first article object with a body wins; else the first one
        if isinstance(item.get("articleBody"), str) and item["articleBody"].strip():
            ld = item
            break
    if not ld and objects:
        ld = objects[0]
    tags = meta_tags(root)
    site = one_line(_first(tags, _SITE_KEYS)) or None
    title = _title_text(root)
    h1 = first_h1(root)

    og = one_line(_first(tags, _HEADLINE_KEYS))
    declared = shown_headline(one_line(ld.get("headline")), og, title, h1) or og
    if declared:
        declared = title_without_site(declared, site)
    elif title:
        declared = title_without_site(title, site)
    headline = _pick_headline(declared or None, h1)

    date = iso_date(ld.get("datePublished")) or iso_date(_first(tags, _DATE_KEYS)) or _time_datetime(root)
    byline = join_names(_names(ld.get("author"))) or declared_byline(root, tags)
    body = ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None
    return Meta(headline=headline, date=date, byline=byline, body=body, site=site, title=title, h1=h1)
