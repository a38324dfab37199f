/* plugin_host.c: an engine that treats the interpreter as a plugin. It is
 * not linked against libpocketpy: it loads libpocketpy.so with dlopen at run
 * time and drives it through function pointers, typed from pocketpy.h. */
#include "pocketpy.h"
#include <dlfcn.h>
#include <stdio.h>

/* A function pointer with the exact type of the header's declaration. */
#define API(name) __typeof__(&name) p_##name
#define LOAD(name)                                                                                 \
    do {                                                                                           \
        *(void**)(&p_##name) = dlsym(lib, #name);                                                  \
        if(!p_##name) {                                                                            \
            fprintf(stderr, "missing symbol %s\n", #name);                                         \
            return 1;                                                                              \
        }                                                                                          \
    } while(0)

API(py_initialize);
API(py_finalize);
API(py_exec);
API(py_eval);
API(py_retval);
API(py_toint);
API(py_tostr);
API(py_str);
API(py_formatexc);
API(py_free);
API(py_getreg);
API(py_newint);
API(py_setglobal);
API(py_name);

int main(void) {
    void* lib = dlopen("libpocketpy.so", RTLD_NOW | RTLD_LOCAL);
    if(!lib) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 1;
    }
    LOAD(py_initialize);
    LOAD(py_finalize);
    LOAD(py_exec);
    LOAD(py_eval);
    LOAD(py_retval);
    LOAD(py_toint);
    LOAD(py_tostr);
    LOAD(py_str);
    LOAD(py_formatexc);
    LOAD(py_free);
    LOAD(py_getreg);
    LOAD(py_newint);
    LOAD(py_setglobal);
    LOAD(py_name);
    printf("loaded libpocketpy.so\n");

    p_py_initialize();
    /* The engine hands the script a value... */
    p_py_newint(p_py_getreg(0), 7);
    p_py_setglobal(p_py_name("level"), p_py_getreg(0));
    /* ...runs it... */
    const char* script = "enemies = [{'hp': 10 * level + i} for i in range(3)]\n"
                         "print('level', level, 'spawns', len(enemies), 'enemies')\n"
                         "def total_hp():\n"
                         "    return sum(e['hp'] for e in enemies)\n";
    if(!p_py_exec(script, "level.py", EXEC_MODE, NULL)) {
        char* msg = p_py_formatexc();
        fprintf(stderr, "%s\n", msg);
        p_py_free(msg);
        return 1;
    }
    /* ...and reads results back. */
    if(p_py_eval("total_hp()", NULL)) printf("total hp: %lld\n", (long long)p_py_toint(p_py_retval()));
    if(p_py_eval("enemies[-1]", NULL) && p_py_str(p_py_retval())) printf("last: %s\n", p_py_tostr(p_py_retval()));

    /* Script errors come back as text the engine can log. */
    if(!p_py_exec("total_hp() / (level - 7)", "level.py", EXEC_MODE, NULL)) {
        char* msg = p_py_formatexc();
        printf("script error:\n%s\n", msg);
        p_py_free(msg);
    }
    p_py_finalize();
    dlclose(lib);
    printf("unloaded\n");
    return 0;
}
