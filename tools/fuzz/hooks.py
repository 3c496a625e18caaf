"""Schemathesis hooks for Vettify: a check that no answer ever shows another tenant's data.

VETTIFY_FUZZ_FOREIGN_MARKERS holds, comma-separated, the ids and a marker string of rows that belong to the other
tenant (created by fuzz.py before the run). They must never appear in an answer to this tenant's token.
"""
import os

import schemathesis

FOREIGN_MARKERS = [m for m in os.environ.get("VETTIFY_FUZZ_FOREIGN_MARKERS", "").split(",") if m]


@schemathesis.check
def no_foreign_tenant_data(ctx, response, case):
    # Answers may be binary (attachments, PDF reports): the markers are ASCII, so bytes decoded leniently suffice.
    text = response.content.decode("utf-8", errors="replace") if response.content else ""
    leaked = [marker for marker in FOREIGN_MARKERS if marker in text]
    if leaked:
        raise AssertionError(f"the answer shows data of another tenant: {', '.join(leaked[:3])}")
