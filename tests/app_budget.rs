//! The Budget view driven headless through egui_kittest as a user drives it: a price typed into a
//! chip line changes the one-off figure on screen; switching the fair-share rule changes a
//! member's fair share on screen and Ctrl+Z switches it back in one step; a pledge in a currency
//! nobody knows is a visible warning until its rate is given. Snapshot:
//! `tests/snapshots/budget_light.png` (regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test
//! app_budget`).

mod common;
use common::{click, shows, texts_containing, wait_a_second};
use common::{latam, latam_path};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::start_app;
use consortium_planner::app::PlannerApp;
use consortium_planner::file;
use consortium_planner::numbers::{short_money, short_usd};
use consortium_planner::plan::{FairShareRule, Funding, Tenure};

/// Clicks the text field whose placeholder starts with `hint`, types `text` and presses Enter.
fn type_into_hinted(h: &mut Harness<'_, PlannerApp>, hint: &str, text: &str) {
    h.get_by(|n| n.data().placeholder().is_some_and(|p| p.starts_with(hint)))
        .scroll_to_me();
    h.run();
    h.get_by(|n| n.data().placeholder().is_some_and(|p| p.starts_with(hint)))
        .click();
    h.run();
    h.event(egui::Event::Text(text.into()));
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn a_price_typed_into_a_chip_line_changes_the_one_off_figure_shown() {
    let mut h = start_app(Some(latam_path()), None);
    click(&mut h, "Budget");
    let before = h.state().doc.report.budget.one_off_usd;
    let old_text = short_usd(before);
    assert!(shows(&h, &old_text), "the One-off tile shows {old_text}");

    click(&mut h, "Members");
    h.get_by_label_contains("CL  Chile").click();
    h.run();
    let line = h.state().doc.plan.members[0]
        .chips
        .iter()
        .position(|c| c.tenure == Tenure::Owned && c.price_usd.is_none())
        .expect("Chile owns chips priced by the catalog");
    assert_eq!(line, 0, "the first price field is Chile's first owned line");
    // 96 H200 at USD 100,000 each instead of the catalog's price.
    type_into_hinted(&mut h, "catalog", "100 000");
    assert_eq!(
        h.state().doc.plan.members[0].chips[0].price_usd,
        Some(100_000.0)
    );

    click(&mut h, "Budget");
    let after = h.state().doc.report.budget.one_off_usd;
    assert!(after > before, "a dearer chip raises the one-off cost");
    let new_text = short_usd(after);
    assert_ne!(new_text, old_text);
    assert!(shows(&h, &new_text), "the One-off tile shows {new_text}");
    assert!(!shows(&h, &old_text));
}

#[test]
fn switching_the_fair_share_rule_changes_a_fair_share_shown_and_undoes_in_one_step() {
    let mut h = start_app(Some(latam_path()), None);
    click(&mut h, "Budget");
    let doc = &h.state().doc;
    assert_eq!(
        doc.plan.assumptions.costs.fair_share_rule,
        FairShareRule::GdpUnScale
    );
    // Brazil: its GDP share is far from an equal eighth.
    let brazil = doc
        .plan
        .members
        .iter()
        .position(|m| m.country == "BR")
        .expect("Brazil is a member");
    let old_share = short_money(doc.report.members[brazil].budget.fair_share_usd);
    assert!(
        shows(&h, &old_share),
        "Brazil's fair share {old_share} is shown"
    );

    click(&mut h, "Who pays: fair-share rule");
    click(&mut h, FairShareRule::Equal.label());
    let doc = &h.state().doc;
    assert_eq!(
        doc.plan.assumptions.costs.fair_share_rule,
        FairShareRule::Equal
    );
    let new_share = short_money(doc.report.members[brazil].budget.fair_share_usd);
    assert_ne!(new_share, old_share);
    assert!(
        shows(&h, &new_share),
        "Brazil's fair share {new_share} is shown"
    );
    assert!(!shows(&h, &old_share));

    wait_a_second(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.plan.assumptions.costs.fair_share_rule,
        FairShareRule::GdpUnScale,
        "one Ctrl+Z brings the rule back"
    );
    assert!(shows(&h, &old_share));
    assert_eq!(h.state().doc.plan, latam(), "and nothing else changed");
}

#[test]
fn a_pledge_in_an_unknown_currency_is_a_warning_until_its_rate_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = latam();
    plan.members[0].funding = Some(Funding {
        amount: 1_000_000.0,
        currency: "XQQ".into(),
    });
    let path = dir.path().join("xqq.ron");
    file::save(&plan, &path).expect("saved");

    let mut h = start_app(Some(path), None);
    click(&mut h, "Budget");
    assert_eq!(
        h.state().doc.report.budget.unknown_currencies,
        vec!["XQQ".to_string()]
    );
    assert_eq!(
        texts_containing(&h, "Unknown currency XQQ"),
        ["Unknown currency XQQ: its pledges are not counted"]
    );
    assert_eq!(texts_containing(&h, "Unknown currency “XQQ”").len(), 1);
    let funding_before = h.state().doc.report.budget.funding_usd;

    // Giving the rate (2 USD per unit) counts the pledge and the warnings go.
    type_into_hinted(&mut h, "rate needed", "2");
    let b = &h.state().doc.report.budget;
    assert!(b.unknown_currencies.is_empty());
    assert_eq!(b.funding_usd, funding_before + 2_000_000.0);
    assert!(texts_containing(&h, "Unknown currency").is_empty());
}

#[test]
fn snapshot_budget_light() {
    let mut h = start_app(Some(latam_path()), None);
    click(&mut h, "Budget");
    h.remove_cursor();
    h.run();
    h.snapshot("budget_light");
}
