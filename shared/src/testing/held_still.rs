//! Running a future on tokio's paused clock *held still*: no timer of the code under check
//! ever fires, so a result that needs one never comes.

use std::future::Future;
use std::task::Poll;
use std::time::Duration;

/// Runs `future` on tokio's paused clock, held still, for at most `limit` of real time: its
/// output (`None` if it had not ended by then), and how far the clock moved meanwhile (nothing,
/// unless the code under check moved it: a `spawn_blocking` task, say, that ends and lets it
/// jump).
///
/// A paused clock jumps to the next timer whenever every task waits; here the check polls
/// `future` and yields in turns, so a task is always ready and the clock stays where it is.
/// Work that needs no timer (sending a request, reading an answer from a server on a thread
/// of its own, a refused connection) goes on; a sleep, an interval or a timeout of the code's
/// own never ends. So what a check awaits this way shows that no timer stood in its way: a
/// request sent after a pause to spread the load, an entry logged by a periodic flush, a retry
/// after a back-off.
///
/// The clock is paused on the way in and resumed on the way out (a current-thread runtime,
/// as `#[tokio::test]` gives, whose clock is not paused already).
pub async fn held_still<F: Future>(limit: Duration, future: F) -> (Option<F::Output>, Duration) {
    tokio::time::pause();
    let clock = tokio::time::Instant::now();
    let real = std::time::Instant::now();
    let mut future = std::pin::pin!(future);
    let output = loop {
        if let Poll::Ready(output) = futures::poll!(future.as_mut()) {
            break Some(output);
        }
        if real.elapsed() >= limit {
            break None;
        }
        tokio::task::yield_now().await;
    };
    let moved = clock.elapsed();
    tokio::time::resume();
    (output, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_without_a_timer_ends() {
        let (output, moved) = held_still(Duration::from_secs(2), async {
            tokio::task::yield_now().await;
            7
        })
        .await;
        assert_eq!(output, Some(7));
        assert_eq!(moved, Duration::ZERO);
    }

    #[tokio::test]
    async fn a_timer_never_fires() {
        let started = std::time::Instant::now();
        let (output, moved) = held_still(
            Duration::from_millis(200),
            tokio::time::sleep(Duration::from_millis(1)),
        )
        .await;
        assert_eq!(output, None);
        assert_eq!(moved, Duration::ZERO);
        // Bounded by real time, and the clock runs again afterwards.
        assert!(started.elapsed() >= Duration::from_millis(200));
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}
