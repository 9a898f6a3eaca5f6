"""``WalletClient`` endpoints and request hygiene against the emulator over loopback HTTP."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from wallet_gui import __version__
from wallet_gui.api import Configuration, CurrencyBalance, MacAuth, WalletClient, WalletError
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


def test_server_time_is_the_emulators_whole_second_clock(client: WalletClient) -> None:
    before = math.floor(time.time())
    server_time = client.server_time()
    after = math.floor(time.time())
    assert isinstance(server_time, int)
    assert before <= server_time <= after


def test_server_time_follows_the_emulators_offset() -> None:
    with Sandbox(offset=-3600.0) as sandbox, WalletClient(sandbox.url) as api:
        before = math.floor(time.time() - 3600)
        server_time = api.server_time()
        after = math.floor(time.time() - 3600)
    assert before <= server_time <= after


def test_server_time_sample_is_timed_and_fresh(client: WalletClient) -> None:
    sample = client.server_time_sample()
    assert sample.sent < sample.received
    assert sample.rtt > 0
    assert sample.cached is False
    # wall_offset maps the monotonic send time back to (roughly) the wall clock.
    assert abs(sample.sent + sample.wall_offset - time.time()) < 5


def test_server_time_sample_with_age_header_is_marked_cached(
    client: WalletClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add("cached")
    sample = client.server_time_sample()
    assert sample.cached is True
    assert sample.server_time <= math.floor(time.time()) - 99


def test_configuration_keeps_unknown_keys(client: WalletClient) -> None:
    config = client.configuration()
    assert isinstance(config, Configuration)
    assert config.minimum_password_length == 8
    assert isinstance(config.raw, dict)
    assert config.raw["sandbox_notice"] == "served by the wallet-gui emulator"
    key = "bank_transfer_urgent_option_availability_beneficiary_account_regexp"
    assert config.raw[key] == "^LT[0-9]{18}$"


def test_configuration_without_password_length_gives_none(
    client: WalletClient, sandbox: Sandbox
) -> None:
    del sandbox.configuration["minimum_password_length"]
    config = client.configuration()
    assert config.minimum_password_length is None
    assert "sandbox_notice" in config.raw


def test_wallet_is_parsed(client: WalletClient) -> None:
    wallet = client.wallet(14471)
    assert wallet.id == 14471
    assert wallet.owner == 2001
    assert wallet.account_number == "EVP0010001000101"
    assert wallet.display_name == "Jonas Jonaitis"
    assert wallet.raw["account"]["ibans"] == ["LT123500010001000101"]


def test_sparse_wallet_has_no_display_name(client: WalletClient) -> None:
    wallet = client.wallet(30003)
    assert wallet.id == 30003
    assert wallet.account_number == "EVP0030003000303"
    assert wallet.display_name is None


def test_wallet_id_given_as_text_works(client: WalletClient, sandbox: Sandbox) -> None:
    assert client.wallet(" 20002 ").id == 20002
    assert sandbox.records[-1].path == "/rest/v1/wallet/20002"


def test_balance_is_exact_decimal_from_decimal_strings(client: WalletClient) -> None:
    balances = client.wallet_balance(14471)
    assert set(balances) == {"EUR", "USD"}
    eur = balances["EUR"]
    assert isinstance(eur, CurrencyBalance)
    assert eur.currency == "EUR"
    assert type(eur.at_disposal) is Decimal
    assert str(eur.at_disposal) == "22.99"
    assert str(eur.reserved) == "0.00"
    assert balances["USD"].total == Decimal("99.00")
    assert eur.converted is None


def test_balance_from_minor_units_uses_the_iso_exponent(
    client: WalletClient, sandbox: Sandbox
) -> None:
    sandbox.balances[20002]["JPY"] = {"at_disposal": 15000, "reserved": 7}
    sandbox.balances[20002]["GBP"] = {"at_disposal": 4210}
    sandbox.balances[30003]["KWD"] = {"at_disposal": 3250, "reserved": 1}
    jpy = client.wallet_balance(20002)["JPY"]
    gbp = client.wallet_balance(20002)["GBP"]
    kwd = client.wallet_balance(30003)["KWD"]
    assert str(jpy.at_disposal) == "15000"
    assert str(jpy.reserved) == "7"
    assert str(gbp.at_disposal) == "42.10"
    assert gbp.reserved is None
    assert str(kwd.at_disposal) == "3.250"
    assert str(kwd.reserved) == "0.001"


def test_sparse_balance_leaves_absent_amounts_none(client: WalletClient) -> None:
    balances = client.wallet_balance(30003)
    assert str(balances["EUR"].at_disposal) == "10.05"
    assert balances["EUR"].reserved is None
    assert str(balances["KWD"].at_disposal) == "3.250"
    assert balances["KWD"].reserved is None


def test_balance_with_convert_to_keeps_converted_amounts(
    client: WalletClient, sandbox: Sandbox
) -> None:
    balances = client.wallet_balance(14471, convert_to="EUR")
    assert sandbox.records[-1].query == {"convert_to": ["EUR"]}
    assert sandbox.records[-1].status == 200
    usd = balances["USD"].converted
    assert usd is not None
    assert usd.currency == "EUR"
    assert usd.at_disposal == Decimal("0.92")  # 100 US cents at the demo rate 0.92
    assert usd.reserved == Decimal("90.16")
    assert balances["EUR"].converted is not None
    assert balances["EUR"].converted.at_disposal == Decimal("22.99")


def test_client_info(client: WalletClient, sandbox: Sandbox) -> None:
    info = client.client_info()
    assert info.title == "Demo monitoring client"
    assert info.type == "private_client"
    assert info.permissions == ("show_wallet", "show_wallet_balance")
    assert sandbox.records[-1].client_id == DEMO_CLIENT_ID


def test_every_request_carries_user_agent_and_no_store(
    client: WalletClient, sandbox: Sandbox
) -> None:
    client.server_time()
    client.configuration()
    client.wallet(14471)
    client.wallet_balance(14471)
    client.client_info()
    assert len(sandbox.records) == 5
    for record in sandbox.records:
        assert record.headers["User-Agent"] == f"wallet-gui/{__version__}"
        assert record.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("suffix", ["", "/", "//"])
def test_paths_are_joined_under_the_base_url(
    sandbox: Sandbox, mac_auth: MacAuth, suffix: str
) -> None:
    with WalletClient(sandbox.url + suffix, mac_auth) as api:
        api.server_time()
        api.wallet_balance(14471)
    assert [r.path for r in sandbox.records] == [
        "/rest/v1/server",
        "/rest/v1/wallet/14471/balance",
    ]
    assert all(r.status == 200 for r in sandbox.records)


def test_unsigned_endpoints_send_no_authorization_even_with_auth(
    client: WalletClient, sandbox: Sandbox
) -> None:
    client.server_time()
    client.configuration()
    client.wallet(14471)
    server, configuration, wallet = sandbox.records
    assert "Authorization" not in server.headers
    assert "Authorization" not in configuration.headers
    assert wallet.headers["Authorization"].startswith("MAC ")


def test_unsigned_endpoints_do_not_consume_the_rate_budget(sandbox: Sandbox) -> None:
    with WalletClient(sandbox.url) as api:
        for _ in range(70):
            api.server_time()
    assert all(r.status == 200 for r in sandbox.records)


def test_signed_request_without_auth_is_a_wallet_error_and_sends_nothing(
    sandbox: Sandbox, assert_clean: Callable[..., None]
) -> None:
    with WalletClient(sandbox.url) as api:
        for call in (lambda: api.wallet(14471), api.client_info, lambda: api.wallet_balance(1)):
            with pytest.raises(WalletError) as caught:
                call()
            assert_clean(caught.value)
    assert sandbox.records == []


@pytest.mark.parametrize("wallet_id", ["", "   "])
def test_empty_wallet_id_is_a_wallet_error(client: WalletClient, wallet_id: str) -> None:
    with pytest.raises(WalletError):
        client.wallet(wallet_id)


def test_wallet_id_cannot_escape_its_path_segment(client: WalletClient, sandbox: Sandbox) -> None:
    with pytest.raises(WalletError):
        client.wallet("../client")
    assert sandbox.records == []  # refused before anything is sent (it used to go out escaped)


def test_tls_verification_is_never_switched_off(sandbox: Sandbox, tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("")
    with (
        WalletClient(sandbox.url) as plain,
        WalletClient(sandbox.url, ca_bundle=str(bundle)) as own,
    ):
        assert plain.session.verify is True
        assert own.session.verify == str(bundle)
