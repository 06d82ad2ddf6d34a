"""Schemathesis against the OpenAPI schema, in-process on the ASGI app: no input gives a server error.

Cases come from schemathesis' strategies per operation, driven by Hypothesis directly (its pytest
plugin does not load under this pytest); 15 examples per operation keep the run well under 2 minutes.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from api.main import create_app
from waspada.settings import ApiSettings

EXAMPLES = 15


@pytest.fixture(scope="module")
def fuzz_app(module_settings, module_keys, seeded_module):
    app = create_app(module_settings.model_copy(update={"api": ApiSettings(rate_limit_per_minute=0)}))
    app.state.fuzz_key = module_keys["admin"]
    return app


def test_no_input_gives_a_server_error(fuzz_app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    tried = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            response = case.call(headers={"X-API-Key": fuzz_app.state.fuzz_key})
            assert response.status_code < 500, (case.method, case.path, case.path_parameters, case.query,
                                                response.status_code, response.text[:300])
            case.validate_response(response, checks=[schemathesis.checks.not_a_server_error])
            tried.append(response.status_code)

        run()
    assert any(200 <= code < 300 for code in tried)
