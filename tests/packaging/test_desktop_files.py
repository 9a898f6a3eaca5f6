"""The desktop entry and the AppStream metainfo: valid by the reference tools, and consistent
with the application id, the version and the files they point at."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.packaging.conftest import DESKTOP_TOOLS, REPO, require_tool, run
from wallet_gui import __version__
from wallet_gui.core.app_identity import APP_ID, desktop_entry_path, metainfo_path

PACKAGING = REPO / "packaging" / "linux"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(metainfo_path()).getroot()


def test_desktop_file_validate_accepts_the_entry() -> None:
    tool = require_tool("desktop-file-validate", DESKTOP_TOOLS)
    result = run([tool, str(desktop_entry_path())])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_appstreamcli_accepts_the_metainfo() -> None:
    tool = require_tool("appstreamcli", DESKTOP_TOOLS)
    result = run([tool, "validate", "--no-net", "--explain", str(metainfo_path())])
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_packaging_folder_holds_the_shipped_files_themselves() -> None:
    """packaging/linux is where packagers look; the package ships the same bytes."""
    for shipped in (desktop_entry_path(), metainfo_path()):
        assert (PACKAGING / shipped.name).read_bytes() == shipped.read_bytes()


def test_everything_is_named_after_the_one_application_id() -> None:
    assert re.fullmatch(r"[a-z]+(\.[a-z0-9]+)+\.[A-Za-z][A-Za-z0-9]*", APP_ID)
    assert desktop_entry_path().name == f"{APP_ID}.desktop"
    entry = _entry(desktop_entry_path())
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "wallet-gui"  # install-desktop names the installation's path
    root = _metainfo()
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"


def test_the_newest_release_is_this_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__


def test_licences_summary_and_content_rating_are_declared() -> None:
    root = _metainfo()
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert (root.findtext("summary") or "").strip()
    assert root.find("content_rating") is not None
    assert root.find("url[@type='homepage']") is not None


def test_every_screenshot_is_a_picture_in_the_repository() -> None:
    images = [image.text or "" for image in _metainfo().iter("image")]
    assert images
    for url in images:
        match = re.fullmatch(r"https://raw\.githubusercontent\.com/[^/]+/[^/]+/main/(.+)", url)
        assert match, url
        picture = REPO / match.group(1)
        assert picture.is_file(), f"{url} names {picture}, which is not in the repository"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_entry_speaks_the_languages_of_the_window() -> None:
    entry = _entry(desktop_entry_path())
    for language in ("lt", "ru"):
        assert entry[f"Name[{language}]"]
        assert entry[f"Comment[{language}]"]
    names = {
        name.get("{http://www.w3.org/XML/1998/namespace}lang") for name in _metainfo().iter("name")
    }
    assert {None, "lt", "ru"} <= names


def _window_title_in(language: str) -> str:
    """How the window's translations say "Wallet monitor" (its title and About's name)."""
    catalogue = REPO / "wallet_gui" / "translations" / f"wallet_gui_{language}.ts"
    for message in ET.parse(catalogue).getroot().iter("message"):
        if message.findtext("source") == "Wallet monitor":
            return message.findtext("translation") or ""
    raise AssertionError(f"{catalogue.name} does not translate 'Wallet monitor'")


def test_the_menu_names_the_app_as_its_translated_window_does() -> None:
    entry = _entry(desktop_entry_path())
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    metainfo_names = {name.get(lang): name.text for name in _metainfo().iter("name")}
    assert entry["Name"] == metainfo_names[None] == "Wallet monitor"
    for language in ("lt", "ru"):
        title = _window_title_in(language)
        assert entry[f"Name[{language}]"] == metainfo_names[language] == title
