"""`veil vault ...` and `veil pseudonymize`: thin commands over `veil.vault`.

The master key comes from --key-file, else --passphrase ($VEIL_MASTER_PASSPHRASE
or a prompt), else $VEIL_MASTER_KEY. Every command that changes or reads the
mapping names an actor for the audit log (--actor, default: the login name).
The audit chain's witness (see `veil.vault.anchoring`) is --witness, else
$VEIL_VAULT_WITNESS, else beside the key file. Errors are VeilErrors: one line on
stderr, exit code 2 (see `veil.cli.main`).
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from veil.engines.cli import EngineOpt, MasterOpt, SparkConfOpt
from veil.errors import UsageError, VaultError

if TYPE_CHECKING:
    import polars as pl

    from veil.vault import statement as st
    from veil.vault.keys import MasterKey
    from veil.vault.keystore import VaultKeyStore
    from veil.vault.vault import Vault

PASSPHRASE_ENV = "VEIL_MASTER_PASSPHRASE"

vault_app = typer.Typer(
    help="The key vault: random codes per scope, identifiers encrypted, every use audited.",
    no_args_is_help=True)
scope_app = typer.Typer(help="Add and list the vault's scopes (studies, organizations, "
                        "pseudonymisation domains).", no_args_is_help=True)
key_app = typer.Typer(help="Custody of the master key: split it among k-of-n custodians and "
                      "combine their shares.", no_args_is_help=True)
vault_app.add_typer(scope_app, name="scope")
vault_app.add_typer(key_app, name="key")

out = Console(soft_wrap=True, highlight=False)

VaultOpt = Annotated[str, typer.Option(
    "--vault", help="the vault: sqlite:///path (or a file path) or postgresql+psycopg://...")]
KeyFileOpt = Annotated[Path | None, typer.Option(
    "--key-file", help="master key file (else --passphrase, else $VEIL_MASTER_KEY)")]
PassphraseOpt = Annotated[bool, typer.Option(
    "--passphrase", help=f"derive the master key from a passphrase (${PASSPHRASE_ENV} "
    "or a prompt)")]
ActorOpt = Annotated[str | None, typer.Option(
    "--actor", help="who acts, for the audit log (default: the login name)")]
ScopeOpt = Annotated[str, typer.Option("--scope", help="the scope (study, organization, "
                                       "pseudonymisation domain)")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="replace an existing -o")]
WitnessOpt = Annotated[Path | None, typer.Option(
    "--witness", help="the audit chain's witness: a file, or a directory holding "
    "veil-vault-<id>.witness (default: $VEIL_VAULT_WITNESS, else the key file's directory)")]
WitnessLogOpt = Annotated[Path | None, typer.Option(
    "--witness-log", help="also append each new head to this append-only JSON lines log "
    "(default: $VEIL_VAULT_WITNESS_LOG)")]
InsecureOpt = Annotated[bool, typer.Option(
    "--allow-insecure-key-file", help="accept a key file that group or others may read "
    "(refused by default, as ssh does)")]


def master_key(url: str, key_file: Path | None, passphrase: bool, *,
               new: bool = False, allow_insecure: bool = False) -> MasterKey:
    """The master key from the command line's sources (see the module docstring)."""
    from veil.vault.keys import ENV_VAR, MasterKey
    from veil.vault.vault import Vault

    if key_file is not None and passphrase:
        raise UsageError("give either --key-file or --passphrase, not both")
    if key_file is not None:
        return MasterKey.from_file(key_file, allow_insecure=allow_insecure)
    if passphrase:
        salt = os.urandom(16) if new else Vault.passphrase_salt(url)
        if salt is None:
            raise VaultError("this vault was not created with a passphrase",
                             hint="use --key-file or $VEIL_MASTER_KEY")
        text = os.environ.get(PASSPHRASE_ENV) or typer.prompt(
            "vault passphrase", hide_input=True, confirmation_prompt=new)
        return MasterKey.from_passphrase(text, salt)
    if os.environ.get(ENV_VAR):
        return MasterKey.from_env()
    raise UsageError("no master key given",
                     hint=f"pass --key-file FILE, --passphrase, or set ${ENV_VAR}")


