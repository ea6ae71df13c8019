"""Why a file cannot be written or read, in Dutch: the system's own words (`No such file or directory`)
are English, and a command's user reads Dutch (issue 23)."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "die map bestaat niet",
    errno.EACCES: "daar mag niet geschreven worden (geen toestemming)",
    errno.EPERM: "daar mag niet geschreven worden (geen toestemming)",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "die schijf is alleen-lezen",
}


def reason(error: OSError) -> str:
    """`die map bestaat niet` for ENOENT, and so on; a general Dutch reason for anything else."""
    return _REASONS.get(error.errno, "het besturingssysteem weigert dat")
