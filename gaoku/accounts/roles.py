"""Roles are Django groups with a fixed set of permissions.

Editors import and curate (and so read every text); admins are superusers. Members are
not a group: what a member reads follows from their subscriptions (gaoku.members).
The groups and their permissions are (re)created by ``roles_sync`` so that a fresh data
directory and an old one agree.
"""

from __future__ import annotations

# The editors' group, by the name the admin shows (a migration renamed "editors").
EDITORS = "编辑"

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
        "copies.add_slotrejection",
        "copies.delete_slotrejection",
        "copies.view_slotrejection",
        "copies.add_editorvariant",
        "copies.delete_editorvariant",
        "copies.view_editorvariant",
        "needs.change_need",
        "needs.view_need",
    ),
}
