//! The proposal as one self-contained HTML file: inline CSS for screen and A4 print, charts as
//! inline SVG, no scripts and no external resources. Every text from the plan is escaped. The
//! markup is also well-formed XML (void elements closed), so strict parsers read it too.

use std::fmt::Write;

use crate::analysis::Report;
use crate::catalog::Catalog;

use super::document::{Block, Chart, Document};
use super::escape::html as esc;
use super::{budget_chart, charts};

const CSS: &str = "
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4;
       color: #222; max-width: 980px; margin: 0 auto; padding: 12px 20px; }
h1 { font-size: 20pt; margin: 0 0 6px; }
h2 { font-size: 14pt; margin: 18px 0 6px; border-bottom: 2px solid #4e79a7; padding-bottom: 2px; }
h3 { font-size: 11.5pt; margin: 14px 0 4px; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: 3px 5px; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
th { background: #eef2f7; }
td.num, th.num { text-align: right; }
td.nowrap { white-space: nowrap; }
tr:nth-child(even) td { background: #fafafa; }
thead { display: table-header-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
ul { padding-left: 20px; }
li { margin: 2px 0; }
@media print {
  body { max-width: none; padding: 0; }
  h2.new-page { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
";

/// The document as a self-contained HTML page, with charts drawn from `report`.
pub fn html(doc: &Document, report: &Report, catalog: &'static Catalog) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n\
         <p class=\"meta\">Consortium plan proposal, written by Consortium Planner. Figures follow \
         the formulas and catalog sources named in the app; the assumptions are listed at the end.</p>\n",
        esc(&doc.title),
        esc(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading {
                level,
                text,
                new_page,
            } => {
                let class = if *new_page { " class=\"new-page\"" } else { "" };
                let _ = writeln!(s, "<h{level}{class}>{}</h{level}>", esc(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(s, "<p>{}</p>", esc(text));
            }
            Block::List(items) => {
                s.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(s, "<li>{}</li>", esc(item));
                }
                s.push_str("</ul>\n");
            }
            Block::Table {
                columns,
                numeric,
                rows,
            } => table(&mut s, columns, numeric, rows),
            Block::Chart(chart) => {
                let svgs = match chart {
                    Chart::Capacity => charts::capacity(report),
                    Chart::Dependency => vec![charts::dependency(report, catalog)],
                    Chart::Stakes => vec![charts::stakes(report, catalog)],
                    Chart::RentOrOwn => budget_chart::rent_or_own(&report.budget.rent_vs_own)
                        .into_iter()
                        .collect(),
                };
                for svg in svgs {
                    let _ = writeln!(s, "<figure>{svg}</figure>");
                }
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// Numbers up to this many characters are kept on one line; longer cells may wrap.
const NOWRAP_CHARS: usize = 16;

fn table(s: &mut String, columns: &[String], numeric: &[bool], rows: &[Vec<String>]) {
    let is_numeric = |i: usize| numeric.get(i).copied().unwrap_or(false);
    s.push_str("<table>\n<thead><tr>");
    for (i, c) in columns.iter().enumerate() {
        let class = if is_numeric(i) { " class=\"num\"" } else { "" };
        let _ = write!(s, "<th{class}>{}</th>", esc(c));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        s.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = match (is_numeric(i), cell.chars().count() <= NOWRAP_CHARS) {
                (true, true) => " class=\"num nowrap\"",
                (true, false) => " class=\"num\"",
                _ => "",
            };
            let _ = write!(s, "<td{class}>{}</td>", esc(cell));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
}
