/* worker_pool.c: a pool of worker VMs driven from C. Jobs go to whichever
 * worker is free; each returns a future the host waits on. A failing job
 * reports its remote traceback; the pool survives it. */
#include "pocketpy.h"
#include <stdio.h>
#include <string.h>

#define N_JOBS 12

int main(void) {
    py_initialize();

    py_WorkerPool* pool = py_WorkerPool_new(3);
    if(!pool) {
        py_printexc();
        return 1;
    }

    /* Each job defines what it needs: functions can be given as source. */
    const char* chunk_stats = "lambda lo, hi, mod=7: sum(i * i % mod for i in range(lo, hi))";
    py_Future* futs[N_JOBS];
    for(int i = 0; i < N_JOBS; i++) {
        py_Ref args = py_newtuple(py_r0(), 2);
        py_newint(&args[0], i * 10000);
        py_newint(&args[1], (i + 1) * 10000);
        futs[i] = py_WorkerPool_submit_call(pool, chunk_stats, py_r0(), NULL);
        if(!futs[i]) {
            py_printexc();
            return 1;
        }
    }
    long long total = 0;
    for(int i = 0; i < N_JOBS; i++) {
        py_Future_wait(futs[i], -1);
        if(py_Future_result(futs[i])) total += py_toint(py_retval());
        py_Future_delete(futs[i]);
    }
    printf("sum over %d chunks: %lld\n", N_JOBS, total);
    if(py_eval("sum(i * i % 7 for i in range(120000))", NULL)) {
        printf("same as one VM computes: %s\n", py_toint(py_retval()) == total ? "yes" : "no");
    }

    /* Keyword arguments and structured results. */
    py_newtuple(py_r0(), 0);
    py_newdict(py_r1());
    py_newstr(py_r2(), "pool");
    py_dict_setitem_by_str(py_r1(), "name", py_r2());
    py_Future* f = py_WorkerPool_submit_call(pool, "lambda name: {'hello': name, 'vm_nonzero': __import__('pkpy').currentvm() > 0}", py_r0(), py_r1());
    py_Future_wait(f, -1);
    if(py_Future_result(f) && py_repr(py_retval())) printf("result: %s\n", py_tostr(py_retval()));
    py_Future_delete(f);

    /* A failing job: the error text carries the remote traceback. */
    py_newtuple(py_r0(), 1);
    py_newint(py_tuple_getitem(py_r0(), 0), 0);
    f = py_WorkerPool_submit_call(pool, "lambda d: 1 / d", py_r0(), NULL);
    py_Future_wait(f, -1);
    const char* err = py_Future_error(f);
    printf("error has a traceback: %s\n", err && strstr(err, "Traceback") ? "yes" : "no");
    printf("error ends with: %s\n", err ? strrchr(err, '\n') + 1 : "(none)");
    if(!py_Future_result(f)) {
        printf("raised here: %s\n", py_matchexc(tp_ZeroDivisionError) ? "ZeroDivisionError" : "?");
        py_clearexc(NULL);
    }
    py_Future_delete(f);

    /* A job that takes a while: a short wait times out, a long one succeeds. */
    f = py_WorkerPool_submit_call(pool, "__import__('time').sleep", NULL, NULL);
    printf("missing argument is a job error: %s\n", py_Future_wait(f, -1) && py_Future_error(f) ? "yes" : "no");
    py_Future_delete(f);
    py_newtuple(py_r0(), 1);
    py_newfloat(py_tuple_getitem(py_r0(), 0), 0.2);
    f = py_WorkerPool_submit_call(pool, "__import__('time').sleep", py_r0(), NULL);
    printf("done after 1 ms: %s\n", py_Future_wait(f, 1) ? "yes" : "no");
    printf("done eventually: %s\n", py_Future_wait(f, -1) ? "yes" : "no");
    py_Future_delete(f);

    /* Misuse is reported, not fatal. */
    py_WorkerPool* too_big = py_WorkerPool_new(13);
    printf("13 more workers: %s\n", too_big ? "created?!" : "refused");
    py_clearexc(NULL);
    f = py_WorkerPool_submit_call(pool, NULL, NULL, NULL);
    printf("NULL source: %s\n", f ? "accepted?!" : "refused");
    py_clearexc(NULL);

    py_WorkerPool_delete(pool);
    /* The slots are free again. */
    pool = py_WorkerPool_new(15);
    printf("15 workers after delete: %s\n", pool ? "yes" : "no");
    py_WorkerPool_delete(pool);
    py_finalize();
    return 0;
}
