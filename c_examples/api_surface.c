/* api_surface.c: the less common parts of the C API, each checked:
 * host module loading (py_callbacks()->importfile), py_newfunction,
 * py_newboundmethod, py_tpgetmagic, py_tpfindname, py_gettype,
 * py_emplacedict, py_applydict, object slots, py_newglobals/py_newlocals,
 * py_inspect_currentfunction/currentmodule, py_castfloat32, py_json_dumps/
 * py_json_loads, and py_allowfilesystem (a sandboxed VM). */
#include "pocketpy.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The engine's virtual file system: modules live in memory, not on disk. */
static char* load_module(const char* path) {
    const char* src = NULL;
    if(strcmp(path, "assets/config.py") == 0) src = "difficulty = 3\ndef scaled(x):\n    return x * difficulty\n";
    if(strcmp(path, "assets/__init__.py") == 0) src = "";
    if(!src) return NULL;
    char* out = (char*)malloc(strlen(src) + 1); /* freed by the interpreter */
    strcpy(out, src);
    return out;
}

static bool add(int argc, py_StackRef argv) {
    py_i64 a, b;
    if(!py_castint(py_arg(0), &a) || !py_castint(py_arg(1), &b)) return false;
    py_newint(py_retval(), a + b);
    return true;
}

static bool where_am_i(int argc, py_StackRef argv) {
    py_StackRef f = py_inspect_currentfunction();
    py_GlobalRef m = py_inspect_currentmodule();
    if(!f || !m) return RuntimeError("no current function or module");
    py_ItemRef name = py_getdict(m, py_name("__name__"));
    py_newstr(py_retval(), name ? py_tostr(name) : "?");
    return true;
}

static bool locals_probe(int argc, py_StackRef argv) {
    py_newlocals(py_retval());
    return true;
}

static bool Counter__len__(int argc, py_StackRef argv) {
    py_newint(py_retval(), 42);
    return true;
}

static bool print_names(py_Name name, py_Ref val, void* ctx) {
    int* count = (int*)ctx;
    const char* s = py_name2str(name);
    if(s[0] != '_') {
        (*count)++;
        if(!py_repr(val)) return false;
        printf("  %s = %s\n", s, py_tostr(py_retval()));
    }
    return true;
}

static bool check(bool ok) {
    if(!ok) py_printexc();
    return ok;
}

