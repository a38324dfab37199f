//! pickle's wire format: the VM-independent data model and its byte encoding.
//!
//! Values cross between VMs only as bytes made here. A pickle is a header
//! followed by a MessagePack array of [`Op`]s, a small stack-machine program
//! in the spirit of CPython's pickle opcodes: scalars push a value, container
//! ops build lists, dicts, sets and tuples from the values above a mark, and
//! object ops look up classes and functions by module + qualified name and
//! rebuild instances. A flat program instead of a value tree means neither
//! encoding nor decoding recurses on the nesting of the data, so a deeply
//! nested (or hostile) input cannot overflow the Rust stack of the reader.
//!
//! ```text
//! offset  size  field
//! 0       4     magic b"PKPY"
//! 4       1     format version (VERSION)
//! 5       8     payload length, u64 little-endian
//! 13      4     CRC-32 (IEEE) of the payload, little-endian
//! 17      n     payload: MessagePack array of ops
//! ```
//!
//! Each op is one MessagePack value. The common scalars are the plain
//! MessagePack types (`nil`, `true`/`false`, ints, float64, str); every other
//! op is an array `[tag, fields...]` with the tags listed in [`tag`].
//!
//! Memo ids are implicit: the ops documented as "memoized" register the
//! value they produce under the next id (0, 1, 2, ...), in execution order,
//! and `Ref(id)` pushes a registered value again. That is how shared
//! references and cycles survive: containers are created empty, memoized,
//! and filled afterwards.
//!
//! The writer ([`Encoder`]) streams ops straight into the final buffer and
//! patches the header and the op count (always an `array 32`) at the end.
//! The reader ([`decode_each`]) checks the header, length and checksum
//! before parsing, then hands each op to a callback as soon as it is read
//! (the unpickler runs it at once; no op list is built). It never allocates
//! by a length the input claims: strings and byte strings are read against
//! the bytes actually present.

use std::fmt;
use std::io::Cursor;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// The first bytes of every pickle made by this crate.
pub const MAGIC: [u8; 4] = *b"PKPY";
/// The format version written after the magic; readers reject others.
pub const VERSION: u8 = 1;
/// Magic + version + payload length + checksum.
pub const HEADER_LEN: usize = 4 + 1 + 8 + 4;

/// One instruction of a pickle program.
///
/// The loader keeps a value stack, a stack of marks (positions in the value
/// stack) and the memo. "Items" below means the values pushed since the most
/// recent mark, which the op removes together with the mark.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Push None.
    None,
    /// Push a bool.
    Bool(bool),
    /// Push an int that fits in i64.
    Int(i64),
    /// Push a float (NaN payloads and infinities preserved).
    Float(f64),
    /// Push a str.
    Str(String),
    /// Push an int outside the i64 range: sign and little-endian magnitude.
    BigInt { negative: bool, magnitude: Vec<u8> },
    /// Push bytes.
    Bytes(Vec<u8>),
    /// Push a bytearray. Memoized.
    ByteArray(Vec<u8>),
    /// Push Ellipsis.
    Ellipsis,
    /// Push NotImplemented.
    NotImplemented,
    /// Push a mark.
    Mark,
    /// Push the value registered under this memo id.
    Ref(u32),
    /// Push `getattr(import(module), qualname)` walking the dotted qualname:
    /// a class, function or built-in by reference. Memoized.
    Global { module: String, qualname: String },
    /// Push a new empty list. Memoized.
    EmptyList,
    /// Push a new empty dict. Memoized.
    EmptyDict,
    /// Push a new empty set. Memoized.
    EmptySet,
    /// Replace the items with a tuple of them. Memoized.
    Tuple,
    /// Replace the items with a frozenset of them. Memoized.
    FrozenSet,
    /// Append the items to the list (or object with `extend`) below the mark.
    Appends,
    /// Store the items, taken as key, value, key, value..., into the dict (or
    /// object with `__setitem__`) below the mark.
    SetItems,
    /// Add the items to the set (or object with `add`) below the mark.
    AddItems,
    /// Discard the items and the mark.
    PopMark,
    /// Discard the top value.
    Pop,
    /// Pop a class; push an instance made without calling `__init__`
    /// (`object.__new__(cls)`). Memoized.
    NewObj,
    /// Pop an args tuple and a class; push `cls.__new__(cls, *args)`. Memoized.
    NewObjArgs,
    /// Pop an args tuple and a callable; push `callable(*args)`. Memoized.
    Reduce,
    /// Pop a state; apply it to the value now on top: `__setstate__(state)`
    /// if the object has one, else update its `__dict__` from the state dict
    /// (or from a `(dict, slot_dict)` pair).
    Build,
}

