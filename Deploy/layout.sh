# Sourced by install.sh and uninstall.sh: where everything goes, so the two always agree.
# Expects die(), PREFIX and DESTDIR; sets PREFIX and DESTDIR normalized, and the folders below.
#   resolve_layout create    DESTDIR is made when missing (install)
#   resolve_layout existing  DESTDIR must exist (uninstall)
resolve_layout() {
    case $PREFIX in /*) ;; *) die "PREFIX must be an absolute path, not '$PREFIX'" ;; esac
    PREFIX=${PREFIX%/}
    [ -n "$PREFIX" ] || die "PREFIX cannot be /"
    if [ -n "$DESTDIR" ]; then
        if [ "$1" = create ]; then
            mkdir -p "$DESTDIR"
        else
            [ -d "$DESTDIR" ] || die "DESTDIR $DESTDIR does not exist"
        fi
        DESTDIR=$(cd "$DESTDIR" && pwd)
        [ "$DESTDIR" != / ] || DESTDIR=""
    fi

    # The daemon's bundled dictionaries are a SwiftPM resource bundle that Foundation looks for next to the
    # executable's real path, so tidingsd lives in libexec with its bundle and bin holds a symlink (the
    # fallback SwiftPM compiles in is the build folder, which an installed daemon must not need).
    bindir=$DESTDIR$PREFIX/bin
    libexecdir=$DESTDIR$PREFIX/libexec/tidings
    datadir=$DESTDIR$PREFIX/share/tidings
    mandir=$DESTDIR$PREFIX/share/man/man1
    bashdir=$DESTDIR$PREFIX/share/bash-completion/completions
    zshdir=$DESTDIR$PREFIX/share/zsh/site-functions
    fishdir=$DESTDIR$PREFIX/share/fish/vendor_completions.d
    if [ "$PREFIX" = /usr/local ]; then
        unitdir=$DESTDIR/etc/systemd/system
    else
        unitdir=$DESTDIR$PREFIX/lib/systemd/system
    fi
    confdir=$DESTDIR/etc/tidings
}
