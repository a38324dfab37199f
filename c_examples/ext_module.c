/* ext_module.c: a native extension module. Built as a shared library
 * (`cc -shared -fPIC ext_module.c -o gamemath.so`) and put on the import path,
 * it is imported from Python with `import gamemath`: the interpreter loads
 * the library and calls its exported py_module_initialize(), which builds
 * the module and leaves it in py_retval(). See ext_module.py.
 *
 * Built with -DBROKEN_INIT, the initializer raises instead, to show that the
 * error reaches the importing script. */
#include "pocketpy.h"
#include <math.h>

typedef struct {
    double x, y;
} Vec2;

static py_Type tp_Vec2;

static Vec2* vec_of(py_Ref self) { return (Vec2*)py_touserdata(self); }

static void new_vec(py_OutRef out, double x, double y) {
    Vec2* v = (Vec2*)py_newobject(out, tp_Vec2, 0, sizeof(Vec2));
    v->x = x;
    v->y = y;
}

/* Vec2(x, y): argv[0] is the type. */
static bool Vec2__new__(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(3);
    double x, y;
    if(!py_castfloat(py_arg(1), &x) || !py_castfloat(py_arg(2), &y)) return false;
    new_vec(py_retval(), x, y);
    return true;
}

static bool Vec2__add__(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(2);
    if(!py_istype(py_arg(1), tp_Vec2)) {
        py_newnotimplemented(py_retval());
        return true;
    }
    Vec2* a = vec_of(py_arg(0));
    Vec2* b = vec_of(py_arg(1));
    new_vec(py_retval(), a->x + b->x, a->y + b->y);
    return true;
}

static bool Vec2__repr__(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    Vec2* v = vec_of(py_arg(0));
    py_newfloat(py_r0(), v->x);
    py_newfloat(py_r1(), v->y);
    return py_smarteval("f'Vec2({_0}, {_1})'", NULL, py_r0(), py_r1());
}

static bool Vec2_x(int argc, py_StackRef argv) {
    py_newfloat(py_retval(), vec_of(py_arg(0))->x);
    return true;
}

static bool Vec2_y(int argc, py_StackRef argv) {
    py_newfloat(py_retval(), vec_of(py_arg(0))->y);
    return true;
}

static bool Vec2_length(int argc, py_StackRef argv) {
    PY_CHECK_ARGC(1);
    Vec2* v = vec_of(py_arg(0));
    py_newfloat(py_retval(), sqrt(v->x * v->x + v->y * v->y));
    return true;
}

/* dot(a, b) */
static bool gm_dot(int argc, py_StackRef argv) {
    PY_CHECK_ARG_TYPE(0, tp_Vec2);
    PY_CHECK_ARG_TYPE(1, tp_Vec2);
    Vec2* a = vec_of(py_arg(0));
    Vec2* b = vec_of(py_arg(1));
    py_newfloat(py_retval(), a->x * b->x + a->y * b->y);
    return true;
}

/* clamp(x, lo=0, hi=1) */
static bool gm_clamp(int argc, py_StackRef argv) {
    double x, lo, hi;
    if(!py_castfloat(py_arg(0), &x) || !py_castfloat(py_arg(1), &lo) || !py_castfloat(py_arg(2), &hi)) return false;
    if(lo > hi) return ValueError("clamp: lo > hi");
    py_newfloat(py_retval(), x < lo ? lo : (x > hi ? hi : x));
    return true;
}

PK_EXPORT bool py_module_initialize(void) {
#ifdef BROKEN_INIT
    return RuntimeError("gamemath could not find its data files");
#else
    py_GlobalRef mod = py_newmodule("gamemath");
    tp_Vec2 = py_newtype("Vec2", tp_object, mod, NULL);
    py_bindmagic(tp_Vec2, py_name("__new__"), Vec2__new__);
    py_bindmagic(tp_Vec2, py_name("__add__"), Vec2__add__);
    py_bindmagic(tp_Vec2, py_name("__repr__"), Vec2__repr__);
    py_bindproperty(tp_Vec2, "x", Vec2_x, NULL);
    py_bindproperty(tp_Vec2, "y", Vec2_y, NULL);
    py_bindmethod(tp_Vec2, "length", Vec2_length);
    py_bindfunc(mod, "dot", gm_dot);
    py_bind(mod, "clamp(x, lo=0.0, hi=1.0)", gm_clamp);
    py_newstr(py_r0(), "1.0");
    py_setdict(mod, py_name("__version__"), py_r0());
    py_assign(py_retval(), mod);
    return true;
#endif
}
