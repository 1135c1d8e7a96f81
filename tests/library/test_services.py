import datetime

import pytest

from gaoku.core.generator import generate_document
from gaoku.errors import ImportRejected, NotFound
from gaoku.library.models import ImportDraft, Material, MaterialVersion, SketchValue
from gaoku.library.services import (
    ImportMetadata,
    import_draft_resolve,
    material_import,
)
from tests.conftest import docx_bytes

pytestmark = pytest.mark.django_db


def _revise(text: str) -> str:
    """Next year's revision: a few sentences changed, the rest kept."""
    lines = text.split("\n")
    for i in range(2, len(lines), 5):
        lines[i] = lines[i].replace("要", "必须", 2).replace("工作", "各项工作", 1)
    return "\n".join(lines)


def test_import_strips_wrappers_and_stores_outline(speech):
    outcome = material_import(
        data=speech.wrapped.encode("gb18030"),
        name="speech.txt",
        metadata=ImportMetadata(
            topics=("机关党建", "作风建设"), published=datetime.date(2021, 3, 1)
        ),
    )
    assert outcome.status == "created"
    version = outcome.version
    assert version.number == 1
    assert version.text == speech.text
    assert version.outline == speech.outline
    assert version.removed_lines == list(speech.wrapper_lines)
    assert version.placeholders == list(speech.placeholders)
    assert version.source_encoding == "gb18030"
    material = version.material
    assert material.doc_type == "讲话稿"  # guessed from the title
    assert material.current == version
    assert sorted(t.name for t in material.topics.all()) == ["作风建设", "机关党建"]
    assert material.published == datetime.date(2021, 3, 1)
    assert SketchValue.objects.filter(version=version).count() == 64


def test_reimporting_the_same_text_changes_nothing(speech):
    first = material_import(data=speech.wrapped.encode(), name="a.txt")
    again = material_import(data=docx_bytes(speech.text), name="a.docx")
    assert again.status == "unchanged"
    assert again.version == first.version
    assert MaterialVersion.objects.count() == 1
    assert Material.objects.count() == 1


def test_a_similar_text_becomes_the_next_version(speech):
    first = material_import(data=speech.text.encode(), name="v1.txt")
    second = material_import(data=_revise(speech.text).encode(), name="v2.txt")
    assert second.status == "new_version"
    assert second.similar_to == first.version.material
    assert second.similarity >= 0.9
    assert second.version.number == 2
    assert Material.objects.get().current == second.version
    # Versions are kept whole: the first text is still there, unchanged.
    assert MaterialVersion.objects.get(number=1).text == speech.text


def test_a_similar_text_can_be_kept_apart(speech):
    material_import(data=speech.text.encode(), name="v1.txt")
    outcome = material_import(data=_revise(speech.text).encode(), name="v2.txt", on_similar="new")
    assert outcome.status == "created"
    assert Material.objects.count() == 2


def test_ask_makes_a_draft_that_an_editor_resolves(speech, django_user_model):
    editor = django_user_model.objects.create(username="ed", is_staff=True)
    material_import(data=speech.text.encode(), name="v1.txt")
    outcome = material_import(
        data=_revise(speech.text).encode(), name="v2.txt", on_similar="ask", user=editor
    )
    assert outcome.status == "draft"
    assert MaterialVersion.objects.count() == 1
    resolved = import_draft_resolve(draft_id=outcome.draft.pk, choice="version", user=editor)
    assert resolved.version.number == 2
    assert resolved.version.created_by == editor
    assert not ImportDraft.objects.exists()
    with pytest.raises(NotFound):
        import_draft_resolve(draft_id=outcome.draft.pk, choice="version", user=editor)


def test_different_documents_stay_apart():
    for seed in range(5):
        material_import(data=generate_document(seed).text.encode(), name=f"{seed}.txt")
    assert Material.objects.count() == 5


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "empty.txt", "empty"),
        ("仅供学习 禁止外传\n\n咨询QQ：12345678\n".encode(), "ads.txt", "empty"),
        (b"PK\x03\x04 this is not really a zip", "broken.docx", "corrupt"),
        (b"%PDF-1.7\n garbage", "broken.pdf", "corrupt"),
        (bytes(range(256)) * 40, "noise.txt", "undecodable"),
    ],
)
def test_bad_files_are_rejected_and_leave_nothing(data, name, code):
    with pytest.raises(ImportRejected) as info:
        material_import(data=data, name=name)
    assert info.value.code == code
    assert info.value.message
    assert not Material.objects.exists()
    assert not MaterialVersion.objects.exists()


