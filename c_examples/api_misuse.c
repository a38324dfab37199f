/* Misusing the C API is a clear error, never undefined behaviour or a crash.
 *
 * Each misuse below gives either a Python exception (the function returns
 * false / -1 / NULL and py_checkexc() is true; py_formatexc() tells why), or
 * — where a function cannot raise — a line "pocketpy: <function>: <reason>"
 * on stderr and a safe value: no effect, and 0 / false / NULL ("" for the
 * string readers). This program prints what each call returned; the reasons
 * printed on stderr are not part of the expected output.
 *
 * Covered: NULL pointers, wrong types, out-of-range indices, calls with no
 * current VM (before py_initialize, after py_finalize, on a fresh thread), a
 * thread switching to a VM another thread holds, switching/resetting/
 * finalizing from a native function while Python runs, ComputeThread /
 * WorkerPool / Future handles that are NULL, deleted, deleted twice or of the
 * wrong kind, and py_finalize while a ComputeThread and a pool still run. */
#include "pocketpy.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Print the last line of the pending exception (and clear it); handle
 * values ("0x...") differ between runs and are left out. */
static void exc(const char* what) {
    if(!py_checkexc(false)) {
        printf("%s: no exception\n", what);
        return;
    }
    char* msg = py_formatexc();
    const char* last = strrchr(msg, '\n');
    last = last ? last + 1 : msg;
    printf("%s -> ", what);
    for(const char* p = last; *p; p++) {
        if(p[0] == '0' && p[1] == 'x') {
            fputs("0x...", stdout);
            for(p += 2; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'); p++) {}
            p--;
        } else {
            putchar(*p);
        }
    }
    putchar('\n');
    py_free(msg);
}

#define RAISES(call)                                   \
    do {                                               \
        long long r_ = (long long)(call);              \
        printf("%s = %lld; ", #call, r_);              \
        exc("");                                       \
    } while(0)

#define SAFE(call) printf("%s = %lld\n", #call, (long long)(call))
#define SAFE_PTR(call) printf("%s is %s\n", #call, (call) == NULL ? "NULL" : "not NULL")
#define SAFE_VOID(call)                                        \
    do {                                                       \
        call;                                                  \
        printf("%s: ignored%s\n", #call, py_checkexc(false) ? " (exception pending!)" : ""); \
    } while(0)

/* Digits replaced by '#': thread ids differ between runs. */
static void print_redacted(const char* label, const char* s) {
    printf("%s: ", label);
    for(int in_digits = 0; *s; s++) {
        if(*s >= '0' && *s <= '9') {
            if(!in_digits) putchar('#');
            in_digits = 1;
        } else {
            putchar(*s);
            in_digits = 0;
        }
    }
    putchar('\n');
}

static bool add(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(2);
    py_newint(py_retval(), py_toint(py_arg(0)) + py_toint(py_arg(1)));
    return true;
}

/* Called from Python: the VM runs Python code, so it must not be switched
 * away from, reset or freed here. */
static bool meddle(int argc, py_StackRef argv) {
    (void)argc;
    (void)argv;
    py_resetvm();
    py_resetallvm();
    py_finalize();
    py_switchvm(2);
    exc("  py_switchvm(2) inside a native function");
    printf("  still VM %d\n", py_currentvm());
    py_newint(py_retval(), 42);
    return true;
}

static void* other_thread(void* arg) {
    (void)arg;
    /* VM 0 is the main thread's: refused, with both thread ids and the index. */
    py_switchvm(0);
    printf("thread: py_currentvm() = %d after py_switchvm(0)\n", py_currentvm());
    printf("thread: py_tryswitchvm(0) = %d\n", py_tryswitchvm(0));
    print_redacted("thread: py_lastswitcherror()", py_lastswitcherror());
    /* No VM on this thread: every call that needs one says so. */
    printf("thread: py_exec without a VM = %d\n", py_exec("1", "<t>", EXEC_MODE, NULL));
    SAFE_PTR(py_retval());
    /* The thread may take a free VM; it is released when the thread ends. */
    py_switchvm(5);
    py_exec("print('thread: runs on VM', __import__('pkpy').currentvm())", "<t>", EXEC_MODE, NULL);
    return NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0); /* keep our lines and the VMs' in order */

    printf("== before py_initialize\n");
    SAFE(py_currentvm());
    SAFE(py_exec("1", "<x>", EXEC_MODE, NULL));
    SAFE_PTR(py_retval());
    SAFE(py_toint(py_retval()));
    SAFE(py_gc_collect());

    printf("== py_initialize twice\n");
    py_initialize();
    py_initialize();
    SAFE(py_currentvm());

    printf("== NULL and wrong arguments\n");
    RAISES(py_exec(NULL, "<x>", EXEC_MODE, NULL));
    RAISES(py_exec("x = 1", NULL, EXEC_MODE, NULL)); /* NULL filename: "<string>" */
    RAISES(py_exec("1", "<x>", 7, NULL));
    RAISES(py_eval(NULL, NULL));
    RAISES(py_compile(NULL, "<x>", EXEC_MODE, false));
    RAISES(py_import(NULL));
    RAISES(py_getattr(NULL, py_name("x")));
    py_newint(py_r0(), 7);
    RAISES(py_getattr(py_r0(), NULL));
    RAISES(py_setattr(py_r0(), py_name("x"), NULL));
    RAISES(py_getitem(NULL, py_r0()));
    RAISES(py_setitem(py_r0(), NULL, py_r0()));
    RAISES(py_binaryop(py_r0(), NULL, py_name("__add__"), py_name("__radd__")));
    RAISES(py_str(NULL));
    RAISES(py_len(py_r0()));
    py_newnativefunc(py_r1(), add);
    RAISES(py_call(py_r1(), 2, NULL));
    RAISES(py_call(NULL, 0, NULL));
    RAISES(py_call(py_r1(), -1, NULL));
    RAISES(py_tpcall(9999, 0, NULL));
    RAISES(py_dict_setitem(NULL, py_r0(), py_r0()));
    RAISES(py_dict_getitem(py_r0(), py_r0())); /* not a dict */
    RAISES(py_dict_getitem_by_str(py_r0(), NULL));
    RAISES(py_pickle_loads(NULL, 5));
    RAISES(py_pickle_dumps(NULL));
    RAISES(py_json_loads(NULL));
    RAISES(py_raise(NULL));
    RAISES(py_exception_str(tp_int, "not an exception type"));
    RAISES(py_castint(NULL, NULL));
    RAISES(py_checktype(py_r0(), 9999));
    RAISES(py_smartexec_v("_0 + 1", NULL, 1, NULL, true));
    RAISES(py_applydict(py_r0(), NULL, NULL));

    printf("-- functions that cannot raise: stderr and a safe value\n");
    SAFE_VOID(py_newint(NULL, 5));
    SAFE_VOID(py_newstr(py_r2(), NULL));
    SAFE_VOID(py_newstr(NULL, "text"));
    SAFE_VOID(py_setglobal(py_name("g"), NULL));
    SAFE_PTR(py_getglobal(py_name("g")));
    SAFE_VOID(py_setglobal(NULL, py_r0()));
    SAFE_VOID(py_assign(NULL, py_r0()));
    SAFE_VOID(py_setreg(99, py_r0()));
    SAFE_PTR(py_getreg(-1));
    SAFE_PTR(py_peek(0));
    SAFE_PTR(py_peek(-1)); /* the stack is empty */
    SAFE_VOID(py_shrink(5));
    SAFE_VOID(py_push(NULL));
    SAFE(py_toint(NULL));
    py_newstr(py_r2(), "a str");
    SAFE(py_toint(py_r2()));
    SAFE(py_tofloat(py_r2()) == 0.0);
    SAFE(py_tobool(py_r0()));
    SAFE(py_totype(py_r0()));
    printf("py_tostr(NULL) = \"%s\"\n", py_tostr(NULL));
    printf("py_tostr(int) = \"%s\"\n", py_tostr(py_r0()));
    int n = -1;
    const char* s = py_tostrn(py_r0(), &n);
    printf("py_tostrn(int, &n) = \"%s\", n = %d\n", s, n);
    SAFE_PTR(py_tobytes(py_r0(), &n));
    SAFE_PTR(py_touserdata(py_r0()));
    SAFE(py_tosv(py_r0()).size);
    SAFE(py_isidentical(NULL, py_r0()));
    SAFE(py_callable(NULL));
    SAFE(py_isinstance(NULL, tp_int));
    SAFE_PTR(py_name(NULL));
    printf("py_name2str(NULL) = \"%s\"\n", py_name2str(NULL));
    printf("py_tpname(9999) = \"%s\"\n", py_tpname(9999));
    SAFE_PTR(py_tpobject(9999));
    SAFE_PTR(py_newobject(py_r3(), 9999, 0, 8));
    SAFE_PTR(py_getmodule(NULL));
    SAFE_PTR(py_newmodule(NULL));
    py_newlistn(py_r3(), 2);
    SAFE_PTR(py_list_getitem(py_r3(), 10));
    SAFE_VOID(py_list_setitem(py_r3(), -1, py_r0()));
    SAFE_VOID(py_list_insert(py_r3(), 99, py_r0()));
    SAFE_VOID(py_list_append(NULL, py_r0()));
    SAFE_VOID(py_list_delitem(py_r0(), 0)); /* not a list */
    SAFE(py_list_len(py_r3()));
    py_newtuple(py_r4(), 1);
    SAFE_PTR(py_tuple_getitem(py_r4(), 1));
    SAFE_VOID(py_tuple_setitem(py_r4(), 5, py_r0()));
    SAFE_VOID(py_tuple_setitem(py_r4(), 0, NULL));
    SAFE_PTR(py_getslot(py_r0(), 0));
    SAFE_VOID(py_setslot(py_r4(), 3, py_r0()));
    SAFE(py_dict_len(py_r0()));
    SAFE_VOID(py_bind(NULL, "f(a)", add));
    SAFE_VOID(py_bind(py_getmodule("__main__"), "no parentheses", add));
    SAFE_VOID(py_bindfunc(py_getmodule("__main__"), "f", NULL));
    SAFE_VOID(py_bindmethod(9999, "m", add));
    SAFE_VOID(py_sys_setargv(2, NULL));
    SAFE_VOID(py_clearexc((py_StackRef)&n)); /* not a stack pointer */
    SAFE(py_exec("print('the VM still works:', 6 * 7)", "<x>", EXEC_MODE, NULL));

    printf("== VM indices\n");
    int bad[] = {-1, 16, 1000};
    for(int i = 0; i < 3; i++) {
        py_switchvm(bad[i]);
        printf("py_switchvm(%d): ", bad[i]);
        exc("");
        bool took = py_tryswitchvm(bad[i]); /* before reading the reason it replaces */
        printf("py_tryswitchvm(%d) = %d: %s\n", bad[i], took, py_lastswitcherror());
        py_clearexc(NULL);
        printf("py_ComputeThread_new(%d) is %s; ", bad[i], py_ComputeThread_new(bad[i]) ? "not NULL" : "NULL");
        exc("");
        printf("py_WorkerPool_new(%d) is %s; ", bad[i], py_WorkerPool_new(bad[i]) ? "not NULL" : "NULL");
        exc("");
    }
    RAISES(py_ComputeThread_new(0)); /* the caller's own VM */
    RAISES(py_WorkerPool_new(0));
    SAFE(py_currentvm());

    printf("== another thread and VM 0\n");
    pthread_t t;
    pthread_create(&t, NULL, other_thread, NULL);
    pthread_join(t, NULL);
    py_switchvm(5); /* released when that thread ended */
    SAFE(py_currentvm());
    py_switchvm(0);

    printf("== re-entrant calls from a native function\n");
    py_bindfunc(py_getmodule("__main__"), "meddle", meddle);
    SAFE(py_exec("print('meddle() =', meddle())\nprint('after meddle: VM', __import__('pkpy').currentvm())", "<x>", EXEC_MODE, NULL));

    printf("== ComputeThread handles\n");
    py_ComputeThread* ct = py_ComputeThread_new(3);
    SAFE(ct != NULL);
    py_switchvm(3); /* held by the ComputeThread's worker */
    printf("py_switchvm(3): exception pending: %d\n", py_checkexc(false));
    py_clearexc(NULL);
    print_redacted("py_lastswitcherror()", py_lastswitcherror());
    RAISES(py_ComputeThread_submit_exec(NULL, "x = 1"));
    RAISES(py_ComputeThread_submit_exec(ct, NULL));
    RAISES(py_ComputeThread_submit_eval(ct, "__import__('time').sleep(0.2) or 5"));
    RAISES(py_ComputeThread_submit_eval(ct, "6")); /* busy */
    RAISES(py_ComputeThread_last_retval(ct)); /* not done */
    SAFE(py_ComputeThread_wait(ct, -1));
    RAISES(py_ComputeThread_last_retval(ct));
    SAFE(py_toint(py_retval()));
    SAFE(py_ComputeThread_is_done(NULL));
    SAFE(py_ComputeThread_wait(NULL, -1));
    SAFE_PTR(py_ComputeThread_last_error(NULL));
    RAISES(py_ComputeThread_last_retval(NULL));
    RAISES(py_ComputeThread_submit_exec((py_ComputeThread*)&n, "x")); /* not a handle */
    SAFE_VOID(py_ComputeThread_delete(NULL));
    py_ComputeThread_delete(ct);
    printf("deleted once\n");
    SAFE_VOID(py_ComputeThread_delete(ct)); /* twice: reported, no double free */
    RAISES(py_ComputeThread_submit_exec(ct, "x = 1"));
    SAFE(py_ComputeThread_is_done(ct));
    SAFE_PTR(py_ComputeThread_last_error(ct));
    py_switchvm(3); /* free again */
    SAFE(py_currentvm());
    py_switchvm(0);

    printf("== WorkerPool and Future handles\n");
    py_WorkerPool* pool = py_WorkerPool_new(2);
    SAFE(pool != NULL);
    py_newtuple(py_r5(), 1);
    py_newint(py_tuple_getitem(py_r5(), 0), 21);
    py_Future* f = py_WorkerPool_submit_call(pool, "lambda x: x * 2", py_r5(), NULL);
    SAFE(f != NULL);
    RAISES(py_WorkerPool_submit_call(NULL, "abs", NULL, NULL));
    RAISES(py_WorkerPool_submit_call(pool, NULL, NULL, NULL));
    RAISES(py_WorkerPool_submit_call(pool, "abs", py_r0(), NULL)); /* args not a tuple */
    RAISES(py_WorkerPool_submit_call((py_WorkerPool*)f, "abs", NULL, NULL)); /* a future, not a pool */
    RAISES(py_ComputeThread_submit_exec((py_ComputeThread*)pool, "x")); /* a pool, not a thread */
    SAFE(py_Future_wait(f, -1));
    RAISES(py_Future_result(f));
    SAFE(py_toint(py_retval()));
    SAFE(py_Future_wait(NULL, -1));
    SAFE(py_Future_cancel(NULL));
    SAFE_PTR(py_Future_error(NULL));
    RAISES(py_Future_result(NULL));
    SAFE_VOID(py_Future_delete(NULL));
    py_Future_delete(f);
    SAFE_VOID(py_Future_delete(f));
    RAISES(py_Future_result(f));
    SAFE(py_Future_wait(f, 10));
    SAFE_VOID(py_WorkerPool_delete(NULL));
    py_WorkerPool_delete(pool);
    SAFE_VOID(py_WorkerPool_delete(pool));
    RAISES(py_WorkerPool_submit_call(pool, "abs", NULL, NULL));

    printf("== py_finalize while a ComputeThread and a WorkerPool run\n");
    py_ComputeThread* busy = py_ComputeThread_new(4);
    py_ComputeThread* idle = py_ComputeThread_new(6);
    SAFE(py_ComputeThread_submit_exec(busy, "import time\ntime.sleep(0.3)"));
    py_WorkerPool* pool2 = py_WorkerPool_new(3);
    py_Future* futs[40];
    for(int i = 0; i < 40; i++) futs[i] = py_WorkerPool_submit_call(pool2, "__import__('time').sleep", NULL, NULL);
    py_newtuple(py_r5(), 1);
    py_newfloat(py_tuple_getitem(py_r5(), 0), 0.05);
    for(int i = 0; i < 40; i++) {
        py_Future_delete(futs[i]);
        futs[i] = py_WorkerPool_submit_call(pool2, "__import__('time').sleep", py_r5(), NULL);
    }
    py_finalize(); /* stops both (running jobs finish, queued ones are cancelled) */
    printf("py_finalize returned\n");
    int settled = 0;
    for(int i = 0; i < 40; i++) {
        if(py_Future_wait(futs[i], 0)) settled++;
    }
    printf("futures settled: %d of 40 (done + cancelled)\n", settled);
    SAFE(py_ComputeThread_is_done(busy)); /* stopped by py_finalize: reported */
    SAFE(py_ComputeThread_wait(idle, -1));
    SAFE(py_ComputeThread_submit_exec(idle, "x = 1")); /* no VM now */
    for(int i = 0; i < 40; i++) py_Future_delete(futs[i]);
    py_ComputeThread_delete(busy);
    py_ComputeThread_delete(idle);
    py_WorkerPool_delete(pool2);
    printf("handles deleted after py_finalize\n");
    SAFE_VOID(py_ComputeThread_delete(busy));

    printf("== after py_finalize\n");
    SAFE(py_currentvm());
    SAFE(py_exec("1", "<x>", EXEC_MODE, NULL));
    SAFE_PTR(py_retval());
    SAFE(py_checkexc(false));
    SAFE_PTR(py_formatexc());
    SAFE(py_gc_collect());
    SAFE_VOID(py_resetvm());
    SAFE_VOID(py_newint(py_r0(), 1));
    py_finalize(); /* twice: nothing left to do */
    printf("py_finalize twice: ok\n");

    printf("== py_initialize again\n");
    py_initialize();
    SAFE(py_currentvm());
    SAFE(py_exec("print('a fresh VM 0:', 'x' in globals(), 2 ** 10)", "<x>", EXEC_MODE, NULL));
    py_ComputeThread* again = py_ComputeThread_new(4); /* the slots are free again */
    SAFE(again != NULL);
    SAFE(py_ComputeThread_submit_eval(again, "sum(range(10))") && py_ComputeThread_wait(again, -1) && py_ComputeThread_last_retval(again));
    SAFE(py_toint(py_retval()));
    py_ComputeThread_delete(again);
    py_finalize();
    printf("done\n");
    return 0;
}
