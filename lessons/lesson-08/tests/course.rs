//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/write_atomically.rs"),
        include_str!("../course/write_atomically/stub.rs"),
        "src/exercises/write_atomically.rs differs from course/write_atomically/stub.rs"
    );
}

#[path = "../course/write_atomically"]
mod write_atomically {
    use lesson_support::testing::assert_rejected;

    mod checks;
    #[path = "wrong/copy_instead_of_rename.rs"]
    mod copy_instead_of_rename;
    #[path = "wrong/direct_write.rs"]
    mod direct_write;
    #[path = "wrong/panics_on_missing_folder.rs"]
    mod panics_on_missing_folder;
    mod stub;
    #[path = "wrong/temp_left_on_failure.rs"]
    mod temp_left_on_failure;
    #[path = "wrong/wrong_destination.rs"]
    mod wrong_destination;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::write_atomically).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    // The symlink that exposes a write in place is made on Unix only (see the check).
    #[cfg(unix)]
    #[tokio::test]
    async fn rejects_writing_straight_into_the_file() {
        let verdict = checks::all(direct_write::write_atomically).await;
        assert_rejected("direct_write", verdict, "the file was written in place");
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn rejects_copying_the_temporary_file_over_the_destination() {
        let verdict = checks::all(copy_instead_of_rename::write_atomically).await;
        assert_rejected(
            "copy_instead_of_rename",
            verdict,
            "the file was written in place",
        );
    }

    #[tokio::test]
    async fn rejects_leaving_the_temporary_file_when_the_rename_fails() {
        let verdict = checks::all(temp_left_on_failure::write_atomically).await;
        assert_rejected(
            "temp_left_on_failure",
            verdict,
            "remove it (`tokio::fs::remove_file`) before returning the error",
        );
    }

    #[tokio::test]
    async fn rejects_renaming_to_another_name_than_the_path() {
        let verdict = checks::all(wrong_destination::write_atomically).await;
        assert_rejected(
            "wrong_destination",
            verdict,
            "rename the temporary file to `path` itself",
        );
    }

    #[tokio::test]
    async fn rejects_panicking_on_a_filesystem_error() {
        let verdict = checks::all(panics_on_missing_folder::write_atomically).await;
        assert_rejected("panics_on_missing_folder", verdict, "your code panicked");
    }
}