int main(void) {
    py_initialize();

    /* Modules from the host's loader. */
    py_callbacks()->importfile = load_module;
    check(py_exec("import assets.config as cfg\nprint('cfg.scaled(5) =', cfg.scaled(5))", "<main>", EXEC_MODE, NULL));
    printf("missing module: %s\n", py_exec("import assets.nothere", "<main>", EXEC_MODE, NULL) ? "imported?!" : "ModuleNotFoundError");
    py_clearexc(NULL);

    /* py_newfunction: a decl-based function object with a docstring. */
    py_Name n = py_newfunction(py_r0(), "add(a, b=10)", add, "Add two ints.", 0);
    py_setglobal(n, py_r0());
    check(py_exec("print(add(1), add(1, b=2), add.__doc__)", "<main>", EXEC_MODE, NULL));

    /* py_newboundmethod: bind a function to a receiver. */
    check(py_eval("lambda self, k: self * k", NULL));
    py_assign(py_r1(), py_retval());
    py_newstr(py_r2(), "ab");
    py_newboundmethod(py_r3(), py_r2(), py_r1());
    py_newint(py_r4(), 3);
    check(py_call(py_r3(), 1, py_r4()));
    printf("bound method: %s\n", py_tostr(py_retval()));

    /* py_tpgetmagic: write a magic method straight into a type's dict. */
    py_Type tp = py_newtype("Counter", tp_object, py_getmodule("__main__"), NULL);
    printf("__len__ before: %s\n", py_isnil(py_tpgetmagic(tp, py_name("__len__"))) ? "nil" : "set");
    py_newnativefunc(py_tpgetmagic(tp, py_name("__len__")), Counter__len__);
    check(py_exec("print('len(Counter()) =', len(Counter()))", "<main>", EXEC_MODE, NULL));
    printf("py_tpfindname(Counter, __len__): %s\n", py_tpfindname(tp, py_name("__len__")) ? "found" : "NULL");
    printf("py_tpfindname(Counter, nope): %s\n", py_tpfindname(tp, py_name("nope")) ? "found" : "NULL");
    printf("py_tpfindname(bool, __add__) inherited: %s\n", py_tpfindname(tp_bool, py_name("__add__")) ? "found" : "NULL");

    /* py_gettype: by module and name. */
    printf("py_gettype(__main__, Counter) == tp: %d\n", py_gettype("__main__", py_name("Counter")) == tp);
    printf("py_gettype(NULL, int) == tp_int: %d\n", py_gettype(NULL, py_name("int")) == tp_int);
    printf("py_gettype(no such module): %d\n", py_gettype("nomodule", py_name("x")));

    /* py_emplacedict and py_applydict on a module. */
    py_GlobalRef mod = py_newmodule("scores");
    py_newint(py_emplacedict(mod, py_name("alice")), 10);
    py_newint(py_emplacedict(mod, py_name("bob")), 7);
    py_newint(py_emplacedict(mod, py_name("alice")), 12); /* same entry again */
    int count = 0;
    printf("scores:\n");
    check(py_applydict(mod, print_names, &count));
    printf("entries: %d\n", count);

    /* Object slots (py_newobject with slots), kept alive by the object. */
    py_Type tp_pair = py_newtype("Pair", tp_object, NULL, NULL);
    py_newobject(py_r5(), tp_pair, 2, 0);
    py_newstr(py_r6(), "left");
    py_setslot(py_r5(), 0, py_r6());
    py_newlist(py_r6());
    py_list_append(py_r6(), py_r5()); /* keep the object reachable */
    py_setglobal(py_name("keep"), py_r6());
    py_gc_collect();
    py_Ref pair = py_list_getitem(py_getglobal(py_name("keep")), 0);
    printf("slot 0 after gc: %s, slot 1: %s\n", py_tostr(py_getslot(pair, 0)), py_isnone(py_getslot(pair, 1)) ? "None" : "?");

    /* globals(), locals(), and inspection from a native function. */
    py_newglobals(py_r7());
    py_newstr(py_r0(), "add");
    printf("globals()['add'] is add: %d\n", py_getitem(py_r7(), py_r0()) && py_isidentical(py_retval(), py_getglobal(py_name("add"))));
    py_bind(py_getmodule("__main__"), "where_am_i()", where_am_i);
    py_bind(py_getmodule("__main__"), "locals_probe()", locals_probe);
    check(py_exec("print('where_am_i():', where_am_i())\n"
                  "def f(a, b=2):\n"
                  "    return sorted(locals_probe())\n"
                  "print('locals inside a native call:', f(1))\n",
                  "<main>", EXEC_MODE, NULL));

    /* py_castfloat32 */
    float f32 = 0;
    py_newint(py_r0(), 3);
    printf("castfloat32(3) = %.1f\n", py_castfloat32(py_r0(), &f32) ? f32 : -1.0f);
    py_newstr(py_r0(), "x");
    printf("castfloat32('x'): %s\n", py_castfloat32(py_r0(), &f32) ? "ok?!" : (py_matchexc(tp_TypeError) ? "TypeError" : "?"));
    py_clearexc(NULL);

    /* JSON in and out. */
    if(py_json_loads("{\"hp\": [1, 2.5, null], \"name\": \"orc\"}")) {
        py_assign(py_r0(), py_retval());
        py_repr(py_r0());
        printf("py_json_loads: %s\n", py_tostr(py_retval()));
        if(py_json_dumps(py_r0())) printf("py_json_dumps: %s\n", py_tostr(py_retval()));
    }
    if(!py_json_loads("{\"hp\": [1, 2,]}")) {
        char* msg = py_formatexc();
        printf("bad json: %s\n", strrchr(msg, '\n') ? strrchr(msg, '\n') + 1 : msg);
        py_free(msg);
    }

    /* A sandboxed VM: no files, but host-served modules still import. */
    py_switchvm(2);
    py_allowfilesystem(false);
    py_callbacks()->importfile = load_module;
    check(py_exec("import json, assets.config\nprint('sandbox imports:', json.dumps([assets.config.difficulty]))", "<sandbox>", EXEC_MODE, NULL));
    const char* denied[] = {"open('/etc/hostname')", "import os", "import some_file_module"};
    for(int i = 0; i < 3; i++) {
        if(!py_exec(denied[i], "<sandbox>", EXEC_MODE, NULL)) {
            char* msg = py_formatexc();
            printf("sandbox: %s -> %s\n", denied[i], strrchr(msg, '\n') ? strrchr(msg, '\n') + 1 : msg);
            py_free(msg);
        }
    }
    py_switchvm(0);
    check(py_exec("import os\nprint('VM 0 still has os:', os.path.join('a', 'b'))", "<main>", EXEC_MODE, NULL));

    py_finalize();
    return 0;
}
