/* bind_native.c: native functions, a native type with userdata and a
 * destructor, properties and methods. */
#include "pocketpy.h"
#include <stdio.h>

static int live_points = 0;

typedef struct Point {
    double x, y;
} Point;

static void Point__dtor(void* ud) {
    (void)ud;
    live_points--;
}

static py_Type tp_Point;

static bool add(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(2);
    PY_CHECK_ARG_TYPE(0, tp_int);
    PY_CHECK_ARG_TYPE(1, tp_int);
    py_newint(py_retval(), py_toint(py_arg(0)) + py_toint(py_arg(1)));
    return true;
}

static bool greet(int argc, py_StackRef argv) {
    /* bound with py_bind("greet(name, punct='!')") */
    char buf[128];
    snprintf(buf, sizeof(buf), "hello, %s%s", py_tostr(py_arg(0)), py_tostr(py_arg(1)));
    py_newstr(py_retval(), buf);
    return true;
}

static bool Point__new__(int argc, py_StackRef argv) {
    /* argv[0] is the type, then x, y */
    PY_CHECK_ARGC(3);
    double x, y;
    if(!py_castfloat(py_arg(1), &x)) return false;
    if(!py_castfloat(py_arg(2), &y)) return false;
    Point* p = (Point*)py_newobject(py_retval(), tp_Point, -1, sizeof(Point));
    p->x = x;
    p->y = y;
    live_points++;
    return true;
}

static bool Point_x(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    py_newfloat(py_retval(), ((Point*)py_touserdata(py_arg(0)))->x);
    return true;
}

static bool Point_set_x(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(2);
    double v;
    if(!py_castfloat(py_arg(1), &v)) return false;
    ((Point*)py_touserdata(py_arg(0)))->x = v;
    py_newnone(py_retval());
    return true;
}

static bool Point_y(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    py_newfloat(py_retval(), ((Point*)py_touserdata(py_arg(0)))->y);
    return true;
}

static bool Point_norm2(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    Point* p = (Point*)py_touserdata(py_arg(0));
    py_newfloat(py_retval(), p->x * p->x + p->y * p->y);
    return true;
}

static bool Point__repr__(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    Point* p = (Point*)py_touserdata(py_arg(0));
    char buf[64];
    snprintf(buf, sizeof(buf), "Point(%g, %g)", p->x, p->y);
    py_newstr(py_retval(), buf);
    return true;
}

static bool fail(int argc, py_StackRef argv) {
    (void)argc;
    (void)argv;
    return ValueError("bad value: %d (%s)", 42, "from C");
}

static bool run(const char* src) {
    if(!py_exec(src, "<bind_native>", EXEC_MODE, NULL)) {
        py_printexc();
        return false;
    }
    return true;
}

int main(void) {
    py_initialize();
    py_GlobalRef mod = py_newmodule("native");
    py_bindfunc(mod, "add", add);
    py_bindfunc(mod, "fail", fail);
    py_bind(mod, "greet(name, punct='!')", greet);

    tp_Point = py_newtype("Point", tp_object, mod, Point__dtor);
    py_bindmagic(tp_Point, py_name("__new__"), Point__new__);
    py_bindmagic(tp_Point, py_name("__repr__"), Point__repr__);
    py_bindproperty(tp_Point, "x", Point_x, Point_set_x);
    py_bindproperty(tp_Point, "y", Point_y, NULL);
    py_bindmethod(tp_Point, "norm2", Point_norm2);

    run("import native\n"
        "print(native.add(2, 3))\n"
        "print(native.greet('world'), native.greet('C', punct='?'))\n"
        "p = native.Point(3, 4)\n"
        "print(p.__repr__(), p.x, p.y, p.norm2())\n"
        "p.x = 6\n"
        "print(p.x, type(p).__name__, isinstance(p, native.Point))\n"
        "p.tag = 'dict works'\n"
        "print(p.tag)\n");
    run("try:\n    native.add(1)\nexcept TypeError as e:\n    print('TypeError:', e)\n");
    run("try:\n    native.add(1, 'x')\nexcept TypeError as e:\n    print('TypeError:', e)\n");
    run("try:\n    native.fail()\nexcept ValueError as e:\n    print('ValueError:', e)\n");
    run("try:\n    native.Point(1, 2).y = 5\nexcept Exception as e:\n    print(type(e).__name__)\n");

    run("del p\npts = [native.Point(i, i) for i in range(10)]\n");
    printf("live points: %d\n", live_points);
    run("del pts\n");
    /* Unreachable host objects are freed (destructor run) by a collection. */
    int freed = py_gc_collect();
    printf("after py_gc_collect: live points %d, freed some: %s\n", live_points, freed >= 10 ? "yes" : "no");

    /* py_Ref-level API on a native object. */
    py_newfloat(py_r0(), 1.5);
    py_newfloat(py_r1(), 2.5);
    py_Ref args = py_r0();
    if(py_tpcall(tp_Point, 2, args)) {
        py_assign(py_r2(), py_retval());
        py_getattr(py_r2(), py_name("__repr__"));
        py_assign(py_r3(), py_retval());
        py_call(py_r3(), 0, NULL);
        printf("repr from C: %s, is Point: %d\n", py_tostr(py_retval()), (int)py_istype(py_r2(), tp_Point));
    }
    py_finalize();
    printf("live points after finalize: %d\n", live_points);
    return 0;
}
