"""Profile names: a copy's name, and a name that another profile already has."""

from __future__ import annotations

from dataclasses import replace

from wallet_gui.core.connection import AUTH_MAC
from wallet_gui.core.profile_form import ProfileForm, duplicate_name


def test_a_copy_is_named_after_its_original() -> None:
    assert duplicate_name("shop", ["shop"]) == "shop (copy)"
    assert duplicate_name("shop", ["shop", "shop (copy)"]) == "shop (copy 2)"
    assert duplicate_name("shop", ["shop", "shop (copy)", "shop (copy 2)"]) == "shop (copy 3)"


def test_a_copy_of_a_copy_does_not_pile_up_suffixes() -> None:
    taken = ["shop", "shop (copy)"]

    assert duplicate_name("shop (copy)", taken) == "shop (copy 2)"
    assert duplicate_name("shop (copy 7)", [*taken, "shop (copy 7)"]) == "shop (copy 2)"


def test_a_name_that_only_looks_like_a_copy_is_kept_whole() -> None:
    assert duplicate_name("(copy)", ["(copy)"]) == "(copy) (copy)"


FORM = ProfileForm(
    profile="shop",
    base_url="https://wallet.paysera.com/rest/v1",
    auth_method=AUTH_MAC,
    client_id="client-1",
    has_secret=True,
)


def test_a_name_another_profile_has_cannot_be_saved() -> None:
    taken = replace(FORM, taken_names=frozenset({"shop", "test"}))

    assert taken.validation_error() == "Another profile already has this name."
    assert taken.connection_error() is None  # testing the connection does not need a name


def test_surrounding_blanks_do_not_make_a_taken_name_new() -> None:
    spaced = replace(FORM, profile="  shop ", taken_names=frozenset({"shop"}))

    assert spaced.validation_error() == "Another profile already has this name."


def test_free_names_are_fine() -> None:
    assert replace(FORM, taken_names=frozenset({"other"})).validation_error() is None
