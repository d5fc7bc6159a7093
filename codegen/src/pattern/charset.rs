//! Sets of code points, for the character classes whose members the translator works out itself
//! (POSIX classes, `\s`, negations and intersections of those, `(?i)` letters).

/// The largest code point.
pub const MAX: u32 = 0x10FFFF;

/// A set of code points: sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharSet(Vec<(u32, u32)>);

impl CharSet {
    /// Every code point.
    pub fn all() -> CharSet {
        CharSet(vec![(0, MAX)])
    }

    /// The code points of `ranges` (inclusive, in any order, overlapping or not; empty ranges are
    /// ignored).
    pub fn of(ranges: impl IntoIterator<Item = (u32, u32)>) -> CharSet {
        let mut ranges: Vec<(u32, u32)> = ranges.into_iter().filter(|(lo, hi)| lo <= hi).collect();
        ranges.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (lo, hi) in ranges {
            match out.last_mut() {
                Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
                _ => out.push((lo, hi)),
            }
        }
        CharSet(out)
    }

    /// The characters of `chars`.
    pub fn chars(chars: &str) -> CharSet {
        CharSet::of(chars.chars().map(|c| (u32::from(c), u32::from(c))))
    }

    /// The ranges, sorted.
    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Code points in either set.
    pub fn union(&self, other: &CharSet) -> CharSet {
        CharSet::of(self.0.iter().chain(&other.0).copied())
    }

    /// Code points not in the set (up to [`MAX`]).
    pub fn complement(&self) -> CharSet {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut next = 0u32;
        for &(lo, hi) in &self.0 {
            if lo > next {
                out.push((next, lo - 1));
            }
            next = hi.saturating_add(1);
        }
        if next <= MAX {
            out.push((next, MAX));
        }
        CharSet(out)
    }

    /// Code points in both sets.
    pub fn intersect(&self, other: &CharSet) -> CharSet {
        self.complement().union(&other.complement()).complement()
    }

    /// The set without the UTF-16 surrogate code points, which no `&str` holds.
    pub fn scalar_values(&self) -> CharSet {
        self.intersect(&CharSet::of([(0, 0xD7FF), (0xE000, MAX)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_merged_sorted_and_adjacent_ones_joined() {
        let set = CharSet::of([(10, 20), (0, 5), (6, 8), (15, 30), (9, 3)]);
        assert_eq!(set.ranges(), [(0, 8), (10, 30)]);
        assert_eq!(CharSet::chars("cab").ranges(), [(0x61, 0x63)]);
    }

    #[test]
    fn complement_union_and_intersection() {
        let digits = CharSet::of([(0x30, 0x39)]);
        assert_eq!(digits.complement().ranges(), [(0, 0x2F), (0x3A, MAX)]);
        assert_eq!(digits.complement().complement(), digits);
        assert!(CharSet::all().complement().is_empty());
        let hex = CharSet::of([(0x30, 0x39), (0x41, 0x46)]);
        assert_eq!(hex.intersect(&CharSet::of([(0x35, 0x42)])).ranges(), [(0x35, 0x39), (0x41, 0x42)]);
        assert_eq!(digits.union(&CharSet::of([(0x3A, 0x3A)])).ranges(), [(0x30, 0x3A)]);
    }

    #[test]
    fn surrogates_are_not_scalar_values() {
        let set = CharSet::of([(0xD000, 0xE000)]).scalar_values();
        assert_eq!(set.ranges(), [(0xD000, 0xD7FF), (0xE000, 0xE000)]);
        assert!(CharSet::of([(0xD800, 0xDFFF)]).scalar_values().is_empty());
    }
}
