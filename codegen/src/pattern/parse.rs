//! Stage 1: a `@pattern` read as `java.util.regex` reads it (every AWS pattern is a valid Java
//! regex; some are not valid ECMAScript), into a syntax tree that says what each part means
//! rather than how it was spelled.
//!
//! Spellings are resolved here: escapes become code points or named sets, a UTF-16 surrogate
//! pair written as two `\u` escapes becomes the one code point it encodes, `(?i)` becomes
//! explicit ASCII upper- and lower-case alternatives, `\Q…\E` becomes literal characters, and a
//! `{n,m}` that follows another quantifier is dropped (Java ignores it). Meanings that Java and
//! ECMAScript disagree on (`$`, `\s`, `.`, `\b`, `\v`) stay as their own nodes, for the emitter
//! to decide.

use super::charset::CharSet;

/// How deep groups and classes may nest. Real patterns nest three or four levels; the limit
/// keeps a hostile model from overflowing the stack of this parser or of the engine.
pub const MAX_DEPTH: usize = 64;

/// A parsed pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The pattern's tree.
    pub node: Node,
    /// How many capturing groups it has.
    pub groups: u32,
    /// The groups that a back-reference refers to, sorted.
    pub referenced: Vec<u32>,
}

/// A part of a pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    /// One code point. A lone surrogate (`\uD800` not followed by a low surrogate) can never
    /// match a Rust `&str`.
    Char(u32),
    /// `.`; `dot_all` under `(?s)`.
    Any {
        /// Whether line terminators match too.
        dot_all: bool,
    },
    /// `[...]`.
    Class(Class),
    /// `\d \w \s \v \h` (negated: `\D \W \S \V \H`) outside a class.
    Perl(Perl, bool),
    /// `\p{…}` (negated: `\P{…}` or `\p{^…}`) outside a class.
    Prop(Prop, bool),
    /// `^` or `\A`: the start of the value (patterns have no multi-line mode).
    Start,
    /// `$`: Java also matches before a final line terminator; ECMAScript only at the end.
    End,
    /// `\z`: the end of the value.
    EndStrict,
    /// `\Z`: the end, or before a final line terminator.
    EndBeforeTerminator,
    /// `\b` (false) or `\B` (true).
    WordBoundary(bool),
    /// `\R`: a line break sequence.
    LineBreak,
    /// `(...)` with its group number, or `(?:...)` without.
    Group(Box<Node>, Option<u32>),
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`.
    Look {
        /// What must (or must not) match.
        node: Box<Node>,
        /// Look-ahead (true) or look-behind.
        ahead: bool,
        /// Whether it must not match.
        negated: bool,
    },
    /// `(?>...)`: once matched, never backtracked into.
    Atomic(Box<Node>),
    /// `X*`, `X+`, `X?`, `X{n,m}`, lazy or possessive.
    Repeat {
        /// What is repeated.
        node: Box<Node>,
        /// The least count.
        min: u32,
        /// The most, if any.
        max: Option<u32>,
        /// Greedy, lazy or possessive.
        kind: RepeatKind,
    },
    /// `\1`: what the group matched.
    Backref(u32),
    /// Parts one after another.
    Concat(Vec<Node>),
    /// `A|B`.
    Alt(Vec<Node>),
}

/// How a repetition gives characters back when the rest of the pattern fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatKind {
    /// As many as possible, then fewer.
    Greedy,
    /// As few as possible, then more (`*?`).
    Lazy,
    /// As many as possible, never fewer (`*+`, Java only).
    Possessive,
}

/// The class escapes whose meaning is a fixed set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Perl {
    /// `\d`: ASCII digits in both dialects.
    Digit,
    /// `\w`: ASCII letters, digits and `_` in both dialects.
    Word,
    /// `\s`: the dialects disagree (see the emitter).
    Space,
    /// `\v`: Java: vertical whitespace; ECMAScript: U+000B only.
    VSpace,
    /// `\h`: horizontal whitespace (Java only).
    HSpace,
}

/// A `\p{…}` property.
#[derive(Clone, Debug, PartialEq)]
pub enum Prop {
    /// A set known in full: Java's POSIX classes (ASCII), `\p{all}`, `\p{L1}`, `\p{ASCII}`.
    Set(CharSet),
    /// A Unicode general category (`L`, `Lu`, …) or binary property (`Alphabetic`,
    /// `White_Space`), spelled as Rust's regex syntax spells it.
    Unicode(&'static str),
    /// Several of those, any of which matches (`\p{LD}` is `L` or `Nd`).
    Union(Vec<&'static str>),
}

/// `[...]`: an optional negation over the intersection (`&&`) of unions of items.
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    /// `[^...]`.
    pub negated: bool,
    /// The operands of `&&`, each a union of items (one operand without `&&`).
    pub operands: Vec<Vec<Item>>,
}

/// A member of a class.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One code point.
    Char(u32),
    /// An inclusive range.
    Range(u32, u32),
    /// `\d`, `\W`, … inside a class.
    Perl(Perl, bool),
    /// `\p{…}` or `\P{…}` inside a class.
    Prop(Prop, bool),
    /// `[...]` inside a class.
    Nested(Class),
}

/// Reads a pattern as `java.util.regex.Pattern.compile` does (no flags); an error says what and
/// where (the index in characters).
pub fn parse(pattern: &str) -> Result<Parsed, String> {
    let mut parser = Parser {
        chars: pattern.chars().collect(),
        at: 0,
        flags: Flags::default(),
        groups: 0,
        referenced: Vec::new(),
        depth: 0,
    };
    let node = parser.alternation()?;
    if parser.at < parser.chars.len() {
        return parser.fail("unmatched `)`");
    }
    let mut referenced = parser.referenced;
    referenced.sort_unstable();
    referenced.dedup();
    Ok(Parsed { node, groups: parser.groups, referenced })
}

/// Java's POSIX classes: US-ASCII only, as `java.util.regex` reads them without
/// `UNICODE_CHARACTER_CLASS`; also `\p{all}`, `\p{ASCII}` and `\p{L1}` (Latin-1).
pub fn posix(name: &str) -> Option<CharSet> {
    let alpha = CharSet::of([(0x41, 0x5A), (0x61, 0x7A)]);
    let digit = CharSet::of([(0x30, 0x39)]);
    let punct = CharSet::chars("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    let graph = alpha.union(&digit).union(&punct);
    Some(match name {
        "Lower" => CharSet::of([(0x61, 0x7A)]),
        "Upper" => CharSet::of([(0x41, 0x5A)]),
        "ASCII" => CharSet::of([(0, 0x7F)]),
        "Alpha" => alpha,
        "Digit" => digit,
        "Alnum" => alpha.union(&digit),
        "Punct" => punct,
        "Graph" => graph,
        "Print" => graph.union(&CharSet::chars(" ")),
        "Blank" => CharSet::chars(" \t"),
        "Cntrl" => CharSet::of([(0, 0x1F), (0x7F, 0x7F)]),
        "XDigit" => CharSet::of([(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)]),
        "Space" => CharSet::chars(" \t\n\u{B}\u{C}\r"),
        "all" => CharSet::all(),
        "L1" => CharSet::of([(0, 0xFF)]),
        _ => return None,
    })
}

/// The Unicode general categories, as both Java and Rust's regex syntax name them.
const GENERAL_CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe",
    "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs", "Cn",
];

/// What Java's `\p{name}` means; under `(?i)` (`case_insensitive`) the case properties match
/// either case, as in Java. Unicode scripts (`\p{IsLatin}`) and blocks (`\p{InGreek}`) are not
/// supported: the generated crates carry only the tables of general categories and binary
/// properties.
fn property(name: &str, case_insensitive: bool) -> Result<Prop, String> {
    let prop = property_of(name)?;
    Ok(match prop {
        Prop::Set(set) if case_insensitive && (name == "Lower" || name == "Upper") => {
            Prop::Set(set.union(&CharSet::of([(0x41, 0x5A), (0x61, 0x7A)])))
        }
        Prop::Unicode("Lu" | "Ll" | "Lt") if case_insensitive => Prop::Unicode("LC"),
        Prop::Unicode("Lowercase" | "Uppercase") if case_insensitive => {
            Prop::Union(vec!["Lowercase", "Uppercase", "Lt"])
        }
        prop => prop,
    })
}

fn property_of(name: &str) -> Result<Prop, String> {
    if let Some(set) = posix(name) {
        return Ok(Prop::Set(set));
    }
    let category = |name: &str| GENERAL_CATEGORIES.iter().find(|&&c| c == name).map(|&c| Prop::Unicode(c));
    if let Some(prop) = category(name) {
        return Ok(prop);
    }
    if name == "LD" {
        return Ok(Prop::Union(vec!["L", "Nd"]));
    }
    if let Some(prop) = ["gc=", "general_category="].iter().find_map(|p| name.strip_prefix(p)).and_then(category) {
        return Ok(prop);
    }
    if let Some(rest) = name.strip_prefix("Is") {
        if let Some(prop) = category(rest) {
            return Ok(prop);
        }
        let binary = match rest.to_ascii_uppercase().replace([' ', '-'], "_").as_str() {
            "ALPHABETIC" => "Alphabetic",
            "WHITESPACE" | "WHITE_SPACE" => "White_Space",
            "LETTER" => "L",
            "LOWERCASE" => "Lowercase",
            "UPPERCASE" => "Uppercase",
            "TITLECASE" => "Lt",
            "PUNCTUATION" => "P",
            "CONTROL" => "Cc",
            "DIGIT" => "Nd",
            "HEX_DIGIT" | "HEXDIGIT" => "Hex_Digit",
            "IDEOGRAPHIC" => "Ideographic",
            "JOIN_CONTROL" | "JOINCONTROL" => "Join_Control",
            "NONCHARACTER_CODE_POINT" | "NONCHARACTERCODEPOINT" => "Noncharacter_Code_Point",
            "EMOJI" => "Emoji",
            _ => return Err(format!("the property `\\p{{{name}}}` (a Unicode script?) is not supported")),
        };
        return Ok(Prop::Unicode(binary));
    }
    Err(format!("the property `\\p{{{name}}}` is not supported"))
}

/// Inline flags in effect.
#[derive(Clone, Copy, Default)]
struct Flags {
    /// `(?i)`: ASCII letters match either case.
    case_insensitive: bool,
    /// `(?s)`: `.` matches line terminators.
    dot_all: bool,
}

/// What an escape stands for.
enum Escaped {
    Char(u32),
    Perl(Perl, bool),
    Prop(Prop, bool),
    /// An assertion or back-reference (not allowed in a class).
    Node(Node),
    /// `\Q…\E`.
    Quoted(Vec<u32>),
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    flags: Flags,
    groups: u32,
    referenced: Vec<u32>,
    /// Groups and classes open around the current position.
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.at += 1;
        }
        found
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at index {}", self.at))
    }

    /// Enters a group or class; too deep is an error.
    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail(&format!("groups and classes nest more than {MAX_DEPTH} levels deep"));
        }
        Ok(())
    }

    fn alternation(&mut self) -> Result<Node, String> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat('|') {
            alternatives.push(self.sequence()?);
        }
        Ok(if alternatives.len() == 1 { alternatives.swap_remove(0) } else { Node::Alt(alternatives) })
    }

    fn sequence(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if let Some(atom) = self.atom()? {
                items.push(self.quantifiers(atom)?);
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.swap_remove(0),
            _ => Node::Concat(items),
        })
    }

    /// The quantifiers after an atom. Java ignores a `{n,m}` that follows a quantifier
    /// (`a{2}{3}` is `a{2}`) and rejects `*`, `+`, `?` there.
    fn quantifiers(&mut self, atom: Node) -> Result<Node, String> {
        let Some((min, max)) = self.quantifier()? else { return Ok(atom) };
        let kind = if self.eat('?') {
            RepeatKind::Lazy
        } else if self.eat('+') {
            RepeatKind::Possessive
        } else {
            RepeatKind::Greedy
        };
        loop {
            match self.peek() {
                Some('{') if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => {
                    self.quantifier()?;
                }
                Some('*' | '+' | '?') => return self.fail("dangling meta character"),
                _ => return Ok(Node::Repeat { node: Box::new(atom), min, max, kind }),
            }
        }
    }

    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`, if one is next.
    fn quantifier(&mut self) -> Result<Option<(u32, Option<u32>)>, String> {
        let bounds = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => {
                self.at += 1;
                let min = self.number()?;
                let max = match self.eat(',') {
                    true if self.peek() == Some('}') => None,
                    true => Some(self.number()?),
                    false => Some(min),
                };
                if self.peek() != Some('}') {
                    return self.fail("unclosed repetition");
                }
                if max.is_some_and(|max| max < min) {
                    return self.fail("a repetition's maximum is below its minimum");
                }
                (min, max)
            }
            Some('{') => return self.fail("illegal repetition"),
            _ => return Ok(None),
        };
        self.at += 1;
        Ok(Some(bounds))
    }

    fn number(&mut self) -> Result<u32, String> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        digits.parse().or_else(|_| self.fail("a repetition count out of range"))
    }

    /// One code point, or (under `(?i)`) an ASCII letter in either case.
    fn char_node(&self, c: u32) -> Node {
        match other_case(c) {
            Some(other) if self.flags.case_insensitive => {
                Node::Class(Class { negated: false, operands: vec![vec![Item::Char(c), Item::Char(other)]] })
            }
            _ => Node::Char(c),
        }
    }

    /// One atom, or `None` for a flag group `(?i)` (which changes the flags in place).
    fn atom(&mut self) -> Result<Option<Node>, String> {
        let Some(c) = self.next() else { return Ok(None) };
        Ok(Some(match c {
            '(' => return self.group(),
            '[' => Node::Class(self.class()?),
            '.' => Node::Any { dot_all: self.flags.dot_all },
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => match self.escape(false)? {
                Escaped::Char(c) => self.char_node(c),
                Escaped::Perl(perl, negated) => Node::Perl(perl, negated),
                Escaped::Prop(prop, negated) => Node::Prop(prop, negated),
                Escaped::Node(node) => node,
                Escaped::Quoted(chars) => Node::Concat(chars.into_iter().map(|c| self.char_node(c)).collect()),
            },
            '*' | '+' | '?' => return self.fail("dangling meta character"),
            '{' => return self.fail("illegal repetition"),
            c => self.char_node(u32::from(c)),
        }))
    }

    /// After `(`.
    fn group(&mut self) -> Result<Option<Node>, String> {
        self.enter()?;
        let saved = self.flags;
        let node = if self.eat('?') {
            match (self.peek(), self.peek_at(1)) {
                (Some(':'), _) => {
                    self.at += 1;
                    Node::Group(Box::new(self.alternation()?), None)
                }
                (Some(c @ ('=' | '!')), _) => {
                    self.at += 1;
                    Node::Look { node: Box::new(self.alternation()?), ahead: true, negated: c == '!' }
                }
                (Some('<'), Some(c @ ('=' | '!'))) => {
                    self.at += 2;
                    Node::Look { node: Box::new(self.alternation()?), ahead: false, negated: c == '!' }
                }
                (Some('<'), _) => {
                    self.at += 1;
                    while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                        self.at += 1;
                    }
                    if !self.eat('>') {
                        return self.fail("a bad group name");
                    }
                    self.capturing()?
                }
                (Some('>'), _) => {
                    self.at += 1;
                    Node::Atomic(Box::new(self.alternation()?))
                }
                _ => match self.flag_group()? {
                    Some(node) => node,
                    None => {
                        // `(?i)`: the flags hold until the enclosing group ends.
                        self.depth -= 1;
                        return Ok(None);
                    }
                },
            }
        } else {
            self.capturing()?
        };
        self.flags = saved;
        if !self.eat(')') {
            return self.fail("an unclosed group");
        }
        self.depth -= 1;
        Ok(Some(node))
    }

    fn capturing(&mut self) -> Result<Node, String> {
        self.groups += 1;
        let index = self.groups;
        Ok(Node::Group(Box::new(self.alternation()?), Some(index)))
    }

    /// After `(?` when no other group kind matched: inline flags, `(?is-s)` (`None`: the flags
    /// now hold) or `(?i:X)` (the group).
    fn flag_group(&mut self) -> Result<Option<Node>, String> {
        let mut on = true;
        loop {
            match self.next() {
                Some('i') => self.flags.case_insensitive = on,
                Some('s') => self.flags.dot_all = on,
                Some('-') => on = false,
                Some(')') => return Ok(None),
                Some(':') => return Ok(Some(Node::Group(Box::new(self.alternation()?), None))),
                Some(c) => return self.fail(&format!("the inline flag `{c}` is not supported")),
                None => return self.fail("an unclosed group"),
            }
        }
    }

    fn hex(&mut self, digits: usize) -> Result<u32, String> {
        let text: String = self.chars.get(self.at..self.at + digits).unwrap_or_default().iter().collect();
        match u32::from_str_radix(&text, 16) {
            Ok(value) if text.len() == digits && text.chars().all(|c| c.is_ascii_hexdigit()) => {
                self.at += digits;
                Ok(value)
            }
            _ => self.fail("a bad hexadecimal escape"),
        }
    }

    /// After a `\`.
    fn escape(&mut self, in_class: bool) -> Result<Escaped, String> {
        let Some(c) = self.next() else { return self.fail("a trailing backslash") };
        Ok(match c {
            't' => Escaped::Char(0x09),
            'n' => Escaped::Char(0x0A),
            'r' => Escaped::Char(0x0D),
            'f' => Escaped::Char(0x0C),
            'a' => Escaped::Char(0x07),
            'e' => Escaped::Char(0x1B),
            'c' => match self.next() {
                Some(x) => Escaped::Char(u32::from(x) ^ 64),
                None => return self.fail("a `\\c` without a character"),
            },
            '0' => Escaped::Char(self.octal()?),
            'x' if self.eat('{') => {
                let start = self.at;
                while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                    self.at += 1;
                }
                let digits: String = self.chars[start..self.at].iter().collect();
                match u32::from_str_radix(&digits, 16) {
                    Ok(c) if c <= super::charset::MAX && self.eat('}') => Escaped::Char(c),
                    _ => return self.fail("a bad `\\x{…}` escape"),
                }
            }
            'x' => Escaped::Char(self.hex(2)?),
            'u' => Escaped::Char(self.utf16()?),
            'd' | 'D' => Escaped::Perl(Perl::Digit, c == 'D'),
            'w' | 'W' => Escaped::Perl(Perl::Word, c == 'W'),
            's' | 'S' => Escaped::Perl(Perl::Space, c == 'S'),
            'v' | 'V' => Escaped::Perl(Perl::VSpace, c == 'V'),
            'h' | 'H' => Escaped::Perl(Perl::HSpace, c == 'H'),
            'p' | 'P' => {
                let name = if self.eat('{') {
                    let start = self.at;
                    while self.peek().is_some_and(|c| c != '}') {
                        self.at += 1;
                    }
                    let name: String = self.chars[start..self.at].iter().collect();
                    if !self.eat('}') {
                        return self.fail("an unclosed `\\p{`");
                    }
                    name
                } else {
                    match self.next() {
                        Some(n) => n.to_string(),
                        None => return self.fail("a `\\p` without a name"),
                    }
                };
                let (name, negated) = match name.strip_prefix('^') {
                    Some(rest) => (rest, c == 'p'),
                    None => (name.as_str(), c == 'P'),
                };
                Escaped::Prop(property(name, self.flags.case_insensitive).or_else(|e| self.fail(&e))?, negated)
            }
            'Q' => {
                let mut quoted = Vec::new();
                while let Some(c) = self.next() {
                    if c == '\\' && self.eat('E') {
                        break;
                    }
                    quoted.push(u32::from(c));
                }
                Escaped::Quoted(quoted)
            }
            c if in_class && c.is_ascii_alphanumeric() => {
                return self.fail(&format!("the escape `\\{c}` is not allowed in a class"))
            }
            'b' => Escaped::Node(Node::WordBoundary(false)),
            'B' => Escaped::Node(Node::WordBoundary(true)),
            'A' => Escaped::Node(Node::Start),
            'z' => Escaped::Node(Node::EndStrict),
            'Z' => Escaped::Node(Node::EndBeforeTerminator),
            'R' => Escaped::Node(Node::LineBreak),
            '1'..='9' => Escaped::Node(Node::Backref(self.backref(c))),
            c if c.is_ascii_alphanumeric() => return self.fail(&format!("the escape `\\{c}` is not supported")),
            c => Escaped::Char(u32::from(c)),
        })
    }

    /// After `\0`: Java's `\0n`, `\0nn`, `\0mnn` (m at most 3).
    fn octal(&mut self) -> Result<u32, String> {
        let mut value = 0u32;
        let mut digits = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(8)) {
            if digits == 3 || (digits == 2 && value > 0o37) {
                break;
            }
            value = value * 8 + d;
            self.at += 1;
            digits += 1;
        }
        if digits == 0 {
            return self.fail("a bad octal escape");
        }
        Ok(value)
    }

    /// After `\u`: a code unit, or with a following `\uDC00`-`\uDFFF` after a high surrogate,
    /// the code point the pair encodes (as Java and ECMAScript's `u` mode read it).
    fn utf16(&mut self) -> Result<u32, String> {
        let unit = self.hex(4)?;
        if (0xD800..=0xDBFF).contains(&unit) && self.peek() == Some('\\') && self.peek_at(1) == Some('u') {
            let before = self.at;
            self.at += 2;
            match self.hex(4) {
                Ok(low @ 0xDC00..=0xDFFF) => return Ok(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)),
                _ => self.at = before,
            }
        }
        Ok(unit)
    }

    /// After `\` and its first digit `first`: Java takes more digits while that many groups
    /// exist so far.
    fn backref(&mut self, first: char) -> u32 {
        let mut number = first.to_digit(10).unwrap_or_default();
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            let longer = number.saturating_mul(10).saturating_add(d);
            if longer > self.groups {
                break;
            }
            number = longer;
            self.at += 1;
        }
        self.referenced.push(number);
        number
    }

    /// After `[`.
    fn class(&mut self) -> Result<Class, String> {
        self.enter()?;
        let negated = self.eat('^');
        let mut operands = Vec::new();
        let mut current = Vec::new();
        let mut first = true;
        loop {
            match self.peek() {
                None => return self.fail("an unclosed class"),
                Some(']') if !first => {
                    self.at += 1;
                    break;
                }
                Some('[') => {
                    self.at += 1;
                    current.push(Item::Nested(self.class()?));
                }
                Some('&') if self.peek_at(1) == Some('&') => {
                    self.at += 2;
                    operands.push(std::mem::take(&mut current));
                }
                Some(_) => self.class_items(&mut current)?,
            }
            first = false;
        }
        operands.push(current);
        // Java ignores an empty side of `&&` (`[a&&]` is `[a]`).
        if operands.len() > 1 {
            operands.retain(|o| !o.is_empty());
        }
        self.depth -= 1;
        Ok(Class { negated, operands })
    }

    /// A character, a range or an escape inside a class. A range needs one character on both
    /// sides: `-` after a class escape (`[\w-.]`), or before `]` or `[`, is a literal.
    fn class_items(&mut self, items: &mut Vec<Item>) -> Result<(), String> {
        let atom = self.class_atom()?;
        let [Item::Char(lo)] = atom[..] else {
            items.extend(atom);
            return Ok(());
        };
        let hi = if self.peek() == Some('-') && !matches!(self.peek_at(1), Some(']' | '[') | None) {
            self.at += 1;
            match self.class_atom()?[..] {
                [Item::Char(hi)] if hi >= lo => hi,
                _ => return self.fail("an illegal character range"),
            }
        } else {
            lo
        };
        items.push(if lo == hi { Item::Char(lo) } else { Item::Range(lo, hi) });
        if self.flags.case_insensitive {
            let letters = CharSet::of([(lo, hi)]).intersect(&CharSet::of([(0x41, 0x5A), (0x61, 0x7A)]));
            let flipped =
                letters.ranges().iter().map(|&(a, b)| (other_case(a).unwrap_or(a), other_case(b).unwrap_or(b)));
            items.extend(flipped.map(|(a, b)| Item::Range(a, b)));
        }
        Ok(())
    }

    /// One character or escape inside a class (not a nested class).
    fn class_atom(&mut self) -> Result<Vec<Item>, String> {
        let Some(c) = self.next() else { return self.fail("an unclosed class") };
        if c != '\\' {
            return Ok(vec![Item::Char(u32::from(c))]);
        }
        Ok(match self.escape(true)? {
            Escaped::Char(c) => vec![Item::Char(c)],
            Escaped::Perl(perl, negated) => vec![Item::Perl(perl, negated)],
            Escaped::Prop(prop, negated) => vec![Item::Prop(prop, negated)],
            Escaped::Quoted(chars) => chars.into_iter().map(Item::Char).collect(),
            Escaped::Node(_) => return self.fail("an assertion inside a class"),
        })
    }
}

