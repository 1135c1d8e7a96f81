"""Roles are Django groups with a fixed set of permissions.

Visitors are signed-in users in no group; members read full texts; editors import and
curate; admins are superusers. The groups and their permissions are (re)created by
``roles_sync`` so that a fresh data directory and an old one agree.
"""

from __future__ import annotations

EDITORS = "editors"
MEMBERS = "members"

ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITORS: (
        "library.add_material",
        "library.change_material",
        "library.view_material",
        "library.add_materialversion",
        "library.view_materialversion",
        "library.add_cleaningpattern",
        "library.change_cleaningpattern",
        "library.view_cleaningpattern",
        "library.add_topic",
        "library.change_topic",
        "library.view_topic",
    ),
    MEMBERS: (),
}
