#!/usr/bin/env bash
# Builds Tidings (release) and installs it as a systemd service. See Deploy/README.md.
#
#   Deploy/install.sh [--no-build | --build-only] [--destdir DIR] [--prefix DIR]
#
# DESTDIR (staging root, default empty) and PREFIX (default /usr/local) may also come from the environment.
# Idempotent: running it again installs the same files; an existing /etc/tidings/tidings.toml is never
# overwritten. Creates the tidings user and /srv/tidings/inbox only for a real install (no DESTDIR, root).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD

usage() {
    sed -n '2,8s/^# \{0,1\}//p' "$0"
    cat <<'EOF'

  --no-build      reuse the release build in .build/release (and its man pages) instead of building;
                  runs no swift command, so `Deploy/install.sh --build-only` as yourself, then
                  `sudo Deploy/install.sh --no-build` works
  --build-only    build the release and its man pages, install nothing (needs no root)
  --destdir DIR   stage the installation below DIR (for packaging and CI)
  --prefix DIR    where bin/, libexec/, share/ go (default /usr/local)
EOF
}

say() { printf 'install: %s\n' "$*"; }
step() { printf '\n==> %s\n' "$*"; }
die() { printf 'install: error: %s\n' "$*" >&2; exit 1; }

build=yes
DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) build=no ;;
        --build-only) build=only ;;
        --destdir) [ $# -ge 2 ] || die "--destdir needs a folder"; DESTDIR=$2; shift ;;
        --destdir=*) DESTDIR=${1#*=} ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; PREFIX=$2; shift ;;
        --prefix=*) PREFIX=${1#*=} ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
    shift
done
source Deploy/layout.sh
resolve_layout create
if [ "$build" != only ] && [ -z "$DESTDIR" ] && [ "$(id -u)" -ne 0 ]; then
    die "installing into / needs root: run it with sudo (after building as yourself: --no-build), or set --destdir"
fi

resources=Tidings_EventExtraction.resources
release=$source_dir/.build/release
manual=$source_dir/.build/manual

if [ "$build" != no ]; then
    step "Building a release (swift build -c release --static-swift-stdlib)"
    Deploy/dev-deps.sh
    # The Swift runtime and Foundation are linked in: the installed programs do not depend on the toolchain
    # (/opt/swift/usr/lib/swift/linux), which has no stable ABI on Linux and may be upgraded or removed.
    swift build -c release --static-swift-stdlib
    step "Generating man pages (swift-argument-parser's generate-manual)"
    # The tool behind `swift package plugin generate-manual`, run directly: the plugin rebuilds the products
    # without --static-swift-stdlib (and rejects -Xswiftc -static-stdlib), relinking them every time.
    # Built with the same flags as above, so nothing else is rebuilt; no network needed.
    date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
    rm -rf "$manual" && mkdir -p "$manual"
    if swift build -c release --static-swift-stdlib --product generate-manual; then
        for program in tidingsd tidingsctl; do
            "$release/generate-manual" "$release/$program" --date "$date" --output-directory "$manual" \
                || say "warning: generate-manual failed for $program; its man page will be made from --help"
        done
        # generate-manual puts `subcommand` in every synopsis (it counts the built-in `help`); tidingsd has none.
        if [ -f "$manual/tidingsd.1" ]; then sed -i '/^\.Ar subcommand$/d' "$manual/tidingsd.1"; fi
    else
        say "warning: could not build generate-manual; the man pages will be made from --help"
    fi
else
    step "Reusing the release build in .build/release (--no-build)"
fi
for file in tidingsd tidingsctl; do
    [ -x "$release/$file" ] || die "no release build of $file in .build/release: run without --no-build (or with --build-only) first"
done
if ldd "$release/tidingsd" 2>/dev/null | grep 'libswiftCore\.so' >/dev/null; then
    say "warning: .build/release/tidingsd needs the toolchain's Swift runtime at run time (built without"
    say "         --static-swift-stdlib): it stops working if the toolchain is upgraded or removed; rebuild with"
    say "         Deploy/install.sh --build-only"
fi
[ -d "$release/$resources" ] || die "the release build has no $resources (the bundled dictionaries): rebuild with Deploy/install.sh --build-only"
if [ "$build" = only ]; then
    say "built .build/release/tidingsd and tidingsctl; install them with: sudo Deploy/install.sh --no-build"
    exit 0
fi
if [ "$build" = no ] && [ -n "$(find "$source_dir/Sources" -type f -newer "$release/tidingsd" -print -quit)" ]; then
    say "warning: some sources are newer than .build/release/tidingsd; rebuild to install them"
fi

step "Installing the programs into $bindir"
install -d -m 0755 "$bindir" "$libexecdir"
install -m 0755 "$release/tidingsd" "$libexecdir/tidingsd"
# Replace the bundle whole, so a dictionary removed from the sources does not linger.
rm -rf "$libexecdir/$resources"
cp -R "$release/$resources" "$libexecdir/$resources"
chmod -R u=rwX,go=rX "$libexecdir/$resources"
ln -sfn ../libexec/tidings/tidingsd "$bindir/tidingsd"
install -m 0755 "$release/tidingsctl" "$bindir/tidingsctl"
say "$bindir/tidingsd -> $PREFIX/libexec/tidings/tidingsd (with its $resources)"
say "$bindir/tidingsctl"

step "Installing the systemd units into $unitdir"
install -d -m 0755 "$unitdir"
# The units name /usr/local/bin; point them at this PREFIX.
sed "/^ExecStart=/s|/usr/local/bin/|$PREFIX/bin/|" systemd/tidingsd.service >"$unitdir/tidingsd.service.tmp"
mv "$unitdir/tidingsd.service.tmp" "$unitdir/tidingsd.service"
chmod 0644 "$unitdir/tidingsd.service"
install -m 0644 systemd/tidingsd.socket "$unitdir/tidingsd.socket"
say "$(grep '^ExecStart=' "$unitdir/tidingsd.service")"

step "Installing the configuration into $confdir"
install -d -m 0755 "$confdir" "$datadir"
# The shipped default, kept for reference and for uninstall.sh to tell an edited configuration from it.
install -m 0644 Deploy/tidings.toml "$datadir/tidings.toml"
if [ ! -e "$confdir/tidings.toml" ]; then
    install -m 0644 Deploy/tidings.toml "$confdir/tidings.toml"
    say "$confdir/tidings.toml (the default configuration)"
elif cmp -s Deploy/tidings.toml "$confdir/tidings.toml"; then
    rm -f "$confdir/tidings.toml.new"
    say "$confdir/tidings.toml is already the default configuration"
else
    install -m 0644 Deploy/tidings.toml "$confdir/tidings.toml.new"
    say "$confdir/tidings.toml exists and differs from the default: left as it is."
    say "the new default is $confdir/tidings.toml.new; compare with: diff -u $confdir/tidings.toml{,.new}"
fi

step "Installing shell completions (generated by the programs)"
install -d -m 0755 "$bashdir" "$zshdir" "$fishdir"
for program in tidingsd tidingsctl; do
    "$release/$program" --generate-completion-script bash >"$bashdir/$program"
    "$release/$program" --generate-completion-script zsh >"$zshdir/_$program"
    "$release/$program" --generate-completion-script fish >"$fishdir/$program.fish"
    chmod 0644 "$bashdir/$program" "$zshdir/_$program" "$fishdir/$program.fish"
done
say "bash: $bashdir, zsh: $zshdir, fish: $fishdir"

# The OVERVIEW paragraph of --help, on one line.
overview() { awk 'sub(/^OVERVIEW: /, "") { on = 1 } on && /^$/ { exit } on { sub(/^ +/, ""); printf "%s%s", sep, $0; sep = " " }'; }

# A minimal page from --help, for when swift-argument-parser's generate-manual could not run.
fallback_manual() {
    local program=$1 date
    date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
    printf '.\\" Made by Deploy/install.sh from `%s --help` (generate-manual did not run).\n' "$program"
    printf '.TH %s 1 "%s" "Tidings" "User Commands"\n' "$(tr '[:lower:]' '[:upper:]' <<<"$program")" "$date"
    printf '.SH NAME\n%s \\- %s\n' "$program" "$("$release/$program" --help | overview | sed 's/\\/\\e/g')"
    printf '.SH DESCRIPTION\n.nf\n'
    # Escape backslashes and leading dots/quotes, which roff would read as requests.
    "$release/$program" --help | sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"
    printf '.fi\n'
}

step "Installing man pages into $mandir"
install -d -m 0755 "$mandir"
for program in tidingsd tidingsctl; do
    page=$manual/$program.1
    if [ -f "$page" ]; then
        [ "$page" -nt "$release/$program" ] || say "warning: $page is older than the build; rerun without --no-build"
        install -m 0644 "$page" "$mandir/$program.1"
        say "$program.1 (generate-manual)"
    else
        fallback_manual "$program" >"$mandir/$program.1"
        chmod 0644 "$mandir/$program.1"
        say "$program.1: minimal page made from --help (no generate-manual output; run without --no-build)"
    fi
done

systemd_running=no
if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ]; then systemd_running=yes; fi
if [ -z "$DESTDIR" ]; then
    step "Creating the tidings user and the watched folder"
    if getent group tidings >/dev/null; then
        say "group tidings exists"
    else
        groupadd --system tidings
        say "created the system group tidings"
    fi
    if getent passwd tidings >/dev/null; then
        say "user tidings exists"
    else
        useradd --system --no-create-home --home-dir /var/lib/tidings --shell /usr/sbin/nologin \
            --gid tidings --comment "Tidings daemon" tidings
        say "created the system user tidings"
    fi
    if [ -d /srv/tidings/inbox ]; then
        say "/srv/tidings/inbox exists: left as it is"
    else
        install -d -m 0755 /srv/tidings
        # Group-readable (the daemon runs as tidings); setgid so files dropped in stay in the group.
        install -d -m 2750 -o root -g tidings /srv/tidings/inbox
        say "created /srv/tidings/inbox (root:tidings, 2750)"
    fi
    if [ "$systemd_running" = yes ]; then
        systemctl daemon-reload
        say "systemd reloaded its units"
        if systemctl is-active --quiet tidingsd.service; then
            say "tidingsd is running the old programs: systemctl restart tidingsd"
        fi
    fi
else
    step "Staged into $DESTDIR"
    say "not created (staging): the system user and group tidings, /srv/tidings/inbox"
fi

cat <<EOF

Installed Tidings $("$release/tidingsctl" --version) into ${DESTDIR:-/}.
Start it, then check it:

    systemctl enable --now tidingsd
    tidingsctl status
    journalctl -u tidingsd

(Where \$XDG_RUNTIME_DIR is set, as in a login session: tidingsctl --socket /run/tidings/control.sock status)

Articles go into /srv/tidings/inbox; the configuration is /etc/tidings/tidings.toml
(apply changes with: systemctl reload tidingsd). Members of the tidings group may run tidingsctl:
    usermod -aG tidings USER
EOF
