"""pip-audit over the installed environment (the .venv that `make` builds), with the documented
exceptions in .ci/pip-audit-ignore.txt. Run by `make security`.

pip-audit on its own passes quietly when it cannot ask its vulnerability service: a dependency the
service answers 404 for is "skipped", and the run still ends with "No known vulnerabilities found".
So this script first asks each service pip-audit can use about a package that certainly exists there
(pip-audit itself, at the installed version), audits with the first one that answers, and fails on
any dependency that could not be audited (our own editable `kavi` aside).

Exit status: 0 audited and clean; 1 vulnerabilities not in the ignore list, or dependencies that
could not be audited; 2 no vulnerability service could be reached (nothing was audited). With
PIP_AUDIT_UNREACHABLE=warn, that last case prints the same message as a warning and exits 0.
"""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

IGNORE_FILE = Path(__file__).with_name("pip-audit-ignore.txt")
TIMEOUT_S = 20


def ignored() -> list[str]:
    """Advisory ids from the ignore file; every line must say why."""
    ids = []
    for n, raw in enumerate(IGNORE_FILE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        advisory, _, reason = line.partition(" reason:")
        if not reason.strip():
            sys.exit(f"pip-audit: {IGNORE_FILE.name} line {n}: {advisory.split()[0]} has no 'reason: ...'")
        ids.append(advisory.split()[0])
    return ids


def _probe(request: urllib.request.Request) -> str | None:
    """None when the service answered 200, else what went wrong."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return None if response.status == 200 else f"HTTP {response.status}"
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code} {e.reason}"
    except (urllib.error.URLError, OSError) as e:
        return f"{type(e).__name__}: {getattr(e, 'reason', e)}"


def reachable_service() -> tuple[str | None, list[str]]:
    """The first pip-audit service that answers a query for a release that exists, and what the others said."""
    name, ver = "pip-audit", version("pip-audit")
    probes = {
        # pip-audit's PyPI service asks for one release's JSON, which lists its advisories.
        "pypi": urllib.request.Request(f"https://pypi.org/pypi/{name}/{ver}/json"),
        "osv": urllib.request.Request(
            "https://api.osv.dev/v1/query",
            data=json.dumps({"package": {"name": name, "ecosystem": "PyPI"}, "version": ver}).encode(),
            headers={"Content-Type": "application/json"},
        ),
    }
    seen = []
    for service, request in probes.items():
        problem = _probe(request)
        if problem is None:
            return service, seen
        seen.append(f"  {service}: {request.get_method()} {request.full_url} -> {problem}")
    return None, seen


def main() -> int:
    ignore = ignored()
    service, seen = reachable_service()
    if service is None:
        warn = os.environ.get("PIP_AUDIT_UNREACHABLE") == "warn"
        print(
            f"pip-audit: {'WARNING' if warn else 'FAILED'}: no vulnerability service could be reached, so NOTHING "
            "WAS AUDITED.\n" + "\n".join(seen),
            file=sys.stderr,
        )
        return 0 if warn else 2
    command = [sys.executable, "-m", "pip_audit", "-s", service, "-f", "json", "--skip-editable"]
    command += ["--progress-spinner", "off", "--desc", "off", "--timeout", str(TIMEOUT_S)]
    for advisory in ignore:
        command += ["--ignore-vuln", advisory]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit did not finish (exit {done.returncode}):\n{done.stderr}{done.stdout}", file=sys.stderr)
        return 1
    deps = report["dependencies"]
    vulnerable = [d for d in deps if d.get("vulns")]
    unaudited = [d for d in deps if d.get("skip_reason") and d["skip_reason"] != "distribution marked as editable"]
    for d in vulnerable:
        for v in d["vulns"]:
            fixes = ", ".join(v.get("fix_versions") or []) or "none yet"
            aliases = ", ".join(v.get("aliases") or [])
            print(f"VULNERABLE {d['name']} {d['version']}: {v['id']} ({aliases}); fixed in {fixes}", file=sys.stderr)
    for d in unaudited:
        print(f"NOT AUDITED {d['name']}: {d['skip_reason']}", file=sys.stderr)
    audited = sum(1 for d in deps if not d.get("skip_reason"))
    print(
        f"pip-audit ({service}): {audited} packages audited, {len(vulnerable)} vulnerable, "
        f"{len(unaudited)} could not be audited, {len(ignore)} advisories ignored by {IGNORE_FILE.name}"
    )
    return 1 if vulnerable or unaudited else 0


if __name__ == "__main__":
    sys.exit(main())
