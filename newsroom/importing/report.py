"""What an import did: counts per kind and every item not imported fully."""

from collections import Counter, defaultdict


class Report:
    ACTIONS = ("created", "updated", "skipped")

    def __init__(self):
        self.counts = defaultdict(Counter)
        self.problems = []  # (item label, reason)
        self.notes = Counter()  # reason → how many (for things skipped in bulk)
        self.source = ""

    def count(self, kind, action, number=1):
        self.counts[kind][action] += number

    def problem(self, label, reason):
        self.problems.append((label, reason))

    def note(self, reason, number=1):
        self.notes[reason] += number

    def progress(self, items_read):
        totals = Counter()
        for counter in self.counts.values():
            totals.update(counter)
        return (
            f"  {items_read} items read: {totals['created']} created, "
            f"{totals['updated']} updated, {totals['skipped']} skipped"
        )

    def render(self, dry_run=False):
        lines = []
        heading = "Import report"
        if self.source:
            heading += f" for {self.source}"
        if dry_run:
            heading += " (dry run: nothing was written)"
        lines.append(heading)
        for kind in sorted(self.counts):
            counter = self.counts[kind]
            parts = ", ".join(f"{counter[action]} {action}" for action in self.ACTIONS)
            lines.append(f"  {kind}: {parts}")
        for reason, number in sorted(self.notes.items()):
            lines.append(f"  {reason}: {number}")
        if self.problems:
            lines.append(f"Not imported fully ({len(self.problems)}):")
            lines.extend(f"  {label}: {reason}" for label, reason in self.problems)
        else:
            lines.append("Everything was imported fully.")
        return "\n".join(lines)
