//! Runs every `tests/python/*.py` script through `pkpy`. Each script is
//! assert-based and ends by printing `ok`; the same scripts run under
//! CPython in CI (`.ci/run`), which keeps the expectations honest.

use super::common;

use std::time::Duration;

fn run_script(name: &str, env: &[(&str, &str)]) {
    let path = format!("tests/python/{}.py", name);
    let mut env = env.to_vec();
    if name == "test_pkpy_soak" {
        // Chunks in glibc's per-thread caches count as in use: without them
        // the soak's bytes-in-use figure measures live memory (see the script).
        env.push(("GLIBC_TUNABLES", "glibc.malloc.tcache_count=0"));
    }
    let r = common::pkpy(&[&path], &env, Duration::from_secs(120));
    assert!(!r.timed_out, "{} timed out\nstdout:\n{}\nstderr:\n{}", path, r.stdout, r.stderr);
    assert_eq!(r.code, Some(0), "{} failed\nstdout:\n{}\nstderr:\n{}", path, r.stdout, r.stderr);
    assert!(r.stdout.trim_end().ends_with("ok"), "{} did not finish\nstdout:\n{}", path, r.stdout);
}

macro_rules! scripts {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run_script(stringify!($name), &[]);
            }
        )*

        /// The suite again with the collector running after every few
        /// allocations: any value the VM forgets to root gets freed early.
        #[test]
        fn gc_stress_suite() {
            for name in [$(stringify!($name)),*] {
                if ["test_gc", "test_pkpy_compute", "test_pkpy_hostile", "test_pkpy_limits", "test_pkpy_soak"].contains(&name) {
                    continue; // long loops; covered by gc_memory
                }
                run_script(name, &[("PKPY_GC_STRESS", "7")]);
            }
        }

        /// Every script in tests/python is listed above.
        #[test]
        fn every_script_is_listed() {
            let listed: Vec<&str> = vec![$(stringify!($name)),*];
            let dir = common::repo().join("tests/python");
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().map(|x| x == "py").unwrap_or(false) {
                    let stem = p.file_stem().unwrap().to_string_lossy().to_string();
                    assert!(listed.contains(&stem.as_str()), "tests/python/{}.py is not run by python_scripts.rs", stem);
                }
            }
        }
    };
}

scripts!(
    test_abc,
    test_assign,
    test_attr_hints,
    test_base64,
    test_builtins,
    test_call_defaults,
    test_call_fast,
    test_class_call,
    test_classes,
    test_collections,
    test_comprehensions,
    test_const_loads,
    test_control,
    test_copy,
    test_dataclasses,
    test_dict_fast,
    test_dict_set,
    test_dunders,
    test_enum,
    test_exceptions,
    test_files,
    test_float,
    test_format_fast,
    test_functions,
    test_functools,
    test_fuzz_regressions,
    test_gc,
    test_gen_inline,
    test_generators,
    test_heapq_bisect,
    test_global_hints,
    test_hostile_data,
    test_hostile_mutation,
    test_imports,
    test_int,
    test_int_fastops,
    test_itertools,
    test_item_fast,
    test_json,
    test_lexer,
    test_list_tuple,
    test_match,
    test_operator,
    test_os,
    test_pkpy_allmodules,
    test_percent_fast,
    test_pkpy_compute,
    test_pkpy_hostile,
    test_pkpy_limits,
    test_pkpy_pickle,
    test_pkpy_pool,
    test_pkpy_soak,
    test_pkpy_sync,
    test_re,
    test_scopes,
    test_str,
    test_str_inline,
    test_string_textwrap,
    test_superinstructions,
    test_sys_math_time_random,
    test_threading_queue,
    test_traceback,
    test_typing,
);
