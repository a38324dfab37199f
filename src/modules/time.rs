//! The `time` module (created on first import).
//!
//! Broken-down UTC time is computed here from the epoch (civil-from-days);
//! local time comes from the C library's `localtime_r` / `mktime` on Linux
//! and macOS, and is UTC elsewhere.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::objects::float::to_float;
use crate::objects::int::{index_i64, is_int_like};
use crate::runtime::names::Name;
use crate::vm::exceptions::*;
use crate::vm::heap::ObjData;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.lazy_modules.insert("time".into(), make);
}

/// A broken-down time, Python conventions (month 1-12, Monday = 0, yday 1-366).
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: String,
    pub gmtoff: i64,
}

/// (year, month, day) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days since 1970-01-01 of a (year, month 1-12, day) date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// UTC broken-down time of a timestamp.
pub fn gmtime_of(secs: i64) -> Tm {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    Tm {
        year: y,
        mon: m,
        mday: d,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(y, 1, 1) + 1,
        isdst: 0,
        zone: "GMT".into(),
        gmtoff: 0,
    }
}

/// Timestamp of a UTC broken-down time (fields may be out of range).
pub fn timegm(t: &Tm) -> i64 {
    let m0 = t.mon - 1;
    let y = t.year + m0.div_euclid(12);
    let m = m0.rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) + t.mday - 1;
    days * 86400 + t.hour * 3600 + t.min * 60 + t.sec
}

#[cfg(any(target_os = "linux", target_os = "macos", target_os = "android", target_os = "freebsd"))]
mod local {
    use super::Tm;

    extern "C" {
        fn tzset();
    }

    pub fn init() {
        // SAFETY: tzset only reads the TZ environment variable and updates libc's zone state.
        unsafe { tzset() }
    }

    pub fn localtime(secs: i64) -> Option<Tm> {
        let t = secs as libc::time_t;
        // SAFETY: `tm` is plain old data; localtime_r fills it or returns null.
        let mut out: libc::tm = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::localtime_r(&t, &mut out) };
        if r.is_null() {
            return None;
        }
        let zone = if out.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: tm_zone points to a NUL-terminated string owned by libc.
            unsafe { std::ffi::CStr::from_ptr(out.tm_zone) }.to_string_lossy().into_owned()
        };
        Some(Tm {
            year: out.tm_year as i64 + 1900,
            mon: out.tm_mon as i64 + 1,
            mday: out.tm_mday as i64,
            hour: out.tm_hour as i64,
            min: out.tm_min as i64,
            sec: out.tm_sec as i64,
            wday: (out.tm_wday as i64 + 6) % 7,
            yday: out.tm_yday as i64 + 1,
            isdst: out.tm_isdst as i64,
            zone,
            gmtoff: out.tm_gmtoff as i64,
        })
    }

    pub fn mktime(t: &Tm) -> Option<i64> {
        // SAFETY: plain old data, filled below.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let fit = |v: i64| -> Option<libc::c_int> { libc::c_int::try_from(v).ok() };
        tm.tm_year = fit(t.year - 1900)?;
        tm.tm_mon = fit(t.mon - 1)?;
        tm.tm_mday = fit(t.mday)?;
        tm.tm_hour = fit(t.hour)?;
        tm.tm_min = fit(t.min)?;
        tm.tm_sec = fit(t.sec)?;
        tm.tm_isdst = fit(t.isdst)?;
        tm.tm_wday = -1;
        // SAFETY: mktime normalises the struct in place.
        let r = unsafe { libc::mktime(&mut tm) };
        if r == -1 && tm.tm_wday == -1 {
            return None;
        }
        Some(r as i64)
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "android", target_os = "freebsd")))]
mod local {
    use super::Tm;

    pub fn init() {}

    pub fn localtime(secs: i64) -> Option<Tm> {
        Some(super::gmtime_of(secs))
    }

    pub fn mktime(t: &Tm) -> Option<i64> {
        Some(super::timegm(t))
    }
}

// ---------------------------------------------------------------- clocks

fn now_since_epoch() -> Duration {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d,
        Err(_) => Duration::ZERO,
    }
}

fn process_start() -> Instant {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Nanoseconds on the monotonic clock.
fn monotonic_ns() -> i128 {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime fills the timespec.
        if unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) } == 0 {
            return ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128;
        }
    }
    process_start().elapsed().as_nanos() as i128
}

