/* compute_thread.c: ComputeThreads driven from C through opaque handles,
 * including a failing job and an invalid index. */
#include "pocketpy.h"
#include <stdio.h>
#include <string.h>

int main(void) {
    py_initialize();

    py_ComputeThread* ct = py_ComputeThread_new(1);
    if(!ct) { py_printexc(); return 1; }

    /* exec, then eval: state persists in the worker's VM. */
    py_ComputeThread_submit_exec(ct, "def work(n, scale=1):\n    return sum(i * i for i in range(n)) * scale\n");
    py_ComputeThread_wait(ct, -1);
    py_ComputeThread_submit_eval(ct, "work(1000)");
    py_ComputeThread_wait(ct, -1);
    if(py_ComputeThread_last_retval(ct)) {
        printf("work(1000) = %lld\n", (long long)py_toint(py_retval()));
    }

    /* submit_call with args and kwargs, pickled across VMs. */
    py_Ref items = py_newtuple(py_r0(), 1);
    py_newint(&items[0], 10);
    py_newdict(py_r1());
    py_newint(py_r2(), 3);
    py_dict_setitem_by_str(py_r1(), "scale", py_r2());
    py_ComputeThread_submit_call(ct, "work", py_r0(), py_r1());
    while(!py_ComputeThread_wait(ct, 10)) {}
    if(py_ComputeThread_last_retval(ct)) {
        printf("work(10, scale=3) = %lld\n", (long long)py_toint(py_retval()));
    }

    /* A structured result. */
    py_ComputeThread_submit_eval(ct, "{'sum': work(4), 'items': [1, 2.5, 'x', None]}");
    py_ComputeThread_wait(ct, -1);
    if(py_ComputeThread_last_retval(ct)) {
        py_repr(py_retval());
        printf("result: %s\n", py_tostr(py_retval()));
    }

    /* A failing job: the worker survives, the error keeps its traceback. */
    py_ComputeThread_submit_exec(ct, "def boom():\n    raise ValueError('bad input')\nboom()\n");
    py_ComputeThread_wait(ct, -1);
    printf("done: %d\n", (int)py_ComputeThread_is_done(ct));
    const char* err = py_ComputeThread_last_error(ct);
    printf("last error:\n%s\n", err ? err : "(none)");
    if(!py_ComputeThread_last_retval(ct)) {
        printf("raised here: %s\n", py_matchexc(tp_ValueError) ? "ValueError" : "?");
    }

    /* Busy: a second submit while the first runs is refused. */
    py_ComputeThread_submit_exec(ct, "import time\ntime.sleep(0.2)\n");
    if(!py_ComputeThread_submit_eval(ct, "1")) {
        char* msg = py_formatexc();
        printf("busy: %s\n", strstr(msg, "busy") ? "refused" : msg);
        py_free(msg);
    }
    py_ComputeThread_wait(ct, -1);
    py_ComputeThread_submit_eval(ct, "work(3)");
    py_ComputeThread_wait(ct, -1);
    py_ComputeThread_last_retval(ct);
    printf("still alive: %lld\n", (long long)py_toint(py_retval()));

    /* Invalid and taken indexes. */
    py_ComputeThread* bad = py_ComputeThread_new(1);
    printf("index 1 again: %s\n", bad ? "created?!" : "NULL");
    py_clearexc(NULL);
    bad = py_ComputeThread_new(99);
    printf("index 99: %s\n", bad ? "created?!" : "NULL");
    py_clearexc(NULL);

    py_ComputeThread_delete(ct);
    py_finalize();
    return 0;
}
