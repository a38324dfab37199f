//! The tokenizer: source text to a vector of tokens, following CPython 3.11's
//! tokenizer rules (INDENT/DEDENT with a stack, NEWLINE only at logical line
//! ends, implicit joining inside brackets, `\` continuations, comments, CRLF/CR
//! line endings, form feeds, numeric literal validation).
//!
//! String literals are only delimited here; their escapes are decoded by the
//! parser (with [`decode_str`] / [`decode_bytes`]) so that, as in CPython,
//! decoding errors are parser-phase errors. F-string replacement fields are
//! tokenized separately with [`tokenize_fstring_expr`].
//!
//! Errors found here take precedence over parser errors anywhere in the file
//! (CPython tokenizes the whole source before reporting a parser error).

use super::error::{CompileError, CompileErrorKind};

/// More than this many open brackets: "too many nested parentheses".
pub const MAX_PAREN_LEVEL: usize = 200;
/// CPython's MAXINDENT: at most 99 nested indentation levels.
pub const MAX_INDENT_LEVEL: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    pub fn lookup(s: &str) -> Option<Kw> {
        Some(match s {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
}

/// What the lexer knows about a string literal token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrInfo {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    /// Length in bytes (= chars) of the prefix (`rb` is 2).
    pub prefix_len: u8,
    /// `'` or `"`.
    pub quote: u8,
    pub triple: bool,
}

impl StrInfo {
    fn quote_len(&self) -> usize {
        if self.triple {
            3
        } else {
            1
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier (including the soft keywords `match`, `case`, `_`); its
    /// text is `source[start..end]`.
    Name,
    Kw(Kw),
    Op(Op),
    Int(i64),
    /// Decimal digits of an int literal that does not fit in i64.
    BigInt(String),
    Float(f64),
    Imag(f64),
    /// A string literal; `source[start..end]` is the whole literal with prefix
    /// and quotes.
    Str(StrInfo),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// A character no token starts with (`$`, `?`, a lone `!`, a backtick):
    /// the parser reports "invalid syntax" on it.
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// Byte offsets of the token text in the source.
    pub start: usize,
    pub end: usize,
    /// 1-based line, 0-based column in characters.
    pub line: u32,
    pub col: u32,
    /// Position just after the token.
    pub end_line: u32,
    pub end_col: u32,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }

    /// For a string token: the byte range of its body (between the quotes).
    pub fn str_body(&self) -> Option<(usize, usize)> {
        match &self.tok {
            Tok::Str(info) => {
                let q = info.quote_len();
                Some((self.start + info.prefix_len as usize + q, self.end - q))
            }
            _ => None,
        }
    }
}

/// The result of tokenizing a whole source.
#[derive(Clone, Debug)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// The innermost bracket still open at the end of the source, as
    /// (bracket, line, 0-based col). The token stream then ends without
    /// NEWLINE/DEDENT tokens and the parser reports "'(' was never closed".
    pub unclosed: Option<(char, u32, u32)>,
}

/// Tokenize a whole module / interactive input / eval source.
pub fn tokenize(source: &str) -> Result<Tokens, CompileError> {
    let mut start = 0;
    if source.starts_with('\u{feff}') {
        start = '\u{feff}'.len_utf8();
    }
    if let Some(i) = source.as_bytes().iter().position(|&b| b == 0) {
        let (line, col) = line_col_of(source, i);
        return Err(CompileError::syntax("source code cannot contain null bytes", line, col + 1, source));
    }
    let mut lx = Lexer::new(source, start, source.len(), 1, 0, false);
    lx.run()?;
    Ok(Tokens { tokens: lx.toks, unclosed: lx.unclosed })
}

/// Tokenize the expression of an f-string replacement field: `source[start..end]`
/// whose first character is at (`line`, `col`). The text behaves as if it were
/// inside parentheses (no NEWLINE/INDENT tokens); the stream ends with
/// `EndMarker`.
pub fn tokenize_fstring_expr(
    source: &str,
    start: usize,
    end: usize,
    line: u32,
    col: u32,
) -> Result<Vec<Token>, CompileError> {
    let mut lx = Lexer::new(source, start, end, line, col, true);
    lx.run()?;
    Ok(lx.toks)
}

/// (1-based line, 0-based char column) of a byte offset.
pub fn line_col_of(source: &str, offset: usize) -> (u32, u32) {
    let mut line = 1u32;
    let mut line_start = 0usize;
    let b = source.as_bytes();
    let mut i = 0;
    while i < offset && i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' => {
                if i + 1 < b.len() && b[i + 1] == b'\n' {
                    i += 1;
                }
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let col = source[line_start..offset.min(source.len())].chars().count() as u32;
    (line, col)
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    end: usize,
    line: u32,
    col: u32,
    line_start: usize,
    toks: Vec<Token>,
    /// (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    parens: Vec<(u8, u32, u32)>,
    at_line_start: bool,
    /// Tokenizing an f-string expression: no indentation, newlines ignored.
    fmode: bool,
    unclosed: Option<(char, u32, u32)>,
}

fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() || matches!(c as u32, 0x2118 | 0x212E | 0x309B | 0x309C)
    }
}

fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        c == '_' || c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_id_extra_continue(c as u32)
    }
}

/// Combining marks and connectors that continue identifiers (an approximation
/// of XID_Continue minus XID_Start without Unicode tables).
fn is_id_extra_continue(u: u32) -> bool {
    matches!(u,
        0x00B7 | 0x0387 | 0x19DA | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F
        | 0x0300..=0x036F | 0x0483..=0x0487 | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5
        | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7 | 0x06E8 | 0x06EA..=0x06ED | 0x0711 | 0x0730..=0x074A | 0x07A6..=0x07B0
        | 0x0900..=0x0963 | 0x0966..=0x0DFF | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD | 0x0F18 | 0x0F19 | 0x0F35 | 0x0F37 | 0x0F39
        | 0x0F3E | 0x0F3F | 0x0F71..=0x0F84 | 0x0F86 | 0x0F87 | 0x0F8D..=0x0FBC | 0x102B..=0x103E
        | 0x1056..=0x1059 | 0x135D..=0x135F | 0x1712..=0x1714 | 0x17B4..=0x17D3 | 0x17DD
        | 0x180B..=0x180D | 0x1AB0..=0x1AFF | 0x1B00..=0x1B04 | 0x1B34..=0x1B44 | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20F0 | 0x2CEF..=0x2CF1 | 0x2DE0..=0x2DFF | 0x302A..=0x302F
        | 0x3099 | 0x309A | 0xA66F..=0xA67D | 0xA69E | 0xA69F | 0xA6F0 | 0xA6F1 | 0xA802 | 0xA806
        | 0xA80B | 0xA823..=0xA827 | 0xA880 | 0xA881 | 0xA8B4..=0xA8C5 | 0xA8E0..=0xA8F1
        | 0xFB1E | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1D165..=0x1D169 | 0x1D16D..=0x1D172
        | 0x1D17B..=0x1D182 | 0xE0100..=0xE01EF)
}

