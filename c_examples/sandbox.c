/* A sandboxed VM (py_allowfilesystem(false)) reads no file through any
 * route: open() and friends, os (imported before or after sandboxing),
 * importing .py files or native extensions from disk (sys.path, __import__),
 * exec/compile of file contents, pickle payloads whose __reduce__ calls
 * open, and jobs on ComputeThreads and WorkerPools the sandboxed VM starts
 * (from Python or through the C API): their VMs are sandboxed too. Source
 * lines in tracebacks come from memory, never from disk.
 *
 * The program runs in a scratch directory where it writes secret.txt,
 * secretmod.py and secretpkg/__init__.py; the secret text must never show. */
#include "pocketpy.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SECRET "TOP-SECRET-42"

static int leaks = 0;

static void write_file(const char* path, const char* text) {
    FILE* f = fopen(path, "w");
    if(!f) {
        perror(path);
        exit(1);
    }
    fputs(text, f);
    fclose(f);
}

/* Run `src` in the sandboxed VM: it must fail, and nothing it produced may
 * contain the secret. Prints the exception's last line. */
static void denied(const char* src) {
    bool ok = py_exec(src, "<sandbox>", EXEC_MODE, NULL);
    if(ok) {
        printf("NOT BLOCKED: %s\n", src);
        leaks++;
        return;
    }
    char* msg = py_formatexc();
    if(strstr(msg, SECRET)) {
        printf("LEAKED in the error: %s\n", src);
        leaks++;
    }
    const char* last = strrchr(msg, '\n');
    last = last ? last + 1 : msg;
    /* The source on one line ("; " for newlines); remote errors end with
     * the remote traceback's last line. */
    char line[160];
    snprintf(line, sizeof line, "%s", src);
    for(char* p = line; *p; p++)
        if(*p == '\n') *p = ';';
    printf("%-58s -> %s\n", line, last);
    py_free(msg);
}

/* Run `src`: it must succeed (the sandbox blocks files, not Python). */
static void allowed(const char* src) {
    if(!py_exec(src, "<sandbox>", EXEC_MODE, NULL)) {
        char* msg = py_formatexc();
        printf("unexpected failure: %s\n%s\n", src, msg);
        py_free(msg);
        leaks++;
    }
}

