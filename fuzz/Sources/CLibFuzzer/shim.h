#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt FuzzerInterface.h): parses libFuzzer's flags from argv and runs `callback`
/// on each input. Calling it from our own `main` avoids libFuzzer's `main`, which SwiftPM's executable
/// linking cannot use (it links `<target>_main` as the program's entry point).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
