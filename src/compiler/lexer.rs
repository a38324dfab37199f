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
//! Tokenizing stops at the first error, which is returned in
//! [`Tokens::error`] with an [`Tok::Error`] token ending the stream; the
//! parser decides which error to report (see `LexError`). Token positions
//! are 1-based lines and 0-based character columns; each token also records
//! its byte span and bracket nesting level.

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
    /// Where tokenizing stopped with an error (the last token).
    Error,
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
    /// Number of brackets open before the token.
    pub level: u32,
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
    /// The tokens; they end with `EndMarker`, or with `Error` when `error`
    /// is set.
    pub tokens: Vec<Token>,
    /// The innermost bracket still open at the end of the source, as
    /// (bracket, line, 0-based col). The token stream then ends without
    /// NEWLINE/DEDENT tokens and the parser reports "'(' was never closed".
    pub unclosed: Option<(char, u32, u32)>,
    /// The first tokenizer error. The tokens stop there with an `Error`
    /// token, which the parser reports when it reaches it.
    pub error: Option<LexError>,
}

/// A tokenizer error and how it ranks against parser errors found earlier
/// in the source (CPython's rules): a `hard` error (bad string, number,
/// character or bracket) wins over any parser error except "unexpected
/// indent"; a soft one (indentation, line continuation, end of input) only
/// shows when the parser gets there.
#[derive(Clone, Debug)]
pub struct LexError {
    pub error: CompileError,
    pub hard: bool,
}

/// Tokenize a whole module / interactive input / eval source. `Err` only
/// for null bytes; other tokenizer errors are in `Tokens::error`.
pub fn tokenize(source: &str) -> Result<Tokens, CompileError> {
    let mut start = 0;
    if source.starts_with('\u{feff}') {
        start = '\u{feff}'.len_utf8();
    }
    if let Some(i) = source.as_bytes().iter().position(|&b| b == 0) {
        let (line, col) = line_col_of(source, i);
        return Err(CompileError::syntax(
            "source code cannot contain null bytes",
            line,
            col + 1,
            source,
        ));
    }
    let mut lx = Lexer::new(source, start, source.len(), 1, 0, false);
    let r = lx.run();
    set_levels(&mut lx.toks, 0);
    match r {
        Ok(()) => Ok(Tokens {
            tokens: lx.toks,
            unclosed: lx.unclosed,
            error: None,
        }),
        Err(error) => {
            let (line, col) = lx.tok_start;
            let p = lx.pos.min(lx.end);
            lx.toks.push(Token {
                level: 0,
                tok: Tok::Error,
                start: p,
                end: p,
                line,
                col,
                end_line: line,
                end_col: col,
            });
            Ok(Tokens {
                tokens: lx.toks,
                unclosed: None,
                error: Some(LexError {
                    error,
                    hard: !lx.soft_error,
                }),
            })
        }
    }
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
    set_levels(&mut lx.toks, 1);
    Ok(lx.toks)
}

