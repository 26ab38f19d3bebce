#ifndef TIDINGS_CSQLITETUNING_H
#define TIDINGS_CSQLITETUNING_H

/// Turns off SQLite's memory statistics for the whole process (SQLITE_CONFIG_MEMSTATUS), which Debian's build
/// keeps on: with them, every allocation SQLite makes takes a global mutex to count it. Only possible before
/// SQLite is initialized (before the first connection opens); returns SQLite's result code (SQLITE_MISUSE later).
/// sqlite3_config is variadic, so Swift cannot call it itself.
int tidings_sqlite_disable_memory_statistics(void);

#endif
