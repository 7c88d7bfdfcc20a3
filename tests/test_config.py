"""Database configuration by the documented precedence, AWS SSM included (moto, no network)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from moto import mock_aws

from job_insights.config import ConfigError, Settings, resolve_database, ssm_parameter_name

SSM_URI = "postgresql://ssm_user:ssm-s3cret@db.internal:6543/workflow"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fake AWS credentials and a mocked SSM: nothing leaves the process."""
    for key, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_SESSION_TOKEN": "testing"}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with mock_aws():
        yield


def put_parameter(name: str, value: str, region: str = "eu-north-1") -> None:
    import boto3

    boto3.client("ssm", region_name=region).put_parameter(
        Name=name, Value=value, Type="SecureString")


def test_ssm_is_the_last_resort(aws: None) -> None:
    put_parameter("/dsw/mgr/db_uri-dev", SSM_URI)
    database = resolve_database({})
    assert (database.host, database.port, database.name, database.user, database.password) == (
        "db.internal", 6543, "workflow", "ssm_user", "ssm-s3cret")


def test_ssm_parameter_follows_building_mode_and_region(aws: None) -> None:
    put_parameter("/dsw/mgr/db_uri-prod", SSM_URI, region="eu-west-1")
    env = {"BUILDING_MODE": "prod", "AWS_REGION": "eu-west-1"}
    assert ssm_parameter_name(env) == "/dsw/mgr/db_uri-prod"
    assert resolve_database(env).host == "db.internal"


def test_a_missing_parameter_is_one_clear_error_without_secrets(aws: None) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_database({"BUILDING_MODE": "staging"})
    message = str(caught.value)
    assert "/dsw/mgr/db_uri-staging" in message and "ParameterNotFound" in message


def test_environment_wins_over_ssm(aws: None) -> None:
    put_parameter("/dsw/mgr/db_uri-dev", SSM_URI)
    assert resolve_database({"DB_HOST": "h", "DB_NAME": "n", "DB_USER": "u"}).host == "h"
    uri = "postgresql://a:b@uri-host/db"
    assert resolve_database({"DATABASE_URI": uri, "DB_HOST": "h", "DB_NAME": "n",
                             "DB_USER": "u"}).host == "uri-host"


def test_settings_for_postgres_read_ssm_and_hide_the_password(aws: None) -> None:
    put_parameter("/dsw/mgr/db_uri-dev", SSM_URI)
    settings = Settings.load(env={}, target="postgres")
    assert settings.database is not None
    assert "ssm-s3cret" not in str(settings.database)
    assert "ssm-s3cret" not in repr(settings)
    assert settings.dbt_env()["DB_PASSWORD"] == "ssm-s3cret"


@pytest.mark.parametrize(("env", "message"), [
    ({"DATABASE_URI": "mysql://x@y/z"}, "DATABASE_URI must look like"),
    ({"DB_HOST": "h", "DB_PORT": "x"}, "DB_PORT must be a number"),
    ({"DB_HOST": "h"}, "DB_NAME, DB_USER"),
])
def test_malformed_settings(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        resolve_database(env)