/// Nanoseconds of CPU time used by the process (or thread).
fn cpu_ns(thread: bool) -> i128 {
    #[cfg(any(target_os = "linux", target_os = "macos", target_os = "android", target_os = "freebsd"))]
    {
        let clk = if thread { libc::CLOCK_THREAD_CPUTIME_ID } else { libc::CLOCK_PROCESS_CPUTIME_ID };
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime fills the timespec.
        if unsafe { libc::clock_gettime(clk, &mut ts) } == 0 {
            return ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128;
        }
    }
    let _ = thread;
    process_start().elapsed().as_nanos() as i128
}

fn ns_value(vm: &mut Vm, ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => Value::int(i),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(ns)),
    }
}

fn t_time(_: &mut Vm, _: &[Value]) -> PyResult<Value> {
    Ok(Value::float(now_since_epoch().as_secs_f64()))
}

fn t_time_ns(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let ns = now_since_epoch().as_nanos() as i128;
    Ok(ns_value(vm, ns))
}

fn t_monotonic(_: &mut Vm, _: &[Value]) -> PyResult<Value> {
    Ok(Value::float(monotonic_ns() as f64 / 1e9))
}

fn t_monotonic_ns(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let ns = monotonic_ns();
    Ok(ns_value(vm, ns))
}

fn t_process_time(_: &mut Vm, _: &[Value]) -> PyResult<Value> {
    Ok(Value::float(cpu_ns(false) as f64 / 1e9))
}

fn t_process_time_ns(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let ns = cpu_ns(false);
    Ok(ns_value(vm, ns))
}

fn t_thread_time(_: &mut Vm, _: &[Value]) -> PyResult<Value> {
    Ok(Value::float(cpu_ns(true) as f64 / 1e9))
}

fn t_thread_time_ns(vm: &mut Vm, _: &[Value]) -> PyResult<Value> {
    let ns = cpu_ns(true);
    Ok(ns_value(vm, ns))
}

