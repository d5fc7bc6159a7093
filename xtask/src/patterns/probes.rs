//! Probe strings for a pattern: a fixed set that exercises what dialects and engines read
//! differently (Unicode digits and letters, odd whitespace, line terminators, supplementary
//! characters, marks), then strings generated from the pattern's own syntax tree (so that many
//! probes match) and near misses of them. Deterministic: the random choices are seeded by the
//! pattern's text.

use std::collections::{BTreeSet, HashMap};

use codegen::pattern::emit::{self, Semantics};
use codegen::pattern::parse::{self, Node, Parsed};

/// Probes every pattern gets.
const FIXED: &[&str] = &[
    "",
    "a",
    "Z",
    "0",
    "9",
    "_",
    "-",
    ".",
    " ",
    "abc",
    "ABC",
    "abc123",
    "a-b_c.d",
    "hello world",
    "!@#$%^&*()",
    "\"'`~",
    "/\\|",
    "{}[]<>",
    ":;,?=+",
    "\t",
    "\n",
    "\r\n",
    "abc\n",
    "\u{b}",
    "\u{c}",
    "é",
    "ß",
    "日本",
    "٣",
    "𝟘",
    "\u{212A}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "\u{feff}",
    "😀",
    "a😀b",
    "\u{0}",
    "\u{7f}",
    "e\u{301}",
    "ſ",
    "İ",
    "Straße",
    "abc\tdef",
    " abc",
    "abc ",
    "\u{200b}",
    "a\u{2028}b",
];

/// Characters tried as members of each class, besides printable ASCII.
const POOL: &[char] = &[
    '\t', '\n', '\r', '\u{b}', '\u{c}', 'é', 'ß', '日', '本', '٣', '𝟘', '\u{212A}', '\u{85}', '\u{a0}', '\u{2028}',
    '\u{3000}', '\u{feff}', '😀', '\u{301}', 'ñ', 'Ω', 'ж', 'İ', 'ſ', '\u{200b}', '\u{7f}', '\u{0}',
];

/// Replacements that make near misses.
const ODD: &[&str] = &["é", "٣", "\u{212A}", "\u{a0}", "😀", "𝟘", "\u{85}", "ß", "日", "\n", " ", "-", "."];

/// About `total` probes for `pattern`: the fixed ones, then samples and near misses.
pub fn probes(pattern: &str, total: usize) -> Vec<String> {
    let mut out: Vec<String> = FIXED.iter().map(|s| (*s).to_owned()).collect();
    out.extend(["x".repeat(300), "1".repeat(64)]);
    let mut seen: BTreeSet<String> = out.iter().cloned().collect();
    let Ok(parsed) = parse::parse(pattern) else { return out };
    let mut generator = Generator::new(pattern);
    for attempt in 0..200 {
        if out.len() >= total {
            break;
        }
        generator.captures.clear();
        let sample = generator.sample(&parsed.node);
        let mut batch = vec![sample.clone()];
        if attempt % 2 == 0 {
            batch.extend(generator.near_misses(&sample));
        }
        for probe in batch {
            if out.len() < total && seen.insert(probe.clone()) {
                out.push(probe);
            }
        }
    }
    out
}

struct Generator {
    state: u64,
    pool: Vec<char>,
    /// The pool characters each one-character node accepts, by its translation.
    members: HashMap<String, Vec<char>>,
    /// What each group matched in the current sample, for back-references.
    captures: HashMap<u32, String>,
}

impl Generator {
    fn new(seed: &str) -> Generator {
        // FNV-1a: the same seed on every run and platform.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in seed.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let mut pool: Vec<char> = (0x20u8..0x7F).map(char::from).collect();
        pool.extend_from_slice(POOL);
        Generator { state: hash | 1, pool, members: HashMap::new(), captures: HashMap::new() }
    }

    /// xorshift64*.
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One pool character that a one-character node accepts (none when it accepts none).
    fn pick(&mut self, node: &Node) -> String {
        let parsed = Parsed { node: node.clone(), groups: 0, referenced: Vec::new() };
        let text = emit::emit(&parsed, Semantics::CHOSEN, None);
        if !self.members.contains_key(&text) {
            let members = match codegen::pattern::compile(&format!("^(?:{text})$")) {
                Ok(regex) => {
                    self.pool.iter().copied().filter(|c| regex.is_match(&c.to_string()).unwrap_or(false)).collect()
                }
                Err(_) => Vec::new(),
            };
            self.members.insert(text.clone(), members);
        }
        let count = self.members[&text].len();
        if count == 0 {
            return String::new();
        }
        let i = self.below(count);
        self.members[&text][i].to_string()
    }

    /// A string the node (likely) matches.
    fn sample(&mut self, node: &Node) -> String {
        match node {
            Node::Empty
            | Node::Start
            | Node::End
            | Node::EndStrict
            | Node::EndBeforeTerminator
            | Node::WordBoundary(_)
            | Node::Look { .. } => String::new(),
            Node::Char(c) => char::from_u32(*c).map(String::from).unwrap_or_default(),
            Node::Any { .. } | Node::Class(_) | Node::Perl(..) | Node::Prop(..) => self.pick(node),
            Node::LineBreak => "\n".to_owned(),
            Node::Group(body, index) => {
                let sample = self.sample(body);
                if let Some(i) = index {
                    self.captures.insert(*i, sample.clone());
                }
                sample
            }
            Node::Atomic(body) => self.sample(body),
            Node::Backref(n) => self.captures.get(n).cloned().unwrap_or_default(),
            Node::Repeat { node, min, max, .. } => {
                let (min, max) = (*min as usize, max.map(|m| m as usize));
                let count = match self.below(4) {
                    0 => min,
                    1 => min + 1,
                    2 => match max {
                        Some(max) if max <= min + 8 => max,
                        _ => min + 2,
                    },
                    _ => min + self.below(4),
                };
                let count = max.map_or(count, |max| count.min(max)).min(min.max(40));
                (0..count).map(|_| self.sample(node)).collect()
            }
            Node::Concat(nodes) => nodes.iter().map(|n| self.sample(n)).collect(),
            Node::Alt(nodes) => {
                let i = self.below(nodes.len());
                self.sample(&nodes[i])
            }
        }
    }

    /// Strings one step from `sample`: a trailing line break, a leading space, one character
    /// replaced by an odd one, the last one dropped, upper case.
    fn near_misses(&mut self, sample: &str) -> Vec<String> {
        let chars: Vec<char> = sample.chars().collect();
        let mut out = vec![format!("{sample}\n"), format!(" {sample}")];
        if !chars.is_empty() {
            let at = self.below(chars.len());
            let odd = ODD[self.below(ODD.len())];
            let mut replaced: String = chars[..at].iter().collect();
            replaced.push_str(odd);
            replaced.extend(&chars[at + 1..]);
            out.push(replaced);
            out.push(chars[..chars.len() - 1].iter().collect());
            out.push(sample.to_uppercase());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::probes;

    #[test]
    fn probes_are_the_same_on_every_run_and_many_match() {
        let first = probes("^[a-z]{3}-\\d+$", 75);
        assert_eq!(first, probes("^[a-z]{3}-\\d+$", 75));
        assert_eq!(first.len(), 75);
        let regex = codegen::pattern::compile(&codegen::pattern::translate("^[a-z]{3}-\\d+$").unwrap().regex).unwrap();
        let matching = first.iter().filter(|p| regex.is_match(p).unwrap()).count();
        assert!(matching >= 5, "{matching} of {first:?}");
    }
}
