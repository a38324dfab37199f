/* native_pthreads.c: threads around the interpreter.
 *
 * 1. A native function bound into Python fans its work out to pthreads
 *    (plain C work: the threads never touch a VM) and returns the total.
 * 2. Four pthreads each own a VM (1..4) and run Python at the same time.
 *    While one of them holds VM 1, the main thread's attempt to switch to it
 *    is refused with a message instead of corrupting anything.
 * 3. When the threads exit their VMs are released: the main thread switches
 *    to each one and reads what the thread left in it. */
#include "pocketpy.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* ---- 1. a native function that uses pthreads internally ---------------- */

typedef struct {
    long long lo, hi, sum;
} Range;

static void* sum_squares(void* arg) {
    Range* r = (Range*)arg;
    r->sum = 0;
    for(long long i = r->lo; i < r->hi; i++) r->sum += i * i % 7;
    return NULL;
}

/* parallel_sum(n): sum(i*i % 7 for i in range(n)) on 4 pthreads. */
static bool parallel_sum(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    PY_CHECK_ARG_TYPE(0, tp_int);
    long long n = py_toint(py_arg(0));
    if(n < 0) return ValueError("n must be >= 0");
    pthread_t th[4];
    Range parts[4];
    for(int i = 0; i < 4; i++) {
        parts[i].lo = n * i / 4;
        parts[i].hi = n * (i + 1) / 4;
        pthread_create(&th[i], NULL, sum_squares, &parts[i]);
    }
    long long total = 0;
    for(int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        total += parts[i].sum;
    }
    py_newint(py_retval(), total);
    return true;
}

/* ---- 2. threads that each own a VM ------------------------------------- */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int vm1_held = 0;     /* thread 1 has switched to VM 1 */
static int main_checked = 0; /* main tried VM 1 while it was held */

typedef struct {
    int vm;
    bool ok;
    long long result;
} Job;

static void* run_vm(void* arg) {
    Job* job = (Job*)arg;
    if(!py_tryswitchvm(job->vm)) {
        fprintf(stderr, "thread for VM %d: %s\n", job->vm, py_lastswitcherror());
        return NULL;
    }
    if(job->vm == 1) {
        /* Hold VM 1 until the main thread has tried to take it. */
        pthread_mutex_lock(&mu);
        vm1_held = 1;
        pthread_cond_broadcast(&cv);
        while(!main_checked) pthread_cond_wait(&cv, &mu);
        pthread_mutex_unlock(&mu);
    }
    char src[256];
    snprintf(src, sizeof src,
             "def collatz(n):\n"
             "    steps = 0\n"
             "    while n != 1:\n"
             "        n = n // 2 if n %% 2 == 0 else 3 * n + 1\n"
             "        steps += 1\n"
             "    return steps\n"
             "result = sum(collatz(i) for i in range(1, %d))\n",
             2000 * job->vm);
    job->ok = py_exec(src, "<thread>", EXEC_MODE, NULL);
    if(!job->ok) {
        py_printexc();
        return NULL;
    }
    job->ok = py_eval("result", NULL);
    if(job->ok) job->result = py_toint(py_retval());
    return NULL; /* exiting releases VM job->vm */
}

int main(void) {
    py_initialize();

    py_GlobalRef mod = py_getmodule("__main__");
    py_bind(mod, "parallel_sum(n)", parallel_sum);
    if(!py_exec("total = parallel_sum(1000000)\n"
                "print('parallel_sum(1000000) =', total)\n"
                "assert total == sum(i * i % 7 for i in range(1000000))\n"
                "print('matches the Python loop')\n",
                "<main>", EXEC_MODE, NULL)) {
        py_printexc();
        return 1;
    }
    if(!py_exec("parallel_sum(-1)", "<main>", EXEC_MODE, NULL)) {
        printf("bad argument: %s", py_matchexc(tp_ValueError) ? "ValueError\n" : "?\n");
        py_clearexc(NULL);
    }

    Job jobs[4];
    pthread_t th[4];
    for(int i = 0; i < 4; i++) {
        jobs[i].vm = i + 1;
        jobs[i].ok = false;
        jobs[i].result = -1;
        pthread_create(&th[i], NULL, run_vm, &jobs[i]);
    }

    /* VM 1 is held by its thread: switching to it is refused, not fatal. */
    pthread_mutex_lock(&mu);
    while(!vm1_held) pthread_cond_wait(&cv, &mu);
    bool took = py_tryswitchvm(1);
    const char* why = py_lastswitcherror();
    printf("switch to VM 1 while a thread holds it: %s\n", took ? "allowed?!" : "refused");
    printf("message names the index: %s\n", strstr(why, "1") ? "yes" : why);
    printf("still on VM %d\n", py_currentvm());
    py_clearexc(NULL);
    main_checked = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);

    for(int i = 0; i < 4; i++) pthread_join(th[i], NULL);
    for(int i = 0; i < 4; i++) {
        printf("VM %d: ok=%d result=%lld\n", jobs[i].vm, (int)jobs[i].ok, jobs[i].result);
    }

    /* The threads are gone, so their VMs are free; their globals remain. */
    for(int i = 1; i <= 4; i++) {
        py_switchvm(i);
        bool ok = py_eval("result", NULL);
        printf("back on VM %d: result=%lld\n", py_currentvm(), ok ? (long long)py_toint(py_retval()) : -1LL);
    }
    py_switchvm(0);
    /* Isolation: VM 0 never defined `result`. */
    if(!py_eval("result", NULL)) {
        printf("VM 0 has no 'result': %s\n", py_matchexc(tp_NameError) ? "NameError" : "?");
        py_clearexc(NULL);
    }
    py_finalize();
    return 0;
}