fn t_sleep(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let secs = if is_int_like(&a[0]) || a[0].ty() == TP_FLOAT {
        to_float(vm, &a[0])?
    } else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a[0]));
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    };
    if secs.is_nan() {
        return Err(vm.new_error(TP_VALUE_ERROR, "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_error(TP_VALUE_ERROR, "sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.new_error(TP_OVERFLOW_ERROR, "timestamp out of range for platform time_t"));
    }
    if secs > 0.0 {
        vm.sleep_interruptibly(Duration::from_secs_f64(secs))?;
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- struct_time

const FIELDS: [&str; 9] = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn struct_time_type(vm: &mut Vm) -> TypeId {
    if let Some(t) = vm.native_types.get("time.struct_time") {
        return *t;
    }
    let t = vm.new_builtin_type("struct_time", TP_TUPLE, "time");
    vm.native_types.insert("time.struct_time", t);
    vm.bind_static(t, "__new__", -1, struct_time_new);
    let getters: [crate::objects::function::NativeFn; 9] = [
        |vm, a| field(vm, &a[0], 0),
        |vm, a| field(vm, &a[0], 1),
        |vm, a| field(vm, &a[0], 2),
        |vm, a| field(vm, &a[0], 3),
        |vm, a| field(vm, &a[0], 4),
        |vm, a| field(vm, &a[0], 5),
        |vm, a| field(vm, &a[0], 6),
        |vm, a| field(vm, &a[0], 7),
        |vm, a| field(vm, &a[0], 8),
    ];
    for (name, g) in FIELDS.iter().zip(getters) {
        vm.bind_property(t, name, g);
    }
    vm.bind_method(t, "__getitem__", 2, |vm, a| {
        let tup = plain_tuple(vm, &a[0]);
        vm.keep_alive(tup);
        vm.getitem(&tup, &a[1])
    });
    vm.bind_method(t, "__len__", 1, |_, a| Ok(Value::int(a[0].tuple().map(|t| t.len()).unwrap_or(0) as i64)));
    vm.bind_method(t, "__iter__", 1, |vm, a| {
        let tup = plain_tuple(vm, &a[0]);
        vm.keep_alive(tup);
        vm.iter(&tup)
    });
    vm.bind_method(t, "__eq__", 2, |vm, a| {
        let x = plain_tuple(vm, &a[0]);
        vm.keep_alive(x);
        let y = if a[1].tuple().is_some() { plain_tuple(vm, &a[1]) } else { return Ok(Value::NOT_IMPLEMENTED) };
        vm.keep_alive(y);
        Ok(Value::bool(vm.eq(&x, &y)?))
    });
    vm.bind_method(t, "__repr__", 1, |vm, a| {
        let s = struct_time_repr(vm, &a[0])?;
        Ok(vm.new_string(s))
    });
    vm.set_type_attr(t, "n_fields", Value::int(11));
    vm.set_type_attr(t, "n_sequence_fields", Value::int(9));
    vm.set_type_attr(t, "n_unnamed_fields", Value::int(0));
    t
}

fn field(vm: &mut Vm, v: &Value, i: usize) -> PyResult<Value> {
    match v.tuple().and_then(|t| t.get(i).copied()) {
        Some(x) => Ok(x),
        None => Err(vm.new_error(TP_TYPE_ERROR, "struct_time expected")),
    }
}

fn plain_tuple(vm: &mut Vm, v: &Value) -> Value {
    let items = v.tuple().unwrap_or(&[]).to_vec();
    vm.new_tuple(items)
}

fn struct_time_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let items = v.tuple().unwrap_or(&[]).to_vec();
    let mut parts = Vec::new();
    for (name, x) in FIELDS.iter().zip(items.iter()) {
        parts.push(format!("{}={}", name, vm.repr(x)?));
    }
    Ok(format!("time.struct_time({})", parts.join(", ")))
}

fn make_struct_time(vm: &mut Vm, tm: &Tm) -> Value {
    let t = struct_time_type(vm);
    let items = vec![
        Value::int(tm.year),
        Value::int(tm.mon),
        Value::int(tm.mday),
        Value::int(tm.hour),
        Value::int(tm.min),
        Value::int(tm.sec),
        Value::int(tm.wday),
        Value::int(tm.yday),
        Value::int(tm.isdst),
    ];
    let obj = vm.heap.alloc(t, ObjData::Tuple(items.into()), Some(Box::default()));
    let zone = vm.new_string(tm.zone.clone());
    vm.attrs_set(&obj, Name::new("tm_zone"), zone);
    vm.attrs_set(&obj, Name::new("tm_gmtoff"), Value::int(tm.gmtoff));
    obj
}

fn struct_time_new(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.new_error(TP_TYPE_ERROR, "struct_time() takes at most 2 arguments"));
    }
    let items = vm.collect_iter(&a[1])?;
    if items.len() < 9 || items.len() > 11 {
        let msg = format!("time.struct_time() takes an at least 9-sequence ({}-sequence given)", items.len());
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let t = struct_time_type(vm);
    let obj = vm.heap.alloc(t, ObjData::Tuple(items[..9].to_vec().into()), Some(Box::default()));
    let zone = items.get(9).copied().unwrap_or(Value::NONE);
    let off = items.get(10).copied().unwrap_or(Value::NONE);
    vm.attrs_set(&obj, Name::new("tm_zone"), zone);
    vm.attrs_set(&obj, Name::new("tm_gmtoff"), off);
    Ok(obj)
}

/// A struct_time or 9-tuple as a `Tm`, with CPython's range checks.
fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let items = match v.tuple() {
        Some(t) => t.to_vec(),
        None => {
            let msg = format!("{}(): illegal time tuple argument", fname);
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    if items.len() != 9 {
        let msg = format!("{}(): illegal time tuple argument", fname);
        return Err(vm.new_error(TP_TYPE_ERROR, msg));
    }
    let mut f = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        f[i] = index_i64(vm, x)?;
        if f[i] > i32::MAX as i64 {
            return Err(vm.new_error(TP_OVERFLOW_ERROR, "signed integer is greater than maximum"));
        }
        if f[i] < i32::MIN as i64 {
            return Err(vm.new_error(TP_OVERFLOW_ERROR, "signed integer is less than minimum"));
        }
    }
    let (zone, gmtoff) = if v.ty() != TP_TUPLE {
        let z = vm.attrs_get(v, Name::new("tm_zone")).and_then(|z| z.as_str().map(|s| s.to_string()));
        let o = vm.attrs_get(v, Name::new("tm_gmtoff")).filter(|o| o.is_small_int()).map(|o| o.as_i64());
        (z, o)
    } else {
        (None, None)
    };
    Ok(Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: f[6],
        yday: f[7],
        isdst: f[8],
        zone: zone.unwrap_or_default(),
        gmtoff: gmtoff.unwrap_or(0),
    })
}

