//! Members added, removed, and the contribution lines that changed.

use crate::catalog::Catalog;
use crate::numbers;
use crate::plan::{ChipLine, ExpertLine, Funding, Member, Plan, PowerLine, Tenure, Years};

use super::pairing::{change, field_changes, fields, pair_by_key};
use super::types::{Change, Entry, EntryKind, MemberChange, Status, Value};

/// The member fields compared line by line; any other member field is compared generically.
const LINE_FIELDS: [&str; 6] = [
    "country",
    "chips",
    "power",
    "experts",
    "funding",
    "cost_level",
];

/// An optional price on a line: its amount when set, or what applies instead (`fallback`) when
/// the other side sets one; `None` when neither side sets a price (nothing to compare).
fn price(v: Option<f64>, other: Option<f64>, fallback: &str) -> Option<Value> {
    match (v, other) {
        (Some(v), _) => num(v),
        (None, Some(_)) => text(fallback),
        (None, None) => None,
    }
}

/// A line's years, in words, if they differ.
fn years_change(a: Option<Years>, b: Option<Years>) -> Option<Change> {
    change(
        "years",
        "years",
        "",
        a.and_then(|y| text(y.label())),
        b.and_then(|y| text(y.label())),
    )
}

fn num(v: f64) -> Option<Value> {
    Some(Value::Number(v))
}

fn text(t: impl Into<String>) -> Option<Value> {
    Some(Value::Text(t.into()))
}

fn tenure_text(t: &Tenure, catalog: &Catalog) -> String {
    match t {
        Tenure::Owned => "owned".to_string(),
        Tenure::Rented {
            provider,
            provider_country,
        } => format!(
            "rented from {provider} ({})",
            catalog.country_name(provider_country)
        ),
    }
}

/// The country a line names, or the member itself when it names none.
fn place(code: Option<&String>, member: &str, catalog: &Catalog) -> String {
    catalog
        .country_name(code.map_or(member, String::as_str))
        .to_string()
}

