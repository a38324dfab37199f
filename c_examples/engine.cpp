// engine.cpp: a C++ host shaped like a game: the main loop keeps ticking
// frames (running a small per-frame script on VM 0) while a ComputeThread
// generates a world on VM 1. The loop polls the job without blocking, and
// picks the result up (unpickled into VM 0) once it is done.
#include "pocketpy.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

// RAII ownership of a ComputeThread handle.
struct ComputeThread {
    std::unique_ptr<py_ComputeThread, void (*)(py_ComputeThread*)> h;
    explicit ComputeThread(int vm) : h(py_ComputeThread_new(vm), py_ComputeThread_delete) {
        if(!h) throw std::runtime_error("ComputeThread: " + error_text());
    }
    static std::string error_text() {
        char* msg = py_formatexc();
        std::string s = msg ? msg : "?";
        py_free(msg);
        return s;
    }
    void exec(const char* src) {
        if(!py_ComputeThread_submit_exec(h.get(), src)) throw std::runtime_error(error_text());
        py_ComputeThread_wait(h.get(), -1);
        if(const char* e = py_ComputeThread_last_error(h.get())) throw std::runtime_error(e);
    }
    void submit_call(const char* fn, py_Ref args) {
        if(!py_ComputeThread_submit_call(h.get(), fn, args, nullptr)) throw std::runtime_error(error_text());
    }
    bool done() { return py_ComputeThread_is_done(h.get()); }
};

static const char* kWorldgen = R"PY(
import random

def generate(seed, w, h):
    rng = random.Random(seed)
    height = [[0.0] * w for _ in range(h)]
    # a few smoothing passes over noise
    for y in range(h):
        for x in range(w):
            height[y][x] = rng.random()
    for _ in range(12):
        nxt = [[0.0] * w for _ in range(h)]
        for y in range(h):
            for x in range(w):
                s = height[y][x] * 4
                s += height[y][(x + 1) % w] + height[y][x - 1]
                s += height[(y + 1) % h][x] + height[y - 1][x]
                nxt[y][x] = s / 8
        height = nxt
    land = sum(1 for row in height for v in row if v > 0.5)
    return {'w': w, 'h': h, 'land': land, 'water': w * h - land,
            'peak': round(max(max(r) for r in height), 6)}
)PY";

static const char* kGameState = R"PY(
player = {'x': 0.0, 'vx': 1.5}
def tick(dt):
    player['x'] += player['vx'] * dt
)PY";

int main() {
    py_initialize();
    try {
        if(!py_exec(kGameState, "game.py", EXEC_MODE, nullptr)) throw std::runtime_error(ComputeThread::error_text());

        ComputeThread worker(1);
        worker.exec(kWorldgen);

        py_Ref args = py_newtuple(py_r0(), 3);
        py_newint(&args[0], 42);
        py_newint(&args[1], 96);
        py_newint(&args[2], 96);
        worker.submit_call("generate", py_r0());

        int frames = 0;
        auto frame = std::chrono::milliseconds(2);
        while(!worker.done()) {
            // One frame of the game: script update, then "render".
            if(!py_exec("tick(1/60)", "frame", EXEC_MODE, nullptr)) throw std::runtime_error(ComputeThread::error_text());
            frames++;
            std::this_thread::sleep_for(frame);
        }
        std::printf("frames ticked while the world generated: %s\n", frames > 0 ? "yes" : "no");
        py_newint(py_r1(), frames);
        if(!py_smarteval("abs(player['x'] - 1.5 * _0 / 60) < 1e-9", nullptr, py_r1())) throw std::runtime_error(ComputeThread::error_text());
        std::printf("player moved once per frame: %s\n", py_tobool(py_retval()) ? "yes" : "no");

        if(!py_ComputeThread_last_retval(worker.h.get())) throw std::runtime_error(ComputeThread::error_text());
        py_assign(py_r2(), py_retval());
        py_setglobal(py_name("world"), py_r2());
        if(!py_eval("f\"world {world['w']}x{world['h']}: {world['land']} land, {world['water']} water, peak {world['peak']}\"", nullptr))
            throw std::runtime_error(ComputeThread::error_text());
        std::printf("%s\n", py_tostr(py_retval()));

        // A job that fails is reported, and the worker keeps serving.
        py_Ref bad = py_newtuple(py_r0(), 3);
        py_newint(&bad[0], 1);
        py_newint(&bad[1], -1);
        py_newint(&bad[2], 4);
        worker.submit_call("generate", py_r0());
        py_ComputeThread_wait(worker.h.get(), -1);
        const char* err = py_ComputeThread_last_error(worker.h.get());
        std::string e = err ? err : "";
        std::printf("bad world size rejected: %s\n", e.find("Error") != std::string::npos ? "yes" : e.c_str());
    } catch(const std::exception& ex) {
        std::fprintf(stderr, "engine error: %s\n", ex.what());
        return 1;
    }
    py_finalize();
    std::printf("engine shut down cleanly\n");
    return 0;
}