/// The other case of an ASCII letter.
fn other_case(c: u32) -> Option<u32> {
    match c {
        0x41..=0x5A => Some(c + 32),
        0x61..=0x7A => Some(c - 32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(pattern: &str) -> Node {
        parse(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}")).node
    }

    fn class(pattern: &str) -> Class {
        match node(pattern) {
            Node::Class(class) => class,
            other => panic!("{pattern}: {other:?}"),
        }
    }

    #[test]
    fn surrogate_pairs_are_one_code_point_and_lone_surrogates_stay() {
        assert_eq!(node("\\uD83D\\uDE00"), Node::Char(0x1F600));
        assert_eq!(node("\\uD800"), Node::Char(0xD800));
        assert_eq!(
            class("[\\u0020-\\uD7FF\\uD800\\uDC00-\\uDBFF\\uDFFF\\uDBFF]").operands,
            [vec![Item::Range(0x20, 0xD7FF), Item::Range(0x10000, 0x10FFFF), Item::Char(0xDBFF)]]
        );
        // A lone high surrogate followed by a non-low one stays two units.
        assert_eq!(node("\\uD800\\u0041"), Node::Concat(vec![Node::Char(0xD800), Node::Char(0x41)]));
    }

    #[test]
    fn a_dash_after_a_class_escape_is_a_literal() {
        assert_eq!(
            class("[\\w-.~]").operands,
            [vec![
                Item::Perl(Perl::Word, false),
                Item::Char(u32::from('-')),
                Item::Char(u32::from('.')),
                Item::Char(0x7E)
            ]]
        );
        assert_eq!(class("[a-]").operands, [vec![Item::Char(0x61), Item::Char(u32::from('-'))]]);
        assert!(parse("[z-a]").unwrap_err().starts_with("an illegal character range"));
    }

    #[test]
    fn posix_classes_and_properties() {
        assert_eq!(
            node("\\p{XDigit}"),
            Node::Prop(Prop::Set(CharSet::of([(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)])), false)
        );
        assert_eq!(node("\\P{M}"), Node::Prop(Prop::Unicode("M"), true));
        assert_eq!(node("\\p{^L}"), Node::Prop(Prop::Unicode("L"), true));
        assert_eq!(node("\\p{IsAlphabetic}"), Node::Prop(Prop::Unicode("Alphabetic"), false));
        assert_eq!(node("\\pL"), Node::Prop(Prop::Unicode("L"), false));
        assert_eq!(
            class("[^\\p{Punct}\\P{Lu}]").operands,
            [vec![Item::Prop(Prop::Set(posix("Punct").unwrap()), false), Item::Prop(Prop::Unicode("Lu"), true)]]
        );
        assert!(parse("\\p{InGreek}").unwrap_err().contains("`\\p{InGreek}` is not supported"));
        assert!(parse("\\p{IsLatin}").unwrap_err().contains("a Unicode script?"));
    }

    #[test]
    fn look_arounds_groups_and_back_references() {
        let parsed = parse("(a)(?:b|(?<=c)d)(?!e)\\1").unwrap();
        assert_eq!(parsed.groups, 1);
        assert_eq!(parsed.referenced, [1]);
        let Node::Concat(parts) = parsed.node else { panic!() };
        assert!(matches!(&parts[1], Node::Group(alt, None) if matches!(**alt, Node::Alt(_))));
        assert!(matches!(&parts[2], Node::Look { ahead: true, negated: true, .. }));
        assert_eq!(parts[3], Node::Backref(1));
        // `\12` with one group is group 1, then `2`.
        assert_eq!(node("(a)\\12"), Node::Concat(vec![node("(a)"), Node::Backref(1), Node::Char(0x32)]));
    }

    #[test]
    fn java_only_syntax() {
        assert_eq!(node("a{2}{3}"), node("a{2}"));
        assert!(matches!(node("a++"), Node::Repeat { kind: RepeatKind::Possessive, .. }));
        assert_eq!(node("\\Q.*\\E"), Node::Concat(vec![Node::Char(0x2E), Node::Char(0x2A)]));
        assert_eq!(
            node("(?i)a"),
            Node::Class(Class { negated: false, operands: vec![vec![Item::Char(0x61), Item::Char(0x41)]] })
        );
        assert_eq!(
            class("[a-c&&[^b]]").operands,
            [
                vec![Item::Range(0x61, 0x63)],
                vec![Item::Nested(Class { negated: true, operands: vec![vec![Item::Char(0x62)]] })]
            ]
        );
        assert_eq!(
            node("\\x{1F600}\\0101\\cA"),
            Node::Concat(vec![Node::Char(0x1F600), Node::Char(0x41), Node::Char(1)])
        );
        // Under `(?i)` the case properties match either case, as Java reads them.
        assert_eq!(node("(?i)\\p{Lower}"), node("\\p{Alpha}"));
        assert_eq!(node("(?i)\\p{Lu}"), Node::Prop(Prop::Unicode("LC"), false));
        assert_eq!(node("(?i)\\p{IsUppercase}"), Node::Prop(Prop::Union(vec!["Lowercase", "Uppercase", "Lt"]), false));
        // `}` and `]` alone are literals; `{` is not.
        assert_eq!(node("a}]"), Node::Concat(vec![Node::Char(0x61), Node::Char(0x7D), Node::Char(0x5D)]));
    }

    #[test]
    fn bad_patterns_are_errors_naming_the_place() {
        for (pattern, error) in [
            ("(a", "an unclosed group at index 2"),
            ("a)", "unmatched `)` at index 1"),
            ("[a", "an unclosed class at index 2"),
            ("*a", "dangling meta character at index 1"),
            ("{a}", "illegal repetition at index 1"),
            ("a{3,2}", "a repetition's maximum is below its minimum at index 5"),
            ("\\x{110000}", "a bad `\\x{…}` escape at index 9"),
            ("\\k<name>", "the escape `\\k` is not supported at index 2"),
            ("(?m)^a", "the inline flag `m` is not supported at index 3"),
            ("a\\", "a trailing backslash at index 2"),
        ] {
            assert_eq!(parse(pattern).unwrap_err(), error, "{pattern}");
        }
        let deep = format!("{}a{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
        assert!(parse(&deep).unwrap_err().starts_with("groups and classes nest more than 64 levels deep"));
        assert!(parse(&format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH))).is_ok());
    }
}
