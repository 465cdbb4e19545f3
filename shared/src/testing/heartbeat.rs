//! Detects code that blocks the runtime's thread, the mistake async code cannot see by itself.
//!
//! An async runtime runs many tasks on few threads, switching between them at each `.await`.
//! A call that blocks the thread instead of awaiting (`std::thread::sleep`, a `reqwest::blocking`
//! request, `futures::executor::block_on`, a synchronous file read) stops every other task on
//! that thread until it returns. A heartbeat is such an other task: it wakes every few
//! milliseconds and writes down how late it woke. On `#[tokio::test]`'s runtime, which has one
//! thread, any blocking call in the code under check shows up as one long gap between beats.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

/// How often the heartbeat means to beat.
const PERIOD: Duration = Duration::from_millis(5);

/// A gap at least this long counts as a stall in [`Heartbeat::stalled`]: ten periods, well above
/// the timer's own lateness, well below a blocking call worth finding.
const STALL: Duration = Duration::from_millis(30);

/// A task that beats every few milliseconds on the current runtime, and remembers the longest
/// gap between two beats. Stops when dropped.
///
/// Start it, run the code under check, then read [`Heartbeat::longest_gap`]: on a current-thread
/// runtime (the default of `#[tokio::test]`), a blocking call of 200 ms makes a gap of at least
/// 200 ms, while awaiting code keeps every gap near the period. Choose the threshold well above
/// what a busy machine's scheduler can cause (tens of milliseconds) and well below the blocking
/// the check provokes.
#[derive(Debug)]
pub struct Heartbeat {
    beats: Arc<Mutex<Beats>>,
    task: JoinHandle<()>,
}

/// When the beating started and the last beat was, the longest gap between two beats so far,
/// and the sum of the stalls.
#[derive(Debug)]
struct Beats {
    started: Instant,
    last: Instant,
    longest: Duration,
    stalled: Duration,
}

impl Heartbeat {
    /// Starts beating on the current tokio runtime.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub fn start() -> Heartbeat {
        let now = Instant::now();
        let beats = Arc::new(Mutex::new(Beats {
            started: now,
            last: now,
            longest: Duration::ZERO,
            stalled: Duration::ZERO,
        }));
        let record = beats.clone();
        let task = tokio::spawn(async move {
            loop {
                tokio::time::sleep(PERIOD).await;
                let now = Instant::now();
                let mut beats = record.lock().unwrap_or_else(PoisonError::into_inner);
                let gap = now - beats.last;
                beats.longest = beats.longest.max(gap);
                if gap >= STALL {
                    beats.stalled += gap;
                }
                beats.last = now;
            }
        });
        Heartbeat { beats, task }
    }

    /// The longest time between two beats so far, including the time since the last one (a
    /// blocking call that is still going shows too).
    pub fn longest_gap(&self) -> Duration {
        let beats = self.beats.lock().unwrap_or_else(PoisonError::into_inner);
        beats.longest.max(beats.last.elapsed())
    }

    /// How long the thread stood still in all, counting every gap of 30 ms or more (including
    /// the one still going), and how long the heartbeat has been running.
    ///
    /// One long gap can come from a busy machine's scheduler; many cannot. A call that blocks
    /// for 50 ms each time, called 14 times, stands the thread still for 700 ms of a run that
    /// takes little more, so a check can ask for a large sum *and* a large share of the run:
    /// `stalled >= 400 ms && stalled * 2 >= running`.
    pub fn stalled(&self) -> (Duration, Duration) {
        let beats = self.beats.lock().unwrap_or_else(PoisonError::into_inner);
        let current = beats.last.elapsed();
        let stalled = beats.stalled
            + if current >= STALL {
                current
            } else {
                Duration::ZERO
            };
        (stalled, beats.started.elapsed())
    }

    /// Whether the thread was blocked for a large part of the run: stalls adding up to at least
    /// `at_least`, and to at least half the time the heartbeat ran (see [`Heartbeat::stalled`]).
    pub fn blocked_for(&self, at_least: Duration) -> Option<Duration> {
        let (stalled, running) = self.stalled();
        (stalled >= at_least && stalled * 2 >= running).then_some(stalled)
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blocking sleep stops the beat for as long as it lasts; an async sleep does not.
    #[tokio::test]
    async fn a_blocking_call_shows_as_a_long_gap_and_an_await_does_not() {
        let heartbeat = Heartbeat::start();
        tokio::time::sleep(Duration::from_millis(100)).await;
        let awaiting = heartbeat.longest_gap();
        std::thread::sleep(Duration::from_millis(150));
        tokio::time::sleep(Duration::from_millis(20)).await;
        let blocked = heartbeat.longest_gap();
        assert!(awaiting < Duration::from_millis(100), "{awaiting:?}");
        assert!(blocked >= Duration::from_millis(150), "{blocked:?}");
    }

    /// Many short blocking calls add up; awaiting the same time does not.
    #[tokio::test]
    async fn short_blocking_calls_add_up_to_a_stall() {
        let awaiting = Heartbeat::start();
        for _ in 0..10 {
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
        assert_eq!(awaiting.blocked_for(Duration::from_millis(200)), None);
        drop(awaiting);

        let blocking = Heartbeat::start();
        for _ in 0..10 {
            std::thread::sleep(Duration::from_millis(40));
            tokio::task::yield_now().await;
        }
        let stalled = blocking.blocked_for(Duration::from_millis(200));
        assert!(
            stalled.is_some_and(|s| s >= Duration::from_millis(300)),
            "{stalled:?}"
        );
    }
}
