"""Embeds (video, audio, an ``<iframe>``): which are ads, and what the note for one says.

``media_text`` is the note's text: the embed's own title, else what it is and whose
player it is (``YouTube video``, ``Acast audio``, ``Embedded content from
smartasset.com``). ``ad_frame`` tells an ad's frame (no note); ``holds_player`` tells a
figure around a video player that has not loaded. The element handlers that make media
units from these are in ``mapping``.
"""

from __future__ import annotations

import re

from itvreport.html.inline import WORD_PARTS, class_and_id, squash

_HOST = re.compile(r"^(?:https?:)?//([^/:?#]+)", re.IGNORECASE)
# Sub-domains that only say "this is the player": embed.acast.com is Acast.
_PLAYER_LABELS = frozenset({
    "www", "embed", "embeds", "player", "players", "vplayer", "e", "m", "w", "open", "video", "videos",
    "media", "cdn", "static", "widget", "widgets", "playlist",
})
PROVIDERS = {
    "youtube.com": "YouTube", "youtu.be": "YouTube", "youtube-nocookie.com": "YouTube", "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion", "twitch.tv": "Twitch", "tiktok.com": "TikTok", "facebook.com": "Facebook",
    "instagram.com": "Instagram", "twitter.com": "Twitter", "x.com": "X", "soundcloud.com": "SoundCloud",
    "spotify.com": "Spotify", "music.apple.com": "Apple Music", "podcasts.apple.com": "Apple Podcasts",
    "acast.com": "Acast", "brightcove.net": "Brightcove", "jwplayer.com": "JW Player", "jwplatform.com": "JW Player",
    "megaphone.fm": "Megaphone", "simplecast.com": "Simplecast", "omny.fm": "Omny", "libsyn.com": "Libsyn",
    "buzzsprout.com": "Buzzsprout", "podbean.com": "Podbean", "anchor.fm": "Anchor",
}
_VIDEO_HOST = re.compile(r"youtu|vimeo|dailymotion|twitch|tiktok|brightcove|jwp|video|player|vplayer|tv\b", re.IGNORECASE)
_AUDIO_HOST = re.compile(r"soundcloud|spotify|acast|music\.apple|podcasts?|anchor\.fm|megaphone|simplecast|omny|podbean|libsyn|buzzsprout|audio", re.IGNORECASE)
# Titles a site or a player gives every embed: they say nothing about this one.
_GENERIC_TITLE = re.compile(
    r"^(?:embedded |untitled )?(?:frame|iframe|content|embed|media|player|video|video player|audio|audio player|"
    r"advertisement|\w+ (?:video|audio|media) player|\w+ embed)$",
    re.IGNORECASE,
)


def _provider(host: str) -> str:
    """``embed.acast.com`` -> ``Acast``; an unknown host without its player sub-domains."""
    labels = host.lower().split(".")
    while len(labels) > 2 and labels[0] in _PLAYER_LABELS:
        labels.pop(0)
    host = ".".join(labels)
    for name, brand in PROVIDERS.items():
        if host == name or host.endswith("." + name):
            return brand
    return host


def media_text(element) -> str:
    """What the note for an embed says (``media_note`` rule): its own title, else what it is
    and whose player it is (``YouTube video``, ``Acast audio``, ``Embedded content from
    smartasset.com``); a title every embed gets (``Embedded Frame``, ``YouTube video player``)
    is no title, and a note is never a bare URL."""
    title = squash(element.get("title") or element.get("aria-label") or element.get("data-title") or "")
    if title and not _GENERIC_TITLE.match(title) and not _URL_TEXT.match(title):
        return title
    source = element.get("src") or element.get("data-src") or ""
    if not source:
        for node in element.iter("source"):
            source = node.get("src") or ""
            break
    host = _HOST.match(source)
    tag = element.tag
    if tag == "audio" or (host and _AUDIO_HOST.search(source)):
        kind = "audio"
    elif "video" in tag or "youtube" in tag or (host and _VIDEO_HOST.search(host.group(1))):
        kind = "video"
    else:
        kind = None
    if not host:
        return f"Untitled {kind}" if kind else "Embedded content"
    provider = _provider(host.group(1))
    return f"{provider} {kind}" if kind else f"Embedded content from {provider}"


# A title that is only an address.
_URL_TEXT = re.compile(r"^(?:https?:)?//|^www\.|^\S+\.(?:com|org|net|html?)(?:/\S*)?$", re.IGNORECASE)


_AD_FRAME = re.compile(r"doubleclick|googlesyndication|adservice|amazon-adsystem|/ads?/|adnxs|taboola|outbrain|facebook\.com/plugins/like|google\.com/recaptcha", re.IGNORECASE)


def ad_frame(element) -> bool:
    """An embed that is an ad, a like button or a captcha (its address or its class names one):
    it gets no note."""
    source = element.get("src") or element.get("data-src") or ""
    return bool(_AD_FRAME.search(source) or _AD_FRAME.search(class_and_id(element)))


_PLAYER_PARTS = frozenset({"player", "videoplayer", "mediaplayer"})


def holds_player(figure) -> bool:
    """A figure around a video player that has not loaded (its class names a player)."""
    for count, node in enumerate(figure.iter()):
        if count > 60:
            break
        classes = node.get("class") if isinstance(node.tag, str) else None
        if classes and "player" in classes.lower() and not _PLAYER_PARTS.isdisjoint(
            part.lower() for word in classes.split() for part in WORD_PARTS.findall(word)
        ):
            return True
    return False
