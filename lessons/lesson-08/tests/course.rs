//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// One correct variant calls the lesson's own `crate::temp_path_beside`, as a learner's file
// inside the lesson's crate can.
use lesson_08::temp_path_beside;

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
    mod checks;

    lesson_support::kept_answers! {
        function: write_atomically;
        wrong: {
            rejects_non_utf8_name in "wrong/rejects_non_utf8_name.rs" => "any `path` is a path, its file name too",
            stats_path_on_runtime_thread_r49 in "wrong/stats_path_on_runtime_thread_r49.rs" => "it asked the file system on the async runtime's own thread",
            thread_local_counter_name in "wrong/thread_local_counter_name.rs" => "each needs a temporary file of its own, which no other write uses or removes",
            panics_on_join_error in "wrong/panics_on_join_error.rs" => "on a runtime that is shutting down",
            skips_unchanged_through_link in "wrong/skips_unchanged_through_link.rs" => "which replaces the link itself",
            syncs_before_bufwriter_flush in "wrong/syncs_before_bufwriter_flush.rs" => "Call `sync_all` on the temporary file (after `flush`, before the rename)",
            cleanup_spawned_from_drop in "wrong/cleanup_spawned_from_drop.rs" => "remove it (`tokio::fs::remove_file`) before returning the error",
            removes_old_before_rename in "wrong/removes_old_before_rename.rs" => "there must be no moment without a file at `path`",
            temp_name_from_buffer_address in "wrong/temp_name_from_buffer_address.rs" => "from the very same buffer",
            rejects_link_to_folder_r47 in "wrong/rejects_link_to_folder_r47.rs" => "the link itself is replaced, whatever it points to",
            temp_name_from_display in "wrong/temp_name_from_display.rs" => "never from a `String` of it",
            temp_beside_link_target in "wrong/temp_beside_link_target.rs" => "not beside the file the link points to",
            cleanup_spawned_in_background in "wrong/cleanup_spawned_in_background.rs" => "was left behind",
            temp_name_from_display_string in "wrong/temp_name_from_display_string.rs" => "never from a `String` of it",
            folder_precheck_stats_on_runtime_thread in "wrong/folder_precheck_stats_on_runtime_thread.rs" => "returned its error in its very first poll",
            folder_check_follows_symlink in "wrong/folder_check_follows_symlink.rs" => "the link itself is replaced, whatever it points to",
            cleanup_error_replaces_first_error in "wrong/cleanup_error_replaces_first_error.rs" => "not the error of the step that failed",
            temp_name_counter_without_pid in "wrong/temp_name_counter_without_pid.rs" => "from one program or from several",
            stats_path_on_runtime_thread in "wrong/stats_path_on_runtime_thread.rs" => "returned its error in its very first poll",
            skips_flush_relies_on_sync_all in "wrong/skips_flush_relies_on_sync_all.rs" => "the result was `Ok`: return the error of the step that failed",
            temp_name_unique_only_within_process in "wrong/temp_name_unique_only_within_process.rs" => "from one program or from several",
            cleans_up_only_when_rename_fails in "wrong/cleans_up_only_when_rename_fails.rs" => "not only the rename",
            checks_folder_with_std_fs in "wrong/checks_folder_with_std_fs.rs" => "returned its error in its very first poll",
            rejects_link_to_folder in "wrong/rejects_link_to_folder.rs" => "the link itself is replaced, whatever it points to",
            task_id_temp_name in "wrong/task_id_temp_name.rs" => "each needs a temporary file of its own",
            skips_identical_contents in "wrong/skips_identical_contents.rs" => "afterwards it is still a symbolic link",
            empty_contents_truncated_in_place in "wrong/empty_contents_truncated_in_place.rs" => "(and `contents` were empty), and sentinel.txt was written",
            parent_expect in "wrong/parent_expect.rs" => "given the empty path",
            file_name_must_be_utf8 in "wrong/file_name_must_be_utf8.rs" => "its file name too",
            temp_name_from_the_displayed_path in "wrong/temp_name_from_the_displayed_path.rs" => "never from a `String` of it",
            thread_local_temp_counter in "wrong/thread_local_temp_counter.rs" => "on another new thread",
            temp_named_without_its_folder in "wrong/temp_named_without_its_folder.rs" => "appeared outside that folder",
            temp_name_from_a_hash_of_the_contents in "wrong/temp_name_from_a_hash_of_the_contents.rs" => "a second write of the same 3011 bytes",
            context_hides_kind in "wrong/context_hides_kind.rs" => "return that error as it came",
            file_name_expect in "wrong/file_name_expect.rs" => "a path that names no file, your code panicked",
            remove_before_rename in "wrong/remove_before_rename.rs" => "there must be no moment without a file at `path`",
            cleanup_spawned_on_drop in "wrong/cleanup_spawned_on_drop.rs" => "remove it (`tokio::fs::remove_file`) before returning the error",
            copy_keeps_old_tail in "wrong/copy_keeps_old_tail.rs" => "it was written over without being truncated",
            folder_check_bare_name in "wrong/folder_check_bare_name.rs" =>
                "the current folder exists, so the write must succeed",
            probe_creates_empty_path in "wrong/probe_creates_empty_path.rs" =>
                "A new `path` must not appear before it is whole",
            std_rename_inline in "wrong/std_rename_inline.rs" =>
                "the folder changed while your code held the async runtime's thread",
            creates_missing_folder in "wrong/creates_missing_folder.rs" => "do not create folders",
            follows_symlink in "wrong/follows_symlink.rs" => "the link itself must be replaced",
            into_std_write in "wrong/into_std_write.rs" => "the file work ran on the async runtime's own thread",
            rename_not_cleaned_up in "wrong/rename_not_cleaned_up.rs" => "A `?` on the rename returns before any cleanup",
            single_write_call in "wrong/single_write_call.rs" => "every byte of `contents` must be written",
            sweep_stale_temps in "wrong/sweep_stale_temps.rs" => "several writes of the same `path` at the same time must all succeed",
            temp_in_system_tmp in "wrong/temp_in_system_tmp.rs" => "make the temporary file beside `path`",
            thread_id_temp_name in "wrong/thread_id_temp_name.rs" => "several writes of the same `path` at the same time must all succeed",
            direct_write in "wrong/direct_write.rs" => "written into in place",
            copy_instead_of_rename in "wrong/copy_instead_of_rename.rs" =>
                "written into in place",
            skips_an_existing_file in "wrong/skips_an_existing_file.rs" =>
                "even though a file is already there",
            renames_over_the_link_target in "wrong/renames_over_the_link_target.rs" =>
                "the new file was renamed over sentinel.txt",
            removes_then_renames in "wrong/removes_then_renames.rs" =>
                "there must be no moment without a file at `path`",
            std_fs_in_async_fn in "wrong/std_fs_in_async_fn.rs" =>
                "the file work ran on the async runtime's own thread",
            joins_a_thread in "wrong/joins_a_thread.rs" =>
                "your code blocked the async runtime's own thread",
            temp_in_system_temp_dir in "wrong/temp_in_system_temp_dir.rs" =>
                "make the temporary file beside `path`",
            one_temp_name_per_folder in "wrong/one_temp_name_per_folder.rs" =>
                "writes to different files at the same time must not share a temporary name",
            extension_swapped_temp_name in "wrong/extension_swapped_temp_name.rs" =>
                "writes to different files at the same time must not share a temporary name",
            pid_only_temp_name in "wrong/pid_only_temp_name.rs" =>
                "several writes of the same `path` at the same time must all succeed",
            temp_left_on_failure in "wrong/temp_left_on_failure.rs" =>
                "remove it (`tokio::fs::remove_file`) before returning the error",
            swallows_the_error in "wrong/swallows_the_error.rs" =>
                "yet the result was `Ok`: return the error of the step that failed",
            unwraps_every_step in "wrong/unwraps_every_step.rs" =>
                "given a `path` that is a folder, which a file cannot replace, your code panicked || given a path in a folder that does not exist, your code panicked",
            creates_the_missing_folder in "wrong/creates_the_missing_folder.rs" =>
                "do not create folders",
            unwraps_the_file_name in "wrong/unwraps_the_file_name.rs" =>
                "given `sub/..`, a path that names no file, your code panicked",
            write_instead_of_write_all in "wrong/write_instead_of_write_all.rs" =>
                "only the first 2097152 of the 4190205 new bytes",
            spawns_and_returns in "wrong/spawns_and_returns.rs" =>
                "every step of the write done and awaited",
            writes_contents_as_text in "wrong/writes_contents_as_text.rs" =>
                "`contents` is bytes, not text",
            wrong_destination in "wrong/wrong_destination.rs" =>
                "rename the temporary file to `path` itself",
            syncs_after_the_rename in "wrong/syncs_after_the_rename.rs" =>
                "Call `sync_all` on the temporary file before the rename, not after it",
            never_syncs in "wrong/never_syncs.rs" => "no sync came after they were written",
        }
        correct: {
            drop_guard_inline_steps in "also_correct/drop_guard_inline_steps.rs",
            copy_buf_or_else in "also_correct/copy_buf_or_else.rs",
            write_then_sync_by_reopening in "also_correct/write_then_sync_by_reopening.rs",
            guard_and_async_block in "also_correct/guard_and_async_block.rs",
            ok_async_block_with_cancel_guard_r46 in "also_correct/ok_async_block_with_cancel_guard_r46.rs",
            ok_async_block_with_cancel_guard in "also_correct/ok_async_block_with_cancel_guard.rs",
            ok_drop_guard_and_inline_block in "also_correct/ok_drop_guard_and_inline_block.rs",
            ok_drop_guard_and_async_block in "also_correct/ok_drop_guard_and_async_block.rs",
            ok_buf_writer_create_new in "also_correct/ok_buf_writer_create_new.rs",
            ok_write_all_buf_fresh_name in "also_correct/ok_write_all_buf_fresh_name.rs",
            ok_keeps_the_old_permissions in "also_correct/ok_keeps_the_old_permissions.rs",
            ok_syncs_the_folder_too in "also_correct/ok_syncs_the_folder_too.rs",
            ok_guard_for_cancellation in "also_correct/ok_guard_for_cancellation.rs",
            ok_drop_guard_removes_the_temp in "also_correct/ok_drop_guard_removes_the_temp.rs",
            ok_one_blocking_trip in "also_correct/ok_one_blocking_trip.rs",
            io_copy_from_the_slice in "also_correct/io_copy_from_the_slice.rs",
            spawned_task_owns_the_write in "also_correct/spawned_task_owns_the_write.rs",
            fs_write_then_sync in "also_correct/fs_write_then_sync.rs",
            copy_buf_beside_parent in "also_correct/copy_buf_beside_parent.rs",
            async_block_chunked in "also_correct/async_block_chunked.rs",
            spawn_blocking_drop_guard in "also_correct/spawn_blocking_drop_guard.rs",
            in_one_trip in "also_correct/in_one_trip.rs",
            whole_file_then_sync in "also_correct/whole_file_then_sync.rs",
            guard_removes_on_drop in "also_correct/guard_removes_on_drop.rs",
        }
    }
}
