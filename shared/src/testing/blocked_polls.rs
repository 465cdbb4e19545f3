//! Counts the times code blocked its thread while it was being polled, from the kernel's count.
//!
//! A future's `poll` should return as soon as it cannot go on: waiting is what `.await` hands
//! back to the runtime. Code that blocks instead (`std::thread::sleep`, a `reqwest::blocking`
//! request, `futures::executor::block_on`, a contended `std::sync::Mutex`) makes the thread give
//! up its processor in the middle of a poll, and Linux counts each time a thread does that of its
//! own accord (`voluntary_ctxt_switches` in `/proc/thread-self/status`). Awaiting code gives it
//! up only between polls, when the runtime has nothing to run.
//!
//! A poll counts as blocked when the thread gave up its processor in it *and* it lasted 1 ms or
//! more: a 1 ms `std::thread::sleep` counts once, on a quiet machine or a busy one (a thread
//! that the scheduler takes the processor from is switched *involuntarily*, a separate count),
//! while the brief waits no one writes (the allocator's lock, held a few microseconds by another
//! thread) do not. Unlike a [`Heartbeat`](super::Heartbeat), which needs a blocking call long
//! enough to stand out from a busy machine's delays, this sees short ones too. Linux only:
//! elsewhere there is nothing to count.

use std::future::Future;

/// How many times the current thread has given up its processor of its own accord so far, or
/// `None` where the kernel does not say (outside Linux).
fn voluntary_switches() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/thread-self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("voluntary_ctxt_switches:"))
        .and_then(|count| count.trim().parse().ok())
}

/// The shortest poll that counts as blocked, when the thread gave up its processor in it.
const BLOCKED_FOR: std::time::Duration = std::time::Duration::from_millis(1);

/// Runs `future` to its end and says in how many of its polls the thread blocked (gave up its
/// processor, in a poll of 1 ms or more): `None` where that cannot be counted (outside Linux), so
/// a check skips its rule there.
///
/// Only the future's own polls count: work it hands to a spawned task runs in that task's polls.
pub async fn blocked_polls<F: Future>(future: F) -> (F::Output, Option<u64>) {
    let mut future = std::pin::pin!(future);
    let mut blocked = Some(0_u64);
    let output = std::future::poll_fn(|cx| {
        let before = voluntary_switches();
        let started = std::time::Instant::now();
        let poll = future.as_mut().poll(cx);
        let took = started.elapsed();
        let after = voluntary_switches();
        blocked = match (blocked, before, after) {
            (Some(so_far), Some(before), Some(after)) => {
                Some(so_far + u64::from(after > before && took >= BLOCKED_FOR))
            }
            _ => None,
        };
        poll
    })
    .await;
    (output, blocked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn counts_each_blocking_sleep_and_no_await() {
        let ((), awaiting) = blocked_polls(async {
            for _ in 0..5 {
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        })
        .await;
        let ((), blocking) = blocked_polls(async {
            for _ in 0..5 {
                std::thread::sleep(Duration::from_millis(1));
                tokio::task::yield_now().await;
            }
        })
        .await;
        if cfg!(target_os = "linux") {
            assert_eq!(awaiting, Some(0), "awaiting blocks nothing");
            assert!(blocking >= Some(5), "five sleeps, counted {blocking:?}");
        } else {
            assert_eq!((awaiting, blocking), (None, None));
        }
    }
}