def test_a_failure_midway_rolls_the_material_back(speech, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SketchValue.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        material_import(data=speech.text.encode(), name="a.txt")
    assert not Material.objects.exists()
    assert not MaterialVersion.objects.exists()


def test_files_over_the_limit_are_rejected(settings, speech):
    settings.GAOKU_MAX_IMPORT_BYTES = 1000
    with pytest.raises(ImportRejected) as info:
        material_import(data=speech.text.encode() * 10, name="big.txt")
    assert info.value.code == "too_large"


def test_a_text_longer_than_any_official_document_is_rejected_whole(monkeypatch, speech):
    import gaoku.core.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_CHARS", 1000)
    with pytest.raises(ImportRejected) as info:
        material_import(data=speech.text.encode(), name="long.txt")
    assert info.value.code == "too_long" and "请拆分" in info.value.message
    assert not Material.objects.exists()


def test_a_line_that_recurs_across_the_librarys_documents_is_learned_as_wrapper(judge_neutral):
    from gaoku.core.cleaning import RECURRING
    from gaoku.core.generator import generate_document

    # Reads like a unit's name: no rule names it.
    brand = "笃行致远工作室"
    outcomes = []
    for seed in (301, 302, 303):
        lines = generate_document(seed).text.split("\n")
        text = "\n".join([lines[0], lines[1], brand, *lines[2:]])
        outcomes.append(material_import(data=text.encode(), name=f"{seed}.txt"))
    # Two documents hold it: the third knows it as its source's wrapper.
    assert brand not in outcomes[0].prepared.removed_lines
    assert brand not in outcomes[1].prepared.removed_lines
    assert (brand, RECURRING) in outcomes[2].prepared.removals
    assert brand not in outcomes[2].version.text


def test_a_line_that_counts_is_learned_by_its_shape(judge_neutral):
    from gaoku.core.cleaning import RECURRING
    from gaoku.core.generator import generate_document

    # A source's line with a number that differs from document to document.
    outcomes = []
    for seed, count in ((321, 1184), (322, 97), (323, 2306)):
        lines = generate_document(seed).text.split("\n")
        text = "\n".join([lines[0], lines[1], f"笃行致远 已收录 {count} 篇", *lines[2:]])
        outcomes.append(material_import(data=text.encode(), name=f"{seed}.txt"))
    assert "笃行致远 已收录 97 篇" in outcomes[1].version.text
    assert ("笃行致远 已收录 2306 篇", RECURRING) in outcomes[2].prepared.removals


def test_a_task_tables_column_heads_are_never_learned(judge_neutral):
    # Every 实施方案 heads its task table the same way; Word's tables are read a cell a
    # line. The third plan keeps its table whole.
    heads = ["序号", "工作任务", "责任单位", "完成时限"]
    outcomes = []
    for n, task in enumerate(("建立河长巡查机制", "开展垃圾分类试点", "推进厕所革命")):
        text = "\n".join(
            [
                f"关于推进农村人居环境整治的实施方案（{n + 1}）",
                "为深入推进农村人居环境整治，结合我县实际，制定本方案。",
                "一、工作任务",
                *heads,
                "1",
                task,
                "县住建局",
                "2026年6月底前",
                "二、保障措施",
                "各单位要加强组织领导，确保各项任务落到实处，按时报送工作进展情况。",
            ]
        )
        outcomes.append(material_import(data=text.encode(), name=f"plan{n}.txt", on_similar="new"))
    assert outcomes[2].prepared.removed_lines == ()
    assert all(line in outcomes[2].version.text.split("\n") for line in [*heads, "县住建局"])


def test_a_batch_teaches_its_first_documents_the_wrapper_the_others_hold(judge_neutral):
    from gaoku.core.cleaning import RECURRING
    from gaoku.core.cleaning.batch import ImportBatch
    from gaoku.library.services import Source, text_import

    brand = "笃行致远工作室"
    texts = []
    for seed in (331, 332, 333):
        lines = generate_document(seed).text.split("\n")
        texts.append("\n".join([lines[0], lines[1], brand, *lines[2:]]))
    batch = ImportBatch(texts)
    outcomes = [
        text_import(raw=text, source=Source(f"{n}.txt", "txt", "utf-8"), batch=batch)
        for n, text in enumerate(texts)
    ]
    # Each of the three knows it: two others hold it, in the batch or in the library.
    assert all((brand, RECURRING) in outcome.prepared.removals for outcome in outcomes)
    assert all(brand not in outcome.version.text for outcome in outcomes)
    # Without the batch, the first two would have kept it (see the test above).


def test_sightings_are_counted_again_from_the_stored_versions(judge_neutral):
    from django.apps import apps

    from gaoku.core.cleaning import line_shape
    from gaoku.library.migrations._reread import sightings_reread
    from gaoku.library.models import LineSighting

    brand = "笃行致远工作室"
    for seed in (351, 352):
        lines = generate_document(seed).text.split("\n")
        text = "\n".join([*lines[:2], brand, *lines[2:]])
        material_import(data=text.encode(), name=f"{seed}.txt")
    counted = set(LineSighting.objects.values_list("shape", "material_id"))
    LineSighting.objects.all().delete()
    sightings_reread(apps, None)
    assert set(LineSighting.objects.values_list("shape", "material_id")) == counted
    assert LineSighting.objects.filter(shape=line_shape(brand)).count() == 2


def test_versions_of_one_document_in_a_batch_learn_nothing(judge_neutral):
    from gaoku.core.cleaning.batch import ImportBatch
    from gaoku.library.services import Source, text_import

    lines = generate_document(341).text.split("\n")
    line = "坚持党建引领 夯实基层基础"
    first = "\n".join([lines[0], line, *lines[1:]])
    versions = [first, first + "\n补充一句话。", first + "\n补充一句话。\n再补充一句话。"]
    batch = ImportBatch(versions)
    outcomes = [
        text_import(raw=text, source=Source(f"v{n}.txt", "txt", "utf-8"), batch=batch)
        for n, text in enumerate(versions)
    ]
    assert [outcome.status for outcome in outcomes] == ["created", "new_version", "new_version"]
    assert all(line in outcome.version.text for outcome in outcomes)


def test_a_material_repeating_its_own_line_across_versions_learns_nothing():
    from gaoku.core.generator import generate_document

    lines = generate_document(311).text.split("\n")
    line = "坚持党建引领 夯实基层基础"
    first = "\n".join([lines[0], line, *lines[1:]])
    material_import(data=first.encode(), name="v1.txt")
    second = material_import(data=(first + "\n补充一句话。").encode(), name="v2.txt")
    assert second.status == "new_version" and line in second.version.text


def test_importing_a_file_again_counts_its_own_material_as_no_other_holder(judge_neutral):
    """A line two documents share is not wrapper (it takes two others): importing one of
    them again, alone, must find its stored text unchanged, not learn the line from its
    own material and store a version without it."""
    from gaoku.library.services import Source, text_import

    line = "坚持党建引领 夯实基层基础"
    texts = []
    for seed in (351, 352):
        lines = generate_document(seed).text.split("\n")
        texts.append("\n".join([lines[0], line, *lines[1:]]))
    first = [text_import(raw=text, source=Source("a.txt", "txt", "utf-8")) for text in texts]
    assert all(line in outcome.version.text for outcome in first)
    again = text_import(raw=texts[0], source=Source("a.txt", "txt", "utf-8"))
    assert again.status == "unchanged"
    assert again.version == first[0].version


def test_a_new_version_counts_its_own_material_as_no_other_holder(judge_neutral):
    from gaoku.library.services import Source, text_import

    line = "坚持党建引领 夯实基层基础"
    texts = []
    for seed in (353, 354):
        lines = generate_document(seed).text.split("\n")
        texts.append("\n".join([lines[0], line, *lines[1:]]))
    for text in texts:
        text_import(raw=text, source=Source("a.txt", "txt", "utf-8"))
    revised = text_import(raw=_revise(texts[0]), source=Source("b.txt", "txt", "utf-8"))
    assert revised.status == "new_version"
    assert line in revised.version.text


def test_a_pack_imported_again_with_new_files_counts_the_old_ones_once(judge_neutral):
    """The library holds the first file; in the batch it must not count a second time
    (as if another document held the line), or the new file loses the line they share."""
    from gaoku.library.services import Source, import_batch, text_import

    line = "坚持党建引领 夯实基层基础"
    old, new = (
        "\n".join([lines[0], line, *lines[1:]])
        for lines in (generate_document(seed).text.split("\n") for seed in (367, 368))
    )
    text_import(raw=old, source=Source("old.txt", "txt", "utf-8"))
    batch = import_batch([new, old])
    outcomes = [
        text_import(raw=text, source=Source(name, "txt", "utf-8"), batch=batch)
        for name, text in (("new.txt", new), ("old.txt", old))
    ]
    assert [outcome.status for outcome in outcomes] == ["created", "unchanged"]
    assert line in outcomes[0].version.text


def test_reports_heading_a_section_with_the_same_words_keep_it(judge_neutral):
    """存在的问题 heads a section in report after report: the third must keep it."""
    from gaoku.library.services import Source, text_import

    outcomes = []
    for seed in (371, 372, 373):
        lines = generate_document(seed).text.split("\n")
        middle = len(lines) // 2
        text = "\n".join([*lines[:middle], "存在的问题", *lines[middle:]])
        outcomes.append(text_import(raw=text, source=Source(f"{seed}.txt", "txt", "utf-8")))
    assert all("存在的问题" in outcome.version.text.split("\n") for outcome in outcomes)


def test_a_line_put_back_is_no_longer_learned_as_wrapper(judge_neutral):
    """Three documents share a line the library learns; the editor puts it back into the
    third, and the fourth keeps it."""
    from gaoku.library.models import KeptLine
    from gaoku.library.services import Source, removed_line_restore, text_import
    from tests.conftest import account

    line = "乡村振兴专栏"
    outcomes = []
    for seed in (381, 382, 383, 384):
        lines = generate_document(seed).text.split("\n")
        middle = len(lines) // 2
        text = "\n".join([*lines[:middle], line, *lines[middle:]])
        outcomes.append(text_import(raw=text, source=Source(f"{seed}.txt", "txt", "utf-8")))
        if len(outcomes) == 3:
            third = outcomes[2].version
            assert line in third.removed_lines
            removed_line_restore(
                material_id=third.material_id,
                number=third.number,
                index=third.removed_lines.index(line),
                line=line,
                user=account("editor"),
            )
            assert KeptLine.objects.filter(shape=line).exists()
    assert line in outcomes[3].version.text.split("\n")