/// Python's `str.isprintable` approximated without Unicode tables.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0x00AD | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E
        | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF
        | 0xE0001 | 0xE0020..=0xE007F)
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, start: usize, end: usize, line: u32, col: u32, fmode: bool) -> Self {
        Lexer {
            src,
            b: src.as_bytes(),
            pos: start,
            end,
            line,
            col,
            line_start: start,
            toks: Vec::with_capacity((end - start) / 3 + 4),
            indents: vec![(0, 0)],
            parens: Vec::new(),
            at_line_start: !fmode,
            fmode,
            unclosed: None,
        }
    }

    #[inline]
    fn peek_byte(&self) -> Option<u8> {
        if self.pos < self.end {
            Some(self.b[self.pos])
        } else {
            None
        }
    }

    #[inline]
    fn byte_at(&self, i: usize) -> Option<u8> {
        let p = self.pos + i;
        if p < self.end {
            Some(self.b[p])
        } else {
            None
        }
    }

    #[inline]
    fn peek_char(&self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        let b = self.b[self.pos];
        if b < 0x80 {
            Some(b as char)
        } else {
            self.src[self.pos..].chars().next()
        }
    }

    /// Advance over one character that is not a line break.
    #[inline]
    fn bump(&mut self) {
        let b = self.b[self.pos];
        let len = if b < 0x80 {
            1
        } else if b >= 0xF0 {
            4
        } else if b >= 0xE0 {
            3
        } else {
            2
        };
        self.pos += len;
        self.col += 1;
    }

    /// Advance over a line break (`\n`, `\r\n` or `\r`).
    #[inline]
    fn newline(&mut self) {
        if self.b[self.pos] == b'\r' && self.byte_at(1) == Some(b'\n') {
            self.pos += 2;
        } else {
            self.pos += 1;
        }
        self.line += 1;
        self.col = 0;
        self.line_start = self.pos;
    }

    fn err(&self, msg: impl Into<String>, line: u32, col1: u32) -> CompileError {
        CompileError::syntax(msg, line, col1, self.src)
    }

    fn indent_err(&self, msg: impl Into<String>, line: u32, col1: u32) -> CompileError {
        CompileError::new(CompileErrorKind::IndentationError, msg, line, col1, self.src)
    }

    fn push(&mut self, tok: Tok, start: usize, line: u32, col: u32) {
        self.toks.push(Token { tok, start, end: self.pos, line, col, end_line: self.line, end_col: self.col });
    }

    /// Number of characters on the current line (up to its line break).
    fn current_line_len(&self) -> u32 {
        let mut i = self.line_start;
        while i < self.end && self.b[i] != b'\n' && self.b[i] != b'\r' {
            i += 1;
        }
        self.src[self.line_start..i].chars().count() as u32
    }

    fn run(&mut self) -> Result<(), CompileError> {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                if self.handle_indentation()? {
                    continue;
                }
            }
            while let Some(c) = self.peek_byte() {
                if c == b' ' || c == b'\t' || c == 0x0c {
                    self.pos += 1;
                    self.col += 1;
                } else {
                    break;
                }
            }
            let Some(c) = self.peek_char() else { break };
            let (sp, sl, sc) = (self.pos, self.line, self.col);
            match c {
                '#' => {
                    while let Some(b) = self.peek_byte() {
                        if b == b'\n' || b == b'\r' {
                            break;
                        }
                        self.bump();
                    }
                }
                '\n' | '\r' => {
                    self.newline();
                    if !self.parens.is_empty() || self.fmode {
                        continue;
                    }
                    self.toks.push(Token {
                        tok: Tok::Newline,
                        start: sp,
                        end: self.pos,
                        line: sl,
                        col: sc,
                        end_line: sl,
                        end_col: sc + 1,
                    });
                    self.at_line_start = true;
                }
                '\\' => {
                    self.bump();
                    match self.peek_byte() {
                        Some(b'\n') | Some(b'\r') => {
                            self.newline();
                            // A continuation followed only by blanks up to EOF.
                            let mut i = self.pos;
                            while i < self.end && matches!(self.b[i], b' ' | b'\t' | 0x0c) {
                                i += 1;
                            }
                            if i >= self.end && !self.fmode {
                                return Err(self.err("unexpected EOF while parsing", sl, sc + 2));
                            }
                        }
                        None => {
                            return Err(self.err("unexpected EOF while parsing", sl, sc + 2));
                        }
                        Some(_) => {
                            return Err(self.err(
                                "unexpected character after line continuation character",
                                sl,
                                sc + 2,
                            ));
                        }
                    }
                }
                '0'..='9' => self.lex_number(sp, sl, sc)?,
                '.' => {
                    if matches!(self.byte_at(1), Some(b'0'..=b'9')) {
                        self.lex_number(sp, sl, sc)?;
                    } else if self.byte_at(1) == Some(b'.') && self.byte_at(2) == Some(b'.') {
                        self.pos += 3;
                        self.col += 3;
                        self.push(Tok::Op(Op::Ellipsis), sp, sl, sc);
                    } else {
                        self.bump();
                        self.push(Tok::Op(Op::Dot), sp, sl, sc);
                    }
                }
                '\'' | '"' => self.lex_string(sp, sl, sc, 0, false, false, false)?,
                c if is_id_start(c) => self.lex_name(sp, sl, sc)?,
                c if !c.is_ascii() => {
                    let msg = if is_printable(c) {
                        format!("invalid character '{}' (U+{:04X})", c, c as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", c as u32)
                    };
                    return Err(self.err(msg, sl, sc + 1));
                }
                _ => self.lex_op(sp, sl, sc)?,
            }
        }
        self.finish();
        Ok(())
    }

    fn finish(&mut self) {
        let (line, col) = (self.line, self.col);
        if self.fmode {
            self.toks.push(Token {
                tok: Tok::EndMarker,
                start: self.pos,
                end: self.pos,
                line,
                col,
                end_line: line,
                end_col: col,
            });
            return;
        }
        if let Some(&(c, l, cc)) = self.parens.last() {
            self.unclosed = Some((c as char, l, cc));
            self.toks.push(Token {
                tok: Tok::EndMarker,
                start: self.pos,
                end: self.pos,
                line,
                col,
                end_line: line,
                end_col: col,
            });
            return;
        }
        if let Some(last) = self.toks.last() {
            if last.tok != Tok::Newline {
                self.toks.push(Token {
                    tok: Tok::Newline,
                    start: self.pos,
                    end: self.pos,
                    line,
                    col,
                    end_line: line,
                    end_col: col,
                });
            }
        }
        // DEDENTs and ENDMARKER sit where the last NEWLINE is (CPython reports
        // end-of-input errors on the last line, not on an empty line after it).
        let (l, c) = match self.toks.last() {
            Some(t) => (t.line, t.col),
            None => (line, col),
        };
        let p = self.pos;
        for _ in 1..self.indents.len() {
            self.toks.push(Token { tok: Tok::Dedent, start: p, end: p, line: l, col: c, end_line: l, end_col: c });
        }
        self.indents.truncate(1);
        self.toks.push(Token { tok: Tok::EndMarker, start: p, end: p, line: l, col: c, end_line: l, end_col: c });
    }

    /// Measure the indentation of a new logical line. Returns true when the
    /// line was blank (or a comment) and has been consumed entirely.
    fn handle_indentation(&mut self) -> Result<bool, CompileError> {
        let mut col = 0u32;
        let mut alt = 0u32;
        loop {
            match self.peek_byte() {
                Some(b' ') => {
                    col += 1;
                    alt += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                Some(0x0c) => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
            self.col += 1;
        }
        match self.peek_byte() {
            None => return Ok(false),
            Some(b'#') | Some(b'\n') | Some(b'\r') => {
                while let Some(b) = self.peek_byte() {
                    if b == b'\n' || b == b'\r' {
                        break;
                    }
                    self.bump();
                }
                if self.peek_byte().is_some() {
                    self.newline();
                }
                self.at_line_start = true;
                return Ok(true);
            }
            _ => {}
        }
        let (line, tcol, p) = (self.line, self.col, self.pos);
        let (top, alttop) = *self.indents.last().unwrap();
        if col == top {
            if alt != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if alt <= alttop {
                return Err(self.tab_error());
            }
            if self.indents.len() >= MAX_INDENT_LEVEL {
                return Err(self.indent_err("too many levels of indentation", line, 1));
            }
            self.indents.push((col, alt));
            self.toks.push(Token { tok: Tok::Indent, start: p, end: p, line, col: tcol, end_line: line, end_col: tcol });
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                self.toks.push(Token {
                    tok: Tok::Dedent,
                    start: p,
                    end: p,
                    line,
                    col: tcol,
                    end_line: line,
                    end_col: tcol,
                });
            }
            let (top, alttop) = *self.indents.last().unwrap();
            if col != top {
                let len = self.current_line_len();
                return Err(self.indent_err("unindent does not match any outer indentation level", line, len + 1));
            }
            if alt != alttop {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    fn tab_error(&self) -> CompileError {
        self.indent_err("inconsistent use of tabs and spaces in indentation", self.line, 1)
    }

    fn lex_name(&mut self, sp: usize, sl: u32, sc: u32) -> Result<(), CompileError> {
        let mut all_ascii = true;
        while let Some(c) = self.peek_char() {
            if is_id_continue(c) {
                if !c.is_ascii() {
                    all_ascii = false;
                }
                self.bump();
            } else {
                break;
            }
        }
        let text = &self.src[sp..self.pos];
        if all_ascii && text.len() <= 2 && matches!(self.peek_byte(), Some(b'\'') | Some(b'"')) {
            let lower = text.to_ascii_lowercase();
            let flags = match lower.as_str() {
                "r" => Some((true, false, false)),
                "u" => Some((false, false, false)),
                "b" => Some((false, true, false)),
                "f" => Some((false, false, true)),
                "br" | "rb" => Some((true, true, false)),
                "fr" | "rf" => Some((true, false, true)),
                _ => None,
            };
            if let Some((raw, bytes, fstring)) = flags {
                return self.lex_string(sp, sl, sc, text.len() as u8, raw, bytes, fstring);
            }
        }
        let tok = match Kw::lookup(text) {
            Some(k) => Tok::Kw(k),
            None => Tok::Name,
        };
        self.push(tok, sp, sl, sc);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn lex_string(
        &mut self,
        sp: usize,
        sl: u32,
        sc: u32,
        prefix_len: u8,
        raw: bool,
        bytes: bool,
        fstring: bool,
    ) -> Result<(), CompileError> {
        let q = self.b[self.pos];
        let triple = self.byte_at(1) == Some(q) && self.byte_at(2) == Some(q);
        if triple {
            self.pos += 3;
            self.col += 3;
        } else {
            self.pos += 1;
            self.col += 1;
        }
        loop {
            let Some(c) = self.peek_byte() else {
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {})", self.line)
                } else {
                    format!("unterminated string literal (detected at line {})", self.line)
                };
                return Err(self.err(msg, sl, sc + 1));
            };
            match c {
                b'\\' => {
                    self.bump();
                    match self.peek_byte() {
                        Some(b'\n') | Some(b'\r') => self.newline(),
                        Some(_) => self.bump(),
                        None => {}
                    }
                }
                b'\n' | b'\r' => {
                    if triple {
                        self.newline();
                    } else {
                        let msg = format!("unterminated string literal (detected at line {})", self.line);
                        return Err(self.err(msg, sl, sc + 1));
                    }
                }
                _ if c == q => {
                    if triple {
                        if self.byte_at(1) == Some(q) && self.byte_at(2) == Some(q) {
                            self.pos += 3;
                            self.col += 3;
                            break;
                        }
                        self.bump();
                    } else {
                        self.bump();
                        break;
                    }
                }
                _ => self.bump(),
            }
        }
        let info = StrInfo { raw, bytes, fstring, prefix_len, quote: q, triple };
        self.push(Tok::Str(info), sp, sl, sc);
        Ok(())
    }

    fn lex_op(&mut self, sp: usize, sl: u32, sc: u32) -> Result<(), CompileError> {
        let c0 = self.b[self.pos];
        let c1 = self.byte_at(1).unwrap_or(0);
        let c2 = self.byte_at(2).unwrap_or(0);
        use Op::*;
        let (op, len) = match (c0, c1, c2) {
            (b'*', b'*', b'=') => (DoubleStarEqual, 3),
            (b'/', b'/', b'=') => (DoubleSlashEqual, 3),
            (b'<', b'<', b'=') => (LeftShiftEqual, 3),
            (b'>', b'>', b'=') => (RightShiftEqual, 3),
            (b'*', b'*', _) => (DoubleStar, 2),
            (b'/', b'/', _) => (DoubleSlash, 2),
            (b'<', b'<', _) => (LeftShift, 2),
            (b'>', b'>', _) => (RightShift, 2),
            (b'<', b'=', _) => (LessEqual, 2),
            (b'>', b'=', _) => (GreaterEqual, 2),
            (b'=', b'=', _) => (EqEqual, 2),
            (b'!', b'=', _) => (NotEqual, 2),
            (b'-', b'>', _) => (RArrow, 2),
            (b':', b'=', _) => (ColonEqual, 2),
            (b'+', b'=', _) => (PlusEqual, 2),
            (b'-', b'=', _) => (MinEqual, 2),
            (b'*', b'=', _) => (StarEqual, 2),
            (b'/', b'=', _) => (SlashEqual, 2),
            (b'%', b'=', _) => (PercentEqual, 2),
            (b'&', b'=', _) => (AmperEqual, 2),
            (b'|', b'=', _) => (VBarEqual, 2),
            (b'^', b'=', _) => (CircumflexEqual, 2),
            (b'@', b'=', _) => (AtEqual, 2),
            (b'(', _, _) => (LPar, 1),
            (b')', _, _) => (RPar, 1),
            (b'[', _, _) => (LSqb, 1),
            (b']', _, _) => (RSqb, 1),
            (b'{', _, _) => (LBrace, 1),
            (b'}', _, _) => (RBrace, 1),
            (b':', _, _) => (Colon, 1),
            (b',', _, _) => (Comma, 1),
            (b';', _, _) => (Semi, 1),
            (b'+', _, _) => (Plus, 1),
            (b'-', _, _) => (Minus, 1),
            (b'*', _, _) => (Star, 1),
            (b'/', _, _) => (Slash, 1),
            (b'|', _, _) => (VBar, 1),
            (b'&', _, _) => (Amper, 1),
            (b'<', _, _) => (Less, 1),
            (b'>', _, _) => (Greater, 1),
            (b'=', _, _) => (Equal, 1),
            (b'%', _, _) => (Percent, 1),
            (b'~', _, _) => (Tilde, 1),
            (b'^', _, _) => (Circumflex, 1),
            (b'@', _, _) => (At, 1),
            _ => {
                if c0.is_ascii_control() {
                    return Err(self.err(format!("invalid non-printable character U+{:04X}", c0), sl, sc + 1));
                }
                self.bump();
                self.push(Tok::Unknown, sp, sl, sc);
                return Ok(());
            }
        };
        match op {
            LPar | LSqb | LBrace => {
                if self.parens.len() >= MAX_PAREN_LEVEL {
                    return Err(self.err("too many nested parentheses", sl, sc + 1));
                }
                self.parens.push((c0, sl, sc));
            }
            RPar | RSqb | RBrace => match self.parens.pop() {
                None => {
                    return Err(self.err(format!("unmatched '{}'", c0 as char), sl, sc + 1));
                }
                Some((open, ol, _)) => {
                    let ok = matches!((open, c0), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        let msg = if ol != sl {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c0 as char, open as char, ol
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c0 as char, open as char
                            )
                        };
                        return Err(self.err(msg, sl, sc + 1));
                    }
                }
            },
            _ => {}
        }
        self.pos += len;
        self.col += len as u32;
        self.push(Tok::Op(op), sp, sl, sc);
        Ok(())
    }

    /// Digits with single underscores between them; the first char is a digit.
    fn decimal_tail(&mut self, text: &mut String) -> Result<(), CompileError> {
        loop {
            while let Some(c @ b'0'..=b'9') = self.peek_byte() {
                text.push(c as char);
                self.pos += 1;
                self.col += 1;
            }
            if self.peek_byte() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            self.col += 1;
            if !matches!(self.peek_byte(), Some(b'0'..=b'9')) {
                return Err(self.err("invalid decimal literal", self.line, self.col));
            }
        }
    }

    /// CPython's verify_end_of_number: a number may not run into a name,
    /// except (with a warning in CPython) into some keywords (`1if x else y`).
    fn verify_end(&self, kind: &str) -> Result<(), CompileError> {
        let Some(c) = self.peek_char() else { return Ok(()) };
        if !(is_id_continue(c) || !c.is_ascii()) {
            return Ok(());
        }
        let rest = &self.src[self.pos..self.end];
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            if rest.starts_with(kw) {
                return Ok(());
            }
        }
        Err(self.err(format!("invalid {} literal", kind), self.line, self.col.max(1)))
    }

    fn lex_number(&mut self, sp: usize, sl: u32, sc: u32) -> Result<(), CompileError> {
        let b0 = self.b[self.pos];
        if b0 == b'0' && matches!(self.byte_at(1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) {
            let (radix, kind) = match self.byte_at(1).unwrap().to_ascii_lowercase() {
                b'x' => (16u32, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.pos += 2;
            self.col += 2;
            let mut digits = String::new();
            loop {
                if self.peek_byte() == Some(b'_') {
                    self.pos += 1;
                    self.col += 1;
                    match self.peek_byte() {
                        Some(d) if (d as char).is_digit(radix) => {}
                        _ => return Err(self.err(format!("invalid {} literal", kind), self.line, self.col)),
                    }
                }
                match self.peek_byte() {
                    Some(d) if (d as char).is_digit(radix) => {
                        digits.push(d as char);
                        self.pos += 1;
                        self.col += 1;
                    }
                    _ => break,
                }
            }
            if let Some(c @ b'0'..=b'9') = self.peek_byte() {
                if radix < 10 {
                    return Err(self.err(
                        format!("invalid digit '{}' in {} literal", c as char, kind),
                        self.line,
                        self.col + 1,
                    ));
                }
            }
            if digits.is_empty() {
                return Err(self.err(format!("invalid {} literal", kind), self.line, self.col));
            }
            self.verify_end(kind)?;
            let tok = match u64::from_str_radix(&digits, radix) {
                Ok(v) if v <= i64::MAX as u64 => Tok::Int(v as i64),
                _ => Tok::BigInt(radix_to_decimal(&digits, radix)),
            };
            self.push(tok, sp, sl, sc);
            return Ok(());
        }

        let mut text = String::new();
        let mut is_float = false;
        let mut is_imag = false;
        let mut bad_leading_zero = false;
        if b0 != b'.' {
            self.decimal_tail(&mut text)?;
            if text.len() > 1 && text.starts_with('0') && text.bytes().any(|c| c != b'0') {
                bad_leading_zero = true;
            }
        }
        if self.peek_byte() == Some(b'.') {
            self.pos += 1;
            self.col += 1;
            text.push('.');
            is_float = true;
            if matches!(self.peek_byte(), Some(b'0'..=b'9')) {
                self.decimal_tail(&mut text)?;
            }
        }
        if matches!(self.peek_byte(), Some(b'e' | b'E')) {
            let (save_pos, save_col) = (self.pos, self.col);
            self.pos += 1;
            self.col += 1;
            let mut sign = None;
            if let Some(s @ (b'+' | b'-')) = self.peek_byte() {
                sign = Some(s);
                self.pos += 1;
                self.col += 1;
            }
            if matches!(self.peek_byte(), Some(b'0'..=b'9')) {
                text.push('e');
                if let Some(s) = sign {
                    text.push(s as char);
                }
                self.decimal_tail(&mut text)?;
                is_float = true;
            } else if sign.is_some() {
                return Err(self.err("invalid decimal literal", self.line, self.col));
            } else {
                self.pos = save_pos;
                self.col = save_col;
                self.verify_end("decimal")?;
                // `1else`: the number stops before the keyword.
            }
        }
        if matches!(self.peek_byte(), Some(b'j' | b'J')) {
            self.pos += 1;
            self.col += 1;
            is_imag = true;
        }
        if bad_leading_zero && !is_float && !is_imag {
            return Err(self.err(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                sl,
                sc + 1,
            ));
        }
        self.verify_end(if is_imag { "imaginary" } else { "decimal" })?;
        let tok = if is_imag {
            Tok::Imag(text.parse::<f64>().unwrap_or(f64::INFINITY))
        } else if is_float {
            Tok::Float(text.parse::<f64>().unwrap_or(f64::INFINITY))
        } else {
            match text.parse::<i64>() {
                Ok(v) => Tok::Int(v),
                Err(_) => {
                    let t = text.trim_start_matches('0');
                    Tok::BigInt(if t.is_empty() { "0".to_string() } else { t.to_string() })
                }
            }
        };
        self.push(tok, sp, sl, sc);
        Ok(())
    }
}

/// Convert hex/octal/binary digits (no prefix, no underscores) to decimal digits.
pub fn radix_to_decimal(digits: &str, radix: u32) -> String {
    const BASE: u128 = 1_000_000_000_000_000_000;
    let bits = match radix {
        16 => 4,
        8 => 3,
        _ => 1,
    };
    let per = 60 / bits;
    let mut limbs: Vec<u64> = vec![0];
    for chunk in digits.as_bytes().chunks(per) {
        let mut mul: u128 = 1;
        let mut add: u128 = 0;
        for &d in chunk {
            mul *= radix as u128;
            add = add * radix as u128 + (d as char).to_digit(radix).unwrap_or(0) as u128;
        }
        let mut carry = add;
        for limb in limbs.iter_mut() {
            let v = (*limb as u128) * mul + carry;
            *limb = (v % BASE) as u64;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push((carry % BASE) as u64);
            carry /= BASE;
        }
    }
    while limbs.len() > 1 && *limbs.last().unwrap() == 0 {
        limbs.pop();
    }
    let mut s = limbs.last().unwrap().to_string();
    for limb in limbs.iter().rev().skip(1) {
        s.push_str(&format!("{:018}", limb));
    }
    s
}

// ---------------------------------------------------------------------------
// String literal bodies
// ---------------------------------------------------------------------------

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}", start, end, what)
}

fn hex_digits(b: &[u8], i: usize, n: usize) -> Option<u32> {
    if i + n > b.len() {
        return None;
    }
    let mut v = 0u32;
    for &c in &b[i..i + n] {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// Number of valid hex digits at `b[i..]`, at most `n`.
fn count_hex(b: &[u8], i: usize, n: usize) -> usize {
    let mut k = 0;
    while k < n && i + k < b.len() && b[i + k].is_ascii_hexdigit() {
        k += 1;
    }
    k
}

/// Decode the body of a str literal (no prefix/quotes). `raw` keeps
/// backslashes. Line breaks are normalised to `\n`. The error is the message.
pub fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let mut chunk = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push_str(&body[chunk..i]);
            out.push('\n');
            i += if i + 1 < b.len() && b[i + 1] == b'\n' { 2 } else { 1 };
            chunk = i;
            continue;
        }
        if c != b'\\' || raw {
            i += 1;
            continue;
        }
        out.push_str(&body[chunk..i]);
        let start = i;
        if i + 1 >= b.len() {
            out.push('\\');
            i += 1;
            chunk = i;
            continue;
        }
        let e = b[i + 1];
        i += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if i < b.len() && b[i] == b'\n' {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            b'x' | b'u' | b'U' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let k = count_hex(b, i, n);
                if k < n {
                    let what = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err(unicode_error(start, i + k, what));
                }
                let v = hex_digits(b, i, n).unwrap();
                i += n;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v <= 0x10FFFF => out.push('\u{FFFD}'), // lone surrogate
                    None => return Err(unicode_error(start, i - 1, "illegal Unicode character")),
                }
            }
            b'N' => {
                if i >= b.len() || b[i] != b'{' {
                    return Err(unicode_error(start, i - 1, "malformed \\N character escape"));
                }
                let name_start = i + 1;
                let Some(close) = body[name_start..].find('}') else {
                    return Err(unicode_error(start, b.len() - 1, "malformed \\N character escape"));
                };
                let name = &body[name_start..name_start + close];
                i = name_start + close + 1;
                if name.is_empty() {
                    return Err(unicode_error(start, i - 1, "malformed \\N character escape"));
                }
                match lookup_unicode_name(name) {
                    Some(ch) => out.push(ch),
                    None => return Err(unicode_error(start, i - 1, "unknown Unicode character name")),
                }
            }
            _ => {
                // Unknown escape: kept literally (backslash included).
                out.push('\\');
                i -= 1;
                chunk = i;
                continue;
            }
        }
        chunk = i;
    }
    out.push_str(&body[chunk..]);
    Ok(out)
}

