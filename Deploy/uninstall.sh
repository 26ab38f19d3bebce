#!/usr/bin/env bash
# Removes what Deploy/install.sh installed. See Deploy/README.md.
#
#   Deploy/uninstall.sh [--destdir DIR] [--prefix DIR] [--remove-user]
#
# Use the same DESTDIR and PREFIX as for install.sh (also read from the environment). Never removes the
# data (/var/lib/tidings), the watched folder (/srv/tidings), or /etc/tidings/tidings.toml when it differs
# from the shipped default; removes the tidings user and group only with --remove-user.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,8s/^# \{0,1\}//p' "$0"; }
say() { printf 'uninstall: %s\n' "$*"; }
step() { printf '\n==> %s\n' "$*"; }
die() { printf 'uninstall: error: %s\n' "$*" >&2; exit 1; }

remove_user=no
DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
while [ $# -gt 0 ]; do
    case $1 in
        --remove-user) remove_user=yes ;;
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
resolve_layout existing
if [ -z "$DESTDIR" ] && [ "$(id -u)" -ne 0 ]; then
    die "uninstalling from / needs root: run it with sudo, or set --destdir"
fi

systemd_running=no
if [ -z "$DESTDIR" ] && [ -d /run/systemd/system ]; then systemd_running=yes; fi

# Removes files (not folders) that exist, saying which.
remove() {
    local path
    for path in "$@"; do
        if [ -e "$path" ] || [ -L "$path" ]; then
            rm -f "$path"
            say "removed $path"
        fi
    done
}

if [ "$systemd_running" = yes ]; then
    step "Stopping and disabling tidingsd"
    for unit in tidingsd.socket tidingsd.service; do
        if systemctl cat "$unit" >/dev/null 2>&1; then
            systemctl disable --now "$unit" || say "warning: could not stop or disable $unit"
        fi
    done
fi

step "Removing the programs"
remove "$bindir/tidingsd" "$bindir/tidingsctl"
if [ -d "$libexecdir" ]; then
    rm -rf "$libexecdir"
    say "removed $libexecdir"
fi

step "Removing the systemd units"
remove "$unitdir/tidingsd.service" "$unitdir/tidingsd.socket"
if [ -d "$unitdir/tidingsd.service.d" ]; then say "kept $unitdir/tidingsd.service.d (your drop-ins)"; fi
if [ "$systemd_running" = yes ]; then
    systemctl daemon-reload
    systemctl reset-failed tidingsd.service 2>/dev/null || true
fi

step "Removing the completions and man pages"
for program in tidingsd tidingsctl; do
    remove "$bashdir/$program" "$zshdir/_$program" "$fishdir/$program.fish" "$mandir/$program.1"
done

step "Removing the configuration if unchanged"
# Compare with the shipped default as installed (the sources may have moved on since).
shipped=$datadir/tidings.toml
[ -f "$shipped" ] || shipped=Deploy/tidings.toml
for file in "$confdir/tidings.toml.new" "$confdir/tidings.toml"; do
    [ -e "$file" ] || continue
    if cmp -s "$shipped" "$file"; then
        remove "$file"
    else
        say "kept $file: it differs from the shipped default"
    fi
done
remove "$datadir/tidings.toml"
rmdir "$datadir" 2>/dev/null || true
rmdir "$confdir" 2>/dev/null || true

if [ -z "$DESTDIR" ]; then
    step "Keeping the data"
    if [ -d /var/lib/tidings ]; then say "kept /var/lib/tidings (the database): remove it by hand if you no longer need it"; fi
    if [ -d /srv/tidings ]; then say "kept /srv/tidings (your articles)"; fi
    if [ "$remove_user" = yes ]; then
        step "Removing the tidings user and group"
        if getent passwd tidings >/dev/null; then
            userdel tidings
            say "removed the user tidings"
        fi
        if getent group tidings >/dev/null; then
            groupdel tidings
            say "removed the group tidings"
        fi
    elif getent passwd tidings >/dev/null; then
        say "kept the user and group tidings (--remove-user removes them)"
    fi
elif [ "$remove_user" = yes ]; then
    say "--remove-user ignored: DESTDIR is set, no user was created"
fi

printf '\nUninstalled Tidings from %s.\n' "${DESTDIR:-/}"
