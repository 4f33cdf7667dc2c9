"""Media on S3-compatible storage, against a real S3 server on loopback (moto in server mode):
a document saved by one process lands in the bucket, and the hub (gunicorn, another process,
no shared disk) serves it back from there."""

from __future__ import annotations

import sys

import boto3
import pytest
import requests

from tests.scaleout import engines

pytestmark = pytest.mark.scaleout

BUCKET = "hub-media-scaleout"
BODY = "Referral checklist, kept in the bucket.\n"


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    port = engines.free_port()
    argv = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with engines.process(argv, env=engines.hub_env(), log=log):
        url = f"http://127.0.0.1:{port}"
        engines.wait_for(lambda: requests.get(url, timeout=2).ok, "the S3 server")
        yield url


def test_a_document_is_stored_in_the_bucket_and_served_by_another_process(
    pg_pair, s3_server, static_root, tmp_path
):
    primary, _ = pg_pair
    credentials = {"aws_access_key_id": "scaleout", "aws_secret_access_key": "scaleout-secret"}
    s3 = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2", **credentials)
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    env = engines.hub_env(
        DATABASE_URL=primary.url,
        STATIC_ROOT=str(static_root),
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_ACCESS_KEY_ID=credentials["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=credentials["aws_secret_access_key"],
        MEDIA_ROOT=str(tmp_path / "no-media-here"),
    )
    out = engines.python(
        "from django.core.files.base import ContentFile\n"
        "from wagtail.documents import get_document_model\n"
        "doc = get_document_model()(title='Referral checklist')\n"
        f"doc.file.save('referral-checklist.txt', ContentFile({BODY!r}.encode()), save=True)\n"
        "print(doc.pk, doc.file.name, doc.url)\n",
        env=env,
    )
    pk, name, url = out.split()
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert keys == [name]
    assert s3.get_object(Bucket=BUCKET, Key=name)["Body"].read().decode() == BODY
    assert not (tmp_path / "no-media-here").exists()  # nothing went to a local disk

    with engines.hub_server(env, tmp_path / "gunicorn.log") as base:
        response = requests.get(base + url, timeout=10)
    assert response.status_code == 200, response.text[:1000]
    assert response.text == BODY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