def open_vault(url: str, key_file: Path | None, passphrase: bool, *,
               witness: Path | None = None, witness_log: Path | None = None,
               no_witness: bool = False, allow_insecure: bool = False) -> Vault:
    """The vault at `url`, opened with the command line's key and witness."""
    from veil.vault.anchoring import AnchorOptions
    from veil.vault.vault import Vault

    if no_witness and (witness is not None or witness_log is not None):
        raise UsageError("give either --no-witness or --witness/--witness-log, not both")
    key = master_key(url, key_file, passphrase, allow_insecure=allow_insecure)
    return Vault.open(url, key, anchor=AnchorOptions(witness, witness_log, not no_witness))


def actor_name(actor: str | None) -> str:
    """The audit actor: the given name, else the login name."""
    return _actor(actor)


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@vault_app.command("init")
def init(
    vault: VaultOpt,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Create a vault. With --key-file F and no F yet, a new master key is written to F
    (mode 0600): keep it apart from the vault; later commands need it. The audit chain's
    witness is written beside the key file (or at --witness)."""
    import dataclasses

    from veil.vault.anchoring import AnchorOptions
    from veil.vault.keys import MasterKey
    from veil.vault.vault import Vault

    written = None
    if key_file is not None and not key_file.exists() and not passphrase:
        key = MasterKey.generate()
        key.write(key_file)
        key = dataclasses.replace(key, path=key_file.absolute())
        written = key_file
    else:
        key = master_key(vault, key_file, passphrase, new=True,
                         allow_insecure=allow_insecure_key_file)
    try:
        created = Vault.create(vault, key, anchor=AnchorOptions(witness, witness_log))
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)  # a key that opens nothing is of no use
        raise
    with created:
        out.print(f"created the vault ({created.location}); master key fingerprint "
                  f"{key.fingerprint}")
        anchored = created.witness
    if written is not None:
        out.print(f"new master key written to {written} (mode 0600): keep it apart from the "
                  "vault; without it the codes can never be reversed")
    if anchored is not None:
        out.print(f"audit chain witness: {anchored} (keep it with the key, out of the "
                  "database's backups)")
    else:
        out.print("the audit chain is NOT anchored outside the database (the key is not "
                  "from a file): give --witness or set $VEIL_VAULT_WITNESS, then run "
                  "`veil vault anchor`")


@scope_app.command("add")
def scope_add(
    name: Annotated[str, typer.Argument(
        help="scope name: 1 to 63 of a-z 0-9 . _ -, starting with a letter or digit")],
    vault: VaultOpt,
    master: Annotated[bool, typer.Option(
        "--master", help="a master scope (holds no codes; names who may re-identify "
        "across scopes, for the service)")] = False,
    length: Annotated[int, typer.Option("--length", help="random symbols per code")] = 8,
    prefix: Annotated[str, typer.Option("--prefix", help="text before every code")] = "",
    alphabet: Annotated[str | None, typer.Option(
        "--alphabet", help="code symbols (default: Crockford base 32, no I L O U)")] = None,
    check: Annotated[bool, typer.Option(
        "--check/--no-check", help="append a check symbol (Luhn mod N)")] = True,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    actor: ActorOpt = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Add a scope with its own data key and code format."""
    from veil.vault.codes import CROCKFORD, CodeFormat

    fmt = CodeFormat(length, alphabet or CROCKFORD, prefix, check)
    with open_vault(vault, key_file, passphrase, witness=witness, witness_log=witness_log,
                    allow_insecure=allow_insecure_key_file) as opened:
        info = opened.add_scope(name, actor=_actor(actor), master=master, code_format=fmt)
    kind = "master scope" if info.master else "scope"
    out.print(f"added {kind} {info.name!r}: codes of {fmt.width} characters "
              f"({fmt.bits:.0f} random bits)")


@scope_app.command("list")
def scope_list(
    vault: VaultOpt,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """List the scopes with their number of codes."""
    with open_vault(vault, key_file, passphrase, allow_insecure=allow_insecure_key_file,
                    no_witness=True) as opened:
        scopes = opened.scopes()
    if as_json:
        sys.stdout.write(json.dumps([
            {"name": s.name, "master": s.master, "created": s.created.isoformat(),
             "shredded": s.shredded, "codes": s.codes} for s in scopes], indent=2) + "\n")
        return
    table = Table(title="scopes")
    for column in ("name", "kind", "created", "codes", "state"):
        table.add_column(column)
    for s in scopes:
        table.add_row(s.name, "master" if s.master else "codes", s.created.date().isoformat(),
                      f"{s.codes:,}", "shredded" if s.shredded else "active")
    out.print(table)


def pseudonymize(
    path: Annotated[Path, typer.Argument(help="input file: .csv, .parquet or .jsonl")],
    column: Annotated[list[str], typer.Option(
        "--column", help="column to replace by codes; repeatable")],
    vault: VaultOpt,
    scope: ScopeOpt,
    output: Annotated[Path, typer.Option("-o", "--output", help="output file (.csv, "
                                         ".parquet or .jsonl)")],
    purpose: Annotated[str | None, typer.Option(
        "--purpose", help="why, for the audit log")] = None,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    actor: ActorOpt = None,
    overwrite: OverwriteOpt = False,
    input_format: Annotated[str | None, typer.Option(
        "--input-format", help="force the input format: csv, parquet or jsonl")] = None,
    sep: Annotated[str | None, typer.Option("--sep", help="force the CSV separator")] = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
    engine_: EngineOpt = "polars",
    master: MasterOpt = None,
    spark_conf: SparkConfOpt = None,
) -> None:
    """Replace identifier columns by random codes from the vault, assigning new codes to new
    identifiers; other columns are copied unchanged."""
    from veil.engines.cli import engine
    from veil.io.formats import parse_format
    from veil.vault.files import pseudonymize_file
    from veil.vault.keystore import VaultKeyStore

    if sep is not None and len(sep) != 1:
        raise UsageError(f"--sep must be one character, got {len(sep)}")
    fmt = None if input_format is None else parse_format(input_format)
    runner = engine(engine_, master, spark_conf)  # the vault stays on this machine
    with open_vault(vault, key_file, passphrase, witness=witness, witness_log=witness_log,
                    allow_insecure=allow_insecure_key_file) as opened:
        store = VaultKeyStore(opened, actor=_actor(actor), purpose=purpose)
        result = pseudonymize_file(path, output, columns=column, keystore=store, scope=scope,
                                   overwrite=overwrite, input_format=fmt, separator=sep,
                                   engine=runner)
        # the coded file has left the custodian's hands: an export entry (counts only)
        opened.record("export", actor=_actor(actor), scope=scope, purpose=purpose,
                      counts={"columns": len(result.columns),
                              "identifiers": sum(result.distinct.values())})
    coded = ", ".join(f"{c} ({n:,} distinct)" for c, n in result.distinct.items())
    out.print(f"pseudonymized {coded} with codes of scope {scope!r}; data: {result.output}")


@vault_app.command("reidentify")
def reidentify(
    codes_file: Annotated[Path, typer.Argument(help="a one-column file of codes")],
    vault: VaultOpt,
    scope: ScopeOpt,
    purpose: Annotated[str, typer.Option("--purpose", help="why (required, audited)")],
    output: Annotated[Path, typer.Option("-o", "--output", help="output file of code,"
                                         "identifier pairs (mode 0600)")],
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    actor: ActorOpt = None,
    overwrite: OverwriteOpt = False,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Write the identifier behind each code (audited with actor and purpose). The output
    holds identifiers: it is as sensitive as the source data."""
    from veil.vault.files import reidentify_file

    with open_vault(vault, key_file, passphrase, witness=witness, witness_log=witness_log,
                    allow_insecure=allow_insecure_key_file) as opened:
        result = reidentify_file(codes_file, output, vault=opened, scope=scope,
                                 actor=_actor(actor), purpose=purpose, overwrite=overwrite)
    out.print(f"re-identified {result.found:,} of {result.requested:,} codes; "
              f"pairs: {result.output} (mode 0600)")


@vault_app.command("verify")
def verify(
    vault: VaultOpt,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    no_witness: Annotated[bool, typer.Option(
        "--no-witness", help="check the chain inside the database only (a rollback of the "
        "database then goes unnoticed)")] = False,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Check the hash-chained audit log and its witness outside the database: exit 0 if
    intact, 2 naming the first broken entry (a rollback, a cut tail, an edit). Then check
    every code row's MAC and each scope's number of codes against the audit log."""
    with open_vault(vault, key_file, passphrase, witness=witness, witness_log=witness_log,
                    no_witness=no_witness, allow_insecure=allow_insecure_key_file) as opened:
        result = opened.verify(inside_only=no_witness)
        where = opened.witness
        if not result.ok:
            raise VaultError(f"the audit log is broken at entry {result.first_broken}: "
                             f"{result.reason}", hint="restore the vault from a backup and "
                             "investigate who changed the database")
        if not result.anchored and not no_witness:
            raise VaultError("the audit chain is intact in the database but not anchored "
                             "outside it, so a rollback cannot be ruled out",
                             hint="give --key-file or --witness (or $VEIL_VAULT_WITNESS); for "
                             "a vault never anchored run `veil vault anchor`; or pass "
                             "--no-witness")
        codes = opened.verify_codes()
    if not codes.ok:
        raise VaultError(f"the code table was altered: {codes.reason}",
                         hint="restore the vault from a backup and investigate who changed "
                         "the database")
    anchored = f"; witness {where}" if result.anchored else "; NOT checked against a witness"
    out.print(f"audit log intact: {result.entries:,} entries chained{anchored}; "
              f"{codes.rows:,} code rows pass their MAC and match the audited counts")


@vault_app.command("audit")
def audit_log(
    vault: VaultOpt,
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Show the audit log (who, when, scope, purpose, counts; never an identifier)."""
    with open_vault(vault, key_file, passphrase, allow_insecure=allow_insecure_key_file,
                    no_witness=True) as opened:
        entries = opened.audit()
    if as_json:
        sys.stdout.write(json.dumps([e.to_dict() for e in entries], indent=2) + "\n")
        return
    table = Table(title="audit log")
    for column in ("seq", "at (UTC)", "actor", "action", "scope", "purpose", "counts",
                   "outcome"):
        table.add_column(column)
    for e in entries:
        table.add_row(str(e.seq), e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action,
                      e.scope or "", e.purpose or "",
                      " ".join(f"{k}={v:,}" for k, v in sorted(e.counts.items())), e.outcome)
    out.print(table)


@vault_app.command("rotate")
def rotate(
    vault: VaultOpt,
    new_key_file: Annotated[Path, typer.Option(
        "--new-key-file", help="the new master key (a new one is written here if missing)")],
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    actor: ActorOpt = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Rotate the master key: re-wrap every scope's data key; codes do not change. When the
    witness was beside the old key file and the new one is elsewhere, the chain is anchored
    beside the new key file too."""
    from veil.vault.anchoring import WITNESS_ENV
    from veil.vault.keys import MasterKey

    with open_vault(vault, key_file, passphrase, witness=witness, witness_log=witness_log,
                    allow_insecure=allow_insecure_key_file) as opened:
        written = not new_key_file.exists()
        new = MasterKey.generate() if written else MasterKey.from_file(
            new_key_file, allow_insecure=allow_insecure_key_file)
        if written:
            new.write(new_key_file)
        try:
            opened.rotate(new, actor=_actor(actor))
        except BaseException:
            if written:
                new_key_file.unlink(missing_ok=True)
            raise
        moved = None
        old = opened.witness
        beside = new_key_file.absolute().parent
        if witness is None and not os.environ.get(WITNESS_ENV) and (
                old is None or old.parent != beside):
            opened.anchor(beside, actor=_actor(actor), mirror=witness_log)
            moved = opened.witness
    out.print(f"rotated the master key to fingerprint {new.fingerprint}"
              + (f" (new key written to {new_key_file}, mode 0600)" if written else "")
              + "; destroy the old key once backups made with it are gone"
              + (f"; audit chain witness now at {moved}" if moved else ""))


@vault_app.command("shred")
def shred(
    scope: Annotated[str, typer.Argument(help="the scope whose data key is destroyed")],
    vault: VaultOpt,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="write the signed destruction record here (JSON); "
        "default: print it")] = None,
    yes: Annotated[bool, typer.Option("--yes", help="do not ask for confirmation")] = False,
    scrub_timeout: Annotated[float, typer.Option(
        "--scrub-timeout", min=0, help="seconds to wait for other connections' reads before "
        "pushing the old values out of the database files")] = 10.0,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    actor: ActorOpt = None,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Destroy a scope's data key, blind indexes and ciphertexts (crypto-shredding): its codes
    can never be reversed or matched again. Irreversible; asks for confirmation on a terminal
    unless --yes. Exit 2 when the old values could not be pushed out of the database files
    (the record is written all the same; then run `veil vault scrub`)."""
    from veil.io.write import atomic_file

    if output is not None and output.exists():
        raise UsageError(f"{output}: exists", hint="choose a new file for the record")
    with open_vault(vault, key_file, passphrase, witness=witness, witness_log=witness_log,
                    allow_insecure=allow_insecure_key_file) as opened:
        info = opened.scope(scope)
        if not yes and sys.stdin.isatty() and not typer.confirm(
                f"destroy the key of scope {scope!r} ({info.codes:,} codes) for ever?"):
            raise typer.Abort()
        code_format = opened.code_format(scope)
        record = opened.shred(scope, actor=_actor(actor), scrub=False)
        # the public key checks the signature; the code format (not signed) lets
        # `veil vault statement` check a release's codes without the vault
        text = json.dumps(record.to_dict() | {
            "public_key": opened.public_key, "vault": opened.location,
            "code_format": code_format.to_dict(),
            "destroyed": {"data_key": 1, "blind_indexes": record.codes,
                          "ciphertexts": record.codes},
            "statement": _SHRED_STATEMENT.format(scope=scope),
            "remaining": _SHRED_REMAINING}, indent=2) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            with atomic_file(output) as staging:
                staging.write_text(text, encoding="utf-8")
        opened.scrub(timeout=scrub_timeout)  # VaultError (exit 2) if the files keep them
    if output is not None:
        out.print(f"shredded scope {scope!r} ({record.codes:,} codes: data key, blind indexes "
                  f"and ciphertexts destroyed); signed destruction record: {output}; still "
                  "to do: rotate the master key, purge backups made before now")


@vault_app.command("scrub")
def scrub(
    vault: VaultOpt,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0, help="seconds to wait for other connections' reads")] = 10.0,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Push shredded values out of the database files: on SQLite a checkpoint of the
    write-ahead log into the file (secure_delete zeroes what was deleted), on PostgreSQL
    VACUUM (FULL) of the vault's tables. Exit 2 if another connection prevents it."""
    with open_vault(vault, key_file, passphrase, allow_insecure=allow_insecure_key_file,
                    no_witness=True) as opened:
        opened.scrub(timeout=timeout)
        where = opened.location
    out.print(f"scrubbed {where}: deleted values are no longer in its files")


@vault_app.command("anchor")
def anchor(
    vault: VaultOpt,
    witness: WitnessOpt = None,
    witness_log: WitnessLogOpt = None,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    actor: ActorOpt = None,
    allow_insecure_key_file: InsecureOpt = False,
) -> None:
    """Anchor the audit chain outside the database at --witness (default: beside the key
    file): for a vault never anchored, or to move its witness. The chain is verified first
    (against the current witness, if any); the anchoring is audited."""
    from veil.vault.anchoring import WITNESS_ENV

    with open_vault(vault, key_file, passphrase,  # checked against the current witness
                    allow_insecure=allow_insecure_key_file) as opened:
        target = witness or opened.witness
        if target is None:
            raise UsageError("no witness location", hint=f"give --witness PATH, --key-file, "
                             f"or set ${WITNESS_ENV}")
        head = opened.anchor(target, actor=_actor(actor), mirror=witness_log)
        where = opened.witness
    out.print(f"anchored the audit chain at entry {head.seq:,}; witness: {where}")


_SHRED_STATEMENT = (
    "The data key of scope {scope!r} is destroyed, and so are its blind indexes and encrypted "
    "identifiers: no one holding this vault or its master key can map its codes back to "
    "identifiers or match an identifier to its code any more. Data coded in this scope may be "
    "described as anonymized only if the re-identification risk of what remains (its "
    "quasi-identifiers) is acceptably low: measure it with `veil risk` before saying so (GDPR "
    "Recital 26; HIPAA 164.514(b)). Copies made before the shred (database backups, replicas, "
    "the database server's own logs) still hold the old wrapped key, blind indexes and "
    "ciphertexts, which the current master key opens: see 'remaining'.")

_SHRED_REMAINING = [
    "rotate the master key (`veil vault rotate`) and destroy the old key file and every copy "
    "or share of it: the old key opens backups made before the shred",
    "purge, or re-encrypt under the new key, every backup, replica and export of the vault "
    "made before the shred",
    "on PostgreSQL, let the server's write-ahead log segments and archives made before the "
    "shred expire (they hold the old rows)",
]


class ExportAudit:
    """A vault `KeyStore` that notes the scopes a run draws codes from, so that the run can
    audit the export of its output (`exported`) once that output is written.

    `veil apply|deidentify --vault` use it: the assignments are audited by the vault
    as they happen, the release leaving the custodian's side only when it exists.
    """

    def __init__(self, store: VaultKeyStore) -> None:
        self.store = store
        self.scopes: dict[str, int] = {}  # scope -> columns coded in it

    @property
    def location(self) -> str:
        return self.store.location

    def assign(self, scope: str, identifiers: pl.Series, *, length: int,
               prefix: str) -> pl.DataFrame:
        """The store's codes, noting the scope they come from."""
        codes = self.store.assign(scope, identifiers, length=length, prefix=prefix)
        used = self.store.scope or scope
        self.scopes[used] = self.scopes.get(used, 0) + 1
        return codes

    def exported(self, *, rows: int, columns: int) -> None:
        """One "export" entry per scope used (counts only; none used: the --scope, if any)."""
        scopes: list[tuple[str | None, int]] = [*self.scopes.items()]
        for scope, coded in scopes or [(self.store.scope, 0)]:
            self.store.vault.record("export", actor=self.store.actor, scope=scope,
                                    purpose=self.store.purpose,
                                    counts={"rows": rows, "columns": columns,
                                            "coded_columns": coded})


@vault_app.command("statement")
def statement(
    release: Annotated[Path, typer.Argument(help="the coded release: .csv, .parquet or .jsonl")],
    record: Annotated[Path, typer.Option(
        "--record", help="the destruction record `veil vault shred SCOPE -o FILE` wrote")],
    code_column: Annotated[str, typer.Option(
        "--code-column", help="the release's column of codes of the shredded scope")],
    qi: Annotated[str, typer.Option("--qi", help="quasi-identifiers, comma-separated")],
    output: Annotated[Path, typer.Option("-o", "--output", help="output directory")],
    public_key: Annotated[str | None, typer.Option(
        "--public-key", help="the vault's Ed25519 public key (64 hex digits, or a file "
        "holding them); default: the one in the record file")] = None,
    sensitive: Annotated[list[str] | None, typer.Option(
        "--sensitive", help="sensitive attributes (comma-separated or repeated), for --l "
        "and --t")] = None,
    max_risk: Annotated[float | None, typer.Option(
        "--max-risk", help="highest prosecutor risk allowed (0.09: EMA / Health Canada)")
    ] = None,
    k: Annotated[int | None, typer.Option("--k", help="smallest class size allowed")] = None,
    average_risk: Annotated[float | None, typer.Option(
        "--average-risk", help="average prosecutor risk allowed")] = None,
    max_marketer: Annotated[float | None, typer.Option(
        "--max-marketer", help="marketer risk allowed")] = None,
    max_uniqueness: Annotated[float | None, typer.Option(
        "--max-uniqueness", help="share of sample uniques allowed")] = None,
    max_population_uniqueness: Annotated[float | None, typer.Option(
        "--max-population-uniqueness", help="share of population uniques allowed (Dankar "
        "rule; needs a population option)")] = None,
    l_diversity: Annotated[int | None, typer.Option(
        "--l", help="distinct l-diversity each --sensitive attribute must reach")] = None,
    t_closeness: Annotated[float | None, typer.Option(
        "--t", help="t-closeness (equal distance) each --sensitive attribute must meet")
    ] = None,
    population: Annotated[int | None, typer.Option(
        "--population", min=1, help="population size the release was sampled from")] = None,
    population_table: Annotated[Path | None, typer.Option(
        "--population-table", help="a file holding the population (same quasi-identifiers)")
    ] = None,
    sampling_fraction: Annotated[float | None, typer.Option(
        "--sampling-fraction", help="release size / population size")] = None,
    vault: Annotated[str | None, typer.Option(
        "--vault", help="optional: also confirm the shredding in this vault (needs its "
        "master key)")] = None,
    key_file: KeyFileOpt = None,
    passphrase: PassphraseOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="print statement.json")] = False,
    overwrite: OverwriteOpt = False,
    input_format: Annotated[str | None, typer.Option(
        "--input-format", help="force the release's format: csv, parquet or jsonl")] = None,
    sep: Annotated[str | None, typer.Option("--sep", help="force the CSV separator")] = None,
) -> None:
    """Say whether a coded release may be called anonymized: its scope's signed destruction
    record, its code column and its residual re-identification risk against the thresholds
    given. Needs no master key. Exit 0: anonymized; 1: not (each failed condition listed)."""
    import datetime as dt

    from veil.io.formats import parse_format
    from veil.io.read import open_dataset
    from veil.risk import Population
    from veil.vault import statement as st

    started = dt.datetime.now(dt.UTC)
    if sum(x is not None for x in (population, population_table, sampling_fraction)) > 1:
        raise UsageError("give at most one of --population, --population-table, "
                         "--sampling-fraction")
    if sampling_fraction is not None and not 0 < sampling_fraction <= 1:
        raise UsageError(f"--sampling-fraction must be in (0, 1]; got {sampling_fraction}")
    if sep is not None and len(sep) != 1:
        raise UsageError(f"--sep must be one character, got {len(sep)}")
    table = None if population_table is None else open_dataset(
        population_table).frame.collect(engine="streaming")
    options = st.StatementOptions(
        code_column, _split(qi), st.Thresholds(
            k=k, max_risk=max_risk, average_risk=average_risk, max_marketer=max_marketer,
            max_uniqueness=max_uniqueness, max_population_uniqueness=max_population_uniqueness,
            l_diversity=l_diversity, t_closeness=t_closeness),
        sensitive=tuple(c for item in sensitive or [] for c in _split(item)),
        population=Population(population, sampling_fraction, table))
    key = None if public_key is None else st.read_public_key(public_key)
    source = st.load_record(record)
    dataset = open_dataset(release, fmt=None if input_format is None
                           else parse_format(input_format), separator=sep)
    evidence = None
    if vault is not None:
        from veil.vault.vault import Vault

        with Vault.open(vault, master_key(vault, key_file, passphrase)) as opened:
            evidence = st.vault_evidence(opened, source.record.scope,
                                         st.release_codes(dataset, code_column))
    result = st.make_statement(dataset, source, options, public_key=key, vault=evidence)
    data = st.write_statement(result, output, release_path=release, started=started,
                              overwrite=overwrite)
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        _print_statement(result, output)
    if result.exit_code:
        raise typer.Exit(result.exit_code)


def _split(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _print_statement(result: st.Statement, output: Path) -> None:
    """The verdict, each condition, and where the statement is."""
    out.print(f"verdict: {result.verdict}", markup=False)
    for c in result.conditions:
        out.print(f"  {'met    ' if c.passed else 'NOT MET'}  {c.name}: {c.detail}",
                  markup=False)
    out.print(f"statement: {output / 'statement.json'} (and statement.html, manifest.json)",
              markup=False)


@key_app.command("split")
def key_split(
    output: Annotated[Path, typer.Option("-o", "--output", help="directory for the share "
                                         "files (one per custodian, mode 0600)")],
    k: Annotated[int, typer.Option("-k", help="shares needed to rebuild the key")],
    n: Annotated[int, typer.Option("-n", help="shares made (custodians)")],
    key_file: KeyFileOpt = None,
) -> None:
    """Split the master key k-of-n (Shamir): any k custodians can rebuild it, fewer learn
    nothing."""
    from veil.vault.keys import MasterKey

    key = MasterKey.from_file(key_file) if key_file is not None else MasterKey.from_env()
    shares = key.split(k, n)
    output.mkdir(parents=True, exist_ok=True)
    for number, share in enumerate(shares, start=1):
        path = output / f"share-{number}-of-{n}.txt"
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as share_file:
            share_file.write(share + "\n")
    out.print(f"wrote {n} shares of key {key.fingerprint} to {output}/ (any {k} rebuild it); "
              "give one to each custodian and delete the rest here")


@key_app.command("combine")
def key_combine(
    shares: Annotated[list[Path], typer.Argument(help="share files from k custodians")],
    output: Annotated[Path, typer.Option("-o", "--output", help="key file to write "
                                         "(mode 0600)")],
) -> None:
    """Rebuild the master key from k custodians' shares into a key file."""
    from veil.vault.keys import MasterKey

    texts = []
    for path in shares:
        try:
            texts.append(path.read_text(encoding="ascii").strip())
        except (OSError, UnicodeDecodeError):
            raise VaultError(f"{path}: cannot read the share file") from None
    key = MasterKey.combine(texts)
    key.write(output)
    out.print(f"rebuilt key {key.fingerprint} from {len(texts)} shares into {output}")
