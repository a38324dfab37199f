/* VM creation time and memory, without a thread: switching to a fresh
 * index builds a VM; py_resetvm drops and rebuilds the current one.
 * Built and run by benches/run.py against target/release/libpocketpy.so. */
#include "pocketpy.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static long rss_kib(void) {
    FILE* f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = 0;
    while(f && fgets(line, sizeof line, f)) {
        if(strncmp(line, "VmRSS:", 6) == 0) sscanf(line + 6, "%ld", &kib);
    }
    if(f) fclose(f);
    return kib;
}

int main(void) {
    py_initialize();
    long before = rss_kib();
    double t0 = now();
    for(int k = 1; k < 16; k++) py_switchvm(k);
    double t1 = now();
    long after = rss_kib();
    printf("VM creation (py_switchvm to a new index): %.3f ms each\n", (t1 - t0) / 15 * 1e3);
    printf("memory per VM: %ld KiB\n", (after - before) / 15);
    int n = 300;
    t0 = now();
    for(int i = 0; i < n; i++) py_resetvm();
    t1 = now();
    printf("py_resetvm (drop + create): %.3f ms each\n", (t1 - t0) / n * 1e3);
    py_finalize();
    return 0;
}
