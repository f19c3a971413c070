from loa.bench.commands import merge, render, sections


def test_partial_run_replaces_its_section_and_keeps_the_others():
    before = render({"ingest": {"articles_per_s": 20.0}, "search": {"p95_ms": 10.9}})

    after = merge(before, {"ingest": {"articles_per_s": 120.0}, "zeta": {"ok": True}})

    found = sections(after)
    assert list(found) == ["ingest", "search", "zeta"]
    assert "| articles_per_s | 120 |" in found["ingest"]
    assert "| articles_per_s | 20 |" not in found["ingest"]
    assert found["search"] == sections(before)["search"]
    assert after.startswith("# Benchmarks\n")


def test_merge_into_no_report_renders_the_fresh_results():
    assert list(sections(merge("", {"text": {"mb_per_s": 9.5}}))) == ["text"]
