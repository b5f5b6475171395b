//! Fast sets and tallies keyed by country code.
//!
//! Two-letter codes (`AA`..`ZZ`, the ISO 3166-1 alpha-2 shape) map to one of 676 slots, so looking
//! one up is an array index rather than a string comparison; anything else (a custom supplier name,
//! `unknown`) falls back to a short list. This keeps the analysis linear in the number of members
//! and lines.

use crate::catalog::{CODE_SLOTS, code_slot};

/// A set of country codes (or other supplier names).
#[derive(Debug, Clone)]
pub struct CodeSet<'a> {
    bits: [u64; CODE_SLOTS.div_ceil(64)],
    others: Vec<&'a str>,
}

impl Default for CodeSet<'_> {
    fn default() -> Self {
        CodeSet {
            bits: [0; CODE_SLOTS.div_ceil(64)],
            others: Vec::new(),
        }
    }
}

impl<'a> CodeSet<'a> {
    /// Adds `code`, whose [`code_slot`] the caller has worked out; returns whether it was new.
    pub fn insert_at(&mut self, code: &'a str, slot: Option<usize>) -> bool {
        match slot {
            Some(slot) => {
                let (word, bit) = (slot / 64, 1u64 << (slot % 64));
                let new = self.bits[word] & bit == 0;
                self.bits[word] |= bit;
                new
            }
            None if self.others.contains(&code) => false,
            None => {
                self.others.push(code);
                true
            }
        }
    }

    /// Whether `code` is in the set.
    pub fn contains(&self, code: &str) -> bool {
        self.contains_at(code, code_slot(code))
    }

    /// [`CodeSet::contains`] of a code whose [`code_slot`] the caller has worked out.
    pub fn contains_at(&self, code: &str, slot: Option<usize>) -> bool {
        match slot {
            Some(slot) => self.bits[slot / 64] & (1u64 << (slot % 64)) != 0,
            None => self.others.contains(&code),
        }
    }
}

/// Index of each code in a growing list: `slot → position`, for tallies keyed by supplier.
#[derive(Debug, Clone)]
pub struct CodeIndex<'a> {
    /// Inline rather than boxed: the dependency analysis makes seven per run, and allocating them
    /// showed in its profile.
    slots: [u32; CODE_SLOTS],
    others: Vec<(&'a str, usize)>,
}

impl Default for CodeIndex<'_> {
    fn default() -> Self {
        CodeIndex {
            slots: [u32::MAX; CODE_SLOTS],
            others: Vec::new(),
        }
    }
}

impl<'a> CodeIndex<'a> {
    /// The position recorded for `code` (whose slot, from [`code_slot`], the caller has worked
    /// out), or records `next` for it and returns `None`.
    #[inline]
    pub fn get_or_insert_at(
        &mut self,
        code: &'a str,
        slot: Option<usize>,
        next: usize,
    ) -> Option<usize> {
        match slot {
            Some(slot) => match self.slots[slot] {
                u32::MAX => {
                    self.slots[slot] = u32::try_from(next).expect("fewer than 4 billion suppliers");
                    None
                }
                i => Some(i as usize),
            },
            None => match self.others.iter().find(|(c, _)| *c == code) {
                Some(&(_, i)) => Some(i),
                None => {
                    self.others.push((code, next));
                    None
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_letter_codes_and_other_names_are_both_found() {
        let mut set = CodeSet::default();
        let mut insert = |code| set.insert_at(code, code_slot(code));
        assert!(insert("CL"));
        assert!(!insert("CL"));
        assert!(insert("unknown"));
        assert!(!insert("unknown"));
        assert!(set.contains("CL") && set.contains("unknown"));
        assert!(!set.contains("PE") && !set.contains("cl") && !set.contains("CHL"));
        assert_eq!(code_slot("AA"), Some(0));
        assert_eq!(code_slot("ZZ"), Some(CODE_SLOTS - 1));
        assert_eq!(code_slot("Z"), None);
    }

    #[test]
    fn index_returns_the_first_position_recorded() {
        let mut index = CodeIndex::default();
        let mut add = |code, next| index.get_or_insert_at(code, code_slot(code), next);
        assert_eq!(add("BR", 0), None);
        assert_eq!(add("imported", 1), None);
        assert_eq!(add("BR", 7), Some(0));
        assert_eq!(add("imported", 7), Some(1));
    }
}
