//! `pkpy`: run a script, `-c CODE`, or an interactive REPL, like `python3`.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use pocketpy::compiler::Mode;
use pocketpy::runtime::vm_table;
use pocketpy::vm::exceptions::TP_SYSTEM_EXIT;
use pocketpy::{Value, Vm};

fn main() -> ExitCode {
    // Run the interpreter on a thread with a generous stack: native re-entry
    // (sorting with a key, __repr__ calling repr, ...) nests Rust frames.
    let args: Vec<String> = std::env::args().collect();
    let h = std::thread::Builder::new().stack_size(256 << 20).spawn(move || run(args));
    match h.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

fn run(args: Vec<String>) -> u8 {
    // The script runs on VM 0 of the process-wide table, as in pocketpy.
    match vm_table::with_vm(0, |vm| run_on(vm, &args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pkpy: {}", e);
            1
        }
    }
}

fn run_on(vm: &mut Vm, args: &[String]) -> u8 {
    match args.get(1).map(|s| s.as_str()) {
        None => repl(vm),
        Some("-c") => {
            let code = match args.get(2) {
                Some(c) => c.clone(),
                None => {
                    eprintln!("Argument expected for the -c option");
                    return 2;
                }
            };
            set_argv(vm, &["-c".to_string()], &args[3..]);
            add_path(vm, "");
            exec_main(vm, &code, "<string>")
        }
        Some("-h") | Some("--help") => {
            println!("usage: pkpy [-c cmd | file | --dis file] [arg] ...");
            0
        }
        Some("--dis") => {
            // The bytecode of a script, for working on the compiler and the eval loop.
            let Some(path) = args.get(2) else {
                eprintln!("Argument expected for the --dis option");
                return 2;
            };
            let src = match std::fs::read_to_string(path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("pkpy: can't open file '{}': {}", path, e);
                    return 2;
                }
            };
            match pocketpy::compiler::compile(&src, path, Mode::Exec) {
                Ok(code) => {
                    print!("{}", code.disassemble());
                    0
                }
                Err(e) => {
                    eprintln!("{}", e);
                    1
                }
            }
        }
        Some(path) => {
            let src = match std::fs::read(path) {
                Ok(b) => match String::from_utf8(b) {
                    Ok(s) => s,
                    Err(e) => {
                        let bytes = e.as_bytes();
                        let at = e.utf8_error().valid_up_to();
                        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
                        eprintln!(
                            "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared",
                            bytes[at], path, line
                        );
                        return 1;
                    }
                },
                Err(e) => {
                    eprintln!("pkpy: can't open file '{}': {}", path, e);
                    return 2;
                }
            };
            let dir = std::path::Path::new(path).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
            add_path(vm, &dir);
            set_argv(vm, &[path.to_string()], &args[2..]);
            exec_main(vm, &src, path)
        }
    }
}

fn set_argv(vm: &mut Vm, first: &[String], rest: &[String]) {
    let items: Vec<Value> = first.iter().chain(rest.iter()).map(|s| vm.new_str(s)).collect();
    if let Some(l) = vm.sys_argv.list() {
        *l.borrow_mut() = items;
    }
}

fn add_path(vm: &mut Vm, dir: &str) {
    let d = vm.new_str(if dir.is_empty() { "." } else { dir });
    if let Some(l) = vm.sys_path.list() {
        l.borrow_mut().insert(0, d);
    }
}

/// Run source as `__main__`; returns the process exit code.
fn exec_main(vm: &mut Vm, src: &str, filename: &str) -> u8 {
    let main = vm.main_module;
    let fname = vm.new_str(filename);
    vm.module_set(&main, "__file__", fname);
    let r = vm.exec_in(src, filename, &main);
    let code = match r {
        Ok(_) => 0,
        Err(_) => report(vm),
    };
    let _ = std::io::stdout().flush();
    code
}

/// Print the pending exception like CPython; SystemExit gives its code.
fn report(vm: &mut Vm) -> u8 {
    let e = vm.take_exc();
    if vm.isinstance(&e, TP_SYSTEM_EXIT) {
        let args = vm.exc_args(&e);
        return match args.first() {
            None => 0,
            Some(v) if v.is_none() => 0,
            Some(v) if v.is_small_int() => v.as_i64() as u8,
            Some(v) => {
                let s = vm.str_of(v).unwrap_or_default();
                let _ = std::io::stdout().flush();
                eprintln!("{}", s);
                1
            }
        };
    }
    let _ = std::io::stdout().flush();
    let text = vm.format_exception(&e);
    eprint!("{}", text);
    1
}

fn repl(vm: &mut Vm) -> u8 {
    add_path(vm, "");
    set_argv(vm, &[String::new()], &[]);
    println!("pocketpy-rs {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let main = vm.main_module;
    loop {
        print!(">>> ");
        let _ = std::io::stdout().flush();
        let first = match lines.next() {
            Some(Ok(l)) => l,
            _ => {
                println!();
                return 0;
            }
        };
        let mut src = first.clone();
        // A block continues until an empty line.
        let needs_more = |s: &str| s.trim_end().ends_with(':') || s.trim_end().ends_with('\\');
        if needs_more(&first) {
            loop {
                print!("... ");
                let _ = std::io::stdout().flush();
                match lines.next() {
                    Some(Ok(l)) => {
                        if l.trim().is_empty() {
                            break;
                        }
                        src.push('\n');
                        src.push_str(&l);
                    }
                    _ => break,
                }
            }
        }
        if src.trim().is_empty() {
            continue;
        }
        src.push('\n');
        let r = vm.compile(&src, "<stdin>", Mode::Single).and_then(|code| vm.run_code(code, main, Value::NIL));
        if r.is_err() {
            let e = vm.take_exc();
            if vm.isinstance(&e, TP_SYSTEM_EXIT) {
                vm.exc = Some(e);
                return report(vm);
            }
            let text = vm.format_exception(&e);
            eprint!("{}", text);
        }
    }
}
