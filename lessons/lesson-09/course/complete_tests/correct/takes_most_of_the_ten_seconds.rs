//! Correct, and slow to return: once the server has answered, it takes 9.5 s more before it
//! returns (as a client on a loaded machine may), within the 10 s the contract gives a test (a
//! test that waits a second of its own after `complete` returns goes past them). The 9.5 s pass
//! on tokio's paused clock, so the check spends no real time on them: the clock is paused only
//! once every call made at once has its answer (no request waits on it), and it jumps to the
//! first timer due, the end of these 9.5 s, or a timeout of the test's own that is shorter.

use std::time::Duration;

use lesson_support::models::Todo;
use serde_json::json;

use crate::TodoError;

/// How long this client takes after the server's answer.
pub const SLOWNESS: Duration = Duration::from_millis(9_500);

pub async fn complete(base_url: &str, id: u64) -> Result<Todo, TodoError> {
    let client = super::course_client(base_url).map_err(TodoError::Transport)?;
    let sent = client
        .patch(format!("{base_url}/todos/{id}"))
        .json(&json!({ "completed": true }))
        .send();
    let response = {
        let _waiting = Waiting::new();
        sent.await
    };
    // Calls at once (a test's `join!`) pause the clock together, once none is still waiting
    // for its answer: a paused clock jumps ahead while a request is on the network, and would
    // reach the test's own deadline before the other answer came.
    while WAITING.get() > 0 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let response = response.map_err(TodoError::Transport)?;
    let status = response.status();
    let result = if status.is_success() {
        response.json().await.map_err(TodoError::Decode)
    } else {
        Err(TodoError::Status(status))
    };
    // Paused until this call ends, however it ends (a test that stops waiting drops it here).
    let _paused = PausedClock::new();
    tokio::time::sleep(SLOWNESS).await;
    result
}

/// tokio's clock, paused while at least one of these lives (a test may call `complete` twice
/// at once: the clock is paused by the first and resumed by the last). The checks' runtime has
/// one thread, as a paused clock needs, so the count is the thread's.
struct PausedClock;

thread_local! {
    static PAUSED_BY: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// How many calls are waiting for their answer, on this thread.
    static WAITING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One call waiting for its answer, counted in [`WAITING`] until dropped (however it ends).
struct Waiting;

impl Waiting {
    fn new() -> Waiting {
        WAITING.set(WAITING.get() + 1);
        Waiting
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        WAITING.set(WAITING.get().saturating_sub(1));
    }
}

impl PausedClock {
    fn new() -> PausedClock {
        if PAUSED_BY.replace(PAUSED_BY.get() + 1) == 0 {
            tokio::time::pause();
        }
        PausedClock
    }
}

impl Drop for PausedClock {
    fn drop(&mut self) {
        if PAUSED_BY.replace(PAUSED_BY.get().saturating_sub(1)) == 1 {
            tokio::time::resume();
        }
    }
}
