//! Measures how long code under check holds the runtime's thread: the time spent inside the
//! polls of its future.
//!
//! Awaiting code returns from each poll in microseconds: the waiting happens between polls. A
//! blocking call (`std::thread::sleep`, a `reqwest::blocking` request, `block_on`, a large
//! `std::fs` write) stays inside the poll that made it. So the time inside polls tells blocking
//! from awaiting however busy the machine is: a busy scheduler delays the *other* tasks (which
//! is what [`crate::testing::Heartbeat`] sees), but it rarely stretches a microsecond poll to
//! hundreds of milliseconds.

use std::future::Future;
use std::time::{Duration, Instant};

/// How long a future held the thread: the time spent inside its polls.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    /// All polls together.
    pub total: Duration,
    /// The longest single poll.
    pub longest: Duration,
}

/// Runs `future`, adding the time spent inside each of its polls to `held`.
///
/// Wrap the code under check in it (`EXERCISE.run(holding(candidate(..), &mut held))`), and
/// compare `held` with a bound, or with what the reference solution's polls took.
pub async fn holding<T>(future: impl Future<Output = T>, held: &mut Held) -> T {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|cx| {
        let start = Instant::now();
        let poll = future.as_mut().poll(cx);
        let spent = start.elapsed();
        held.total += spent;
        held.longest = held.longest.max(spent);
        poll
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blocking sleep is held; an awaited one is not.
    #[tokio::test]
    async fn blocking_is_held_and_awaiting_is_not() {
        let mut awaiting = Held::default();
        holding(
            tokio::time::sleep(Duration::from_millis(100)),
            &mut awaiting,
        )
        .await;
        assert!(awaiting.total < Duration::from_millis(50), "{awaiting:?}");

        let mut blocking = Held::default();
        holding(
            async { std::thread::sleep(Duration::from_millis(60)) },
            &mut blocking,
        )
        .await;
        holding(
            async { std::thread::sleep(Duration::from_millis(60)) },
            &mut blocking,
        )
        .await;
        assert!(
            blocking.longest >= Duration::from_millis(60),
            "{blocking:?}"
        );
        assert!(blocking.total >= Duration::from_millis(120), "{blocking:?}");
    }
}
