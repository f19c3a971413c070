from django.http import HttpResponse
from django.test import RequestFactory

from loa.core.ratelimit import ratelimit


def test_ratelimit_refuses_after_limit_with_vietnamese_message():
    @ratelimit("test-form", limit=2, window_seconds=60)
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    codes = [view(factory.post("/", REMOTE_ADDR="10.0.0.9")).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = view(factory.post("/", REMOTE_ADDR="10.0.0.9"))
    assert "quá nhiều" in refused.content.decode() and refused["Retry-After"] == "60"
    assert view(factory.post("/", REMOTE_ADDR="10.0.0.10")).status_code == 200
    assert view(factory.get("/", REMOTE_ADDR="10.0.0.9")).status_code == 200
