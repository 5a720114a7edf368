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
    __slots__ = ("headline", "date", "byline", "body", "site", "title")
    _fields = __slots__
    _defaults = {"headline": None, "date": None, "byline": None, "body": None, "site": None, "title": None}


def one_line(text) -> str:
    """Whitespace collapsed, terminal-unsafe characters out."""
    if not isinstance(text, str):
        return ""
    return " ".join(clean_text(text).split())


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


def join_names(names) -> str | None:
    names = [one_line(name) for name in names]
    names = [name for name in dict.fromkeys(names) if name and not _URL.match(name) and len(name) <= 80]
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

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]{1,2}\s+")


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
    if len(parts[-1].split()) <= 4:
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»")
    if len(parts[0].split()) <= 3 and len(parts[0]) < len(parts[1]):
        return title[len(parts[0]):].lstrip(" |-–—:·•»")
    return title


def _title_text(root) -> str | None:
    for count, element in enumerate(root.iter("title")):
        if count > 3:
            break
        text = one_line(element.text_content())
        if text:
            return text
    return None


def first_h1(root) -> str | None:
    for count, element in enumerate(root.iter("h1")):
        if count > 20:
            break
        text = one_line(element.text_content())
        if text:
            return text
    return None


def _time_datetime(root) -> str | None:
    for count, element in enumerate(root.iter("time")):
        if count > 20:
            break
        date = iso_date(element.get("datetime"))
        if date:
            return date
    return None


# --- together ------------------------------------------------------------------------------


def _pick_headline(declared, h1):
    """The declared headline, unless the page's ``<h1>`` is the full form of a cut one."""
    if declared and h1:
        stem = declared.rstrip(".… ")
        if len(h1) > len(declared) and h1.startswith(stem) and len(stem) >= 20:
            return h1
    return declared or h1


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

    declared = one_line(ld.get("headline")) or one_line(_first(tags, _HEADLINE_KEYS))
    if declared:
        declared = title_without_site(declared, site)
    elif title:
        declared = title_without_site(title, site)
    headline = _pick_headline(declared or None, h1)

    date = iso_date(ld.get("datePublished")) or iso_date(_first(tags, _DATE_KEYS)) or _time_datetime(root)
    byline = join_names(_names(ld.get("author")))
    if byline is None:
        author = _first(tags, _AUTHOR_KEYS)
        if author and not _URL.match(author.strip()):
            byline = join_names([re.sub(r"^\s*by\s+", "", author, flags=re.IGNORECASE)])
    body = ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None
    return Meta(headline=headline, date=date, byline=byline, body=body, site=site, title=title)
