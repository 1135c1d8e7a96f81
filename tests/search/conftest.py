import datetime

import pytest

from gaoku.core.generator import generate_document


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the embedded index's writes) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def library(db, committed):
    """Three materials: a recent speech on 机关党建, an old one on 乡村振兴, and a recent
    work report; the text of each holds words its outline does not."""
    from gaoku.library.services import ImportMetadata, material_import

    specs = [
        (11, "讲话稿", "机关党建", "市级", datetime.date(2025, 6, 1)),
        (12, "讲话稿", "乡村振兴", "县级", datetime.date(2019, 3, 1)),
        (13, "工作报告", "营商环境", "市级", datetime.date(2026, 2, 1)),
    ]
    materials = {}
    with committed():
        for seed, doc_type, topic, level, day in specs:
            doc = generate_document(seed, doc_type=doc_type, topic=topic)
            outcome = material_import(
                data=doc.text.encode(),
                name=f"{seed}.txt",
                metadata=ImportMetadata(
                    doc_type=doc_type, topics=(topic,), level=level, published=day
                ),
            )
            materials[topic] = outcome.version.material
    return materials
