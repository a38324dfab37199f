/* limits.c: the watchdog, the heap limit and interrupts from another thread,
 * as a game host uses them to keep a script from hanging or eating memory. */
#include "pocketpy.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Run source; print "ok" or the last line of the error. */
static void run(const char* what, const char* source) {
    if(py_exec(source, "<script>", EXEC_MODE, NULL)) {
        printf("%s: ok\n", what);
        return;
    }
    char* msg = py_formatexc();
    const char* last = msg;
    for(const char* p = msg; *p; p++) {
        if(p[0] == '\n' && p[1]) last = p + 1;
    }
    printf("%s: %s", what, last);
    if(last[strlen(last) - 1] != '\n') printf("\n");
    py_free(msg);
    py_clearexc(NULL);
}

static void* interrupter(void* arg) {
    (void)arg;
    usleep(50 * 1000);
    /* VM 0 is held by the main thread, busy in a loop: interrupt it. */
    if(!py_interrupt(0)) printf("interrupt refused\n");
    return NULL;
}

int main(void) {
    py_initialize();

    /* Watchdog: a runaway loop, and a script trying to switch it off. */
    py_watchdog_begin(50);
    run("runaway loop", "while True: pass");
    run("script ends watchdog", "import pkpy\npkpy.watchdog_end()\nwhile True: pass");
    run("recursion without loops", "def f(n): return 0 if n == 0 else f(n-1) + f(n-1)\nf(50)");
    py_watchdog_end();
    run("after watchdog_end", "x = sum(range(100000))");

    /* Heap limit: MemoryError instead of swallowing the machine. */
    py_heap_setlimit(32 * 1024 * 1024);
    run("big repeat", "x = [0] * 10**9");
    run("growing list", "l = []\nwhile True: l.append(str(len(l)))");
    printf("matches MemoryError: %d\n", (int)py_exec("try:\n    y = 'ab' * 10**9\nexcept MemoryError:\n    ok = True", "<s>", EXEC_MODE, NULL));
    run("work goes on", "del l\ndata = [str(i) for i in range(100000)]\nassert len(data) == 100000");
    printf("usage under limit: %d\n", (int)(py_heap_usage() > 0 && py_heap_usage() < 32 * 1024 * 1024));
    py_heap_setlimit(0);

    /* Another thread interrupts the VM this thread is running. */
    pthread_t t;
    pthread_create(&t, NULL, interrupter, NULL);
    run("interrupted loop", "while True: pass");
    pthread_join(t, NULL);
    printf("bad index: %d\n", (int)py_interrupt(99));

    /* A ComputeThread job, interrupted through its handle. */
    py_ComputeThread* ct = py_ComputeThread_new(1);
    printf("idle interrupt: %d\n", (int)py_ComputeThread_interrupt(ct));
    py_ComputeThread_submit_exec(ct, "while True: pass");
    usleep(30 * 1000);
    printf("interrupt job: %d\n", (int)py_ComputeThread_interrupt(ct));
    py_ComputeThread_wait(ct, -1);
    const char* err = py_ComputeThread_last_error(ct);
    printf("job error: %s\n", err && strstr(err, "KeyboardInterrupt: interrupted by the host") ? "KeyboardInterrupt" : "?");
    py_ComputeThread_submit_eval(ct, "6 * 7");
    py_ComputeThread_wait(ct, -1);
    if(py_ComputeThread_last_retval(ct)) printf("next job: %lld\n", (long long)py_toint(py_retval()));
    py_ComputeThread_delete(ct);

    py_finalize();
    return 0;
}
