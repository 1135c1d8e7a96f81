from datetime import datetime, timedelta

from gaoku.core.signals import Access, account_findings

T0 = datetime(2026, 12, 5, 9, 0)


def _accesses(gaps_seconds, *, address="1.2.3.4", start=0):
    at, out = T0, []
    for i, gap in enumerate(gaps_seconds):
        at += timedelta(seconds=gap)
        out.append(Access(at=at, material=start + i, address=address, kind="download"))
    return out


def test_a_person_reading_a_few_materials_at_human_pace_is_not_flagged():
    gaps = [40, 300, 95, 610, 30, 1200, 260, 75, 900, 45, 380, 150, 700]
    assert account_findings(_accesses(gaps), published=range(100, 130)) == []


def test_a_script_at_fixed_intervals_is_flagged_with_its_run_as_evidence():
    found = account_findings(_accesses([60] * 20))
    assert [f.rule for f in found] == ["regular"]
    assert len(found[0].evidence) == 12 and "60 秒" in found[0].summary


def test_many_materials_within_minutes_is_a_burst():
    gaps = [20, 35, 15, 40, 22, 31, 18, 27, 44, 12, 33, 25, 19, 38, 21, 29]
    found = {f.rule: f for f in account_findings(_accesses(gaps))}
    assert "burst" in found and "份资料" in found["burst"].summary


def test_one_account_from_many_addresses_in_a_day():
    accesses = [
        Access(at=T0 + timedelta(hours=h), material=h, address=f"10.0.0.{h}", kind="view")
        for h in range(5)
    ]
    found = account_findings(accesses)
    assert [f.rule for f in found] == ["addresses"] and "5 个不同地址" in found[0].summary


def test_taking_every_new_material_is_flagged_only_with_enough_new_ones():
    taken = _accesses([3600 + 17 * i for i in range(10)], start=100)
    assert [f.rule for f in account_findings(taken, published=range(100, 110))] == ["every_new"]
    assert account_findings(taken[:5], published=range(100, 105)) == []


def test_devices_signed_out_by_newer_sign_ins_are_a_finding_from_two_on():
    replaced = [
        Access(at=T0 + timedelta(hours=h), material=0, address=f"10.0.1.{h}", kind="signin")
        for h in range(3)
    ]
    found = account_findings([], replaced=replaced)
    assert [f.rule for f in found] == ["devices"] and "3 台设备" in found[0].summary
    assert account_findings([], replaced=replaced[:1]) == []


TOPIC = list(range(200, 212))  # twelve materials of one topic, newest first


def _taken(order, gaps):
    at, out = T0, []
    for material, gap in zip(order, gaps, strict=True):
        at += timedelta(seconds=gap)
        out.append(Access(at=at, material=material, address="1.2.3.4", kind="download"))
    return out


def test_a_topic_taken_down_its_list_in_order_is_flagged_at_human_pace_too():
    gaps = [40, 300, 95, 610, 30, 1200, 260, 75, 900, 45, 380]  # no burst, nothing regular
    walked = _taken(TOPIC[:11], gaps)
    found = account_findings(walked, topics={"机关党建": TOPIC})
    assert [f.rule for f in found] == ["topic"]
    assert "机关党建" in found[0].summary and "11/12" in found[0].summary
    backwards = account_findings(_taken(TOPIC[::-1][:11], gaps), topics={"机关党建": TOPIC})
    assert [f.rule for f in backwards] == ["topic"]


def test_a_reader_who_picks_most_of_a_topic_in_their_own_order_is_not_flagged():
    picked = [TOPIC[i] for i in (3, 0, 7, 1, 10, 5, 2, 9, 4, 11)]
    gaps = [40, 300, 95, 610, 30, 1200, 260, 75, 900, 45]
    assert account_findings(_taken(picked, gaps), topics={"机关党建": TOPIC}) == []
    # Nor one who read the whole of a small topic in order.
    assert account_findings(_taken(TOPIC[:6], gaps[:6]), topics={"小专题": TOPIC[:6]}) == []