/// Tags of the ops encoded as `[tag, fields...]` arrays.
pub mod tag {
    pub const BIGINT: u8 = 1;
    pub const BYTES: u8 = 2;
    pub const BYTEARRAY: u8 = 3;
    pub const ELLIPSIS: u8 = 4;
    pub const NOT_IMPLEMENTED: u8 = 5;
    pub const MARK: u8 = 6;
    pub const REF: u8 = 7;
    pub const GLOBAL: u8 = 8;
    pub const EMPTY_LIST: u8 = 9;
    pub const EMPTY_DICT: u8 = 10;
    pub const EMPTY_SET: u8 = 11;
    pub const TUPLE: u8 = 12;
    pub const FROZENSET: u8 = 13;
    pub const APPENDS: u8 = 14;
    pub const SET_ITEMS: u8 = 15;
    pub const ADD_ITEMS: u8 = 16;
    pub const POP_MARK: u8 = 17;
    pub const POP: u8 = 18;
    pub const NEW_OBJ: u8 = 19;
    pub const NEW_OBJ_ARGS: u8 = 20;
    pub const REDUCE: u8 = 21;
    pub const BUILD: u8 = 22;
}

impl Op {
    /// The tag of an op encoded as an array with no fields.
    fn bare_tag(&self) -> Option<u8> {
        Some(match self {
            Op::Ellipsis => tag::ELLIPSIS,
            Op::NotImplemented => tag::NOT_IMPLEMENTED,
            Op::Mark => tag::MARK,
            Op::EmptyList => tag::EMPTY_LIST,
            Op::EmptyDict => tag::EMPTY_DICT,
            Op::EmptySet => tag::EMPTY_SET,
            Op::Tuple => tag::TUPLE,
            Op::FrozenSet => tag::FROZENSET,
            Op::Appends => tag::APPENDS,
            Op::SetItems => tag::SET_ITEMS,
            Op::AddItems => tag::ADD_ITEMS,
            Op::PopMark => tag::POP_MARK,
            Op::Pop => tag::POP,
            Op::NewObj => tag::NEW_OBJ,
            Op::NewObjArgs => tag::NEW_OBJ_ARGS,
            Op::Reduce => tag::REDUCE,
            Op::Build => tag::BUILD,
            _ => return None,
        })
    }

    /// The op a field-less tag stands for.
    fn from_bare_tag(t: u8) -> Option<Op> {
        Some(match t {
            tag::ELLIPSIS => Op::Ellipsis,
            tag::NOT_IMPLEMENTED => Op::NotImplemented,
            tag::MARK => Op::Mark,
            tag::EMPTY_LIST => Op::EmptyList,
            tag::EMPTY_DICT => Op::EmptyDict,
            tag::EMPTY_SET => Op::EmptySet,
            tag::TUPLE => Op::Tuple,
            tag::FROZENSET => Op::FrozenSet,
            tag::APPENDS => Op::Appends,
            tag::SET_ITEMS => Op::SetItems,
            tag::ADD_ITEMS => Op::AddItems,
            tag::POP_MARK => Op::PopMark,
            tag::POP => Op::Pop,
            tag::NEW_OBJ => Op::NewObj,
            tag::NEW_OBJ_ARGS => Op::NewObjArgs,
            tag::REDUCE => Op::Reduce,
            tag::BUILD => Op::Build,
            _ => return None,
        })
    }
}

/// A byte string written as MessagePack `bin` (serde's default for `Vec<u8>`
/// would be an array of ints).
struct BinRef<'a>(&'a [u8]);

impl Serialize for BinRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// `[tag, bin]`.
struct TaggedBin<'a>(u8, &'a [u8]);

impl Serialize for TaggedBin<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_seq(Some(2))?;
        t.serialize_element(&self.0)?;
        t.serialize_element(&BinRef(self.1))?;
        t.end()
    }
}

/// Reads a MessagePack `bin` (and only that) into a `Vec<u8>`.
struct Bin(Vec<u8>);

