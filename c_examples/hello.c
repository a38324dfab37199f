/* hello.c: run code, evaluate expressions, call Python from C, handle errors. */
#include "pocketpy.h"
#include <stdio.h>

static bool int_mul(int argc, py_Ref argv) {
    PY_CHECK_ARGC(2);
    PY_CHECK_ARG_TYPE(0, tp_int);
    PY_CHECK_ARG_TYPE(1, tp_int);
    py_newint(py_retval(), py_toint(py_arg(0)) * py_toint(py_arg(1)));
    return true;
}

int main(void) {
    py_initialize();

    /* pocketpy's quick start: exec, eval, and reading the result. */
    bool ok = py_exec("print('Hello world!')", "<string>", EXEC_MODE, NULL);
    if(!ok) goto __ERROR;

    ok = py_eval("1 + 2 * 3", NULL);
    if(!ok) goto __ERROR;
    printf("1 + 2 * 3 = %d\n", (int)py_toint(py_retval()));

    /* The rest of pocketpy v2's quick start: a list filled in place, a
     * builtin called through the stack, a native function as a global. */
    py_Ref r0 = py_getreg(0);
    py_newlistn(r0, 3);
    for(int i = 0; i < 3; i++) py_newint(py_list_getitem(r0, i), 10 * (i + 1));
    py_push(py_getbuiltin(py_name("sum")));
    py_pushnil();
    py_push(r0);
    if(!py_vectorcall(1, 0)) goto __ERROR;
    printf("sum([10, 20, 30]) = %d\n", (int)py_toint(py_retval()));
    py_newnativefunc(r0, int_mul);
    py_setglobal(py_name("int_mul"), r0);
    if(!py_exec("int_mul(6, 7)", "<string>", EVAL_MODE, NULL)) goto __ERROR;
    printf("int_mul(6, 7) = %d\n", (int)py_toint(py_retval()));
    if(!py_exec("int_mul(6, 'x')", "<string>", EVAL_MODE, NULL)) {
        char* msg = py_formatexc();
        printf("%s\n", msg);
        py_free(msg);
    }

    /* Define a function in Python and call it from C. */
    ok = py_exec("def greet(name):\n    return 'Hi, ' + name + '!'\n", "<greet>", EXEC_MODE, NULL);
    if(!ok) goto __ERROR;
    py_ItemRef greet = py_getglobal(py_name("greet"));
    py_newstr(py_r0(), "C host");
    py_Ref f = py_r1();
    py_assign(f, greet);
    if(!py_call(f, 1, py_r0())) goto __ERROR;
    printf("%s\n", py_tostr(py_retval()));

    /* Values, lists and dicts built from C. */
    py_newlist(py_r2());
    for(int i = 0; i < 5; i++) {
        py_newint(py_r3(), i * i);
        py_list_append(py_r2(), py_r3());
    }
    py_setglobal(py_name("squares"), py_r2());
    ok = py_eval("sum(squares)", NULL);
    if(!ok) goto __ERROR;
    printf("sum(squares) = %lld, len = %d\n", (long long)py_toint(py_retval()), py_list_len(py_r2()));

    py_newint(py_r4(), 40);
    py_newint(py_r5(), 2);
    if(!py_binaryadd(py_r4(), py_r5())) goto __ERROR;
    printf("40 + 2 = %lld\n", (long long)py_toint(py_retval()));

    py_newstr(py_r6(), "abc");
    py_newint(py_r7(), 123);
    ok = py_smartexec("print(_0, _1)", NULL, py_r6(), py_r7());
    if(!ok) goto __ERROR;

    /* A runtime error: printed with its traceback, then cleared. */
    ok = py_exec("def f(x):\n    return 10 // x\nf(0)\n", "main.py", EXEC_MODE, NULL);
    if(!ok) {
        printf("caught: %s\n", py_matchexc(tp_ZeroDivisionError) ? "ZeroDivisionError" : "?");
    }

    /* A syntax error, formatted to a string. */
    ok = py_exec("x = = 1", "bad.py", EXEC_MODE, NULL);
    if(!ok) {
        char* msg = py_formatexc();
        printf("%s\n", msg);
        py_free(msg);
    }

    /* An error printed by py_printexc. */
    ok = py_eval("undefined_name + 1", NULL);
    if(!ok) py_printexc();
    printf("pending: %d\n", (int)py_checkexc(false));

    py_finalize();
    return 0;

__ERROR:
    py_printexc();
    py_finalize();
    return 1;
}
