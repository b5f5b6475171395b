//! Counted nouns in plain English ("1 member", "2 members"), shared by the views and the text
//! outputs so that no screen says "1 members" or "role(s)".

/// `n` followed by `one` when `n` is 1 and by `many` otherwise: `counted(1, "member", "members")`
/// is "1 member", `counted(0, "member", "members")` is "0 members".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The noun alone, `one` when `n` is 1 and `many` otherwise, for sentences where the number that
/// decides it is written elsewhere: "1 of 1 member", "3 of 4 members".
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "member", "members"), "1 member");
        assert_eq!(counted(0, "member", "members"), "0 members");
        assert_eq!(counted(2, "member", "members"), "2 members");
        assert_eq!(counted(21, "role", "roles"), "21 roles");
    }

    #[test]
    fn the_noun_alone_follows_the_same_rule() {
        assert_eq!(noun(1, "workload", "workloads"), "workload");
        assert_eq!(noun(3, "workload", "workloads"), "workloads");
    }
}
