"""The vault's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Every table name starts with ``veil_`` so a vault can share a PostgreSQL
database with other applications. Times are stored as ISO 8601 text in UTC, the
exact form the audit chain hashes, so both backends give back the same bytes.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

FORMAT = b"veil-vault-2"  # 2: code rows carry a MAC; a shred clears blind index and ciphertext

metadata = MetaData()

# format, wrapped audit and signing keys, the signing public key, the passphrase salt
meta = Table(
    "veil_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", LargeBinary, nullable=False),
)

scopes = Table(
    "veil_scopes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("master", Boolean, nullable=False),
    Column("created", String(40), nullable=False),
    Column("code_format", Text, nullable=False),  # JSON of CodeFormat
    Column("wrapped_key", LargeBinary, nullable=True),  # NULL once shredded
    Column("shredded_at", String(40), nullable=True),
    Column("shred_signature", Text, nullable=True),
)

# identifier -> code, one row per identifier and scope; the identifier only encrypted; the
# MAC binds the row (veil.vault.codemac); a shred sets blind index, secret and MAC to NULL
codes = Table(
    "veil_codes", metadata,
    Column("scope_id", Integer, ForeignKey("veil_scopes.id"), nullable=False),
    Column("code", String(96), nullable=False),
    Column("blind_index", LargeBinary(32), nullable=True),
    Column("secret", LargeBinary, nullable=True),  # nonce || AES-GCM ciphertext || tag
    Column("mac", LargeBinary(32), nullable=True),
    PrimaryKeyConstraint("scope_id", "code", name="veil_codes_pk"),
    UniqueConstraint("scope_id", "blind_index", name="veil_codes_index_unique"),
)

audit = Table(
    "veil_audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(40), nullable=False),
    Column("scope", Text, nullable=True),
    Column("purpose", Text, nullable=True),
    Column("counts", Text, nullable=False),  # canonical JSON
    Column("outcome", Text, nullable=False),
    Column("previous", String(64), nullable=False),
    Column("digest", String(64), nullable=False),
)

# the one row naming the last entry, with a MAC under the vault's audit key: it
# detects a deleted tail and a chain recomputed by someone without the key
audit_head = Table(
    "veil_audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("mac", String(64), nullable=False),
)
