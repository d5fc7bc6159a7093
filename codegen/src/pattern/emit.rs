//! Stage 2: a parsed pattern written in the syntax of Rust's `regex` crate plus what
//! `fancy-regex` adds (look-around, atomic groups, back-references), with one meaning chosen
//! for each construct on which Java and ECMAScript disagree ([`Semantics`]).
//!
//! Nothing here depends on which Unicode tables the engine was built with: `\d`, `\w`, `\s`,
//! `.`, `\b` and the POSIX classes are spelled as explicit sets, case-insensitivity as explicit
//! alternatives, so the only properties left are the general categories and binary properties
//! that the parser let through.

use super::charset::CharSet;
use super::parse::{Class, Item, Node, Parsed, Perl, Prop, RepeatKind};

/// Which dialect's meaning a construct takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// `java.util.regex` (JDK 17), what Smithy's own tooling uses.
    Java,
    /// ECMA 262 with the `u` flag, what the Smithy specification says.
    Ecma,
}

/// The meaning of each construct that both dialects have but read differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Semantics {
    /// `$`: Java also matches before a final line terminator (`"abc\n"` matches `^abc$`).
    pub dollar: Meaning,
    /// `\s`: Java's is `[ \t\n\x0B\f\r]`; ECMAScript's adds U+00A0, U+1680, U+2000–U+200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
    pub space: Meaning,
    /// `.`: both exclude `\n`, `\r`, U+2028 and U+2029; Java also excludes U+0085.
    pub dot: Meaning,
    /// `\b`: ECMAScript's word characters are `[A-Za-z0-9_]`; Java 17's are every Unicode letter
    /// and decimal digit and `_` (Java 19 and later follow `\w`, and agree with ECMAScript).
    pub boundary: Meaning,
    /// `\v`: Java: vertical whitespace `[\n\x0B\f\r\x85\u2028\u2029]`; ECMAScript: U+000B.
    pub vspace: Meaning,
}

impl Semantics {
    /// What the generated crates use: ECMAScript's meaning wherever both dialects have the
    /// construct.
    pub const CHOSEN: Semantics = Semantics {
        dollar: Meaning::Ecma,
        space: Meaning::Ecma,
        dot: Meaning::Ecma,
        boundary: Meaning::Ecma,
        vspace: Meaning::Ecma,
    };

    /// Java's meaning everywhere: what Smithy's tooling checks (for comparing with it).
    pub const JAVA: Semantics = Semantics {
        dollar: Meaning::Java,
        space: Meaning::Java,
        dot: Meaning::Java,
        boundary: Meaning::Java,
        vspace: Meaning::Java,
    };
}

/// A class that matches nothing (valid inside a class too).
const NEVER: &str = r"[^\x{0}-\x{10FFFF}]";

/// A class that matches any character (valid inside a class too).
const ANY: &str = r"[\x{0}-\x{10FFFF}]";

/// The ASCII characters that are escaped in literals; `<` and `>` are not (`\<` is a word
/// boundary in Rust's syntax).
const META: &str = r"\.+*?()|[]{}^$#&-~";

/// Writes the pattern. With `vm_loops_over`, a repetition of one character that may repeat more
/// than that many times becomes a loop of fancy-regex's own backtracking machine
/// (`(?:(?=X)(?s:.)){m,n}`) instead of being handed to regex-automata, whose automaton for
/// `.{1,100000}` is too big to build.
pub fn emit(parsed: &Parsed, semantics: Semantics, vm_loops_over: Option<u32>) -> String {
    let emitter = Emitter { semantics, referenced: &parsed.referenced, groups: parsed.groups, vm_loops_over };
    emitter.node(&parsed.node).0
}

/// A class item or operand: a set known in full, or class syntax with a Unicode property in it.
enum Part {
    Set(CharSet),
    Text(String),
}

impl Part {
    fn known(&self) -> Option<&CharSet> {
        match self {
            Part::Set(set) => Some(set),
            Part::Text(_) => None,
        }
    }
}