/// Decode the body of a bytes literal. The error is the message.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".to_string());
    }
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if i + 1 < b.len() && b[i + 1] == b'\n' { 2 } else { 1 };
            continue;
        }
        if c != b'\\' || raw || i + 1 >= b.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let e = b[i + 1];
        i += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if i < b.len() && b[i] == b'\n' {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push((v & 0xFF) as u8);
            }
            b'x' => {
                let k = count_hex(b, i, 2);
                if k < 2 {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {}",
                        start
                    ));
                }
                out.push(hex_digits(b, i, 2).unwrap() as u8);
                i += 2;
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// `\N{name}` lookup: a table of common names plus algorithmic ranges.
/// Case-insensitive, as in CPython.
pub fn lookup_unicode_name(name: &str) -> Option<char> {
    let upper = name.trim().to_ascii_uppercase();
    let n = upper.as_str();
    if let Ok(i) = UNICODE_NAMES.binary_search_by(|(k, _)| k.cmp(&n)) {
        return char::from_u32(UNICODE_NAMES[i].1);
    }
    if let Some(rest) = n.strip_prefix("LATIN CAPITAL LETTER ") {
        if rest.len() == 1 && rest.as_bytes()[0].is_ascii_uppercase() {
            return Some(rest.as_bytes()[0] as char);
        }
    }
    if let Some(rest) = n.strip_prefix("LATIN SMALL LETTER ") {
        if rest.len() == 1 && rest.as_bytes()[0].is_ascii_uppercase() {
            return Some(rest.as_bytes()[0].to_ascii_lowercase() as char);
        }
    }
    if let Some(rest) = n.strip_prefix("DIGIT ") {
        const DIGITS: [&str; 10] = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
        if let Some(i) = DIGITS.iter().position(|d| *d == rest) {
            return Some((b'0' + i as u8) as char);
        }
    }
    const GREEK: [&str; 25] = [
        "ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA", "LAMDA", "MU", "NU",
        "XI", "OMICRON", "PI", "RHO", "FINAL SIGMA", "SIGMA", "TAU", "UPSILON", "PHI", "CHI", "PSI", "OMEGA",
    ];
    if let Some(rest) = n.strip_prefix("GREEK CAPITAL LETTER ") {
        if let Some(i) = GREEK.iter().position(|d| *d == rest) {
            if i != 17 {
                return char::from_u32(0x391 + i as u32);
            }
        }
    }
    if let Some(rest) = n.strip_prefix("GREEK SMALL LETTER ") {
        if let Some(i) = GREEK.iter().position(|d| *d == rest) {
            return char::from_u32(0x3B1 + i as u32);
        }
    }
    if let Some(rest) = n.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if let Ok(v) = u32::from_str_radix(rest, 16) {
            if (0x4E00..=0x9FFF).contains(&v) || (0x3400..=0x4DBF).contains(&v) || (0x20000..=0x2A6DF).contains(&v) {
                return char::from_u32(v);
            }
        }
    }
    None
}

