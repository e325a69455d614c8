/* exitcode: the process exit codes of DESIGN.md §8, shared by the command
 * line (src/cmd) and the office (src/office), which return them. */
#ifndef TIPSCREEN_EXITCODE_H
#define TIPSCREEN_EXITCODE_H

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_INPUT = 2 };

#endif