impl<'de> Deserialize<'de> for Bin {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bin, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bin;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bin, E> {
                Ok(Bin(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bin, E> {
                Ok(Bin(v))
            }
        }
        d.deserialize_bytes(V)
    }
}

impl Serialize for Op {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Op::None => s.serialize_unit(),
            Op::Bool(b) => s.serialize_bool(*b),
            Op::Int(i) => s.serialize_i64(*i),
            Op::Float(f) => s.serialize_f64(*f),
            Op::Str(x) => s.serialize_str(x),
            Op::BigInt { negative, magnitude } => {
                let mut t = s.serialize_seq(Some(3))?;
                t.serialize_element(&tag::BIGINT)?;
                t.serialize_element(negative)?;
                t.serialize_element(&BinRef(magnitude))?;
                t.end()
            }
            Op::Bytes(b) => TaggedBin(tag::BYTES, b).serialize(s),
            Op::ByteArray(b) => TaggedBin(tag::BYTEARRAY, b).serialize(s),
            Op::Ref(id) => {
                let mut t = s.serialize_seq(Some(2))?;
                t.serialize_element(&tag::REF)?;
                t.serialize_element(id)?;
                t.end()
            }
            Op::Global { module, qualname } => {
                let mut t = s.serialize_seq(Some(3))?;
                t.serialize_element(&tag::GLOBAL)?;
                t.serialize_element(module)?;
                t.serialize_element(qualname)?;
                t.end()
            }
            other => {
                // Every remaining op is field-less.
                let tg = other.bare_tag().unwrap_or(0);
                let mut t = s.serialize_seq(Some(1))?;
                t.serialize_element(&tg)?;
                t.end()
            }
        }
    }
}

struct OpVisitor;

fn field<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(seq: &mut A, what: &str) -> Result<T, A::Error> {
    match seq.next_element::<T>()? {
        Some(v) => Ok(v),
        None => Err(de::Error::custom(format!("op is missing its {}", what))),
    }
}

