"""Code that runs in child processes of the vault tests (importable by `spawn`)."""

from __future__ import annotations

import sys
import time

from veil.vault import MasterKey, Vault


def assign_at(url: str, key_hex: str, scope: str, identifiers: list[str],
              start_at: float) -> list[str]:
    """Open the vault, wait for the common start time, assign one batch."""
    with Vault.open(url, MasterKey(bytes.fromhex(key_hex))) as vault:
        vault.scope(scope)  # connect before the start line
        time.sleep(max(0.0, start_at - time.time()))
        return vault.assign(scope, identifiers, actor="worker")


def killed_mid_batch(url: str, key_hex: str, marker: str, count: int) -> None:
    """Assign `count` new identifiers, but stop for ever after the second insert chunk
    (after writing `marker`), so the parent can kill the process mid-transaction."""
    import veil.vault.assign as assign

    original = assign._Rows.insert
    calls = [0]

    def stalled(self: assign._Rows, codes: list[str], indexes: list[bytes],
                secrets: list[bytes]) -> int:
        inserted = original(self, codes, indexes, secrets)
        calls[0] += 1
        if calls[0] == 2:
            with open(marker, "w", encoding="ascii") as flag:
                flag.write("mid-batch\n")
            time.sleep(600)
        return inserted

    assign._Rows.insert = stalled  # type: ignore[method-assign]
    with Vault.open(url, MasterKey(bytes.fromhex(key_hex))) as vault:
        vault.assign("study-1", [f"ID{i:07d}" for i in range(count)], actor="doomed")


if __name__ == "__main__":
    killed_mid_batch(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
