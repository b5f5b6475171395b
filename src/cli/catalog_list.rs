//! The `catalog` command: the built-in catalog as text, with sources.

use std::fmt::Write;

use crate::catalog::{Catalog, Price};

use super::CatalogPart;

fn opt(v: Option<f64>) -> String {
    v.map_or("—".to_string(), |v| format!("{v}"))
}

/// The catalog (or one part of it) as text.
pub fn catalog_text(catalog: &Catalog, part: CatalogPart) -> String {
    let mut s = String::new();
    let all = part == CatalogPart::All;
    if all || part == CatalogPart::Chips {
        let _ = writeln!(
            s,
            "Accelerators (dense peaks) — id: name | BF16 / FP8 TFLOP/s | memory GB, TB/s | TDP W | vendor (country) | fab | HBM | price | confidence"
        );
        for a in &catalog.accelerators {
            let price = match a.price {
                Price::EstimateUsd(v) => format!("~{v} USD"),
                Price::RentOnly => "rent only".into(),
                Price::Unknown => "price unknown".into(),
            };
            let _ = writeln!(
                s,
                "{}: {} | {} / {} | {} GB, {} TB/s | {} W | {} ({}) | {} ({}) | HBM {} | {} | {}",
                a.id,
                a.name,
                opt(a.bf16_tflops),
                opt(a.fp8_tflops),
                opt(a.memory_gb),
                opt(a.memory_bandwidth_tbs),
                opt(a.tdp_w),
                a.vendor,
                a.vendor_country,
                a.fab.as_deref().unwrap_or("undisclosed"),
                a.fab_countries.join("/"),
                if a.memory_supplier_countries.is_empty() {
                    "unknown".into()
                } else {
                    a.memory_supplier_countries.join("/")
                },
                price,
                a.confidence.letter()
            );
            let _ = writeln!(s, "    source: {}", a.source);
            if !a.notes.is_empty() {
                let _ = writeln!(s, "    notes: {}", a.notes);
            }
        }
        let _ = writeln!(s);
    }
    if all || part == CatalogPart::Models {
        let _ = writeln!(
            s,
            "Open-weight models — id: name | params total/active B | tokens T | context k | developer (country) | licence | released | confidence"
        );
        for m in &catalog.models {
            let _ = writeln!(
                s,
                "{}: {} | {}/{} B | {} T | {} k | {} ({}) | {} | {} | {}",
                m.id,
                m.name,
                m.total_params_b,
                m.active_params_b,
                opt(m.training_tokens_t),
                opt(m.context_k_tokens),
                m.developer,
                m.developer_country,
                m.licence.name,
                m.release,
                m.confidence.letter()
            );
            let _ = writeln!(
                s,
                "    languages: {} {}",
                m.languages.join(", "),
                m.languages_note
            );
            let _ = writeln!(s, "    source: {}; licence: {}", m.source, m.licence.source);
            if !m.notes.is_empty() {
                let _ = writeln!(s, "    notes: {}", m.notes);
            }
        }
        let _ = writeln!(s);
    }
    if all || part == CatalogPart::Countries {
        let t = &catalog.countries;
        let _ = writeln!(
            s,
            "Countries — code alpha3 name | region / subregion | UN member | population (year) | GDP USD (year)"
        );
        let _ = writeln!(
            s,
            "  codes: {}\n  population: {}\n  GDP: {}",
            t.codes_source, t.population_source, t.gdp_source
        );
        for c in &t.countries {
            let _ = writeln!(
                s,
                "{} {} {} | {} / {} | {} | {} ({}) | {} ({})",
                c.code,
                c.alpha3,
                c.name,
                c.region,
                c.subregion,
                if c.un_member { "UN" } else { "-" },
                opt(c.population),
                c.population_year.map_or("—".into(), |y| y.to_string()),
                opt(c.gdp_usd),
                c.gdp_year.map_or("—".into(), |y| y.to_string())
            );
        }
        let _ = writeln!(s);
    }
    if all || part == CatalogPart::Presets {
        let _ = writeln!(s, "Regional presets");
        for p in &catalog.presets {
            let _ = writeln!(
                s,
                "{}: {} ({} members): {}",
                p.id,
                p.name,
                p.members.len(),
                p.members.join(" ")
            );
            let _ = writeln!(s, "    source: {}", p.source);
            if !p.notes.is_empty() {
                let _ = writeln!(s, "    notes: {}", p.notes);
            }
        }
    }
    if all || part == CatalogPart::ExportGroups {
        let g = &catalog.export_groups;
        let _ = writeln!(
            s,
            "\nUS export-control country groups (confidence {})",
            g.confidence.letter()
        );
        let _ = writeln!(s, "  source: {} (read {})", g.source, g.read_on);
        let _ = writeln!(s, "  rule: {}", g.rule);
        let _ = writeln!(s, "  {}", g.diffusion_note);
        for (name, list) in [
            ("D:1", &g.d1),
            ("D:4", &g.d4),
            ("D:5", &g.d5),
            ("A:5", &g.a5),
            ("A:6", &g.a6),
        ] {
            let _ = writeln!(s, "{name}: {}", list.join(" "));
        }
        for (from, to) in &g.treated_as {
            let _ = writeln!(s, "{from} is treated as {to}");
        }
    }
    s
}