fn chip_changes(
    a: Option<&ChipLine>,
    b: Option<&ChipLine>,
    country: &str,
    catalog: &Catalog,
) -> Vec<Change> {
    [
        change(
            "count",
            "count",
            "accelerators",
            a.and_then(|l| num(f64::from(l.count))),
            b.and_then(|l| num(f64::from(l.count))),
        ),
        change(
            "tenure",
            "tenure",
            "",
            a.and_then(|l| text(tenure_text(&l.tenure, catalog))),
            b.and_then(|l| text(tenure_text(&l.tenure, catalog))),
        ),
        change(
            "hosted_in",
            "hosted in",
            "",
            a.and_then(|l| text(place(l.hosted_in.as_ref(), country, catalog))),
            b.and_then(|l| text(place(l.hosted_in.as_ref(), country, catalog))),
        ),
        years_change(a.map(|l| l.years), b.map(|l| l.years)),
        change(
            "price_usd",
            "price per accelerator",
            "USD",
            a.and_then(|l| price(l.price_usd, b.and_then(|l| l.price_usd), "catalog price")),
            b.and_then(|l| price(l.price_usd, a.and_then(|l| l.price_usd), "catalog price")),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn power_changes(
    a: Option<&PowerLine>,
    b: Option<&PowerLine>,
    country: &str,
    catalog: &Catalog,
) -> Vec<Change> {
    [
        change(
            "mw",
            "power",
            "MW",
            a.and_then(|l| num(l.mw)),
            b.and_then(|l| num(l.mw)),
        ),
        change(
            "site",
            "site",
            "",
            a.and_then(|l| text(place(l.site.as_ref(), country, catalog))),
            b.and_then(|l| text(place(l.site.as_ref(), country, catalog))),
        ),
        change(
            "imported_share",
            "imported share",
            "",
            a.and_then(|l| num(l.imported_share)),
            b.and_then(|l| num(l.imported_share)),
        ),
        years_change(a.map(|l| l.years), b.map(|l| l.years)),
        change(
            "usd_per_mwh",
            "electricity price",
            "USD/MWh",
            a.and_then(|l| {
                price(
                    l.usd_per_mwh,
                    b.and_then(|l| l.usd_per_mwh),
                    "the plan's price",
                )
            }),
            b.and_then(|l| {
                price(
                    l.usd_per_mwh,
                    a.and_then(|l| l.usd_per_mwh),
                    "the plan's price",
                )
            }),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn expert_changes(a: Option<&ExpertLine>, b: Option<&ExpertLine>) -> Vec<Change> {
    [
        change(
            "fte",
            "experts",
            "FTE",
            a.and_then(|l| num(l.fte)),
            b.and_then(|l| num(l.fte)),
        ),
        change(
            "foreign_fte",
            "of which foreign",
            "FTE",
            a.and_then(|l| num(l.foreign_fte)),
            b.and_then(|l| num(l.foreign_fte)),
        ),
        years_change(a.map(|l| l.years), b.map(|l| l.years)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn funding_changes(a: Option<&Funding>, b: Option<&Funding>) -> Vec<Change> {
    let currencies_differ = matches!((a, b), (Some(x), Some(y)) if x.currency != y.currency);
    let mut out = Vec::new();
    if currencies_differ {
        // Amounts in different currencies have no meaningful difference: show them as text.
        let money = |f: Option<&Funding>| {
            f.and_then(|f| text(format!("{} {}", numbers::readable(f.amount), f.currency)))
        };
        out.extend(change("amount", "amount", "", money(a), money(b)));
    } else {
        let unit = b.or(a).map_or(String::new(), |f| f.currency.clone());
        out.extend(change(
            "amount",
            "amount",
            &unit,
            a.and_then(|f| num(f.amount)),
            b.and_then(|f| num(f.amount)),
        ));
    }
    out
}

/// The entry for one matched pair: added, removed, changed, or `None` when nothing changed.
pub(super) fn entry(
    kind: EntryKind,
    item: String,
    present: (bool, bool),
    changes: Vec<Change>,
) -> Option<Entry> {
    let status = match present {
        (false, true) => Status::Added,
        (true, false) => Status::Removed,
        _ if changes.is_empty() => return None,
        _ => Status::Changed,
    };
    Some(Entry {
        kind,
        item,
        status,
        changes,
    })
}

/// The lines of one member that differ; `a` or `b` is `None` for an added or removed member.
fn member_lines(a: Option<&Member>, b: Option<&Member>, catalog: &Catalog) -> Vec<Entry> {
    let country = a.or(b).map_or("", |m| m.country.as_str());
    let mut out = Vec::new();
    let chips = |m: Option<&Member>| m.map_or(Vec::new(), |m| m.chips.clone());
    for (x, y) in pair_by_key(&chips(a), &chips(b), |l| l.accelerator.clone()) {
        let item = x.or(y).map_or(String::new(), |l| l.accelerator.clone());
        out.extend(entry(
            EntryKind::Chips,
            item,
            (x.is_some(), y.is_some()),
            chip_changes(x, y, country, catalog),
        ));
    }
    let power = |m: Option<&Member>| m.map_or(Vec::new(), |m| m.power.clone());
    for (x, y) in pair_by_key(&power(a), &power(b), |l| l.source.label().to_string()) {
        let item = x
            .or(y)
            .map_or(String::new(), |l| l.source.label().to_string());
        out.extend(entry(
            EntryKind::Power,
            item,
            (x.is_some(), y.is_some()),
            power_changes(x, y, country, catalog),
        ));
    }
    let experts = |m: Option<&Member>| m.map_or(Vec::new(), |m| m.experts.clone());
    for (x, y) in pair_by_key(&experts(a), &experts(b), |l| l.role.label().to_string()) {
        let item = x
            .or(y)
            .map_or(String::new(), |l| l.role.label().to_string());
        out.extend(entry(
            EntryKind::Experts,
            item,
            (x.is_some(), y.is_some()),
            expert_changes(x, y),
        ));
    }
    let fa = a.and_then(|m| m.funding.as_ref());
    let fb = b.and_then(|m| m.funding.as_ref());
    out.extend(entry(
        EntryKind::Funding,
        "funding".to_string(),
        (fa.is_some(), fb.is_some()),
        funding_changes(fa, fb),
    ));
    // Any other member field (names, notes, ...) the plan format has or gains.
    let other = |m: Option<&Member>| m.map_or(Vec::new(), |m| fields(m, &LINE_FIELDS));
    let mut other_changes = field_changes(&other(a), &other(b));
    // The cost level is left out of the file at 1, so it is compared here with its value.
    if let (Some(x), Some(y)) = (a, b) {
        other_changes.extend(change(
            "cost_level",
            "staff cost level (1 = the assumed cost)",
            "",
            num(x.cost_level),
            num(y.cost_level),
        ));
    }
    if !other_changes.is_empty() {
        out.push(Entry {
            kind: EntryKind::MemberFields,
            item: "member".to_string(),
            status: Status::Changed,
            changes: other_changes,
        });
    }
    out
}

/// Members added, removed or changed between two plans, in the first plan's order, then the new
/// members in the second plan's order.
pub fn members(a: &Plan, b: &Plan, catalog: &Catalog) -> Vec<MemberChange> {
    pair_by_key(&a.members, &b.members, |m| m.country.clone())
        .into_iter()
        .filter_map(|(x, y)| {
            let country = x.or(y)?.country.clone();
            let lines = member_lines(x, y, catalog);
            let status = match (x, y) {
                (None, _) => Status::Added,
                (_, None) => Status::Removed,
                _ if lines.is_empty() => return None,
                _ => Status::Changed,
            };
            Some(MemberChange {
                name: catalog.country_name(&country).to_string(),
                country,
                status,
                lines,
            })
        })
        .collect()
}
