//! The proposal as Markdown (GitHub-flavoured tables); charts are left to the HTML report.

use std::fmt::Write;

use super::document::{Block, Document};
use super::escape::{markdown_cell, markdown_text};

/// The document as Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", markdown_text(&doc.title));
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let _ = writeln!(
                    s,
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    markdown_text(text)
                );
            }
            Block::Paragraph(text) => {
                let _ = writeln!(s, "{}\n", markdown_text(text));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(s, "- {}", markdown_text(item));
                }
                s.push('\n');
            }
            Block::Table {
                columns,
                numeric,
                rows,
            } => {
                let head: Vec<String> = columns.iter().map(|c| markdown_cell(c)).collect();
                let _ = writeln!(s, "| {} |", head.join(" | "));
                let rule: Vec<&str> = numeric
                    .iter()
                    .map(|n| if *n { "---:" } else { "---" })
                    .collect();
                let _ = writeln!(s, "| {} |", rule.join(" | "));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
                    let _ = writeln!(s, "| {} |", cells.join(" | "));
                }
                s.push('\n');
            }
            Block::Chart(_) => {}
        }
    }
    s
}
