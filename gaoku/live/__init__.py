"""Live sharing: events of new materials, versions and announcements, what members
follow, and the channels that carry events to them (the page, SSE, Atom)."""