const UNICODE_NAMES: &[(&str, u32)] = &[
    ("ACUTE ACCENT", 0x00B4),
    ("ALMOST EQUAL TO", 0x2248),
    ("AMPERSAND", 0x0026),
    ("APOSTROPHE", 0x0027),
    ("ASTERISK", 0x002A),
    ("BACKSPACE", 0x0008),
    ("BALLOT X", 0x2717),
    ("BELL", 0x1F514),
    ("BITCOIN SIGN", 0x20BF),
    ("BLACK CIRCLE", 0x25CF),
    ("BLACK CLUB SUIT", 0x2663),
    ("BLACK DIAMOND SUIT", 0x2666),
    ("BLACK DOWN-POINTING TRIANGLE", 0x25BC),
    ("BLACK HEART SUIT", 0x2665),
    ("BLACK LEFT-POINTING TRIANGLE", 0x25C0),
    ("BLACK RIGHT-POINTING TRIANGLE", 0x25B6),
    ("BLACK SPADE SUIT", 0x2660),
    ("BLACK SQUARE", 0x25A0),
    ("BLACK STAR", 0x2605),
    ("BLACK UP-POINTING TRIANGLE", 0x25B2),
    ("BOX DRAWINGS LIGHT HORIZONTAL", 0x2500),
    ("BOX DRAWINGS LIGHT VERTICAL", 0x2502),
    ("BROKEN BAR", 0x00A6),
    ("BULLET", 0x2022),
    ("BYTE ORDER MARK", 0xFEFF),
    ("CARRIAGE RETURN", 0x000D),
    ("CEDILLA", 0x00B8),
    ("CENT SIGN", 0x00A2),
    ("CHARACTER TABULATION", 0x0009),
    ("CHECK MARK", 0x2713),
    ("CIRCUMFLEX ACCENT", 0x005E),
    ("COLON", 0x003A),
    ("COMMA", 0x002C),
    ("COMMERCIAL AT", 0x0040),
    ("COPYRIGHT SIGN", 0x00A9),
    ("CROSS MARK", 0x274C),
    ("CURRENCY SIGN", 0x00A4),
    ("DAGGER", 0x2020),
    ("DARK SHADE", 0x2593),
    ("DEGREE SIGN", 0x00B0),
    ("DELETE", 0x007F),
    ("DIAERESIS", 0x00A8),
    ("DIVISION SIGN", 0x00F7),
    ("DOLLAR SIGN", 0x0024),
    ("DOUBLE DAGGER", 0x2021),
    ("DOUBLE PRIME", 0x2033),
    ("DOWNWARDS ARROW", 0x2193),
    ("ELEMENT OF", 0x2208),
    ("EM DASH", 0x2014),
    ("EMPTY SET", 0x2205),
    ("EN DASH", 0x2013),
    ("EQUALS SIGN", 0x003D),
    ("ESCAPE", 0x001B),
    ("EURO SIGN", 0x20AC),
    ("EXCLAMATION MARK", 0x0021),
    ("FACE WITH TEARS OF JOY", 0x1F602),
    ("FEMININE ORDINAL INDICATOR", 0x00AA),
    ("FIRE", 0x1F525),
    ("FORM FEED", 0x000C),
    ("FULL BLOCK", 0x2588),
    ("FULL STOP", 0x002E),
    ("GRAVE ACCENT", 0x0060),
    ("GREATER-THAN OR EQUAL TO", 0x2265),
    ("GREATER-THAN SIGN", 0x003E),
    ("GRINNING FACE", 0x1F600),
    ("HEAVY BLACK HEART", 0x2764),
    ("HEAVY CHECK MARK", 0x2714),
    ("HEBREW LETTER ALEF", 0x05D0),
    ("HORIZONTAL ELLIPSIS", 0x2026),
    ("HYPHEN", 0x2010),
    ("HYPHEN-MINUS", 0x002D),
    ("INCREMENT", 0x2206),
    ("INDIAN RUPEE SIGN", 0x20B9),
    ("INFINITY", 0x221E),
    ("INTEGRAL", 0x222B),
    ("INVERTED EXCLAMATION MARK", 0x00A1),
    ("INVERTED QUESTION MARK", 0x00BF),
    ("LATIN CAPITAL LETTER A WITH ACUTE", 0x00C1),
    ("LATIN CAPITAL LETTER A WITH CIRCUMFLEX", 0x00C2),
    ("LATIN CAPITAL LETTER A WITH DIAERESIS", 0x00C4),
    ("LATIN CAPITAL LETTER A WITH GRAVE", 0x00C0),
    ("LATIN CAPITAL LETTER A WITH RING ABOVE", 0x00C5),
    ("LATIN CAPITAL LETTER A WITH TILDE", 0x00C3),
    ("LATIN CAPITAL LETTER AE", 0x00C6),
    ("LATIN CAPITAL LETTER C WITH CEDILLA", 0x00C7),
    ("LATIN CAPITAL LETTER E WITH ACUTE", 0x00C9),
    ("LATIN CAPITAL LETTER E WITH CIRCUMFLEX", 0x00CA),
    ("LATIN CAPITAL LETTER E WITH DIAERESIS", 0x00CB),
    ("LATIN CAPITAL LETTER E WITH GRAVE", 0x00C8),
    ("LATIN CAPITAL LETTER ETH", 0x00D0),
    ("LATIN CAPITAL LETTER I WITH ACUTE", 0x00CD),
    ("LATIN CAPITAL LETTER I WITH CIRCUMFLEX", 0x00CE),
    ("LATIN CAPITAL LETTER I WITH DIAERESIS", 0x00CF),
    ("LATIN CAPITAL LETTER I WITH GRAVE", 0x00CC),
    ("LATIN CAPITAL LETTER N WITH TILDE", 0x00D1),
    ("LATIN CAPITAL LETTER O WITH ACUTE", 0x00D3),
    ("LATIN CAPITAL LETTER O WITH CIRCUMFLEX", 0x00D4),
    ("LATIN CAPITAL LETTER O WITH DIAERESIS", 0x00D6),
    ("LATIN CAPITAL LETTER O WITH GRAVE", 0x00D2),
    ("LATIN CAPITAL LETTER O WITH STROKE", 0x00D8),
    ("LATIN CAPITAL LETTER O WITH TILDE", 0x00D5),
    ("LATIN CAPITAL LETTER THORN", 0x00DE),
    ("LATIN CAPITAL LETTER U WITH ACUTE", 0x00DA),
    ("LATIN CAPITAL LETTER U WITH CIRCUMFLEX", 0x00DB),
    ("LATIN CAPITAL LETTER U WITH DIAERESIS", 0x00DC),
    ("LATIN CAPITAL LETTER U WITH GRAVE", 0x00D9),
    ("LATIN CAPITAL LETTER Y WITH ACUTE", 0x00DD),
    ("LATIN SMALL LETTER A WITH ACUTE", 0x00E1),
    ("LATIN SMALL LETTER A WITH CIRCUMFLEX", 0x00E2),
    ("LATIN SMALL LETTER A WITH DIAERESIS", 0x00E4),
    ("LATIN SMALL LETTER A WITH GRAVE", 0x00E0),
    ("LATIN SMALL LETTER A WITH RING ABOVE", 0x00E5),
    ("LATIN SMALL LETTER A WITH TILDE", 0x00E3),
    ("LATIN SMALL LETTER AE", 0x00E6),
    ("LATIN SMALL LETTER C WITH CEDILLA", 0x00E7),
    ("LATIN SMALL LETTER E WITH ACUTE", 0x00E9),
    ("LATIN SMALL LETTER E WITH CIRCUMFLEX", 0x00EA),
    ("LATIN SMALL LETTER E WITH DIAERESIS", 0x00EB),
    ("LATIN SMALL LETTER E WITH GRAVE", 0x00E8),
    ("LATIN SMALL LETTER ETH", 0x00F0),
    ("LATIN SMALL LETTER I WITH ACUTE", 0x00ED),
    ("LATIN SMALL LETTER I WITH CIRCUMFLEX", 0x00EE),
    ("LATIN SMALL LETTER I WITH DIAERESIS", 0x00EF),
    ("LATIN SMALL LETTER I WITH GRAVE", 0x00EC),
    ("LATIN SMALL LETTER N WITH TILDE", 0x00F1),
    ("LATIN SMALL LETTER O WITH ACUTE", 0x00F3),
    ("LATIN SMALL LETTER O WITH CIRCUMFLEX", 0x00F4),
    ("LATIN SMALL LETTER O WITH DIAERESIS", 0x00F6),
    ("LATIN SMALL LETTER O WITH GRAVE", 0x00F2),
    ("LATIN SMALL LETTER O WITH STROKE", 0x00F8),
    ("LATIN SMALL LETTER O WITH TILDE", 0x00F5),
    ("LATIN SMALL LETTER SHARP S", 0x00DF),
    ("LATIN SMALL LETTER THORN", 0x00FE),
    ("LATIN SMALL LETTER U WITH ACUTE", 0x00FA),
    ("LATIN SMALL LETTER U WITH CIRCUMFLEX", 0x00FB),
    ("LATIN SMALL LETTER U WITH DIAERESIS", 0x00FC),
    ("LATIN SMALL LETTER U WITH GRAVE", 0x00F9),
    ("LATIN SMALL LETTER Y WITH ACUTE", 0x00FD),
    ("LEFT CURLY BRACKET", 0x007B),
    ("LEFT DOUBLE QUOTATION MARK", 0x201C),
    ("LEFT PARENTHESIS", 0x0028),
    ("LEFT RIGHT ARROW", 0x2194),
    ("LEFT SINGLE QUOTATION MARK", 0x2018),
    ("LEFT SQUARE BRACKET", 0x005B),
    ("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00AB),
    ("LEFTWARDS ARROW", 0x2190),
    ("LESS-THAN OR EQUAL TO", 0x2264),
    ("LESS-THAN SIGN", 0x003C),
    ("LIGHT SHADE", 0x2591),
    ("LINE FEED", 0x000A),
    ("LOW LINE", 0x005F),
    ("MACRON", 0x00AF),
    ("MASCULINE ORDINAL INDICATOR", 0x00BA),
    ("MEDIUM SHADE", 0x2592),
    ("MICRO SIGN", 0x00B5),
    ("MIDDLE DOT", 0x00B7),
    ("MULTIPLICATION SIGN", 0x00D7),
    ("N-ARY SUMMATION", 0x2211),
    ("NABLA", 0x2207),
    ("NO-BREAK SPACE", 0x00A0),
    ("NOT EQUAL TO", 0x2260),
    ("NOT SIGN", 0x00AC),
    ("NULL", 0x0000),
    ("NUMBER SIGN", 0x0023),
    ("PARTIAL DIFFERENTIAL", 0x2202),
    ("PARTY POPPER", 0x1F389),
    ("PER MILLE SIGN", 0x2030),
    ("PERCENT SIGN", 0x0025),
    ("PILCROW SIGN", 0x00B6),
    ("PILE OF POO", 0x1F4A9),
    ("PLUS SIGN", 0x002B),
    ("PLUS-MINUS SIGN", 0x00B1),
    ("POUND SIGN", 0x00A3),
    ("PRIME", 0x2032),
    ("QUESTION MARK", 0x003F),
    ("QUOTATION MARK", 0x0022),
    ("REGISTERED SIGN", 0x00AE),
    ("REPLACEMENT CHARACTER", 0xFFFD),
    ("REVERSE SOLIDUS", 0x005C),
    ("RIGHT CURLY BRACKET", 0x007D),
    ("RIGHT DOUBLE QUOTATION MARK", 0x201D),
    ("RIGHT PARENTHESIS", 0x0029),
    ("RIGHT SINGLE QUOTATION MARK", 0x2019),
    ("RIGHT SQUARE BRACKET", 0x005D),
    ("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00BB),
    ("RIGHTWARDS ARROW", 0x2192),
    ("RIGHTWARDS DOUBLE ARROW", 0x21D2),
    ("ROCKET", 0x1F680),
    ("SECTION SIGN", 0x00A7),
    ("SEMICOLON", 0x003B),
    ("SMILING FACE WITH SMILING EYES", 0x1F60A),
    ("SNAKE", 0x1F40D),
    ("SNOWMAN", 0x2603),
    ("SOFT HYPHEN", 0x00AD),
    ("SOLIDUS", 0x002F),
    ("SPACE", 0x0020),
    ("SPARKLES", 0x2728),
    ("SQUARE ROOT", 0x221A),
    ("SUPERSCRIPT ONE", 0x00B9),
    ("SUPERSCRIPT THREE", 0x00B3),
    ("SUPERSCRIPT TWO", 0x00B2),
    ("THUMBS UP SIGN", 0x1F44D),
    ("TILDE", 0x007E),
    ("TRADE MARK SIGN", 0x2122),
    ("UPWARDS ARROW", 0x2191),
    ("VERTICAL LINE", 0x007C),
    ("VULGAR FRACTION ONE HALF", 0x00BD),
    ("VULGAR FRACTION ONE QUARTER", 0x00BC),
    ("VULGAR FRACTION THREE QUARTERS", 0x00BE),
    ("WARNING SIGN", 0x26A0),
    ("WHITE CIRCLE", 0x25CB),
    ("WHITE HEAVY CHECK MARK", 0x2705),
    ("WHITE SMILING FACE", 0x263A),
    ("WHITE SQUARE", 0x25A1),
    ("WHITE STAR", 0x2606),
    ("WON SIGN", 0x20A9),
    ("YEN SIGN", 0x00A5),
    ("ZERO WIDTH JOINER", 0x200D),
    ("ZERO WIDTH NO-BREAK SPACE", 0xFEFF),
    ("ZERO WIDTH NON-JOINER", 0x200C),
    ("ZERO WIDTH SPACE", 0x200B),
];