impl<'de> Visitor<'de> for OpVisitor {
    type Value = Op;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a pickle op")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Op, E> {
        Ok(Op::None)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Op, E> {
        Ok(Op::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Op, E> {
        Ok(Op::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Op, E> {
        match i64::try_from(v) {
            Ok(i) => Ok(Op::Int(i)),
            Err(_) => Err(E::custom("integer op out of range (big ints use the BIGINT op)")),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Op, E> {
        Ok(Op::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Op, E> {
        Ok(Op::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Op, E> {
        Ok(Op::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Op, A::Error> {
        let t: u8 = field(&mut seq, "tag")?;
        // rmp-serde rejects an array whose elements were not all consumed,
        // so an op with extra fields is an error too.
        Ok(match t {
            tag::BIGINT => {
                let negative: bool = field(&mut seq, "sign")?;
                let Bin(magnitude) = field(&mut seq, "magnitude")?;
                Op::BigInt { negative, magnitude }
            }
            tag::BYTES => Op::Bytes(field::<_, Bin>(&mut seq, "data")?.0),
            tag::BYTEARRAY => Op::ByteArray(field::<_, Bin>(&mut seq, "data")?.0),
            tag::REF => Op::Ref(field(&mut seq, "memo id")?),
            tag::GLOBAL => {
                let module: String = field(&mut seq, "module name")?;
                let qualname: String = field(&mut seq, "qualified name")?;
                Op::Global { module, qualname }
            }
            t => match Op::from_bare_tag(t) {
                Some(op) => op,
                None => return Err(de::Error::custom(format!("unknown op tag {}", t))),
            },
        })
    }
}

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Op, D::Error> {
        d.deserialize_any(OpVisitor)
    }
}

/// Why bytes could not be decoded into ops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// The input ends before the header or payload does.
    Truncated,
    /// The input does not start with [`MAGIC`].
    BadMagic,
    /// Made by a newer (or unknown) version of the format.
    UnsupportedVersion(u8),
    /// The payload does not match the checksum in the header.
    Checksum,
    /// Bytes follow the payload.
    TrailingData(usize),
    /// The payload is not a valid op list.
    Malformed(String),
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            WireError::Truncated => f.write_str("pickle data was truncated"),
            WireError::BadMagic => f.write_str("invalid magic: not a pocketpy pickle"),
            WireError::UnsupportedVersion(v) => {
                write!(f, "unsupported pickle format version {} (this build reads version {})", v, VERSION)
            }
            WireError::Checksum => f.write_str("pickle data is corrupt (checksum mismatch)"),
            WireError::TrailingData(n) => write!(f, "pickle data has {} unexpected trailing bytes", n),
            WireError::Malformed(m) => write!(f, "malformed pickle data: {}", m),
        }
    }
}

impl std::error::Error for WireError {}

/// CRC-32 lookup tables for slicing-by-8: `CRC_TABLES[0]` is the classic
/// byte-at-a-time table of the reflected IEEE polynomial; `CRC_TABLES[k]`
/// advances a byte's contribution by k more bytes, so eight bytes are
/// folded in per step with eight independent lookups.
const CRC_TABLES: [[u32; 256]; 8] = {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut k = 1;
        while k < 8 {
            let prev = t[k - 1][i];
            t[k][i] = (prev >> 8) ^ t[0][(prev & 0xff) as usize];
            k += 1;
        }
        i += 1;
    }
    t
};

/// CRC-32 (IEEE 802.3, as zlib computes it), eight bytes per step.
pub fn crc32(data: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut c = !0u32;
    let mut chunks = data.chunks_exact(8);
    for ch in &mut chunks {
        let lo = u32::from_le_bytes([ch[0], ch[1], ch[2], ch[3]]) ^ c;
        let hi = u32::from_le_bytes([ch[4], ch[5], ch[6], ch[7]]);
        c = t[7][(lo & 0xff) as usize]
            ^ t[6][((lo >> 8) & 0xff) as usize]
            ^ t[5][((lo >> 16) & 0xff) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xff) as usize]
            ^ t[2][((hi >> 8) & 0xff) as usize]
            ^ t[1][((hi >> 16) & 0xff) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        c = t[0][((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Put the header in front of an encoded payload.
pub fn seal(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Check the header and return the payload it covers.
pub fn unseal(data: &[u8]) -> Result<&[u8], WireError> {
    let n = data.len().min(MAGIC.len());
    if data[..n] != MAGIC[..n] {
        return Err(WireError::BadMagic);
    }
    if data.len() <= MAGIC.len() {
        return Err(WireError::Truncated);
    }
    if data[4] != VERSION {
        return Err(WireError::UnsupportedVersion(data[4]));
    }
    if data.len() < HEADER_LEN {
        return Err(WireError::Truncated);
    }
    let mut len8 = [0u8; 8];
    len8.copy_from_slice(&data[5..13]);
    let len = u64::from_le_bytes(len8);
    let mut crc4 = [0u8; 4];
    crc4.copy_from_slice(&data[13..17]);
    let crc = u32::from_le_bytes(crc4);
    let rest = &data[HEADER_LEN..];
    if (rest.len() as u64) < len {
        return Err(WireError::Truncated);
    }
    if (rest.len() as u64) > len {
        return Err(WireError::TrailingData(rest.len() - len as usize));
    }
    if crc32(rest) != crc {
        return Err(WireError::Checksum);
    }
    Ok(rest)
}

/// MessagePack `array 32` marker: the op list's length is patched in when
/// the encoder finishes, so its header has a fixed width.
const ARRAY32: u8 = 0xdd;

/// Writes a pickle op by op, straight into its final buffer (header space
/// first, filled in by [`Encoder::finish`]).
pub struct Encoder {
    buf: Vec<u8>,
    count: u64,
    failed: Option<String>,
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder::new()
    }
}

impl Encoder {
    pub fn new() -> Encoder {
        let mut buf = Vec::with_capacity(256);
        buf.resize(HEADER_LEN, 0);
        buf.push(ARRAY32);
        buf.extend_from_slice(&[0; 4]);
        Encoder { buf, count: 0, failed: None }
    }

    pub fn op(&mut self, op: &Op) {
        self.write(op);
    }

    /// `Op::Int` without building the op (the same bytes). An int in
    /// 0..=127 is rmp-serde's one-byte positive fixint, written here
    /// directly: the common case of small ints in a list skips the
    /// serializer's call chain (`direct_scalars_match_ops` checks the bytes).
    #[inline]
    pub fn int(&mut self, i: i64) {
        if (0..128).contains(&i) {
            self.count += 1;
            self.buf.push(i as u8);
            return;
        }
        self.write(&i);
    }

    /// `Op::Float` without building the op (the same bytes).
    #[inline]
    pub fn float(&mut self, f: f64) {
        self.write(&f);
    }

    /// `Op::Str` without an owned String.
    pub fn str(&mut self, s: &str) {
        self.write(s);
    }

    /// `Op::Bytes` without an owned Vec.
    pub fn bytes(&mut self, b: &[u8]) {
        self.write(&TaggedBin(tag::BYTES, b));
    }

    fn write<T: Serialize + ?Sized>(&mut self, v: &T) {
        self.count += 1;
        if let Err(e) = rmp_serde::encode::write(&mut self.buf, v) {
            if self.failed.is_none() {
                self.failed = Some(e.to_string());
            }
        }
    }

    /// Ops written so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The complete pickle.
    pub fn finish(mut self) -> Result<Vec<u8>, WireError> {
        if let Some(e) = self.failed {
            return Err(WireError::Malformed(e));
        }
        let count = match u32::try_from(self.count) {
            Ok(c) => c,
            Err(_) => return Err(WireError::Malformed("more than 2^32 - 1 ops".into())),
        };
        self.buf[HEADER_LEN + 1..HEADER_LEN + 5].copy_from_slice(&count.to_be_bytes());
        let len = (self.buf.len() - HEADER_LEN) as u64;
        let crc = crc32(&self.buf[HEADER_LEN..]);
        self.buf[0..4].copy_from_slice(&MAGIC);
        self.buf[4] = VERSION;
        self.buf[5..13].copy_from_slice(&len.to_le_bytes());
        self.buf[13..17].copy_from_slice(&crc.to_le_bytes());
        Ok(self.buf)
    }
}

/// Where the reader hands the ops it reads, each as soon as it is read.
/// Any `FnMut(Op) -> bool` is one.
pub trait OpSink {
    /// Run one op; false stops the reader.
    fn op(&mut self, op: Op) -> bool;

    /// `Op::Int(i)`, handed over without building an `Op` (the most common
    /// op by far: a sink may take it on a shorter path).
    fn int(&mut self, i: i64) -> bool {
        self.op(Op::Int(i))
    }
}

impl<F: FnMut(Op) -> bool> OpSink for F {
    fn op(&mut self, op: Op) -> bool {
        self(op)
    }
}

/// Hands each op of the top-level array to a callback as it is read.
struct Runner<'a> {
    f: &'a mut dyn OpSink,
    stopped: &'a mut bool,
}

impl<'de> Visitor<'de> for Runner<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of pickle ops")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(go) = seq.next_element_seed(Step(&mut *self.f))? {
            if !go {
                *self.stopped = true;
                return Err(de::Error::custom("stopped by the reader"));
            }
        }
        Ok(())
    }
}

/// Reads one op and hands it to the callback at once, from inside the
/// visitor (`Ok(callback's answer)`). Returning the op to the loop instead
/// made each op travel through `Result<Option<Op>>` copies whose wide loads
/// read bytes just written by narrower stores: a store-forwarding stall on
/// every op, about half of the decoder's time.
struct Step<'a>(&'a mut dyn OpSink);

impl<'de> DeserializeSeed<'de> for Step<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Step<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        OpVisitor.expecting(f)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(self.0.op(OpVisitor.visit_unit()?))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(self.0.op(OpVisitor.visit_bool(v)?))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        Ok(self.0.int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        match OpVisitor.visit_u64::<E>(v)? {
            Op::Int(i) => Ok(self.0.int(i)),
            op => Ok(self.0.op(op)),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        Ok(self.0.op(OpVisitor.visit_f64(v)?))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(self.0.op(OpVisitor.visit_str(v)?))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<bool, E> {
        Ok(self.0.op(OpVisitor.visit_string(v)?))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        Ok(self.0.op(OpVisitor.visit_seq(seq)?))
    }
}

/// Decode a payload (no header), handing each op to `f` as soon as it is
/// read; `f` returns false to stop. Ok(true): every op was handed over;
/// Ok(false): `f` stopped early.
pub fn decode_payload_each(payload: &[u8], f: &mut dyn OpSink) -> Result<bool, WireError> {
    // A `Cursor` reader reads strings and byte strings only as far as the
    // bytes go (never by a claimed length) and tells how much was consumed.
    let mut de = rmp_serde::Deserializer::new(Cursor::new(payload));
    let mut stopped = false;
    let r = de::Deserializer::deserialize_any(&mut de, Runner { f, stopped: &mut stopped });
    match r {
        Ok(()) => {}
        Err(_) if stopped => return Ok(false),
        Err(e) => return Err(map_decode_error(e)),
    }
    let used = de.position() as usize;
    if used != payload.len() {
        return Err(WireError::Malformed(format!("{} bytes after the op list", payload.len() - used)));
    }
    Ok(true)
}

/// A complete pickle, op by op (see [`decode_payload_each`]).
pub fn decode_each(data: &[u8], f: &mut dyn OpSink) -> Result<bool, WireError> {
    decode_payload_each(unseal(data)?, f)
}

fn map_decode_error(e: rmp_serde::decode::Error) -> WireError {
    use rmp_serde::decode::Error as E;
    match &e {
        E::InvalidMarkerRead(io) | E::InvalidDataRead(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            WireError::Truncated
        }
        _ => WireError::Malformed(e.to_string()),
    }
}

/// Ops -> a complete pickle (header + payload).
pub fn encode(ops: &[Op]) -> Result<Vec<u8>, WireError> {
    let mut enc = Encoder::new();
    for op in ops {
        enc.op(op);
    }
    enc.finish()
}

/// Ops -> the payload alone (no header).
pub fn encode_payload(ops: &[Op]) -> Result<Vec<u8>, WireError> {
    Ok(encode(ops)?.split_off(HEADER_LEN))
}

/// A payload (no header) -> ops.
pub fn decode_payload(payload: &[u8]) -> Result<Vec<Op>, WireError> {
    let mut ops = Vec::new();
    decode_payload_each(payload, &mut |op| {
        ops.push(op);
        true
    })?;
    Ok(ops)
}

/// A complete pickle -> ops.
pub fn decode(data: &[u8]) -> Result<Vec<Op>, WireError> {
    decode_payload(unseal(data)?)
}

#[cfg(test)]
mod pickle_format_tests {
    use super::*;

    fn sample() -> Vec<Op> {
        vec![
            Op::EmptyList,
            Op::Mark,
            Op::None,
            Op::Bool(true),
            Op::Bool(false),
            Op::Int(0),
            Op::Int(-1),
            Op::Int(i64::MAX),
            Op::Int(i64::MIN),
            Op::Float(1.5),
            Op::Float(f64::INFINITY),
            Op::Str(String::new()),
            Op::Str("héllo ☃".into()),
            Op::BigInt { negative: true, magnitude: vec![0, 0, 0, 0, 0, 0, 0, 0, 1] },
            Op::Bytes(vec![0, 255, 10]),
            Op::ByteArray(vec![]),
            Op::Ellipsis,
            Op::NotImplemented,
            Op::Ref(0),
            Op::Ref(u32::MAX),
            Op::Global { module: "builtins".into(), qualname: "len".into() },
            Op::EmptyDict,
            Op::EmptySet,
            Op::Mark,
            Op::Tuple,
            Op::Mark,
            Op::FrozenSet,
            Op::SetItems,
            Op::AddItems,
            Op::PopMark,
            Op::Pop,
            Op::NewObj,
            Op::NewObjArgs,
            Op::Reduce,
            Op::Build,
            Op::Appends,
        ]
    }

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    /// Slicing-by-8 agrees with the plain byte-at-a-time definition at every
    /// length and alignment of the tail.
    #[test]
    fn crc32_matches_bytewise() {
        fn bytewise(data: &[u8]) -> u32 {
            let mut c = !0u32;
            for &b in data {
                c ^= b as u32;
                for _ in 0..8 {
                    c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                }
            }
            !c
        }
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let data: Vec<u8> = (0..300).map(|_| rng.next() as u8).collect();
        for start in 0..9 {
            for end in start..data.len() {
                assert_eq!(crc32(&data[start..end]), bytewise(&data[start..end]), "{}..{}", start, end);
            }
        }
    }

    #[test]
    fn round_trip_every_op() {
        let ops = sample();
        let data = encode(&ops).unwrap();
        assert_eq!(&data[..4], b"PKPY");
        assert_eq!(data[4], VERSION);
        assert_eq!(decode(&data).unwrap(), ops);
    }

    #[test]
    fn nan_survives_bit_for_bit() {
        let nan = f64::from_bits(0x7ff8_0000_0000_1234);
        let data = encode(&[Op::Float(nan), Op::Float(-0.0)]).unwrap();
        match decode(&data).unwrap().as_slice() {
            [Op::Float(a), Op::Float(b)] => {
                assert_eq!(a.to_bits(), nan.to_bits());
                assert_eq!(b.to_bits(), (-0.0f64).to_bits());
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn scalars_are_plain_messagepack() {
        // [nil, true, 5, "a"] as a MessagePack array.
        // The op list is an `array 32` (its length is patched in at the end).
        let p = encode_payload(&[Op::None, Op::Bool(true), Op::Int(5), Op::Str("a".into())]).unwrap();
        assert_eq!(p, vec![0xdd, 0, 0, 0, 4, 0xc0, 0xc3, 0x05, 0xa1, b'a']);
        // Field-less ops are one-element arrays: [6] for Mark.
        assert_eq!(encode_payload(&[Op::Mark]).unwrap(), vec![0xdd, 0, 0, 0, 1, 0x91, 0x06]);
        // Bytes are `bin`, not arrays of ints.
        assert_eq!(encode_payload(&[Op::Bytes(vec![1, 2])]).unwrap(), vec![0xdd, 0, 0, 0, 1, 0x92, 0x02, 0xc4, 0x02, 1, 2]);
        // The borrowed encoder calls write the same bytes as the ops.
        let mut e = Encoder::new();
        e.str("a");
        e.bytes(&[1, 2]);
        assert_eq!(e.finish().unwrap(), encode(&[Op::Str("a".into()), Op::Bytes(vec![1, 2])]).unwrap());
        // Any array header is accepted when reading.
        assert_eq!(decode_payload(&[0x92, 0xc0, 0x01]).unwrap(), vec![Op::None, Op::Int(1)]);
    }

    /// The direct int/float writers produce exactly the bytes of their ops.
    #[test]
    fn direct_scalars_match_ops() {
        let ints = [0i64, 1, -1, 127, 128, -32, -33, 255, 256, 65535, 65536, -129, i32::MAX as i64, i64::MIN, i64::MAX];
        let floats = [0.0f64, -0.0, 1.5, f64::INFINITY, f64::NAN, 1e300];
        let mut a = Encoder::new();
        let mut b = Encoder::new();
        for &i in &ints {
            a.int(i);
            b.op(&Op::Int(i));
        }
        for &f in &floats {
            a.float(f);
            b.op(&Op::Float(f));
        }
        assert_eq!(a.finish().unwrap(), b.finish().unwrap());
    }

    #[test]
    fn the_reader_can_stop_early() {
        let data = encode(&[Op::Int(1), Op::Int(2), Op::Int(3)]).unwrap();
        let mut seen = Vec::new();
        let r = decode_each(&data, &mut |op| {
            seen.push(op);
            seen.len() < 2
        });
        assert_eq!(r, Ok(false));
        assert_eq!(seen, vec![Op::Int(1), Op::Int(2)]);
        assert_eq!(decode_each(&data, &mut |_| true), Ok(true));
    }

    #[test]
    fn header_errors() {
        let data = encode(&sample()).unwrap();
        assert_eq!(decode(b""), Err(WireError::Truncated));
        assert_eq!(decode(b"PK"), Err(WireError::Truncated));
        assert_eq!(decode(b"\x80\x04\x95"), Err(WireError::BadMagic));
        assert_eq!(decode(b"hello world, this is not a pickle"), Err(WireError::BadMagic));
        let mut v = data.clone();
        v[4] = 9;
        assert_eq!(decode(&v), Err(WireError::UnsupportedVersion(9)));
        let mut v = data.clone();
        v.push(0);
        assert_eq!(decode(&v), Err(WireError::TrailingData(1)));
        let mut v = data.clone();
        let last = v.len() - 1;
        v[last] ^= 0x40;
        assert_eq!(decode(&v), Err(WireError::Checksum));
    }

    #[test]
    fn every_prefix_is_truncated() {
        let data = encode(&sample()).unwrap();
        for i in 0..data.len() {
            assert_eq!(decode(&data[..i]), Err(WireError::Truncated), "prefix of length {}", i);
        }
    }

    #[test]
    fn every_payload_prefix_fails_cleanly() {
        // Bypass the header: the MessagePack decoder itself must report a
        // truncation (or a malformed op), never panic.
        let payload = encode_payload(&sample()).unwrap();
        for i in 0..payload.len() {
            match decode_payload(&payload[..i]) {
                Err(WireError::Truncated) | Err(WireError::Malformed(_)) => {}
                other => panic!("prefix {}: {:?}", i, other),
            }
        }
    }

    #[test]
    fn every_single_byte_flip_is_detected() {
        let data = encode(&sample()).unwrap();
        for i in 0..data.len() {
            for bit in 0..8 {
                let mut v = data.clone();
                v[i] ^= 1 << bit;
                assert!(decode(&v).is_err(), "flip of bit {} at {} went unnoticed", bit, i);
            }
        }
    }

    /// A tiny deterministic generator for the fuzz tests (no extra crates).
    pub(crate) struct XorShift(pub u64);
    impl XorShift {
        pub(crate) fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
    }

    #[test]
    fn payload_fuzz_never_panics() {
        let payload = encode_payload(&sample()).unwrap();
        let mut rng = XorShift(0x1234_5678_9abc_def1);
        for _ in 0..20_000 {
            let mut v = payload.clone();
            let flips = 1 + rng.next() % 4;
            for _ in 0..flips {
                let i = (rng.next() % v.len() as u64) as usize;
                v[i] = rng.next() as u8;
            }
            let _ = decode_payload(&v);
        }
        // Random garbage, including arrays claiming billions of elements.
        for _ in 0..5_000 {
            let n = (rng.next() % 64) as usize;
            let v: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            let _ = decode_payload(&v);
            let _ = decode(&seal(&v));
        }
    }

    #[test]
    fn claimed_lengths_do_not_allocate() {
        // array32 claiming 4 billion ops, str32 and bin32 claiming 4 GiB.
        let huge_array = [0xdd, 0xff, 0xff, 0xff, 0xff, 0xc0];
        assert_eq!(decode_payload(&huge_array), Err(WireError::Truncated));
        let huge_str = [0x91, 0xdb, 0xff, 0xff, 0xff, 0xff, b'a'];
        assert_eq!(decode_payload(&huge_str), Err(WireError::Truncated));
        let huge_bin = [0x91, 0x92, tag::BYTES, 0xc6, 0xff, 0xff, 0xff, 0xff, 1];
        assert_eq!(decode_payload(&huge_bin), Err(WireError::Truncated));
        // The header's length field is checked against the data present.
        let mut v = seal(&[0x90]);
        v[5..13].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(decode(&v), Err(WireError::Truncated));
    }

    #[test]
    fn malformed_ops_are_rejected() {
        let bad: &[&[u8]] = &[
            &[0x91, 0x90],                   // empty op array
            &[0x91, 0x91, 0xcc, 200],        // unknown tag
            &[0x91, 0x92, tag::MARK, 0x01],  // extra field
            &[0x91, 0x91, tag::REF],         // missing field
            &[0x91, 0x92, tag::REF, 0xa1, b'x'], // wrong field type
            &[0x91, 0x81, 0x01, 0x02],       // a map is not an op
            &[0x91, 0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // u64 > i64::MAX
            &[0x91, 0xc4, 0x01, 0x41],       // a bare bin is not an op
            &[0x91, 0xa2, 0xff, 0xfe],       // str that is not UTF-8
            &[0x90, 0xc0],                   // data after the op list
            &[0xc0],                         // not an array
            &[0xc4, 0x01, 0x01],             // a bin is not an op list
        ];
        for b in bad {
            match decode_payload(b) {
                Err(WireError::Malformed(_)) => {}
                other => panic!("{:x?} -> {:?}", b, other),
            }
        }
    }

    #[test]
    fn deep_garbage_nesting_is_bounded() {
        // 100k nested arrays: the decoder must fail without overflowing a
        // small stack (ops are never nested, so this is rejected at once).
        let mut v = vec![0x91u8; 100_000];
        v.push(0xc0);
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || decode_payload(&v).is_err())
            .unwrap();
        assert!(h.join().unwrap());
    }
}
