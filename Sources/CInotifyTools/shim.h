#ifndef TIDINGS_CINOTIFYTOOLS_SHIM_H
#define TIDINGS_CINOTIFYTOOLS_SHIM_H
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>
#endif