/// CPython's `checktm` (after which fields are in range).
fn check_tm(vm: &mut Vm, t: &mut Tm) -> PyResult<()> {
    if t.mon == 0 {
        t.mon = 1;
    }
    if t.mday == 0 {
        t.mday = 1;
    }
    if t.yday == 0 {
        t.yday = 1;
    }
    let checks: [(bool, &str); 7] = [
        (!(1..=12).contains(&t.mon), "month out of range"),
        (!(1..=31).contains(&t.mday), "day of month out of range"),
        (!(0..=23).contains(&t.hour), "hour out of range"),
        (!(0..=59).contains(&t.min), "minute out of range"),
        (!(0..=61).contains(&t.sec), "seconds out of range"),
        ((t.wday + 1) % 7 < 0, "day of week out of range"),
        (!(1..=366).contains(&t.yday), "day of year out of range"),
    ];
    for (bad, msg) in checks {
        if bad {
            return Err(vm.new_error(TP_VALUE_ERROR, msg));
        }
    }
    t.wday = ((t.wday + 1) % 7 + 6) % 7;
    t.isdst = t.isdst.clamp(-1, 1);
    Ok(())
}

fn secs_arg(vm: &mut Vm, a: &[Value]) -> PyResult<i64> {
    match a.first() {
        None => Ok(now_since_epoch().as_secs() as i64),
        Some(v) if v.is_none() => Ok(now_since_epoch().as_secs() as i64),
        Some(v) => {
            if is_int_like(v) {
                return match index_i64(vm, v) {
                    Ok(i) if i.unsigned_abs() < (1u64 << 55) => Ok(i),
                    _ => Err(vm.new_error(TP_OVERFLOW_ERROR, "timestamp out of range for platform time_t")),
                };
            }
            let f = to_float(vm, v)?;
            if f.is_nan() {
                return Err(vm.new_error(TP_VALUE_ERROR, "Invalid value NaN (not a number)"));
            }
            if !f.is_finite() || f.abs() >= (1u64 << 55) as f64 {
                return Err(vm.new_error(TP_OVERFLOW_ERROR, "timestamp out of range for platform time_t"));
            }
            Ok(f.floor() as i64)
        }
    }
}

fn t_gmtime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("gmtime expected at most 1 argument, got {}", a.len())));
    }
    let s = secs_arg(vm, a)?;
    let tm = gmtime_of(s);
    Ok(make_struct_time(vm, &tm))
}

fn t_localtime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("localtime expected at most 1 argument, got {}", a.len())));
    }
    let s = secs_arg(vm, a)?;
    let tm = match local::localtime(s) {
        Some(t) => t,
        None => return Err(vm.new_error(TP_OVERFLOW_ERROR, "timestamp out of range for platform time_t")),
    };
    Ok(make_struct_time(vm, &tm))
}

fn t_mktime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let t = tm_arg(vm, &a[0], "mktime")?;
    match local::mktime(&t) {
        Some(s) => Ok(Value::float(s as f64)),
        None => Err(vm.new_error(TP_OVERFLOW_ERROR, "mktime argument out of range")),
    }
}

const DAY_ABBR: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_FULL: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MON_ABBR: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MON_FULL: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn asctime_of(t: &Tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAY_ABBR[t.wday.rem_euclid(7) as usize],
        MON_ABBR[(t.mon - 1).rem_euclid(12) as usize],
        t.mday,
        t.hour,
        t.min,
        t.sec,
        t.year
    )
}

/// ISO 8601 week-based (year, week).
fn iso_week(t: &Tm) -> (i64, i64) {
    let week = (t.yday - 1 - t.wday + 10) / 7;
    if week < 1 {
        return (t.year - 1, weeks_in_year(t.year - 1));
    }
    if week > weeks_in_year(t.year) {
        return (t.year + 1, 1);
    }
    (t.year, week)
}

fn weeks_in_year(y: i64) -> i64 {
    let p = |y: i64| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7);
    if p(y) == 4 || p(y - 1) == 3 {
        53
    } else {
        52
    }
}

