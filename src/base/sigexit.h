/* sigexit: the signals that end tipscreen (SIGINT, SIGTERM, SIGHUP, SIGQUIT:
 * Ctrl-\ would otherwise leave the line mode's answers in the scrollback) routed
 * to one handler, so every front end can clear the screen on its way out.
 * The handler must be async-signal-safe (set a flag, write(2), _exit). */
#ifndef TIPSCREEN_SIGEXIT_H
#define TIPSCREEN_SIGEXIT_H

void sigexit_catch(void (*handler)(int sig));

#endif