static void print_text(const char* text) {
    if(strstr(text, SECRET)) {
        fputs("LEAKED through print\n", stdout);
        leaks++;
        return;
    }
    fputs(text, stdout);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    write_file("secret.txt", SECRET "\n");
    write_file("secretmod.py", "DATA = '" SECRET "'\n");
    mkdir("secretpkg", 0755);
    write_file("secretpkg/__init__.py", "DATA = '" SECRET "'\n");
    write_file("secretext.so", "not really a library\n");

    py_initialize();
    py_callbacks()->print = print_text;
    /* The host's own code imported os before sandboxing: the module stays in
     * sys.modules, but its functions check again when called. */
    allowed("import os, sys\nassert os.path.exists('secret.txt')\nosp = os.path");
    py_allowfilesystem(false);

    printf("== files\n");
    denied("print(open('secret.txt').read())");
    denied("print(open('secret.txt', 'rb').read())");
    denied("import builtins\nprint(builtins.open('secret.txt').read())");
    denied("print(__builtins__.open('secret.txt').read()) if hasattr(__builtins__, 'open') else open('secret.txt')");
    denied("import io\nf = getattr(io, 'open', None) or getattr(io, 'FileIO', None) or open\nprint(f('secret.txt').read())");
    denied("open('new.txt', 'w').write('x')");
    denied("exec(open('secretmod.py').read())");
    denied("exec(compile(open('secretmod.py').read(), 'secretmod.py', 'exec'))");

    printf("== os\n");
    denied("import os");
    denied("import os.path");
    denied("from os import path");
    denied("__import__('os')");
    denied("import sys\nsys.modules['os']");
    denied("print(os.listdir('.'))");
    denied("print(os.getcwd())");
    denied("print(os.getenv('HOME'))");
    denied("os.mkdir('newdir')");
    denied("os.remove('secret.txt')");
    denied("os.rename('secret.txt', 'moved.txt')");
    denied("print(os.path.exists('secret.txt'))");
    denied("print(os.path.isfile('secret.txt'))");
    denied("print(os.path.getsize('secret.txt'))");
    denied("print(os.path.abspath('secret.txt'))");
    denied("import sys\nprint(osp.isdir('secretpkg'))");
    denied("assert len(os.environ) == 0, 'environ visible'\nraise PermissionError('environ is empty')");

    printf("== imports from disk\n");
    denied("import secretmod");
    denied("import secretpkg");
    denied("from secretpkg import DATA");
    denied("__import__('secretmod')");
    denied("import sys\nsys.path.insert(0, '.')\nimport secretmod");
    denied("import sys\nsys.path.append(__import__('sys').path[0] if sys.path else '.')\nimport secretmod");
    denied("import secretext");
    denied("import importlib");
    denied("import linecache");

    printf("== pickle\n");
    allowed("import pickle\nclass Sneaky:\n    def __reduce__(self):\n        return (open, ('secret.txt',))\npayload = pickle.dumps(Sneaky())");
    denied("print(pickle.loads(payload).read())");

    printf("== tracebacks read no source from disk\n");
    /* Code claiming to come from secretmod.py: its traceback shows the
     * source it was compiled from, not the file's lines. */
    denied("exec(compile('1/0', 'secretmod.py', 'exec'))");
    allowed("import traceback\ntry:\n    exec(compile('\\n\\n1/0', 'secret.txt', 'exec'))\nexcept ZeroDivisionError:\n    text = traceback.format_exc()\nassert 'TOP-' not in text, text\nprint('traceback of secret.txt:', text.splitlines()[-1])");

    printf("== ComputeThread and WorkerPool from Python\n");
    allowed("import pkpy\nct = pkpy.ComputeThread(1)\npool = pkpy.WorkerPool(2)");
    denied("print(ct.eval(\"open('secret.txt').read()\"))");
    denied("ct.exec('import os')");
    denied("ct.exec('import secretmod')");
    denied("print(pool.submit(open, 'secret.txt').result().read())");
    denied("print(pool.submit(\"lambda: open('secret.txt').read()\").result())");
    denied("pool.exec('import os')");
    denied("pool.exec('import secretmod')");
    allowed("ct.close()\npool.shutdown()");

    printf("== ComputeThread and WorkerPool from the C API\n");
    py_ComputeThread* ct = py_ComputeThread_new(3);
    if(!ct || !py_ComputeThread_submit_eval(ct, "open('secret.txt').read()") || !py_ComputeThread_wait(ct, -1)) {
        printf("ComputeThread setup failed\n");
        return 1;
    }
    if(py_ComputeThread_last_retval(ct)) {
        printf("NOT BLOCKED: py_ComputeThread job\n");
        leaks++;
    } else {
        const char* err = py_ComputeThread_last_error(ct);
        printf("py_ComputeThread job -> %s\n", strrchr(err, '\n') ? strrchr(err, '\n') + 1 : err);
        py_clearexc(NULL);
    }
    py_ComputeThread_delete(ct);
    py_WorkerPool* pool = py_WorkerPool_new(2);
    py_Future* f = py_WorkerPool_submit_call(pool, "lambda: open('secret.txt').read()", NULL, NULL);
    py_Future_wait(f, -1);
    if(py_Future_result(f)) {
        printf("NOT BLOCKED: py_WorkerPool job\n");
        leaks++;
    } else {
        const char* err = py_Future_error(f);
        printf("py_WorkerPool job -> %s\n", strrchr(err, '\n') ? strrchr(err, '\n') + 1 : err);
        py_clearexc(NULL);
    }
    py_Future_delete(f);
    py_WorkerPool_delete(pool);

    printf("== still a working interpreter\n");
    allowed("import json, math\nprint('json and math:', json.dumps({'pi': round(math.pi, 2)}))");

    /* Another VM is not sandboxed unless the host says so. */
    py_switchvm(7);
    allowed("with open('secret.txt') as f:\n    assert f.read().strip() == 'TOP-' + 'SECRET-42'\nprint('VM 7 (not sandboxed) reads files')");
    py_finalize();
    printf("%s\n", leaks == 0 ? "sandbox holds" : "SANDBOX BROKEN");
    return leaks == 0 ? 0 : 1;
}