/// `strftime` with the C library's directive set (C locale).
pub fn strftime(fmt: &str, t: &Tm) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let hour12 = if t.hour % 12 == 0 { 12 } else { t.hour % 12 };
    let wday = t.wday.rem_euclid(7) as usize;
    let mon = (t.mon - 1).rem_euclid(12) as usize;
    let sunday_wday = (t.wday + 1).rem_euclid(7); // Sunday = 0
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut d = match chars.next() {
            Some(d) => d,
            None => {
                out.push('%');
                break;
            }
        };
        // Ignore the E and O modifiers.
        if d == 'E' || d == 'O' {
            match chars.next() {
                Some(x) => d = x,
                None => {
                    out.push('%');
                    out.push(d);
                    break;
                }
            }
        }
        match d {
            'a' => out.push_str(DAY_ABBR[wday]),
            'A' => out.push_str(DAY_FULL[wday]),
            'b' | 'h' => out.push_str(MON_ABBR[mon]),
            'B' => out.push_str(MON_FULL[mon]),
            'c' => out.push_str(&asctime_of(t)),
            'C' => out.push_str(&format!("{:02}", t.year.div_euclid(100))),
            'd' => out.push_str(&format!("{:02}", t.mday)),
            'D' => out.push_str(&format!("{:02}/{:02}/{:02}", t.mon, t.mday, t.year.rem_euclid(100))),
            'e' => out.push_str(&format!("{:2}", t.mday)),
            'F' => out.push_str(&format!("{}-{:02}-{:02}", t.year, t.mon, t.mday)),
            'G' => out.push_str(&iso_week(t).0.to_string()),
            'g' => out.push_str(&format!("{:02}", iso_week(t).0.rem_euclid(100))),
            'H' => out.push_str(&format!("{:02}", t.hour)),
            'I' => out.push_str(&format!("{:02}", hour12)),
            'j' => out.push_str(&format!("{:03}", t.yday)),
            'k' => out.push_str(&format!("{:2}", t.hour)),
            'l' => out.push_str(&format!("{:2}", hour12)),
            'm' => out.push_str(&format!("{:02}", t.mon)),
            'M' => out.push_str(&format!("{:02}", t.min)),
            'n' => out.push('\n'),
            'p' => out.push_str(if t.hour < 12 { "AM" } else { "PM" }),
            'P' => out.push_str(if t.hour < 12 { "am" } else { "pm" }),
            'r' => out.push_str(&format!("{:02}:{:02}:{:02} {}", hour12, t.min, t.sec, if t.hour < 12 { "AM" } else { "PM" })),
            'R' => out.push_str(&format!("{:02}:{:02}", t.hour, t.min)),
            's' => {
                let secs = timegm(t) - t.gmtoff;
                out.push_str(&secs.to_string())
            }
            'S' => out.push_str(&format!("{:02}", t.sec)),
            't' => out.push('\t'),
            'T' | 'X' => out.push_str(&format!("{:02}:{:02}:{:02}", t.hour, t.min, t.sec)),
            'u' => out.push_str(&(wday + 1).to_string()),
            'U' => out.push_str(&format!("{:02}", (t.yday - 1 + 7 - sunday_wday) / 7)),
            'V' => out.push_str(&format!("{:02}", iso_week(t).1)),
            'w' => out.push_str(&sunday_wday.to_string()),
            'W' => out.push_str(&format!("{:02}", (t.yday - 1 + 7 - wday as i64) / 7)),
            'x' => out.push_str(&format!("{:02}/{:02}/{:02}", t.mon, t.mday, t.year.rem_euclid(100))),
            'y' => out.push_str(&format!("{:02}", t.year.rem_euclid(100))),
            'Y' => out.push_str(&t.year.to_string()),
            'z' => {
                let off = t.gmtoff;
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.abs();
                out.push_str(&format!("{}{:02}{:02}", sign, a / 3600, a % 3600 / 60));
            }
            'Z' => out.push_str(&t.zone),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

fn tm_or_now(vm: &mut Vm, a: Option<&Value>, fname: &str) -> PyResult<Tm> {
    match a {
        Some(v) if !v.is_none() => {
            let mut t = tm_arg(vm, v, fname)?;
            check_tm(vm, &mut t)?;
            Ok(t)
        }
        _ => {
            let s = now_since_epoch().as_secs() as i64;
            Ok(local::localtime(s).unwrap_or_else(|| gmtime_of(s)))
        }
    }
}

fn t_strftime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.is_empty() || a.len() > 2 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("strftime expected 1 or 2 arguments, got {}", a.len())));
    }
    let fmt = match a[0].as_str() {
        Some(s) => s.to_string(),
        None => {
            let msg = format!("strftime() argument 1 must be str, not {}", vm.type_name(&a[0]));
            return Err(vm.new_error(TP_TYPE_ERROR, msg));
        }
    };
    let t = tm_or_now(vm, a.get(1), "strftime")?;
    Ok(vm.new_string(strftime(&fmt, &t)))
}

