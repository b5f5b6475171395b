//! Saving never destroys a good file: `fmt` on a large plan is killed at moments spread over its
//! whole run, and the target must always be byte-for-byte the old file or the new one.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use consortium_planner::catalog::Catalog;
use consortium_planner::file;
use consortium_planner::plan::{
    ChipLine, ExpertLine, ExpertRole, Member, Plan, PowerLine, PowerSource, Tenure,
};

const BIN: &str = env!("CARGO_BIN_EXE_consortium-planner");
const KILLS: u32 = 100;
/// How far past one uninterrupted run (as a multiple of its time) the kills are spread.
const KILL_SPAN: f64 = 2.0;
const HEADER: &str = "// A large plan for the kill test.\n";

/// Every UN member with several lines of each kind: a file of about a megabyte.
fn large_plan() -> Plan {
    let catalog = Catalog::builtin();
    let mut plan = Plan::new("Kill test", "qwen3-32b");
    let chips = ["nvidia_h100_sxm", "amd_mi300x", "nvidia_a100_80g_sxm"];
    for c in catalog.countries.countries.iter().filter(|c| c.un_member) {
        let mut m = Member::new(c.code.clone());
        for (i, acc) in chips.iter().cycle().take(12).enumerate() {
            m.chips.push(ChipLine {
                years: Default::default(),
                price_usd: None,
                accelerator: acc.to_string(),
                count: 8 * (i as u32 + 1),
                tenure: if i % 3 == 0 {
                    Tenure::Rented {
                        provider: "Cloud".into(),
                        provider_country: "US".into(),
                    }
                } else {
                    Tenure::Owned
                },
                hosted_in: None,
            });
        }
        for i in 0..8 {
            m.power.push(PowerLine {
                years: Default::default(),
                usd_per_mwh: None,
                mw: 0.5 + f64::from(i),
                source: PowerSource::Hydro,
                site: None,
                imported_share: 0.1,
            });
        }
        for role in ExpertRole::ALL {
            m.experts.push(ExpertLine {
                years: Default::default(),
                role,
                fte: 3.5,
                foreign_fte: 0.5,
            });
        }
        plan.members.push(m);
    }
    plan
}

fn fmt(path: &Path) -> std::process::Child {
    Command::new(BIN)
        .arg("fmt")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start fmt")
}

#[test]
fn killing_fmt_at_any_moment_leaves_the_old_or_the_new_file() {
    let plan = large_plan();
    // The old file: valid but not canonical (compact, one line), so old and new differ.
    let old = format!(
        "{HEADER}{}\n",
        ron::ser::to_string(&plan).expect("serialise")
    );
    let new = file::to_ron_with_header(&plan, HEADER);
    assert_ne!(old, new);
    assert!(
        new.len() > 500_000,
        "the plan should be large enough to take a while to save"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("plan.ron");

    // How long one uninterrupted run takes, to spread the kills over it.
    std::fs::write(&target, &old).expect("write old");
    let started = Instant::now();
    assert!(fmt(&target).wait().expect("wait").success());
    let run = started.elapsed();
    assert_eq!(std::fs::read_to_string(&target).expect("read"), new);

    let (mut saw_old, mut saw_new) = (0, 0);
    for i in 0..KILLS {
        std::fs::write(&target, &old).expect("write old");
        let mut child = fmt(&target);
        // Kill moments from the start of the process to well past the end of a normal run (a run
        // slowed by a busy machine must still finish before the last kills).
        std::thread::sleep(run.mul_f64(KILL_SPAN * f64::from(i) / f64::from(KILLS)));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&target).expect("the target always exists");
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!(
                "kill {i} after {:?} left a file that is neither the old nor the new one",
                run.mul_f64(KILL_SPAN * f64::from(i) / f64::from(KILLS))
            );
        }
        file::parse(&now, Catalog::builtin()).expect("the target always parses");
    }
    // The kills landed both before and after the rename (otherwise the test proved little).
    assert!(
        saw_old > 0 && saw_new > 0,
        "old {saw_old}, new {saw_new}: kills should land on both sides"
    );
    eprintln!(
        "{KILLS} kills over a {run:?} run: {saw_old} left the old file, {saw_new} the new one"
    );
}

#[test]
fn the_previous_version_is_kept_as_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("plan.ron");
    let mut plan = Plan::new("First", "qwen3-32b");
    file::save(&plan, &target).expect("first save");
    plan.name = "Second".into();
    file::save(&plan, &target).expect("second save");
    let backup = std::fs::read_to_string(file::backup_path(&target)).expect("backup exists");
    assert!(
        backup.contains("\"First\""),
        "the backup holds the version before the last save"
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("\"Second\"")
    );
}

#[test]
fn a_save_into_a_read_only_folder_fails_clearly_and_leaves_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("plan.ron");
    let plan = Plan::new("Kept", "qwen3-32b");
    file::save(&plan, &target).expect("first save");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = dir.path().join("probe");
    let writable_anyway = std::fs::write(&probe, "x").is_ok(); // root ignores folder permissions
    let _ = std::fs::remove_file(&probe);
    let result = file::save(&Plan::new("Lost?", "qwen3-32b"), &target);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod back");
    if writable_anyway {
        return; // running as root: the folder cannot be made read-only, nothing to check
    }
    let err = result.expect_err("saving into a read-only folder fails");
    assert!(
        err.to_string().contains("plan.ron"),
        "the error names the file: {err}"
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("\"Kept\"")
    );
}

#[test]
fn fmt_keeps_the_leading_comments_and_refuses_a_broken_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("plan.ron");
    std::fs::write(
        &target,
        "// Our delegation's notes.\n(format: 1, name: \"X\", base_model: \"qwen3-32b\")\n",
    )
    .expect("write");
    assert!(
        Command::new(BIN)
            .arg("fmt")
            .arg(&target)
            .status()
            .expect("run")
            .success()
    );
    let text = std::fs::read_to_string(&target).expect("read");
    assert!(text.starts_with("// Our delegation's notes.\n("), "{text}");
    std::fs::write(&target, "(format: 1, name: \"X\", base_model: \"qwen3-32b\", members: [(country: \"CL\", chips: [(accelerator: \"nvidia_h100_sxm\", count: -1)])])").expect("write");
    let out = Command::new(BIN)
        .arg("fmt")
        .arg(&target)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(":1:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("count: -1"),
        "a broken file is left as it was"
    );
}