struct Emitter<'a> {
    semantics: Semantics,
    referenced: &'a [u32],
    groups: u32,
    vm_loops_over: Option<u32>,
}

fn ecma_space() -> CharSet {
    CharSet::of([
        (0x09, 0x0D),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x2028, 0x2029),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ])
}

fn java_vspace() -> CharSet {
    CharSet::of([(0x0A, 0x0D), (0x85, 0x85), (0x2028, 0x2029)])
}

fn hspace() -> CharSet {
    CharSet::of([
        (0x09, 0x09),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200A),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
    ])
}

impl Emitter<'_> {
    /// The set of a class escape, with the chosen meaning.
    fn perl_set(&self, perl: Perl, negated: bool) -> CharSet {
        let set = match perl {
            Perl::Digit => CharSet::of([(0x30, 0x39)]),
            Perl::Word => CharSet::of([(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]),
            Perl::Space => match self.semantics.space {
                Meaning::Java => CharSet::of([(0x09, 0x0D), (0x20, 0x20)]),
                Meaning::Ecma => ecma_space(),
            },
            // ECMAScript has no `\V`: Java's meaning.
            Perl::VSpace if negated => java_vspace(),
            Perl::VSpace => match self.semantics.vspace {
                Meaning::Java => java_vspace(),
                Meaning::Ecma => CharSet::of([(0x0B, 0x0B)]),
            },
            Perl::HSpace => hspace(),
        };
        if negated {
            set.complement()
        } else {
            set
        }
    }

    /// A literal code point.
    fn literal(c: u32) -> String {
        match char::from_u32(c) {
            Some(c) if c.is_ascii_alphanumeric() || c == ' ' => c.to_string(),
            Some(c) if META.contains(c) => format!("\\{c}"),
            Some(c) if c.is_ascii_graphic() => c.to_string(),
            _ => format!("\\x{{{c:X}}}"),
        }
    }

    /// The ranges of a set, as they are written inside a class (surrogates left out).
    fn ranges(set: &CharSet) -> String {
        let mut out = String::new();
        for &(lo, hi) in set.scalar_values().ranges() {
            out.push_str(&Self::literal(lo));
            if hi > lo {
                if hi > lo + 1 {
                    out.push('-');
                }
                out.push_str(&Self::literal(hi));
            }
        }
        out
    }

    /// A class of exactly the code points of `set` (negated when that is shorter: `[^@]`).
    fn set(set: &CharSet) -> String {
        let (included, excluded) = (set.scalar_values(), set.complement().scalar_values());
        if included.is_empty() {
            NEVER.to_owned()
        } else if excluded.is_empty() {
            ANY.to_owned()
        } else if excluded.ranges().len() < included.ranges().len() {
            format!("[^{}]", Self::ranges(&excluded))
        } else {
            format!("[{}]", Self::ranges(&included))
        }
    }

    /// A class: one merged set when every item is known, else Rust's own class syntax (nested
    /// classes, `&&`) with the known items of each operand merged.
    fn class(&self, class: &Class) -> String {
        match self.class_part(class) {
            Part::Set(set) => Self::set(&set),
            Part::Text(text) => text,
        }
    }

    fn class_part(&self, class: &Class) -> Part {
        let operands: Vec<Part> = class.operands.iter().map(|items| self.operand(items)).collect();
        let known: Option<Vec<&CharSet>> = operands.iter().map(Part::known).collect();
        if let Some(sets) = known {
            let mut sets = sets.into_iter();
            let first = sets.next().cloned().unwrap_or_default();
            let set = sets.fold(first, |all, set| all.intersect(set));
            return Part::Set(if class.negated { set.complement() } else { set });
        }
        let operands: Vec<String> = operands
            .into_iter()
            .map(|operand| match operand {
                Part::Set(set) => Self::set(&set),
                Part::Text(text) => text,
            })
            .collect();
        Part::Text(format!("[{}{}]", if class.negated { "^" } else { "" }, operands.join("&&")))
    }

    /// One operand of `&&`: the union of its items.
    fn operand(&self, items: &[Item]) -> Part {
        let mut known = Vec::new();
        let mut text = String::new();
        for item in items {
            match self.part(item) {
                Part::Set(set) => known.extend_from_slice(set.ranges()),
                Part::Text(more) => text.push_str(&more),
            }
        }
        let known = CharSet::of(known);
        if text.is_empty() {
            Part::Set(known)
        } else {
            Part::Text(Self::ranges(&known) + &text)
        }
    }

    fn part(&self, item: &Item) -> Part {
        let property = |name: &str, negated: bool| format!("\\{}{{{name}}}", if negated { 'P' } else { 'p' });
        match item {
            Item::Char(c) => Part::Set(CharSet::of([(*c, *c)])),
            Item::Range(lo, hi) => Part::Set(CharSet::of([(*lo, *hi)])),
            Item::Perl(perl, negated) => Part::Set(self.perl_set(*perl, *negated)),
            Item::Prop(Prop::Set(set), negated) => Part::Set(if *negated { set.complement() } else { set.clone() }),
            Item::Prop(Prop::Unicode(name), negated) => Part::Text(property(name, *negated)),
            Item::Prop(Prop::Union(names), negated) => {
                let names: String = names.iter().map(|name| property(name, false)).collect();
                Part::Text(if *negated { format!("[^{names}]") } else { names })
            }
            Item::Nested(class) => self.class_part(class),
        }
    }

    /// A look-around word boundary over the word characters `word`.
    fn boundary(word: &str, negated: bool) -> String {
        if negated {
            format!("(?:(?<={word})(?={word})|(?<!{word})(?!{word}))")
        } else {
            format!("(?:(?<={word})(?!{word})|(?<!{word})(?={word}))")
        }
    }

    /// Java's `\Z`: the end, or before a final `\r\n`, `\r`, `\n` (not after `\r`), U+0085,
    /// U+2028 or U+2029.
    fn end_before_terminator() -> String {
        r"(?=(?:\r\n|[\r\x{85}\x{2028}\x{2029}])?\z|(?<!\r)\n\z)".to_owned()
    }

    fn is_assertion(node: &Node) -> bool {
        matches!(
            node,
            Node::Empty
                | Node::Start
                | Node::End
                | Node::EndStrict
                | Node::EndBeforeTerminator
                | Node::WordBoundary(_)
                | Node::Look { .. }
        )
    }

    fn is_one_char(node: &Node) -> bool {
        matches!(node, Node::Char(_) | Node::Any { .. } | Node::Class(_) | Node::Perl(..) | Node::Prop(..))
    }

    /// The text of a node, and whether a quantifier can follow it without a group.
    fn node(&self, node: &Node) -> (String, bool) {
        let one_item = |item: Item| self.class(&Class { negated: false, operands: vec![vec![item]] });
        match node {
            Node::Empty => (String::new(), false),
            Node::Char(c) if (0xD800..=0xDFFF).contains(c) => (NEVER.to_owned(), true),
            Node::Char(c) => (Self::literal(*c), true),
            Node::Any { dot_all: true } => ("(?s:.)".to_owned(), true),
            Node::Any { dot_all: false } => match self.semantics.dot {
                Meaning::Ecma => (r"[^\n\r\x{2028}\x{2029}]".to_owned(), true),
                Meaning::Java => (r"[^\n\r\x{85}\x{2028}\x{2029}]".to_owned(), true),
            },
            Node::Class(class) => (self.class(class), true),
            Node::Perl(perl, negated) => (one_item(Item::Perl(*perl, *negated)), true),
            Node::Prop(prop, negated) => (one_item(Item::Prop(prop.clone(), *negated)), true),
            Node::Start => ("^".to_owned(), false),
            Node::End => match self.semantics.dollar {
                Meaning::Ecma => ("$".to_owned(), false),
                Meaning::Java => (Self::end_before_terminator(), false),
            },
            Node::EndStrict => (r"\z".to_owned(), false),
            Node::EndBeforeTerminator => (Self::end_before_terminator(), false),
            // fancy-regex cannot turn Unicode off inline (`(?-u:\b)`): the boundary is spelled out.
            Node::WordBoundary(negated) => match self.semantics.boundary {
                Meaning::Ecma => (Self::boundary("[0-9A-Za-z_]", *negated), false),
                Meaning::Java => (Self::boundary(r"[\p{L}\p{Nd}_]", *negated), false),
            },
            Node::LineBreak => (r"(?:\r\n|[\n\x0B\x0C\r\x{85}\x{2028}\x{2029}])".to_owned(), true),
            Node::Group(body, index) => {
                let inner = self.node(body).0;
                match index {
                    Some(i) if self.referenced.contains(i) => (format!("(?<g{i}>{inner})"), true),
                    _ => (format!("(?:{inner})"), true),
                }
            }
            Node::Look { node, ahead, negated } => {
                let kind = match (ahead, negated) {
                    (true, false) => "?=",
                    (true, true) => "?!",
                    (false, false) => "?<=",
                    (false, true) => "?<!",
                };
                (format!("({kind}{})", self.node(node).0), false)
            }
            Node::Atomic(body) => (format!("(?>{})", self.node(body).0), true),
            Node::Backref(n) if *n > self.groups => (NEVER.to_owned(), true),
            Node::Backref(n) => (format!(r"\k<g{n}>"), true),
            Node::Repeat { node, min, max, kind } => self.repeat(node, *min, *max, *kind),
            Node::Concat(nodes) => (nodes.iter().map(|n| self.node(n).0).collect(), false),
            Node::Alt(nodes) => (nodes.iter().map(|n| self.node(n).0).collect::<Vec<_>>().join("|"), false),
        }
    }

    fn repeat(&self, inner: &Node, min: u32, max: Option<u32>, kind: RepeatKind) -> (String, bool) {
        if Self::is_assertion(inner) {
            // Java allows `${1,128}`: the assertion, or nothing when it may repeat 0 times.
            return if min == 0 { (String::new(), false) } else { self.node(inner) };
        }
        let (text, atom) = self.node(inner);
        let vm_loop = Self::is_one_char(inner) && self.vm_loops_over.is_some_and(|over| max.unwrap_or(min) > over);
        let base = if vm_loop {
            format!("(?:(?={text})(?s:.))")
        } else if atom {
            text
        } else {
            format!("(?:{text})")
        };
        let count = match (min, max) {
            (0, None) => "*".to_owned(),
            (1, None) => "+".to_owned(),
            (0, Some(1)) => "?".to_owned(),
            (min, None) => format!("{{{min},}}"),
            (min, Some(max)) if min == max => format!("{{{min}}}"),
            (min, Some(max)) => format!("{{{min},{max}}}"),
        };
        match kind {
            RepeatKind::Greedy => (format!("{base}{count}"), false),
            RepeatKind::Lazy => (format!("{base}{count}?"), false),
            // A fixed count of one character has nothing to give back.
            RepeatKind::Possessive if Some(min) == max && Self::is_one_char(inner) => (format!("{base}{count}"), false),
            RepeatKind::Possessive => (format!("(?>{base}{count})"), true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn emitted(pattern: &str) -> String {
        emit(&parse(pattern).unwrap(), Semantics::CHOSEN, None)
    }

    fn java(pattern: &str) -> String {
        emit(&parse(pattern).unwrap(), Semantics::JAVA, None)
    }

    #[test]
    fn plain_patterns_keep_their_shape() {
        assert_eq!(emitted("^[a-z0-9]{1,64}$"), "^[0-9a-z]{1,64}$");
        assert_eq!(emitted("arn:aws:iam::\\d{12}:role/.+"), r"arn:aws:iam::[0-9]{12}:role/[^\n\r\x{2028}\x{2029}]+");
        assert_eq!(emitted("(a|b)+?c"), "(?:a|b)+?c");
    }

    #[test]
    fn class_escapes_and_posix_classes_are_explicit_sets() {
        assert_eq!(emitted("[\\w-.~]"), r"[\-\.0-9A-Z_a-z\~]");
        assert_eq!(emitted("\\p{Alnum}"), "[0-9A-Za-z]");
        assert_eq!(emitted("[\\p{XDigit}\\p{Blank}]"), r"[\x{9} 0-9A-Fa-f]");
        assert_eq!(
            emitted("\\s"),
            r"[\x{9}-\x{D} \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]"
        );
        assert_eq!(java("\\s"), r"[\x{9}-\x{D} ]");
        // A set is written negated when that is shorter.
        assert_eq!(emitted("[^@]"), "[^@]");
        assert_eq!(
            emitted("\\S"),
            r"[^\x{9}-\x{D} \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]"
        );
    }

    #[test]
    fn properties_stay_properties_beside_the_known_members() {
        assert_eq!(emitted("[\\P{M}\\p{M}]"), r"[\P{M}\p{M}]");
        assert_eq!(emitted("[^\\p{L}\\r\\n]"), r"[^\x{A}\x{D}\p{L}]");
        assert_eq!(emitted("[\\p{L}&&[^\\p{Lu}]]"), r"[\p{L}&&[^\p{Lu}]]");
        assert_eq!(emitted("\\p{LD}"), r"[\p{L}\p{Nd}]");
    }

    #[test]
    fn surrogates_never_match() {
        assert_eq!(
            emitted("^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\r\\n\\t]*$"),
            r"^[\x{9}\x{A}\x{D} -\x{D7FF}\x{E000}-\x{FFFD}]*$"
        );
        assert_eq!(emitted("\\uD800"), NEVER);
        assert_eq!(emitted("[\\uD800-\\uDFFF]"), NEVER);
        assert_eq!(emitted("[^\\uD800]"), ANY);
    }

    #[test]
    fn java_only_constructs_keep_their_java_meaning() {
        assert_eq!(emitted("a++b"), "(?>a+)b");
        assert_eq!(emitted("a{3}+"), "a{3}");
        assert_eq!(emitted("(?i)ab"), "[Aa][Bb]");
        assert_eq!(emitted("(?s).\\z"), r"(?s:.)\z");
        assert_eq!(emitted("x${1,2}"), "x$");
        assert_eq!(emitted("(a)\\1\\2"), format!(r"(?<g1>a)\k<g1>{NEVER}"));
    }

    #[test]
    fn the_meanings_that_differ() {
        assert_eq!(emitted("a$"), "a$");
        assert_eq!(java("a$"), r"a(?=(?:\r\n|[\r\x{85}\x{2028}\x{2029}])?\z|(?<!\r)\n\z)");
        assert_eq!(java("."), r"[^\n\r\x{85}\x{2028}\x{2029}]");
        assert_eq!(emitted("\\b"), "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))");
        assert_eq!(emitted("\\v"), r"[\x{B}]");
        assert_eq!(java("\\v"), r"[\x{A}-\x{D}\x{85}\x{2028}\x{2029}]");
    }

    #[test]
    fn long_one_character_repetitions_can_run_on_the_backtracking_machine() {
        let parsed = parse("^.{1,100000}$").unwrap();
        assert_eq!(emit(&parsed, Semantics::CHOSEN, Some(64)), r"^(?:(?=[^\n\r\x{2028}\x{2029}])(?s:.)){1,100000}$");
        assert_eq!(emit(&parse("a{1,64}").unwrap(), Semantics::CHOSEN, Some(64)), "a{1,64}");
    }
}