fn set_levels(toks: &mut [Token], base: u32) {
    let mut level = base;
    for t in toks {
        if let Tok::Op(Op::RPar | Op::RSqb | Op::RBrace) = t.tok {
            level = level.saturating_sub(1);
        }
        t.level = level;
        if let Tok::Op(Op::LPar | Op::LSqb | Op::LBrace) = t.tok {
            level += 1;
        }
    }
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
    /// Start of the token (or line) being scanned, for the `Error` token.
    tok_start: (u32, u32),
    /// The error raised is a soft one (see `LexError`).
    soft_error: bool,
    /// Start of a comment skipped on the current line: a NEWLINE token that
    /// follows starts there, as in CPython.
    comment_start: Option<(u32, u32)>,
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
            toks: Vec::with_capacity((end - start) / 6 + 16),
            indents: vec![(0, 0)],
            parens: Vec::new(),
            at_line_start: !fmode,
            fmode,
            unclosed: None,
            tok_start: (line, col),
            soft_error: false,
            comment_start: None,
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

    fn indent_err(&mut self, msg: impl Into<String>, line: u32, col1: u32) -> CompileError {
        self.soft_error = true;
        CompileError::new(
            CompileErrorKind::IndentationError,
            msg,
            line,
            col1,
            self.src,
        )
    }

    fn soft_err(&mut self, msg: impl Into<String>, line: u32, col1: u32) -> CompileError {
        self.soft_error = true;
        CompileError::syntax(msg, line, col1, self.src)
    }

    fn push(&mut self, tok: Tok, start: usize, line: u32, col: u32) {
        self.toks.push(Token {
            level: 0,
            tok,
            start,
            end: self.pos,
            line,
            col,
            end_line: self.line,
            end_col: self.col,
        });
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
            self.tok_start = (sl, sc);
            match c {
                '#' => {
                    self.comment_start = Some((sl, sc));
                    while let Some(b) = self.peek_byte() {
                        if b == b'\n' || b == b'\r' {
                            break;
                        }
                        self.bump();
                    }
                }
                '\n' | '\r' => {
                    let comment = self.comment_start.take();
                    self.newline();
                    if !self.parens.is_empty() || self.fmode {
                        continue;
                    }
                    let (line, col) = comment.unwrap_or((sl, sc));
                    self.toks.push(Token {
                        level: 0,
                        tok: Tok::Newline,
                        start: sp,
                        end: self.pos,
                        line,
                        col,
                        end_line: sl,
                        end_col: sc + 1,
                    });
                    self.at_line_start = true;
                }
                '\\' => {
                    self.bump();
                    self.continuation(sl, sc)?;
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

    /// After a `\\` at (`sl`, `sc`): a line break must follow, and the input
    /// must go on after it.
    fn continuation(&mut self, sl: u32, sc: u32) -> Result<(), CompileError> {
        match self.peek_byte() {
            Some(b'\n') | Some(b'\r') => {
                self.newline();
                let mut i = self.pos;
                while i < self.end && matches!(self.b[i], b' ' | b'\t' | 0x0c) {
                    i += 1;
                }
                if i >= self.end && !self.fmode {
                    return Err(self.soft_err("unexpected EOF while parsing", sl, sc + 2));
                }
                Ok(())
            }
            None => Err(self.soft_err("unexpected EOF while parsing", sl, sc + 2)),
            Some(_) => Err(self.soft_err(
                "unexpected character after line continuation character",
                sl,
                sc + 2,
            )),
        }
    }

    fn finish(&mut self) {
        let (line, col) = (self.line, self.col);
        if self.fmode {
            self.toks.push(Token {
                level: 0,
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
                level: 0,
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
                let (nl, nc) = self.comment_start.take().unwrap_or((line, col));
                self.toks.push(Token {
                    level: 0,
                    tok: Tok::Newline,
                    start: self.pos,
                    end: self.pos,
                    line: nl,
                    col: nc,
                    end_line: line,
                    end_col: col,
                });
            }
        }
        // DEDENTs and ENDMARKER sit at the end of the last line of the source
        // (a final line break does not start a line), as in CPython.
        let (l, c) = if self.pos > 0 && matches!(self.b[self.pos - 1], b'\n' | b'\r') && line > 1 {
            let mut i = self.pos - 1;
            if self.b[i] == b'\n' && i > 0 && self.b[i - 1] == b'\r' {
                i -= 1;
            }
            let mut j = i;
            while j > 0 && !matches!(self.b[j - 1], b'\n' | b'\r') {
                j -= 1;
            }
            (line - 1, self.src[j..i].chars().count() as u32)
        } else {
            (line, col)
        };
        let p = self.pos;
        for _ in 1..self.indents.len() {
            self.toks.push(Token {
                level: 0,
                tok: Tok::Dedent,
                start: p,
                end: p,
                line: l,
                col: c,
                end_line: l,
                end_col: c,
            });
        }
        self.indents.truncate(1);
        self.toks.push(Token {
            level: 0,
            tok: Tok::EndMarker,
            start: p,
            end: p,
            line: l,
            col: c,
            end_line: l,
            end_col: c,
        });
    }

    /// Measure the indentation of a new logical line. Returns true when the
    /// line was blank (or a comment) and has been consumed entirely.
    fn handle_indentation(&mut self) -> Result<bool, CompileError> {
        let mut col = 0u32;
        let mut alt = 0u32;
        // CPython: indentation cannot be split with backslashes; the column
        // of the first backslash (if not 0) is the line's indentation.
        let mut cont_col = 0u32;
        self.tok_start = (self.line, 0);
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
                Some(b'\\') => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    let (sl, sc) = (self.line, self.col);
                    self.bump();
                    self.continuation(sl, sc)?;
                    continue;
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
        if cont_col != 0 {
            col = cont_col;
            alt = cont_col;
        }
        let (line, tcol, p) = (self.line, self.col, self.pos);
        self.tok_start = (line, tcol);
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
            self.toks.push(Token {
                level: 0,
                tok: Tok::Indent,
                start: p,
                end: p,
                line,
                col: tcol,
                end_line: line,
                end_col: tcol,
            });
        } else {
            // The mismatch is found before any DEDENT is produced.
            if !self.indents.iter().any(|&(c, _)| c == col) {
                let len = self.current_line_len();
                return Err(self.indent_err(
                    "unindent does not match any outer indentation level",
                    line,
                    len + 1,
                ));
            }
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                self.toks.push(Token {
                    level: 0,
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
                return Err(self.indent_err(
                    "unindent does not match any outer indentation level",
                    line,
                    len + 1,
                ));
            }
            if alt != alttop {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    fn tab_error(&mut self) -> CompileError {
        self.indent_err(
            "inconsistent use of tabs and spaces in indentation",
            self.line,
            1,
        )
    }

    fn lex_name(&mut self, sp: usize, sl: u32, sc: u32) -> Result<(), CompileError> {
        let mut all_ascii = true;
        // ASCII fast path.
        while self.pos < self.end {
            let b = self.b[self.pos];
            if b.is_ascii_alphanumeric() || b == b'_' {
                self.pos += 1;
                self.col += 1;
            } else {
                break;
            }
        }
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
                // At the end of input, a final line break does not start a line.
                let at = if self.pos > 0
                    && matches!(self.b[self.pos - 1], b'\n' | b'\r')
                    && self.line > 1
                {
                    self.line - 1
                } else {
                    self.line
                };
                let msg = if triple {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {})",
                        at
                    )
                } else {
                    format!("unterminated string literal (detected at line {})", at)
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
                        let msg = format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        );
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
        let info = StrInfo {
            raw,
            bytes,
            fstring,
            prefix_len,
            quote: q,
            triple,
        };
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
                    return Err(self.err(
                        format!("invalid non-printable character U+{:04X}", c0),
                        sl,
                        sc + 1,
                    ));
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
        let Some(c) = self.peek_char() else {
            return Ok(());
        };
        if c.is_ascii() && !is_id_continue(c) {
            return Ok(());
        }
        let rest = &self.src[self.pos..self.end];
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            if rest.starts_with(kw) {
                return Ok(());
            }
        }
        Err(self.err(
            format!("invalid {} literal", kind),
            self.line,
            self.col.max(1),
        ))
    }

    fn lex_number(&mut self, sp: usize, sl: u32, sc: u32) -> Result<(), CompileError> {
        let b0 = self.b[self.pos];
        if b0 == b'0'
            && matches!(
                self.byte_at(1),
                Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
            )
        {
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
                        _ => {
                            return Err(self.err(
                                format!("invalid {} literal", kind),
                                self.line,
                                self.col,
                            ))
                        }
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
                    Tok::BigInt(if t.is_empty() {
                        "0".to_string()
                    } else {
                        t.to_string()
                    })
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

/// A partial NFKC normalisation of identifiers (CPython normalises names with
/// NFKC): fullwidth forms, compatibility letters (`µ`, `ſ`, ligatures,
/// letterlike and mathematical alphanumeric symbols). Canonical composition
/// of combining sequences is not done.
pub fn normalize_identifier(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    for c in s.chars() {
        let u = c as u32;
        let mapped: Option<&str> = match u {
            0xB5 => Some("\u{3bc}"),
            0x17F => Some("s"),
            0xFB00 => Some("ff"),
            0xFB01 => Some("fi"),
            0xFB02 => Some("fl"),
            0xFB03 => Some("ffi"),
            0xFB04 => Some("ffl"),
            0xFB05 | 0xFB06 => Some("st"),
            0x2126 => Some("\u{3a9}"),
            0x212A => Some("K"),
            0x212B => Some("\u{c5}"),
            0x2071 => Some("i"),
            0x207F => Some("n"),
            _ => None,
        };
        if let Some(m) = mapped {
            out.push_str(m);
            changed = true;
            continue;
        }
        let letterlike = b"C\0\0\0\0\0\0\0gHHHh\0IILl\0N\0\0\0PQRRR\0\0\0\0\0\0Z\0\0\0Z\0\0\0BC\0eEF\0Mo\0\0\0\0i";
        let ch = if (0xFF01..=0xFF5E).contains(&u) {
            char::from_u32(u - 0xFF01 + 0x21)
        } else if (0x2102..0x2102 + letterlike.len() as u32).contains(&u)
            && letterlike[(u - 0x2102) as usize] != 0
        {
            Some(letterlike[(u - 0x2102) as usize] as char)
        } else if (0x1D400..=0x1D6A3).contains(&u) {
            let k = ((u - 0x1D400) % 52) as u8;
            Some(if k < 26 {
                (b'A' + k) as char
            } else {
                (b'a' + k - 26) as char
            })
        } else if (0x1D7CE..=0x1D7FF).contains(&u) {
            Some((b'0' + ((u - 0x1D7CE) % 10) as u8) as char)
        } else {
            None
        };
        match ch {
            Some(m) => {
                out.push(m);
                changed = true;
            }
            None => out.push(c),
        }
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

// ---------------------------------------------------------------------------
// String literal bodies
// ---------------------------------------------------------------------------

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
        start, end, what
    )
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
            i += if i + 1 < b.len() && b[i + 1] == b'\n' {
                2
            } else {
                1
            };
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
                    return Err(unicode_error(start, i + k - 1, what));
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
                    return Err(unicode_error(
                        start,
                        i - 1,
                        "malformed \\N character escape",
                    ));
                }
                let name_start = i + 1;
                let Some(close) = body[name_start..].find('}') else {
                    return Err(unicode_error(
                        start,
                        b.len() - 1,
                        "malformed \\N character escape",
                    ));
                };
                let name = &body[name_start..name_start + close];
                i = name_start + close + 1;
                if name.is_empty() {
                    return Err(unicode_error(
                        start,
                        i - 1,
                        "malformed \\N character escape",
                    ));
                }
                match lookup_unicode_name(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(
                            start,
                            i - 1,
                            "unknown Unicode character name",
                        ))
                    }
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
            i += if i + 1 < b.len() && b[i + 1] == b'\n' {
                2
            } else {
                1
            };
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

/// `\N{name}` lookup: a table of common names (Latin-1, Latin Extended-A,
/// Greek, punctuation, currency, letterlike, arrows, math operators, box
/// drawing, some symbols) plus algorithmic ranges (ASCII letters and digits,
/// Greek letters, CJK ideographs).
/// Case-insensitive, as in CPython.
pub fn lookup_unicode_name(name: &str) -> Option<char> {
    let upper = name.trim().to_ascii_uppercase();
    let n = upper.as_str();
    for entry in UNICODE_NAMES.lines() {
        if let Some((k, v)) = entry.split_once('\t') {
            if k == n {
                return u32::from_str_radix(v, 16).ok().and_then(char::from_u32);
            }
        }
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
        const DIGITS: [&str; 10] = [
            "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
        ];
        if let Some(i) = DIGITS.iter().position(|d| *d == rest) {
            return Some((b'0' + i as u8) as char);
        }
    }
    const GREEK: [&str; 25] = [
        "ALPHA",
        "BETA",
        "GAMMA",
        "DELTA",
        "EPSILON",
        "ZETA",
        "ETA",
        "THETA",
        "IOTA",
        "KAPPA",
        "LAMDA",
        "MU",
        "NU",
        "XI",
        "OMICRON",
        "PI",
        "RHO",
        "FINAL SIGMA",
        "SIGMA",
        "TAU",
        "UPSILON",
        "PHI",
        "CHI",
        "PSI",
        "OMEGA",
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
            if (0x4E00..=0x9FFF).contains(&v)
                || (0x3400..=0x4DBF).contains(&v)
                || (0x20000..=0x2A6DF).contains(&v)
            {
                return char::from_u32(v);
            }
        }
    }
    None
}

const UNICODE_NAMES: &str = "\
ACCOUNT OF\t2100\n\
ACTIVATE ARABIC FORM SHAPING\t206D\n\
ACTIVATE SYMMETRIC SWAPPING\t206B\n\
ACUTE ACCENT\tB4\n\
ADDRESSED TO THE SUBJECT\t2101\n\
AKTIESELSKAB\t214D\n\
ALARM CLOCK\t23F0\n\
ALEF SYMBOL\t2135\n\
ALL EQUAL TO\t224C\n\
ALMOST EQUAL OR EQUAL TO\t224A\n\
ALMOST EQUAL TO\t2248\n\
AMPERSAND\t26\n\
ANGLE\t2220\n\
ANGSTROM SIGN\t212B\n\
ANTICLOCKWISE CONTOUR INTEGRAL\t2233\n\
ANTICLOCKWISE OPEN CIRCLE ARROW\t21BA\n\
ANTICLOCKWISE TOP SEMICIRCLE ARROW\t21B6\n\
APOSTROPHE\t27\n\
APPROACHES THE LIMIT\t2250\n\
APPROXIMATELY BUT NOT ACTUALLY EQUAL TO\t2246\n\
APPROXIMATELY EQUAL TO\t2245\n\
APPROXIMATELY EQUAL TO OR THE IMAGE OF\t2252\n\
ARABIC LETTER ALEF\t627\n\
ASSERTION\t22A6\n\
ASTERISK\t2A\n\
ASTERISK OPERATOR\t2217\n\
ASTERISM\t2042\n\
ASYMPTOTICALLY EQUAL TO\t2243\n\
AUSTRAL SIGN\t20B3\n\
BACKSPACE\t8\n\
BALLOT BOX\t2610\n\
BALLOT BOX WITH CHECK\t2611\n\
BALLOT BOX WITH X\t2612\n\
BALLOT X\t2717\n\
BECAUSE\t2235\n\
BELL\t1F514\n\
BET SYMBOL\t2136\n\
BETWEEN\t226C\n\
BITCOIN SIGN\t20BF\n\
BLACK CIRCLE\t25CF\n\
BLACK CLUB SUIT\t2663\n\
BLACK DIAMOND\t25C6\n\
BLACK DIAMOND SUIT\t2666\n\
BLACK DOWN-POINTING TRIANGLE\t25BC\n\
BLACK HEART SUIT\t2665\n\
BLACK LEFT-POINTING TRIANGLE\t25C0\n\
BLACK LEFTWARDS BULLET\t204C\n\
BLACK QUESTION MARK ORNAMENT\t2753\n\
BLACK RIGHT-POINTING TRIANGLE\t25B6\n\
BLACK RIGHTWARDS ARROW\t27A1\n\
BLACK RIGHTWARDS BULLET\t204D\n\
BLACK SMALL SQUARE\t25AA\n\
BLACK SPADE SUIT\t2660\n\
BLACK SQUARE\t25A0\n\
BLACK STAR\t2605\n\
BLACK UP-POINTING TRIANGLE\t25B2\n\
BLACK-LETTER CAPITAL C\t212D\n\
BLACK-LETTER CAPITAL H\t210C\n\
BLACK-LETTER CAPITAL I\t2111\n\
BLACK-LETTER CAPITAL R\t211C\n\
BLACK-LETTER CAPITAL Z\t2128\n\
BOM\tFEFF\n\
BOWTIE\t22C8\n\
BOX DRAWINGS DOUBLE DOWN AND HORIZONTAL\t2566\n\
BOX DRAWINGS DOUBLE DOWN AND LEFT\t2557\n\
BOX DRAWINGS DOUBLE DOWN AND RIGHT\t2554\n\
BOX DRAWINGS DOUBLE HORIZONTAL\t2550\n\
BOX DRAWINGS DOUBLE UP AND HORIZONTAL\t2569\n\
BOX DRAWINGS DOUBLE UP AND LEFT\t255D\n\
BOX DRAWINGS DOUBLE UP AND RIGHT\t255A\n\
BOX DRAWINGS DOUBLE VERTICAL\t2551\n\
BOX DRAWINGS DOUBLE VERTICAL AND HORIZONTAL\t256C\n\
BOX DRAWINGS DOUBLE VERTICAL AND LEFT\t2563\n\
BOX DRAWINGS DOUBLE VERTICAL AND RIGHT\t2560\n\
BOX DRAWINGS DOWN DOUBLE AND HORIZONTAL SINGLE\t2565\n\
BOX DRAWINGS DOWN DOUBLE AND LEFT SINGLE\t2556\n\
BOX DRAWINGS DOWN DOUBLE AND RIGHT SINGLE\t2553\n\
BOX DRAWINGS DOWN HEAVY AND HORIZONTAL LIGHT\t2530\n\
BOX DRAWINGS DOWN HEAVY AND LEFT LIGHT\t2512\n\
BOX DRAWINGS DOWN HEAVY AND LEFT UP LIGHT\t2527\n\
BOX DRAWINGS DOWN HEAVY AND RIGHT LIGHT\t250E\n\
BOX DRAWINGS DOWN HEAVY AND RIGHT UP LIGHT\t251F\n\
BOX DRAWINGS DOWN HEAVY AND UP HORIZONTAL LIGHT\t2541\n\
BOX DRAWINGS DOWN LIGHT AND HORIZONTAL HEAVY\t252F\n\
BOX DRAWINGS DOWN LIGHT AND LEFT HEAVY\t2511\n\
BOX DRAWINGS DOWN LIGHT AND LEFT UP HEAVY\t2529\n\
BOX DRAWINGS DOWN LIGHT AND RIGHT HEAVY\t250D\n\
BOX DRAWINGS DOWN LIGHT AND RIGHT UP HEAVY\t2521\n\
BOX DRAWINGS DOWN LIGHT AND UP HORIZONTAL HEAVY\t2547\n\
BOX DRAWINGS DOWN SINGLE AND HORIZONTAL DOUBLE\t2564\n\
BOX DRAWINGS DOWN SINGLE AND LEFT DOUBLE\t2555\n\
BOX DRAWINGS DOWN SINGLE AND RIGHT DOUBLE\t2552\n\
BOX DRAWINGS HEAVY DOUBLE DASH HORIZONTAL\t254D\n\
BOX DRAWINGS HEAVY DOUBLE DASH VERTICAL\t254F\n\
BOX DRAWINGS HEAVY DOWN\t257B\n\
BOX DRAWINGS HEAVY DOWN AND HORIZONTAL\t2533\n\
BOX DRAWINGS HEAVY DOWN AND LEFT\t2513\n\
BOX DRAWINGS HEAVY DOWN AND RIGHT\t250F\n\
BOX DRAWINGS HEAVY HORIZONTAL\t2501\n\
BOX DRAWINGS HEAVY LEFT\t2578\n\
BOX DRAWINGS HEAVY LEFT AND LIGHT RIGHT\t257E\n\
BOX DRAWINGS HEAVY QUADRUPLE DASH HORIZONTAL\t2509\n\
BOX DRAWINGS HEAVY QUADRUPLE DASH VERTICAL\t250B\n\
BOX DRAWINGS HEAVY RIGHT\t257A\n\
BOX DRAWINGS HEAVY TRIPLE DASH HORIZONTAL\t2505\n\
BOX DRAWINGS HEAVY TRIPLE DASH VERTICAL\t2507\n\
BOX DRAWINGS HEAVY UP\t2579\n\
BOX DRAWINGS HEAVY UP AND HORIZONTAL\t253B\n\
BOX DRAWINGS HEAVY UP AND LEFT\t251B\n\
BOX DRAWINGS HEAVY UP AND LIGHT DOWN\t257F\n\
BOX DRAWINGS HEAVY UP AND RIGHT\t2517\n\
BOX DRAWINGS HEAVY VERTICAL\t2503\n\
BOX DRAWINGS HEAVY VERTICAL AND HORIZONTAL\t254B\n\
BOX DRAWINGS HEAVY VERTICAL AND LEFT\t252B\n\
BOX DRAWINGS HEAVY VERTICAL AND RIGHT\t2523\n\
BOX DRAWINGS LEFT DOWN HEAVY AND RIGHT UP LIGHT\t2545\n\
BOX DRAWINGS LEFT HEAVY AND RIGHT DOWN LIGHT\t252D\n\
BOX DRAWINGS LEFT HEAVY AND RIGHT UP LIGHT\t2535\n\
BOX DRAWINGS LEFT HEAVY AND RIGHT VERTICAL LIGHT\t253D\n\
BOX DRAWINGS LEFT LIGHT AND RIGHT DOWN HEAVY\t2532\n\
BOX DRAWINGS LEFT LIGHT AND RIGHT UP HEAVY\t253A\n\
BOX DRAWINGS LEFT LIGHT AND RIGHT VERTICAL HEAVY\t254A\n\
BOX DRAWINGS LEFT UP HEAVY AND RIGHT DOWN LIGHT\t2543\n\
BOX DRAWINGS LIGHT ARC DOWN AND LEFT\t256E\n\
BOX DRAWINGS LIGHT ARC DOWN AND RIGHT\t256D\n\
BOX DRAWINGS LIGHT ARC UP AND LEFT\t256F\n\
BOX DRAWINGS LIGHT ARC UP AND RIGHT\t2570\n\
BOX DRAWINGS LIGHT DIAGONAL CROSS\t2573\n\
BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT\t2572\n\
BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT\t2571\n\
BOX DRAWINGS LIGHT DOUBLE DASH HORIZONTAL\t254C\n\
BOX DRAWINGS LIGHT DOUBLE DASH VERTICAL\t254E\n\
BOX DRAWINGS LIGHT DOWN\t2577\n\
BOX DRAWINGS LIGHT DOWN AND HORIZONTAL\t252C\n\
BOX DRAWINGS LIGHT DOWN AND LEFT\t2510\n\
BOX DRAWINGS LIGHT DOWN AND RIGHT\t250C\n\
BOX DRAWINGS LIGHT HORIZONTAL\t2500\n\
BOX DRAWINGS LIGHT LEFT\t2574\n\
BOX DRAWINGS LIGHT LEFT AND HEAVY RIGHT\t257C\n\
BOX DRAWINGS LIGHT QUADRUPLE DASH HORIZONTAL\t2508\n\
BOX DRAWINGS LIGHT QUADRUPLE DASH VERTICAL\t250A\n\
BOX DRAWINGS LIGHT RIGHT\t2576\n\
BOX DRAWINGS LIGHT TRIPLE DASH HORIZONTAL\t2504\n\
BOX DRAWINGS LIGHT TRIPLE DASH VERTICAL\t2506\n\
BOX DRAWINGS LIGHT UP\t2575\n\
BOX DRAWINGS LIGHT UP AND HEAVY DOWN\t257D\n\
BOX DRAWINGS LIGHT UP AND HORIZONTAL\t2534\n\
BOX DRAWINGS LIGHT UP AND LEFT\t2518\n\
BOX DRAWINGS LIGHT UP AND RIGHT\t2514\n\
BOX DRAWINGS LIGHT VERTICAL\t2502\n\
BOX DRAWINGS LIGHT VERTICAL AND HORIZONTAL\t253C\n\
BOX DRAWINGS LIGHT VERTICAL AND LEFT\t2524\n\
BOX DRAWINGS LIGHT VERTICAL AND RIGHT\t251C\n\
BOX DRAWINGS RIGHT DOWN HEAVY AND LEFT UP LIGHT\t2546\n\
BOX DRAWINGS RIGHT HEAVY AND LEFT DOWN LIGHT\t252E\n\
BOX DRAWINGS RIGHT HEAVY AND LEFT UP LIGHT\t2536\n\
BOX DRAWINGS RIGHT HEAVY AND LEFT VERTICAL LIGHT\t253E\n\
BOX DRAWINGS RIGHT LIGHT AND LEFT DOWN HEAVY\t2531\n\
BOX DRAWINGS RIGHT LIGHT AND LEFT UP HEAVY\t2539\n\
BOX DRAWINGS RIGHT LIGHT AND LEFT VERTICAL HEAVY\t2549\n\
BOX DRAWINGS RIGHT UP HEAVY AND LEFT DOWN LIGHT\t2544\n\
BOX DRAWINGS UP DOUBLE AND HORIZONTAL SINGLE\t2568\n\
BOX DRAWINGS UP DOUBLE AND LEFT SINGLE\t255C\n\
BOX DRAWINGS UP DOUBLE AND RIGHT SINGLE\t2559\n\
BOX DRAWINGS UP HEAVY AND DOWN HORIZONTAL LIGHT\t2540\n\
BOX DRAWINGS UP HEAVY AND HORIZONTAL LIGHT\t2538\n\
BOX DRAWINGS UP HEAVY AND LEFT DOWN LIGHT\t2526\n\
BOX DRAWINGS UP HEAVY AND LEFT LIGHT\t251A\n\
BOX DRAWINGS UP HEAVY AND RIGHT DOWN LIGHT\t251E\n\
BOX DRAWINGS UP HEAVY AND RIGHT LIGHT\t2516\n\
BOX DRAWINGS UP LIGHT AND DOWN HORIZONTAL HEAVY\t2548\n\
BOX DRAWINGS UP LIGHT AND HORIZONTAL HEAVY\t2537\n\
BOX DRAWINGS UP LIGHT AND LEFT DOWN HEAVY\t252A\n\
BOX DRAWINGS UP LIGHT AND LEFT HEAVY\t2519\n\
BOX DRAWINGS UP LIGHT AND RIGHT DOWN HEAVY\t2522\n\
BOX DRAWINGS UP LIGHT AND RIGHT HEAVY\t2515\n\
BOX DRAWINGS UP SINGLE AND HORIZONTAL DOUBLE\t2567\n\
BOX DRAWINGS UP SINGLE AND LEFT DOUBLE\t255B\n\
BOX DRAWINGS UP SINGLE AND RIGHT DOUBLE\t2558\n\
BOX DRAWINGS VERTICAL DOUBLE AND HORIZONTAL SINGLE\t256B\n\
BOX DRAWINGS VERTICAL DOUBLE AND LEFT SINGLE\t2562\n\
BOX DRAWINGS VERTICAL DOUBLE AND RIGHT SINGLE\t255F\n\
BOX DRAWINGS VERTICAL HEAVY AND HORIZONTAL LIGHT\t2542\n\
BOX DRAWINGS VERTICAL HEAVY AND LEFT LIGHT\t2528\n\
BOX DRAWINGS VERTICAL HEAVY AND RIGHT LIGHT\t2520\n\
BOX DRAWINGS VERTICAL LIGHT AND HORIZONTAL HEAVY\t253F\n\
BOX DRAWINGS VERTICAL LIGHT AND LEFT HEAVY\t2525\n\
BOX DRAWINGS VERTICAL LIGHT AND RIGHT HEAVY\t251D\n\
BOX DRAWINGS VERTICAL SINGLE AND HORIZONTAL DOUBLE\t256A\n\
BOX DRAWINGS VERTICAL SINGLE AND LEFT DOUBLE\t2561\n\
BOX DRAWINGS VERTICAL SINGLE AND RIGHT DOUBLE\t255E\n\
BROKEN BAR\tA6\n\
BROKEN HEART\t1F494\n\
BULLET\t2022\n\
BULLET OPERATOR\t2219\n\
BULLSEYE\t25CE\n\
BYTE ORDER MARK\tFEFF\n\
CADA UNA\t2106\n\
CALENDAR\t1F4C5\n\
CANCEL TAG\tE007F\n\
CARE OF\t2105\n\
CARET\t2038\n\
CARET INSERTION POINT\t2041\n\
CARRIAGE RETURN\tD\n\
CEDI SIGN\t20B5\n\
CEDILLA\tB8\n\
CENT SIGN\tA2\n\
CENTRE LINE SYMBOL\t2104\n\
CHARACTER TABULATION\t9\n\
CHARACTER TIE\t2040\n\
CHECK MARK\t2713\n\
CIRCLED ASTERISK OPERATOR\t229B\n\
CIRCLED DASH\t229D\n\
CIRCLED DIGIT ONE\t2460\n\
CIRCLED DIGIT THREE\t2462\n\
CIRCLED DIGIT TWO\t2461\n\
CIRCLED DIVISION SLASH\t2298\n\
CIRCLED DOT OPERATOR\t2299\n\
CIRCLED EQUALS\t229C\n\
CIRCLED LATIN CAPITAL LETTER A\t24B6\n\
CIRCLED MINUS\t2296\n\
CIRCLED NUMBER THIRTY NINE\t32B4\n\
CIRCLED PLUS\t2295\n\
CIRCLED RING OPERATOR\t229A\n\
CIRCLED TIMES\t2297\n\
CIRCUMFLEX ACCENT\t5E\n\
CLAPPING HANDS SIGN\t1F44F\n\
CLOCKWISE CONTOUR INTEGRAL\t2232\n\
CLOCKWISE INTEGRAL\t2231\n\
CLOCKWISE OPEN CIRCLE ARROW\t21BB\n\
CLOCKWISE TOP SEMICIRCLE ARROW\t21B7\n\
CLOSE UP\t2050\n\
CLOUD\t2601\n\
COLON\t3A\n\
COLON EQUALS\t2254\n\
COLON SIGN\t20A1\n\
COMBINING ACUTE ACCENT\t301\n\
COMBINING ASTERISK ABOVE\t20F0\n\
COMBINING BREVE\t306\n\
COMBINING CARON\t30C\n\
COMBINING CEDILLA\t327\n\
COMBINING CIRCUMFLEX ACCENT\t302\n\
COMBINING DIAERESIS\t308\n\
COMBINING DOT ABOVE\t307\n\
COMBINING ENCLOSING CIRCLE\t20DD\n\
COMBINING FOUR DOTS ABOVE\t20DC\n\
COMBINING GRAVE ACCENT\t300\n\
COMBINING LATIN SMALL LETTER X\t36F\n\
COMBINING LEFT HARPOON ABOVE\t20D0\n\
COMBINING LONG STROKE OVERLAY\t336\n\
COMBINING LOW LINE\t332\n\
COMBINING MACRON\t304\n\
COMBINING OVERLINE\t305\n\
COMBINING RIGHT ARROW ABOVE\t20D7\n\
COMBINING RING ABOVE\t30A\n\
COMBINING THREE DOTS ABOVE\t20DB\n\
COMBINING TILDE\t303\n\
COMMA\t2C\n\
COMMERCIAL AT\t40\n\
COMMERCIAL MINUS SIGN\t2052\n\
COMPLEMENT\t2201\n\
CONTAINS AS MEMBER\t220B\n\
CONTAINS AS NORMAL SUBGROUP\t22B3\n\
CONTAINS AS NORMAL SUBGROUP OR EQUAL TO\t22B5\n\
CONTAINS WITH LONG HORIZONTAL STROKE\t22FA\n\
CONTAINS WITH OVERBAR\t22FD\n\
CONTAINS WITH VERTICAL BAR AT END OF HORIZONTAL STROKE\t22FB\n\
CONTOUR INTEGRAL\t222E\n\
COPTIC CAPITAL LETTER DEI\t3EE\n\
COPTIC CAPITAL LETTER FEI\t3E4\n\
COPTIC CAPITAL LETTER GANGIA\t3EA\n\
COPTIC CAPITAL LETTER HORI\t3E8\n\
COPTIC CAPITAL LETTER KHEI\t3E6\n\
COPTIC CAPITAL LETTER SHEI\t3E2\n\
COPTIC CAPITAL LETTER SHIMA\t3EC\n\
COPTIC SMALL LETTER DEI\t3EF\n\
COPTIC SMALL LETTER FEI\t3E5\n\
COPTIC SMALL LETTER GANGIA\t3EB\n\
COPTIC SMALL LETTER HORI\t3E9\n\
COPTIC SMALL LETTER KHEI\t3E7\n\
COPTIC SMALL LETTER SHEI\t3E3\n\
COPTIC SMALL LETTER SHIMA\t3ED\n\
COPYRIGHT SIGN\tA9\n\
CORRESPONDS TO\t2258\n\
CR\tD\n\
CROSS MARK\t274C\n\
CRUZEIRO SIGN\t20A2\n\
CUBE ROOT\t221B\n\
CURLY LOGICAL AND\t22CF\n\
CURLY LOGICAL OR\t22CE\n\
CURRENCY SIGN\tA4\n\
CYRILLIC CAPITAL LETTER A\t410\n\
CYRILLIC CAPITAL LETTER SHORT I\t419\n\
CYRILLIC SMALL LETTER A\t430\n\
CYRILLIC SMALL LETTER SHORT I\t439\n\
CYRILLIC SMALL LETTER ZHE\t436\n\
DAGGER\t2020\n\
DALET SYMBOL\t2138\n\
DARK SHADE\t2593\n\
DEGREE CELSIUS\t2103\n\
DEGREE FAHRENHEIT\t2109\n\
DEGREE SIGN\tB0\n\
DEL\t7F\n\
DELETE\t7F\n\
DELTA EQUAL TO\t225C\n\
DEVANAGARI LETTER A\t905\n\
DIAERESIS\tA8\n\
DIAMOND OPERATOR\t22C4\n\
DIFFERENCE BETWEEN\t224F\n\
DIGIT ONE FULL STOP\t2488\n\
DIVIDES\t2223\n\
DIVISION SIGN\tF7\n\
DIVISION SLASH\t2215\n\
DIVISION TIMES\t22C7\n\
DOES NOT CONTAIN AS MEMBER\t220C\n\
DOES NOT CONTAIN AS NORMAL SUBGROUP\t22EB\n\
DOES NOT CONTAIN AS NORMAL SUBGROUP OR EQUAL\t22ED\n\
DOES NOT DIVIDE\t2224\n\
DOES NOT FORCE\t22AE\n\
DOES NOT PRECEDE\t2280\n\
DOES NOT PRECEDE OR EQUAL\t22E0\n\
DOES NOT PROVE\t22AC\n\
DOES NOT SUCCEED\t2281\n\
DOES NOT SUCCEED OR EQUAL\t22E1\n\
DOLLAR SIGN\t24\n\
DONG SIGN\t20AB\n\
DOT MINUS\t2238\n\
DOT OPERATOR\t22C5\n\
DOT PLUS\t2214\n\
DOTTED CIRCLE\t25CC\n\
DOTTED CROSS\t205C\n\
DOUBLE DAGGER\t2021\n\
DOUBLE EXCLAMATION MARK\t203C\n\
DOUBLE HIGH-REVERSED-9 QUOTATION MARK\t201F\n\
DOUBLE INTEGRAL\t222C\n\
DOUBLE INTERSECTION\t22D2\n\
DOUBLE LOW LINE\t2017\n\
DOUBLE LOW-9 QUOTATION MARK\t201E\n\
DOUBLE PRIME\t2033\n\
DOUBLE QUESTION MARK\t2047\n\
DOUBLE SUBSET\t22D0\n\
DOUBLE SUPERSET\t22D1\n\
DOUBLE UNION\t22D3\n\
DOUBLE VERTICAL BAR DOUBLE RIGHT TURNSTILE\t22AB\n\
DOUBLE VERTICAL LINE\t2016\n\
DOUBLE-STRUCK CAPITAL C\t2102\n\
DOUBLE-STRUCK CAPITAL GAMMA\t213E\n\
DOUBLE-STRUCK CAPITAL H\t210D\n\
DOUBLE-STRUCK CAPITAL N\t2115\n\
DOUBLE-STRUCK CAPITAL P\t2119\n\
DOUBLE-STRUCK CAPITAL PI\t213F\n\
DOUBLE-STRUCK CAPITAL Q\t211A\n\
DOUBLE-STRUCK CAPITAL R\t211D\n\
DOUBLE-STRUCK CAPITAL Z\t2124\n\
DOUBLE-STRUCK ITALIC CAPITAL D\t2145\n\
DOUBLE-STRUCK ITALIC SMALL D\t2146\n\
DOUBLE-STRUCK ITALIC SMALL E\t2147\n\
DOUBLE-STRUCK ITALIC SMALL I\t2148\n\
DOUBLE-STRUCK ITALIC SMALL J\t2149\n\
DOUBLE-STRUCK N-ARY SUMMATION\t2140\n\
DOUBLE-STRUCK SMALL GAMMA\t213D\n\
DOUBLE-STRUCK SMALL PI\t213C\n\
DOWN RIGHT DIAGONAL ELLIPSIS\t22F1\n\
DOWN TACK\t22A4\n\
DOWNWARDS ARROW\t2193\n\
DOWNWARDS ARROW FROM BAR\t21A7\n\
DOWNWARDS ARROW LEFTWARDS OF UPWARDS ARROW\t21F5\n\
DOWNWARDS ARROW WITH CORNER LEFTWARDS\t21B5\n\
DOWNWARDS ARROW WITH DOUBLE STROKE\t21DF\n\
DOWNWARDS ARROW WITH TIP LEFTWARDS\t21B2\n\
DOWNWARDS ARROW WITH TIP RIGHTWARDS\t21B3\n\
DOWNWARDS BLACK ARROW\t2B07\n\
DOWNWARDS DASHED ARROW\t21E3\n\
DOWNWARDS DOUBLE ARROW\t21D3\n\
DOWNWARDS HARPOON WITH BARB LEFTWARDS\t21C3\n\
DOWNWARDS HARPOON WITH BARB RIGHTWARDS\t21C2\n\
DOWNWARDS PAIRED ARROWS\t21CA\n\
DOWNWARDS TWO HEADED ARROW\t21A1\n\
DOWNWARDS WHITE ARROW\t21E9\n\
DOWNWARDS ZIGZAG ARROW\t21AF\n\
DRACHMA SIGN\t20AF\n\
EARTH GLOBE EUROPE-AFRICA\t1F30D\n\
ELEMENT OF\t2208\n\
ELEMENT OF WITH DOT ABOVE\t22F5\n\
ELEMENT OF WITH LONG HORIZONTAL STROKE\t22F2\n\
ELEMENT OF WITH OVERBAR\t22F6\n\
ELEMENT OF WITH TWO HORIZONTAL STROKES\t22F9\n\
ELEMENT OF WITH UNDERBAR\t22F8\n\
ELEMENT OF WITH VERTICAL BAR AT END OF HORIZONTAL STROKE\t22F3\n\
EM DASH\t2014\n\
EM QUAD\t2001\n\
EM SPACE\t2003\n\
EMPTY SET\t2205\n\
EN DASH\t2013\n\
EN QUAD\t2000\n\
EN SPACE\t2002\n\
END OF LINE\tA\n\
END OF PROOF\t220E\n\
EQUAL AND PARALLEL TO\t22D5\n\
EQUAL TO BY DEFINITION\t225D\n\
EQUAL TO OR GREATER-THAN\t22DD\n\
EQUAL TO OR LESS-THAN\t22DC\n\
EQUAL TO OR PRECEDES\t22DE\n\
EQUAL TO OR SUCCEEDS\t22DF\n\
EQUALS COLON\t2255\n\
EQUALS SIGN\t3D\n\
EQUIANGULAR TO\t225A\n\
EQUIVALENT TO\t224D\n\
ESC\t1B\n\
ESCAPE\t1B\n\
ESTIMATED SYMBOL\t212E\n\
ESTIMATES\t2259\n\
ETHIOPIC SYLLABLE SEE\t1234\n\
EULER CONSTANT\t2107\n\
EURO SIGN\t20AC\n\
EURO-CURRENCY SIGN\t20A0\n\
EXCESS\t2239\n\
EXCLAMATION MARK\t21\n\
EXCLAMATION QUESTION MARK\t2049\n\
FACE WITH TEARS OF JOY\t1F602\n\
FACSIMILE SIGN\t213B\n\
FEMININE ORDINAL INDICATOR\tAA\n\
FIGURE DASH\t2012\n\
FIGURE SPACE\t2007\n\
FIRE\t1F525\n\
FIRST STRONG ISOLATE\t2068\n\
FIVE DOT PUNCTUATION\t2059\n\
FLOWER PUNCTUATION MARK\t2055\n\
FOR ALL\t2200\n\
FORCES\t22A9\n\
FORM FEED\tC\n\
FOUR DOT MARK\t205B\n\
FOUR DOT PUNCTUATION\t2058\n\
FOUR-PER-EM SPACE\t2005\n\
FOURTH ROOT\t221C\n\
FRACTION NUMERATOR ONE\t215F\n\
FRACTION SLASH\t2044\n\
FRENCH FRANC SIGN\t20A3\n\
FULL BLOCK\t2588\n\
FULL STOP\t2E\n\
FULLWIDTH COLON\tFF1A\n\
FULLWIDTH COMMA\tFF0C\n\
FULLWIDTH DIGIT ZERO\tFF10\n\
FULLWIDTH FULL STOP\tFF0E\n\
FUNCTION APPLICATION\t2061\n\
GEAR\t2699\n\
GEOMETRIC PROPORTION\t223A\n\
GEOMETRICALLY EQUAL TO\t2251\n\
GEOMETRICALLY EQUIVALENT TO\t224E\n\
GERMAN PENNY SIGN\t20B0\n\
GIMEL SYMBOL\t2137\n\
GLOBE WITH MERIDIANS\t1F310\n\
GRAVE ACCENT\t60\n\
GREATER-THAN BUT NOT EQUAL TO\t2269\n\
GREATER-THAN BUT NOT EQUIVALENT TO\t22E7\n\
GREATER-THAN EQUAL TO OR LESS-THAN\t22DB\n\
GREATER-THAN OR EQUAL TO\t2265\n\
GREATER-THAN OR EQUIVALENT TO\t2273\n\
GREATER-THAN OR LESS-THAN\t2277\n\
GREATER-THAN OVER EQUAL TO\t2267\n\
GREATER-THAN SIGN\t3E\n\
GREATER-THAN WITH DOT\t22D7\n\
GREEK ANO TELEIA\t387\n\
GREEK BETA SYMBOL\t3D0\n\
GREEK CAPITAL DOTTED LUNATE SIGMA SYMBOL\t3FE\n\
GREEK CAPITAL KAI SYMBOL\t3CF\n\
GREEK CAPITAL LETTER ALPHA WITH TONOS\t386\n\
GREEK CAPITAL LETTER ARCHAIC SAMPI\t372\n\
GREEK CAPITAL LETTER EPSILON WITH TONOS\t388\n\
GREEK CAPITAL LETTER ETA WITH TONOS\t389\n\
GREEK CAPITAL LETTER HETA\t370\n\
GREEK CAPITAL LETTER IOTA WITH DIALYTIKA\t3AA\n\
GREEK CAPITAL LETTER IOTA WITH TONOS\t38A\n\
GREEK CAPITAL LETTER OMEGA WITH TONOS\t38F\n\
GREEK CAPITAL LETTER OMICRON WITH TONOS\t38C\n\
GREEK CAPITAL LETTER PAMPHYLIAN DIGAMMA\t376\n\
GREEK CAPITAL LETTER SAN\t3FA\n\
GREEK CAPITAL LETTER SHO\t3F7\n\
GREEK CAPITAL LETTER UPSILON WITH DIALYTIKA\t3AB\n\
GREEK CAPITAL LETTER UPSILON WITH TONOS\t38E\n\
GREEK CAPITAL LETTER YOT\t37F\n\
GREEK CAPITAL LUNATE SIGMA SYMBOL\t3F9\n\
GREEK CAPITAL REVERSED DOTTED LUNATE SIGMA SYMBOL\t3FF\n\
GREEK CAPITAL REVERSED LUNATE SIGMA SYMBOL\t3FD\n\
GREEK CAPITAL THETA SYMBOL\t3F4\n\
GREEK DIALYTIKA TONOS\t385\n\
GREEK KAI SYMBOL\t3D7\n\
GREEK KAPPA SYMBOL\t3F0\n\
GREEK LETTER ARCHAIC KOPPA\t3D8\n\
GREEK LETTER DIGAMMA\t3DC\n\
GREEK LETTER KOPPA\t3DE\n\
GREEK LETTER SAMPI\t3E0\n\
GREEK LETTER STIGMA\t3DA\n\
GREEK LETTER YOT\t3F3\n\
GREEK LOWER NUMERAL SIGN\t375\n\
GREEK LUNATE EPSILON SYMBOL\t3F5\n\
GREEK LUNATE SIGMA SYMBOL\t3F2\n\
GREEK NUMERAL SIGN\t374\n\
GREEK PHI SYMBOL\t3D5\n\
GREEK PI SYMBOL\t3D6\n\
GREEK QUESTION MARK\t37E\n\
GREEK REVERSED LUNATE EPSILON SYMBOL\t3F6\n\
GREEK RHO SYMBOL\t3F1\n\
GREEK RHO WITH STROKE SYMBOL\t3FC\n\
GREEK SMALL DOTTED LUNATE SIGMA SYMBOL\t37C\n\
GREEK SMALL LETTER ALPHA WITH TONOS\t3AC\n\
GREEK SMALL LETTER ARCHAIC KOPPA\t3D9\n\
GREEK SMALL LETTER ARCHAIC SAMPI\t373\n\
GREEK SMALL LETTER DIGAMMA\t3DD\n\
GREEK SMALL LETTER EPSILON WITH TONOS\t3AD\n\
GREEK SMALL LETTER ETA WITH TONOS\t3AE\n\
GREEK SMALL LETTER HETA\t371\n\
GREEK SMALL LETTER IOTA WITH DIALYTIKA\t3CA\n\
GREEK SMALL LETTER IOTA WITH DIALYTIKA AND TONOS\t390\n\
GREEK SMALL LETTER IOTA WITH TONOS\t3AF\n\
GREEK SMALL LETTER KOPPA\t3DF\n\
GREEK SMALL LETTER OMEGA WITH TONOS\t3CE\n\
GREEK SMALL LETTER OMICRON WITH TONOS\t3CC\n\
GREEK SMALL LETTER PAMPHYLIAN DIGAMMA\t377\n\
GREEK SMALL LETTER SAMPI\t3E1\n\
GREEK SMALL LETTER SAN\t3FB\n\
GREEK SMALL LETTER SHO\t3F8\n\
GREEK SMALL LETTER STIGMA\t3DB\n\
GREEK SMALL LETTER UPSILON WITH DIALYTIKA\t3CB\n\
GREEK SMALL LETTER UPSILON WITH DIALYTIKA AND TONOS\t3B0\n\
GREEK SMALL LETTER UPSILON WITH TONOS\t3CD\n\
GREEK SMALL REVERSED DOTTED LUNATE SIGMA SYMBOL\t37D\n\
GREEK SMALL REVERSED LUNATE SIGMA SYMBOL\t37B\n\
GREEK THETA SYMBOL\t3D1\n\
GREEK TONOS\t384\n\
GREEK UPSILON WITH ACUTE AND HOOK SYMBOL\t3D3\n\
GREEK UPSILON WITH DIAERESIS AND HOOK SYMBOL\t3D4\n\
GREEK UPSILON WITH HOOK SYMBOL\t3D2\n\
GREEK YPOGEGRAMMENI\t37A\n\
GRINNING FACE\t1F600\n\
GUARANI SIGN\t20B2\n\
HAIR SPACE\t200A\n\
HAMMER\t1F528\n\
HANGUL SYLLABLE GA\tAC00\n\
HANGZHOU NUMERAL TWENTY\t3039\n\
HEART WITH ARROW\t1F498\n\
HEAVY BALLOT X\t2718\n\
HEAVY BLACK HEART\t2764\n\
HEAVY CHECK MARK\t2714\n\
HEAVY DIVISION SIGN\t2797\n\
HEAVY EXCLAMATION MARK SYMBOL\t2757\n\
HEAVY MINUS SIGN\t2796\n\
HEAVY MULTIPLICATION X\t2716\n\
HEAVY PLUS SIGN\t2795\n\
HEAVY WIDE-HEADED RIGHTWARDS ARROW\t2794\n\
HEBREW LETTER ALEF\t5D0\n\
HERMITIAN CONJUGATE MATRIX\t22B9\n\
HIGH VOLTAGE SIGN\t26A1\n\
HIRAGANA LETTER A\t3042\n\
HOMOTHETIC\t223B\n\
HORIZONTAL BAR\t2015\n\
HORIZONTAL ELLIPSIS\t2026\n\
HOT BEVERAGE\t2615\n\
HOURGLASS\t231B\n\
HRYVNIA SIGN\t20B4\n\
HUNDRED POINTS SYMBOL\t1F4AF\n\
HYPHEN\t2010\n\
HYPHEN BULLET\t2043\n\
HYPHEN-MINUS\t2D\n\
HYPHENATION POINT\t2027\n\
IDENTICAL TO\t2261\n\
IDEOGRAPHIC COMMA\t3001\n\
IDEOGRAPHIC FULL STOP\t3002\n\
IDEOGRAPHIC SPACE\t3000\n\
IMAGE OF\t22B7\n\
IMAGE OF OR APPROXIMATELY EQUAL TO\t2253\n\
INCREMENT\t2206\n\
INDIAN RUPEE SIGN\t20B9\n\
INFINITY\t221E\n\
INFORMATION SOURCE\t2139\n\
INHIBIT ARABIC FORM SHAPING\t206C\n\
INHIBIT SYMMETRIC SWAPPING\t206A\n\
INTEGRAL\t222B\n\
INTERCALATE\t22BA\n\
INTERROBANG\t203D\n\
INTERSECTION\t2229\n\
INVERTED EXCLAMATION MARK\tA1\n\
INVERTED LAZY S\t223E\n\
INVERTED OHM SIGN\t2127\n\
INVERTED QUESTION MARK\tBF\n\
INVERTED UNDERTIE\t2054\n\
INVISIBLE PLUS\t2064\n\
INVISIBLE SEPARATOR\t2063\n\
INVISIBLE TIMES\t2062\n\
KATAKANA LETTER A\t30A2\n\
KELVIN SIGN\t212A\n\
KEY\t1F511\n\
KIP SIGN\t20AD\n\
L B BAR SYMBOL\t2114\n\
LARGE CIRCLE\t25EF\n\
LARI SIGN\t20BE\n\
LATIN CAPITAL LETTER A WITH ACUTE\tC1\n\
LATIN CAPITAL LETTER A WITH BREVE\t102\n\
LATIN CAPITAL LETTER A WITH CIRCUMFLEX\tC2\n\
LATIN CAPITAL LETTER A WITH DIAERESIS\tC4\n\
LATIN CAPITAL LETTER A WITH GRAVE\tC0\n\
LATIN CAPITAL LETTER A WITH MACRON\t100\n\
LATIN CAPITAL LETTER A WITH OGONEK\t104\n\
LATIN CAPITAL LETTER A WITH RING ABOVE\tC5\n\
LATIN CAPITAL LETTER A WITH TILDE\tC3\n\
LATIN CAPITAL LETTER AE\tC6\n\
LATIN CAPITAL LETTER C WITH ACUTE\t106\n\
LATIN CAPITAL LETTER C WITH CARON\t10C\n\
LATIN CAPITAL LETTER C WITH CEDILLA\tC7\n\
LATIN CAPITAL LETTER C WITH CIRCUMFLEX\t108\n\
LATIN CAPITAL LETTER C WITH DOT ABOVE\t10A\n\
LATIN CAPITAL LETTER D WITH CARON\t10E\n\
LATIN CAPITAL LETTER D WITH STROKE\t110\n\
LATIN CAPITAL LETTER E WITH ACUTE\tC9\n\
LATIN CAPITAL LETTER E WITH BREVE\t114\n\
LATIN CAPITAL LETTER E WITH CARON\t11A\n\
LATIN CAPITAL LETTER E WITH CIRCUMFLEX\tCA\n\
LATIN CAPITAL LETTER E WITH DIAERESIS\tCB\n\
LATIN CAPITAL LETTER E WITH DOT ABOVE\t116\n\
LATIN CAPITAL LETTER E WITH GRAVE\tC8\n\
LATIN CAPITAL LETTER E WITH MACRON\t112\n\
LATIN CAPITAL LETTER E WITH OGONEK\t118\n\
LATIN CAPITAL LETTER ENG\t14A\n\
LATIN CAPITAL LETTER ETH\tD0\n\
LATIN CAPITAL LETTER G WITH BREVE\t11E\n\
LATIN CAPITAL LETTER G WITH CEDILLA\t122\n\
LATIN CAPITAL LETTER G WITH CIRCUMFLEX\t11C\n\
LATIN CAPITAL LETTER G WITH DOT ABOVE\t120\n\
LATIN CAPITAL LETTER H WITH CIRCUMFLEX\t124\n\
LATIN CAPITAL LETTER H WITH STROKE\t126\n\
LATIN CAPITAL LETTER I WITH ACUTE\tCD\n\
LATIN CAPITAL LETTER I WITH BREVE\t12C\n\
LATIN CAPITAL LETTER I WITH CIRCUMFLEX\tCE\n\
LATIN CAPITAL LETTER I WITH DIAERESIS\tCF\n\
LATIN CAPITAL LETTER I WITH DOT ABOVE\t130\n\
LATIN CAPITAL LETTER I WITH GRAVE\tCC\n\
LATIN CAPITAL LETTER I WITH MACRON\t12A\n\
LATIN CAPITAL LETTER I WITH OGONEK\t12E\n\
LATIN CAPITAL LETTER I WITH TILDE\t128\n\
LATIN CAPITAL LETTER J WITH CIRCUMFLEX\t134\n\
LATIN CAPITAL LETTER K WITH CEDILLA\t136\n\
LATIN CAPITAL LETTER L WITH ACUTE\t139\n\
LATIN CAPITAL LETTER L WITH CARON\t13D\n\
LATIN CAPITAL LETTER L WITH CEDILLA\t13B\n\
LATIN CAPITAL LETTER L WITH MIDDLE DOT\t13F\n\
LATIN CAPITAL LETTER L WITH STROKE\t141\n\
LATIN CAPITAL LETTER N WITH ACUTE\t143\n\
LATIN CAPITAL LETTER N WITH CARON\t147\n\
LATIN CAPITAL LETTER N WITH CEDILLA\t145\n\
LATIN CAPITAL LETTER N WITH TILDE\tD1\n\
LATIN CAPITAL LETTER O WITH ACUTE\tD3\n\
LATIN CAPITAL LETTER O WITH BREVE\t14E\n\
LATIN CAPITAL LETTER O WITH CIRCUMFLEX\tD4\n\
LATIN CAPITAL LETTER O WITH DIAERESIS\tD6\n\
LATIN CAPITAL LETTER O WITH DOUBLE ACUTE\t150\n\
LATIN CAPITAL LETTER O WITH GRAVE\tD2\n\
LATIN CAPITAL LETTER O WITH MACRON\t14C\n\
LATIN CAPITAL LETTER O WITH STROKE\tD8\n\
LATIN CAPITAL LETTER O WITH TILDE\tD5\n\
LATIN CAPITAL LETTER R WITH ACUTE\t154\n\
LATIN CAPITAL LETTER R WITH CARON\t158\n\
LATIN CAPITAL LETTER R WITH CEDILLA\t156\n\
LATIN CAPITAL LETTER S WITH ACUTE\t15A\n\
LATIN CAPITAL LETTER S WITH CARON\t160\n\
LATIN CAPITAL LETTER S WITH CEDILLA\t15E\n\
LATIN CAPITAL LETTER S WITH CIRCUMFLEX\t15C\n\
LATIN CAPITAL LETTER T WITH CARON\t164\n\
LATIN CAPITAL LETTER T WITH CEDILLA\t162\n\
LATIN CAPITAL LETTER T WITH STROKE\t166\n\
LATIN CAPITAL LETTER THORN\tDE\n\
LATIN CAPITAL LETTER U WITH ACUTE\tDA\n\
LATIN CAPITAL LETTER U WITH BREVE\t16C\n\
LATIN CAPITAL LETTER U WITH CIRCUMFLEX\tDB\n\
LATIN CAPITAL LETTER U WITH DIAERESIS\tDC\n\
LATIN CAPITAL LETTER U WITH DOUBLE ACUTE\t170\n\
LATIN CAPITAL LETTER U WITH GRAVE\tD9\n\
LATIN CAPITAL LETTER U WITH MACRON\t16A\n\
LATIN CAPITAL LETTER U WITH OGONEK\t172\n\
LATIN CAPITAL LETTER U WITH RING ABOVE\t16E\n\
LATIN CAPITAL LETTER U WITH TILDE\t168\n\
LATIN CAPITAL LETTER W WITH CIRCUMFLEX\t174\n\
LATIN CAPITAL LETTER Y WITH ACUTE\tDD\n\
LATIN CAPITAL LETTER Y WITH CIRCUMFLEX\t176\n\
LATIN CAPITAL LETTER Y WITH DIAERESIS\t178\n\
LATIN CAPITAL LETTER Z WITH ACUTE\t179\n\
LATIN CAPITAL LETTER Z WITH CARON\t17D\n\
LATIN CAPITAL LETTER Z WITH DOT ABOVE\t17B\n\
LATIN CAPITAL LIGATURE IJ\t132\n\
LATIN CAPITAL LIGATURE OE\t152\n\
LATIN LETTER GLOTTAL STOP\t294\n\
LATIN SMALL LETTER A WITH ACUTE\tE1\n\
LATIN SMALL LETTER A WITH BREVE\t103\n\
LATIN SMALL LETTER A WITH CARON\t1CE\n\
LATIN SMALL LETTER A WITH CIRCUMFLEX\tE2\n\
LATIN SMALL LETTER A WITH DIAERESIS\tE4\n\
LATIN SMALL LETTER A WITH GRAVE\tE0\n\
LATIN SMALL LETTER A WITH MACRON\t101\n\
LATIN SMALL LETTER A WITH OGONEK\t105\n\
LATIN SMALL LETTER A WITH RING ABOVE\tE5\n\
LATIN SMALL LETTER A WITH TILDE\tE3\n\
LATIN SMALL LETTER AE\tE6\n\
LATIN SMALL LETTER C WITH ACUTE\t107\n\
LATIN SMALL LETTER C WITH CARON\t10D\n\
LATIN SMALL LETTER C WITH CEDILLA\tE7\n\
LATIN SMALL LETTER C WITH CIRCUMFLEX\t109\n\
LATIN SMALL LETTER C WITH DOT ABOVE\t10B\n\
LATIN SMALL LETTER D WITH CARON\t10F\n\
LATIN SMALL LETTER D WITH STROKE\t111\n\
LATIN SMALL LETTER DOTLESS I\t131\n\
LATIN SMALL LETTER E WITH ACUTE\tE9\n\
LATIN SMALL LETTER E WITH BREVE\t115\n\
LATIN SMALL LETTER E WITH CARON\t11B\n\
LATIN SMALL LETTER E WITH CIRCUMFLEX\tEA\n\
LATIN SMALL LETTER E WITH DIAERESIS\tEB\n\
LATIN SMALL LETTER E WITH DOT ABOVE\t117\n\
LATIN SMALL LETTER E WITH GRAVE\tE8\n\
LATIN SMALL LETTER E WITH MACRON\t113\n\
LATIN SMALL LETTER E WITH OGONEK\t119\n\
LATIN SMALL LETTER ENG\t14B\n\
LATIN SMALL LETTER ETH\tF0\n\
LATIN SMALL LETTER G WITH BREVE\t11F\n\
LATIN SMALL LETTER G WITH CEDILLA\t123\n\
LATIN SMALL LETTER G WITH CIRCUMFLEX\t11D\n\
LATIN SMALL LETTER G WITH DOT ABOVE\t121\n\
LATIN SMALL LETTER H WITH CIRCUMFLEX\t125\n\
LATIN SMALL LETTER H WITH STROKE\t127\n\
LATIN SMALL LETTER I WITH ACUTE\tED\n\
LATIN SMALL LETTER I WITH BREVE\t12D\n\
LATIN SMALL LETTER I WITH CIRCUMFLEX\tEE\n\
LATIN SMALL LETTER I WITH DIAERESIS\tEF\n\
LATIN SMALL LETTER I WITH GRAVE\tEC\n\
LATIN SMALL LETTER I WITH MACRON\t12B\n\
LATIN SMALL LETTER I WITH OGONEK\t12F\n\
LATIN SMALL LETTER I WITH TILDE\t129\n\
LATIN SMALL LETTER J WITH CIRCUMFLEX\t135\n\
LATIN SMALL LETTER K WITH CEDILLA\t137\n\
LATIN SMALL LETTER KRA\t138\n\
LATIN SMALL LETTER L WITH ACUTE\t13A\n\
LATIN SMALL LETTER L WITH CARON\t13E\n\
LATIN SMALL LETTER L WITH CEDILLA\t13C\n\
LATIN SMALL LETTER L WITH MIDDLE DOT\t140\n\
LATIN SMALL LETTER L WITH STROKE\t142\n\
LATIN SMALL LETTER LONG S\t17F\n\
LATIN SMALL LETTER N PRECEDED BY APOSTROPHE\t149\n\
LATIN SMALL LETTER N WITH ACUTE\t144\n\
LATIN SMALL LETTER N WITH CARON\t148\n\
LATIN SMALL LETTER N WITH CEDILLA\t146\n\
LATIN SMALL LETTER N WITH TILDE\tF1\n\
LATIN SMALL LETTER O WITH ACUTE\tF3\n\
LATIN SMALL LETTER O WITH BREVE\t14F\n\
LATIN SMALL LETTER O WITH CIRCUMFLEX\tF4\n\
LATIN SMALL LETTER O WITH DIAERESIS\tF6\n\
LATIN SMALL LETTER O WITH DOUBLE ACUTE\t151\n\
LATIN SMALL LETTER O WITH GRAVE\tF2\n\
LATIN SMALL LETTER O WITH HORN\t1A1\n\
LATIN SMALL LETTER O WITH MACRON\t14D\n\
LATIN SMALL LETTER O WITH STROKE\tF8\n\
LATIN SMALL LETTER O WITH TILDE\tF5\n\
LATIN SMALL LETTER R WITH ACUTE\t155\n\
LATIN SMALL LETTER R WITH CARON\t159\n\
LATIN SMALL LETTER R WITH CEDILLA\t157\n\
LATIN SMALL LETTER REVERSED C\t2184\n\
LATIN SMALL LETTER S WITH ACUTE\t15B\n\
LATIN SMALL LETTER S WITH CARON\t161\n\
LATIN SMALL LETTER S WITH CEDILLA\t15F\n\
LATIN SMALL LETTER S WITH CIRCUMFLEX\t15D\n\
LATIN SMALL LETTER SCHWA\t259\n\
LATIN SMALL LETTER SHARP S\tDF\n\
LATIN SMALL LETTER T WITH CARON\t165\n\
LATIN SMALL LETTER T WITH CEDILLA\t163\n\
LATIN SMALL LETTER T WITH STROKE\t167\n\
LATIN SMALL LETTER THORN\tFE\n\
LATIN SMALL LETTER U WITH ACUTE\tFA\n\
LATIN SMALL LETTER U WITH BREVE\t16D\n\
LATIN SMALL LETTER U WITH CIRCUMFLEX\tFB\n\
LATIN SMALL LETTER U WITH DIAERESIS\tFC\n\
LATIN SMALL LETTER U WITH DOUBLE ACUTE\t171\n\
LATIN SMALL LETTER U WITH GRAVE\tF9\n\
LATIN SMALL LETTER U WITH MACRON\t16B\n\
LATIN SMALL LETTER U WITH OGONEK\t173\n\
LATIN SMALL LETTER U WITH RING ABOVE\t16F\n\
LATIN SMALL LETTER U WITH TILDE\t169\n\
LATIN SMALL LETTER W WITH CIRCUMFLEX\t175\n\
LATIN SMALL LETTER Y WITH ACUTE\tFD\n\
LATIN SMALL LETTER Y WITH CIRCUMFLEX\t177\n\
LATIN SMALL LETTER Y WITH DIAERESIS\tFF\n\
LATIN SMALL LETTER Z WITH ACUTE\t17A\n\
LATIN SMALL LETTER Z WITH CARON\t17E\n\
LATIN SMALL LETTER Z WITH DOT ABOVE\t17C\n\
LATIN SMALL LIGATURE FF\tFB00\n\
LATIN SMALL LIGATURE FFI\tFB03\n\
LATIN SMALL LIGATURE FI\tFB01\n\
LATIN SMALL LIGATURE IJ\t133\n\
LATIN SMALL LIGATURE LONG S T\tFB05\n\
LATIN SMALL LIGATURE OE\t153\n\
LATIN SMALL LIGATURE ST\tFB06\n\
LATIN SUBSCRIPT SMALL LETTER A\t2090\n\
LATIN SUBSCRIPT SMALL LETTER E\t2091\n\
LATIN SUBSCRIPT SMALL LETTER H\t2095\n\
LATIN SUBSCRIPT SMALL LETTER I\t1D62\n\
LATIN SUBSCRIPT SMALL LETTER K\t2096\n\
LATIN SUBSCRIPT SMALL LETTER L\t2097\n\
LATIN SUBSCRIPT SMALL LETTER M\t2098\n\
LATIN SUBSCRIPT SMALL LETTER N\t2099\n\
LATIN SUBSCRIPT SMALL LETTER O\t2092\n\
LATIN SUBSCRIPT SMALL LETTER P\t209A\n\
LATIN SUBSCRIPT SMALL LETTER S\t209B\n\
LATIN SUBSCRIPT SMALL LETTER SCHWA\t2094\n\
LATIN SUBSCRIPT SMALL LETTER T\t209C\n\
LATIN SUBSCRIPT SMALL LETTER X\t2093\n\
LEFT ANGLE BRACKET\t3008\n\
LEFT CORNER BRACKET\t300C\n\
LEFT CURLY BRACKET\t7B\n\
LEFT DOUBLE QUOTATION MARK\t201C\n\
LEFT NORMAL FACTOR SEMIDIRECT PRODUCT\t22C9\n\
LEFT PARENTHESIS\t28\n\
LEFT RIGHT ARROW\t2194\n\
LEFT RIGHT ARROW WITH DOUBLE VERTICAL STROKE\t21FC\n\
LEFT RIGHT ARROW WITH STROKE\t21AE\n\
LEFT RIGHT ARROW WITH VERTICAL STROKE\t21F9\n\
LEFT RIGHT DOUBLE ARROW\t21D4\n\
LEFT RIGHT DOUBLE ARROW WITH STROKE\t21CE\n\
LEFT RIGHT OPEN-HEADED ARROW\t21FF\n\
LEFT RIGHT WAVE ARROW\t21AD\n\
LEFT SEMIDIRECT PRODUCT\t22CB\n\
LEFT SINGLE QUOTATION MARK\t2018\n\
LEFT SQUARE BRACKET\t5B\n\
LEFT SQUARE BRACKET WITH QUILL\t2045\n\
LEFT TACK\t22A3\n\
LEFT-POINTING DOUBLE ANGLE QUOTATION MARK\tAB\n\
LEFT-TO-RIGHT EMBEDDING\t202A\n\
LEFT-TO-RIGHT ISOLATE\t2066\n\
LEFT-TO-RIGHT MARK\t200E\n\
LEFT-TO-RIGHT OVERRIDE\t202D\n\
LEFTWARDS ARROW\t2190\n\
LEFTWARDS ARROW FROM BAR\t21A4\n\
LEFTWARDS ARROW OVER RIGHTWARDS ARROW\t21C6\n\
LEFTWARDS ARROW TO BAR\t21E4\n\
LEFTWARDS ARROW TO BAR OVER RIGHTWARDS ARROW TO BAR\t21B9\n\
LEFTWARDS ARROW WITH DOUBLE VERTICAL STROKE\t21FA\n\
LEFTWARDS ARROW WITH HOOK\t21A9\n\
LEFTWARDS ARROW WITH LOOP\t21AB\n\
LEFTWARDS ARROW WITH STROKE\t219A\n\
LEFTWARDS ARROW WITH TAIL\t21A2\n\
LEFTWARDS ARROW WITH VERTICAL STROKE\t21F7\n\
LEFTWARDS BLACK ARROW\t2B05\n\
LEFTWARDS DASHED ARROW\t21E0\n\
LEFTWARDS DOUBLE ARROW\t21D0\n\
LEFTWARDS DOUBLE ARROW WITH STROKE\t21CD\n\
LEFTWARDS HARPOON OVER RIGHTWARDS HARPOON\t21CB\n\
LEFTWARDS HARPOON WITH BARB DOWNWARDS\t21BD\n\
LEFTWARDS HARPOON WITH BARB UPWARDS\t21BC\n\
LEFTWARDS OPEN-HEADED ARROW\t21FD\n\
LEFTWARDS PAIRED ARROWS\t21C7\n\
LEFTWARDS SQUIGGLE ARROW\t21DC\n\
LEFTWARDS TRIPLE ARROW\t21DA\n\
LEFTWARDS TWO HEADED ARROW\t219E\n\
LEFTWARDS WAVE ARROW\t219C\n\
LEFTWARDS WHITE ARROW\t21E6\n\
LESS-THAN BUT NOT EQUAL TO\t2268\n\
LESS-THAN BUT NOT EQUIVALENT TO\t22E6\n\
LESS-THAN EQUAL TO OR GREATER-THAN\t22DA\n\
LESS-THAN OR EQUAL TO\t2264\n\
LESS-THAN OR EQUIVALENT TO\t2272\n\
LESS-THAN OR GREATER-THAN\t2276\n\
LESS-THAN OVER EQUAL TO\t2266\n\
LESS-THAN SIGN\t3C\n\
LESS-THAN WITH DOT\t22D6\n\
LF\tA\n\
LIGHT SHADE\t2591\n\
LIGHT VERTICAL BAR\t2758\n\
LINE FEED\tA\n\
LINE SEPARATOR\t2028\n\
LINE TABULATION\tB\n\
LIRA SIGN\t20A4\n\
LIVRE TOURNOIS SIGN\t20B6\n\
LOCK\t1F512\n\
LOGICAL AND\t2227\n\
LOGICAL OR\t2228\n\
LONG RIGHTWARDS SQUIGGLE ARROW\t27FF\n\
LOW ASTERISK\t204E\n\
LOW LINE\t5F\n\
LOWER HALF BLOCK\t2584\n\
LOZENGE\t25CA\n\
MACRON\tAF\n\
MANAT SIGN\t20BC\n\
MASCULINE ORDINAL INDICATOR\tBA\n\
MATHEMATICAL BOLD CAPITAL A\t1D400\n\
MATHEMATICAL BOLD SMALL FINAL SIGMA\t1D6D3\n\
MATHEMATICAL ITALIC SMALL X\t1D465\n\
MATHEMATICAL LEFT ANGLE BRACKET\t27E8\n\
MATHEMATICAL RIGHT ANGLE BRACKET\t27E9\n\
MEASURED ANGLE\t2221\n\
MEASURED BY\t225E\n\
MEDIUM MATHEMATICAL SPACE\t205F\n\
MEDIUM SHADE\t2592\n\
MICRO SIGN\tB5\n\
MIDDLE DOT\tB7\n\
MIDLINE HORIZONTAL ELLIPSIS\t22EF\n\
MILL SIGN\t20A5\n\
MINUS SIGN\t2212\n\
MINUS TILDE\t2242\n\
MINUS-OR-PLUS SIGN\t2213\n\
MODELS\t22A7\n\
MODIFIER LETTER APOSTROPHE\t2BC\n\
MODIFIER LETTER CIRCUMFLEX ACCENT\t2C6\n\
MODIFIER LETTER PRIME\t2B9\n\
MUCH GREATER-THAN\t226B\n\
MUCH LESS-THAN\t226A\n\
MULTIMAP\t22B8\n\
MULTIPLICATION SIGN\tD7\n\
MULTISET\t228C\n\
MULTISET MULTIPLICATION\t228D\n\
MULTISET UNION\t228E\n\
N-ARY CIRCLED TIMES OPERATOR\t2A02\n\
N-ARY COPRODUCT\t2210\n\
N-ARY INTERSECTION\t22C2\n\
N-ARY LOGICAL AND\t22C0\n\
N-ARY LOGICAL OR\t22C1\n\
N-ARY PRODUCT\t220F\n\
N-ARY SUMMATION\t2211\n\
N-ARY UNION\t22C3\n\
NABLA\t2207\n\
NAIRA SIGN\t20A6\n\
NAND\t22BC\n\
NARROW NO-BREAK SPACE\t202F\n\
NATIONAL DIGIT SHAPES\t206E\n\
NBSP\tA0\n\
NEGATED DOUBLE VERTICAL BAR DOUBLE RIGHT TURNSTILE\t22AF\n\
NEITHER A SUBSET OF NOR EQUAL TO\t2288\n\
NEITHER A SUPERSET OF NOR EQUAL TO\t2289\n\
NEITHER APPROXIMATELY NOR ACTUALLY EQUAL TO\t2247\n\
NEITHER GREATER-THAN NOR EQUAL TO\t2271\n\
NEITHER GREATER-THAN NOR EQUIVALENT TO\t2275\n\
NEITHER GREATER-THAN NOR LESS-THAN\t2279\n\
NEITHER LESS-THAN NOR EQUAL TO\t2270\n\
NEITHER LESS-THAN NOR EQUIVALENT TO\t2274\n\
NEITHER LESS-THAN NOR GREATER-THAN\t2278\n\
NEL\t85\n\
NEW LINE\tA\n\
NEW SHEQEL SIGN\t20AA\n\
NEXT LINE\t85\n\
NO-BREAK SPACE\tA0\n\
NOMINAL DIGIT SHAPES\t206F\n\
NON-BREAKING HYPHEN\t2011\n\
NOR\t22BD\n\
NORDIC MARK SIGN\t20BB\n\
NORMAL SUBGROUP OF\t22B2\n\
NORMAL SUBGROUP OF OR EQUAL TO\t22B4\n\
NORTH EAST ARROW\t2197\n\
NORTH EAST DOUBLE ARROW\t21D7\n\
NORTH WEST ARROW\t2196\n\
NORTH WEST ARROW TO CORNER\t21F1\n\
NORTH WEST ARROW TO LONG BAR\t21B8\n\
NORTH WEST DOUBLE ARROW\t21D6\n\
NOT A SUBSET OF\t2284\n\
NOT A SUPERSET OF\t2285\n\
NOT ALMOST EQUAL TO\t2249\n\
NOT AN ELEMENT OF\t2209\n\
NOT ASYMPTOTICALLY EQUAL TO\t2244\n\
NOT EQUAL TO\t2260\n\
NOT EQUIVALENT TO\t226D\n\
NOT GREATER-THAN\t226F\n\
NOT IDENTICAL TO\t2262\n\
NOT LESS-THAN\t226E\n\
NOT NORMAL SUBGROUP OF\t22EA\n\
NOT NORMAL SUBGROUP OF OR EQUAL TO\t22EC\n\
NOT PARALLEL TO\t2226\n\
NOT SIGN\tAC\n\
NOT SQUARE IMAGE OF OR EQUAL TO\t22E2\n\
NOT SQUARE ORIGINAL OF OR EQUAL TO\t22E3\n\
NOT TILDE\t2241\n\
NOT TRUE\t22AD\n\
NULL\t0\n\
NUMBER SIGN\t23\n\
NUMERO SIGN\t2116\n\
OBJECT REPLACEMENT CHARACTER\tFFFC\n\
OHM SIGN\t2126\n\
ONE DOT LEADER\t2024\n\
ORIGINAL OF\t22B6\n\
OUNCE SIGN\t2125\n\
OVERLINE\t203E\n\
PAPERCLIP\t1F4CE\n\
PARAGRAPH SEPARATOR\t2029\n\
PARALLEL TO\t2225\n\
PARENTHESIZED DIGIT ONE\t2474\n\
PARTIAL DIFFERENTIAL\t2202\n\
PARTY POPPER\t1F389\n\
PEACE SYMBOL\t262E\n\
PER MILLE SIGN\t2030\n\
PER SIGN\t214C\n\
PER TEN THOUSAND SIGN\t2031\n\
PERCENT SIGN\t25\n\
PESETA SIGN\t20A7\n\
PESO SIGN\t20B1\n\
PILCROW SIGN\tB6\n\
PILE OF POO\t1F4A9\n\
PITCHFORK\t22D4\n\
PLANCK CONSTANT\t210E\n\
PLANCK CONSTANT OVER TWO PI\t210F\n\
PLUS SIGN\t2B\n\
PLUS-MINUS SIGN\tB1\n\
POP DIRECTIONAL FORMATTING\t202C\n\
POP DIRECTIONAL ISOLATE\t2069\n\
POUND SIGN\tA3\n\
PRECEDES\t227A\n\
PRECEDES BUT NOT EQUIVALENT TO\t22E8\n\
PRECEDES OR EQUAL TO\t227C\n\
PRECEDES OR EQUIVALENT TO\t227E\n\
PRECEDES UNDER RELATION\t22B0\n\
PRESCRIPTION TAKE\t211E\n\
PRIME\t2032\n\
PROPERTY LINE\t214A\n\
PROPORTION\t2237\n\
PROPORTIONAL TO\t221D\n\
PUNCTUATION SPACE\t2008\n\
PUSHPIN\t1F4CC\n\
QUADRUPLE PRIME\t2057\n\
QUESTION EXCLAMATION MARK\t2048\n\
QUESTION MARK\t3F\n\
QUESTIONED EQUAL TO\t225F\n\
QUOTATION MARK\t22\n\
RADIOACTIVE SIGN\t2622\n\
RATIO\t2236\n\
RED APPLE\t1F34E\n\
REFERENCE MARK\t203B\n\
REGISTERED SIGN\tAE\n\
REPLACEMENT CHARACTER\tFFFD\n\
RESPONSE\t211F\n\
REVERSE SOLIDUS\t5C\n\
REVERSED DOUBLE PRIME\t2036\n\
REVERSED PILCROW SIGN\t204B\n\
REVERSED PRIME\t2035\n\
REVERSED SANS-SERIF CAPITAL L\t2143\n\
REVERSED SEMICOLON\t204F\n\
REVERSED TILDE\t223D\n\
REVERSED TILDE EQUALS\t22CD\n\
REVERSED TRIPLE PRIME\t2037\n\
RIGHT ANGLE\t221F\n\
RIGHT ANGLE BRACKET\t3009\n\
RIGHT ANGLE WITH ARC\t22BE\n\
RIGHT ARROW WITH SMALL CIRCLE\t21F4\n\
RIGHT CORNER BRACKET\t300D\n\
RIGHT CURLY BRACKET\t7D\n\
RIGHT DOUBLE QUOTATION MARK\t201D\n\
RIGHT NORMAL FACTOR SEMIDIRECT PRODUCT\t22CA\n\
RIGHT PARENTHESIS\t29\n\
RIGHT SEMIDIRECT PRODUCT\t22CC\n\
RIGHT SINGLE QUOTATION MARK\t2019\n\
RIGHT SQUARE BRACKET\t5D\n\
RIGHT SQUARE BRACKET WITH QUILL\t2046\n\
RIGHT TACK\t22A2\n\
RIGHT TRIANGLE\t22BF\n\
RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK\tBB\n\
RIGHT-TO-LEFT EMBEDDING\t202B\n\
RIGHT-TO-LEFT ISOLATE\t2067\n\
RIGHT-TO-LEFT MARK\t200F\n\
RIGHT-TO-LEFT OVERRIDE\t202E\n\
RIGHTWARDS ARROW\t2192\n\
RIGHTWARDS ARROW FROM BAR\t21A6\n\
RIGHTWARDS ARROW OVER LEFTWARDS ARROW\t21C4\n\
RIGHTWARDS ARROW TO BAR\t21E5\n\
RIGHTWARDS ARROW WITH CORNER DOWNWARDS\t21B4\n\
RIGHTWARDS ARROW WITH DOUBLE VERTICAL STROKE\t21FB\n\
RIGHTWARDS ARROW WITH HOOK\t21AA\n\
RIGHTWARDS ARROW WITH LOOP\t21AC\n\
RIGHTWARDS ARROW WITH STROKE\t219B\n\
RIGHTWARDS ARROW WITH TAIL\t21A3\n\
RIGHTWARDS ARROW WITH VERTICAL STROKE\t21F8\n\
RIGHTWARDS DASHED ARROW\t21E2\n\
RIGHTWARDS DOUBLE ARROW\t21D2\n\
RIGHTWARDS DOUBLE ARROW WITH STROKE\t21CF\n\
RIGHTWARDS HARPOON OVER LEFTWARDS HARPOON\t21CC\n\
RIGHTWARDS HARPOON WITH BARB DOWNWARDS\t21C1\n\
RIGHTWARDS HARPOON WITH BARB UPWARDS\t21C0\n\
RIGHTWARDS OPEN-HEADED ARROW\t21FE\n\
RIGHTWARDS PAIRED ARROWS\t21C9\n\
RIGHTWARDS SQUIGGLE ARROW\t21DD\n\
RIGHTWARDS TRIPLE ARROW\t21DB\n\
RIGHTWARDS TWO HEADED ARROW\t21A0\n\
RIGHTWARDS WAVE ARROW\t219D\n\
RIGHTWARDS WHITE ARROW\t21E8\n\
RIGHTWARDS WHITE ARROW FROM WALL\t21F0\n\
RING EQUAL TO\t2257\n\
RING IN EQUAL TO\t2256\n\
RING OPERATOR\t2218\n\
ROCKET\t1F680\n\
ROMAN NUMERAL EIGHT\t2167\n\
ROMAN NUMERAL ELEVEN\t216A\n\
ROMAN NUMERAL FIFTY\t216C\n\
ROMAN NUMERAL FIFTY EARLY FORM\t2186\n\
ROMAN NUMERAL FIFTY THOUSAND\t2187\n\
ROMAN NUMERAL FIVE\t2164\n\
ROMAN NUMERAL FIVE HUNDRED\t216E\n\
ROMAN NUMERAL FIVE THOUSAND\t2181\n\
ROMAN NUMERAL FOUR\t2163\n\
ROMAN NUMERAL NINE\t2168\n\
ROMAN NUMERAL ONE\t2160\n\
ROMAN NUMERAL ONE HUNDRED\t216D\n\
ROMAN NUMERAL ONE HUNDRED THOUSAND\t2188\n\
ROMAN NUMERAL ONE THOUSAND\t216F\n\
ROMAN NUMERAL ONE THOUSAND C D\t2180\n\
ROMAN NUMERAL REVERSED ONE HUNDRED\t2183\n\
ROMAN NUMERAL SEVEN\t2166\n\
ROMAN NUMERAL SIX\t2165\n\
ROMAN NUMERAL SIX LATE FORM\t2185\n\
ROMAN NUMERAL TEN\t2169\n\
ROMAN NUMERAL TEN THOUSAND\t2182\n\
ROMAN NUMERAL THREE\t2162\n\
ROMAN NUMERAL TWELVE\t216B\n\
ROMAN NUMERAL TWO\t2161\n\
ROTATED CAPITAL Q\t213A\n\
RUBLE SIGN\t20BD\n\
RUPEE SIGN\t20A8\n\
SCRIPT CAPITAL B\t212C\n\
SCRIPT CAPITAL E\t2130\n\
SCRIPT CAPITAL F\t2131\n\
SCRIPT CAPITAL H\t210B\n\
SCRIPT CAPITAL I\t2110\n\
SCRIPT CAPITAL L\t2112\n\
SCRIPT CAPITAL M\t2133\n\
SCRIPT CAPITAL P\t2118\n\
SCRIPT CAPITAL R\t211B\n\
SCRIPT SMALL E\t212F\n\
SCRIPT SMALL G\t210A\n\
SCRIPT SMALL L\t2113\n\
SCRIPT SMALL O\t2134\n\
SCRUPLE\t2108\n\
SECTION SIGN\tA7\n\
SEMICOLON\t3B\n\
SERVICE MARK\t2120\n\
SET MINUS\t2216\n\
SHY\tAD\n\
SINE WAVE\t223F\n\
SINGLE HIGH-REVERSED-9 QUOTATION MARK\t201B\n\
SINGLE LEFT-POINTING ANGLE QUOTATION MARK\t2039\n\
SINGLE LOW-9 QUOTATION MARK\t201A\n\
SINGLE RIGHT-POINTING ANGLE QUOTATION MARK\t203A\n\
SIX-PER-EM SPACE\t2006\n\
SKULL AND CROSSBONES\t2620\n\
SMALL CONTAINS AS MEMBER\t220D\n\
SMALL CONTAINS WITH OVERBAR\t22FE\n\
SMALL CONTAINS WITH VERTICAL BAR AT END OF HORIZONTAL STROKE\t22FC\n\
SMALL ELEMENT OF\t220A\n\
SMALL ELEMENT OF WITH OVERBAR\t22F7\n\
SMALL ELEMENT OF WITH VERTICAL BAR AT END OF HORIZONTAL STROKE\t22F4\n\
SMALL ROMAN NUMERAL EIGHT\t2177\n\
SMALL ROMAN NUMERAL ELEVEN\t217A\n\
SMALL ROMAN NUMERAL FIFTY\t217C\n\
SMALL ROMAN NUMERAL FIVE\t2174\n\
SMALL ROMAN NUMERAL FIVE HUNDRED\t217E\n\
SMALL ROMAN NUMERAL FOUR\t2173\n\
SMALL ROMAN NUMERAL NINE\t2178\n\
SMALL ROMAN NUMERAL ONE\t2170\n\
SMALL ROMAN NUMERAL ONE HUNDRED\t217D\n\
SMALL ROMAN NUMERAL ONE THOUSAND\t217F\n\
SMALL ROMAN NUMERAL SEVEN\t2176\n\
SMALL ROMAN NUMERAL SIX\t2175\n\
SMALL ROMAN NUMERAL TEN\t2179\n\
SMALL ROMAN NUMERAL THREE\t2172\n\
SMALL ROMAN NUMERAL TWELVE\t217B\n\
SMALL ROMAN NUMERAL TWO\t2171\n\
SMILING CAT FACE WITH OPEN MOUTH\t1F63A\n\
SMILING FACE WITH OPEN MOUTH\t1F603\n\
SMILING FACE WITH SMILING EYES\t1F60A\n\
SNAKE\t1F40D\n\
SNOWMAN\t2603\n\
SOFT HYPHEN\tAD\n\
SOLIDUS\t2F\n\
SOM SIGN\t20C0\n\
SOUND RECORDING COPYRIGHT\t2117\n\
SOUTH EAST ARROW\t2198\n\
SOUTH EAST ARROW TO CORNER\t21F2\n\
SOUTH EAST DOUBLE ARROW\t21D8\n\
SOUTH WEST ARROW\t2199\n\
SOUTH WEST DOUBLE ARROW\t21D9\n\
SPACE\t20\n\
SPARKLES\t2728\n\
SPESMILO SIGN\t20B7\n\
SPHERICAL ANGLE\t2222\n\
SQUARE CAP\t2293\n\
SQUARE CUP\t2294\n\
SQUARE IMAGE OF\t228F\n\
SQUARE IMAGE OF OR EQUAL TO\t2291\n\
SQUARE IMAGE OF OR NOT EQUAL TO\t22E4\n\
SQUARE ORIGINAL OF\t2290\n\
SQUARE ORIGINAL OF OR EQUAL TO\t2292\n\
SQUARE ORIGINAL OF OR NOT EQUAL TO\t22E5\n\
SQUARE ROOT\t221A\n\
SQUARED DOT OPERATOR\t22A1\n\
SQUARED MINUS\t229F\n\
SQUARED PLUS\t229E\n\
SQUARED TIMES\t22A0\n\
STAR EQUALS\t225B\n\
STAR OPERATOR\t22C6\n\
STOPWATCH\t23F1\n\
STRICTLY EQUIVALENT TO\t2263\n\
SUBSCRIPT EIGHT\t2088\n\
SUBSCRIPT EQUALS SIGN\t208C\n\
SUBSCRIPT FIVE\t2085\n\
SUBSCRIPT FOUR\t2084\n\
SUBSCRIPT LEFT PARENTHESIS\t208D\n\
SUBSCRIPT MINUS\t208B\n\
SUBSCRIPT NINE\t2089\n\
SUBSCRIPT ONE\t2081\n\
SUBSCRIPT PLUS SIGN\t208A\n\
SUBSCRIPT RIGHT PARENTHESIS\t208E\n\
SUBSCRIPT SEVEN\t2087\n\
SUBSCRIPT SIX\t2086\n\
SUBSCRIPT THREE\t2083\n\
SUBSCRIPT TWO\t2082\n\
SUBSCRIPT ZERO\t2080\n\
SUBSET OF\t2282\n\
SUBSET OF OR EQUAL TO\t2286\n\
SUBSET OF WITH NOT EQUAL TO\t228A\n\
SUCCEEDS\t227B\n\
SUCCEEDS BUT NOT EQUIVALENT TO\t22E9\n\
SUCCEEDS OR EQUAL TO\t227D\n\
SUCCEEDS OR EQUIVALENT TO\t227F\n\
SUCCEEDS UNDER RELATION\t22B1\n\
SUN\t2609\n\
SUPERSCRIPT EIGHT\t2078\n\
SUPERSCRIPT EQUALS SIGN\t207C\n\
SUPERSCRIPT FIVE\t2075\n\
SUPERSCRIPT FOUR\t2074\n\
SUPERSCRIPT LATIN SMALL LETTER I\t2071\n\
SUPERSCRIPT LATIN SMALL LETTER N\t207F\n\
SUPERSCRIPT LEFT PARENTHESIS\t207D\n\
SUPERSCRIPT MINUS\t207B\n\
SUPERSCRIPT NINE\t2079\n\
SUPERSCRIPT ONE\tB9\n\
SUPERSCRIPT PLUS SIGN\t207A\n\
SUPERSCRIPT RIGHT PARENTHESIS\t207E\n\
SUPERSCRIPT SEVEN\t2077\n\
SUPERSCRIPT SIX\t2076\n\
SUPERSCRIPT THREE\tB3\n\
SUPERSCRIPT TWO\tB2\n\
SUPERSCRIPT ZERO\t2070\n\
SUPERSET OF\t2283\n\
SUPERSET OF OR EQUAL TO\t2287\n\
SUPERSET OF WITH NOT EQUAL TO\t228B\n\
SURFACE INTEGRAL\t222F\n\
SWUNG DASH\t2053\n\
SYMBOL FOR SAMARITAN SOURCE\t214F\n\
TAB\t9\n\
TELEPHONE SIGN\t2121\n\
TENGE SIGN\t20B8\n\
THAI CHARACTER KO KAI\tE01\n\
THAI DIGIT SIX\tE56\n\
THERE DOES NOT EXIST\t2204\n\
THERE EXISTS\t2203\n\
THEREFORE\t2234\n\
THIN SPACE\t2009\n\
THINKING FACE\t1F914\n\
THREE DOT PUNCTUATION\t2056\n\
THREE RIGHTWARDS ARROWS\t21F6\n\
THREE-PER-EM SPACE\t2004\n\
THUMBS DOWN SIGN\t1F44E\n\
THUMBS UP SIGN\t1F44D\n\
TILDE\t7E\n\
TILDE OPERATOR\t223C\n\
TIRONIAN SIGN ET\t204A\n\
TRADE MARK SIGN\t2122\n\
TRIANGULAR BULLET\t2023\n\
TRICOLON\t205D\n\
TRIPLE INTEGRAL\t222D\n\
TRIPLE PRIME\t2034\n\
TRIPLE TILDE\t224B\n\
TRIPLE VERTICAL BAR RIGHT TURNSTILE\t22AA\n\
TRUE\t22A8\n\
TUGRIK SIGN\t20AE\n\
TURKISH LIRA SIGN\t20BA\n\
TURNED AMPERSAND\t214B\n\
TURNED CAPITAL F\t2132\n\
TURNED DIGIT THREE\t218B\n\
TURNED DIGIT TWO\t218A\n\
TURNED GREEK SMALL LETTER IOTA\t2129\n\
TURNED SANS-SERIF CAPITAL G\t2141\n\
TURNED SANS-SERIF CAPITAL L\t2142\n\
TURNED SANS-SERIF CAPITAL Y\t2144\n\
TURNED SMALL F\t214E\n\
TWO ASTERISKS ALIGNED VERTICALLY\t2051\n\
TWO DOT LEADER\t2025\n\
TWO DOT PUNCTUATION\t205A\n\
UMBRELLA\t2602\n\
UNDERTIE\t203F\n\
UNION\t222A\n\
UP DOWN ARROW\t2195\n\
UP DOWN ARROW WITH BASE\t21A8\n\
UP DOWN DOUBLE ARROW\t21D5\n\
UP DOWN WHITE ARROW\t21F3\n\
UP RIGHT DIAGONAL ELLIPSIS\t22F0\n\
UP TACK\t22A5\n\
UPPER HALF BLOCK\t2580\n\
UPWARDS ARROW\t2191\n\
UPWARDS ARROW FROM BAR\t21A5\n\
UPWARDS ARROW LEFTWARDS OF DOWNWARDS ARROW\t21C5\n\
UPWARDS ARROW WITH DOUBLE STROKE\t21DE\n\
UPWARDS ARROW WITH TIP LEFTWARDS\t21B0\n\
UPWARDS ARROW WITH TIP RIGHTWARDS\t21B1\n\
UPWARDS BLACK ARROW\t2B06\n\
UPWARDS DASHED ARROW\t21E1\n\
UPWARDS DOUBLE ARROW\t21D1\n\
UPWARDS HARPOON WITH BARB LEFTWARDS\t21BF\n\
UPWARDS HARPOON WITH BARB RIGHTWARDS\t21BE\n\
UPWARDS PAIRED ARROWS\t21C8\n\
UPWARDS TWO HEADED ARROW\t219F\n\
UPWARDS WHITE ARROW\t21E7\n\
UPWARDS WHITE ARROW FROM BAR\t21EA\n\
UPWARDS WHITE ARROW ON PEDESTAL\t21EB\n\
UPWARDS WHITE ARROW ON PEDESTAL WITH HORIZONTAL BAR\t21EC\n\
UPWARDS WHITE ARROW ON PEDESTAL WITH VERTICAL BAR\t21ED\n\
UPWARDS WHITE DOUBLE ARROW\t21EE\n\
UPWARDS WHITE DOUBLE ARROW ON PEDESTAL\t21EF\n\
VERSICLE\t2123\n\
VERTICAL ELLIPSIS\t22EE\n\
VERTICAL FOUR DOTS\t205E\n\
VERTICAL LINE\t7C\n\
VERY MUCH GREATER-THAN\t22D9\n\
VERY MUCH LESS-THAN\t22D8\n\
VOLUME INTEGRAL\t2230\n\
VULGAR FRACTION FIVE EIGHTHS\t215D\n\
VULGAR FRACTION FIVE SIXTHS\t215A\n\
VULGAR FRACTION FOUR FIFTHS\t2158\n\
VULGAR FRACTION ONE EIGHTH\t215B\n\
VULGAR FRACTION ONE FIFTH\t2155\n\
VULGAR FRACTION ONE HALF\tBD\n\
VULGAR FRACTION ONE NINTH\t2151\n\
VULGAR FRACTION ONE QUARTER\tBC\n\
VULGAR FRACTION ONE SEVENTH\t2150\n\
VULGAR FRACTION ONE SIXTH\t2159\n\
VULGAR FRACTION ONE TENTH\t2152\n\
VULGAR FRACTION ONE THIRD\t2153\n\
VULGAR FRACTION SEVEN EIGHTHS\t215E\n\
VULGAR FRACTION THREE EIGHTHS\t215C\n\
VULGAR FRACTION THREE FIFTHS\t2157\n\
VULGAR FRACTION THREE QUARTERS\tBE\n\
VULGAR FRACTION TWO FIFTHS\t2156\n\
VULGAR FRACTION TWO THIRDS\t2154\n\
VULGAR FRACTION ZERO THIRDS\t2189\n\
WARNING SIGN\t26A0\n\
WATCH\t231A\n\
WAVING HAND SIGN\t1F44B\n\
WHITE CIRCLE\t25CB\n\
WHITE DIAMOND\t25C7\n\
WHITE DOWN-POINTING TRIANGLE\t25BD\n\
WHITE FROWNING FACE\t2639\n\
WHITE HEAVY CHECK MARK\t2705\n\
WHITE SMALL SQUARE\t25AB\n\
WHITE SMILING FACE\t263A\n\
WHITE SQUARE\t25A1\n\
WHITE STAR\t2606\n\
WHITE UP-POINTING TRIANGLE\t25B3\n\
WINKING FACE\t1F609\n\
WON SIGN\t20A9\n\
WORD JOINER\t2060\n\
WREATH PRODUCT\t2240\n\
WRENCH\t1F527\n\
XOR\t22BB\n\
YEN SIGN\tA5\n\
YIN YANG\t262F\n\
Z NOTATION BAG MEMBERSHIP\t22FF\n\
ZERO WIDTH JOINER\t200D\n\
ZERO WIDTH NO-BREAK SPACE\tFEFF\n\
ZERO WIDTH NON-JOINER\t200C\n\
ZERO WIDTH SPACE\t200B\n\
ZWJ\t200D\n\
ZWNJ\t200C\n\
ZWSP\t200B\n\
";

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src)
            .unwrap()
            .tokens
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    fn err(src: &str) -> (CompileErrorKind, String, u32, u32) {
        let e = match tokenize(src) {
            Err(e) => e,
            Ok(t) => {
                assert_eq!(t.tokens.last().unwrap().tok, Tok::Error);
                t.error.unwrap().error
            }
        };
        (e.kind, e.msg, e.line, e.col)
    }

    fn num(src: &str) -> Tok {
        let t = tokenize(src).unwrap().tokens;
        assert_eq!(t.len(), 3, "{:?}", t);
        t[0].tok.clone()
    }

    use CompileErrorKind::{IndentationError as IE, SyntaxError as SE};

    #[test]
    fn indentation() {
        use Tok::*;
        assert_eq!(
            kinds("if x:\n    y\n    if z:\n        w\nv\n"),
            vec![
                Kw(super::Kw::If),
                Name,
                Op(super::Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Kw(super::Kw::If),
                Name,
                Op(super::Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Dedent,
                Dedent,
                Name,
                Newline,
                EndMarker
            ]
        );
        // Missing final newline, trailing dedents.
        assert_eq!(
            kinds("if x:\n  y"),
            vec![
                Kw(super::Kw::If),
                Name,
                Op(super::Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Dedent,
                EndMarker
            ]
        );
        // Blank and comment-only lines produce nothing.
        assert_eq!(
            kinds("\n\n  # c\n\t\nx\n   \n"),
            vec![Name, Newline, EndMarker]
        );
        assert_eq!(kinds(""), vec![EndMarker]);
        assert_eq!(kinds("# only"), vec![EndMarker]);
        // Implicit joining inside brackets and explicit continuation.
        assert_eq!(
            kinds("(a,\n  b)\n"),
            vec![
                Op(super::Op::LPar),
                Name,
                Op(super::Op::Comma),
                Name,
                Op(super::Op::RPar),
                Newline,
                EndMarker
            ]
        );
        assert_eq!(
            kinds("a = \\\n  b"),
            vec![Name, Op(super::Op::Equal), Name, Newline, EndMarker]
        );
        // Form feed resets the column.
        assert_eq!(
            kinds("if x:\n  \x0c  y\n  z"),
            vec![
                Kw(super::Kw::If),
                Name,
                Op(super::Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Name,
                Newline,
                Dedent,
                EndMarker
            ]
        );
        // Tab to the next multiple of 8, consistently.
        assert_eq!(
            kinds("if x:\n\ty\n\tz"),
            vec![
                Kw(super::Kw::If),
                Name,
                Op(super::Op::Colon),
                Newline,
                Indent,
                Name,
                Newline,
                Name,
                Newline,
                Dedent,
                EndMarker
            ]
        );
    }

    #[test]
    fn indentation_errors() {
        assert_eq!(
            err("if x:\n    a\n  b"),
            (
                IE,
                "unindent does not match any outer indentation level".into(),
                3,
                4
            )
        );
        assert_eq!(
            err("if x:\n    a\n  b = 1"),
            (
                IE,
                "unindent does not match any outer indentation level".into(),
                3,
                8
            )
        );
        assert_eq!(
            err("if 1:\n\tx\n        y"),
            (
                IE,
                "inconsistent use of tabs and spaces in indentation".into(),
                3,
                1
            )
        );
        assert_eq!(
            err("if 1:\n        x\n\ty"),
            (
                IE,
                "inconsistent use of tabs and spaces in indentation".into(),
                3,
                1
            )
        );
        let deep: String = (0..100)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(100)
            + "pass\n";
        assert_eq!(
            err(&deep),
            (IE, "too many levels of indentation".into(), 101, 1)
        );
    }

    #[test]
    fn line_endings() {
        let t = tokenize("a\r\nb\rc\n").unwrap().tokens;
        let lines: Vec<(u32, u32)> = t
            .iter()
            .filter(|t| t.tok == Tok::Name)
            .map(|t| (t.line, t.col))
            .collect();
        assert_eq!(lines, vec![(1, 0), (2, 0), (3, 0)]);
        let t = tokenize("x = '''a\r\nb'''\ny").unwrap().tokens;
        assert_eq!((t[3].line, t[3].col), (2, 4));
        assert_eq!((t[4].line, t[4].col), (3, 0));
        // The end marker sits at the end of the last line (as in CPython).
        let t = tokenize("x = 1\n\n\n").unwrap().tokens;
        assert_eq!((t.last().unwrap().line, t.last().unwrap().col), (3, 0));
        let t = tokenize("if x:\n  y  # c\n").unwrap().tokens;
        assert_eq!((t.last().unwrap().line, t.last().unwrap().col), (2, 8));
        // A NEWLINE after a comment starts at the comment.
        assert_eq!(
            (t[6].tok.clone(), t[6].line, t[6].col),
            (Tok::Newline, 2, 5)
        );
    }

    #[test]
    fn positions_are_characters() {
        let t = tokenize("é = 'ü中' + x").unwrap().tokens;
        let cols: Vec<u32> = t.iter().map(|t| t.col).collect();
        assert_eq!(&cols[..5], &[0, 2, 4, 9, 11]);
        assert_eq!(t[2].end_col, 8);
    }

    #[test]
    fn names_and_keywords() {
        assert_eq!(
            kinds("match case _ async await"),
            vec![
                Tok::Name,
                Tok::Name,
                Tok::Name,
                Tok::Kw(Kw::Async),
                Tok::Kw(Kw::Await),
                Tok::Newline,
                Tok::EndMarker
            ]
        );
        for (s, k) in [
            ("True", Kw::True),
            ("nonlocal", Kw::Nonlocal),
            ("lambda", Kw::Lambda),
            ("yield", Kw::Yield),
        ] {
            assert_eq!(kinds(s)[0], Tok::Kw(k));
        }
        assert_eq!(
            kinds("ñandú Δx 変数 x·y a\u{301}")[..5],
            [Tok::Name, Tok::Name, Tok::Name, Tok::Name, Tok::Name]
        );
        assert_eq!(normalize_identifier("ｗｉｄｔｈ"), "width");
        assert_eq!(normalize_identifier("µ"), "\u{3bc}");
        assert_eq!(normalize_identifier("𝐱"), "x");
        assert_eq!(normalize_identifier("ﬁle"), "file");
        assert_eq!(
            err("a € b"),
            (SE, "invalid character '€' (U+20AC)".into(), 1, 3)
        );
        assert_eq!(
            err("a \u{200b} b"),
            (SE, "invalid non-printable character U+200B".into(), 1, 3)
        );
        assert_eq!(
            err("x\u{a0}= 1"),
            (SE, "invalid non-printable character U+00A0".into(), 1, 2)
        );
        assert_eq!(
            err("a\x01"),
            (SE, "invalid non-printable character U+0001".into(), 1, 2)
        );
        assert_eq!(
            err("a = 1\nb\0"),
            (SE, "source code cannot contain null bytes".into(), 2, 2)
        );
        // `$`, `?`, `!` and backticks are left to the parser ("invalid syntax").
        assert_eq!(
            kinds("$ ? ! `")[..4],
            [Tok::Unknown, Tok::Unknown, Tok::Unknown, Tok::Unknown]
        );
    }

    #[test]
    fn operators() {
        use Op::*;
        let ops: Vec<Op> = kinds("** **= // //= << <<= >> >>= <= >= == != -> := ... . @ @= ~ ^ ^= | |= & &= % %= + += - -= * *= / /= < > = : ; ,")
            .into_iter()
            .filter_map(|t| if let Tok::Op(o) = t { Some(o) } else { None })
            .collect();
        assert_eq!(
            ops,
            vec![
                DoubleStar,
                DoubleStarEqual,
                DoubleSlash,
                DoubleSlashEqual,
                LeftShift,
                LeftShiftEqual,
                RightShift,
                RightShiftEqual,
                LessEqual,
                GreaterEqual,
                EqEqual,
                NotEqual,
                RArrow,
                ColonEqual,
                Ellipsis,
                Dot,
                At,
                AtEqual,
                Tilde,
                Circumflex,
                CircumflexEqual,
                VBar,
                VBarEqual,
                Amper,
                AmperEqual,
                Percent,
                PercentEqual,
                Plus,
                PlusEqual,
                Minus,
                MinEqual,
                Star,
                StarEqual,
                Slash,
                SlashEqual,
                Less,
                Greater,
                Equal,
                Colon,
                Semi,
                Comma
            ]
        );
        assert_eq!(
            kinds(".. ."),
            vec![
                Tok::Op(Dot),
                Tok::Op(Dot),
                Tok::Op(Dot),
                Tok::Newline,
                Tok::EndMarker
            ]
        );
    }

    #[test]
    fn brackets() {
        assert_eq!(err("x = )"), (SE, "unmatched ')'".into(), 1, 5));
        assert_eq!(
            err("x = (]"),
            (
                SE,
                "closing parenthesis ']' does not match opening parenthesis '('".into(),
                1,
                6
            )
        );
        assert_eq!(
            err("x = (\n]"),
            (
                SE,
                "closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(),
                2,
                1
            )
        );
        assert_eq!(
            err(&"(".repeat(201)),
            (SE, "too many nested parentheses".into(), 1, 201)
        );
        assert!(tokenize(&format!("{}{}", "(".repeat(200), ")".repeat(200))).is_ok());
        let t = tokenize("f(a,\n[b").unwrap();
        assert_eq!(t.unclosed, Some(('[', 2, 0)));
        assert_eq!(t.tokens.last().unwrap().tok, Tok::EndMarker);
        assert_eq!(
            err("x = \\"),
            (SE, "unexpected EOF while parsing".into(), 1, 6)
        );
        assert_eq!(
            err("x = 1 \\\n"),
            (SE, "unexpected EOF while parsing".into(), 1, 8)
        );
        assert_eq!(
            err("x \\ y"),
            (
                SE,
                "unexpected character after line continuation character".into(),
                1,
                4
            )
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(num("0"), Tok::Int(0));
        assert_eq!(num("00"), Tok::Int(0));
        assert_eq!(num("0_0"), Tok::Int(0));
        assert_eq!(num("1_000"), Tok::Int(1000));
        assert_eq!(num("0x_1F"), Tok::Int(31));
        assert_eq!(num("0O777"), Tok::Int(511));
        assert_eq!(num("0b1_01"), Tok::Int(5));
        assert_eq!(num("9223372036854775807"), Tok::Int(i64::MAX));
        assert_eq!(
            num("9223372036854775808"),
            Tok::BigInt("9223372036854775808".into())
        );
        assert_eq!(
            num("123456789012345678901234567890"),
            Tok::BigInt("123456789012345678901234567890".into())
        );
        assert_eq!(
            num("0x8000000000000000"),
            Tok::BigInt("9223372036854775808".into())
        );
        assert_eq!(
            num("0xffffffffffffffffffffffffffffffff"),
            Tok::BigInt("340282366920938463463374607431768211455".into())
        );
        assert_eq!(
            num("0o1000000000000000000000"),
            Tok::BigInt("9223372036854775808".into())
        );
        assert_eq!(
            num(&format!("0b1{}", "0".repeat(64))),
            Tok::BigInt("18446744073709551616".into())
        );
        assert_eq!(num("1."), Tok::Float(1.0));
        assert_eq!(num(".5"), Tok::Float(0.5));
        assert_eq!(num("1e10"), Tok::Float(1e10));
        assert_eq!(num("1_000.5e-3"), Tok::Float(1.0005));
        assert_eq!(num("1E+2"), Tok::Float(100.0));
        assert_eq!(num("1e400"), Tok::Float(f64::INFINITY));
        assert_eq!(num("0123.4"), Tok::Float(123.4));
        assert_eq!(num("1j"), Tok::Imag(1.0));
        assert_eq!(num("1.5J"), Tok::Imag(1.5));
        assert_eq!(num("0123j"), Tok::Imag(123.0));
        assert_eq!(num("1e3j"), Tok::Imag(1000.0));
        // A number followed by a keyword (CPython only warns).
        assert_eq!(kinds("1if x else 2")[..2], [Tok::Int(1), Tok::Kw(Kw::If)]);
        assert_eq!(kinds("1else")[..2], [Tok::Int(1), Tok::Kw(Kw::Else)]);
        assert_eq!(kinds("0x1for")[..2], [Tok::Int(31), Tok::Kw(Kw::Or)]);
        assert_eq!(
            kinds("1 .real")[..3],
            [Tok::Int(1), Tok::Op(Op::Dot), Tok::Name]
        );
    }

    #[test]
    fn number_errors() {
        let lead = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
        for (src, msg, col) in [
            ("1_", "invalid decimal literal", 2),
            ("1__0", "invalid decimal literal", 2),
            ("1_.5", "invalid decimal literal", 2),
            ("1._5", "invalid decimal literal", 2),
            ("1e", "invalid decimal literal", 1),
            ("1e+", "invalid decimal literal", 3),
            ("1e_5", "invalid decimal literal", 1),
            ("1abc", "invalid decimal literal", 1),
            ("1.__class__", "invalid decimal literal", 2),
            ("1.5_", "invalid decimal literal", 4),
            ("0x", "invalid hexadecimal literal", 2),
            ("0x_", "invalid hexadecimal literal", 3),
            ("0xg", "invalid hexadecimal literal", 2),
            ("0x1__2", "invalid hexadecimal literal", 4),
            ("0o", "invalid octal literal", 2),
            ("0b", "invalid binary literal", 2),
            ("0b1_", "invalid binary literal", 4),
            ("0b2", "invalid digit '2' in binary literal", 3),
            ("0o8", "invalid digit '8' in octal literal", 3),
            ("0o18", "invalid digit '8' in octal literal", 4),
            ("1jx", "invalid imaginary literal", 2),
            ("09", lead, 1),
            ("0_7", lead, 1),
            ("012_3", lead, 1),
        ] {
            assert_eq!(err(src), (SE, msg.to_string(), 1, col), "{}", src);
        }
    }

    #[test]
    fn strings() {
        let t = tokenize("rb'x' Br\"y\" f'''z''' u'w' RF\"v\"")
            .unwrap()
            .tokens;
        let infos: Vec<StrInfo> = t
            .iter()
            .filter_map(|t| {
                if let Tok::Str(s) = t.tok {
                    Some(s)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(infos.len(), 5);
        assert!(infos[0].raw && infos[0].bytes && !infos[0].fstring);
        assert!(infos[1].raw && infos[1].bytes);
        assert!(infos[2].fstring && infos[2].triple && !infos[2].raw);
        assert!(!infos[3].raw && !infos[3].bytes && !infos[3].fstring);
        assert!(infos[4].raw && infos[4].fstring);
        assert_eq!(
            t[2].str_body()
                .map(|(a, b)| &"rb'x' Br\"y\" f'''z''' u'w' RF\"v\""[a..b]),
            Some("z")
        );
        // Not a prefix: a name then a string.
        assert_eq!(
            kinds("ub'x'")[..2],
            [
                Tok::Name,
                Tok::Str(StrInfo {
                    raw: false,
                    bytes: false,
                    fstring: false,
                    prefix_len: 0,
                    quote: b'\'',
                    triple: false
                })
            ]
        );
        assert_eq!(kinds("'a\\'b' 'c\\\nd'")[..2].len(), 2);
        assert_eq!(
            err("'abc"),
            (
                SE,
                "unterminated string literal (detected at line 1)".into(),
                1,
                1
            )
        );
        assert_eq!(
            err("x = 'abc\ny'"),
            (
                SE,
                "unterminated string literal (detected at line 1)".into(),
                1,
                5
            )
        );
        assert_eq!(
            err("x = 1\n  \"\"\"abc\n\ndef"),
            (
                SE,
                "unterminated triple-quoted string literal (detected at line 4)".into(),
                2,
                3
            )
        );
        assert_eq!(
            err("r'\\'"),
            (
                SE,
                "unterminated string literal (detected at line 1)".into(),
                1,
                1
            )
        );
    }

    #[test]
    fn string_decoding() {
        assert_eq!(
            decode_str(r#"a\nb\tc\\d\'e\"f\a\b\f\v\r"#, false).unwrap(),
            "a\nb\tc\\d'e\"f\x07\x08\x0c\x0b\r"
        );
        assert_eq!(
            decode_str(r#"\x41\101\0\7\777\u00e9\U0001F600"#, false).unwrap(),
            "AA\0\x07\u{1ff}é😀"
        );
        assert_eq!(decode_str(r#"\N{EM DASH}\N{bullet}\N{LATIN CAPITAL LETTER Q}\N{GREEK SMALL LETTER LAMDA}\N{DIGIT SEVEN}\N{CJK UNIFIED IDEOGRAPH-4E2D}\N{SNAKE}"#, false).unwrap(), "—•Qλ7中🐍");
        assert_eq!(decode_str(r#"\q\d \{"#, false).unwrap(), r#"\q\d \{"#);
        assert_eq!(decode_str("a\\\nb\\\r\nc", false).unwrap(), "abc");
        assert_eq!(decode_str("a\r\nb\rc", false).unwrap(), "a\nb\nc");
        assert_eq!(decode_str(r#"\n\x"#, true).unwrap(), r#"\n\x"#);
        assert_eq!(decode_str("\\\n", true).unwrap(), "\\\n");
        assert_eq!(decode_str(r#"\ud800"#, false).unwrap(), "\u{fffd}");
        assert_eq!(decode_str(r#"\x4"#, false).unwrap_err(), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape");
        assert_eq!(decode_str(r#"ab\u12"#, false).unwrap_err(), "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-5: truncated \\uXXXX escape");
        assert_eq!(decode_str(r#"\U00110000"#, false).unwrap_err(), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character");
        assert_eq!(decode_str(r#"\N{foo}"#, false).unwrap_err(), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name");
        assert_eq!(decode_str(r#"\N"#, false).unwrap_err(), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape");
        assert_eq!(decode_str(r#"\N{"#, false).unwrap_err(), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape");
        assert_eq!(
            decode_bytes(r#"a\x00\101\n\u1234\q\777"#, false).unwrap(),
            b"a\x00A\n\\u1234\\q\xff".to_vec()
        );
        assert_eq!(decode_bytes(r#"\x00"#, true).unwrap(), b"\\x00".to_vec());
        assert_eq!(
            decode_bytes("é", false).unwrap_err(),
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(lookup_unicode_name("no such name"), None);
        assert_eq!(lookup_unicode_name("Greek Capital Letter Omega"), Some('Ω'));
        assert_eq!(
            lookup_unicode_name("GREEK CAPITAL LETTER FINAL SIGMA"),
            None
        );
    }

    #[test]
    fn radix_conversion() {
        assert_eq!(radix_to_decimal("0", 16), "0");
        assert_eq!(radix_to_decimal("ff", 16), "255");
        assert_eq!(
            radix_to_decimal("10000000000000000000000000", 16),
            "1267650600228229401496703205376"
        );
        assert_eq!(
            radix_to_decimal("7777777777777777777777777777", 8),
            "19342813113834066795298815"
        );
        assert_eq!(
            radix_to_decimal(&"1".repeat(100), 2),
            "1267650600228229401496703205375"
        );
    }

    #[test]
    fn fstring_expression_tokens() {
        let src = "f'{a +\n b}'";
        let t = tokenize_fstring_expr(src, 3, 9, 1, 3).unwrap();
        let v: Vec<(Tok, u32, u32)> = t.into_iter().map(|t| (t.tok, t.line, t.col)).collect();
        assert_eq!(
            v,
            vec![
                (Tok::Name, 1, 3),
                (Tok::Op(Op::Plus), 1, 5),
                (Tok::Name, 2, 1),
                (Tok::EndMarker, 2, 2)
            ]
        );
    }
}
