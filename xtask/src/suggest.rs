//! "Did you mean": the closest valid word to a mistyped task or flag.
//!
//! Edit distance with adjacent transpositions (optimal string alignment), so that `--chekc`
//! and `tset` are one edit away from `--check` and `test`. A suggestion is made only when the
//! word is at most a third of the candidate's length away (at least one edit), so that
//! unrelated words get none.

/// The number of single-character insertions, deletions, substitutions and swaps of adjacent
/// characters that turn `a` into `b` (no substring is edited twice).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: the distance between a[..i] and b[..j]; only the last three rows are needed.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = substitution.min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

/// The candidate closest to `word`, if one is close enough to be what was meant.
pub fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("--check", "--check"), 0);
        assert_eq!(distance("--chek", "--check"), 1);
        assert_eq!(distance("--chekc", "--check"), 1);
        assert_eq!(distance("tset", "test"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ca", "abc"), 3);
    }

    #[test]
    fn suggestions_are_close_words_only() {
        let flags = ["--check", "--model", "--out", "--force", "--help"];
        assert_eq!(closest("--chek", &flags), Some("--check"));
        assert_eq!(closest("--modle", &flags), Some("--model"));
        assert_eq!(closest("-out", &flags), Some("--out"));
        assert_eq!(closest("check", &flags), Some("--check"));
        assert_eq!(closest("--verbose", &flags), None);
        assert_eq!(closest("x", &["test", "fmt", "fuzz"]), None);
        assert_eq!(closest("codgen", &["test", "models", "fuzz", "fmt", "codegen"]), Some("codegen"));
    }
}