fn t_asctime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("asctime expected at most 1 argument, got {}", a.len())));
    }
    let t = tm_or_now(vm, a.first(), "asctime")?;
    Ok(vm.new_string(asctime_of(&t)))
}

fn t_ctime(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    if a.len() > 1 {
        return Err(vm.new_error(TP_TYPE_ERROR, format!("ctime expected at most 1 argument, got {}", a.len())));
    }
    let s = secs_arg(vm, a)?;
    let t = local::localtime(s).unwrap_or_else(|| gmtime_of(s));
    Ok(vm.new_string(asctime_of(&t)))
}

fn make(vm: &mut Vm) -> PyResult<Value> {
    local::init();
    let _ = process_start();
    let m = vm.new_module("time");
    vm.module_fn(&m, "time", 0, t_time);
    vm.module_fn(&m, "time_ns", 0, t_time_ns);
    vm.module_fn(&m, "perf_counter", 0, t_monotonic);
    vm.module_fn(&m, "perf_counter_ns", 0, t_monotonic_ns);
    vm.module_fn(&m, "monotonic", 0, t_monotonic);
    vm.module_fn(&m, "monotonic_ns", 0, t_monotonic_ns);
    vm.module_fn(&m, "process_time", 0, t_process_time);
    vm.module_fn(&m, "process_time_ns", 0, t_process_time_ns);
    vm.module_fn(&m, "thread_time", 0, t_thread_time);
    vm.module_fn(&m, "thread_time_ns", 0, t_thread_time_ns);
    vm.module_fn(&m, "sleep", 1, t_sleep);
    vm.module_fn(&m, "gmtime", -1, t_gmtime);
    vm.module_fn(&m, "localtime", -1, t_localtime);
    vm.module_fn(&m, "mktime", 1, t_mktime);
    vm.module_fn(&m, "strftime", -1, t_strftime);
    vm.module_fn(&m, "asctime", -1, t_asctime);
    vm.module_fn(&m, "ctime", -1, t_ctime);
    let st = struct_time_type(vm);
    let st_obj = vm.types[st as usize].obj;
    vm.module_set(&m, "struct_time", st_obj);
    // Zone information from January and July of the current year.
    let now = now_since_epoch().as_secs() as i64;
    let year = gmtime_of(now).year;
    let jan = timegm(&Tm { year, mon: 1, mday: 1, hour: 0, min: 0, sec: 0, wday: 0, yday: 1, isdst: 0, zone: String::new(), gmtoff: 0 });
    let jul = timegm(&Tm { year, mon: 7, mday: 1, hour: 0, min: 0, sec: 0, wday: 0, yday: 1, isdst: 0, zone: String::new(), gmtoff: 0 });
    let a = local::localtime(jan).unwrap_or_else(|| gmtime_of(jan));
    let b = local::localtime(jul).unwrap_or_else(|| gmtime_of(jul));
    let (std_t, dst_t) = if a.gmtoff <= b.gmtoff { (a, b) } else { (b, a) };
    vm.module_set(&m, "timezone", Value::int(-std_t.gmtoff));
    vm.module_set(&m, "altzone", Value::int(-dst_t.gmtoff));
    vm.module_set(&m, "daylight", Value::int((std_t.gmtoff != dst_t.gmtoff) as i64));
    let n1 = vm.new_string(std_t.zone.clone());
    let n2 = vm.new_string(dst_t.zone.clone());
    let names = vm.new_tuple(vec![n1, n2]);
    vm.module_set(&m, "tzname", names);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        for d in [-800000i64, -1, 0, 59, 10957, 20000, 2932896] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        let t = gmtime_of(1_700_000_000);
        assert_eq!((t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday), (2023, 11, 14, 22, 13, 20, 1, 318));
        assert_eq!(timegm(&t), 1_700_000_000);
        assert_eq!(strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%", &t), "2023-11-14 22:13:20 Tue Tuesday Nov November 318 PM 23 %");
    }

    #[test]
    fn iso() {
        // 2021-01-01 is a Friday: ISO week 53 of 2020.
        let t = gmtime_of(days_from_civil(2021, 1, 1) * 86400);
        assert_eq!(iso_week(&t), (2020, 53));
        // 2024-12-30 is a Monday: ISO week 1 of 2025.
        let t = gmtime_of(days_from_civil(2024, 12, 30) * 86400);
        assert_eq!(iso_week(&t), (2025, 1));
        let t = gmtime_of(days_from_civil(2023, 6, 15) * 86400);
        assert_eq!(iso_week(&t), (2023, 24));
    }
}
