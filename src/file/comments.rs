//! Comments a save does not keep. A save writes the plan canonically under the file's leading
//! `//` block; comments anywhere else (inside the plan's brackets, where hand-editing planners put
//! their reasoning) are found here so the app and `fmt` can warn before dropping them, and those
//! inside a member can be moved into that member's `note`, which is kept.

use crate::plan::Plan;

use super::problem::{comment_spans, position_of, top_level_list_items};

/// A comment that a save drops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedComment {
    /// 1-based line where it starts.
    pub line: usize,
    /// 1-based column where it starts.
    pub column: usize,
    /// Its words, without `//`, `/*`, `*/` and surrounding spaces.
    pub text: String,
    /// The top-level member (index in `members`) it is written in or just before, if any.
    pub member: Option<usize>,
}

/// Every comment in `text` that a save drops: all but the leading `//` block. Linear in the
/// text's length; strings (normal and raw) are skipped, so `"//"` in a name is not a comment.
pub fn dropped_comments(text: &str) -> Vec<DroppedComment> {
    let mut found = Vec::new();
    for (start, end, after_code) in comment_spans(text) {
        let body = &text[start..end];
        match body.strip_prefix("//") {
            // The leading `//` block is the file's header, which a save keeps.
            Some(line) if after_code => found.push((start, line.trim().to_string())),
            Some(_) => {}
            None => {
                let inner = body[2..].trim_end_matches("*/");
                found.push((start, inner.trim().to_string()));
            }
        }
    }
    let members = top_level_list_items(text, "members");
    found
        .into_iter()
        .filter(|(_, words)| !words.is_empty())
        .map(|(offset, words)| {
            let (line, column) = position_of(text, offset);
            DroppedComment {
                line,
                column,
                text: words,
                member: member_of(text, &members, offset),
            }
        })
        .collect()
}

/// The member a comment at `offset` belongs to: the one it is written in, else the one it
/// stands before (a comment on the line where a member ends belongs to that member).
fn member_of(text: &str, members: &[(usize, usize)], offset: usize) -> Option<usize> {
    let line_of = |at: usize| text[..at].matches('\n').count();
    for (k, &(start, end)) in members.iter().enumerate() {
        if (start..end).contains(&offset) {
            return Some(k);
        }
        if offset < start {
            // Before the first member: only inside the list's `[`, not before `members:`.
            if k == 0 && text[..start].rfind('[').is_none_or(|open| offset < open) {
                return None;
            }
            let after_previous = k
                .checked_sub(1)
                .filter(|&p| line_of(members[p].1) == line_of(offset));
            return Some(after_previous.unwrap_or(k));
        }
    }
    members
        .last()
        .filter(|&&(_, end)| line_of(end) == line_of(offset))
        .map(|_| members.len() - 1)
}

/// Moves the comments that belong to a member into that member's `note` (after any note it has,
/// one per line); returns how many were moved. The others stay dropped.
pub fn move_into_notes(plan: &mut Plan, comments: &[DroppedComment]) -> usize {
    let mut moved = 0;
    for comment in comments {
        let Some(member) = comment.member.and_then(|k| plan.members.get_mut(k)) else {
            continue;
        };
        if !member.note.is_empty() {
            member.note.push('\n');
        }
        member.note.push_str(&comment.text);
        moved += 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "// header kept\n// also kept\n(\n    format: 3, // the version\n    name: \"a // not a comment\",\n    members: [\n        // Chile leads\n        (country: \"CL\", /* 96 H200 */ chips: []),\n        (country: \"PE\"), // Peru is new\n        (country: r#\"A//B\"#),\n    ],\n)\n/* trailing */\n";

    #[test]
    fn comments_outside_the_header_are_found_with_their_member() {
        let found = dropped_comments(TEXT);
        let summary: Vec<(&str, Option<usize>, usize)> = found
            .iter()
            .map(|c| (c.text.as_str(), c.member, c.line))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("the version", None, 4),
                ("Chile leads", Some(0), 7),
                ("96 H200", Some(0), 8),
                ("Peru is new", Some(1), 9),
                ("trailing", None, 13),
            ]
        );
        assert_eq!(found[1].column, 9);
    }

    #[test]
    fn a_file_with_only_a_header_drops_nothing() {
        assert!(dropped_comments("// only\n// header\n(format: 3, name: \"x\")\n").is_empty());
    }
}
